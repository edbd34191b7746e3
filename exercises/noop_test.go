package exercises

import "testing"

// noop: with noop_on_election (§8) the leader of term 2 appends a no-op of
// term 2 on winning; once the no-op is on a majority it commits, and "x"
// of term 1 with it (§5.4.2). Worked out by hand; script steps.
func TestNoop(t *testing.T) {
	g := play(t, "noop")
	g.expect(1, "S1", "down 1 [1:x] 0 -")
	// S2's log (1, 1) is more up-to-date than S3's empty one.
	g.expect(3, "S3", "follower 2 [-] 0 -")
	if g.votedFor(3, "S3") != "S2" {
		t.Error("S3 must vote for S2 in term 2")
	}
	// Elected, S2 sets nextIndex 2, then appends the no-op at index 2.
	g.expect(4, "S2", "leader 2 [1:x 2] 0 -")
	g.reason(4, "S2 appends a no-op entry at index 2 in term 2")
	for _, m := range g.at(4).Messages {
		if m.PrevLogIndex != 1 || len(m.Entries) != 1 || m.Entries[0].Term != 2 || m.Entries[0].Value != "" {
			t.Errorf("#%d: prevLogIndex %d, entries %v; want 1 and the no-op of term 2", m.ID, m.PrevLogIndex, m.Entries)
		}
	}
	// S3 has no entry 1: one rejection, then prevLogIndex 0 with [x, no-op].
	g.reason(5, "S3 rejects AppendEntries from S2: its log has no entry at prevLogIndex 1")
	g.expect(7, "S3", "follower 2 [1:x 2] 0 -")
	// The no-op (term 2 = current) on S2, S3 commits index 2, and x with it.
	g.expect(8, "S2", "leader 2 [1:x 2] 2 x")
	g.reason(8, "S2 commits index 2: stored on a majority (S2, S3) and of the current term 2")
	g.expect(9, "S1", "follower 1 [1:x] 0 -")
	// S1 keeps x (it matches) and takes the no-op; leaderCommit 2 commits both.
	g.expectAll(11, map[string]string{"S1": "follower 2 [1:x 2] 2 x", "S3": "follower 2 [1:x 2] 2 x"})
	if l := g.leaders(); l != "S2@2" {
		t.Errorf("leaders %s, want S2@2", l)
	}
}
