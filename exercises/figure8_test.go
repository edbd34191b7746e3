package exercises

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// figure8: the paper's Figure 8, (a) → (d) (§5.4.2). Worked out by hand.
func TestFigure8(t *testing.T) {
	g := play(t, "figure8")
	// (b) S2's log [1, 2] is more up-to-date than S5's [1]: it refuses.
	g.reason(3, "S2 denies S5 its vote: candidate's log (last term 1, index 1) is less up-to-date")
	g.expect(4, "S5", "leader 3 [1:a] 1 a")
	// An empty heartbeat matching at index 1 leaves S2's entry 2 in place.
	g.expect(5, "S2", "follower 3 [1:a 2:b] 1 a")
	g.expect(6, "S5", "leader 3 [1:a 3:c] 1 a")
	// (c) S1 restarts in term 2; S3 and S4 voted for S5 in term 3, so S1's
	// first try (term 3) gets only S2: 2 of 3.
	g.expect(11, "S1", "candidate 3 [1:a 2:b] 0 -")
	g.reason(10, "S3 denies S1 its vote: already voted for S5 in term 3")
	g.expect(14, "S1", "leader 4 [1:a 2:b] 0 -")
	// Entry 2 (term 2) reaches S3 and S4: on a majority, still uncommitted.
	on := "follower 4 [1:a 2:b] 1 a"
	g.expectAll(18, map[string]string{"S1": "leader 4 [1:a 2:b] 0 -", "S2": on, "S3": on, "S4": on})
	g.reason(18, "S1 does not commit index 2: it is stored on a majority (S1, S2, S3) but its term 2 is not the current term 4")
	g.expect(19, "S1", "leader 4 [1:a 2:b 4:d] 0 -")
	// (d) S5 needs two tries: in term 4 everyone voted for S1.
	g.reason(23, "S2 denies S5 its vote: already voted for S1 in term 4")
	// In term 5 its last term 3 beats their last term 2 (§5.4.1).
	g.expect(27, "S5", "leader 5 [1:a 3:c] 0 -")
	if g.votedFor(26, "S2") != "S5" {
		t.Error("S2 must vote for S5 in term 5")
	}
	over := "follower 5 [1:a 3:c] 1 a"
	g.expectAll(30, map[string]string{"S2": over, "S3": over, "S4": over})
	g.reason(30, "S2 deletes 1 entry from index 2 on: its entry 2 has term 2, the leader's has term 3")
	// "b" was never committed or applied anywhere, so nothing committed was lost.
	for _, st := range g.tr.Steps {
		for _, id := range g.tr.Servers {
			s := st.Servers[id]
			if s.CommitIndex >= 2 || engine.StateMachineText(s.StateMachine) == "b" {
				t.Fatalf("step %d: %s committed index 2 (commit %d)", st.N, id, s.CommitIndex)
			}
		}
	}
	if l := g.leaders(); l != "S5@3 S1@4 S5@5" {
		t.Errorf("leaders %s, want S5@3 S1@4 S5@5 (S1@2 was leader before step 1)", l)
	}
}
