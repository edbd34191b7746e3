package exercises

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// client-retry: with client sessions a retried command is executed once
// (§8). Worked out by hand; script steps.
func TestClientRetry(t *testing.T) {
	g := play(t, "client-retry")
	// S1 commits c1's command 1 at index 2 (after its no-op at 1) and records it.
	g.expect(6, "S1", "leader 1 [1 1:x[c1#1]] 2 x")
	if s := g.at(6).Servers["S1"].Sessions["c1"]; s.Seq != 1 || s.Response != "x" {
		t.Errorf("S1's session of c1: %+v", s)
	}
	g.expect(6, "S2", "follower 1 [1 1:x[c1#1]] 1 -")
	// S2 wins term 2 with S3's vote and appends its no-op at index 3.
	g.expect(10, "S2", "leader 2 [1 1:x[c1#1] 2] 1 -")
	// Neither "y" (c2 #1) nor the retry is recognized yet: S2 has not applied index 2.
	g.expect(12, "S2", "leader 2 [1 1:x[c1#1] 2 2:y[c2#1] 2:x[c1#1]] 1 -")
	if e := g.at(12).Servers["S2"].Log[4]; e.Client != "c1" || e.Seq != 1 {
		t.Errorf("index 5 should be c1's command 1: %+v", e)
	}
	// Index 5 committed: x at 2 executed, the retry at 5 skipped; the register holds y.
	g.expect(14, "S2", "leader 2 [1 1:x[c1#1] 2 2:y[c2#1] 2:x[c1#1]] 5 y")
	g.reason(14, "S2 does not execute entry 5 again: its session for c1 shows command #1 already executed")
	sess := g.at(14).Servers["S2"].Sessions
	if sess["c1"] != (engine.Session{Seq: 1, Response: "x"}) || sess["c2"] != (engine.Session{Seq: 1, Response: "y"}) {
		t.Errorf("S2's sessions: %v", sess)
	}
	// The third copy is answered from the table; nothing is appended.
	g.expect(15, "S2", "leader 2 [1 1:x[c1#1] 2 2:y[c2#1] 2:x[c1#1]] 5 y")
	g.reason(15, `it answers with the saved response "x" at once and appends nothing`)
	if n := len(g.at(15).Messages); n != 0 {
		t.Errorf("the answered retry sent %d messages", n)
	}
	// Everyone ends with the same log and "y"; each skipped index 5.
	g.expectAll(18, map[string]string{"S1": "follower 2 [1 1:x[c1#1] 2 2:y[c2#1] 2:x[c1#1]] 5 y", "S3": "follower 2 [1 1:x[c1#1] 2 2:y[c2#1] 2:x[c1#1]] 5 y"})
	g.reason(18, "S1 does not execute entry 5 again")
	g.reason(18, "S3 does not execute entry 5 again")
	if l := g.leaders(); l != "S1@1 S2@2" {
		t.Errorf("leaders %s", l)
	}
}
