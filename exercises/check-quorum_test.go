package exercises

import "testing"

// check-quorum: a leader that heard from no majority since its last check
// steps down; the others trust it until their own timers fire (the
// dissertation's §9.6). Worked out by hand; script steps.
func TestCheckQuorum(t *testing.T) {
	g := play(t, "check-quorum")
	g.expect(2, "S1", "leader 1 [-] 0 -")
	// The first check: S2 and S3 answered; S1 stays leader.
	g.reason(5, "S1's election timer fires: it has heard from S1, S2, S3 since the last check, a majority, so it stays leader")
	g.expect(5, "S1", "leader 1 [-] 0 -")
	// Cut off, its heartbeats unanswered: the second check deposes it, still in term 1.
	g.reason(9, "it has heard only from S1 since the last check, not a majority, so it steps down to follower in term 1")
	g.expect(9, "S1", "follower 1 [-] 0 -")
	// S3 trusts S1 (heard since its timer fired) and refuses S2's pre-vote.
	g.reason(11, "S3 would not vote for S2 in term 2: it has heard from the leader since its election timer last fired")
	g.expect(11, "S2", "pre-candidate 1 [-] 0 -")
	// S2's timer has fired: it grants S3's pre-vote; S3 wins term 2.
	g.reason(13, "S2 would vote for S3 in term 2")
	g.expect(13, "S3", "leader 2 [-] 0 -")
	g.expect(16, "S1", "follower 2 [-] 0 -")
	if l := g.leaders(); l != "S1@1 S3@2" {
		t.Errorf("leaders %s", l)
	}
}
