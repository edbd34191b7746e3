package exam

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

var servers = []string{"S1", "S2", "S3", "S4", "S5"}

// The notation reads what students write, in its forgiving forms, into
// the steps a script has.
func TestParseEvents(t *testing.T) {
	for text, want := range map[string]string{
		"timeout S5": "timeout S5",
		"1. Timeout s5\n2) crash S1\n- restart S1": "timeout S5 | crash S1 | restart S1",
		"timeout: S5; deliver: all":                "timeout S5 | deliver all",
		"deliver S5->S1, S5→S2":                    "deliver S5→S1, S5→S2",
		"deliver RequestVote S5→S1":                "deliver RequestVote S5→S1",
		"deliver rv from S5 to S1":                 "deliver RequestVote S5→S1",
		"deliver from S5":                          "deliver from S5",
		"deliver to S1":                            "deliver to S1",
		"deliver #12":                              "deliver #12",
		"drop appendentries S1→S2":                 "drop AppendEntries S1→S2",
		"drops S1→S2; delivers all":                "drop S1→S2 | deliver all",
		"copy #7":                                  "duplicate #7",
		"client S1 x=3":                            "client S1 x=3",
		`client S1: "sally"`:                       "client S1 sally",
		"heartbeat S1; stabilize; heal":            "heartbeat S1 | stabilize | heal",
		"partition S1 S2 | S3, S4, S5":             "partition S1 S2 | S3 S4 S5",
		"partition {S1, S2} / {S3}":                "partition S1 S2 | S3",
	} {
		steps, err := ParseEvents(text, servers)
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if got := strings.Join(FormatEvents(steps), " | "); got != want {
			t.Errorf("%q reads as %q, want %q", text, got, want)
		}
	}
}

// What it cannot read, it says, naming the event.
func TestParseEventsErrors(t *testing.T) {
	for text, want := range map[string]string{
		"timeout S9":           `event 1 ("timeout S9"): "S9" is not a server`,
		"heal; elect S1":       `event 2 ("elect S1"): unknown event "elect"`,
		"deliver":              "say which messages",
		"deliver S1→":          `"→" needs a server after it`,
		"client S1":            "write the value the client sends",
		"partition S1 S2 | S2": "S2 is in two groups",
		"deliver banana":       "cannot read \"banana\"",
		"timeout":              "name the server",
	} {
		_, err := ParseEvents(text, servers)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", text, err, want)
		}
	}
}

// The key's witnesses are written so that reading them back gives the
// same steps.
func TestFormatEventsReadsBack(t *testing.T) {
	steps := []engine.Step{
		{Kind: engine.StepTimeout, Server: "S3"},
		{Kind: engine.StepDeliver, Selection: engine.Selection{{From: "S3", To: "S1"}, {ID: 4}}},
		{Kind: engine.StepDrop, Selection: engine.Selection{{From: "S1", To: "S2", Type: engine.AppendEntries, HasType: true}}},
		{Kind: engine.StepDuplicate, Selection: engine.Selection{{To: "S2"}}},
		{Kind: engine.StepClient, Server: "S1", Value: "x←3"},
		{Kind: engine.StepPartition, Groups: [][]string{{"S1", "S2"}, {"S3"}}},
		{Kind: engine.StepHeal}, {Kind: engine.StepStabilize},
		{Kind: engine.StepCrash, Server: "S2"}, {Kind: engine.StepRestart, Server: "S2"}, {Kind: engine.StepHeartbeat, Server: "S1"},
	}
	lines := FormatEvents(steps)
	back, err := ParseEvents(strings.Join(lines, "\n"), servers)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(FormatEvents(back), " | "), strings.Join(lines, " | "); got != want {
		t.Errorf("read back as %s\nwant %s", got, want)
	}
	for i := range steps {
		if back[i].Kind != steps[i].Kind || back[i].Server != steps[i].Server || back[i].Value != steps[i].Value || len(back[i].Selection) != len(steps[i].Selection) {
			t.Errorf("step %d: %+v, want %+v", i+1, back[i], steps[i])
		}
	}
}

// Goals read as words a student understands.
func TestGoalWords(t *testing.T) {
	for goal, want := range map[string]string{
		"two-leaders":               "two servers are leaders at the same time",
		"leader S1 term > 3":        "S1 is leader in a term that is above 3",
		"commit S1 >= 1":            "S1's commitIndex is at least 1",
		"applied x and not down S2": "some server applies x, and not (S2 is down)",
		"entry S2 3 term 2 value b": "S2's log holds an entry at index 3 (term 2, value b)",
		"leader-lacks 2 term 2":     "a leader of a term after 2 lacks the entry at index 2 of term 2",
		"lost-acked":                "a server loses an entry it had acknowledged to a leader",
		"something new":             "something new",
	} {
		if got := GoalWords(goal); got != want {
			t.Errorf("%q: %q, want %q", goal, got, want)
		}
	}
}
