package worksheet

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
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

// An exercise that allows PreVote or snapshots gets their slip stacks
// whether or not its run sends one: whether a stack is printed must not
// tell the students that no pre-vote (or snapshot) happens.
func TestStacksFollowTheExerciseNotTheRun(t *testing.T) {
	for name, src := range map[string]string{
		"pv": `title: PreVote on, no election
servers: 3
options: {prevote: true}
initial:
  S1: {term: 1, role: leader, voted_for: S1}
  S2: {term: 1, voted_for: S1}
  S3: {term: 1, voted_for: S1}
steps:
  - client: {server: S1, value: x}
  - heartbeat: S1
  - deliver: all
`,
		"is": `title: a snapshot no one needs
servers: 3
initial:
  S1: {term: 1, role: leader, voted_for: S1, log: ["1:x"], commit: 1}
  S2: {term: 1, voted_for: S1, log: ["1:x"], commit: 1}
  S3: {term: 1, voted_for: S1, log: ["1:x"], commit: 1}
steps:
  - snapshot: {server: S1, index: 1}
  - heartbeat: S1
  - deliver: all
`} {
		t.Run(name, func(t *testing.T) {
			ex, err := exercise.Load(name+".yaml", name, []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			b, err := buildLoaded(ex, templates.KindRoleplay, "a4")
			if err != nil {
				t.Fatal(err)
			}
			if used := stackOf(slipsOf(b.tr, nil)); len(used.pv)+len(used.is) != 0 {
				t.Fatalf("the run sends %d PreVote and %d InstallSnapshot requests; the test needs none", len(used.pv), len(used.is))
			}
			found := false
			for _, f := range b.doc.Fields() {
				found = found || strings.HasPrefix(f.ID, name+"1.")
			}
			if !found {
				t.Errorf("no %s slips on the sheets of an exercise that allows them", name)
			}
		})
	}
}
