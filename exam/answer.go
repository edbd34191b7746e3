package exam

import (
	"fmt"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/explore"
	"github.com/raftsheet/raftsheet/field"
)

// The words of the key's answers, as the sheets print them and grading
// reads them (field.Normalize).
const (
	Yes       = "yes"
	No        = "no"
	Committed = "committed"
	AtRisk    = "at risk"
	None      = "-"
)

// answer asks the explorer the question and fills in the boxes.
func (q *Question) answer(ex *exercise.Exercise) error {
	if q.Kind == "reachable" {
		return q.answerReachable(ex)
	}
	c, _, err := engine.RunTo(&ex.Script, q.After)
	if err != nil {
		return fmt.Errorf("the script does not run to step %d: %v", q.After, err)
	}
	q.State = stateAfter(c)
	a, err := explore.Ask(ex, q.After, explore.Question{Kind: q.Kind, Goal: q.Goal, Bounds: firstBounds(q.Kind),
		ArgueFromLogs: !q.ShowsCommitIndex()}) // the key argues from what the figure shows
	if err != nil {
		return err
	}
	if len(a.Answers) == 0 { // a committed question where no server holds an entry
		if q.Derived {
			return nil // left out (Build)
		}
		return fmt.Errorf("after step %d there is nothing to ask about: no server holds an entry", q.After)
	}
	if m, ok := a.Answers[0].(explore.Mutant); q.Kind == "mutant" && ok && m.Broken == nil {
		// Nothing broke with timeouts, deliveries and heartbeats alone:
		// search again with the explorer's clients, crashes and copies.
		if a, err = explore.Ask(ex, q.After, explore.Question{Kind: q.Kind}); err != nil {
			return err
		}
	}
	switch q.Kind {
	case "who-can-win":
		return q.answerWhoCanWin(ex, a)
	case "committed":
		return q.answerCommitted(ex, a)
	case "goal":
		return q.answerGoal(ex, a.Answers[0].(explore.Possibility))
	case "mutant":
		return q.answerMutant(ex, a.Answers[0].(explore.Mutant))
	}
	return fmt.Errorf("unknown question %q", q.Kind)
}

func (q *Question) answerWhoCanWin(ex *exercise.Exercise, a *explore.Answers) error {
	asked := q.Servers
	if asked == nil {
		asked = ex.Config.Servers
	}
	q.Voters = ex.Config.Servers
	for _, any := range a.Answers {
		w := any.(explore.WhoCanWin)
		if !slices.Contains(asked, w.Server) {
			continue
		}
		if w.CanWin == nil {
			if q.Derived {
				continue
			}
			return fmt.Errorf("whether %s can win is not decided: %s", w.Server, w.Because)
		}
		cand := &Candidate{Server: w.Server, Because: w.Because}
		for _, voter := range q.Voters {
			if voter == w.Server {
				cand.Votes = append(cand.Votes, nil)
				continue
			}
			v := voteOf(w.Votes, voter)
			b := &Box{Kind: field.KindAnswer, Answer: yesNo(v.Grants), Rule: catalogued(engine.RuleGrantVote)}
			if v.Rule != nil {
				b.Rule = ruleOf(*v.Rule)
			}
			cand.Votes = append(cand.Votes, b)
		}
		cand.Wins = &Box{Kind: field.KindAnswer, Answer: yesNo(*w.CanWin), Rule: winRule(w)}
		events := q.eventsBox(ex, nil, "leader "+w.Server, winRule(w))
		events.Claim.Unchanged = true
		if w.Witness != nil {
			events.Answer = "?"
			events.Events = events.Claim.readable(w.Witness)
			events.Answer = strings.Join(events.Events, "; ")
			cand.Witness = events.Events
		}
		if slices.ContainsFunc(q.Question.Events, func(t exercise.EventTarget) bool { return t.Server == w.Server }) {
			cand.Events = events
		}
		q.Candidates = append(q.Candidates, cand)
	}
	for _, t := range q.Question.Events {
		if !slices.ContainsFunc(q.Candidates, func(c *Candidate) bool { return c.Server == t.Server }) {
			return fmt.Errorf("events names %s, which the question does not ask about", t.Server)
		}
	}
	return nil
}

func voteOf(votes []explore.Vote, voter string) explore.Vote {
	for _, v := range votes {
		if v.Voter == voter {
			return v
		}
	}
	return explore.Vote{Voter: voter}
}

// winRule is the rule behind a who-can-win answer: the election
// restriction that stops it, or the majority that elects it (§5.2).
func winRule(w explore.WhoCanWin) field.Rule {
	if w.Rule != nil {
		return ruleOf(*w.Rule)
	}
	return catalogued(engine.RuleWinElection)
}

func (q *Question) answerCommitted(ex *exercise.Exercise, a *explore.Answers) error {
	asked := q.Servers
	if asked == nil {
		asked = ex.Config.Servers
	}
	byEntry := map[[2]int]*Entry{}
	for _, any := range a.Answers {
		c := any.(explore.Committed)
		if !slices.Contains(asked, c.Server) || (q.Indexes != nil && !slices.Contains(q.Indexes, c.Index)) {
			continue
		}
		k := [2]int{c.Index, c.Term}
		if byEntry[k] != nil {
			continue
		}
		if c.Committed == nil {
			if q.Derived {
				continue
			}
			return fmt.Errorf("whether entry %d (term %d) is committed is not decided: %s", c.Index, c.Term, c.Because)
		}
		e := &Entry{Index: c.Index, Term: c.Term, Value: c.Value, Because: c.Because}
		answer, rule := Committed, catalogued(engine.RuleCommitted)
		if c.Rule != nil {
			rule = ruleOf(*c.Rule)
		}
		if !*c.Committed {
			answer = AtRisk // a server without it can still be elected (§5.4.1)
		}
		e.Verdict = &Box{Kind: field.KindVerdict, Answer: answer, Rule: rule}
		e.witness = c.Witness
		if c.Witness != nil {
			e.Witness = q.eventsBox(ex, c.Witness, lacks(c.Index, c.Term), rule).Events
		}
		byEntry[k] = e
		q.Entries = append(q.Entries, e)
	}
	slices.SortStableFunc(q.Entries, func(a, b *Entry) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		return a.Term - b.Term
	})
	for _, t := range q.Question.Events {
		var found []*Entry
		for _, e := range q.Entries {
			if e.Index == t.Index && (t.Term == 0 || e.Term == t.Term) {
				found = append(found, e)
			}
		}
		switch {
		case len(found) == 0:
			return fmt.Errorf("events names entry %d, which the question does not ask about", t.Index)
		case len(found) > 1:
			return fmt.Errorf("events names index %d, where the logs hold different entries; say which: {index: %d, term: %d}", t.Index, t.Index, found[0].Term)
		}
		e := found[0]
		e.Events = q.eventsBox(ex, e.witness, lacks(e.Index, e.Term), e.Verdict.Rule)
	}
	return nil
}

func (q *Question) answerReachable(ex *exercise.Exercise) error {
	in := ex.Initial
	if q.Question.State != nil {
		in = q.Question.State
	}
	q.State = writtenState(ex, in)
	rules := explore.BrokenRules(ex.Config.Servers, in)
	q.Possible = &Box{Kind: field.KindAnswer}
	q.Rule = &Box{Kind: field.KindRule, Answer: None}
	if len(rules) > 0 {
		q.Possible.Answer, q.Possible.Rule = No, ruleOf(rules[0])
		q.Because = "no run of Raft reaches it: " + rules[0].Text + " (" + rules[0].Section + ")"
		q.Rule.Answer, q.Rule.Rule = menuLetter(rules[0].Key), ruleOf(rules[0])
		for _, r := range rules[1:] {
			if m, ok := field.MenuRuleOf(r.Key); ok {
				q.Rule.Accept = append(q.Rule.Accept, m.Key)
				q.Because += "; it also breaks: " + r.Text + " (" + r.Section + ")"
			}
		}
		if _, ok := field.MenuRuleOf(rules[0].Key); !ok {
			return fmt.Errorf("the state breaks %s, which the exam's rule menu does not list", rules[0].Name)
		}
		return nil
	}
	// No rule breaks: ask the explorer for a schedule from an empty cluster.
	cp := *ex
	cp.Initial = in
	a, err := explore.Ask(&cp, 0, explore.Question{Kind: "reachable"})
	if err != nil {
		return err
	}
	p := a.Answers[0].(explore.Possibility)
	if p.Possible == nil || !*p.Possible {
		return fmt.Errorf("whether the state could occur is not decided: %s", p.Because)
	}
	q.Possible.Answer, q.Possible.Rule = Yes, field.Rule{Name: "A run of Raft reaches it from an empty cluster"}
	q.Rule.Rule = q.Possible.Rule
	q.Because = p.Because
	q.Witness = FormatEvents(p.Witness.Steps())
	return nil
}

func (q *Question) answerGoal(ex *exercise.Exercise, p explore.Possibility) error {
	if p.Possible == nil {
		return fmt.Errorf("whether %q can happen is not decided: %s", q.Goal, p.Because)
	}
	q.Possible = &Box{Kind: field.KindAnswer, Answer: yesNo(*p.Possible)}
	q.Rule = &Box{Kind: field.KindRule, Answer: None}
	q.Because, q.Explored = p.Because, p.Explored
	if !*p.Possible {
		q.Possible.Rule = ruleOf(*p.Rule)
		q.Rule.Answer, q.Rule.Rule = menuLetter(p.Rule.Key), q.Possible.Rule
		q.Events = q.eventsBox(ex, nil, q.Goal, q.Possible.Rule)
		return nil
	}
	q.Possible.Rule = field.Rule{Name: "A schedule reaches it"}
	q.Rule.Rule = q.Possible.Rule
	q.Events = q.eventsBox(ex, p.Witness, q.Goal, q.Possible.Rule)
	return nil
}

func (q *Question) answerMutant(ex *exercise.Exercise, m explore.Mutant) error {
	if m.Broken == nil {
		return fmt.Errorf("no broken safety property was found: %s", m.Because)
	}
	q.Because, q.Explored = m.Because, m.Explored
	key := propertyKey(m.Property)
	menu, ok := field.MenuRuleOf(key)
	if !ok {
		return fmt.Errorf("the mutant breaks %s, which the exam's rule menu does not list", m.Property)
	}
	rule := field.Rule{Name: menu.Name, Cite: menu.Cite}
	q.Events = q.eventsBox(ex, m.Witness, "", rule)
	// The property the student's own schedule breaks is right (judge.go);
	// the key's is the one its witness breaks.
	q.Property = &Box{Kind: field.KindRule, Answer: menu.Letter, Rule: rule, Claim: &Claim{After: q.After, ex: ex, propertyOf: q.Events}}
	q.Property.Claim.key = q.Property
	return nil
}

// propertyKey is a safety property's key in the rule menu.
func propertyKey(p string) string { return strings.ReplaceAll(strings.ToLower(p), " ", "-") }

// menuLetter is the letter of the menu's rule with key.
func menuLetter(key string) string {
	if m, ok := field.MenuRuleOf(key); ok {
		return m.Letter
	}
	return key
}

func yesNo(b bool) string {
	if b {
		return Yes
	}
	return No
}

// catalogued is a rule of the engine's catalogue as the sheets name it.
func catalogued(r engine.Rule) field.Rule { return field.Rule{ID: r, Name: r.Name(), Cite: r.Cite()} }

// ruleOf is an explorer's rule as the sheets name it.
func ruleOf(r explore.Rule) field.Rule {
	id, _ := engine.RuleByKey(r.Key)
	name := r.Name
	if m, ok := field.MenuRuleOf(r.Key); ok {
		name = m.Name
	}
	return field.Rule{ID: id, Name: name, Cite: r.Section}
}

// lacks is the goal of a future whose leader lacks entry (index, term).
func lacks(index, term int) string { return fmt.Sprintf("leader-lacks %d term %d", index, term) }

// firstBounds are the bounds a question is first searched within: for a
// mutant, the explorer's without client requests, crashes or copied
// messages — far fewer states, and most counterexamples need none (a
// longer one that does not is as good a key: any schedule that breaks a
// property shows it); nil, the explorer's defaults.
func firstBounds(kind string) *explore.Bounds {
	if kind != "mutant" {
		return nil
	}
	b := explore.DefaultBounds(kind)
	b.Clients, b.Crashes, b.Duplicates = 0, 0, 0
	return &b
}
