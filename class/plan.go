package class

import (
	"math"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/variant"
)

// Assignment is the variant one student gets.
type Assignment struct {
	Student
	Number uint16
	Code   string
}

// Assign gives every student a variant of the exercise, deterministic from
// the exercise, the seed and the student's id; two students never share
// one (a clash moves the later student, in roster order, to the next free
// number). There are 65,536 variants: past that many students (Build
// refuses more than MaxStudents), numbers repeat rather than the search
// for a free one going on for ever.
func Assign(exercise string, seed uint64, students []Student) []Assignment {
	taken := map[uint16]bool{}
	out := make([]Assignment, len(students))
	for i, s := range students {
		n := variant.NumberFor(exercise, seed, s.ID)
		for tries := 0; taken[n] && tries <= math.MaxUint16; tries++ {
			n++
		}
		taken[n] = true
		out[i] = Assignment{Student: s, Number: n, Code: variant.Code(exercise, n)}
	}
	return out
}

// NoVariation is the policy of an exercise that forbids variants: its
// class set gives every student the same sheets, under different codes.
var NoVariation = exercise.VariantPolicy{}
