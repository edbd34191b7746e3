package class

import (
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"testing"
)

// A class set's memory does not grow with the class: each group's PDFs
// are streamed into the merged PDFs on disk as they are made. After each
// group the live heap is measured (after a collection, as the collector
// marked it, so allocations racing the measurement do not count). It
// depends on what is in the making at that moment (a gofpdf document
// weighs a few megabytes while it is drawn), not on how many groups came
// before, so the low end of the samples (their 20th percentile) is the
// memory held between groups: for a class five times as large it stays
// within 2 MB of the smaller class's, and over the large class it does
// not climb (the last third's within 2 MB of the first third's). Holding
// every group's PDFs to the end, as the merged PDFs once were, climbs by
// about 10 MB over the 150 students, and fails both.
func TestClassSetMemoryIsFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 180 students' sheets")
	}
	ex := mustLoad(t, "election") // 3 servers: a group of 3
	live := func(students int) []float64 {
		var samples []float64
		_, err := Build(ex, Numbered(students), Options{Dir: filepath.Join(t.TempDir(), "class"), Exercise: "election", Seed: 1, Jobs: 1,
			Progress: func(done, total int) {
				if done == total {
					return // the last group: nothing is in the making
				}
				runtime.GC()
				s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
				metrics.Read(s)
				samples = append(samples, float64(s[0].Value.Uint64())/(1<<20))
			}})
		if err != nil {
			t.Fatal(err)
		}
		return samples
	}
	live(6) // the fonts, the templates and the built-ins, read once per process
	small, large := live(30), live(150)
	third := len(large) / 3
	first, last := low(large[:third]), low(large[len(large)-third:])
	t.Logf("live heap between groups: %.1f MB for 30 students, %.1f MB for 150; over the 150, %.1f MB first, %.1f MB last", low(small), low(large), first, last)
	if low(large) > low(small)+2 {
		t.Errorf("the live heap grows with the class: %.1f MB for 30 students, %.1f MB for 150", low(small), low(large))
	}
	if last > first+2 {
		t.Errorf("the live heap climbs as the class set is built: %.1f MB over the first third of 150 students, %.1f MB over the last", first, last)
	}
}

// low is the 20th percentile of samples: the memory held when little is
// in the making.
func low(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	return s[(len(s)-1)/5]
}
