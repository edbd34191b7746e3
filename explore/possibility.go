package explore

import (
	"encoding/json"
	"fmt"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// Possibility answers whether something can happen: reachable and goal.
type Possibility struct {
	Goal     string    `json:"goal,omitempty"`
	Possible *bool     `json:"possible"`
	Witness  Witness   `json:"-"`              // written by MarshalJSON
	Rule     *Rule     `json:"rule,omitempty"` // what forbids it
	Because  string    `json:"because"`
	From     string    `json:"from,omitempty"` // reachable: where the witness starts
	Explored *Explored `json:"explored,omitempty"`
}

// MarshalJSON writes the witness whenever the answer is yes, even when it
// has no steps (an empty cluster reaches itself), and never otherwise.
func (p Possibility) MarshalJSON() ([]byte, error) {
	type plain Possibility
	out := struct {
		plain
		Witness *Witness `json:"witness,omitempty"`
	}{plain: plain(p)}
	if p.Possible != nil && *p.Possible {
		w := p.Witness
		if w == nil {
			w = Witness{}
		}
		out.Witness = &w
	}
	return json.Marshal(out)
}

// Explored is what a search covered, for answers that rest on one.
type Explored struct {
	Bounds    string `json:"bounds"`
	Depth     int    `json:"depth"`     // events per schedule fully explored
	States    int    `json:"states"`    // distinct states visited
	Events    int    `json:"events"`    // events played
	Exhausted bool   `json:"exhausted"` // every state within the bounds was visited
}

func explored(b Bounds, r Result) *Explored {
	return &Explored{Bounds: b.String(), Depth: r.Depth, States: r.States, Events: r.Events, Exhausted: r.Exhausted}
}

// defaultGoalBounds: deep enough for an election and a replication round
// on three servers; the state cap keeps an answer within seconds.
var defaultGoalBounds = Bounds{Depth: 14, MaxStates: 50_000, Clients: 2, Crashes: 1, Duplicates: 1}

// goal searches for the shortest schedule after step `after` to a state
// where the goal holds. "Possible" comes with that schedule, replayed.
// "Impossible" is said only when a theorem of Raft forbids the goal (a
// broken safety property); a search that finds nothing within its bounds
// answers null and says what it covered.
func goal(ex *exercise.Exercise, after int, c *engine.Cluster, tr *engine.Trace, text string, b Bounds) (Possibility, error) {
	g, err := parseGoal(text, c.Config().Servers)
	if err != nil {
		return Possibility{}, err
	}
	p := Possibility{Goal: text}
	mutated := len(ex.Config.Options.Mutate) > 0
	if r := g.forbidden(); r != nil && !mutated {
		p.Possible, p.Rule = boolPtr(false), r
		p.Because = "a theorem of Raft forbids it: " + r.Text
		return p, nil
	}
	var start *acks
	if g.NeedsAcks() {
		start = acksOf(tr)
	}
	s := newSearch(c, b, g)
	r := s.run(c, start)
	p.Explored = explored(b, r)
	switch {
	case r.Violation != nil:
		return p, fmt.Errorf("explore: a safety property broke while looking for %q: %v (schedule: %s)", text, r.Violation, r.Witness.Words())
	case r.Found:
		if err := mustShow(ex, after, r.Witness, "reaches "+text, func(c *engine.Cluster, tr *engine.Trace) bool {
			return g.Holds(c, acksOf(tr))
		}); err != nil {
			return p, err
		}
		p.Possible, p.Witness = boolPtr(true), r.Witness
		p.Because = fmt.Sprintf("the shortest schedule that reaches it has %d step(s)", len(r.Witness))
	default:
		p.Because = fmt.Sprintf("not reached within %s (%d distinct states, depth %d); neither shown nor ruled out", b, r.States, r.Depth)
		if r.Exhausted {
			p.Because = fmt.Sprintf("no state within %s reaches it (all %d were visited); that does not rule out longer schedules", b, r.States)
		}
	}
	return p, nil
}
