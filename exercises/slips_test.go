package exercises

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// slips: the role-play of seed 004, one entry per AppendEntries
// (max_entries: 1). Worked out by hand: a heartbeat carries to each
// follower the one entry at its nextIndex (§5.3); with S5's first slip
// lost, S5 runs one entry behind; each entry commits once 3 of 5 hold it
// (§5.4.2), and followers commit min(leaderCommit, index of the entry just
// received) (Figure 2). The numbers are script steps.
func TestSlips(t *testing.T) {
	g := play(t, "slips")
	g.expect(3, "S1", "leader 1 [-] 0 -")
	g.reason(3, "S1 wins the election for term 1 with the votes of S1, S2, S3")
	// A follower refuses a client request and changes nothing (§8).
	if r := g.at(6).Refused; r == "" {
		t.Error("S3 must refuse the client's request at step 6")
	}
	g.expect(6, "S3", "follower 1 [-] 0 -")
	for _, st := range g.tr.Steps {
		for _, m := range st.Messages {
			if len(m.Entries) > 1 {
				t.Errorf("#%d carries %d entries; a slip holds one", m.ID, len(m.Entries))
			}
		}
	}
	// Heartbeat 1: red to everyone; S5's slip is dropped.
	g.expect(11, "S4", "follower 1 [1:red] 0 -")
	g.expect(11, "S5", "follower 1 [-] 0 -")
	g.expect(12, "S1", "leader 1 [1:red 1:green] 1 red")
	// Heartbeat 2: green (prevLogIndex 1) to S2–S4, red (prevLogIndex 0) to S5.
	want := map[string]string{"S2": "1:green", "S3": "1:green", "S4": "1:green", "S5": "1:red"}
	for _, m := range g.at(14).Messages {
		if got := entriesText(m); got != want[m.To] || m.LeaderCommit != 1 {
			t.Errorf("slip to %s carries %s, leaderCommit %d; want %s, 1", m.To, got, m.LeaderCommit, want[m.To])
		}
	}
	// Followers commit min(1, 2) = 1; S5 min(1, 1) = 1.
	g.expectAll(15, map[string]string{"S2": "follower 1 [1:red 1:green] 1 red", "S5": "follower 1 [1:red] 1 red"})
	g.expect(16, "S1", "leader 1 [1:red 1:green 1:blue] 2 green")
	g.expectAll(18, map[string]string{"S2": "follower 1 [1:red 1:green 1:blue] 2 green", "S5": "follower 1 [1:red 1:green] 2 green"})
	g.expect(19, "S1", "leader 1 [1:red 1:green 1:blue] 3 blue")
	g.reason(19, "S1 commits index 3: stored on a majority (S1, S2, S3) and of the current term 1")
	all := "follower 1 [1:red 1:green 1:blue] 3 blue"
	g.expectAll(21, map[string]string{"S2": all, "S3": all, "S4": all, "S5": all})
	if m := g.tr.Final()["S1"].MatchIndex; m["S5"] != 3 {
		t.Errorf("S1's matchIndex[S5] = %d at the end, want 3", m["S5"])
	}
}

// entriesText writes the entries an AppendEntries carries: "1:red 1:green".
func entriesText(m engine.Message) string {
	parts := make([]string, len(m.Entries))
	for i, e := range m.Entries {
		parts[i] = engine.EntryText(e.Term, e.Value)
	}
	return strings.Join(parts, " ")
}
