package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/raftsheet/raftsheet/textsafe"
)

// OutputFolder is the folder out/name/… a build writes into, checked to
// lie inside out: every name is a plain name (not empty, not only dots,
// no separator), and no folder below out is a symbolic link, which would
// send the files elsewhere. out itself is the user's choice and may be a
// link.
//
// A link below out is refused, not replaced: someone put it there on
// purpose (to keep sheets on a shared drive, say), and replacing it would
// quietly undo that, while following it writes outside the folder named
// with -o. The error says how to have both: name the link's target
// with -o.
func OutputFolder(out string, names ...string) (string, error) {
	dir := out
	for _, name := range names {
		if err := plainName(name); err != nil {
			return "", &OutputDirError{Dir: filepath.Join(dir, name), Err: err}
		}
		dir = filepath.Join(dir, name)
		if err := realFolder(dir); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// plainName refuses a name that is not a single file or folder name.
func plainName(name string) error {
	switch {
	case strings.Trim(name, ".") == "":
		return fmt.Errorf("the name %s is empty or only dots, which names no folder of its own", textsafe.Quote(name, 20))
	case strings.ContainsAny(name, `/\`+"\x00"):
		return fmt.Errorf("the name %s has a path separator", textsafe.Quote(name, 60))
	}
	return nil
}

// realFolder refuses a path that is a symbolic link, or a file where a
// folder belongs; a path that does not exist yet is fine.
func realFolder(dir string) error {
	st, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return &OutputDirError{Dir: dir, Err: err}
	case st.Mode()&fs.ModeSymlink != 0:
		return &LinkError{Dir: dir}
	case !st.IsDir():
		return &OutputDirError{Dir: dir, Err: errors.New("it is a file, not a folder")}
	}
	return nil
}

// LinkError is a folder of a build's output that is a symbolic link.
type LinkError struct{ Dir string }

func (e *LinkError) Error() string {
	target, _ := os.Readlink(e.Dir)
	return fmt.Sprintf("%s is a symbolic link (to %s), and raftsheet writes only inside the output folder; remove the link, or name the folder it points to with -o",
		textsafe.Line(e.Dir), textsafe.Line(target))
}
