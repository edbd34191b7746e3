package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// askJSON runs `raftsheet ask ... --format json` and decodes the contract
// into plain values, as another tool would read it.
func askJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	out, errOut, code := raftsheet(t, t.TempDir(), append(append([]string{"ask"}, args...), "--format", "json")...)
	if code != 0 {
		t.Fatalf("ask %v: exit %d: %s", args, code, errOut)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("ask %v: not JSON: %v\n%s", args, err, out)
	}
	return v
}

func answers(t *testing.T, v map[string]any, question string, after float64) []map[string]any {
	t.Helper()
	if v["question"] != question || v["after"] != after {
		t.Fatalf("question %v after %v, want %s after %v", v["question"], v["after"], question, after)
	}
	list, ok := v["answers"].([]any)
	if !ok || len(list) == 0 {
		t.Fatalf("answers: %v", v["answers"])
	}
	out := make([]map[string]any, len(list))
	for i, a := range list {
		out[i] = a.(map[string]any)
	}
	return out
}

// The JSON contract of issue 16: who-can-win gives one answer per server
// with server, can_win, voters and (when it can) a witness of steps in the
// exercise format.
func TestAskWhoCanWinJSON(t *testing.T) {
	for _, a := range answers(t, askJSON(t, "figure7-election", "--after", "1", "who-can-win"), "who-can-win", 1) {
		can, ok := a["can_win"].(bool)
		if _, named := a["server"].(string); !named || !ok {
			t.Fatalf("answer without server or can_win: %v", a)
		}
		voters, _ := a["voters"].([]any)
		witness, _ := a["witness"].([]any)
		if can && (len(voters) != 4 || len(witness) == 0 || voters[0] != a["server"]) {
			t.Errorf("%v can win but voters %v, witness %v", a["server"], voters, witness)
		}
		if !can && (a["witness"] != nil || a["rule"] == nil) {
			t.Errorf("%v cannot win but has a witness or no rule: %v", a["server"], a)
		}
	}
}

// committed: one answer per entry with server, index, term, committed
// (true, false or null) and because or witness.
func TestAskCommittedJSON(t *testing.T) {
	for _, a := range answers(t, askJSON(t, "figure8", "--after", "18", "committed"), "committed", 18) {
		for _, k := range []string{"server", "index", "term", "committed"} {
			if _, ok := a[k]; !ok {
				t.Fatalf("answer without %s: %v", k, a)
			}
		}
		switch a["committed"] {
		case false:
			if steps, _ := a["witness"].([]any); len(steps) == 0 {
				t.Errorf("not committed without a witness: %v", a)
			}
		case true:
			if a["because"] == "" {
				t.Errorf("committed without an argument: %v", a)
			}
		}
	}
}

// reachable and goal: {"possible", "witness" | "rule"}; a witness step is
// written as the exercise format writes it.
func TestAskReachableAndGoalJSON(t *testing.T) {
	a := answers(t, askJSON(t, "figure6", "reachable"), "reachable", 0)[0]
	steps, _ := a["witness"].([]any)
	if a["possible"] != true || len(steps) == 0 {
		t.Fatalf("%v", a)
	}
	kinds := "timeout deliver drop duplicate client heartbeat stabilize partition heal crash restart"
	for _, st := range steps {
		switch st := st.(type) {
		case string:
			if !strings.Contains(kinds, st) {
				t.Errorf("step %q is not a step of the exercise format", st)
			}
		case map[string]any:
			for k := range st {
				if len(st) != 1 || !strings.Contains(kinds, k) {
					t.Errorf("step %v is not a step of the exercise format", st)
				}
			}
		}
	}
	g := answers(t, askJSON(t, "election", "goal", "two-leaders"), "goal two-leaders", 0)[0]
	if w, _ := g["witness"].([]any); g["possible"] != true || len(w) != 6 {
		t.Errorf("%v", g)
	}
}

func TestAskText(t *testing.T) {
	out, errOut, code := raftsheet(t, t.TempDir(), "ask", "figure7-election", "--after", "1", "who-can-win")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"a CAN win", "b CANNOT win (Election restriction", "§5.4.1", "- timeout: a"} {
		if !strings.Contains(out, want) {
			t.Errorf("the text lacks %q:\n%s", want, out)
		}
	}
}

func TestAskErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"election", "who-wins"}, `unknown question "who-wins"`},
		{[]string{"election", "mutant", "--mutate", "forget-votes-on-restart"}, "did you mean forget-vote-on-restart"},
		{[]string{"election", "goal"}, "goal needs a condition"},
		{[]string{"election", "--after", "99", "committed"}, "choose a step from 0"},
		{[]string{"election-timed", "committed"}, "runs on a clock"},
		{[]string{"election", "who-can-win", "--mutate", "vote-without-log-check"}, "ask `mutant` instead"},
	} {
		_, errOut, code := raftsheet(t, t.TempDir(), append([]string{"ask"}, c.args...)...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("ask %v: exit %d, %q; want an error saying %q", c.args, code, errOut, c.want)
		}
	}
}
