package explore

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// The states of the paper's Figures 6, 7 and 8 get schedules from an empty
// cluster, which the runner replays to exactly those states.
func TestReachableFigures(t *testing.T) {
	for _, name := range []string{"figure6", "figure7-election", "figure7-repair", "figure8", "figure8-e"} {
		ex := builtin(t, name)
		p := must[Possibility](t, ask(t, ex, 0, Question{Kind: "reachable"}).Answers[0])
		if p.Possible == nil || !*p.Possible {
			t.Errorf("%s: %s", name, p.Because)
			continue
		}
		empty := *ex
		empty.Initial, empty.Steps = nil, nil
		tr, err := viaYAML(t, &empty, 0, p.Witness)
		if err != nil {
			t.Errorf("%s: the witness fails: %v", name, err)
			continue
		}
		final := tr.Final()
		for _, in := range ex.Initial {
			got := final[in.ID]
			voted := ""
			if got.VotedFor != nil {
				voted = *got.VotedFor
			}
			if got.Term != in.Term || voted != in.VotedFor || got.Role != in.Role || got.CommitIndex != in.Commit || len(got.Log) != len(in.Log) {
				t.Errorf("%s: %s ends as %+v, want %+v", name, in.ID, got, in.InitialState)
				continue
			}
			for i, e := range in.Log {
				if g := got.Log[i]; g.Term != e.Term || (e.Value != "" && g.Value != e.Value) {
					t.Errorf("%s: %s's entry %d is %+v, want %+v", name, in.ID, i+1, g, e)
				}
			}
		}
	}
}

// States that break a rule of Raft are unreachable, and the answer names
// the rule; the loader refuses most of them, so they are built here.
func TestUnreachableStatesNameTheRule(t *testing.T) {
	three := engine.Config{Servers: []string{"S1", "S2", "S3"}}
	log := func(terms ...int) engine.Log {
		var l engine.Log
		for _, t := range terms {
			l = append(l, engine.Entry{Term: t})
		}
		return l
	}
	cases := []struct {
		name    string
		initial []engine.InitialServer
		section string
	}{
		{"two leaders of one term", []engine.InitialServer{
			{ID: "S1", InitialState: engine.InitialState{Term: 1, VotedFor: "S1", Role: engine.Leader}},
			{ID: "S2", InitialState: engine.InitialState{Term: 1, VotedFor: "S2", Role: engine.Leader}},
			{ID: "S3", InitialState: engine.InitialState{Term: 1, VotedFor: "S1"}}}, "§5.2"},
		{"logs share an entry but not what precedes it", []engine.InitialServer{
			{ID: "S1", InitialState: engine.InitialState{Term: 3, Log: log(1, 3)}},
			{ID: "S2", InitialState: engine.InitialState{Term: 3, Log: log(2, 3)}}}, "§5.3"},
		{"a commit on a minority", []engine.InitialServer{
			{ID: "S1", InitialState: engine.InitialState{Term: 1, VotedFor: "S1", Role: engine.Leader, Log: log(1), Commit: 1}},
			{ID: "S2", InitialState: engine.InitialState{Term: 1, VotedFor: "S1"}}}, "§5.3, §5.4.2"},
		{"a vote for a server still in an earlier term", []engine.InitialServer{
			{ID: "S1", InitialState: engine.InitialState{Term: 1}},
			{ID: "S2", InitialState: engine.InitialState{Term: 2, VotedFor: "S1"}}}, "§5.1, §5.2"},
		{"a term's entries with no one who could have led it", []engine.InitialServer{
			{ID: "S1", InitialState: engine.InitialState{Term: 2, Log: log(2)}},
			{ID: "S2", InitialState: engine.InitialState{Term: 2, Log: log(2)}},
			{ID: "S3", InitialState: engine.InitialState{Term: 2}}}, "§5.2"},
		{"a leader lacking a committed entry", []engine.InitialServer{
			{ID: "S1", InitialState: engine.InitialState{Term: 2, Log: log(1), Commit: 1}},
			{ID: "S2", InitialState: engine.InitialState{Term: 2, Log: log(1), Commit: 1}},
			{ID: "S3", InitialState: engine.InitialState{Term: 2, VotedFor: "S3", Role: engine.Leader}}}, "§5.4.3"},
	}
	for _, c := range cases {
		ex := &exercise.Exercise{Name: "test", File: "test.yaml", Script: engine.Script{Config: three, Initial: c.initial}}
		p, err := reachable(ex)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if p.Possible == nil || *p.Possible || p.Rule == nil || p.Rule.Section != c.section {
			t.Errorf("%s: possible %v, rule %+v; want impossible by %s", c.name, p.Possible, p.Rule, c.section)
		}
	}
}

// A state the construction cannot build, though no rule it checks forbids
// it, is not called unreachable, and the answer says where it stopped:
// figure8-e as it once was, with S5 a follower of term 3 that led term 3
// yet knows entry 1 is committed (only a crash makes a leader a follower
// in its own term, and it resets commitIndex).
func TestReachableUndecidedSaysWhere(t *testing.T) {
	ex := builtin(t, "figure8-e")
	for i := range ex.Initial {
		if ex.Initial[i].ID == "S5" {
			ex.Initial[i].Commit = 1
		}
	}
	p, err := reachable(ex)
	if err != nil {
		t.Fatal(err)
	}
	if p.Possible != nil || !strings.Contains(p.Because, "S5") || !strings.Contains(p.Because, "commitIndex") {
		t.Errorf("possible %v: %s; want undecided, saying why S5's commitIndex stops the construction", p.Possible, p.Because)
	}
}
