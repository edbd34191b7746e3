//go:build linux

package pipeline

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders a and b at once (renameat2 with
// RENAME_EXCHANGE, Linux 3.15 on; ext4, xfs, btrfs, tmpfs and most local
// file systems have it). errNoExchange where the file system has not.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return errNoExchange
	}
	return err
}
