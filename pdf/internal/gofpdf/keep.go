package gofpdf

// raftsheet patch (see PATCHES.md): the zlib writers and CIDToGIDMap
// arrays documents borrow are kept in a free list the collector leaves
// alone. A sync.Pool drops what it holds at every other collection, and a
// program drawing many documents (a class set) collects often: each
// dropped writer, a megabyte, was made again for the next page.

import (
	"runtime"
	"sync"
)

// keep is a free list of up to twice as many things as there are
// processors, which is more than draw at once.
type keep[T any] struct {
	mu   sync.Mutex
	free []T
	make func() T
}

// get is a kept thing, or a new one.
func (k *keep[T]) get() T {
	k.mu.Lock()
	if n := len(k.free); n > 0 {
		x := k.free[n-1]
		k.free = k.free[:n-1]
		k.mu.Unlock()
		return x
	}
	k.mu.Unlock()
	return k.make()
}

// put gives x back, to be kept if there is room.
func (k *keep[T]) put(x T) {
	k.mu.Lock()
	if len(k.free) < 2*runtime.GOMAXPROCS(0) {
		k.free = append(k.free, x)
	}
	k.mu.Unlock()
}
