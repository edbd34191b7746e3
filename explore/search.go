package explore

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
)

// Goal is a condition a search looks for in every state it reaches.
type Goal interface {
	Holds(c *engine.Cluster, acks *acks) bool
	// Names lists the servers the goal names, which symmetry must not swap.
	Names() []string
	// NeedsAcks reports whether the goal reads the acknowledgements a
	// schedule made, which the search then tracks.
	NeedsAcks() bool
}

// Result is what a search found.
type Result struct {
	Found     bool                   // the goal holds, or a safety property broke
	Witness   Witness                // the shortest schedule to it, from the start
	Violation *engine.InvariantError // the property that broke, if one did
	States    int                    // distinct states visited, the start included
	Events    int                    // events played (transitions)
	Depth     int                    // events per schedule fully explored
	Exhausted bool                   // no schedule within the bounds reaches a new state
	Truncated bool                   // stopped at Bounds.MaxStates
}

// search explores every schedule from a start state within its bounds,
// shortest schedules first. It expands a state again only when it reaches
// it with more events to go (states are compared by their keys, up to
// symmetry), and checks the five safety properties after every event, as
// the runner does.
type search struct {
	bounds Bounds
	sym    *symmetry
	start  *engine.Cluster
	values []string // made-up client values, used in this order
	goal   Goal     // nil: look only for broken safety properties
	// onlyDeepest: one pass at the full depth (every state, but not the
	// shortest schedule), for runs that expect to find nothing.
	onlyDeepest bool
}

type node struct {
	c    *engine.Cluster
	used used
	acks *acks
}

func newSearch(start *engine.Cluster, b Bounds, goal Goal) *search {
	s := &search{bounds: b, goal: goal, start: start.Clone()}
	s.values = freshValues(start, b.Clients)
	fresh := map[string]bool{}
	for _, v := range s.values {
		fresh[v] = true
	}
	fixed := map[string]bool{}
	if goal != nil {
		for _, id := range goal.Names() {
			fixed[id] = true
		}
		if goal.NeedsAcks() { // acknowledgements name servers: no renaming
			for _, sv := range start.Servers() {
				fixed[sv.ID] = true
			}
		}
	}
	s.sym = findSymmetry(start, fixed, fresh)
	return s
}

// run explores from start, whose acknowledgements so far are acks (nil if
// the goal does not need them), by iterative deepening: depth-first with
// a limit of 1, 2, … events, so that the first schedule found is a
// shortest one, while memory holds only the visited states' keys and the
// states along one schedule. (A breadth-first search finds the same
// schedules but must hold a whole level of states.) With onlyDeepest the
// limit starts at Bounds.Depth: every state is still visited, but the
// schedule found, if any, need not be a shortest one.
func (s *search) run(start *engine.Cluster, startAcks *acks) Result {
	var res Result
	root := &node{c: start, acks: startAcks}
	res.States = 1
	if s.goal != nil && s.goal.Holds(start, startAcks) {
		res.Found = true
		return res
	}
	first, prev := 1, 1
	if s.onlyDeepest {
		first = s.bounds.Depth
	}
	for limit := first; limit <= s.bounds.Depth; limit++ {
		d := &dfs{s: s, seen: map[[16]byte]int{s.key(root): limit}, res: &res}
		d.visit(root, limit)
		res.States = len(d.seen)
		if res.Found {
			res.Depth = limit - 1
			return res
		}
		if d.truncated {
			res.Truncated, res.Depth = true, limit-1
			return res
		}
		res.Depth = limit
		if len(d.seen) == prev {
			res.Exhausted = true
			return res
		}
		prev = len(d.seen)
	}
	return res
}

// dfs is one depth-limited pass of the search.
type dfs struct {
	s         *search
	seen      map[[16]byte]int // for each state, the events left when it was last expanded
	path      []Event
	res       *Result
	truncated bool
}

// visit plays every event from n and goes on from each new state while
// events are left; it reports true when the search is over.
func (d *dfs) visit(n *node, left int) bool {
	for _, ev := range d.s.events(n) {
		child, ignored, err := d.s.play(n, ev)
		d.res.Events++
		var inv *engine.InvariantError
		if errors.As(err, &inv) {
			d.res.Found, d.res.Violation, d.res.Witness = true, inv, d.s.witness(append(d.path, ev))
			return true
		}
		if err != nil {
			panic(fmt.Sprintf("explore: the engine refused an event the explorer offered (%s): %v", ev, err))
		}
		if ignored {
			continue
		}
		k := d.s.key(child)
		was, known := d.seen[k]
		if known && was >= left-1 {
			continue // visited with at least as many events to go
		}
		d.seen[k] = left - 1
		if !known && d.s.goal != nil && d.s.goal.Holds(child.c, child.acks) {
			d.res.Found, d.res.Witness = true, d.s.witness(append(d.path, ev))
			return true
		}
		if d.s.bounds.MaxStates > 0 && len(d.seen) >= d.s.bounds.MaxStates {
			d.truncated = true
			return true
		}
		if left > 1 {
			d.path = append(d.path, ev)
			if d.visit(child, left-1) {
				return true
			}
			d.path = d.path[:len(d.path)-1]
		}
	}
	return false
}

// play performs ev on a copy of n's state and checks safety after it.
// ignored reports a delivery its receiver ignored without a word: it
// leaves the state a drop leaves, which no safety property or goal can
// tell from the message staying in flight (see doc.go), so the search
// does not keep it.
func (s *search) play(n *node, ev Event) (child *node, ignored bool, err error) {
	c := n.c.Clone()
	child = &node{c: c, used: n.used, acks: n.acks}
	switch ev.Kind {
	case engine.StepClient:
		child.used.clients++
	case engine.StepCrash:
		child.used.crashes++
	case engine.StepDuplicate:
		child.used.duplicates++
	case engine.StepPartition:
		child.used.partitions++
	}
	receiver, before := -1, []byte(nil)
	var m engine.Message
	if ev.Kind == engine.StepDeliver {
		m, _ = n.c.Message(ev.Selection[0].ID)
		receiver = n.c.Index(m.To)
		before = n.c.AppendServerState(nil, receiver)
	}
	err = ev.Apply(c)
	out := c.TakeOutcome()
	if err == nil {
		err = c.CheckSafety()
	}
	if err != nil {
		return child, false, err
	}
	if receiver >= 0 && allDead(c, out.Sent) && bytes.Equal(before, c.AppendServerState(nil, receiver)) {
		return child, true, nil
	}
	if n.acks != nil && receiver >= 0 {
		child.acks = n.acks.after(m, out)
	}
	forgetDead(c)
	return child, false, nil
}

func (s *search) key(n *node) [16]byte {
	extra := []byte{byte(n.used.clients), byte(n.used.crashes), byte(n.used.duplicates), byte(n.used.partitions)}
	if n.acks != nil {
		extra = n.acks.appendKey(extra)
	}
	return s.sym.key(n.c, extra)
}

// witness words a schedule by replaying it from the start.
func (s *search) witness(evs []Event) Witness {
	w := make(Witness, len(evs))
	c := s.start.Clone()
	for k, ev := range evs {
		w[k] = WitnessStep{Event: ev, Words: describe(c, ev)}
		ev.Apply(c)
		c.TakeOutcome()
	}
	return w
}

// events lists every event the bounds allow from n's state, in a fixed
// order: each server's own events in cluster order, then each distinct
// message in flight, then the network's. Events that cannot change the
// state (a timeout of a leader, a request to a follower, which it refuses)
// are left out; so is delivering a message that would be lost, which leaves
// the state that dropping it leaves.
func (s *search) events(n *node) []Event {
	c, b := n.c, s.bounds
	var out []Event
	for _, sv := range c.Servers() {
		switch {
		case !sv.Up:
			out = append(out, restart(sv.ID))
			continue
		case sv.Role == engine.Leader:
			out = append(out, heartbeat(sv.ID))
			if n.used.clients < b.Clients {
				out = append(out, client(sv.ID, s.values[n.used.clients]))
			}
		default:
			out = append(out, timeout(sv.ID))
		}
		if n.used.crashes < b.Crashes {
			out = append(out, crash(sv.ID))
		}
	}
	seen := map[messageKey]bool{}
	for _, m := range c.InFlightView() {
		k := keyOf(m)
		if seen[k] {
			continue // a copy: playing it leads where the first one leads
		}
		seen[k] = true
		if dead(c, m) {
			continue // its delivery, copy or loss changes nothing
		}
		to := c.Server(m.To)
		if to.Up && c.Connected(m.From, m.To) {
			out = append(out, deliver(m.ID))
		}
		if b.Drops {
			out = append(out, drop(m.ID))
		}
		if n.used.duplicates < b.Duplicates {
			out = append(out, duplicate(m.ID))
		}
	}
	if n.used.partitions < b.Partitions {
		for _, g := range splits(c.Config().Servers) {
			out = append(out, partition(g))
		}
	}
	if c.Partitioned() {
		out = append(out, heal())
	}
	return out
}

// splits are the ways to cut the servers into two groups, the first
// server always in the first group.
func splits(servers []string) [][][]string {
	n := len(servers)
	var out [][][]string
	for mask := 1; mask < 1<<n-1; mask += 2 {
		var a, b []string
		for i, id := range servers {
			if mask&(1<<i) != 0 {
				a = append(a, id)
			} else {
				b = append(b, id)
			}
		}
		out = append(out, [][]string{a, b})
	}
	return out
}

// messageKey is what a handler reads of m: everything but its numbers.
type messageKey struct {
	typ                                                  engine.MessageType
	from, to, candidate, leader                          string
	term, lastLogIndex, lastLogTerm, prevIndex, prevTerm int
	leaderCommit, matchIndex                             int
	granted, success                                     bool
	entries                                              string
}

func keyOf(m engine.Message) messageKey {
	k := messageKey{m.Type, m.From, m.To, m.CandidateID, m.LeaderID, m.Term, m.LastLogIndex, m.LastLogTerm,
		m.PrevLogIndex, m.PrevLogTerm, m.LeaderCommit, m.MatchIndex, m.VoteGranted, m.Success, ""}
	if len(m.Entries) > 0 {
		var b strings.Builder
		for _, e := range m.Entries {
			b.WriteString(strconv.Itoa(e.Term))
			b.WriteByte(':')
			b.WriteString(strconv.Quote(e.Value))
		}
		k.entries = b.String()
	}
	return k
}

// freshValues are n client values the exercise does not use: v1, v2, …
// (k=v1, … for a key-value state machine).
func freshValues(c *engine.Cluster, n int) []string {
	used := c.KnownValues()
	format := "v%d"
	if c.Config().StateMachine == engine.KV {
		format = "k=v%d"
	}
	var out []string
	for i := 1; len(out) < n; i++ {
		if v := fmt.Sprintf(format, i); !used[v] {
			out = append(out, v)
		}
	}
	return out
}

func allDead(c *engine.Cluster, ms []engine.Message) bool {
	for _, m := range ms {
		if !dead(c, m) {
			return false
		}
	}
	return true
}

// forgetDead drops the messages nothing can ever deliver usefully (dead),
// so that copies of the state need not carry them. The states' keys leave
// them out anyway, and dropping assigns no message numbers, so a witness
// replays with the same numbers; there the dead messages stay in flight,
// harmless.
func forgetDead(c *engine.Cluster) {
	var sel engine.Selection
	for _, m := range c.InFlightView() {
		if dead(c, m) {
			sel = append(sel, engine.Selector{ID: m.ID})
		}
	}
	if len(sel) > 0 {
		c.Drop(sel)
		c.TakeOutcome()
	}
}
