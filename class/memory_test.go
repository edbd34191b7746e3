package class

import (
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// A class set's memory does not grow with the class: the groups are
// streamed into the merged PDFs on disk as they are made, a few at a
// time. After each group the live heap is measured (after a collection,
// so the collector's timing does not count): it depends on how many
// groups are in the making at that moment, not on how many came before.
// Its median for a class five times as large stays within a megabyte of
// the smaller one's, and over the large class it does not climb (the
// last third's mean within 1.5 MB of the first's); holding every group's
// pages to the end, as the merged PDFs once were, climbs by several.
func TestClassSetMemoryIsFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 180 students' sheets")
	}
	ex := mustLoad(t, "election") // 3 servers: a group of 3
	live := func(students int) []float64 {
		var samples []float64
		_, err := Build(ex, Numbered(students), Options{Dir: filepath.Join(t.TempDir(), "class"), Exercise: "election", Seed: 1, Jobs: 2,
			Progress: func(done, total int) {
				if done == total {
					return // the last group: nothing is in the making
				}
				runtime.GC()
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				samples = append(samples, float64(m.HeapAlloc)/(1<<20))
			}})
		if err != nil {
			t.Fatal(err)
		}
		return samples
	}
	live(6) // the fonts, the templates and the built-ins, read once per process
	small, large := live(30), live(150)
	third := len(large) / 3
	first, last := mean(large[:third]), mean(large[len(large)-third:])
	t.Logf("live heap: median %.1f MB for 30 students, %.1f MB for 150; over the 150, %.1f MB first, %.1f MB last", median(small), median(large), first, last)
	if median(large) > median(small)+1 {
		t.Errorf("the live heap grows with the class: median %.1f MB for 30 students, %.1f MB for 150", median(small), median(large))
	}
	if last > first+1.5 {
		t.Errorf("the live heap climbs as the class set is built: %.1f MB over the first third of 150 students, %.1f MB over the last", first, last)
	}
}

func median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	return (s[(len(s)-1)/2] + s[len(s)/2]) / 2
}

func mean(v []float64) float64 {
	sum := 0.0
	for _, x := range v {
		sum += x
	}
	return sum / float64(len(v))
}
