package explore

import (
	"fmt"

	"github.com/raftsheet/raftsheet/engine"
)

// builder plays events one by one on its own copy of a cluster, checking
// safety after each as the runner does, and records them as a witness.
// Message numbers in the witness are those the engine gives, since the
// copy continues from the real state.
type builder struct {
	c    *engine.Cluster
	w    Witness
	last engine.Outcome // what the last event did
}

func newBuilder(c *engine.Cluster) *builder { return &builder{c: c.Clone()} }

func (b *builder) play(ev Event) error {
	words := describe(b.c, ev)
	if err := ev.Apply(b.c); err != nil {
		return fmt.Errorf("%s: %w", ev, err)
	}
	b.last = b.c.TakeOutcome()
	if err := b.c.CheckSafety(); err != nil {
		return fmt.Errorf("%s: %w", ev, err)
	}
	b.w = append(b.w, WitnessStep{Event: ev, Words: words})
	return nil
}

// sentTo is the message of type t the last event sent to id.
func (b *builder) sentTo(id string, t engine.MessageType) (engine.Message, bool) {
	for _, m := range b.last.Sent {
		if m.To == id && m.Type == t {
			return m, true
		}
	}
	return engine.Message{}, false
}

// deliverTo delivers the message of type t the last event sent to id.
func (b *builder) deliverTo(id string, t engine.MessageType) error {
	m, ok := b.sentTo(id, t)
	if !ok {
		return fmt.Errorf("no %s to %s was sent", t, id)
	}
	return b.play(deliver(m.ID))
}

// deliverEach delivers, in one step, the message of type t the last event
// sent to each of ids, and returns the messages that step sent.
func (b *builder) deliverEach(ids []string, t engine.MessageType) ([]engine.Message, error) {
	var picked []int
	for _, id := range ids {
		if m, ok := b.sentTo(id, t); ok {
			picked = append(picked, m.ID)
		}
	}
	if len(picked) != len(ids) {
		return nil, fmt.Errorf("no %s was sent to some of %v", t, ids)
	}
	if err := b.play(deliver(picked...)); err != nil {
		return nil, err
	}
	return b.last.Sent, nil
}
