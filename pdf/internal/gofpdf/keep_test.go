package gofpdf

import (
	"runtime"
	"testing"
)

// TestKeptAcrossCollections: what a document gives back is there for the
// next after the collector has run (a sync.Pool would have dropped it),
// and the list holds no more than it has room for.
func TestKeptAcrossCollections(t *testing.T) {
	made := 0
	k := keep[*int]{make: func() *int { made++; return new(int) }}
	x := k.get()
	k.put(x)
	runtime.GC()
	runtime.GC()
	if y := k.get(); y != x || made != 1 {
		t.Fatalf("after two collections got a new one (made %d): the free list was emptied", made)
	}
	room := 2 * runtime.GOMAXPROCS(0)
	for range room + 3 {
		k.put(new(int))
	}
	if len(k.free) != room {
		t.Fatalf("kept %d, want at most %d", len(k.free), room)
	}
}

// TestCompressorsKept: sliceCompress gives its writer back to the list.
func TestCompressorsKept(t *testing.T) {
	sliceCompress([]byte("warm up"))
	c := compressors.get()
	compressors.put(c)
	runtime.GC()
	runtime.GC()
	sliceCompress([]byte("BT /F1 9.00 Tf ET"))
	if got := compressors.get(); got != c {
		t.Fatal("sliceCompress made a new writer instead of taking the kept one")
	}
	compressors.put(c)
}
