//go:build !linux

package shortrun

// canAdvise is false: huge pages for the heap are asked for this way only
// on Linux.
const canAdvise = false

func adviseHuge([]byte) (begin, end uintptr, err error) { return 0, 0, nil }
