//go:build !unix

package pipeline

// folderLock is nothing on systems without flock (Windows): two builds
// of the same folder at once are not kept apart there. Each still
// commits whole and the later one wins, but one may fail with an error
// where the other moved the folder away.
type folderLock struct{}

func lockFolder(folder string) (*folderLock, error) { return &folderLock{}, nil }

func (l *folderLock) unlock() {}

func isNoSpace(err error) bool { return false }
