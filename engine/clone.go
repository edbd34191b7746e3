package engine

import "maps"

// Clone is a deep copy of the cluster: the servers, the messages in flight,
// the partition and the safety checker's history. An explorer forks a
// cluster at every state it visits and plays a different event on each
// copy; nothing one copy does can change another. The outcome of the last
// event is not copied. A cluster on a clock cannot be cloned: exploring
// every possible future ignores timers, so callers refuse timed exercises.
func (c *Cluster) Clone() *Cluster {
	if c.clock != nil {
		panic("engine: Clone of a timed cluster")
	}
	cp := &Cluster{cfg: c.cfg, byID: make(map[string]*Server, len(c.servers)), order: c.order,
		net: c.net.clone(), hist: c.hist.clone(), readCount: c.readCount, readFloor: maps.Clone(c.readFloor)}
	cp.servers = make([]*Server, len(c.servers))
	for i, s := range c.servers {
		cp.servers[i] = s.clone()
		cp.byID[s.ID] = cp.servers[i]
	}
	return cp
}

// clone copies a server's state; what it queued for the cluster has been
// drained after every event, so there is none to copy.
func (s *Server) clone() *Server {
	cp := *s
	cp.Log = s.Log.Clone()
	cp.StateMachine.kv = maps.Clone(s.StateMachine.kv)
	cp.VotesGranted = maps.Clone(s.VotesGranted)
	cp.NextIndex = maps.Clone(s.NextIndex)
	cp.MatchIndex = maps.Clone(s.MatchIndex)
	// The state of the options beyond Figure 2.
	cp.StateMachine = s.StateMachine.Clone()
	cp.Snap = s.Snap.clone()
	cp.compactedEntries = maps.Clone(s.compactedEntries)
	cp.leaseAcks = maps.Clone(s.leaseAcks)
	cp.recentActive = maps.Clone(s.recentActive)
	cp.served = nil
	cp.reads = nil
	for _, r := range s.reads {
		q := *r
		q.Acks = maps.Clone(r.Acks)
		cp.reads = append(cp.reads, &q)
	}
	if s.change != nil {
		ch := *s.change
		cp.change = &ch
	}
	cp.outbox, cp.reasons, cp.elected = nil, nil, nil
	cp.marked, cp.handling = mark{}, 0 // set afresh when an event begins
	return &cp
}

// clone copies the network. Messages are values whose entries are never
// changed after sending, so the entry slices may be shared; the in-flight
// slice itself is filtered in place by Take and must not be.
func (n Network) clone() Network {
	cp := n
	cp.inFlight = make([]Message, len(n.inFlight), len(n.inFlight)+4) // room for what the next event sends
	copy(cp.inFlight, n.inFlight)
	cp.group = maps.Clone(n.group)
	return cp
}

func (h *history) clone() *history {
	cp := &history{
		electedIn: maps.Clone(h.electedIn),
		committed: append([]committedEntry(nil), h.committed...),
		applied:   append([]Entry(nil), h.applied...),
		names:     maps.Clone(h.names),
		progress:  make(map[string]*progress, len(h.progress)),
	}
	for id, p := range h.progress {
		q := *p
		cp.progress[id] = &q
	}
	return cp
}
