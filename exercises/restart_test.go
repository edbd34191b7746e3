package exercises

import "testing"

// restart: Figure 2's persistent state (currentTerm, votedFor, log)
// survives a crash, the volatile state (commitIndex, lastApplied, the state
// machine) does not. S3's remembered vote keeps S1 from a second victory in
// term 2 (§5.2); restarted servers relearn commitIndex from leaderCommit
// and re-apply their logs (§5.3). Worked out by hand; script steps.
func TestRestart(t *testing.T) {
	g := play(t, "restart")
	kept := "[1:x=1 1:y=2]"
	g.expect(1, "S1", "down 1 "+kept+" 0 -")
	if g.votedFor(1, "S1") != "S1" {
		t.Error("S1 must keep its vote for itself in term 1")
	}
	g.expect(3, "S3", "follower 2 "+kept+" 2 x=1, y=2")
	// S3 keeps term 2 and its vote for S2 through the crash; its store is empty.
	g.expect(4, "S3", "down 2 "+kept+" 0 -")
	g.expect(5, "S3", "follower 2 "+kept+" 0 -")
	g.expect(6, "S1", "follower 1 "+kept+" 0 -")
	for _, n := range []int{4, 5, 8} {
		if g.votedFor(n, "S3") != "S2" {
			t.Errorf("after step %d S3's votedFor = %s, want S2", n, g.votedFor(n, "S3"))
		}
	}
	// S1 (term 1 + 1) asks for votes in the very term S3 voted in. Logs are
	// equal (last term 1, index 2): only the remembered vote refuses it.
	g.expect(7, "S1", "candidate 2 "+kept+" 0 -")
	g.reason(8, "S3 denies S1 its vote: already voted for S2 in term 2")
	// S3's vote, sent before its crash, still counts: 2 of 3.
	g.expect(9, "S2", "leader 2 "+kept+" 2 x=1, y=2")
	g.reason(9, "S2 wins the election for term 2 with the votes of S2, S3")
	g.reason(9, "S2 denies S1 its vote: already voted for S2 in term 2")
	// S2's AppendEntries (prevLogIndex 2, leaderCommit 2): S1 gives up its
	// candidacy (§5.2); both set commitIndex 2 and re-apply x=1, y=2.
	g.reason(10, "S1 recognizes S2 as the leader of term 2 and returns to follower")
	rebuilt := "follower 2 " + kept + " 2 x=1, y=2"
	g.expectAll(10, map[string]string{"S1": rebuilt, "S3": rebuilt})
	// x=3 commits on S1 and S2 alone while S3 is down.
	g.expect(14, "S2", "leader 2 [1:x=1 1:y=2 2:x=3] 3 x=3, y=2")
	g.expect(15, "S3", "follower 2 "+kept+" 0 -")
	// nextIndex[S3] is still 3: prevLogIndex 2, [x=3], leaderCommit 3.
	for _, m := range g.at(16).Messages {
		if m.To == "S3" && (m.PrevLogIndex != 2 || len(m.Entries) != 1 || m.LeaderCommit != 3) {
			t.Errorf("AppendEntries to S3: prevLogIndex %d, %d entries, leaderCommit %d; want 2, 1, 3",
				m.PrevLogIndex, len(m.Entries), m.LeaderCommit)
		}
	}
	g.reason(17, "S3 applies entries 1–3 to its state machine")
	done := "2 [1:x=1 1:y=2 2:x=3] 3 x=3, y=2"
	g.expectAll(17, map[string]string{"S1": "follower " + done, "S2": "leader " + done, "S3": "follower " + done})
	if l := g.leaders(); l != "S2@2" {
		t.Errorf("leaders %s, want S2@2 only", l)
	}
}
