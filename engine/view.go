package engine

// What an explorer reads of a cluster beyond the servers and the messages.

// Connected reports whether a message from a can reach b now.
func (c *Cluster) Connected(a, b string) bool { return c.net.Connected(a, b) }

// Partitioned reports whether the network is split.
func (c *Cluster) Partitioned() bool { return c.net.group != nil }

// Message is the message numbered id in flight, if it is.
func (c *Cluster) Message(id int) (Message, bool) {
	for _, m := range c.net.inFlight {
		if m.ID == id {
			return m, true
		}
	}
	return Message{}, false
}

// KnownValues are the client values the cluster holds or has ever held:
// in logs, in messages in flight, and in the checker's history.
func (c *Cluster) KnownValues() map[string]bool {
	out := map[string]bool{}
	for _, s := range c.servers {
		for _, e := range s.Log {
			out[e.Value] = true
		}
	}
	for _, m := range c.net.inFlight {
		for _, e := range m.Entries {
			out[e.Value] = true
		}
	}
	for _, n := range c.hist.names {
		out[n.entry.Value] = true
	}
	return out
}

// AppendServerState appends server i's whole state, naming servers and
// values as they are: equal bytes, equal state.
func (c *Cluster) AppendServerState(buf []byte, i int) []byte {
	k := keyWriter{buf: buf, index: c.order, place: identity(len(c.servers))}
	k.server(c.servers[i])
	return k.buf
}

// Index is the place of server id in cluster order, or -1.
func (c *Cluster) Index(id string) int {
	if i, ok := c.order[id]; ok {
		return i
	}
	return -1
}

func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// InFlightView is the messages in flight by number, without a copy:
// callers must not change it, nor keep it past the next event.
func (c *Cluster) InFlightView() []Message { return c.net.inFlight }
