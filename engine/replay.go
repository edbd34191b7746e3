package engine

import "fmt"

// RunTo plays an untimed script up to and including step n (0: the initial
// state only) and returns the cluster in that state, with nothing pending,
// for an explorer to fork, and the trace of the steps played. The steps are
// checked as Run checks them, so a script that Run refuses is refused here
// at the same step, with the same *ScriptError.
func RunTo(s *Script, n int) (*Cluster, *Trace, error) {
	if s.Timing != nil {
		return nil, nil, fmt.Errorf("the exercise runs on a clock (timing:); exploring its possible futures needs an untimed exercise")
	}
	if n < 0 || n > len(s.Steps) {
		return nil, nil, fmt.Errorf("the script has %d steps; choose a step from 0 (the initial state) to %d", len(s.Steps), len(s.Steps))
	}
	r := &runner{script: s, c: NewCluster(s.Config), tr: &Trace{Servers: s.Config.Servers, Steps: []StepRecord{}}}
	if err := r.setInitial(); err != nil {
		return nil, nil, err
	}
	r.tr.Initial = r.c.Snapshot()
	for i, st := range s.Steps[:n] {
		if err := r.play(i+1, st); err != nil {
			return nil, nil, err
		}
	}
	r.c.TakeOutcome()
	return r.c, r.tr, nil
}
