package class

import (
	"path/filepath"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
)

// BenchmarkClassSetPartition40 is `raftsheet build partition --variants
// 40`: forty variants run, laid out and drawn, each student's worksheet,
// key and answer template, the merged worksheets and keys, the manifest,
// all written. The issue asks for under 3 s on two cores.
func BenchmarkClassSetPartition40(b *testing.B) {
	ex, err := exercises.Load("partition")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var set *Set
	for i := 0; i < b.N; i++ {
		set, err = Build(ex, Numbered(40), Options{Dir: filepath.Join(dir, "class"), Exercise: "partition", Seed: 2026})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(set.Worksheets+set.Keys)/1024, "KB(merged)")
}
