package worksheet

import (
	"sort"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// keyBoxes are the key's values in every box to write in of a section,
// by field id: the answers and the given values, as drawn, struck or not.
func keyBoxes(doc *page.Document, section string) map[string][]page.Run {
	out := map[string][]page.Run{}
	for _, p := range doc.Of(true) {
		if p.Section != section {
			continue
		}
		for _, b := range p.Boxes {
			if !b.Write || b.Free {
				continue
			}
			id, runs := "", []page.Run(nil)
			for _, t := range p.Texts {
				if !inside(t.R, b.R) {
					continue
				}
				if t.IsFieldID() && near(t.R.X, b.R.X) && near(t.R.Y, b.R.Y) {
					id = t.String()
					continue
				}
				for _, l := range t.Lines {
					for _, r := range l {
						if (r.Ink == page.Answer || r.Ink == page.Print) && strings.TrimSpace(r.S) != "" {
							runs = append(runs, r)
						}
					}
				}
			}
			if id != "" {
				out[id] = runs
			}
		}
	}
	return out
}

// The Clock of a Raft State key strikes the time of a timer that stops
// before it fires, as Figure 2 stops it: a leader has no election timer,
// a follower sends no heartbeats. Every other time stays: it fired, or a
// restart wrote the next box. The last live time of each timer is the
// server's timer at the end of the run.
func TestClockStrikesCancelledTimers(t *testing.T) {
	for name, want := range map[string][]string{
		"partition-timed":  {"S1.heartbeatAt[14] 280", "S3.electionAt[4] 335"},
		"election-timed":   {"S3.electionAt[2] 333"},
		"split-vote-timed": {"S1.electionAt[3] 576"},
	} {
		b := buildExercise(t, name, templates.KindRoleplay, "a4")
		boxes := keyBoxes(b.doc, "state")
		var struck []string
		for id, runs := range boxes {
			kind := ""
			for _, k := range []string{"electionAt", "heartbeatAt"} {
				if strings.Contains(id, "."+k+"[") {
					kind = k
				}
			}
			if kind == "" {
				continue
			}
			for _, r := range runs {
				if r.Strike {
					struck = append(struck, id+" "+r.S)
				}
			}
		}
		sort.Strings(struck)
		if got := strings.Join(struck, ", "); got != strings.Join(want, ", ") {
			t.Errorf("%s: the key strikes the times %q, want %q", name, got, strings.Join(want, ", "))
		}
		// The last time of each timer is where the run leaves it: live if
		// the timer still runs at the end, struck if it stopped.
		final := b.tr.Steps[len(b.tr.Steps)-1].Servers
		for _, id := range b.tr.Servers {
			for k, p := range map[string]*int{"electionAt": final[id].ElectionTimerMs, "heartbeatAt": final[id].HeartbeatMs} {
				last, lastStruck := "–", false
				for i := 1; ; i++ {
					runs, ok := boxes[id+"."+k+"["+itoa(i)+"]"]
					if !ok && i > 1 { // box 1 may be given, not a box to write in
						break
					}
					for _, r := range runs {
						last, lastStruck = r.S, r.Strike
					}
				}
				switch {
				case p != nil && (last != itoa(*p) || lastStruck):
					t.Errorf("%s: %s's last %s is %q (struck %v); the timer runs to %d at the end", name, id, k, last, lastStruck, *p)
				case p == nil && !lastStruck && last != "–":
					t.Errorf("%s: %s's last %s %q is live; the timer has stopped at the end", name, id, k, last)
				}
			}
		}
	}
}
