package exercises

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// fast-backup: Figure 7 repaired with conflict hints (§5.3). Worked out by
// hand; script steps.
func TestFastBackup(t *testing.T) {
	g := play(t, "fast-backup")
	hints := func(n int, from string) (int, int) {
		t.Helper()
		m := g.message(n, engine.AppendEntriesReply, from, "lead")
		if m.Success || !m.Hinted {
			t.Fatalf("step %d: %s", n, engine.MessageText(m))
		}
		return m.ConflictTerm, m.ConflictIndex
	}
	// First rejections: a, b, e too short (past their ends), f's entry 10 of term 3 (first at 7).
	for from, want := range map[string][2]int{"a": {0, 10}, "b": {0, 5}, "e": {0, 8}, "f": {3, 7}} {
		if ct, ci := hints(2, from); ct != want[0] || ci != want[1] {
			t.Errorf("%s's hints: term %d index %d, want %v", from, ct, ci, want)
		}
	}
	next := func(n int) map[string]int { return g.at(n).Servers["lead"].NextIndex }
	for id, want := range map[string]int{"a": 10, "b": 5, "c": 11, "d": 11, "e": 8, "f": 7} {
		if got := next(3)[id]; got != want {
			t.Errorf("after step 3 nextIndex[%s] = %d, want %d", id, got, want)
		}
	}
	// Second rejections: e's entry 7 has term 4 (first at 4), f's entry 6 term 2 (first at 4).
	for from, want := range map[string][2]int{"e": {4, 4}, "f": {2, 4}} {
		if ct, ci := hints(4, from); ct != want[0] || ci != want[1] {
			t.Errorf("%s's second hints: term %d index %d, want %v", from, ct, ci, want)
		}
	}
	// lead's last entry of term 4 is at 5: nextIndex[e] = 6; it has no term 2: nextIndex[f] = 4.
	if n := next(5); n["e"] != 6 || n["f"] != 4 {
		t.Errorf("after step 5 nextIndex %v", n)
	}
	g.reason(5, "its own last entry of term 4 is at index 5, so it sets nextIndex[e] to 6")
	// Then both match; everyone holds lead's log.
	leader := "1 1 1 4 4 5 5 6 6 6"
	for _, id := range []string{"a", "b", "e", "f"} {
		if got := terms(g.at(7).Servers[id].Log); got != leader {
			t.Errorf("%s ends with %s", id, got)
		}
	}
	if got := terms(g.at(7).Servers["c"].Log); got != leader+" 6" {
		t.Errorf("c keeps its extra entry until a conflict: %s", got)
	}
	for id, want := range map[string]int{"a": 10, "b": 10, "c": 10, "d": 10, "e": 10, "f": 10} {
		if got := g.at(7).Servers["lead"].MatchIndex[id]; got != want {
			t.Errorf("matchIndex[%s] = %d", id, got)
		}
	}
}
