// Package shortrun sets up the Go runtime for what raftsheet is: a
// command that runs for a fraction of a second and exits.
//
// Such a process pays for every page of memory it touches for the first
// time (a page fault, 10–15 µs each on a small virtual machine) and for
// every collection its young heap triggers. A build of the partition
// exercise touched some 1,900 heap pages and collected four or five
// times; setting the runtime up as below takes a third off its whole
// time, for a third more memory. No setting changes what a command
// computes or writes: huge pages are advice to the kernel, and the
// collector decides only when memory is freed.
package shortrun
