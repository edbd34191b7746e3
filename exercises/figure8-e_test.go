package exercises

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// figure8-e: Figure 8's second ending (§5.4.2): from (c), S1 stores "d"
// (term 4) on S1, S2, S3 and commits it, "b" with it; S5 cannot win
// (§5.4.1): S2's and S3's logs end in term 4, S5's in term 3, and S4 alone
// does not make a majority. Any later leader holds "b" and "d" (Leader
// Completeness, §5.4.3). Worked out by hand; script steps.
func TestFigure8E(t *testing.T) {
	g := play(t, "figure8-e")
	// S4 lacks index 2, the prevLogIndex of its AppendEntries.
	g.reason(4, "S4 rejects AppendEntries from S1: its log has no entry at prevLogIndex 2")
	g.expectAll(4, map[string]string{"S2": "follower 4 [1:a 2:b 4:d] 1 a", "S3": "follower 4 [1:a 2:b 4:d] 1 a"})
	// (e): index 3 is of term 4 and on S1, S2, S3: committed, with 1–2.
	g.expect(5, "S1", "leader 4 [1:a 2:b 4:d] 3 d")
	g.reason(5, "S1 commits index 3: stored on a majority (S1, S2, S3) and of the current term 4 (§5.4.2); entries 1–2 commit with it")
	// In term 4 every voter already voted for S1.
	g.reason(9, "S2 denies S5 its vote: already voted for S1 in term 4")
	// In term 5 the logs decide: (3, 2) is less up-to-date than (4, 3);
	// S4's (1, 1) is not, so S4 grants: 2 of 3.
	g.reason(12, "S2 denies S5 its vote: candidate's log (last term 3, index 2) is less up-to-date than its own (last term 4, index 3)")
	g.reason(12, "S3 denies S5 its vote: candidate's log (last term 3, index 2) is less up-to-date than its own (last term 4, index 3)")
	g.reason(13, "S5 counts S4's vote: 2 of the 3 it needs")
	g.expect(13, "S5", "candidate 5 [1:a 3:c] 0 -")
	// S2 (4, 3) wins term 6 with S3 and S4.
	g.reason(16, "S2 wins the election for term 6 with the votes of S2, S3, S4")
	// Repair: S5's entry 2 (term 3) conflicts with b (term 2) and goes.
	g.reason(17, "S5 deletes 1 entry from index 2 on: its entry 2 has term 3, the leader's has term 2")
	// S2 cannot commit index 3 (term 4) by counting replicas in term 6.
	g.reason(17, "S2 does not commit index 3: it is stored on a majority (S2, S3, S4) but its term 4 is not the current term 6")
	g.expect(17, "S2", "leader 6 [1:a 2:b 4:d] 1 a")
	// e (term 6) on S2, S3, S4 commits index 4, and 2–3 with it.
	g.reason(20, "S2 commits index 4: stored on a majority (S2, S3, S4) and of the current term 6 (§5.4.2); entries 2–3 commit with it")
	done := "6 [1:a 2:b 4:d 6:e] 4 e"
	g.expectAll(22, map[string]string{"S2": "leader " + done, "S3": "follower " + done, "S4": "follower " + done, "S5": "follower " + done})
	// "b" and "d", once committed by S1, stay at indexes 2 and 3 on every
	// server that has them; "c" is never committed.
	for _, st := range g.tr.Steps {
		for _, id := range g.tr.Servers {
			s := st.Servers[id]
			for i, want := range []string{"1:a", "2:b", "4:d"} {
				if i < s.CommitIndex && engine.EntryText(s.Log[i].Term, s.Log[i].Value) != want {
					t.Fatalf("step %d: %s commits %s", st.N, id, engine.LogText(s.Log))
				}
			}
		}
	}
	if l := g.leaders(); l != "S1@4 S2@6" {
		t.Errorf("leaders %s, want S1@4 S2@6: S5 never wins", l)
	}
}
