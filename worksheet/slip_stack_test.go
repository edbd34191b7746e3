package worksheet

import (
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/templates"
)

// printedSlips is how many slips of a kind a role-play document prints.
func printedSlips(b built, kind string) int {
	n := 0
	for _, f := range b.doc.Fields() {
		if f.ID == field.SlipID(kind, n+1, "from") {
			n++
		}
	}
	return n
}

// The stack of blank slips does not say how many the run uses: not how
// many elections happen (RequestVote slips), not how many rounds of
// AppendEntries. Each kind's count is the number used rounded up to a
// page's worth, and a page more, so that runs that use different numbers
// of slips print the same stack (checked on the stack's sizes for every
// number used, and on every built-in's sheets).
func TestSlipStackSaysNotHowManyAreUsed(t *testing.T) {
	for _, perPage := range []int{2, 3, 6, 8} {
		sizes := map[int][]int{} // stack size → the numbers used that print it
		for used := 0; used <= 10*perPage; used++ {
			n := stackSize(used, perPage)
			if n < used+perPage || n%perPage != 0 {
				t.Errorf("%d a page: %d used, %d printed: not whole pages with a page of spares", perPage, used, n)
			}
			sizes[n] = append(sizes[n], used)
		}
		for n, useds := range sizes {
			if len(useds) < perPage && useds[len(useds)-1] != 10*perPage {
				t.Errorf("%d a page: only %v used print a stack of %d", perPage, useds, n)
			}
		}
	}
	// On the sheets: no built-in prints a stack that is the key's count
	// plus a fixed number; across them, spares vary.
	spares := map[string]map[int]bool{"rv": {}, "ae": {}}
	for _, name := range exercises.Names() {
		b := buildExercise(t, name, templates.KindRoleplay, "a4")
		st := stackOf(slipsOf(b.tr, nil))
		for kind, used := range map[string]int{"rv": len(st.rv), "ae": len(st.ae)} {
			printed := printedSlips(b, kind)
			if printed < used+1 {
				t.Errorf("%s: %d %s slips used, %d printed: no spare", name, used, kind, printed)
			}
			spares[kind][printed-used] = true
		}
	}
	for kind, s := range spares {
		if len(s) < 2 {
			t.Errorf("every built-in prints its %s slips used and %v spares: the count tells how many are used", kind, s)
		}
	}
}
