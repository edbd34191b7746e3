package exercises

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// stale-read: a leader answers a read only after committing in its term
// and hearing from a majority after the read arrived (§8, ReadIndex).
// Worked out by hand; script steps.
func TestStaleRead(t *testing.T) {
	g := play(t, "stale-read")
	read := func(n int) engine.ReadResult {
		t.Helper()
		for i := range g.tr.Steps {
			if g.tr.Steps[i].ScriptStep == n && len(g.tr.Steps[i].ReadResults) > 0 {
				return g.tr.Steps[i].ReadResults[0]
			}
		}
		t.Fatalf("step %d answered no read", n)
		return engine.ReadResult{}
	}
	// r1: S1 has committed its no-op and "x"; read index 2; answered after S2's answer.
	g.reason(6, "S1 records readIndex 2, its commitIndex, for read r1")
	if r := read(7); r != (engine.ReadResult{ID: "r1", Server: "S1", Served: true, Value: "x", ReadIndex: 2}) {
		t.Errorf("r1: %+v", r)
	}
	// r2 at the new leader waits for its no-op (index 3) to commit.
	g.reason(12, "S2 has committed no entry of its term 2 yet (commitIndex 2)")
	if rs := g.at(12).Servers["S2"].Reads; len(rs) != 1 || rs[0].ReadIndex != 0 {
		t.Errorf("r2 should wait without a read index: %+v", rs)
	}
	if r := read(13); r != (engine.ReadResult{ID: "r2", Server: "S2", Served: true, Value: "x", ReadIndex: 3}) {
		t.Errorf("r2: %+v", r)
	}
	g.expect(16, "S2", "leader 2 [1 1:x 2 2:y] 4 y")
	// r3 at the cut-off S1: read index 2, its round lost, never answered; "x" would be stale.
	g.reason(17, "S1 records readIndex 2, its commitIndex, for read r3")
	if rs := g.at(18).Servers["S1"].Reads; len(rs) != 1 || rs[0].ID != "r3" || len(rs[0].Acks) != 1 {
		t.Errorf("r3 should be pending with S1's own acknowledgement only: %+v", rs)
	}
	// Healed, S2's heartbeat deposes S1, which abandons r3.
	if r := read(21); r.ID != "r3" || r.Served {
		t.Errorf("r3 must fail: %+v", r)
	}
	g.reason(21, "S1 is no longer the leader: it cannot answer r3")
	g.expect(21, "S1", "follower 2 [1 1:x 2 2:y] 4 y")
	if r := read(23); r != (engine.ReadResult{ID: "r4", Server: "S2", Served: true, Value: "y", ReadIndex: 4}) {
		t.Errorf("r4: %+v", r)
	}
}
