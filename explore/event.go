package explore

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
)

// Event is one step a script could take next, in the terms of the exercise
// format: a timeout, a delivery, drop or copy of messages, a client
// request, a heartbeat, a crash or restart, a partition or its healing.
type Event struct {
	Kind      engine.StepKind
	Server    string           // timeout, heartbeat, client, crash, restart
	Value     string           // client
	Selection engine.Selection // deliver, drop, duplicate
	Groups    [][]string       // partition
}

// Step is the event as the runner plays it.
func (e Event) Step() engine.Step {
	return engine.Step{Kind: e.Kind, Server: e.Server, Value: e.Value, Selection: e.Selection, Groups: e.Groups}
}

// Apply plays the event on c.
func (e Event) Apply(c *engine.Cluster) error { return c.Perform(e.Step()) }

func timeout(id string) Event   { return Event{Kind: engine.StepTimeout, Server: id} }
func heartbeat(id string) Event { return Event{Kind: engine.StepHeartbeat, Server: id} }
func crash(id string) Event     { return Event{Kind: engine.StepCrash, Server: id} }
func restart(id string) Event   { return Event{Kind: engine.StepRestart, Server: id} }
func heal() Event               { return Event{Kind: engine.StepHeal} }

func client(id, value string) Event {
	return Event{Kind: engine.StepClient, Server: id, Value: value}
}

func deliver(ids ...int) Event { return onMessages(engine.StepDeliver, ids) }
func drop(ids ...int) Event    { return onMessages(engine.StepDrop, ids) }
func duplicate(id int) Event   { return onMessages(engine.StepDuplicate, []int{id}) }

func onMessages(kind engine.StepKind, ids []int) Event {
	sel := make(engine.Selection, len(ids))
	for i, id := range ids {
		sel[i] = engine.Selector{ID: id}
	}
	return Event{Kind: kind, Selection: sel}
}

func partition(groups [][]string) Event { return Event{Kind: engine.StepPartition, Groups: groups} }

// Format is the event as a step of an exercise's `steps:` list, ready for
// JSON or YAML: {"timeout": "S3"}, {"deliver": {"id": 12}}, "heal".
func (e Event) Format() any {
	switch e.Kind {
	case engine.StepHeal, engine.StepStabilize:
		return e.Kind.String()
	case engine.StepClient:
		return map[string]any{"client": map[string]string{"server": e.Server, "value": e.Value}}
	case engine.StepDeliver, engine.StepDrop, engine.StepDuplicate:
		return map[string]any{e.Kind.String(): formatSelection(e.Selection)}
	case engine.StepPartition:
		return map[string]any{"partition": e.Groups}
	}
	return map[string]any{e.Kind.String(): e.Server}
}

func formatSelection(sel engine.Selection) any {
	out := make([]any, len(sel))
	for i, s := range sel {
		out[i] = formatSelector(s)
	}
	if len(out) == 1 {
		return out[0]
	}
	return out
}

func formatSelector(s engine.Selector) any {
	switch {
	case s.All:
		return "all"
	case s.ID != 0:
		return map[string]int{"id": s.ID}
	}
	m := map[string]string{}
	if s.From != "" {
		m["from"] = s.From
	}
	if s.To != "" {
		m["to"] = s.To
	}
	if s.HasType {
		m["type"] = s.Type.String()
	}
	return m
}

// String is the event as the trace words it: "timeout S3", "deliver #12".
func (e Event) String() string {
	switch e.Kind {
	case engine.StepHeal, engine.StepStabilize:
		return e.Kind.String()
	case engine.StepClient:
		return fmt.Sprintf("client %s %q", e.Server, e.Value)
	case engine.StepDeliver, engine.StepDrop, engine.StepDuplicate:
		return e.Kind.String() + " " + e.Selection.String()
	case engine.StepPartition:
		parts := make([]string, len(e.Groups))
		for i, g := range e.Groups {
			parts[i] = "{" + strings.Join(g, ", ") + "}"
		}
		return "partition " + strings.Join(parts, " | ")
	}
	return e.Kind.String() + " " + e.Server
}
