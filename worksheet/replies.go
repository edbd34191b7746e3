package worksheet

import (
	"fmt"
	"maps"
	"slices"

	"github.com/raftsheet/raftsheet/engine"
)

// fate is what became of a request.
type fate int

const (
	pending  fate = iota // still in flight when the run ends
	answered             // delivered; the receiver replied
	lost                 // the receiver was down or cut off
	dropped              // the network dropped it
)

// outcome is a request's fate and, when it was delivered, the reply and
// the step that delivered it.
type outcome struct {
	fate  fate
	reply engine.Message
	step  int // the trace step that delivered, lost or dropped it
}

// matchReplies pairs every request with its fate and reply. Every reply
// names the request it answers (InReplyTo; a duplicated request's copy
// gets a reply of its own), sent in the step that delivered the request;
// a copy the network makes of a reply answers nothing of its own.
// A reply that answers nothing delivered in its step, or a delivered
// request without a reply, breaks the engine's contract.
func matchReplies(tr *engine.Trace) (map[int]outcome, error) {
	sent := map[int]engine.Message{}
	out := map[int]outcome{}
	for _, st := range tr.Steps {
		waiting := map[int]bool{} // requests delivered in this step, not yet answered
		for _, id := range st.Delivered {
			m, ok := sent[id]
			if !ok {
				return nil, fmt.Errorf("step %d delivers message #%d, which no step sent", st.N, id)
			}
			if !m.Type.IsReply() {
				waiting[id] = true
			}
		}
		for _, m := range st.Messages {
			sent[m.ID] = m
			if !m.Type.IsReply() || m.DuplicateOf != 0 {
				continue // a request, or the network's copy of a reply: it answers nothing new
			}
			req, ok := sent[m.InReplyTo]
			if !ok || !waiting[m.InReplyTo] || req.From != m.To || req.To != m.From || req.Type.ReplyType() != m.Type {
				return nil, fmt.Errorf("step %d: reply #%d from %s to %s answers #%d, which is no request from %s to %s delivered in that step",
					st.N, m.ID, m.From, m.To, m.InReplyTo, m.To, m.From)
			}
			out[m.InReplyTo] = outcome{fate: answered, reply: m, step: st.N}
			delete(waiting, m.InReplyTo)
		}
		for _, id := range slices.Sorted(maps.Keys(waiting)) { // the same message every time
			m := sent[id]
			return nil, fmt.Errorf("step %d delivers #%d from %s to %s but %s sends no reply", st.N, id, m.From, m.To, m.To)
		}
		for _, id := range st.Lost {
			out[id] = outcome{fate: lost, step: st.N}
		}
		for _, id := range st.Dropped {
			out[id] = outcome{fate: dropped, step: st.N}
		}
	}
	return out, nil
}
