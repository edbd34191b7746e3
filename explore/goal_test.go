package explore

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

func askGoal(t *testing.T, ex *exercise.Exercise, after int, goal string) Possibility {
	t.Helper()
	return must[Possibility](t, ask(t, ex, after, Question{Kind: "goal", Goal: goal}).Answers[0])
}

func leaders(st map[string]engine.ServerState) []string {
	var out []string
	for id, s := range st {
		if s.Role == engine.Leader {
			out = append(out, id)
		}
	}
	return out
}

// Two leaders at once, in different terms: S1 wins term 1, then S2 wins
// term 2 with S3's vote before S1 hears of it — six steps at least.
func TestGoalTwoLeaders(t *testing.T) {
	ex := builtin(t, "election")
	p := askGoal(t, ex, 0, "two-leaders")
	if p.Possible == nil || !*p.Possible || len(p.Witness) != 6 {
		t.Fatalf("possible %v in %d steps, want 6:\n%s", p.Possible, len(p.Witness), words(p.Witness))
	}
	shows(t, ex, 0, p.Witness, "two leaders", func(st map[string]engine.ServerState) bool {
		ls := leaders(st)
		return len(ls) == 2 && st[ls[0]].Term != st[ls[1]].Term
	})
}

// A goal that names a server is about that server: S3 in particular
// needs its own timeout, request and vote.
func TestGoalNamedServer(t *testing.T) {
	ex := builtin(t, "election")
	p := askGoal(t, ex, 0, "leader S3 term >= 1")
	if p.Possible == nil || !*p.Possible || len(p.Witness) != 3 || p.Witness[0].Event.Server != "S3" {
		t.Fatalf("possible %v:\n%s", p.Possible, words(p.Witness))
	}
	shows(t, ex, 0, p.Witness, "S3 leads", func(st map[string]engine.ServerState) bool { return st["S3"].Role == engine.Leader })
}

// Figure 8 (d): S5 leads term 5; S2, which acknowledged "b", loses it
// when S5's repair reaches it: reject, back up, overwrite.
func TestGoalLostAcknowledged(t *testing.T) {
	ex := builtin(t, "figure8")
	p := askGoal(t, ex, 27, "lost-acked")
	if p.Possible == nil || !*p.Possible || len(p.Witness) != 3 {
		t.Fatalf("possible %v in %d steps, want 3:\n%s", p.Possible, len(p.Witness), words(p.Witness))
	}
	shows(t, ex, 27, p.Witness, "an acknowledged entry lost", func(st map[string]engine.ServerState) bool {
		for _, id := range []string{"S2", "S3", "S4"} {
			if len(st[id].Log) >= 2 && st[id].Log[1].Value == "c" {
				return true
			}
		}
		return false
	})
}

// A goal that is a broken safety property is impossible by the theorem
// that forbids it, with the rule named.
func TestGoalForbiddenByATheorem(t *testing.T) {
	p := askGoal(t, builtin(t, "election"), 0, "applied-diverge")
	if p.Possible == nil || *p.Possible || p.Rule == nil || p.Rule.Section != "§5.4.3" {
		t.Fatalf("%+v, want impossible by State Machine Safety", p)
	}
}

// A goal not reached within the bounds is neither possible nor
// impossible, and the answer says what was explored.
func TestGoalNotWithinBounds(t *testing.T) {
	ex := builtin(t, "election")
	b := Bounds{Depth: 2, MaxStates: 1000}
	p := must[Possibility](t, ask(t, ex, 0, Question{Kind: "goal", Goal: "term S1 >= 3", Bounds: &b}).Answers[0])
	if p.Possible != nil || p.Explored == nil || p.Explored.Depth != 2 || !strings.Contains(p.Because, "not reached") {
		t.Fatalf("%+v", p)
	}
}

func TestGoalLanguageErrors(t *testing.T) {
	ex := builtin(t, "election")
	for goal, want := range map[string]string{
		"":                    "empty clause",
		"leaders":             `unknown clause "leaders"`,
		"term S1 >":           "comparison",
		"term S1 >= three":    `"three" is not a number`,
		"leader S1 with S2":   "`leader` takes",
		"down":                "one server",
		"two-leaders and":     "empty clause",
		"entry S1 2 colour x": "`entry` takes",
	} {
		_, err := Ask(ex, 0, Question{Kind: "goal", Goal: goal})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("goal %q: error %v, want one saying %q", goal, err, want)
		}
	}
}
