// Package exam is the exam an exercise sets (the exam template): its
// questions — written in the exercise's questions:, or placed by its
// steps' ask: — each with the cluster state it is asked about, its answer
// boxes and the key's answers, worked out by exploring every possible
// future (package explore): who can win an election with whose votes,
// which entries are committed, whether a state could occur and which rule
// forbids it, whether a condition can be reached, what breaks in a
// mutated Raft. It also reads what a student writes: a sequence of events
// is judged by playing it through the engine (judge.go), never by
// comparing it with the key's witness.
package exam

import (
	"fmt"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/explore"
	"github.com/raftsheet/raftsheet/field"
)

// Exam is an exercise's questions with their answers.
type Exam struct {
	Exercise  *exercise.Exercise
	Questions []*Question
}

// Question is one question as the sheets draw it: what it asks, the state
// it is asked about, its answer boxes and the key's answers. Exactly the
// parts of its kind are set.
type Question struct {
	exercise.Question
	N       int   // its number in the exam, from 1
	State   State // the cluster the question is about
	Derived bool  // placed by a step's ask: (or the last step), not written in questions:

	Candidates []*Candidate // who-can-win
	Voters     []string     // who-can-win: the columns of the vote matrix
	Entries    []*Entry     // committed

	Possible *Box // reachable, goal: could it happen?
	Rule     *Box // reachable, goal: the rule that forbids it (a letter of the menu)
	Events   *Box // goal, mutant: the sequence of events that shows it
	Property *Box // mutant: the safety property it breaks (a letter of the menu)
	Because  string
	// Explored is what the question's answer rests on when a search
	// found it (goal, mutant): the bounds, depth and states.
	Explored *explore.Explored
	// Witness is the key's schedule for reachable (from an empty cluster),
	// in the events notation.
	Witness []string
}

// Candidate is one row of a who-can-win vote matrix.
type Candidate struct {
	Server  string
	Votes   []*Box // one per voter, in Voters order; nil where the voter is the candidate
	Wins    *Box
	Events  *Box // how it wins; nil unless the question asks
	Because string
	Witness []string // the key's election, in the events notation
}

// Entry is one row of a committed question: an entry (index, term), one
// entry wherever it is stored (Log Matching, §5.3).
type Entry struct {
	Index, Term int
	Value       string
	Verdict     *Box // committed or at risk
	Events      *Box // how it is lost; nil unless the question asks
	Because     string
	// Witness is the key's schedule that loses it (at risk), in the
	// events notation.
	Witness []string
	witness explore.Witness
}

// Box is one answer box: a field of the sheets.
type Box struct {
	ID     string
	Kind   field.Kind
	Answer string // the key's answer in the sheets' words: yes, no, committed, at risk, a letter, events
	// Accept are the other answers that are right (a rule the state also
	// breaks), in the words grading compares in.
	Accept []string
	Rule   field.Rule // the rule behind the answer
	// Events is the key's witness in the events notation, one event a
	// line, for an events box whose claim holds; nil when nothing shows it
	// (the answer is –).
	Events []string
	// Claim judges a written sequence of events (events boxes only).
	Claim *Claim
}

// None reports whether the key's answer is "nothing" (–).
func (b *Box) None() bool { return b.Answer == "" || b.Answer == "-" }

// Boxes are every answer box of the question, in the order the sheet has
// them.
func (q *Question) Boxes() []*Box {
	var out []*Box
	for _, c := range q.Candidates {
		for _, v := range c.Votes {
			if v != nil {
				out = append(out, v)
			}
		}
		out = append(out, c.Wins)
	}
	for _, c := range q.Candidates {
		if c.Events != nil {
			out = append(out, c.Events)
		}
	}
	for _, e := range q.Entries {
		out = append(out, e.Verdict)
	}
	for _, e := range q.Entries {
		if e.Events != nil {
			out = append(out, e.Events)
		}
	}
	for _, b := range []*Box{q.Possible, q.Rule, q.Events, q.Property} {
		if b != nil {
			out = append(out, b)
		}
	}
	return out
}

// ShowsCommitIndex is whether the question's figure gives each server's
// commitIndex: not a committed question's, since an entry at or below a
// commitIndex is committed — the column would answer it; nor a
// who-can-win question's, whose answer does not depend on it but whose
// figure may share a page (and a step) with a committed question.
func (q *Question) ShowsCommitIndex() bool { return q.Kind != "committed" && q.Kind != "who-can-win" }

// Points are the question's points: as written, else one per box.
func (q *Question) Points() int {
	if q.Question.Points > 0 {
		return q.Question.Points
	}
	return len(q.Boxes())
}

// Build works out the exam of ex: its questions (Questions) and every
// answer, each "yes" with a witness replayed through the engine, each "no"
// with the rule that forbids it. A question the explorer cannot decide is
// an error naming its line (or, for a question placed by ask:, left out).
func Build(ex *exercise.Exercise) (*Exam, error) {
	qs, err := questionsOf(ex)
	if err != nil {
		return nil, err
	}
	e := &Exam{Exercise: ex}
	var diags diag.Diagnostics
	for i, q := range qs {
		aq := &Question{Question: q.Question, N: i + 1, Derived: q.derived}
		if err := aq.answer(ex); err != nil {
			d := diag.Diagnostic{File: ex.File, Line: q.Line, Col: q.Col, Msg: fmt.Sprintf("question %d (%s): %v", i+1, q.Kind, err),
				Hint: "ask about other servers, entries or steps, or leave the question out"}
			if de, ok := err.(diag.Diagnostics); ok {
				diags = append(diags, de...)
				continue
			}
			diags = append(diags, d)
			continue
		}
		if aq.Derived && len(aq.Boxes()) == 0 {
			continue
		}
		e.Questions = append(e.Questions, aq)
	}
	if len(diags) > 0 {
		return nil, diags
	}
	for i, q := range e.Questions {
		q.N = i + 1
		q.renumber()
		if err := q.keyShowsItsClaims(); err != nil {
			return nil, fmt.Errorf("%s: question %d: %w", ex.File, q.N, err)
		}
	}
	if len(e.Questions) == 0 {
		return nil, diag.Diagnostics{{File: ex.File, Msg: "the exam has no question the explorer can answer",
			Hint: "add questions: (see the README's exam questions)"}}
	}
	return e, nil
}

// AsksForRules reports whether a box of the exam is answered with a
// letter of the rule menu (a rule that forbids a state, a property a
// mutant breaks): only then do the sheets print the menu.
func (e *Exam) AsksForRules() bool {
	for _, q := range e.Questions {
		for _, b := range q.Boxes() {
			if b.Kind == field.KindRule {
				return true
			}
		}
	}
	return false
}

// Points are the exam's points.
func (e *Exam) Points() int {
	n := 0
	for _, q := range e.Questions {
		n += q.Points()
	}
	return n
}

// renumber gives the question's boxes their field ids, from its number.
func (q *Question) renumber() {
	n := q.N
	for _, c := range q.Candidates {
		for i, v := range c.Votes {
			if v != nil {
				v.ID = field.ExamVoteID(n, c.Server, q.Voters[i])
			}
		}
		c.Wins.ID = field.ExamWinsID(n, c.Server)
		if c.Events != nil {
			c.Events.ID = field.ExamCandidateEventsID(n, c.Server)
		}
	}
	for _, e := range q.Entries {
		e.Verdict.ID = field.ExamEntryID(n, e.Index, e.Term)
		if e.Events != nil {
			e.Events.ID = field.ExamEntryEventsID(n, e.Index, e.Term)
		}
	}
	for part, b := range map[string]*Box{"possible": q.Possible, "rule": q.Rule, "events": q.Events, "property": q.Property} {
		if b != nil {
			b.ID = field.ExamPartID(n, part)
		}
	}
}

// keyShowsItsClaims judges the key's own events as a student's would be
// judged: the key's answer must get full marks. A failure is a bug.
func (q *Question) keyShowsItsClaims() error {
	written := func(id string) string {
		for _, b := range q.Boxes() {
			if b.ID == id {
				return b.Answer
			}
		}
		return ""
	}
	for _, b := range q.Boxes() {
		if b.Claim == nil {
			continue
		}
		if ok, why := b.Claim.Judge(b.Answer, written); !ok {
			return fmt.Errorf("the key's answer to %s (%q) is judged wrong: %s (a bug in raftsheet, please report it)", b.ID, b.Answer, why)
		}
	}
	return nil
}
