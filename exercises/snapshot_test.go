package exercises

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// snapshot: a follower behind the leader's snapshot (§7, Figure 13).
// Worked out by hand; script steps.
func TestSnapshot(t *testing.T) {
	g := play(t, "snapshot")
	// "a", "b", "c" are on S1 and S2: committed at 3, S2 learns it at step 10.
	g.expect(8, "S1", "leader 1 [1:a 1:b 1:c] 3 c")
	g.expect(10, "S2", "follower 1 [1:a 1:b 1:c] 3 c")
	g.expect(10, "S3", "down 1 [-] 0 -")
	// S1 compacts everything it applied: lastIncludedIndex 3, term 1, "c".
	if got := g.snapLog(11, "S1"); got != "[≤3 t1: c]" {
		t.Errorf("S1 after its snapshot: %s", got)
	}
	g.reason(11, "S1 snapshots its state machine through index 3 (term 1) and discards 3 log entries")
	// S2 through index 2: its snapshot holds "b", the state as of index 2; "c" stays.
	if got := g.snapLog(12, "S2"); got != "[≤2 t1: b] 1:c" {
		t.Errorf("S2 after its snapshot: %s", got)
	}
	if s := g.at(12).Servers["S2"]; s.CommitIndex != 3 || s.LastApplied != 3 || s.StateMachine != "c" {
		t.Errorf("S2's snapshot must not change what it applied: %+v", s)
	}
	// "d" goes at index 4, after the snapshot.
	if got := g.snapLog(13, "S1"); got != "[≤3 t1: c] 1:d" {
		t.Errorf("S1 after d: %s", got)
	}
	// nextIndex[S2] = 4: prevLogIndex 3, its term from the snapshot; nextIndex[S3] = 1 ≤ 3: InstallSnapshot.
	ae := g.message(15, engine.AppendEntries, "S1", "S2")
	if ae.PrevLogIndex != 3 || ae.PrevLogTerm != 1 || len(ae.Entries) != 1 || ae.Entries[0].Value != "d" {
		t.Errorf("AppendEntries to S2: %s", engine.MessageText(ae))
	}
	is := g.message(15, engine.InstallSnapshot, "S1", "S3")
	if is.LastIncludedIndex != 3 || is.LastIncludedTerm != 1 || is.Data.State.String() != "c" {
		t.Errorf("InstallSnapshot to S3: %s", engine.MessageText(is))
	}
	g.reason(15, "nextIndex[S3] = 1 needs compacted entries, so it sends S3 InstallSnapshot")
	// S3 holds nothing: it saves the snapshot and loads "c"; commit and applied 3.
	g.expect(16, "S3", "follower 1 [-] 3 c")
	if got := g.snapLog(16, "S3"); got != "[≤3 t1: c]" {
		t.Errorf("S3 after InstallSnapshot: %s", got)
	}
	g.reason(16, "S3 resets its state machine from the snapshot")
	// S2's success commits "d"; S3's reply sets matchIndex 3, nextIndex 4.
	s1 := g.at(17).Servers["S1"]
	if s1.CommitIndex != 4 || s1.MatchIndex["S3"] != 3 || s1.NextIndex["S3"] != 4 {
		t.Errorf("S1 after the replies: commit %d, matchIndex %v, nextIndex %v", s1.CommitIndex, s1.MatchIndex, s1.NextIndex)
	}
	// The next heartbeat brings S3 "d" after its snapshot, and the commit.
	g.expectAll(19, map[string]string{"S1": "leader 1 [1:d] 4 d", "S2": "follower 1 [1:c 1:d] 4 d", "S3": "follower 1 [1:d] 4 d"})
	if l := g.leaders(); l != "S1@1" {
		t.Errorf("leaders %s", l)
	}
}
