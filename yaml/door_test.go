package yaml_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Each outside library is imported by its one package (tests aside), so
// that replacing it is a change there: yaml.v3 by yaml/, gofpdf by pdf/,
// cobra by cmd/raftsheet (docs/ARCHITECTURE.md, "Dependencies").
func TestEachLibraryHasOneDoor(t *testing.T) {
	doors := map[string]string{
		"gopkg.in/yaml.v3": "yaml",
		"github.com/raftsheet/raftsheet/pdf/internal/gofpdf": "pdf",
		"github.com/spf13/cobra":                             filepath.Join("cmd", "raftsheet"),
	}
	files := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != ".." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "out") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		dir, _ := filepath.Rel("..", filepath.Dir(path))
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if door, ok := doors[p]; ok && dir != door {
				t.Errorf("%s imports %s, which only %s/ may: go through it", path, p, door)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("read %d Go files: is the walk in the module?", files)
	}
}
