// Package exercises is raftsheet's built-in library of Raft exercises,
// embedded in the binary, and the lookup of an exercise by NAME or FILE.
package exercises

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/exercise"
)

//go:embed *.yaml
var files embed.FS

// Names lists the built-in exercises, sorted.
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// Source is an exercise's YAML and where it came from.
type Source struct {
	Name  string // NAME: the file name without .yaml
	File  string // the path errors name: the file, or NAME.yaml for a built-in
	Bytes []byte
	// Builtin: the exercise is the built-in NAME, not a file.
	Builtin bool
}

// Find reads the exercise arg names: an existing file, or else a built-in
// NAME; "-" is the standard input.
func Find(arg string) (Source, error) {
	if arg == Stdin {
		return readStdin()
	}
	if st, err := os.Stat(arg); err == nil && !st.IsDir() {
		b, err := os.ReadFile(arg)
		if err != nil {
			return Source{}, fmt.Errorf("%s: %w", arg, err)
		}
		return Source{Name: strings.TrimSuffix(filepath.Base(arg), filepath.Ext(arg)), File: arg, Bytes: b}, nil
	}
	if b, err := files.ReadFile(arg + ".yaml"); err == nil {
		return Source{Name: arg, File: arg + ".yaml", Bytes: b, Builtin: true}, nil
	}
	return Source{}, notFound(arg)
}

// Load finds and loads an exercise.
func Load(arg string) (*exercise.Exercise, error) {
	src, err := Find(arg)
	if err != nil {
		return nil, err
	}
	return exercise.Load(src.File, src.Name, src.Bytes)
}

// Builtin loads a built-in exercise by NAME.
func Builtin(name string) (*exercise.Exercise, error) {
	b, err := files.ReadFile(name + ".yaml")
	if err != nil {
		return nil, errors.New("no built-in exercise " + name)
	}
	return exercise.Load(name+".yaml", name, b)
}
