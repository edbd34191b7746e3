package explore

import (
	"slices"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// The paper's Figure 7, with the leader crashed (step 1): a, c and d can be
// elected, b, e and f cannot (§5.4.1).
func TestWhoCanWinFigure7(t *testing.T) {
	ex := builtin(t, "figure7-election")
	a := ask(t, ex, 1, Question{Kind: "who-can-win"})
	want := map[string]bool{"a": true, "b": false, "c": true, "d": true, "e": false, "f": false, "lead": true}
	for _, x := range a.Answers {
		w := must[WhoCanWin](t, x)
		if w.CanWin == nil || *w.CanWin != want[w.Server] {
			t.Errorf("%s: can_win %v, want %v (%s)", w.Server, w.CanWin, want[w.Server], w.Because)
			continue
		}
		if !*w.CanWin {
			if w.Rule == nil || w.Rule.Section != "§5.4.1" {
				t.Errorf("%s cannot win, but the answer names no §5.4.1 rule: %+v", w.Server, w.Rule)
			}
			if len(w.Witness) != 0 || len(w.Voters) >= 4 {
				t.Errorf("%s cannot win, yet has a witness or a majority: %v", w.Server, w.Voters)
			}
			continue
		}
		if len(w.Voters) != 4 || w.Voters[0] != w.Server {
			t.Errorf("%s: voters %v, want a majority of 4 starting with itself", w.Server, w.Voters)
		}
		cand := w.Server
		shows(t, ex, 1, w.Witness, cand+" wins", func(st map[string]engine.ServerState) bool {
			return st[cand].Role == engine.Leader && st[cand].Term > 8
		})
	}
	// The vote matrix row of b: only f would vote for it.
	for _, x := range a.Answers {
		if w := x.(WhoCanWin); w.Server == "b" {
			var yes []string
			for _, v := range w.Votes {
				if v.Grants {
					yes = append(yes, v.Voter)
				}
			}
			if !slices.Equal(yes, []string{"f"}) {
				t.Errorf("b's voters: %v, want [f]", yes)
			}
		}
	}
}

// A live leader must step down before it can win again; the witness makes
// it do so, and "now" refusals name the term and vote rules.
func TestWhoCanWinLiveLeader(t *testing.T) {
	ex := builtin(t, "figure7-election")
	a := ask(t, ex, 0, Question{Kind: "who-can-win"})
	for _, x := range a.Answers {
		w := x.(WhoCanWin)
		if w.Server != "lead" {
			continue
		}
		if w.CanWin == nil || !*w.CanWin {
			t.Fatalf("lead, the leader, cannot win again? %s", w.Because)
		}
		shows(t, ex, 0, w.Witness, "lead wins again", func(st map[string]engine.ServerState) bool {
			return st["lead"].Role == engine.Leader && st["lead"].Term > 8
		})
	}
}
