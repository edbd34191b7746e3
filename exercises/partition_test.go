package exercises

import "testing"

// partition: the walkthrough of "The Secret Lives of Data" (seed 000):
// sally committed; the partition {S1, S2} | {S3, S4, S5}; bob never
// committed; S3 leads term 2 and commits tom; after the heal S1 steps down
// and its log is repaired. Worked out by hand.
func TestPartition(t *testing.T) {
	g := play(t, "partition")
	g.expect(3, "S1", "leader 1 [-] 0 -")
	committed := "follower 1 [1:sally] 1 sally"
	g.expectAll(12, map[string]string{"S1": "leader 1 [1:sally] 1 sally",
		"S2": committed, "S3": committed, "S4": committed, "S5": committed})
	// S1 takes bob; only S2 receives it, the other three AppendEntries are lost.
	g.expectAll(16, map[string]string{
		"S1": "leader 1 [1:sally 1:bob] 1 sally", "S2": "follower 1 [1:sally 1:bob] 1 sally", "S3": committed})
	if st := g.at(16); len(st.Lost) != 3 {
		t.Errorf("step 16 lost %v, want the 3 messages across the partition", st.Lost)
	}
	// S2's acknowledgement makes 2 of 5: no majority, bob stays uncommitted.
	g.expect(17, "S1", "leader 1 [1:sally 1:bob] 1 sally")
	if m := g.at(17).Servers["S1"].MatchIndex["S2"]; m != 2 {
		t.Errorf("S1's matchIndex[S2] = %d, want 2", m)
	}
	// S3 wins term 2 with S4's and S5's votes.
	g.expect(18, "S3", "candidate 2 [1:sally] 1 sally")
	g.expect(20, "S3", "leader 2 [1:sally] 1 sally")
	g.reason(20, "S3 wins the election for term 2 with the votes of S3, S4, S5")
	// tom at index 2, term 2: committed by S3 once S4 and S5 hold it.
	g.expectAll(25, map[string]string{"S4": "follower 2 [1:sally 2:tom] 1 sally", "S5": "follower 2 [1:sally 2:tom] 1 sally"})
	g.expect(26, "S3", "leader 2 [1:sally 2:tom] 2 tom")
	g.expectAll(28, map[string]string{"S4": "follower 2 [1:sally 2:tom] 2 tom", "S5": "follower 2 [1:sally 2:tom] 2 tom"})
	// Meanwhile the old leader still believes it leads term 1.
	g.expect(29, "S1", "leader 1 [1:sally 1:bob] 1 sally")
	// After the heal, S3's AppendEntries (term 2, prevLogIndex 1, [2:tom],
	// leaderCommit 2) makes S1 step down (§5.1), delete bob (§5.3) and
	// commit tom.
	repaired := "follower 2 [1:sally 2:tom] 2 tom"
	g.expectAll(32, map[string]string{"S1": repaired, "S2": repaired})
	g.reason(32, "S1 sees term 2 in S3's AppendEntries: adopts term 2 and steps down from leader to follower")
	g.reason(32, "S1 deletes 1 entry from index 2 on: its entry 2 has term 1, the leader's has term 2")
	final := g.tr.Final()
	for _, id := range g.tr.Servers {
		if final[id].CommitIndex != 2 {
			t.Errorf("%s ends with commitIndex %d, want 2", id, final[id].CommitIndex)
		}
	}
	if l := g.leaders(); l != "S1@1 S3@2" {
		t.Errorf("leaders %s, want S1@1 S3@2", l)
	}
}
