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

// Claim is what a box's written answer must show when it is played after
// step After of the exercise, through the engine:
//
//   - an events box with a Goal: the goal (explore's goal language) holds
//     after one of the events; with Unchanged, before any log has changed
//     (who-can-win: the election is held with the logs as they are);
//   - an events box without a Goal: a safety property breaks (mutant);
//   - a property box (propertyOf set): the property the sheet's events
//     box breaks, or without one written, the key's.
type Claim struct {
	Goal      string
	After     int
	Unchanged bool
	ex        *exercise.Exercise
	state     State
	// propertyOf is the events box whose written schedule decides a
	// property box.
	propertyOf *Box
	key        *Box // the box the claim judges
}

// eventsBox is an events box: the key's witness in the events notation
// (– when there is none), judged by playing what is written.
func (q *Question) eventsBox(ex *exercise.Exercise, w explore.Witness, goal string, rule field.Rule) *Box {
	b := &Box{Kind: field.KindEvents, Answer: None, Rule: rule, Claim: &Claim{Goal: goal, After: q.After, ex: ex, state: q.State}}
	b.Claim.key = b
	if w != nil {
		b.Answer = "?" // not none, while its events are worked out
		b.Events = b.Claim.readable(w)
		b.Answer = strings.Join(b.Events, "; ")
	}
	return b
}

// readable writes a witness in the events notation, picking each message
// by its type, sender and receiver ("deliver S5→S1") where that picks the
// same messages as its number, which a student cannot know; failing that,
// by sender and receiver alone if the claim still holds when played so
// (more messages may be delivered); else by number.
func (c *Claim) readable(w explore.Witness) []string {
	exact := readable(c.ex, c.After, w, false)
	if !strings.Contains(strings.Join(exact, " "), "#") {
		return exact
	}
	relaxed := readable(c.ex, c.After, w, true)
	if ok, _ := c.Judge(strings.Join(relaxed, "; "), func(string) string { return "" }); ok {
		return relaxed
	}
	return exact
}

// Judge grades what a student wrote in the claim's box; written reads
// another box of the same sheet.
func (c *Claim) Judge(text string, written func(id string) string) (bool, string) {
	if c.propertyOf != nil {
		return c.judgeProperty(text, written)
	}
	if field.WrittenNone(text) {
		if c.key.None() {
			return true, "nothing shows it, as the key says"
		}
		return false, "no events written, but a schedule exists"
	}
	steps, err := ParseEvents(text, c.ex.Config.Servers)
	if err != nil {
		return false, "cannot read the events: " + err.Error()
	}
	return c.play(steps)
}

// play runs steps after the claim's step and says whether they show it.
func (c *Claim) play(steps []engine.Step) (bool, string) {
	if c.Goal == "" {
		s, err := explore.Breaks(c.ex, c.After, steps)
		switch {
		case err != nil:
			return false, err.Error()
		case s.Broken != "":
			return true, fmt.Sprintf("%s breaks after event %d", s.Broken, s.BrokenAt)
		case s.Stopped != nil:
			return false, s.Stopped.Error()
		}
		return false, "played through the engine, it breaks no safety property"
	}
	s, err := explore.Shows(c.ex, c.After, steps, c.Goal)
	switch {
	case err != nil:
		return false, err.Error()
	case s.Broken != "":
		return false, fmt.Sprintf("%s breaks after event %d, before it shows %s", s.Broken, s.BrokenAt, c.Goal)
	case !s.Holds && s.Stopped != nil:
		return false, s.Stopped.Error()
	case !s.Holds:
		return false, "played through the engine, it never shows " + c.Goal
	}
	if c.Unchanged {
		if changed := c.logsChanged(steps[:s.At]); changed != "" {
			return false, fmt.Sprintf("it shows %s only after %s's log changed: the question is about an election with the logs as they are", c.Goal, changed)
		}
	}
	return true, fmt.Sprintf("it shows %s after event %d", c.Goal, s.At)
}

// logsChanged is a server whose log differs, after steps, from the
// question's state; "" when none does.
func (c *Claim) logsChanged(steps []engine.Step) string {
	cp := *c.ex
	cp.Steps = append(slices.Clone(c.ex.Steps[:c.After]), steps...)
	cl, _, err := engine.RunTo(&cp.Script, len(cp.Steps))
	if err != nil {
		return "?"
	}
	for _, s := range c.state.Servers {
		if !slices.Equal(cl.Server(s.ID).Log, s.Log) {
			return s.ID
		}
	}
	return ""
}

// judgeProperty grades a property box: the property the sheet's written
// schedule breaks, or the key's when none is written or it breaks none.
func (c *Claim) judgeProperty(text string, written func(id string) string) (bool, string) {
	got := field.ReadRule(text)
	want, _ := field.MenuRuleOf(propertyKeyOfLetter(c.key.Answer))
	why := "the property the key's schedule breaks"
	if w := strings.TrimSpace(written(c.propertyOf.ID)); w != "" {
		if steps, err := ParseEvents(w, c.ex.Config.Servers); err == nil {
			if s, err := explore.Breaks(c.ex, c.After, steps); err == nil && s.Broken != "" {
				want, _ = field.MenuRuleOf(propertyKey(s.Broken))
				why = "the property your schedule breaks"
			}
		}
	}
	if got == want.Key {
		return true, why + ": " + want.Name
	}
	return false, why + " is " + want.Letter + " (" + want.Name + ")"
}

// propertyKeyOfLetter is the key of the menu's rule with a letter.
func propertyKeyOfLetter(letter string) string {
	for _, r := range field.RuleMenu {
		if r.Letter == letter {
			return r.Key
		}
	}
	return ""
}

// readable writes a witness in the events notation, picking each message
// by its type, sender and receiver where that picks the same messages as
// its number; relaxed, by sender and receiver whatever else they pick.
func readable(ex *exercise.Exercise, after int, w explore.Witness, relaxed bool) []string {
	steps := w.Steps()
	c, _, err := engine.RunTo(&ex.Script, after)
	if err != nil {
		return FormatEvents(steps)
	}
	out := make([]engine.Step, len(steps))
	for i, st := range steps {
		out[i] = st
		if sel, ok := byParties(c.InFlight(), st.Selection); ok {
			out[i].Selection = sel
		} else if relaxed && len(st.Selection) > 0 && st.Selection[0].ID != 0 {
			out[i].Selection = partiesOf(c.InFlight(), st.Selection)
		}
		if err := c.Perform(st); err != nil {
			return FormatEvents(steps)
		}
	}
	return FormatEvents(out)
}

// byParties rewrites a selection of messages by number as selectors by
// sender and receiver (with the type when needed), if they pick exactly
// the same messages in flight.
func byParties(inFlight []engine.Message, sel engine.Selection) (engine.Selection, bool) {
	want := map[int]bool{}
	var out engine.Selection
	for _, s := range sel {
		if s.ID == 0 {
			return nil, false
		}
		want[s.ID] = true
	}
	same := func(cand engine.Selection) bool {
		n := 0
		for _, m := range inFlight {
			picked := slices.ContainsFunc(cand, func(s engine.Selector) bool { return s.Matches(m) })
			if picked != want[m.ID] {
				return false
			}
			if picked {
				n++
			}
		}
		return n == len(want)
	}
	for _, s := range sel {
		var m engine.Message
		for _, f := range inFlight {
			if f.ID == s.ID {
				m = f
			}
		}
		plain := engine.Selector{From: m.From, To: m.To}
		typed := engine.Selector{From: m.From, To: m.To, Type: m.Type, HasType: true}
		if same(engine.Selection{plain}) || len(sel) > 1 {
			out = append(out, plain)
		} else {
			out = append(out, typed)
		}
	}
	if same(out) {
		return out, true
	}
	for i := range out { // with types
		for _, f := range inFlight {
			if f.ID == sel[i].ID {
				out[i] = engine.Selector{From: f.From, To: f.To, Type: f.Type, HasType: true}
			}
		}
	}
	return out, same(out)
}

// partiesOf are selectors by sender and receiver for messages picked by
// number: what a student can write.
func partiesOf(inFlight []engine.Message, sel engine.Selection) engine.Selection {
	var out engine.Selection
	for _, s := range sel {
		for _, m := range inFlight {
			p := engine.Selector{From: m.From, To: m.To}
			if m.ID == s.ID && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}
