package exercises

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// terms writes a log as its terms only: "1 1 4 4".
func terms(log []engine.LogEntry) string {
	parts := make([]string, len(log))
	for i, e := range log {
		parts[i] = engine.EntryText(e.Term, "")
	}
	return strings.Join(parts, " ")
}

// figure7-repair: the paper's Figure 7 repaired by the classroom rule
// (nextIndex − 1 per rejection, §5.3). Worked out by hand from the figure,
// nextIndex starting at 11 (as in engine/replication_test.go):
//
//	(a) 9 entries: no entry at 10 → 1 rejection, matches at 9.
//	(b) 4 entries: rejects at 10, 9, 8, 7, 6, 5 → 6, matches at 4.
//	(c), (d): match at 10 at once → 0; they keep their extra entries.
//	(e) 7 entries: no entry at 10, 9, 8; term 4 ≠ 5 at 7 and 6 → 5, matches at 5.
//	(f) rejects at 10 … 4 (terms 3, 2 ≠ 6, 5, 4) → 7, matches at 3.
//
// The numbers below are script steps.
func TestFigure7Repair(t *testing.T) {
	g := play(t, "figure7-repair")
	rejections := map[string]int{}
	for _, st := range g.tr.Steps {
		if st.ScriptStep > 17 {
			break
		}
		for _, m := range st.Messages {
			if m.Type == engine.AppendEntriesReply && !m.Success {
				rejections[m.From]++
			}
		}
	}
	want := map[string]int{"a": 1, "b": 6, "c": 0, "d": 0, "e": 5, "f": 7}
	for id, n := range want {
		if rejections[id] != n {
			t.Errorf("(%s) sent %d rejections, want %d", id, rejections[id], n)
		}
	}
	// The first AppendEntries: prevLogIndex 10, prevLogTerm 6. c and d hold
	// (10, 6); f holds term 3 there; the others have no entry 10. c, d, f
	// adopt term 8 (§5.1).
	g.reason(2, "f rejects AppendEntries from lead: its entry at prevLogIndex 10 has term 3, not prevLogTerm 6")
	g.reason(2, "d sees term 8 in lead's AppendEntries: adopts term 8")
	// With a, entry 10 (term 6) is on lead, a, c, d: a majority of 7, yet not
	// committed, since it is not of term 8 (§5.4.2, Figure 8).
	g.reason(5, "lead does not commit index 10: it is stored on a majority (lead, a, c, d) but its term 6 is not the current term 8")
	// e matches at 5 and loses its entries 6–7 of term 4; b matches at 4;
	// f matches at 3 and loses its 8 entries of terms 2 and 3.
	g.reason(12, "e deletes 2 entries from index 6 on: its entry 6 has term 4, the leader's has term 5")
	g.reason(14, "b appends entries 5–10")
	g.reason(16, "f deletes 8 entries from index 4 on: its entry 4 has term 2, the leader's has term 4")
	leader := "1 1 1 4 4 5 5 6 6 6"
	repaired := g.at(17).Servers
	for _, id := range []string{"a", "b", "e", "f"} {
		if got := terms(repaired[id].Log); got != leader {
			t.Errorf("(%s) after repair = %s, want the leader's %s", id, got, leader)
		}
	}
	// A matching AppendEntries deletes nothing (§5.3): c and d keep theirs.
	if got := terms(repaired["c"].Log); got != leader+" 6" {
		t.Errorf("(c) after repair = %s, want %s 6", got, leader)
	}
	if got := terms(repaired["d"].Log); got != leader+" 7 7" {
		t.Errorf("(d) after repair = %s, want %s 7 7", got, leader)
	}
	if c := repaired["lead"].CommitIndex; c != 0 {
		t.Errorf("lead committed index %d with entries of term 6 only", c)
	}
	// The term-8 entry conflicts with c's and d's extra entries at 11.
	g.reason(20, "c deletes 1 entry from index 11 on: its entry 11 has term 6, the leader's has term 8")
	g.reason(20, "d deletes 2 entries from index 11 on: its entry 11 has term 7, the leader's has term 8")
	// Replies in cluster order: a, b, c give lead, a, b, c = 4 of 7.
	g.reason(21, "lead commits index 11: stored on a majority (lead, a, b, c) and of the current term 8 (§5.4.2); entries 1–10 commit with it")
	final := "[1 1 1 4 4 5 5 6 6 6 8:x] 11 x"
	g.expect(21, "lead", "leader 8 "+final)
	for _, id := range []string{"a", "b", "c", "d", "e", "f"} {
		g.expect(23, id, "follower 8 "+final)
	}
	if l := g.leaders(); l != "lead@8" {
		t.Errorf("leaders %s, want lead@8", l)
	}
}
