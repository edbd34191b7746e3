package worksheet

import (
	"fmt"

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

// outcome is a request's fate and, when it was delivered, the reply.
type outcome struct {
	fate  fate
	reply engine.Message
}

// replyType is the type of the reply to a request of type t.
func replyType(t engine.MessageType) engine.MessageType {
	if t == engine.RequestVote {
		return engine.RequestVoteReply
	}
	return engine.AppendEntriesReply
}

// matchReplies pairs every request with its fate and reply. The engine
// answers a delivered request from A to B with exactly one reply from B to
// A, sent in the step that delivers it, and delivers in order; so within a
// step the replies from B to A of a type answer the requests from A to B
// delivered in that step, one for one, in order.
func matchReplies(tr *engine.Trace) (map[int]outcome, error) {
	sent := map[int]engine.Message{}
	out := map[int]outcome{}
	type pair struct {
		from, to string
		t        engine.MessageType
	}
	for _, st := range tr.Steps {
		waiting := map[pair][]int{}
		for _, id := range st.Delivered {
			m, ok := sent[id]
			if !ok {
				return nil, fmt.Errorf("step %d delivers message #%d, which no step sent", st.N, id)
			}
			if !m.Type.IsReply() {
				k := pair{m.From, m.To, replyType(m.Type)}
				waiting[k] = append(waiting[k], id)
			}
		}
		for _, m := range st.Messages {
			sent[m.ID] = m
			if !m.Type.IsReply() {
				continue
			}
			k := pair{m.To, m.From, m.Type}
			if len(waiting[k]) == 0 {
				return nil, fmt.Errorf("step %d: reply #%d from %s to %s answers no request delivered in that step", st.N, m.ID, m.From, m.To)
			}
			out[waiting[k][0]] = outcome{fate: answered, reply: m}
			waiting[k] = waiting[k][1:]
		}
		for k, ids := range waiting {
			if len(ids) > 0 {
				return nil, fmt.Errorf("step %d delivers #%d from %s to %s but %s sends no reply", st.N, ids[0], k.from, k.to, k.to)
			}
		}
		for _, id := range st.Lost {
			out[id] = outcome{fate: lost}
		}
		for _, id := range st.Dropped {
			out[id] = outcome{fate: dropped}
		}
	}
	return out, nil
}
