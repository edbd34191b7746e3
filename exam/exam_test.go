package exam

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/explore"
)

func load(t *testing.T, src string) *exercise.Exercise {
	t.Helper()
	ex, err := exercise.Load("q.yaml", "q", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// The exercise format asks exactly the questions the explorer answers.
func TestQuestionKindsAreExplorersKinds(t *testing.T) {
	if !slices.Equal(exercise.QuestionKinds, explore.Kinds) {
		t.Errorf("exercise.QuestionKinds %v, explore.Kinds %v", exercise.QuestionKinds, explore.Kinds)
	}
}

// Without questions:, the steps' ask: place them: after each step that
// asks, who among the asked can win and which of their entries are
// committed; with no ask:, after the last step about every server.
func TestQuestionsFromAsk(t *testing.T) {
	e, err := Build(load(t, `
title: asked
servers: 3
steps:
  - timeout: S1
  - deliver: all
    ask: [S2]
  - deliver: all
`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range e.Questions {
		var asked []string
		for _, c := range q.Candidates {
			asked = append(asked, c.Server)
		}
		got = append(got, q.Kind+"@"+itoa(q.After)+":"+strings.Join(asked, ","))
	}
	// After step 2 S2 has voted for S1 in term 1; S1 is a candidate. The
	// logs are empty, so anyone can win; nobody holds an entry: the
	// committed question has no box and is left out.
	if want := "who-can-win@2:S2"; strings.Join(got, " ") != want {
		t.Errorf("questions %v, want %s", got, want)
	}
	if e.Questions[0].Candidates[0].Wins.Answer != Yes {
		t.Error("S2, with an empty log like everyone's, cannot win?")
	}

	e, err = Build(load(t, "title: last\nservers: 3\nsteps:\n  - timeout: S1\n  - stabilize\n  - client: {server: S1, value: x}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Questions) != 2 || e.Questions[0].After != 3 || len(e.Questions[0].Candidates) != 3 || len(e.Questions[1].Entries) != 1 {
		t.Fatalf("after the last step, about every server: %+v", e.Questions)
	}
	// x is on S1 alone: S2 and S3 can win without it.
	if v := e.Questions[1].Entries[0].Verdict.Answer; v != AtRisk {
		t.Errorf("x, on S1 alone, is %s", v)
	}
}

// A question the explorer cannot decide is an error that names its line;
// one placed by ask: is left out instead.
func TestUndecidedQuestionNamesItsLine(t *testing.T) {
	_, err := Build(load(t, `
title: undecided
servers: 1
steps: [heal]
questions:
  - ask: goal
    goal: term S1 >= 3
`))
	// A lone server leads after one timeout and stays leader: the search
	// runs out of states at once, which proves nothing about longer runs.
	if err == nil || !strings.Contains(err.Error(), "q.yaml:6:5: question 1 (goal): whether \"term S1 >= 3\" can happen is not decided") {
		t.Errorf("got %v", err)
	}
}

// A goal the goal language cannot read is an error naming the question.
func TestBadGoalNamesItsLine(t *testing.T) {
	_, err := Build(load(t, "title: x\nservers: 3\nsteps: [heal]\nquestions:\n  - ask: goal\n    goal: three-leaders\n"))
	if err == nil || !strings.Contains(err.Error(), "q.yaml:5:5: question 1 (goal):") {
		t.Errorf("got %v", err)
	}
}

// A committed question asked where no server holds an entry has nothing
// to ask: an error naming its line (placed by ask:, it is left out, as
// TestQuestionsFromAsk shows).
func TestCommittedWithoutEntriesNamesItsLine(t *testing.T) {
	_, err := Build(load(t, "title: x\nservers: 3\nsteps: [{timeout: S1}]\nquestions:\n  - ask: committed\n    after: 1\n"))
	if err == nil || !strings.Contains(err.Error(), "q.yaml:5:5: question 1 (committed): after step 1 there is nothing to ask about: no server holds an entry") {
		t.Errorf("got %v", err)
	}
}

// Every key box of an exam is judged right when written as the key
// writes it, and an events box's witness wrong when played one step short.
func TestKeyWitnessesAreJudgedRight(t *testing.T) {
	e, err := Build(load(t, `
title: two
servers: 3
steps: [heal]
questions:
  - ask: goal
    goal: two-leaders
`))
	if err != nil {
		t.Fatal(err)
	}
	b := e.Questions[0].Events
	none := func(string) string { return "" }
	if ok, why := b.Claim.Judge(b.Answer, none); !ok {
		t.Fatalf("the key's own witness is judged wrong: %s", why)
	}
	short := strings.Join(b.Events[:len(b.Events)-1], "; ")
	if ok, _ := b.Claim.Judge(short, none); ok {
		t.Errorf("the witness one event short (%s) is judged right", short)
	}
	if ok, why := b.Claim.Judge("timeout S9", none); ok || !strings.Contains(why, "is not a server") {
		t.Errorf("an unreadable answer: %v %s", ok, why)
	}
	if ok, why := b.Claim.Judge("heartbeat S1", none); ok || !strings.Contains(why, "cannot happen") {
		t.Errorf("an impossible event: %v %s", ok, why)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
