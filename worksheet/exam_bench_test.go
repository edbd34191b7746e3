package worksheet

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
)

// BenchmarkBuildExam is what `raftsheet build` does for each built-in
// exam, all but writing the files: load, run, work out every answer, lay out
// and draw the worksheet and the key. The target (issue 16): under 3 s.
//
//	go test ./worksheet -run - -bench BuildExam -benchtime 1x
func BenchmarkBuildExam(b *testing.B) {
	for _, name := range exercises.Names() {
		if !strings.HasPrefix(name, "exam-") {
			continue
		}
		b.Run(name, func(b *testing.B) {
			for range b.N {
				ex, err := exercises.Load(name)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := buildLoaded(ex, templates.KindExam, "a4"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
