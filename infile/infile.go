// Package infile reads the files a person hands raftsheet (an exercise, a
// template, a roster, an answer file) safely: regular files only, and no
// larger than a cap checked before a byte is read, so that a folder, a
// FIFO, /dev/zero or a huge file is an error that says so, never a hang
// or an out-of-memory crash.
package infile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/raftsheet/raftsheet/textsafe"
)

// Read reads the regular file at path, at most limit bytes. A missing
// file is the os error (errors.Is(err, fs.ErrNotExist)); a folder,
// anything that is not a regular file, or a file larger than limit is an
// *Error saying which.
func Read(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &notFound{path}
	}
	if err != nil {
		return nil, err
	}
	if err := Check(path, st, limit); err != nil {
		return nil, err
	}
	// Opened without blocking: a file swapped for a FIFO after the check
	// must not hang the open; the check is repeated on what was opened.
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlocking, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := Check(path, st, limit); err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", textsafe.Line(path), err)
	}
	if int64(len(b)) > limit { // it grew while being read
		return nil, &Error{Path: path, Problem: TooLarge, Limit: limit}
	}
	return b, nil
}

// notFound is a file that is not there.
type notFound struct{ path string }

func (e *notFound) Error() string { return textsafe.Line(e.path) + ": no such file" }
func (e *notFound) Unwrap() error { return fs.ErrNotExist }

// Check says whether st, the file at path, may be read: a regular file
// of at most limit bytes.
func Check(path string, st fs.FileInfo, limit int64) error {
	switch {
	case st.IsDir():
		return &Error{Path: path, Problem: Folder}
	case !st.Mode().IsRegular():
		return &Error{Path: path, Problem: NotRegular}
	case st.Size() > limit:
		return &Error{Path: path, Problem: TooLarge, Limit: limit}
	}
	return nil
}

// Problem is why a file cannot be read.
type Problem int

const (
	Folder     Problem = iota + 1 // a folder where a file was wanted
	NotRegular                    // a FIFO, a device, a socket
	TooLarge                      // larger than the cap
)

// Error is a file raftsheet will not read.
type Error struct {
	Path    string
	Problem Problem
	Limit   int64 // the cap, for TooLarge
}

func (e *Error) Error() string {
	p := textsafe.Line(e.Path)
	switch e.Problem {
	case Folder:
		return p + " is a folder (name a file)"
	case NotRegular:
		return p + " is not a regular file (a pipe, a device or a socket); save it as a file and name that"
	}
	return fmt.Sprintf("%s is larger than %s (no file of this kind is that big: is it the right file?)", p, Size(e.Limit))
}

// Is makes errors.Is(err, ErrFolder) and the like work.
func (e *Error) Is(target error) bool {
	var t *Error
	return errors.As(target, &t) && t.Path == "" && t.Problem == e.Problem
}

// Sentinels for errors.Is.
var (
	ErrFolder     error = &Error{Problem: Folder}
	ErrNotRegular error = &Error{Problem: NotRegular}
	ErrTooLarge   error = &Error{Problem: TooLarge}
)

// Size is a cap in words: "2 MB", "512 KB".
func Size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
