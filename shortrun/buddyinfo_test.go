//go:build linux

package shortrun

import "testing"

// freeInBlocks counts, in pages, the free blocks of the order asked and
// above, over every zone and node, as /proc/buddyinfo lists them (a
// column per order, from 0).
func TestFreeInBlocks(t *testing.T) {
	const buddyinfo = `Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3
Node 0, zone    DMA32      4      1      2      2      2      2      1      4      4      2    752
Node 0, zone   Normal  20491  13457   9748   7586   3815   1881    641    270    222    141   2471
Node 1, zone   Normal      0      0      0      0      0      0      0      0      0      5      0
`
	for _, c := range []struct {
		order int
		want  uint64
	}{
		{9, (1+2+141+5)<<9 + (3+752+2471)<<10},
		{10, (3 + 752 + 2471) << 10},
		{11, 0},
	} {
		if got := freeInBlocks(buddyinfo, c.order); got != c.want {
			t.Errorf("order %d: %d pages, want %d", c.order, got, c.want)
		}
	}
	if got := freeInBlocks("", 9); got != 0 {
		t.Errorf("nothing to read: %d pages", got)
	}
}
