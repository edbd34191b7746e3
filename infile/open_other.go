//go:build !unix

package infile

// nonBlocking is nothing where opening cannot block on a FIFO.
const nonBlocking = 0
