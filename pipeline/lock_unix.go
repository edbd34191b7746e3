//go:build unix

package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// folderLock is a taken lock of a folder.
type folderLock struct {
	f    *os.File
	path string
}

// lockFolder takes the lock of folder, waiting while another raftsheet
// holds it: an flock'ed file .raftsheet.lock in it, removed again on
// unlock. The system releases the lock when its holder exits, however it
// exits (kill -9 included); a lock file such a build leaves is used again.
func lockFolder(folder string) (*folderLock, error) {
	path := filepath.Join(folder, lockName)
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		for {
			err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
			if !errors.Is(err, syscall.EINTR) {
				break
			}
		}
		if err != nil {
			f.Close()
			return nil, err
		}
		// The holder before may have removed the file while this one
		// waited: then this lock is of a file no one else will open.
		held, err1 := f.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return &folderLock{f: f, path: path}, nil
		}
		f.Close()
	}
}

// unlock removes the lock file, then releases the lock.
func (l *folderLock) unlock() {
	os.Remove(l.path)
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
}

func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
