package class

import (
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// Class sets of 40 and of 1,000 students, role-play (groups of five
// sharing a variant) and trace (a variant each): every variant run,
// laid out and drawn, each student's files, the merged PDFs streamed to
// disk, the manifest. cpu-s/op is the processor time a build took, all
// cores together (on a shared machine a truer figure of the work than
// the wall time, which other processes stretch); peak-heap-MB is the largest heap (live objects and
// garbage not yet collected) sampled every few milliseconds while the
// set is built; peak-rss-MB the process's peak resident memory (Linux:
// VmHWM, reset before each benchmark). The targets, on two
// cores: 40 students under 1 s, 1,000 under 40 s and 300 MB. Run them
// one at a time for the peaks, e.g.
//
//	go test ./class -run '^$' -bench 'ClassSet/roleplay/1000' -benchtime 1x
func BenchmarkClassSet(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(400)) // as raftsheet build sets it for a class set
	for _, c := range []struct {
		name, template string
		students       int
	}{
		{"roleplay/40", "", 40}, {"trace/40", "trace", 40},
		{"roleplay/1000", "", 1000}, {"trace/1000", "trace", 1000},
	} {
		b.Run(c.name, func(b *testing.B) {
			ex := mustLoad(b, "partition")
			dir := b.TempDir()
			resetPeakRSS()
			cpu := cpuSeconds()
			peak := samplePeakHeap()
			var set *Set
			var err error
			for i := 0; i < b.N; i++ {
				set, err = Build(ex, Numbered(c.students), Options{Dir: filepath.Join(dir, "class"), Exercise: "partition", Seed: 2026, Template: c.template})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
			b.ReportMetric(peak()/(1<<20), "peak-heap-MB")
			if rss := peakRSS(); rss > 0 {
				b.ReportMetric(rss/(1<<20), "peak-rss-MB")
			}
			b.ReportMetric(float64(set.Worksheets+set.Keys)/(1<<20), "merged-MB")
		})
	}
}

// samplePeakHeap samples the heap every 2 ms until the function it
// returns is called, which says the largest sample.
func samplePeakHeap() func() float64 {
	var mu sync.Mutex
	most := 0.0
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			mu.Lock()
			most = max(most, float64(s[0].Value.Uint64()))
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() float64 {
		close(stop)
		<-done
		mu.Lock()
		defer mu.Unlock()
		return most
	}
}
