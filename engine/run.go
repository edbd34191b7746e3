package engine

import (
	"errors"
	"fmt"

	"github.com/raftsheet/raftsheet/diag"
)

// MaxStabilizeRounds bounds a stabilize step. Repairing the logs of the
// paper's Figure 7 takes 16 rounds; only a follower many entries behind,
// fed one entry per AppendEntries, needs more than this.
const MaxStabilizeRounds = 200

// Run plays an exercise's script from its initial state and records the
// trace. It stops at the first step that cannot happen or that breaks a
// safety property, with a Diagnostic naming the file, line and step.
func Run(ex *Exercise) (*Trace, error) {
	r := &runner{ex: ex, c: NewCluster(ex.Config)}
	if err := r.setInitial(); err != nil {
		return nil, err
	}
	if ex.Timing != nil {
		r.c.SetTiming(ex.Timing)
	}
	r.tr = &Trace{
		Title: ex.Title, Goal: ex.Goal, Summary: ex.Summary, Servers: ex.Config.Servers,
		StateMachine: ex.Config.StateMachine.String(),
		Options: TraceOptions{NoopOnElection: ex.Config.Options.NoopOnElection,
			MaxEntries: ex.Config.Options.MaxEntries, Replicate: ex.Config.Options.Replicate.String()},
		Timing:  traceTiming(ex.Timing, ex.Config.Servers),
		Initial: r.c.Snapshot(),
		Steps:   []StepRecord{},
	}
	for i, st := range ex.Steps {
		if err := r.play(i+1, st); err != nil {
			return nil, err
		}
	}
	return r.tr, nil
}

type runner struct {
	ex *Exercise
	c  *Cluster
	tr *Trace
}

// record is what one trace record says of its event.
type record struct {
	event, words, note string
}

func (r *runner) setInitial() error {
	line := 0
	for _, in := range r.ex.Initial {
		if line == 0 {
			line = in.Line
		}
		if err := r.c.SetInitial(in.ID, in.InitialState); err != nil {
			return diag.Diagnostics{{File: r.ex.File, Line: in.Line, Msg: "the initial state could never happen in Raft: " + err.Error()}}
		}
	}
	if err := r.c.CheckSafety(); err != nil {
		return diag.Diagnostics{{File: r.ex.File, Line: line, Msg: "the initial state could never happen in Raft: " + err.Error(),
			Hint: "logs, terms and commit indexes must be ones a run of Raft could reach"}}
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
			return r.fail(n, st, st.Event(r.ex.Config.Servers),
				fmt.Errorf("this step is set at %dms, but the clock is already at %dms", *st.At, now))
		}
		if _, err := r.runUntil(n, st, *st.At, ""); err != nil {
			return err
		}
	}
	words := st.Words(r.ex.Config.Servers)
	switch st.Kind {
	case StepStabilize:
		return r.stabilize(n, st, words)
	case StepRun:
		until := r.c.Now() + st.RunFor
		if st.RunIsUntil {
			until = st.RunUntil
		}
		if until < r.c.Now() {
			return r.fail(n, st, st.Event(r.ex.Config.Servers), fmt.Errorf("the clock is already at %dms", r.c.Now()))
		}
		events, err := r.runUntil(n, st, until, st.Note)
		if err == nil && events == 0 {
			r.c.explain("nothing happens until %dms", until)
			err = r.record(n, st, record{st.Event(r.ex.Config.Servers), words, st.Note}, nil)
		}
		return err
	}
	return r.record(n, st, record{st.Event(r.ex.Config.Servers), words, st.Note}, r.perform(st))
}

// runUntil fires every timed event due up to and including time until, a
// record each, and leaves the clock at until. The first record carries
// note.
func (r *runner) runUntil(n int, st Step, until int, note string) (int, error) {
	events := 0
	for {
		e, ok := r.c.nextEvent()
		if !ok || e.At > until {
			break
		}
		r.c.advanceTo(e.At)
		event, words, err := r.c.fire(e)
		if err := r.record(n, st, record{event, words, note}, err); err != nil {
			return events, err
		}
		note = ""
		events++
	}
	r.c.advanceTo(until)
	return events, nil
}

func (r *runner) stabilize(n int, st Step, words string) error {
	if r.c.Settled() {
		r.c.explain("nothing is in flight: the network is already quiet")
		return r.record(n, st, record{"stabilize", words, st.Note}, nil)
	}
	note := st.Note
	for round := 1; !r.c.Settled(); round++ {
		if round > MaxStabilizeRounds {
			return r.fail(n, st, fmt.Sprintf("stabilize, round %d", round), fmt.Errorf("messages are still in flight after %d rounds of delivery; stabilize stops there (deliver the rest with more steps, or raise max_entries)", MaxStabilizeRounds))
		}
		err := r.c.Deliver(Selection{{All: true}})
		if err := r.record(n, st, record{fmt.Sprintf("stabilize: deliver all (round %d)", round), words, note}, err); err != nil {
			return err
		}
		note = ""
	}
	return nil
}

func (r *runner) perform(st Step) error {
	c := r.c
	switch st.Kind {
	case StepTimeout:
		return c.Timeout(st.Server)
	case StepDeliver:
		return c.Deliver(st.Selection)
	case StepDrop:
		return c.Drop(st.Selection)
	case StepDuplicate:
		return c.Duplicate(st.Selection)
	case StepClient:
		return c.ClientRequest(st.Server, st.Value)
	case StepHeartbeat:
		return c.Heartbeat(st.Server)
	case StepPartition:
		return c.Partition(st.Groups)
	case StepHeal:
		return c.Heal()
	case StepCrash:
		return c.Crash(st.Server)
	case StepRestart:
		return c.Restart(st.Server)
	}
	return fmt.Errorf("step kind %s cannot be performed", st.Kind)
}

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
		ask = r.ex.Config.Servers
	}
	sr := StepRecord{
		N: len(r.tr.Steps) + 1, Event: rec.event, Line: st.Line, Note: rec.note,
		Messages: nonNil(o.Sent), Delivered: nonNil(o.Delivered), Lost: nonNil(o.Lost), Dropped: nonNil(o.Dropped),
		Refused: o.Refused, Reasons: nonNil(o.Reasons), Servers: r.c.Snapshot(),
		ScriptStep: n, Words: rec.words, Ask: nonNil(ask), InFlight: sortedIDs(r.c.InFlight()),
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
		if s.Log.LastIndex() > MaxLogLength {
			return fmt.Errorf("%s's log has %d entries; the sheets hold at most %d", s.ID, s.Log.LastIndex(), MaxLogLength)
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
		if len(r.ex.Initial) > 0 {
			msg += " — check that the initial state is one Raft could reach; if it is, this is a bug in raftsheet's engine: please report it with this exercise"
		} else {
			msg += " — this is a bug in raftsheet's engine, please report it with this exercise"
		}
	}
	return diag.Diagnostics{{File: r.ex.File, Line: st.Line, Col: st.Col, Msg: msg}}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
