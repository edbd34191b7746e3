package shortrun

import (
	"errors"
	"fmt"
	"math/bits"
	"os"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

// thpDir is where Linux says how it gives transparent huge pages.
const thpDir = "/sys/kernel/mm/transparent_hugepage/"

// madvHugepage is MADV_HUGEPAGE, the same on every Linux architecture.
const madvHugepage = 14

// hugePageSize is the size of the kernel's transparent huge pages, or why
// HugePages should not ask for them: none (a kernel without them, or set
// to "never"), pages so large (arm64 with 64 KB pages: 512 MB) that the
// region holds too few, or too little memory free in whole huge pages.
//
// The last is what makes the advice safe to give. Where the kernel's
// defrag setting is "madvise" (its default), a first touch of advised
// memory that finds no free huge page waits for the kernel to reclaim or
// compact memory, which can take 100 ms and more (golang/go#61718: why Go
// stopped advising its heap). With a gigabyte free in whole huge pages,
// the region's few faults take free ones.
func hugePageSize() (uintptr, error) {
	mode, err := os.ReadFile(thpDir + "enabled")
	if err != nil {
		return 0, errors.New("no transparent huge pages in this kernel")
	}
	if strings.Contains(string(mode), "[never]") {
		return 0, errors.New("transparent huge pages are set to never")
	}
	b, err := os.ReadFile(thpDir + "hpage_pmd_size")
	if err != nil {
		return 0, errors.New("no transparent huge pages in this kernel")
	}
	size, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	page := uint64(os.Getpagesize())
	if err != nil || size < page || size&(size-1) != 0 {
		return 0, fmt.Errorf("%shpage_pmd_size says %q", thpDir, b)
	}
	if size > HeapRegion/4 {
		return 0, fmt.Errorf("huge pages of %d MB are too large for a %d MB region", size>>20, HeapRegion>>20)
	}
	buddies, err := os.ReadFile("/proc/buddyinfo")
	if err != nil {
		return 0, errors.New("cannot tell how much memory is free in huge pages (no /proc/buddyinfo)")
	}
	order := bits.TrailingZeros64(size / page)
	if free := freeInBlocks(string(buddies), order) * page; free < minFreeHuge {
		return 0, fmt.Errorf("%d MB free in whole huge pages, less than %d MB", free>>20, minFreeHuge>>20)
	}
	return uintptr(size), nil
}

// minFreeHuge is the memory that must be free in whole huge pages for
// HugePages to ask for them.
const minFreeHuge = 1 << 30

// freeInBlocks reads /proc/buddyinfo: the pages free in blocks of 2^order
// pages or more, in every zone of every node.
func freeInBlocks(buddyinfo string, order int) uint64 {
	var pages uint64
	for _, line := range strings.Split(buddyinfo, "\n") {
		_, counts, ok := strings.Cut(line, "zone")
		if !ok {
			continue
		}
		fields := strings.Fields(counts)
		for o := order; o+1 < len(fields) && o < 64; o++ {
			if n, err := strconv.ParseUint(fields[o+1], 10, 64); err == nil {
				pages += n << o
			}
		}
	}
	return pages
}

// adviseHuge gives the whole huge pages (of size bytes) within b the
// advice MADV_HUGEPAGE: the kernel backs each with a huge page at its
// first touch, where transparent huge pages are "always" or "madvise"
// (distributions ship either; with "always" the heap had them anyway).
func adviseHuge(b []byte, size uintptr) (begin, end uintptr, err error) {
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	begin = (start + size - 1) &^ (size - 1)
	end = (start + uintptr(len(b))) &^ (size - 1)
	if begin >= end {
		return 0, 0, syscall.EINVAL
	}
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, begin, end-begin, madvHugepage); e != 0 {
		return 0, 0, e
	}
	return begin, end, nil
}
