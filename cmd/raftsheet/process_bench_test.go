//go:build unix

package main

import (
	"os/exec"
	"runtime"
	"syscall"
	"testing"
)

// BenchmarkBuildProcess times `raftsheet build partition` as a whole
// process, built as the README says: start-up, the runtime's set-up,
// every page fault and exit included, which a benchmark inside one
// process hides (BenchmarkBuildPartition). Its yardstick is pdflatex of the
// same sheets, also timed as whole processes, and the target is a tenth
// of its time:
//
//	go test ./cmd/raftsheet -run '^$' -bench BuildProcess -benchtime 40x
//	go test ./worksheet -run '^$' -bench PdflatexSameSheets -benchtime 10x
//
// peak-MB is the largest resident size a run reached.
func BenchmarkBuildProcess(b *testing.B) {
	bin := buildWith(b, "CGO_ENABLED=0")
	out := b.TempDir()
	var peak int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "build", "partition", "-o", out)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, msg)
		}
		if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, int64(u.Maxrss))
		}
	}
	if runtime.GOOS != "darwin" { // Maxrss is in bytes there, kB elsewhere
		peak *= 1024
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}
