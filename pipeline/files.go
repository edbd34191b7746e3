package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// WriteFiles writes files, all in one folder, all or nothing (a
// StageFiles): a failure leaves the files of the previous build as they
// were, and no reader ever sees half a PDF.
func WriteFiles(files map[string][]byte) error {
	if len(files) == 0 {
		return nil
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	dir := filepath.Dir(paths[0])
	for _, p := range paths {
		if filepath.Dir(p) != dir {
			return fmt.Errorf("cannot write %s and %s together: they are in different folders (a bug in raftsheet, please report it)", paths[0], p)
		}
	}
	s, err := StageFiles(dir)
	if err != nil {
		return err
	}
	defer s.Abort()
	for _, p := range paths {
		if err := s.WriteFile(filepath.Base(p), files[p]); err != nil {
			return err
		}
	}
	return s.Commit()
}

// MakeOutputDir creates dir for the files of a build, and says, when it
// cannot, which folder and what to do (an *OutputDirError).
func MakeOutputDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &OutputDirError{Dir: dir, Err: err}
	}
	return nil
}

// OutputDirError is a folder a build cannot write into.
type OutputDirError struct {
	Dir string
	Err error // from os.MkdirAll
}

func (e *OutputDirError) Error() string {
	reason := e.Err.Error()
	var pe *os.PathError
	if errors.As(e.Err, &pe) {
		reason = pe.Err.Error()
		if pe.Path != e.Dir {
			reason = pe.Path + ": " + reason
		}
	}
	return fmt.Sprintf("cannot write into the folder %s (%s); choose another with -o", e.Dir, reason)
}

func (e *OutputDirError) Unwrap() error { return e.Err }
