package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// WriteFiles writes every file to a temporary file beside it and renames
// them into place only once all are written: a failure leaves the files of
// the previous build as they were, and no reader ever sees half a PDF.
func WriteFiles(files map[string][]byte) (err error) {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	temps := map[string]string{}
	defer func() {
		for _, t := range temps {
			os.Remove(t) // only those not renamed are left
		}
	}()
	for _, p := range paths {
		t, err := writeTemp(p, files[p])
		if err != nil {
			return err
		}
		temps[p] = t
	}
	for _, p := range paths {
		if err := os.Rename(temps[p], p); err != nil {
			return err
		}
		delete(temps, p)
	}
	return nil
}

// writeTemp writes data to a new temporary file in path's folder.
func writeTemp(path string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	err = errors.Join(err, f.Close())
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
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
