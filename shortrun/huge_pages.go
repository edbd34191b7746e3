package shortrun

import (
	"errors"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// HeapRegion is the size of the heap that HugePages asks huge pages for:
// more than a role-play or trace build of any built-in exercise
// allocates (8–22 MB; an exam whose questions are explored allocates
// more, and collects).
const HeapRegion = 48 << 20

// HugePages asks the kernel to back the next HeapRegion bytes of the heap
// with huge pages (2 MB on x86-64: one page fault where there were 512),
// where the operating system can and GODEBUG=disablethp=1 does not say
// otherwise; it returns the range advised, or the reason it advised none
// (the command goes on either way).
//
// The runtime maps heap memory without advice and offers no setting for
// it, so HugePages maps the region itself: one allocation of HeapRegion
// bytes, fresh from the operating system and never touched, is advised,
// dropped and collected. Its pages are then the free heap pages at the
// lowest addresses above what the program used so far, which is where the
// runtime's page allocator takes the next pages from.
func HugePages() (begin, end uintptr, err error) {
	if thpDisabled(os.Getenv("GODEBUG")) {
		return 0, 0, errors.New("GODEBUG=disablethp=1 asks for no huge pages")
	}
	size, err := hugePageSize()
	if err != nil {
		return 0, 0, err
	}
	// Allocating the region must not start a collection: one, once the
	// region is garbage, is what frees it.
	percent := debug.SetGCPercent(-1)
	defer debug.SetGCPercent(percent)
	region := make([]byte, HeapRegion)
	begin, end, err = adviseHuge(region, size)
	runtime.KeepAlive(region) // its last use: the collection below frees it
	runtime.GC()
	return begin, end, err
}

// thpDisabled reads Go's own switch for huge pages, disablethp, in a
// GODEBUG value (the last setting wins, as in the runtime).
func thpDisabled(godebug string) bool {
	off := false
	for _, kv := range strings.Split(godebug, ",") {
		if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok && k == "disablethp" {
			off = v == "1"
		}
	}
	return off
}
