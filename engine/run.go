package engine

import (
	"errors"
	"fmt"
)

// MaxStabilizeRounds bounds a stabilize step. Repairing the logs of the
// paper's Figure 7 takes 16 rounds; only a follower many entries behind,
// fed one entry per AppendEntries, needs more than this.
const MaxStabilizeRounds = 200

// Run plays a script from its initial state and records the trace. It
// stops at the first step that cannot happen or that breaks a safety
// property, with a *ScriptError naming the step and its line.
func Run(s *Script) (*Trace, error) {
	r := &runner{script: s, c: NewCluster(s.Config)}
	if err := r.setInitial(); err != nil {
		return nil, err
	}
	if s.Timing != nil {
		r.c.SetTiming(s.Timing)
	}
	r.tr = &Trace{
		Servers:      s.Config.Servers,
		StateMachine: s.Config.StateMachine.String(),
		Options:      traceOptions(s.Config.Options),
		Timing:       traceTiming(s.Timing, s.Config.Servers),
		Initial:      r.c.Snapshot(),
		Steps:        []StepRecord{},
	}
	for i, st := range s.Steps {
		if err := r.play(i+1, st); err != nil {
			return nil, err
		}
	}
	return r.tr, nil
}

type runner struct {
	script *Script
	c      *Cluster
	tr     *Trace
}

// record is what one trace record says of its event.
type record struct {
	event, words string
	note         narration
}

// narration is what a script step says beside its event: the note the
// students read and the explanation only the key prints. One record of
// a step carries them.
type narration struct{ note, explain string }

func narrationOf(st Step) narration { return narration{st.Note, st.Explain} }

func (r *runner) setInitial() error {
	line := 0
	for _, in := range r.script.Initial {
		if line == 0 {
			line = in.Line
		}
		if err := r.c.SetInitial(in.ID, in.InitialState); err != nil {
			return &ScriptError{Line: in.Line, Msg: "the initial state could never happen in Raft: " + err.Error(), Err: err}
		}
	}
	if err := r.c.CheckSafety(); err != nil {
		return &ScriptError{Line: line, Msg: "the initial state could never happen in Raft: " + err.Error(),
			Hint: "logs, terms and commit indexes must be ones a run of Raft could reach", Err: err}
	}
	r.c.TakeOutcome()
	return nil
}

// play performs one script step: first, for `at:`, the timed events before
// it; then the step itself, which for stabilize is one record per round
// and for run one record per timed event.
func (r *runner) play(n int, st Step) error {
	if st.At != nil {
		if now := r.c.Now(); *st.At < now {
			return r.fail(n, st, st.Event(r.script.Config.Servers),
				fmt.Errorf("this step is set at %dms, but the clock is already at %dms", *st.At, now))
		}
		if _, err := r.runUntil(n, st, *st.At, narration{}); err != nil {
			return err
		}
	}
	words := st.WordsAbout(r.script.Config.Servers, r.messageWords)
	switch st.Kind {
	case StepStabilize:
		return r.stabilize(n, st, words)
	case StepRun:
		until := r.c.Now() + st.RunFor
		if st.RunIsUntil {
			until = st.RunUntil
		}
		if until < r.c.Now() {
			return r.fail(n, st, st.Event(r.script.Config.Servers), fmt.Errorf("the clock is already at %dms", r.c.Now()))
		}
		events, err := r.runUntil(n, st, until, narrationOf(st))
		if err == nil && events == 0 {
			r.c.explain(RuleQuiet, 0, SayQuietUntil, number("until", until))
			err = r.record(n, st, record{st.Event(r.script.Config.Servers), words, narrationOf(st)}, nil)
		}
		return err
	}
	return r.record(n, st, record{st.Event(r.script.Config.Servers), words, narrationOf(st)}, r.perform(st))
}

// runUntil fires every timed event due up to and including time until, a
// record each, and leaves the clock at until. The note goes on the event
// the step's note_on picks, else on the first; an event picked by none is
// an error.
func (r *runner) runUntil(n int, st Step, until int, note narration) (int, error) {
	events := 0
	for {
		e, ok := r.c.nextEvent()
		if !ok || e.At > until {
			break
		}
		r.c.advanceTo(e.At)
		here := narration{}
		if note != (narration{}) && (st.NoteOn == nil || st.NoteOn.picks(e, r.c.arrivingAt(e))) {
			here, note = note, narration{}
		}
		event, words, err := r.c.fire(e)
		if err := r.record(n, st, record{event, words, here}, err); err != nil {
			return events, err
		}
		events++
	}
	r.c.advanceTo(until)
	if note != (narration{}) && st.NoteOn != nil && events > 0 {
		return events, r.fail(n, st, st.Event(r.script.Config.Servers), fmt.Errorf("note_on picks none of this run's %d events (%s); name the server whose timer fires or that a message arrives at, and the time", events, st.NoteOn))
	}
	return events, nil
}

func (r *runner) stabilize(n int, st Step, words string) error {
	if r.c.Settled() {
		r.c.explain(RuleQuiet, 0, SayQuiet)
		return r.record(n, st, record{"stabilize", words, narrationOf(st)}, nil)
	}
	note := narrationOf(st)
	for round := 1; !r.c.Settled(); round++ {
		if round > MaxStabilizeRounds {
			return r.fail(n, st, fmt.Sprintf("stabilize, round %d", round), fmt.Errorf("messages are still in flight after %d rounds of delivery; stabilize stops there (deliver the rest with more steps, or raise max_entries)", MaxStabilizeRounds))
		}
		err := r.c.Deliver(Selection{{All: true}})
		if err := r.record(n, st, record{fmt.Sprintf("stabilize: deliver all (round %d)", round), words, note}, err); err != nil {
			return err
		}
		note = narration{}
	}
	return nil
}

func (r *runner) perform(st Step) error { return r.c.Perform(st) }

// record checks safety after an event and appends it to the trace.
func (r *runner) record(n int, st Step, rec record, err error) error {
	if err == nil {
		err = r.c.CheckSafety()
	}
	if err == nil {
		err = r.checkSize()
	}
	if err != nil {
		return r.fail(n, st, rec.event, err)
	}
	o := r.c.TakeOutcome()
	ask := st.Ask
	if !st.AskSet {
		ask = r.script.Config.Servers
	}
	sr := StepRecord{
		N: len(r.tr.Steps) + 1, Event: rec.event, Line: st.Line, Note: rec.note.note, Explain: rec.note.explain,
		Messages: nonNil(o.Sent), Delivered: nonNil(o.Delivered), Lost: nonNil(o.Lost), Dropped: nonNil(o.Dropped),
		Refused: o.Refused, Reasons: reasonTexts(o.Why), Why: nonNil(o.Why), Servers: r.c.Snapshot(),
		ScriptStep: n, Words: rec.words, Ask: nonNil(ask), AskWhy: st.AskWhy, WhyRules: ruleKeys(st.WhyRules), InFlight: sortedIDs(r.c.InFlight()), ReadResults: o.Reads,
	}
	if r.c.Timed() {
		now := r.c.Now()
		sr.TimeMs = &now
	}
	r.tr.Steps = append(r.tr.Steps, sr)
	return nil
}

// checkSize stops a run that has grown past what the sheets can hold.
func (r *runner) checkSize() error {
	if len(r.tr.Steps) >= MaxTraceSteps {
		return fmt.Errorf("the run has reached %d steps (each stabilize round and timed event counts as one); the sheets hold at most %d: split the exercise", len(r.tr.Steps)+1, MaxTraceSteps)
	}
	if r.c.net.lastID > MaxMessages {
		return fmt.Errorf("the run has sent %d messages; the sheets hold at most %d: split the exercise", r.c.net.lastID, MaxMessages)
	}
	for _, s := range r.c.servers {
		if s.lastIndex() > MaxLogLength {
			return fmt.Errorf("%s's log has %d entries; the sheets hold at most %d", s.ID, s.lastIndex(), MaxLogLength)
		}
	}
	return nil
}

func (r *runner) fail(n int, st Step, event string, err error) error {
	msg := fmt.Sprintf("step %d (%s): %s", n, event, err)
	if r.c.Timed() {
		msg = fmt.Sprintf("step %d (%s, at %dms): %s", n, event, r.c.Now(), err)
	}
	var inv *InvariantError
	if errors.As(err, &inv) {
		if len(r.script.Initial) > 0 {
			msg += " — check that the initial state is one Raft could reach; if it is, this is a bug in raftsheet's engine: please report it with this exercise"
		} else {
			msg += " — this is a bug in raftsheet's engine, please report it with this exercise"
		}
	}
	return &ScriptError{Step: n, Line: st.Line, Col: st.Col, Msg: msg, Err: err}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// messageWords says a message without its number, which the sheets keep
// for the key: who sent it to whom, in which step.
func (r *runner) messageWords(id int) string {
	for _, st := range r.tr.Steps {
		for _, m := range st.Messages {
			if m.ID == id {
				return fmt.Sprintf("the message %s sent to %s in step %d", m.From, m.To, st.N)
			}
		}
	}
	return fmt.Sprintf("message #%d", id)
}

// ruleKeys are the keys of rules, nil for none.
func ruleKeys(rules []Rule) []string {
	var out []string
	for _, r := range rules {
		out = append(out, r.Key())
	}
	return out
}
