package shortrun

import (
	"syscall"
	"unsafe"
)

// canAdvise is true: Linux takes advice on huge pages (madvise).
const canAdvise = true

// hugePage is the size of a transparent huge page on the machines Go
// runs Linux on (x86-64, arm64 with 4 KB pages).
const hugePage = 2 << 20

// madvHugepage is MADV_HUGEPAGE, the same on every Linux architecture.
const madvHugepage = 14

// adviseHuge gives the whole huge pages within b the advice MADV_HUGEPAGE:
// the kernel backs them with a huge page at their first touch, when
// transparent huge pages are "always" or "madvise" (its default).
func adviseHuge(b []byte) (begin, end uintptr, err error) {
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	begin = (start + hugePage - 1) &^ (hugePage - 1)
	end = (start + uintptr(len(b))) &^ (hugePage - 1)
	if begin >= end {
		return 0, 0, syscall.EINVAL
	}
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, begin, end-begin, madvHugepage); e != 0 {
		return 0, 0, e
	}
	return begin, end, nil
}
