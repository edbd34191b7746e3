package exercises

import "testing"

// add-servers: two single-server changes, each new server caught up
// first, one change at a time (§6; the dissertation's §4.1). Worked out by
// hand; script steps.
func TestAddServers(t *testing.T) {
	g := play(t, "add-servers")
	g.expect(5, "S1", "leader 1 [1 1:x] 2 x")
	if got := g.config(5, "S4"); got != "{}" {
		t.Errorf("S4 knows no configuration before it joins: %s", got)
	}
	// Asked to add S4, S1 keeps {S1, S2, S3} and catches S4 up first.
	if got := g.config(6, "S1"); got != "{S1, S2, S3}" {
		t.Errorf("S1 while catching S4 up: %s", got)
	}
	if cu := g.at(6).Servers["S1"].CatchingUp; len(cu) != 1 || cu[0] != "S4" {
		t.Errorf("S1 catches up %v", cu)
	}
	// S4 holds the no-op and "x": S1 appends {S1..S4} at 3 and uses it, uncommitted.
	g.expect(7, "S4", "follower 1 [1 1:x] 2 x")
	g.expect(7, "S1", "leader 1 [1 1:x 1:C{S1, S2, S3, S4}] 2 x")
	if got := g.config(7, "S1"); got != "{S1, S2, S3, S4}" {
		t.Errorf("S1 after appending: %s", got)
	}
	g.reason(7, "S1 appends the configuration {S1, S2, S3, S4} at index 3 and uses it at once, committed or not")
	// A second change now is refused: the first is uncommitted.
	g.reason(8, "S1 refuses the change: its configuration {S1, S2, S3, S4} is not yet committed")
	g.expect(8, "S1", "leader 1 [1 1:x 1:C{S1, S2, S3, S4}] 2 x")
	// Index 3 commits with three of the four; followers use it as they store it.
	g.expect(10, "S1", "leader 1 [1 1:x 1:C{S1, S2, S3, S4}] 3 x")
	g.reason(10, "S1 commits index 3: stored on a majority (S1, S2, S3 of {S1, S2, S3, S4})")
	for _, id := range []string{"S2", "S3", "S4"} {
		if got := g.config(10, id); got != "{S1, S2, S3, S4}" {
			t.Errorf("%s after step 10: %s", id, got)
		}
	}
	// S5 caught up, {S1..S5} at index 4, committed with three of the five.
	g.expect(12, "S5", "follower 1 [1 1:x 1:C{S1, S2, S3, S4}] 3 x")
	g.expect(14, "S1", "leader 1 [1 1:x 1:C{S1, S2, S3, S4} 1:C{S1, S2, S3, S4, S5}] 4 x")
	g.reason(14, "S1 commits index 4: stored on a majority (S1, S2, S3 of {S1, S2, S3, S4, S5})")
	for _, id := range []string{"S1", "S2", "S3", "S4", "S5"} {
		if got := g.config(16, id); got != "{S1, S2, S3, S4, S5}" {
			t.Errorf("%s at the end: %s", id, got)
		}
		if c := g.at(16).Servers[id].CommitIndex; c != 4 {
			t.Errorf("%s's commitIndex %d, want 4", id, c)
		}
	}
}
