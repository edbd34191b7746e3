// Package exercises is raftsheet's built-in library of Raft exercises,
// embedded in the binary, and the lookup of an exercise by NAME or FILE.
package exercises

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/infile"
	"github.com/raftsheet/raftsheet/textsafe"
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
// NAME; "-" is the standard input. A folder, a FIFO, a device or a file
// over exercise.MaxFileSize is refused before anything is read.
func Find(arg string) (Source, error) {
	if arg == Stdin {
		return readStdin()
	}
	b, err := infile.Read(arg, exercise.MaxFileSize)
	if err == nil {
		name := strings.TrimSuffix(filepath.Base(arg), filepath.Ext(arg))
		if err := checkName(arg, name); err != nil {
			return Source{}, err
		}
		return Source{Name: name, File: arg, Bytes: b}, nil
	}
	b, builtin := builtinSource(arg)
	switch {
	case builtin && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, infile.ErrFolder)):
		return Source{Name: arg, File: arg + ".yaml", Bytes: b, Builtin: true}, nil // a folder named like a built-in, as `-o .` makes
	case !errors.Is(err, fs.ErrNotExist):
		return Source{}, err
	}
	return Source{}, notFound(arg)
}

// checkName refuses a file whose name gives the exercise no name: its
// NAME is the folder its sheets are written to (DIR/NAME/), and "", "."
// or ".." would put them outside DIR or in DIR itself.
func checkName(file, name string) error {
	if strings.Trim(name, ".") == "" {
		return fmt.Errorf("%s: the file name gives the exercise no name (its name is the file's name without .yaml, and names the folder its sheets go to); rename the file, e.g. my-exercise.yaml",
			textsafe.Line(file))
	}
	return nil
}

// builtinSource is the YAML of the built-in exercise name, if there is one.
func builtinSource(name string) ([]byte, bool) {
	if strings.ContainsAny(name, `/\`) {
		return nil, false
	}
	b, err := files.ReadFile(name + ".yaml")
	return b, err == nil
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
