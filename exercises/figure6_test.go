package exercises

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// figure6: the logs of the paper's Figure 6 (checked against the figure's
// source, ongardie/dissertation basicraft/log2.svg): leader
// x←3 y←1 y←9 (term 1), x←2 (term 2), x←0 y←7 x←5 x←4 (term 3); followers
// hold its first 5, 8, 2 and 7 entries; entries 1–7 are committed, being
// on a majority (S1, S3, S5) (§5.3, §5.4.2). Worked out by hand; script
// steps.
func TestFigure6(t *testing.T) {
	g := play(t, "figure6")
	// S3's and S5's matchIndex 7 make index 7 (term 3 = current) majority
	// held: commitIndex 4 → 7, entries 5–6 with it.
	g.reason(4, "S1 commits index 7: stored on a majority (S1, S3, S5) and of the current term 3 (§5.4.2); entries 5–6 commit with it")
	seven := "1:x←3 1:y←1 1:y←9 2:x←2 3:x←0 3:y←7 3:x←5"
	g.expect(4, "S1", "leader 3 ["+seven+"] 7 x=5, y=7")
	// Figure 6 itself. The state machines: after 2 entries x=3, y=1; after
	// 4, x=2, y=9; after 7, x=5, y=7.
	eight := seven + " 3:x←4"
	g.expectAll(9, map[string]string{
		"S1": "leader 3 [" + eight + "] 7 x=5, y=7",
		"S2": "follower 3 [1:x←3 1:y←1 1:y←9 2:x←2 3:x←0] 4 x=2, y=9",
		"S3": "follower 3 [" + eight + "] 7 x=5, y=7",
		"S4": "follower 3 [1:x←3 1:y←1] 2 x=3, y=1",
		"S5": "follower 3 [" + seven + "] 4 x=2, y=9",
	})
	// Entry 8 on S1 and S3 only: 2 of 5, not committed.
	if m := g.at(9).Servers["S1"].MatchIndex; m["S3"] != 8 || m["S5"] != 7 {
		t.Errorf("S1's matchIndex = %v, want S3=8 S5=7", m)
	}
	// Entry 8 reaches S5: S1, S3, S5 hold it, term 3 is current.
	g.expect(12, "S1", "leader 3 ["+eight+"] 8 x=4, y=7")
	g.reason(12, "S1 commits index 8: stored on a majority (S1, S3, S5) and of the current term 3")
	// Repair by nextIndex − 1 from 8: S2 (5 entries) rejects at 7 and 6 and
	// matches at 5; S4 (2 entries) rejects at 7, 6, 5, 4, 3 and matches at 2.
	rejections := map[string]int{}
	for _, st := range g.tr.Steps {
		if st.ScriptStep != 15 {
			continue
		}
		for _, m := range st.Messages {
			if m.Type == engine.AppendEntriesReply && !m.Success {
				rejections[m.From]++
			}
		}
	}
	if rejections["S2"] != 2 || rejections["S4"] != 5 || len(rejections) != 2 {
		t.Errorf("rejections %v, want S2:2 S4:5", rejections)
	}
	g.reason(15, "S4 rejects AppendEntries from S1: its log has no entry at prevLogIndex 3")
	g.reason(15, "S4 applies entries 3–8 to its state machine, which now holds \"x=4, y=7\"")
	for _, id := range g.tr.Servers {
		s := g.tr.Final()[id]
		if engine.LogText(s.Log) != eight || s.CommitIndex != 8 || engine.StateMachineText(s.StateMachine) != "x=4, y=7" {
			t.Errorf("%s ends with %s, commit %d, %s", id, engine.LogText(s.Log), s.CommitIndex, engine.StateMachineText(s.StateMachine))
		}
	}
	if l := g.leaders(); l != "S1@3" {
		t.Errorf("leaders %s, want S1@3", l)
	}
}
