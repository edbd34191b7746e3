//go:build !linux

package shortrun

import "errors"

// hugePageSize: huge pages for a heap are asked for this way only on
// Linux.
func hugePageSize() (uintptr, error) { return 0, errors.ErrUnsupported }

func adviseHuge([]byte, uintptr) (begin, end uintptr, err error) { return 0, 0, nil }
