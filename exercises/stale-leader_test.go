package exercises

import "testing"

// stale-leader: S1, cut off alone, keeps leading term 1 and taking y and
// z, which can never reach a majority (§5.3, §5.4.2); S2 wins term 2 with
// S3, S4, S5 and commits w; after the heal S1's own heartbeat is refused
// with term 2 and S1 steps down (§5.1); S2's AppendEntries replaces y and
// z with w (§5.3). Worked out by hand; script steps.
func TestStaleLeader(t *testing.T) {
	g := play(t, "stale-leader")
	if st := g.at(4); len(st.Lost) != 4 || len(st.Delivered) != 0 {
		t.Errorf("step 4: lost %v delivered %v; want all four copies of y lost", st.Lost, st.Delivered)
	}
	g.expect(5, "S1", "leader 1 [1:x 1:y 1:z] 1 x")
	g.expect(8, "S2", "leader 2 [1:x] 1 x")
	g.reason(8, "S2 wins the election for term 2 with the votes of S2, S3, S4")
	// Two leaders at once, of different terms: allowed by Election Safety
	// (one leader per term). Only S2 can commit: w on S2, S3, S4.
	g.expectAll(12, map[string]string{"S1": "leader 1 [1:x 1:y 1:z] 1 x", "S2": "leader 2 [1:x 2:w] 2 w"})
	g.reason(12, "S2 commits index 2: stored on a majority (S2, S3, S4) and of the current term 2")
	// After the heal: every receiver rejects term 1 < 2 and answers with term 2.
	for _, id := range []string{"S2", "S3", "S4", "S5"} {
		g.reason(15, id+" rejects AppendEntries from S1: term 1 < currentTerm 2")
	}
	for _, m := range g.at(15).Messages {
		if m.Term != 2 || m.Success {
			t.Errorf("reply from %s: term %d success %v; want term 2, false", m.From, m.Term, m.Success)
		}
	}
	// The first of them (S2's, by cluster order) makes S1 step down.
	g.reason(16, "S1 sees term 2 in S2's AppendEntriesReply: adopts term 2 and steps down from leader to follower")
	g.expect(16, "S1", "follower 2 [1:x 1:y 1:z] 1 x")
	// nextIndex[S1] is still 2 on S2: prevLogIndex 1, [w], leaderCommit 2.
	g.reason(18, "S1 deletes 2 entries from index 2 on: its entry 2 has term 1, the leader's has term 2")
	g.expect(18, "S1", "follower 2 [1:x 2:w] 2 w")
	for _, id := range g.tr.Servers {
		if s := g.tr.Final()[id]; s.CommitIndex != 2 {
			t.Errorf("%s ends with commitIndex %d, want 2", id, s.CommitIndex)
		}
	}
	// y and z are never committed anywhere.
	for _, st := range g.tr.Steps {
		for _, id := range g.tr.Servers {
			if s := st.Servers[id]; s.CommitIndex >= 2 && s.Log[1].Value != "w" {
				t.Fatalf("step %d: %s committed %s", st.N, id, s.Log[1].Value)
			}
		}
	}
	if l := g.leaders(); l != "S1@1 S2@2" {
		t.Errorf("leaders %s, want S1@1 S2@2", l)
	}
}
