package engine

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
)

// A state key describes, in bytes, everything that decides a cluster's
// future and the safety checker's verdicts on it: every server's state,
// the messages in flight as a multiset, the partition, and the checker's
// history (who won each term; what was committed, applied and named at each
// index). Two clusters with equal keys behave alike under every schedule.
//
// It leaves out what changes nothing: message numbers (a handler never looks
// at them; only a reply's in_reply_to and a copy's duplicate_of repeat
// them), the state machine (always the committed log applied up to
// lastApplied, until a safety property breaks), the checker's progress
// marks (they only skip comparisons already made), and the text of reasons.
//
// Servers are written in the order the caller gives and every reference to
// a server (votedFor, votes, nextIndex, a message's sender…) by its place in
// that order, so a caller can compare a state with its images under
// renamings of interchangeable servers. Values the caller calls fresh are
// written by order of first appearance, so states that differ only by
// which made-up client value went where get one key; messages the caller
// knows can never change anything may be left out.

// KeyOptions say what a state key may treat as interchangeable or absent.
type KeyOptions struct {
	Fresh func(string) bool  // values to write by order of first appearance; nil: none
	Skip  func(Message) bool // messages in flight to leave out; nil: none
}

// AppendStateKey appends the state key of c to buf, with the servers in
// order (indexes into the cluster order).
func (c *Cluster) AppendStateKey(buf []byte, order []int, opt KeyOptions) []byte {
	k := keyWriter{buf: buf, index: c.order, place: make([]int, len(order)), fresh: opt.Fresh}
	for place, i := range order {
		k.place[i] = place
	}
	for _, i := range order {
		k.server(c.servers[i])
	}
	k.history(c.hist)
	k.partition(c, order)
	k.messages(c.net.inFlight, opt.Skip)
	return k.buf
}

// AppendServerSignature appends what can be said of server i without
// naming another server or a value: enough to sort interchangeable servers
// before trying their orders.
func (c *Cluster) AppendServerSignature(buf []byte, i int) []byte {
	s := c.servers[i]
	k := keyWriter{buf: buf}
	k.bool(s.Up)
	k.int(int(s.Role))
	k.int(s.CurrentTerm)
	k.bool(s.VotedFor == "")
	k.bool(s.VotedFor == s.ID)
	k.int(len(s.Log))
	for _, e := range s.Log {
		k.int(e.Term)
	}
	k.int(s.CommitIndex)
	k.int(s.LastApplied)
	k.int(len(s.VotesGranted))
	return k.buf
}

type keyWriter struct {
	buf    []byte
	index  map[string]int // each server's index in cluster order
	place  []int          // each index's place in the caller's order
	fresh  func(string) bool
	values map[string]int // fresh values, by order of first appearance
}

func (k *keyWriter) rank(id string) int { return k.place[k.index[id]] }

func (k *keyWriter) int(v int) { k.buf = binary.AppendVarint(k.buf, int64(v)) }

func (k *keyWriter) bool(b bool) {
	if b {
		k.buf = append(k.buf, 1)
	} else {
		k.buf = append(k.buf, 0)
	}
}

func (k *keyWriter) str(s string) {
	k.int(len(s))
	k.buf = append(k.buf, s...)
}

// name writes a server by its place; "" (no one) as -1.
func (k *keyWriter) name(id string) {
	if id == "" {
		k.int(-1)
		return
	}
	k.int(k.rank(id))
}

func (k *keyWriter) value(v string) {
	if k.fresh == nil || !k.fresh(v) {
		k.buf = append(k.buf, 0)
		k.str(v)
		return
	}
	if k.values == nil {
		k.values = map[string]int{}
	}
	n, ok := k.values[v]
	if !ok {
		n = len(k.values)
		k.values[v] = n
	}
	k.buf = append(k.buf, 1)
	k.int(n)
}

func (k *keyWriter) entries(es []Entry) {
	k.int(len(es))
	for _, e := range es {
		k.int(e.Term)
		k.value(e.Value)
		k.str(e.Client) // a session's command (§8) and a configuration (§6): "" and 0 otherwise
		k.int(e.Seq)
		k.str(e.Config)
	}
}

// byPlace writes a map from servers to integers in the caller's order.
func (k *keyWriter) byPlace(m map[string]int) {
	if m == nil {
		k.int(-1)
		return
	}
	type kv struct{ place, v int }
	out := make([]kv, 0, len(m))
	for id, v := range m {
		out = append(out, kv{k.rank(id), v})
	}
	slices.SortFunc(out, func(a, b kv) int { return a.place - b.place })
	k.int(len(out))
	for _, p := range out {
		k.int(p.place)
		k.int(p.v)
	}
}

func (k *keyWriter) server(s *Server) {
	k.bool(s.Up)
	k.int(int(s.Role))
	k.int(s.CurrentTerm)
	k.name(s.VotedFor)
	k.entries(s.Log)
	k.int(s.CommitIndex)
	k.int(s.LastApplied)
	votes := map[string]int{}
	for id, granted := range s.VotesGranted {
		if granted {
			votes[id] = 1
		}
	}
	if s.VotesGranted == nil {
		votes = nil
	}
	k.byPlace(votes)
	k.byPlace(s.NextIndex)
	k.byPlace(s.MatchIndex)
	k.beyond(s)
}

// beyond writes the state of the options beyond Figure 2: the snapshot
// (its state machine and sessions too, which the log no longer shows),
// what the server knows of a leader, a leader's reads, membership change
// and CheckQuorum count. All are empty without the options.
func (k *keyWriter) beyond(s *Server) {
	k.int(s.Snap.LastIncludedIndex)
	k.int(s.Snap.LastIncludedTerm)
	k.str(s.Snap.State.key())
	k.str(s.Snap.Config.String())
	k.str(s.StateMachine.key())
	k.bool(s.leaderContact)
	k.str(s.readsKey())
	k.int(s.readRound)
	if s.change != nil {
		k.str(s.change.target.String())
		k.str(strings.Join(s.change.catchingUp, ","))
	} else {
		k.int(-1)
	}
	active := map[string]int{}
	for id, ok := range s.recentActive {
		if ok {
			active[id] = 1
		}
	}
	k.byPlace(active)
}

func (k *keyWriter) history(h *history) {
	terms := make([]int, 0, len(h.electedIn))
	for t := range h.electedIn {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	k.int(len(terms))
	for _, t := range terms {
		k.int(t)
		k.name(h.electedIn[t])
	}
	k.int(len(h.committed))
	for _, c := range h.committed {
		k.int(c.Term)
		k.value(c.Value)
		k.int(c.seenInTerm)
	}
	k.entries(h.applied)
	names := make([]indexTerm, 0, len(h.names))
	for it := range h.names {
		names = append(names, it)
	}
	slices.SortFunc(names, func(a, b indexTerm) int {
		if a.index != b.index {
			return a.index - b.index
		}
		return a.term - b.term
	})
	k.int(len(names))
	for _, it := range names {
		n := h.names[it]
		k.int(it.index)
		k.int(it.term)
		k.value(n.entry.Value)
		k.str(n.entry.Client)
		k.int(n.entry.Seq)
		k.str(n.entry.Config)
		k.int(n.prevTerm)
	}
}

// partition writes each server's group, groups numbered by first appearance.
func (k *keyWriter) partition(c *Cluster, order []int) {
	if c.net.group == nil {
		k.int(-1)
		return
	}
	seen := map[int]int{}
	for _, i := range order {
		g := c.net.group[c.servers[i].ID]
		if g == 0 { // alone
			k.int(-2)
			continue
		}
		n, ok := seen[g]
		if !ok {
			n = len(seen)
			seen[g] = n
		}
		k.int(n)
	}
}

// messages writes the messages in flight as a sorted multiset.
func (k *keyWriter) messages(ms []Message, skip func(Message) bool) {
	// Each message is written after the key so far, then the messages are
	// sorted and moved into place.
	start := len(k.buf)
	var spans [][2]int
	for _, m := range ms {
		if skip != nil && skip(m) {
			continue
		}
		from := len(k.buf)
		k.message(m)
		spans = append(spans, [2]int{from, len(k.buf)})
	}
	written := slices.Clone(k.buf[start:])
	at := func(sp [2]int) []byte { return written[sp[0]-start : sp[1]-start] }
	slices.SortFunc(spans, func(a, b [2]int) int { return bytes.Compare(at(a), at(b)) })
	k.buf = k.buf[:start]
	k.int(len(spans))
	for _, sp := range spans {
		k.int(sp[1] - sp[0])
		k.buf = append(k.buf, at(sp)...)
	}
}

// message writes what a handler reads of m: everything but the numbers.
func (k *keyWriter) message(m Message) {
	k.int(int(m.Type))
	k.name(m.From)
	k.name(m.To)
	k.int(m.Term)
	switch m.Type {
	case RequestVote:
		k.name(m.CandidateID)
		k.int(m.LastLogIndex)
		k.int(m.LastLogTerm)
	case RequestVoteReply:
		k.bool(m.VoteGranted)
	case AppendEntries:
		k.name(m.LeaderID)
		k.int(m.PrevLogIndex)
		k.int(m.PrevLogTerm)
		k.entries(m.Entries)
		k.int(m.LeaderCommit)
	case AppendEntriesReply:
		k.bool(m.Success)
		k.int(m.MatchIndex)
		k.bool(m.Hinted)
		k.int(m.ConflictTerm)
		k.int(m.ConflictIndex)
	case InstallSnapshot:
		k.name(m.LeaderID)
		k.int(m.LastIncludedIndex)
		k.int(m.LastIncludedTerm)
		k.str(m.Data.key())
	case InstallSnapshotReply:
		k.int(m.MatchIndex)
	case PreVote:
		k.name(m.CandidateID)
		k.int(m.LastLogIndex)
		k.int(m.LastLogTerm)
	case PreVoteReply:
		k.bool(m.VoteGranted)
	}
	k.int(m.ReadRound)
}
