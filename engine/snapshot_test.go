package engine

import "testing"

// §7: a leader that compacted the entries a follower lacks sends
// InstallSnapshot; the follower, with no entry matching the snapshot's
// last, discards its log and loads the snapshot (Figure 13, steps 7-8).
// A later AppendEntries carries on from the snapshot.
func TestInstallSnapshotCatchesUpAFollower(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
steps:
  - timeout: S1
  - stabilize
  - crash: S3
  - client: {server: S1, value: a}
  - client: {server: S1, value: b}
  - heartbeat: S1
  - stabilize
  - snapshot: {server: S1, index: 1}
  - restart: S3
  - heartbeat: S1
  - deliver: {to: S3}
  - deliver: {to: S1}
  - heartbeat: S1
  - stabilize
`)
	s1 := after(t, tr, 8).Servers["S1"]
	if s1.Snapshot == nil || s1.Snapshot.LastIncludedIndex != 1 || s1.Snapshot.StateMachine != "a" || LogText(s1.Log) != "1:b" {
		t.Errorf("S1 after the snapshot: %+v, log %s", s1.Snapshot, LogText(s1.Log))
	}
	sent := after(t, tr, 10).Messages
	if len(sent) != 2 || sent[1].Type != InstallSnapshot || sent[1].To != "S3" || sent[1].LastIncludedIndex != 1 || sent[1].LastIncludedTerm != 1 {
		t.Errorf("heartbeat sent %v", sent)
	}
	s3 := after(t, tr, 11).Servers["S3"]
	if s3.Snapshot == nil || s3.CommitIndex != 1 || s3.LastApplied != 1 || s3.StateMachine != "a" || len(s3.Log) != 0 {
		t.Errorf("S3 after InstallSnapshot: %+v", s3)
	}
	if !hasReason(after(t, tr, 11), "S3 resets its state machine from the snapshot, which holds \"a\"; commitIndex and lastApplied become 1") {
		t.Errorf("reasons %q", after(t, tr, 11).Reasons)
	}
	if s1 := after(t, tr, 12).Servers["S1"]; s1.MatchIndex["S3"] != 1 || s1.NextIndex["S3"] != 2 {
		t.Errorf("S1's indexes for S3 after the reply: %v %v", s1.MatchIndex, s1.NextIndex)
	}
	if s3 := last(tr, "S3"); LogText(s3.Log) != "1:b" || s3.CommitIndex != 2 || s3.StateMachine != "b" {
		t.Errorf("S3 at the end: log %s, commit %d, %v", LogText(s3.Log), s3.CommitIndex, s3.StateMachine)
	}
}

// A leader sends InstallSnapshot only when nextIndex falls below its first
// log index (§7); a snapshot survives a crash, and a restart loads it
// into the state machine.
func TestSnapshotSentOnlyWhenNeededAndKeptAcrossRestart(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
steps:
  - timeout: S1
  - stabilize
  - client: {server: S1, value: a}
  - client: {server: S1, value: b}
  - heartbeat: S1
  - stabilize
  - heartbeat: S1
  - stabilize
  - snapshot: {server: S1, index: 2}
  - heartbeat: S1
  - drop: {to: S2}
  - deliver: {to: S3}
`)
	// Hand-delivered: S1 never lowered nextIndex, so no snapshot goes out;
	// InstallSnapshot is sent only below the leader's first index.
	for _, m := range after(t, tr, 10).Messages {
		if m.Type != AppendEntries || m.PrevLogIndex != 2 {
			t.Errorf("heartbeat after the snapshot sent %s", MessageText(m))
		}
	}
	tr = runScript(t, `
title: t
servers: 2
steps:
  - timeout: S1
  - stabilize
  - client: {server: S1, value: a}
  - client: {server: S1, value: b}
  - client: {server: S1, value: c}
  - heartbeat: S1
  - stabilize
  - heartbeat: S1
  - stabilize
  - snapshot: {server: S1, index: 2}
  - crash: S1
  - restart: S1
`)
	s1 := last(tr, "S1")
	if s1.CommitIndex != 2 || s1.LastApplied != 2 || s1.StateMachine != "b" || LogText(s1.Log) != "1:c" {
		t.Errorf("S1 restarted from its snapshot: commit %d applied %d %v log %s", s1.CommitIndex, s1.LastApplied, s1.StateMachine, LogText(s1.Log))
	}
}

// The step-6 case: S2 holds entries 1-3, the leader's snapshot ends at 2:
// S2 keeps entry 3; the same snapshot again is stale.
func TestFigure13Step6AndStaleSnapshots(t *testing.T) {
	c := NewCluster(Config{Servers: []string{"S1", "S2"}})
	s2 := c.Server("S2")
	s2.Log = Log{{Term: 1, Value: "a"}, {Term: 1, Value: "b"}, {Term: 1, Value: "c"}}
	s2.CurrentTerm = 1
	sn := Snapshot{LastIncludedIndex: 2, LastIncludedTerm: 1, State: StateMachine{register: "b"}}
	m := Message{ID: 9, Type: InstallSnapshot, From: "S1", To: "S2", Term: 1, LastIncludedIndex: 2, LastIncludedTerm: 1, Data: sn}
	s2.Step(m)
	if s2.base() != 2 || LogText(indexed(2, s2.Log)) != "1:c" || s2.LastApplied != 2 || s2.StateMachine.String() != "b" {
		t.Fatalf("after step 6: base %d, log %v, applied %d, %q", s2.base(), s2.Log, s2.LastApplied, s2.StateMachine.String())
	}
	_, reasons, _ := s2.drain()
	if reasons[0].Sentence != SaySnapshotRetain || reasons[1].Sentence != SaySnapshotLoad {
		t.Errorf("reasons %v", reasonTexts(reasons))
	}
	s2.Step(m)
	if _, reasons, _ = s2.drain(); reasons[0].Sentence != SaySnapshotStale {
		t.Errorf("the same snapshot again: %v", reasonTexts(reasons))
	}
}
