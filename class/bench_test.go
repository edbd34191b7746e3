package class

import (
	"path/filepath"
	"runtime"
	"testing"
)

// Class sets of 40 and of 1,000 students, role-play (groups of five
// sharing a variant) and trace (a variant each): every variant run,
// laid out and drawn, each student's files, the merged PDFs streamed to
// disk, the manifest. peak-heap-MB is the largest heap seen after each
// group; peak-sys-MB the memory taken from the system. The issue's
// targets, on two cores: 40 students under 1 s, 1,000 under 40 s and
// 300 MB. Run them one at a time for the peaks, e.g.
//
//	go test ./class -run '^$' -bench 'ClassSet/1000' -benchtime 1x
func BenchmarkClassSet(b *testing.B) {
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
			var peak peakMemory
			var set *Set
			var err error
			for i := 0; i < b.N; i++ {
				set, err = Build(ex, Numbered(c.students), Options{Dir: filepath.Join(dir, "class"), Exercise: "partition", Seed: 2026,
					Template: c.template, Progress: func(int, int) { peak.sample() }})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(peak.heap/(1<<20), "peak-heap-MB")
			b.ReportMetric(peak.sys/(1<<20), "peak-sys-MB")
			b.ReportMetric(float64(set.Worksheets+set.Keys)/(1<<20), "merged-MB")
		})
	}
}

// peakMemory is the most memory a build held, sampled as it goes.
type peakMemory struct{ heap, sys float64 }

func (p *peakMemory) sample() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	p.heap = max(p.heap, float64(m.HeapAlloc))
	p.sys = max(p.sys, float64(m.Sys))
}
