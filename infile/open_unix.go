//go:build unix

package infile

import "syscall"

// nonBlocking makes opening a FIFO return at once instead of waiting for
// a writer.
const nonBlocking = syscall.O_NONBLOCK
