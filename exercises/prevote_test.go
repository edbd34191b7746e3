package exercises

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// prevote: a server cut off by a partition asks for pre-votes instead of
// raising its term, and cannot disrupt the leader when it rejoins (the
// dissertation's §9.6). Worked out by hand; script steps.
func TestPreVote(t *testing.T) {
	g := play(t, "prevote")
	// S1's timer: a pre-candidate of term 0, PreVote for term 1; nothing else changes.
	g.expect(1, "S1", "pre-candidate 0 [-] 0 -")
	for _, m := range g.at(1).Messages {
		if m.Type != engine.PreVote || m.Term != 1 {
			t.Errorf("S1 sent %s", engine.MessageText(m))
		}
	}
	g.expect(2, "S2", "follower 0 [-] 0 -")
	if g.votedFor(2, "S2") != "-" {
		t.Error("a pre-vote casts no vote")
	}
	// With S2's pre-vote, S1 stands for term 1; it wins.
	g.expect(3, "S1", "candidate 1 [-] 0 -")
	g.expect(4, "S1", "leader 1 [-] 0 -")
	g.expect(7, "S1", "leader 1 [1:x] 1 x")
	// Cut off, S3's timer fires three times: a pre-candidate still in term 1.
	for _, n := range []int{9, 11, 13} {
		g.expect(n, "S3", "pre-candidate 1 [1:x] 0 -")
	}
	g.expect(17, "S1", "leader 1 [1:x 1:y] 2 y")
	// Healed: S1 refuses as the leader, S2 as it heard from the leader; S3 stays in term 1.
	g.reason(20, "S1 would not vote for S3 in term 2: it is the leader itself")
	g.reason(20, "S2 would not vote for S3 in term 2: it has heard from the leader since its election timer last fired")
	g.expect(21, "S3", "pre-candidate 1 [1:x] 0 -")
	// The leader's heartbeat makes S3 a follower and brings it "y"; term 1 throughout.
	g.expectAll(23, map[string]string{"S1": "leader 1 [1:x 1:y] 2 y", "S2": "follower 1 [1:x 1:y] 2 y", "S3": "follower 1 [1:x 1:y] 2 y"})
	if l := g.leaders(); l != "S1@1" {
		t.Errorf("leaders %s", l)
	}
}
