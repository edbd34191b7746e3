package variant

import (
	"slices"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
)

// A variant renames the servers and values an exam's questions name, as
// it renames the script's: the candidates and entries asked about, whose
// events, a goal's servers, a reachable question's state, the wording.
func TestVariantRelabelsQuestions(t *testing.T) {
	ex, err := exercise.Load("q.yaml", "q", []byte(`
title: relabel
servers: 3
steps:
  - client: {server: S1, value: sally}
questions:
  - ask: who-can-win
    servers: [S1, S2]
    events: [S2]
    text: Can S2 win, or S1?
  - ask: goal
    goal: leader S3 term > 1 and applied S2 sally
  - ask: reachable
    state:
      S3: {term: 2, voted_for: S1, log: ["1:sally", "2:tom"]}
`))
	if err != nil {
		t.Fatal(err)
	}
	v := Apply(ex, 9)
	name := Servers(ex, 9)
	if name["S1"] == "S1" {
		t.Fatal("variant 9 keeps S1's name; pick another")
	}
	q := v.Questions
	if !slices.Equal(q[0].Servers, []string{name["S1"], name["S2"]}) || q[0].Events[0].Server != name["S2"] {
		t.Errorf("who-can-win asks about %v, events %v; want %s, %s", q[0].Servers, q[0].Events, name["S1"], name["S2"])
	}
	if want := "Can " + name["S2"] + " win, or " + name["S1"] + "?"; q[0].Text != want {
		t.Errorf("text %q, want %q", q[0].Text, want)
	}
	sally := v.Steps[0].Value
	if want := "leader " + name["S3"] + " term > 1 and applied " + name["S2"] + " " + sally; q[1].Goal != want {
		t.Errorf("goal %q, want %q", q[1].Goal, want)
	}
	s := q[2].State[0]
	if s.ID != name["S3"] || s.VotedFor != name["S1"] || s.Log[0].Value != sally || s.Log[1].Value == "tom" {
		t.Errorf("state %+v: want %s voted for %s, values renamed", s, name["S3"], name["S1"])
	}
	if ex.Questions[0].Servers[0] != "S1" || ex.Questions[2].State[0].Log[0].Value != "sally" {
		t.Error("the variant changed the exercise it was made from")
	}
}
