package explore

import (
	"fmt"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

const fromEmpty = "an empty cluster with the exercise's servers and options (no initial: section)"

// reachable answers whether the exercise's initial state could arise from
// an empty cluster. "Yes" comes with a schedule from an empty cluster,
// built term by term (construct) and replayed through the runner; "no"
// names the rule the state breaks (brokenRule), each a theorem about all
// reachable states; when neither is established the answer is null and
// says where the construction stopped.
func reachable(ex *exercise.Exercise) (Possibility, error) {
	p := Possibility{From: fromEmpty}
	if err := refuseMutants(ex, "reachable"); err != nil {
		return p, err
	}
	want := map[string]engine.InitialState{}
	for _, in := range ex.Initial {
		want[in.ID] = in.InitialState
	}
	for _, id := range ex.Config.Servers {
		if _, ok := want[id]; !ok {
			want[id] = engine.InitialState{}
		}
	}
	if r := brokenRule(ex.Config.Servers, want, len(ex.Config.Servers)/2+1); r != nil {
		p.Possible, p.Rule = boolPtr(false), r
		p.Because = "no run of Raft reaches it: " + r.Text + " (" + r.Section + ")"
		return p, nil
	}
	k := newConstructor(ex.Config, want)
	w, _, err := k.run()
	if err != nil {
		p.Because = fmt.Sprintf("it breaks none of the rules checked, but no schedule was built: %v; so it is neither shown reachable nor ruled out", err)
		return p, nil
	}
	empty := &engine.Script{Config: ex.Config, Steps: w.Steps()}
	end, _, err := engine.RunTo(empty, len(empty.Steps))
	if err != nil {
		return p, fmt.Errorf("explore: the schedule built for the initial state fails when replayed: %w", err)
	}
	k.b.c = end
	if err := k.compare(); err != nil {
		return p, fmt.Errorf("explore: the schedule built for the initial state does not reach it when replayed: %v", err)
	}
	p.Possible, p.Witness = boolPtr(true), w
	if len(w) == 0 {
		p.Because = "it is the empty cluster itself: the empty schedule reaches it"
		return p, nil
	}
	p.Because = fmt.Sprintf("a schedule of %d steps from %s reaches it (entries drawn by term only get stand-in values such as t4i5: term 4, index 5; the leaders' nextIndex and matchIndex may differ from the fresh ones an initial state sets)", len(w), "an empty cluster")
	return p, nil
}
