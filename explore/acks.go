package explore

import (
	"slices"

	"github.com/raftsheet/raftsheet/engine"
)

// acks are the entries servers have acknowledged: a successful
// AppendEntriesReply with matchIndex m says its sender held its log[1..m]
// when it replied. One acknowledgement per server and index is kept: the
// term the entry then had.
type acks struct {
	list []ack // sorted by server, index
}

type ack struct {
	server string
	index  int
	term   int
}

// after adds the acknowledgement in what the delivery of req sent, if
// any. The acknowledged entry is read off the request: a successful reply
// to an AppendEntries carrying entries acknowledges the last of them, to
// one carrying none the entry at prevLogIndex.
func (a *acks) after(req engine.Message, o engine.Outcome) *acks {
	if req.Type != engine.AppendEntries {
		return a
	}
	for _, m := range o.Sent {
		if m.Type == engine.AppendEntriesReply && m.Success && m.MatchIndex > 0 {
			return a.with(ackOf(req, m))
		}
	}
	return a
}

func ackOf(req, reply engine.Message) ack {
	term := req.PrevLogTerm
	if len(req.Entries) > 0 {
		term = req.Entries[len(req.Entries)-1].Term
	}
	return ack{reply.From, reply.MatchIndex, term}
}

func (a *acks) with(x ack) *acks {
	if a.has(x) {
		return a
	}
	out := &acks{list: append(slices.Clone(a.list), x)}
	slices.SortFunc(out.list, compareAcks)
	return out
}

// acksOf are the acknowledgements sent in a trace's steps.
func acksOf(tr *engine.Trace) *acks {
	sent := map[int]engine.Message{}
	a := &acks{}
	for _, st := range tr.Steps {
		for _, m := range st.Messages {
			sent[m.ID] = m
			if m.Type == engine.AppendEntriesReply && m.Success && m.MatchIndex > 0 {
				if req, ok := sent[m.InReplyTo]; ok {
					a = a.with(ackOf(req, m))
				}
			}
		}
	}
	return a
}

func compareAcks(x, y ack) int {
	switch {
	case x.server < y.server:
		return -1
	case x.server > y.server:
		return 1
	}
	if x.index != y.index {
		return x.index - y.index
	}
	return x.term - y.term
}

func (a *acks) has(x ack) bool {
	_, found := slices.BinarySearchFunc(a.list, x, compareAcks)
	return found
}

// lost is the first acknowledged entry its server no longer holds: by Log
// Matching, a server still holding the entry at index m with its term
// holds everything it acknowledged up to m.
func (a *acks) lost(c *engine.Cluster) (ack, bool) {
	for _, x := range a.list {
		s := c.Server(x.server)
		if x.index > s.Log.LastIndex() || s.Log.TermAt(x.index) != x.term {
			return x, true
		}
	}
	return ack{}, false
}

func (a *acks) appendKey(buf []byte) []byte {
	for _, x := range a.list {
		buf = append(buf, x.server...)
		buf = append(buf, 0, byte(x.index), byte(x.index>>8), byte(x.term), byte(x.term>>8))
	}
	return buf
}
