package exercises

import "testing"

// replication: client commands on the leader, replication with one slow
// follower, commit by a majority (§5.3, §5.4.2) and followers committing
// min(leaderCommit, index of last new entry) (Figure 2). Worked out by hand;
// the numbers are script steps.
func TestReplication(t *testing.T) {
	g := play(t, "replication")
	g.expect(2, "S1", "leader 1 [-] 0 -")
	// Client entries go to the leader's log only; with replicate: heartbeat
	// they wait for the next heartbeat.
	g.expectAll(4, map[string]string{"S1": "leader 1 [1:x=1 1:y←2] 0 -", "S2": "follower 1 [-] 0 -"})
	// One AppendEntries carries both entries; S2 stores them, uncommitted.
	g.expect(6, "S2", "follower 1 [1:x=1 1:y←2] 0 -")
	// S1 and S2 are 2 of 3: index 2 (term 1 = current) commits, index 1
	// with it, while S3 still holds nothing.
	g.expectAll(7, map[string]string{
		"S1": "leader 1 [1:x=1 1:y←2] 2 x=1, y=2",
		"S2": "follower 1 [1:x=1 1:y←2] 0 -",
		"S3": "follower 1 [-] 0 -"})
	g.reason(7, "S1 commits index 2: stored on a majority (S1, S2) and of the current term 1")
	// nextIndex differs per follower: S2 gets prevLogIndex 2 and [x=3],
	// S3 (never answered) prevLogIndex 0 and all three entries.
	for _, m := range g.at(9).Messages {
		want := map[string]struct{ prev, n int }{"S2": {2, 1}, "S3": {0, 3}}[m.To]
		if m.PrevLogIndex != want.prev || len(m.Entries) != want.n || m.LeaderCommit != 2 {
			t.Errorf("heartbeat to %s: prevLogIndex %d, %d entries, leaderCommit %d; want %d, %d, 2",
				m.To, m.PrevLogIndex, len(m.Entries), m.LeaderCommit, want.prev, want.n)
		}
	}
	// Followers commit min(leaderCommit 2, last new entry 3) = 2 and apply
	// x=1 then y=2, in log order.
	on := "follower 1 [1:x=1 1:y←2 1:x=3] 2 x=1, y=2"
	g.expectAll(10, map[string]string{"S2": on, "S3": on})
	g.reason(10, "S3 sets commitIndex to 2 = min(leaderCommit 2, index of last new entry 3)")
	g.expect(11, "S1", "leader 1 [1:x=1 1:y←2 1:x=3] 3 x=3, y=2")
	g.reason(11, "S1 commits index 3: stored on a majority (S1, S2) and of the current term 1")
	// The next heartbeat's leaderCommit 3 lets the followers apply x=3.
	all := "1:x=1 1:y←2 1:x=3] 3 x=3, y=2"
	g.expectAll(13, map[string]string{"S1": "leader 1 [" + all, "S2": "follower 1 [" + all, "S3": "follower 1 [" + all})
	if l := g.leaders(); l != "S1@1" {
		t.Errorf("leaders %s, want S1@1", l)
	}
}
