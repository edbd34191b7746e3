package engine

import (
	"errors"
	"fmt"
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
	r.tr = &Trace{
		Title: ex.Title, Goal: ex.Goal, Summary: ex.Summary, Servers: ex.Config.Servers,
		StateMachine: ex.Config.StateMachine.String(),
		Options: TraceOptions{NoopOnElection: ex.Config.Options.NoopOnElection,
			MaxEntries: ex.Config.Options.MaxEntries, Replicate: ex.Config.Options.Replicate.String()},
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

func (r *runner) setInitial() error {
	line := 0
	for _, in := range r.ex.Initial {
		if line == 0 {
			line = in.Line
		}
		if err := r.c.SetInitial(in.ID, in.InitialState); err != nil {
			return Diagnostics{{File: r.ex.File, Line: in.Line, Msg: "the initial state could never happen in Raft: " + err.Error()}}
		}
	}
	if err := r.c.CheckSafety(); err != nil {
		return Diagnostics{{File: r.ex.File, Line: line, Msg: "the initial state could never happen in Raft: " + err.Error(),
			Hint: "logs, terms and commit indexes must be ones a run of Raft could reach"}}
	}
	r.c.TakeOutcome()
	return nil
}

// play performs one script step; stabilize records one step per round.
func (r *runner) play(n int, st Step) error {
	servers := r.ex.Config.Servers
	if st.Kind != StepStabilize {
		return r.record(n, st, st.Event(servers), r.perform(st))
	}
	if r.c.Settled() {
		r.c.explain("nothing is in flight: the network is already quiet")
		return r.record(n, st, "stabilize", nil)
	}
	for round := 1; !r.c.Settled(); round++ {
		if round > MaxStabilizeRounds {
			return r.fail(n, st, fmt.Sprintf("stabilize, round %d", round), fmt.Errorf("messages are still in flight after %d rounds of delivery; stabilize stops there (deliver the rest with more steps, or raise max_entries)", MaxStabilizeRounds))
		}
		err := r.c.Deliver(Selection{{All: true}})
		if err := r.record(n, st, fmt.Sprintf("stabilize: deliver all (round %d)", round), err); err != nil {
			return err
		}
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

// record checks safety after a step and appends it to the trace.
func (r *runner) record(n int, st Step, event string, err error) error {
	if err == nil {
		err = r.c.CheckSafety()
	}
	if err != nil {
		return r.fail(n, st, event, err)
	}
	if err := r.checkSize(); err != nil {
		return r.fail(n, st, event, err)
	}
	o := r.c.TakeOutcome()
	ask := st.Ask
	if !st.AskSet {
		ask = r.ex.Config.Servers
	}
	r.tr.Steps = append(r.tr.Steps, StepRecord{
		N: len(r.tr.Steps) + 1, Event: event, Line: st.Line, Note: st.Note,
		Messages: nonNil(o.Sent), Delivered: nonNil(o.Delivered), Lost: nonNil(o.Lost), Dropped: nonNil(o.Dropped),
		Refused: o.Refused, Reasons: nonNil(o.Reasons), Servers: r.c.Snapshot(),
		ScriptStep: n, Words: st.Words(r.ex.Config.Servers), Ask: nonNil(ask), InFlight: sortedIDs(r.c.InFlight()),
	})
	return nil
}

// checkSize stops a run that has grown past what the sheets can hold.
func (r *runner) checkSize() error {
	if len(r.tr.Steps) >= MaxTraceSteps {
		return fmt.Errorf("the run has reached %d steps (each stabilize round counts as one); the sheets hold at most %d: split the exercise", len(r.tr.Steps)+1, MaxTraceSteps)
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
	var inv *InvariantError
	if errors.As(err, &inv) {
		msg += " — this is a bug in raftsheet's engine, please report it with this exercise"
	}
	return Diagnostics{{File: r.ex.File, Line: st.Line, Col: st.Col, Msg: msg}}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
