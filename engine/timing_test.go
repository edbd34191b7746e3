package engine

import (
	"fmt"
	"strings"
	"testing"
)

// timerOf is when id's election timer fires after script step n, or -1.
func timerOf(t *testing.T, tr *Trace, n int, id string) int {
	t.Helper()
	if at := after(t, tr, n).Servers[id].ElectionTimerMs; at != nil {
		return *at
	}
	return -1
}

// Fixed timeouts make the timer rules visible: S1 150ms, S2 200ms, S3 300ms,
// 10ms messages, heartbeat every 50ms.
const fixedTiming = `
title: t
servers: 3
timing:
  election_timeout: {S1: 150ms, S2: 200ms, S3: 300ms}
  heartbeat: 50ms
  latency: 10ms
`

// At 0 ms every server starts its timer; the shortest fires first (§5.2).
func TestTimersStartAtZeroAndShortestFiresFirst(t *testing.T) {
	tr := runScript(t, fixedTiming+"steps:\n  - run: 150ms\n")
	if len(tr.Initial) == 0 || *tr.Initial["S2"].ElectionTimerMs != 200 || *tr.Initial["S3"].ElectionTimerMs != 300 {
		t.Fatalf("initial timers: %v %v", tr.Initial["S2"].ElectionTimerMs, tr.Initial["S3"].ElectionTimerMs)
	}
	st := tr.Steps[0]
	if *st.TimeMs != 150 || st.Event != "timeout S1 (timer)" {
		t.Fatalf("first event %q at %d, want S1's timer at 150ms", st.Event, *st.TimeMs)
	}
	// A candidate's timer restarts with each new election: 150 + 150.
	if got := timerOf(t, tr, 1, "S1"); got != 300 {
		t.Errorf("S1's new timer fires at %d, want 300", got)
	}
	if m := st.Messages[0]; !m.Timed || m.SentMs != 150 || m.ArrivesMs != 160 {
		t.Errorf("RequestVote timed %v sent %d arrives %d, want 150 → 160", m.Timed, m.SentMs, m.ArrivesMs)
	}
}

// Figure 2: granting a vote restarts a follower's election timer; a leader
// has no election timer and sends heartbeats every interval.
func TestGrantingAVoteRestartsTheTimer(t *testing.T) {
	tr := runScript(t, fixedTiming+"steps:\n  - run: 160ms\n")
	// At 160 S2 and S3 grant S1's vote: timers 160+200, 160+300.
	if got := timerOf(t, tr, 1, "S2"); got != 360 {
		t.Errorf("S2's timer = %d, want 360", got)
	}
	if got := timerOf(t, tr, 1, "S3"); got != 460 {
		t.Errorf("S3's timer = %d, want 460", got)
	}
	tr = runScript(t, fixedTiming+"steps:\n  - run: 230ms\n")
	s1 := after(t, tr, 1).Servers["S1"]
	if s1.Role != Leader || s1.ElectionTimerMs != nil || s1.HeartbeatMs == nil || *s1.HeartbeatMs != 270 {
		t.Fatalf("S1 at 230ms: %s, election timer %v, heartbeat %v; want leader since 170, next heartbeat at 270",
			s1.Role, s1.ElectionTimerMs, s1.HeartbeatMs)
	}
	var beats []int
	for _, st := range tr.Steps {
		if st.Event == "heartbeat S1 (timer)" {
			beats = append(beats, *st.TimeMs)
		}
	}
	if fmt.Sprint(beats) != "[220]" {
		t.Errorf("heartbeats at %v, want [220]", beats)
	}
}

// Figure 2: hearing from the current leader restarts a follower's timer,
// even when the log check fails; a stale leader's AppendEntries and a
// denied vote do not.
func TestLeaderContactRestartsTheTimerButStaleContactDoesNot(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
timing:
  election_timeout: {S1: 150ms, S2: 200ms, S3: 300ms}
  heartbeat: 50ms
  latency: 10ms
initial:
  S1: {term: 2, role: leader, log: [1, 2]}
  S2: {term: 2, voted_for: S1, log: [1]}
  S3: {term: 3, log: [1]}
steps:
  - run: 60ms
`)
	// S1's first heartbeat leaves at 50 and arrives at 60: S2 rejects it
	// (no entry at prevLogIndex 2) but it comes from the leader of its
	// term: its timer restarts at 60 → 260. S3 is in term 3: S1 is a stale
	// leader to it, and its timer stays at 300.
	if got := timerOf(t, tr, 1, "S2"); got != 260 {
		t.Errorf("S2's timer = %d, want 260", got)
	}
	if got := timerOf(t, tr, 1, "S3"); got != 300 {
		t.Errorf("S3's timer = %d, want 300", got)
	}
	if !strings.Contains(allReasons(tr), "S2 rejects AppendEntries from S1: its log has no entry at prevLogIndex 2") {
		t.Errorf("reasons:\n%s", allReasons(tr))
	}
	// A denied vote does not restart a timer.
	tr = runScript(t, `
title: t
servers: 3
timing: {election_timeout: {S1: 150ms, S2: 200ms, S3: 300ms}, latency: 10ms}
initial:
  S2: {term: 1, voted_for: S3, log: [1]}
  S3: {term: 1, voted_for: S3, log: [1]}
steps:
  - run: 160ms
`)
	if got := timerOf(t, tr, 1, "S2"); got != 200 {
		t.Errorf("S2 denied S1 (shorter log) but its timer moved to %d, want 200", got)
	}
}

// A crashed server has no timers; a restarted one starts a fresh timer, and
// so does a leader that steps down.
func TestCrashStopsTimersAndRestartStartsOne(t *testing.T) {
	tr := runScript(t, fixedTiming+`steps:
  - crash: S2
    at: 100ms
  - restart: S2
    at: 120ms
`)
	if got := timerOf(t, tr, 1, "S2"); got != -1 {
		t.Errorf("crashed S2 has a timer at %d", got)
	}
	if got := timerOf(t, tr, 2, "S2"); got != 320 {
		t.Errorf("restarted S2's timer = %d, want 120+200", got)
	}
	tr = runScript(t, `
title: t
servers: 3
timing: {election_timeout: {S1: 150ms, S2: 200ms, S3: 300ms}, latency: 10ms}
initial:
  S1: {term: 1, role: leader}
  S3: {term: 2}
steps:
  - deliver: all
    at: 50ms
  - deliver: {to: S1}
`)
	// S1's heartbeat at 50 meets S3 in term 2; its reply makes S1 step
	// down, and its fresh timer starts then: 50 + 150.
	if s := after(t, tr, 2).Servers["S1"]; s.Role != Follower || s.HeartbeatMs != nil || *s.ElectionTimerMs != 200 {
		t.Errorf("S1 after stepping down: %s heartbeat %v election %v; want follower, timer at 200", s.Role, s.HeartbeatMs, s.ElectionTimerMs)
	}
}

// at: and run: {until:} place steps on the clock; a step in the past is an
// error that names it.
func TestAtAndRunUntil(t *testing.T) {
	tr := runScript(t, fixedTiming+`steps:
  - partition: [[S1], [S2, S3]]
    at: 40ms
  - run: {until: 100ms}
`)
	if st := after(t, tr, 1); *st.TimeMs != 40 || st.Event != "partition {S1} | {S2, S3}" {
		t.Errorf("step 1 %q at %d", st.Event, *st.TimeMs)
	}
	if st := after(t, tr, 2); *st.TimeMs != 100 || !strings.Contains(st.Reasons[0], "nothing happens until 100ms") {
		t.Errorf("step 2 %q at %d: %q", st.Event, *st.TimeMs, st.Reasons)
	}
	msg := runError(t, fixedTiming+"steps:\n  - run: 100ms\n  - heal:\n    at: 50ms\n")
	if !strings.Contains(msg, "test.yaml:10:5: step 2 (heal, at 100ms): this step is set at 50ms, but the clock is already at 100ms") {
		t.Errorf("error %q", msg)
	}
}

// Aligned timeouts split the vote (§5.2): S1 and S2 time out together,
// each closer to one voter; nobody has 3 of 4. Their next timeouts are
// drawn at random, and the first to fire usually wins term 2; when the two
// draws land within a message's latency of each other, they split again.
func TestAlignedTimeoutsSplitTheVoteAndRandomnessResolvesIt(t *testing.T) {
	src := func(seed int) string {
		return fmt.Sprintf(`
title: t
servers: 4
timing:
  election_timeout: {S1: [150ms, 150ms..300ms], S2: [150ms, 150ms..300ms], default: 400ms}
  heartbeat: 50ms
  latency: {default: 10ms, S1-S3: 2ms, S2-S4: 2ms}
  seed: %d
steps:
  - run: 200ms
  - run: {until: 1500ms}
`, seed)
	}
	winners, inTerm2 := map[string]int{}, 0
	for seed := 1; seed <= 20; seed++ {
		tr := runScript(t, src(seed))
		mid := after(t, tr, 1)
		for _, id := range []string{"S1", "S2"} {
			if s := mid.Servers[id]; s.Role != Candidate || s.Term != 1 || len(s.Votes) != 2 {
				t.Fatalf("seed %d at 200ms: %s is %s in term %d with votes %v; want a 2–2 split", seed, id, s.Role, s.Term, s.Votes)
			}
		}
		leaders := 0
		for _, id := range tr.Servers {
			if s := last(tr, id); s.Role == Leader {
				leaders++
				if s.Term == 2 {
					inTerm2++
				}
				winners[id]++
			}
		}
		if leaders != 1 {
			t.Errorf("seed %d: %d leaders at 1500ms", seed, leaders)
		}
	}
	if inTerm2 < 15 {
		t.Errorf("only %d of 20 seeds elected a leader in term 2", inTerm2)
	}
	if winners["S1"] == 0 || winners["S2"] == 0 {
		t.Errorf("over 20 seeds the winners were %v; randomness should let either win", winners)
	}
}

// With random timeouts a leader emerges quickly for every seed, and a run
// is the same for the same seed and differs between seeds.
func TestRandomTimeoutsElectALeaderDeterministically(t *testing.T) {
	src := func(servers, seed int) string {
		return fmt.Sprintf("title: t\nservers: %d\ntiming: {election_timeout: 150ms..300ms, heartbeat: 50ms, latency: 2ms..8ms, seed: %d}\nsteps:\n  - run: 1000ms\n", servers, seed)
	}
	distinct := map[string]bool{}
	for _, n := range []int{3, 5} {
		for seed := 0; seed < 100; seed++ {
			tr := runScript(t, src(n, seed))
			elected := -1
			for _, st := range tr.Steps {
				for _, id := range tr.Servers {
					if st.Servers[id].Role == Leader && elected < 0 {
						elected = *st.TimeMs
					}
				}
			}
			// Split votes happen, but with timeouts drawn from 150–300 ms a
			// leader is almost always elected within a few timeouts.
			if elected < 0 || elected > 1000 {
				t.Errorf("%d servers, seed %d: no leader within 1000ms", n, seed)
			}
			a, _ := tr.JSON()
			b, _ := runScript(t, src(n, seed)).JSON()
			if string(a) != string(b) {
				t.Fatalf("seed %d: two runs differ", seed)
			}
			distinct[string(a)] = true
		}
	}
	if len(distinct) < 150 {
		t.Errorf("only %d distinct runs of 200 seeds", len(distinct))
	}
}
