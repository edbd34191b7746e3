package exercise

import (
	"slices"
	"testing"
)

// The exam questions' mistakes join the catalogue of bad input (and so the
// schema's agreement test), and their every form joins everyForm.
func init() {
	const head = "title: x\nservers: 3\nsteps: [heal]\n"
	Catalogue = append(Catalogue,
		badExercise{name: "questions: a misspelt kind", src: head + "questions:\n  - ask: who-can-wn\n", structural: true,
			errors: []string{"5:10: ask cannot be \"who-can-wn\" (did you mean `who-can-win`?)"}},
		badExercise{name: "questions: a misspelt key", src: head + "questions:\n  - ask: goal\n    gaol: two-leaders\n", structural: true,
			errors: []string{"6:5: unknown key `gaol` in a question (did you mean `goal`?)"}},
		badExercise{name: "questions: not a list", src: head + "questions: {ask: goal}\n", structural: true,
			errors: []string{"4:12: questions must be a non-empty list of questions, not a mapping"}},
		badExercise{name: "questions: no kind", src: head + "questions:\n  - after: 1\n", structural: true,
			errors: []string{"5:5: this question does not say what it asks: add `ask: who-can-win` or another kind"}},
		badExercise{name: "questions: after the last step", src: head + "questions:\n  - ask: committed\n    after: 2\n",
			errors: []string{"6:12: after must be between 0 and 1, not 2"}},
		badExercise{name: "questions: an unknown server", src: head + "questions:\n  - ask: who-can-win\n    servers: [S1, S4]\n",
			errors: []string{"6:19: servers names \"S4\", which is not a server of this exercise"}},
		badExercise{name: "questions: a key of another kind", src: head + "questions:\n  - ask: reachable\n    servers: [S1]\n",
			errors: []string{"6:14: a reachable question has no `servers`"}},
		badExercise{name: "questions: a mutant without mutations", src: head + "questions:\n  - ask: mutant\n",
			errors: []string{"5:5: a mutant question needs an exercise that breaks rules on purpose"}},
		badExercise{name: "questions: committed in a mutated Raft", src: "title: x\nservers: 3\noptions: {mutate: [commit-without-min]}\nsteps: [heal]\nquestions:\n  - ask: committed\n",
			errors: []string{"6:5: a committed question rests on Raft's theorems, which this exercise breaks on purpose"}},
		badExercise{name: "questions: on a clock", src: "title: x\nservers: 3\ntiming:\nsteps:\n  - run: 1s\nquestions:\n  - ask: committed\n",
			errors: []string{"7:3: exam questions need an untimed exercise"}},
		badExercise{name: "questions: reachable after a step", src: head + "questions:\n  - ask: reachable\n    after: 1\n",
			errors: []string{"6:12: a reachable question asks about a state before step 1, not after step 1"}},
		badExercise{name: "questions: a state in bad form", src: head + "questions:\n  - ask: reachable\n    state: {S1: {term: two}}\n", structural: true,
			errors: []string{"6:24: S1's term must be a whole number, not \"two\""}},
	)
	everyForm = append(everyForm, `
title: every question
servers: 3
worksheet: {template: exam}
steps:
  - timeout: S1
questions:
  - ask: who-can-win
    after: 1
    servers: [S1, S2]
    events: [S2]
    points: 4
    text: Who can win?
  - ask: committed
    entries: [1, 2]
    servers: [S1]
    events: [1, {index: 2, term: 3}]
  - ask: reachable
    state:
      S1: {term: 1, voted_for: S1, role: leader, log: [2, 1, "1:x"], commit: 4}
  - ask: goal
    goal: two-leaders
`, `
title: a mutant question
servers: 3
options: {mutate: [forget-vote-on-restart]}
steps: [heal]
questions:
  - ask: mutant
  - ask: goal
    goal: two-leaders
`)
}

// A state a reachable question writes is read as written: rules the
// loader enforces on initial: (terms never decrease, commit within the
// log, a leader voted for itself) are the question's to ask.
func TestQuestionStateIsReadAsWritten(t *testing.T) {
	ex, err := Load("q.yaml", "q", []byte("title: x\nservers: 3\nsteps: [heal]\nquestions:\n  - ask: reachable\n    state:\n      S2: {term: 1, role: leader, log: [2, 1], commit: 4}\n      S1: {term: 1}\n"))
	if err != nil {
		t.Fatal(err)
	}
	q := ex.Questions[0]
	if len(q.State) != 2 || q.State[0].ID != "S1" || q.State[1].ID != "S2" {
		t.Fatalf("the state %+v is not in cluster order", q.State)
	}
	s2 := q.State[1]
	if s2.VotedFor != "" || s2.Commit != 4 || len(s2.Log) != 2 || s2.Log[0].Term != 2 {
		t.Errorf("S2 was not read as written: %+v", s2)
	}
	if q.Kind != "reachable" || q.Line != 5 {
		t.Errorf("kind %q at line %d", q.Kind, q.Line)
	}
}

// Every kind the loader takes is one the explorer answers: a test in
// package exam holds QuestionKinds equal to explore.Kinds.
func TestQuestionKindsAreOrdered(t *testing.T) {
	if !slices.Contains(QuestionKinds, "who-can-win") || len(QuestionKinds) != 5 {
		t.Errorf("QuestionKinds %v", QuestionKinds)
	}
}
