package exercises

import "testing"

// joint-consensus: from {S1, S2, S3} to {S3, S4, S5} through C_old,new,
// with the leader S1 outside C_new (§6). Worked out by hand; script steps.
func TestJointConsensus(t *testing.T) {
	g := play(t, "joint-consensus")
	const joint = "{S1, S2, S3} + {S3, S4, S5}"
	g.expect(5, "S1", "leader 1 [1 1:x] 2 x")
	// S4 and S5 caught up first; then C_old,new at index 3, in force at once.
	g.expect(7, "S4", "follower 1 [1 1:x] 2 x")
	g.expect(7, "S1", "leader 1 [1 1:x 1:C"+joint+"] 2 x")
	if got := g.config(7, "S1"); got != joint {
		t.Errorf("S1 after appending C_old,new: %s", got)
	}
	// Partitioned from S4 and S5: a majority of C_old holds index 3, of C_new only S3.
	if got := g.config(10, "S2"); got != joint {
		t.Errorf("S2 uses %s", got)
	}
	if c := g.at(10).Servers["S1"].CommitIndex; c != 2 {
		t.Errorf("index 3 must not commit without a majority of C_new: commitIndex %d", c)
	}
	// Healed: S3 and S4 make C_new's majority; C_old,new commits and C_new goes in at 4.
	g.reason(13, "S1 commits index 3: stored on a majority (S1, S2, S3 of {S1, S2, S3} and S3, S4 of {S3, S4, S5})")
	g.expect(13, "S1", "leader 1 [1 1:x 1:C"+joint+" 1:C{S3, S4, S5}] 3 x")
	if got := g.config(13, "S1"); got != "{S3, S4, S5}" {
		t.Errorf("S1 uses %s after appending C_new", got)
	}
	// C_new commits without S1's own copy counting; S1 steps down.
	g.reason(15, "S1 commits index 4: stored on a majority (S3, S4 of {S3, S4, S5})")
	g.reason(15, "S1 has committed the configuration {S3, S4, S5} (index 4), which does not include it: it steps down")
	g.expect(15, "S1", "follower 1 [1 1:x 1:C"+joint+" 1:C{S3, S4, S5}] 4 x")
	// S2, removed, never got C_new: it still uses C_old,new.
	if got := g.config(15, "S2"); got != joint {
		t.Errorf("S2 at the end: %s", got)
	}
	// S3 asks only S4 and S5 and wins term 2 with the vote of S4.
	for _, m := range g.at(16).Messages {
		if m.To != "S4" && m.To != "S5" {
			t.Errorf("S3 asked %s for a vote", m.To)
		}
	}
	g.reason(17, "S3 wins the election for term 2 with the votes of S3, S4 of {S3, S4, S5}")
	if l := g.leaders(); l != "S1@1 S3@2" {
		t.Errorf("leaders %s", l)
	}
}
