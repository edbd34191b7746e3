package exercises

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// when lists "TIME event" for the trace records whose event contains any
// of the fragments.
func (g golden) when(fragments ...string) string {
	var out []string
	for _, st := range g.tr.Steps {
		for _, f := range fragments {
			if strings.Contains(st.Event, f) {
				out = append(out, fmt.Sprintf("%d %s", *st.TimeMs, st.Event))
				break
			}
		}
	}
	return strings.Join(out, "; ")
}

// election-timed: seed 1 draws S1 210ms, S2 237ms, S3 176ms at 0 ms. S3's
// RequestVotes (5 ms) arrive at 181, the votes at 186: S3 leads term 1
// before any other timer fires. Its heartbeats go out every 50 ms from
// 186; "sally" (client at 200) leaves at 236, is acknowledged at 246
// (commit, §5.3) and the followers learn of it from the heartbeat at 286.
func TestElectionTimed(t *testing.T) {
	g := play(t, "election-timed")
	init := g.tr.Initial
	for id, want := range map[string]int{"S1": 210, "S2": 237, "S3": 176} {
		if got := *init[id].ElectionTimerMs; got != want {
			t.Errorf("%s's first timer fires at %d, want %d", id, got, want)
		}
	}
	if got := g.when("timeout"); got != "176 timeout S3 (timer)" {
		t.Errorf("timeouts: %s", got)
	}
	g.expect(2, "S3", "leader 1 [-] 0 -")
	if got := g.when("heartbeat"); got != "236 heartbeat S3 (timer); 286 heartbeat S3 (timer)" {
		t.Errorf("heartbeats: %s", got)
	}
	g.expect(4, "S3", "leader 1 [1:sally] 1 sally")
	g.expectAll(5, map[string]string{"S1": "follower 1 [1:sally] 1 sally", "S2": "follower 1 [1:sally] 1 sally"})
	if s := g.at(5).Servers["S1"]; *s.ElectionTimerMs != 291+210 && *s.ElectionTimerMs < 291+150 {
		t.Errorf("S1's timer after the last heartbeat = %d; it must restart at 291", *s.ElectionTimerMs)
	}
}

// split-vote-timed: S1 and S2 both time out at 150. S3 hears S1 at 152 and
// S4 hears S2 at 152 (2 ms links) and each grants its first request; the
// later requests (10 ms links) are denied. 2 + 2 of 4: no leader in term 1
// (§5.2). Seed 3 then draws S1's next timeout first: S1 stands in term 2
// at 308 and wins with S2's and S3's votes.
func TestSplitVoteTimed(t *testing.T) {
	g := play(t, "split-vote-timed")
	if got := g.when("timeout"); got != "150 timeout S1 (timer); 150 timeout S2 (timer); 308 timeout S1 (timer)" {
		t.Errorf("timeouts: %s", got)
	}
	if g.votedFor(2, "S3") != "S1" || g.votedFor(2, "S4") != "S2" {
		t.Errorf("S3 voted %s and S4 %s; want S1 and S2", g.votedFor(2, "S3"), g.votedFor(2, "S4"))
	}
	for _, id := range []string{"S1", "S2"} {
		if s := g.at(3).Servers[id]; s.Role != engine.Candidate || len(s.Votes) != 2 {
			t.Errorf("%s at 170ms: %s with votes %v; want a candidate with 2 of 3", id, s.Role, s.Votes)
		}
	}
	g.reason(3, "S3 denies S2 its vote: already voted for S1 in term 1")
	g.reason(4, "S1 wins the election for term 2 with the votes of S1, S2, S3")
	if l := g.leaders(); l != "S1@2" {
		t.Errorf("leaders %s, want S1@2", l)
	}
}

// partition-timed: the walkthrough's times (seed 000), worked out with a
// 20 ms heartbeat and 5 ms messages.
func TestPartitionTimed(t *testing.T) {
	g := play(t, "partition-timed")
	// 20: heartbeat; 30: S1 learns a majority holds sally and commits it;
	// 40: heartbeat; 45: the followers commit it.
	g.expectAll(1, map[string]string{"S1": "leader 1 [1:sally] 1 sally", "S3": "follower 1 [1:sally] 1 sally"})
	// bob reaches S2 with the heartbeat of 80 (at 85); S2's ack at 90 makes 2 of 5.
	g.expectAll(4, map[string]string{"S1": "leader 1 [1:sally 1:bob] 1 sally", "S2": "follower 1 [1:sally 1:bob] 1 sally",
		"S3": "follower 1 [1:sally] 1 sally"})
	// S3 last heard S1 at 45; its 145 ms timer fires at 190.
	if got := g.when("timeout"); got != "190 timeout S3 (timer)" {
		t.Errorf("timeouts: %s", got)
	}
	for _, st := range g.tr.Steps {
		if *st.TimeMs == 190 && st.Event == "timeout S3 (timer)" {
			if s := st.Servers["S3"]; s.Role != engine.Candidate || s.Term != 2 {
				t.Errorf("S3 at 190 ms: %s of term %d, want a candidate of term 2", s.Role, s.Term)
			}
		}
	}
	// 195: S4 and S5 grant; 200: S3 leads term 2.
	g.expect(5, "S3", "leader 2 [1:sally] 1 sally")
	// tom at 210, sent with the heartbeat of 220, acknowledged at 230.
	g.expect(7, "S3", "leader 2 [1:sally 2:tom] 2 tom")
	g.expectAll(8, map[string]string{"S4": "follower 2 [1:sally 2:tom] 2 tom", "S5": "follower 2 [1:sally 2:tom] 2 tom"})
	// Heal at 255; S3's heartbeat of 260 reaches S1 and S2 at 265.
	repaired := "follower 2 [1:sally 2:tom] 2 tom"
	g.expectAll(10, map[string]string{"S1": repaired, "S2": repaired})
	g.reason(10, "S1 sees term 2 in S3's AppendEntries: adopts term 2 and steps down from leader to follower")
	var repairedAt int
	for _, st := range g.tr.Steps {
		if st.Servers["S1"].Role == engine.Follower && repairedAt == 0 {
			repairedAt = *st.TimeMs
		}
	}
	if repairedAt != 265 {
		t.Errorf("S1 steps down at %d, want 265", repairedAt)
	}
}
