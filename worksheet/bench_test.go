package worksheet

import (
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// BenchmarkBuildPartition is `raftsheet build partition` without the
// process and the files: load, run, lay out, draw worksheet and key.
func BenchmarkBuildPartition(b *testing.B) {
	tpl, err := templates.Builtin(templates.KindRoleplay)
	if err != nil {
		b.Fatal(err)
	}
	paper, _ := page.ParsePaper("a4")
	var size int
	for i := 0; i < b.N; i++ {
		ex, err := exercises.Load("partition")
		if err != nil {
			b.Fatal(err)
		}
		tr, err := exercise.Run(ex)
		if err != nil {
			b.Fatal(err)
		}
		_, pdfs, err := draw(ex, tr, Options{Template: tpl, Paper: paper})
		if err != nil {
			b.Fatal(err)
		}
		size = len(pdfs.Worksheet) + len(pdfs.Key)
	}
	b.ReportMetric(float64(size)/1024, "KB/op(pdfs)")
}
