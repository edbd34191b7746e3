package exercises

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// leader-crash: S1 crashes with "b" on S1 and S2 only (2 of 5: not
// committed); S3 wins term 2 without S2's vote (§5.4.1), its "c" replaces
// "b" (§5.3) and commits (§5.4.2); the restarted S1 adopts term 2 (§5.1)
// and is repaired. Worked out by hand; the numbers are script steps.
func TestLeaderCrash(t *testing.T) {
	g := play(t, "leader-crash")
	g.expectAll(3, map[string]string{"S1": "leader 1 [1:a 1:b] 1 a", "S2": "follower 1 [1:a 1:b] 1 a", "S3": "follower 1 [1:a] 1 a"})
	if st := g.at(4); len(st.Dropped) != 3 {
		t.Errorf("step 4 dropped %v, want the three copies for S3, S4, S5", st.Dropped)
	}
	// A crash keeps term, vote and log; commitIndex and the state machine go.
	g.expect(5, "S1", "down 1 [1:a 1:b] 0 -")
	// S2's last entry (term 1, index 2) beats S3's (term 1, index 1).
	g.reason(7, "S2 denies S3 its vote: candidate's log (last term 1, index 1) is less up-to-date than its own (last term 1, index 2)")
	g.expect(8, "S3", "leader 2 [1:a] 1 a")
	g.reason(8, "S3 wins the election for term 2 with the votes of S3, S4, S5")
	// An empty heartbeat that matches at index 1 deletes nothing: S2 keeps b.
	g.expect(9, "S2", "follower 2 [1:a 1:b] 1 a")
	g.expect(11, "S3", "leader 2 [1:a 2:c] 1 a")
	// c conflicts with b at index 2 (term 2 ≠ 1): b is deleted.
	g.expect(13, "S2", "follower 2 [1:a 2:c] 1 a")
	g.reason(13, "S2 deletes 1 entry from index 2 on: its entry 2 has term 1, the leader's has term 2")
	// S2, S3, S4 are a majority and c is of the current term 2.
	g.expect(14, "S3", "leader 2 [1:a 2:c] 2 c")
	g.reason(14, "S3 commits index 2: stored on a majority (S2, S3, S4) and of the current term 2")
	// S1 restarts a follower of term 1, its log intact, commitIndex 0.
	g.expect(15, "S1", "follower 1 [1:a 1:b] 0 -")
	if g.votedFor(15, "S1") != "S1" {
		t.Error("S1 must remember its vote for itself in term 1")
	}
	// S3 never heard from S1, so nextIndex[S1] is still 2: prevLogIndex 1, [c].
	g.expect(17, "S1", "follower 2 [1:a 2:c] 2 c")
	g.reason(17, "S1 sees term 2 in S3's AppendEntries: adopts term 2")
	g.reason(17, "S1 deletes 1 entry from index 2 on: its entry 2 has term 1, the leader's has term 2")
	for _, id := range g.tr.Servers {
		if s := g.tr.Final()[id]; engine.LogText(s.Log) != "1:a 2:c" || s.CommitIndex != 2 {
			t.Errorf("%s ends with %s, commit %d; want 1:a 2:c, 2", id, engine.LogText(s.Log), s.CommitIndex)
		}
	}
	// b was never committed nor applied anywhere.
	for _, st := range g.tr.Steps {
		for _, id := range g.tr.Servers {
			s := st.Servers[id]
			if s.CommitIndex >= 2 && s.Log[1].Value == "b" {
				t.Fatalf("step %d: %s committed b", st.N, id)
			}
		}
	}
	if l := g.leaders(); l != "S1@1 S3@2" {
		t.Errorf("leaders %s, want S1@1 S3@2", l)
	}
}
