package exercises

import "testing"

// election: a first election among three servers (§5.2), then one entry
// replicated and committed (§5.3). Worked out by hand.
func TestElection(t *testing.T) {
	g := play(t, "election")
	g.expectAll(1, map[string]string{"S1": "candidate 1 [-] 0 -", "S2": "follower 0 [-] 0 -"})
	// RequestVote reaches S2 and S3: each adopts term 1 and votes for S1.
	g.expectAll(2, map[string]string{"S2": "follower 1 [-] 0 -", "S3": "follower 1 [-] 0 -"})
	if g.votedFor(2, "S2") != "S1" || g.votedFor(2, "S3") != "S1" {
		t.Error("S2 and S3 must vote for S1 in term 1")
	}
	// Two votes of three (its own and S2's) make S1 leader; S3's is surplus.
	g.expect(3, "S1", "leader 1 [-] 0 -")
	g.reason(3, "S1 wins the election for term 1 with the votes of S1, S2")
	g.expect(6, "S1", "leader 1 [1:sally] 0 -")
	// The heartbeat carries the entry; the followers store it, uncommitted.
	g.expectAll(8, map[string]string{"S2": "follower 1 [1:sally] 0 -", "S3": "follower 1 [1:sally] 0 -"})
	// The first success makes a majority (S1, S2): committed and applied.
	g.expect(9, "S1", "leader 1 [1:sally] 1 sally")
	g.expect(9, "S2", "follower 1 [1:sally] 0 -")
	// The next heartbeat's leaderCommit commits it on the followers.
	g.expectAll(11, map[string]string{
		"S1": "leader 1 [1:sally] 1 sally", "S2": "follower 1 [1:sally] 1 sally", "S3": "follower 1 [1:sally] 1 sally"})
	if l := g.leaders(); l != "S1@1" {
		t.Errorf("leaders %s, want S1@1 only", l)
	}
}
