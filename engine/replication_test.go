package engine

import (
	"strings"
	"testing"
)

// §5.3: a follower deletes a conflicting entry and all that follow it, then
// appends the leader's.
func TestConflictTruncates(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
initial:
  S1: {term: 2, role: leader, log: [1, "2:y"]}
  S2: {term: 1, log: [1, "1:a", "1:b"]}
  S3: {term: 2, voted_for: S1, log: [1]}
steps:
  - heartbeat: S1
  - deliver: {to: S2}
  - deliver: {to: S1}
  - deliver: {to: S2}
`)
	if got := LogText(last(tr, "S2").Log); got != "1 2:y" {
		t.Fatalf("S2's log = %s, want 1 2:y", got)
	}
	if !hasReason(tr.Steps[1], "its entry at prevLogIndex 2 has term 1, not prevLogTerm 2") {
		t.Errorf("step 2 reasons %q", tr.Steps[1].Reasons)
	}
	if !hasReason(tr.Steps[3], "S2 deletes 2 entries from index 2 on: its entry 2 has term 1, the leader's has term 2") {
		t.Errorf("step 4 reasons %q", tr.Steps[3].Reasons)
	}
}

// §5.3: "If an existing entry conflicts with a new one … delete the existing
// entry and all that follow it": only a conflict deletes. A late, shorter
// AppendEntries and an empty heartbeat leave later entries in place, and a
// late success never lowers the leader's matchIndex.
func TestStaleAndEmptyAppendEntriesKeepLaterEntries(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
steps:
  - timeout: S1
  - stabilize
  - client: {server: S1, value: x}
  - heartbeat: S1              # carries [x]
  - client: {server: S1, value: y}
  - heartbeat: S1              # carries [x, y]: nextIndex is still 1
  - deliver: {id: 11}          # the longer one reaches S2 first
  - deliver: {id: 9}           # then the shorter, older one
  - heartbeat: S1              # an empty heartbeat, prevLogIndex 0
  - drop: {to: S3}
  - deliver: {from: S1, to: S2}
  - deliver: {to: S1}
`)
	for i, want := range map[int]string{7: "1:x 1:y", 8: "1:x 1:y", 11: "1:x 1:y"} {
		if got := LogText(after(t, tr, i).Servers["S2"].Log); got != want {
			t.Errorf("after step %d S2's log = %s, want %s", i, got, want)
		}
	}
	// Check the script picked the messages it meant to.
	msgs := map[int]Message{}
	for _, st := range tr.Steps {
		for _, m := range st.Messages {
			msgs[m.ID] = m
		}
	}
	if m := msgs[11]; m.To != "S2" || len(m.Entries) != 2 {
		t.Fatalf("#11 = %s, want AppendEntries to S2 with 2 entries", MessageText(m))
	}
	if m := msgs[9]; m.To != "S2" || len(m.Entries) != 1 {
		t.Fatalf("#9 = %s, want AppendEntries to S2 with 1 entry", MessageText(m))
	}
	if st := after(t, tr, 8); !hasReason(st, "S2 already holds entry 1") {
		t.Errorf("step 8 reasons %q", st.Reasons)
	}
	if got := last(tr, "S1").MatchIndex["S2"]; got != 2 {
		t.Errorf("S1's matchIndex[S2] = %d after late successes, want 2 (it only grows)", got)
	}
	if got := last(tr, "S1").CommitIndex; got != 2 {
		t.Errorf("S1's commitIndex = %d, want 2", got)
	}
}

// figure7 is the paper's Figure 7: the leader of term 8 and followers
// (a)–(f), with the logs' terms by index; a, b and e voted for L.
const figure7 = `
title: Figure 7
servers: [L, a, b, c, d, e, f]
initial:
  L: {term: 8, role: leader, log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6]}
  a: {term: 8, voted_for: L, log: [1, 1, 1, 4, 4, 5, 5, 6, 6]}
  b: {term: 8, voted_for: L, log: [1, 1, 1, 4]}
  c: {term: 6, log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6]}
  d: {term: 7, log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7]}
  e: {term: 8, voted_for: L, log: [1, 1, 1, 4, 4, 4, 4]}
  f: {term: 3, log: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3]}
steps:
  - heartbeat: L
  - stabilize
  - client: {server: L, value: x}
  - heartbeat: L
  - stabilize
`

// §5.3 with the classroom rule (nextIndex − 1 per rejection) on Figure 7:
// the rejections each follower sends before its log matches, worked out by
// hand from the figure (nextIndex starts at 11):
//
//	(a) 9 entries: no entry at 10 → 1 rejection, matches at 9.
//	(b) 4 entries: rejects at 10, 9, 8, 7, 6, 5 → 6, matches at 4.
//	(c), (d): match at 10 at once → 0; they keep their extra entries.
//	(e) 7 entries: no entry at 10, 9, 8; term 4 ≠ 5 at 7 and 6 → 5, matches at 5.
//	(f) rejects at 10 … 4 (terms 3, 2 ≠ 6, 5, 4) → 7, matches at 3.
func TestFigure7BackOff(t *testing.T) {
	tr := runScript(t, figure7)
	rejections := map[string]int{}
	firstStabilize := 0
	for i, st := range tr.Steps {
		if st.ScriptStep == 3 {
			firstStabilize = i
			break
		}
		for _, m := range st.Messages {
			if m.Type == AppendEntriesReply && !m.Success {
				rejections[m.From]++
			}
		}
	}
	want := map[string]int{"a": 1, "b": 6, "c": 0, "d": 0, "e": 5, "f": 7}
	for id, n := range want {
		if rejections[id] != n {
			t.Errorf("(%s) sent %d rejections, want %d", id, rejections[id], n)
		}
	}
	after := tr.Steps[firstStabilize-1].Servers
	leader := "1 1 1 4 4 5 5 6 6 6"
	for _, id := range []string{"a", "b", "e", "f"} {
		if got := terms(after[id].Log); got != leader {
			t.Errorf("(%s) after repair = %s, want the leader's %s", id, got, leader)
		}
	}
	// An AppendEntries that matches deletes nothing: (c) and (d) keep
	// their extra entries until a new entry conflicts with them.
	if got := terms(after["c"].Log); got != leader+" 6" {
		t.Errorf("(c) after repair = %s, want %s 6", got, leader)
	}
	if got := terms(after["d"].Log); got != leader+" 7 7" {
		t.Errorf("(d) after repair = %s, want %s 7 7", got, leader)
	}
	final := leader + " 8"
	for _, id := range []string{"a", "b", "c", "d", "e", "f"} {
		if got := terms(last(tr, id).Log); got != final {
			t.Errorf("(%s) at the end = %s, want %s", id, got, final)
		}
	}
	if c := last(tr, "L").CommitIndex; c != 11 {
		t.Errorf("L's commitIndex = %d, want 11", c)
	}
}

// §5.4.2, Figure 8: the leader of term 4 gets its term-2 entry onto every
// server, yet does not commit it by counting replicas; an entry of term 4
// stored on a majority then commits it indirectly.
func TestFigure8CommitRule(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 5
initial:
  S1: {term: 4, role: leader, log: [1, 2], commit: 1}
  S2: {term: 4, voted_for: S1, log: [1, 2], commit: 1}
  S3: {term: 4, voted_for: S1, log: [1], commit: 1}
  S4: {term: 4, voted_for: S1, log: [1], commit: 1}
  S5: {term: 3, log: [1, 3], commit: 1}
steps:
  - heartbeat: S1
  - stabilize
  - client: {server: S1, value: x}
  - heartbeat: S1
  - stabilize
`)
	var before StepRecord
	for _, st := range tr.Steps {
		if st.ScriptStep == 2 {
			before = st
		}
	}
	for _, id := range tr.Servers {
		if got := terms(before.Servers[id].Log); got != "1 2" {
			t.Errorf("%s's log after repair = %s, want 1 2", id, got)
		}
	}
	if c := before.Servers["S1"].CommitIndex; c != 1 {
		t.Fatalf("S1 committed index %d with only a term-2 entry on all servers; want 1 (Figure 8)", c)
	}
	if !strings.Contains(allReasons(tr), "S1 does not commit index 2: it is stored on a majority (S1, S2, S3) but its term 2 is not the current term 4") {
		t.Errorf("no Figure 8 reason in\n%s", allReasons(tr))
	}
	s1 := last(tr, "S1")
	if s1.CommitIndex != 3 || s1.StateMachine != "x" {
		t.Errorf("S1 commitIndex %d, state %v; want 3 and x", s1.CommitIndex, s1.StateMachine)
	}
	if !strings.Contains(allReasons(tr), "S1 commits index 3: stored on a majority (S1, S2, S3) and of the current term 4 (§5.4.2); entry 2 commits with it") {
		t.Errorf("no indirect-commit reason in\n%s", allReasons(tr))
	}
}

// Figure 2: currentTerm, votedFor and the log survive a crash; commitIndex,
// lastApplied, the state machine and leader state do not. The restarted
// server learns the commit again from the leader and re-applies its log.
func TestRestartKeepsPersistentStateOnly(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
state_machine: kv
steps:
  - timeout: S1
  - stabilize
  - client: {server: S1, value: x=1}
  - heartbeat: S1
  - stabilize
  - heartbeat: S1
  - stabilize
  - crash: S2
  - crash: S1
  - restart: S2
  - restart: S1
`)
	for _, id := range []string{"S1", "S2"} {
		s := last(tr, id)
		if s.Term != 1 || s.VotedFor == nil || *s.VotedFor != "S1" || LogText(s.Log) != "1:x=1" {
			t.Errorf("%s lost persistent state: term %d votedFor %v log %s", id, s.Term, s.VotedFor, LogText(s.Log))
		}
		if s.CommitIndex != 0 || s.LastApplied != 0 || len(s.StateMachine.(map[string]string)) != 0 || s.Role != Follower {
			t.Errorf("%s kept volatile state: %+v", id, s)
		}
		if len(s.NextIndex) != 0 || len(s.MatchIndex) != 0 {
			t.Errorf("%s kept leader state: %v %v", id, s.NextIndex, s.MatchIndex)
		}
	}
	// A new leader brings the commit back: S3 leads term 2 with a no-op-free
	// log, so a new entry must commit before index 1 is known committed again.
	tr2 := runScript(t, `
title: t
servers: 3
state_machine: kv
steps:
  - timeout: S1
  - stabilize
  - client: {server: S1, value: x=1}
  - heartbeat: S1
  - stabilize
  - heartbeat: S1
  - stabilize
  - crash: S2
  - restart: S2
  - heartbeat: S1
  - stabilize
`)
	s2 := last(tr2, "S2")
	if s2.CommitIndex != 1 || s2.StateMachine.(map[string]string)["x"] != "1" {
		t.Errorf("restarted S2 did not re-apply x=1 from the leader's commit: %+v", s2)
	}
}

// Messages to a crashed server or across a partition are lost; messages
// sent by a server that then crashes still arrive.
func TestLossAndInFlightFromCrashedServer(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
steps:
  - timeout: S1
  - crash: S1
  - partition: [[S1, S2], [S3]]
  - deliver: all
`)
	st := tr.Steps[3]
	if len(st.Delivered) != 1 || len(st.Lost) != 1 {
		t.Fatalf("delivered %v lost %v; want the RequestVote to S2 delivered and the one to S3 lost", st.Delivered, st.Lost)
	}
	if v := last(tr, "S2").VotedFor; v == nil || *v != "S1" {
		t.Errorf("S2 should vote for S1 from S1's message sent before it crashed")
	}
	tr2 := runScript(t, `
title: t
servers: 3
steps:
  - timeout: S1
  - deliver: all
  - crash: S1
  - deliver: all
`)
	if got := tr2.Steps[3].Lost; len(got) != 2 {
		t.Errorf("votes to the crashed S1: lost %v, want both", got)
	}
}

// max_entries caps each AppendEntries; with replicate: heartbeat the rest
// follows one heartbeat at a time.
func TestMaxEntriesOnePerHeartbeat(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
options: {max_entries: 1}
steps:
  - timeout: S1
  - stabilize
  - client: {server: S1, value: a}
  - client: {server: S1, value: b}
  - heartbeat: S1
  - stabilize
`)
	if got := LogText(last(tr, "S2").Log); got != "1:a" {
		t.Errorf("after one heartbeat S2 holds %s, want only 1:a", got)
	}
	for _, st := range tr.Steps {
		for _, m := range st.Messages {
			if len(m.Entries) > 1 {
				t.Errorf("%s carries more than one entry", MessageText(m))
			}
		}
	}
}

// replicate: immediate sends a client entry at once; noop_on_election
// appends a no-op that lets earlier entries commit (§8).
func TestImmediateReplicationAndNoop(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
options: {replicate: immediate, noop_on_election: true}
steps:
  - timeout: S1
  - stabilize
  - client: {server: S1, value: a}
  - stabilize
`)
	var clientStep StepRecord
	for _, st := range tr.Steps {
		if st.ScriptStep == 2 && st.Servers["S1"].Role == Leader && LogText(st.Servers["S1"].Log) != "1" {
			t.Fatalf("new leader's log = %s, want just the no-op of term 1", LogText(st.Servers["S1"].Log))
		}
		if st.ScriptStep == 3 {
			clientStep = st
		}
	}
	if len(clientStep.Messages) != 2 {
		t.Errorf("immediate replication sent %d messages on the client request, want 2", len(clientStep.Messages))
	}
	if s := last(tr, "S1"); LogText(s.Log) != "1 1:a" || s.CommitIndex != 2 {
		t.Errorf("S1 = %s commit %d, want [no-op, a] committed", LogText(s.Log), s.CommitIndex)
	}
}

// A client request to a follower is refused and changes nothing.
func TestClientRefusedByFollower(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
steps:
  - client: {server: S2, value: a}
`)
	if r := tr.Steps[0].Refused; !strings.Contains(r, "S2 is a follower in term 0, not the leader") {
		t.Errorf("refused = %q", r)
	}
	if len(last(tr, "S2").Log) != 0 {
		t.Error("a refused request changed S2's log")
	}
}

// Figure 2: a follower sets commitIndex = min(leaderCommit, index of last
// new entry), never beyond what the AppendEntries just confirmed. Here a
// duplicated rejection backs nextIndex[S3] up to 2, so an AppendEntries
// confirms only index 2 while S3 still holds a stale entry "b" at index 3,
// where "c" is committed: S3 must not commit index 3.
func TestFollowerCommitStopsAtLastNewEntry(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
options: {max_entries: 1}
initial:
  S1: {term: 2, role: leader, log: [1, "1:a", "2:c"], commit: 3}
  S2: {term: 2, voted_for: S1, log: [1, "1:a", "2:c"], commit: 3}
  S3: {term: 1, log: [1, "1:a", "1:b"], commit: 1}
steps:
  - heartbeat: S1
  - drop: {to: S2}
  - duplicate: {to: S3}
  - deliver: {to: S3}
  - deliver: {to: S1}
  - deliver: {id: 7}
  - deliver: {id: 6}
`)
	m7 := tr.Steps[4].Messages[1]
	if m7.ID != 7 || m7.PrevLogIndex != 1 || m7.LeaderCommit != 3 || len(m7.Entries) != 1 {
		t.Fatalf("#7 = %s; want AppendEntries prevLogIndex 1 with one entry and leaderCommit 3", MessageText(m7))
	}
	s3 := tr.Steps[5].Servers["S3"]
	if LogText(s3.Log) != "1 1:a 1:b" || s3.CommitIndex != 2 || s3.StateMachine != "a" {
		t.Fatalf("after #7 S3 = log %s commit %d state %v; want log unchanged, commit 2 = min(3, 2), state a",
			LogText(s3.Log), s3.CommitIndex, s3.StateMachine)
	}
	if s3 := last(tr, "S3"); LogText(s3.Log) != "1 1:a 2:c" || s3.CommitIndex != 3 || s3.StateMachine != "c" {
		t.Errorf("at the end S3 = log %s commit %d state %v; want 1 1:a 2:c, 3, c", LogText(s3.Log), s3.CommitIndex, s3.StateMachine)
	}
}

// Every reply names the request it answers, also when requests are
// duplicated: a copy gets its own reply.
func TestRepliesNameTheirRequests(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
steps:
  - timeout: S1
  - duplicate: {to: S2}
  - deliver: all
`)
	sent := map[int]Message{}
	for _, st := range tr.Steps {
		for _, m := range st.Messages {
			sent[m.ID] = m
		}
	}
	answered := map[int]bool{}
	for _, m := range tr.Steps[2].Messages {
		req, ok := sent[m.InReplyTo]
		if !ok || req.Type != RequestVote || req.To != m.From || req.From != m.To {
			t.Fatalf("%s answers #%d, which is not a RequestVote from %s to %s", MessageText(m), m.InReplyTo, m.To, m.From)
		}
		answered[m.InReplyTo] = true
	}
	if len(answered) != 3 {
		t.Errorf("replies answer %v; want #1, #2 and the copy #3", answered)
	}
}

// A rejection at or below matchIndex is stale (a late duplicate): the
// leader ignores it and nextIndex stays, both when the follower has
// confirmed entries and when nextIndex is already 1 (§5.3).
func TestStaleRejectionsAreIgnored(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 2
initial:
  S1: {term: 1, role: leader, log: ["1:a", "1:b", "1:c"]}
  S2: {term: 1, voted_for: S1, log: ["1:a"]}
steps:
  - heartbeat: S1
  - deliver: {id: 1}
  - duplicate: {id: 2}
  - deliver: {id: 2}
  - deliver: {id: 4}
  - deliver: {id: 5}
  - deliver: {id: 6}
  - deliver: {id: 7}
  - deliver: {id: 3}
`)
	stale := tr.Steps[8].Why[0]
	if stale.Rule != RuleStaleRejection || len(stale.Sent) != 0 ||
		stale.Text != "S1 ignores a stale rejection from S2: S2 has confirmed the entries up to matchIndex 3, so nextIndex[S2] stays 4 (§5.3)" {
		t.Errorf("the late rejection: %+v", stale)
	}
	if s1 := last(tr, "S1"); s1.NextIndex["S2"] != 4 || s1.MatchIndex["S2"] != 3 {
		t.Errorf("S1's nextIndex[S2] %d, matchIndex[S2] %d; want 4 and 3", s1.NextIndex["S2"], s1.MatchIndex["S2"])
	}

	tr = runScript(t, `
title: t
servers: 2
initial:
  S1: {term: 1, role: leader, log: ["1:a"]}
  S2: {term: 1, voted_for: S1}
steps:
  - heartbeat: S1
  - deliver: {id: 1}
  - duplicate: {id: 2}
  - deliver: {id: 2}
  - deliver: {id: 3}
`)
	stale = tr.Steps[4].Why[0]
	if stale.Rule != RuleStaleRejection || stale.Text != "S1 ignores a stale rejection from S2: nextIndex[S2] is already 1, and prevLogIndex 0 always matches (§5.3)" {
		t.Errorf("the late rejection at nextIndex 1: %+v", stale)
	}
}

// A heartbeat carries no entries: the follower's commitIndex is bounded by
// prevLogIndex, the last index the heartbeat vouches for, and the reason
// says so rather than speak of a "last new entry" (Figure 2, §5.3).
func TestHeartbeatCommitSaysPrevLogIndex(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
initial:
  S1: {term: 1, role: leader, log: ["1:a"], commit: 1}
  S2: {term: 1, voted_for: S1, log: ["1:a"]}
  S3: {term: 1, voted_for: S1, log: ["1:a"]}
steps:
  - heartbeat: S1
  - deliver: {to: S2}
`)
	var got []string
	for _, r := range tr.Steps[1].Why {
		if r.Rule == RuleFollowerCommit {
			got = append(got, r.Text)
		}
	}
	want := "S2 sets commitIndex to 1 = min(leaderCommit 1, prevLogIndex 1): a heartbeat vouches for the log up to prevLogIndex (§5.3)"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
