package exam

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
)

// BenchmarkExamQuestions answers every question of every built-in exam,
// one at a time, as the sheets need it: the explorer's answer, the boxes,
// the key's witnesses made readable and judged as a student's would be.
// The target (issue 16): each under 2 s.
//
//	go test ./exam -run - -bench ExamQuestions -benchtime 1x
func BenchmarkExamQuestions(b *testing.B) {
	for _, name := range exercises.Names() {
		if !strings.HasPrefix(name, "exam-") {
			continue
		}
		ex, err := exercises.Builtin(name)
		if err != nil {
			b.Fatal(err)
		}
		for i, q := range ex.Questions {
			one := *ex
			one.Questions = []exercise.Question{q}
			b.Run(fmt.Sprintf("%s/q%d-%s", name, i+1, q.Kind), func(b *testing.B) {
				for range b.N {
					if _, err := Build(&one); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
