package engine

import (
	"fmt"
	"strconv"
	"strings"
)

// Cluster is the whole simulated system: the servers, the network between
// them, and the history the safety checker keeps. Each exported method is
// one event, like one action of the Raft TLA+ spec; it returns an
// *EventError, and changes nothing, when the event is impossible in the
// current state. Within an event, messages sent are put in flight but never
// delivered: delivery is an event of its own.
type Cluster struct {
	cfg     *Config
	servers []*Server
	byID    map[string]*Server
	order   map[string]int
	net     Network
	hist    *history
	out     Outcome
	clock   *clock // nil unless the exercise runs on a clock
	// Read-only requests (§8): how many so far, and for each one not yet
	// answered, how many entries were committed when it arrived.
	readCount int
	readFloor map[string]int
}

// Outcome is what one event did, beyond the servers' new state.
type Outcome struct {
	Sent      []Message    // messages put in flight, by number
	Delivered []int        // numbers of the messages handled
	Lost      []int        // numbers of messages lost: receiver down or cut off
	Dropped   []int        // numbers of messages the script dropped
	Refused   string       // why a client request was refused, if it was
	Why       []Reason     // one per change, citing the paper
	Reads     []ReadResult // read-only requests answered or failed (§8)
}

// EventError is an event the script asks for that cannot happen now.
type EventError struct{ Msg string }

func (e *EventError) Error() string { return e.Msg }

func impossible(format string, args ...any) *EventError {
	return &EventError{Msg: fmt.Sprintf(format, args...)}
}

// NewCluster starts every server as a follower in term 0 with an empty log.
func NewCluster(cfg Config) *Cluster {
	c := &Cluster{cfg: &cfg, byID: map[string]*Server{}, order: map[string]int{}, hist: newHistory()}
	for i, id := range cfg.Servers {
		s := NewServer(id, c.cfg)
		c.servers = append(c.servers, s)
		c.byID[id] = s
		c.order[id] = i
	}
	return c
}

// Config is the cluster's configuration.
func (c *Cluster) Config() Config { return *c.cfg }

// Servers are the servers in cluster order. Callers must not change them.
func (c *Cluster) Servers() []*Server { return c.servers }

// Server is the server named id, or nil.
func (c *Cluster) Server(id string) *Server { return c.byID[id] }

// InFlight lists the messages in flight by number.
func (c *Cluster) InFlight() []Message { return c.net.InFlight() }

// TakeOutcome returns what happened since the last call and starts afresh.
func (c *Cluster) TakeOutcome() Outcome {
	o := c.out
	c.out = Outcome{}
	return o
}

// CheckSafety checks the five safety properties of Figure 3 (and the
// engine's own bookkeeping) against the current state.
func (c *Cluster) CheckSafety() error {
	if err := c.hist.check(c.servers); err != nil {
		return err
	}
	return nil
}

// collect moves what a server queued into the network and the outcome.
func (c *Cluster) collect(s *Server) error {
	out, reasons, elected := s.drain()
	for _, o := range out {
		m := c.net.Send(o.msg)
		c.out.Sent = append(c.out.Sent, m)
		reasons[o.cause].Sent = append(reasons[o.cause].Sent, m.ID)
	}
	c.out.Why = append(c.out.Why, reasons...)
	for _, term := range elected {
		if err := c.hist.recordElection(s.ID, term); err != nil {
			return err
		}
	}
	if c.clock != nil {
		c.clock.sync(s)
	}
	for _, r := range s.drainReads() {
		c.out.Reads = append(c.out.Reads, r)
		if floor := c.readFloor[r.ID]; r.Served && r.ReadIndex < floor {
			return broken(LinearizableReads, "%s answered read %s as of index %d, but index %d was committed before the read arrived",
				s.ID, r.ID, r.ReadIndex, floor)
		}
		delete(c.readFloor, r.ID)
	}
	return nil
}

// explain records a reason of the network's (or the runner's): about no
// server's state, and concerning message, if it is not 0.
func (c *Cluster) explain(rule Rule, message int, say Sentence, args ...Arg) *Reason {
	c.out.Why = append(c.out.Why, Reason{Rule: rule, Message: message, Sentence: say, Args: args,
		Text: fillPattern(sentences[say], args, English)})
	return &c.out.Why[len(c.out.Why)-1]
}

func (c *Cluster) lookup(id string) (*Server, error) {
	if s := c.byID[id]; s != nil {
		return s, nil
	}
	return nil, impossible("there is no server %s (servers: %s)", id, strings.Join(c.cfg.Servers, ", "))
}

// running is the server id if it is up; what says what the event needs it for.
func (c *Cluster) running(id, what string) (*Server, error) {
	s, err := c.lookup(id)
	if err != nil {
		return nil, err
	}
	if !s.Up {
		return nil, impossible("%s is down (crashed); restart it before it can %s", id, what)
	}
	return s, nil
}

// Timeout fires id's election timer (§5.2). Leaders have no election timer.
func (c *Cluster) Timeout(id string) error {
	s, err := c.running(id, "time out")
	if err != nil {
		return err
	}
	if s.Role == Leader && !c.cfg.Options.CheckQuorum {
		return impossible("%s is the leader of term %d; only followers and candidates time out (§5.2)", id, s.CurrentTerm)
	}
	if s.config().IsZero() {
		return impossible("%s has joined no configuration yet: it waits to hear from a leader and never times out until then (§6)", id)
	}
	s.Timeout()
	return c.collect(s)
}

// ClientRequest sends a command to id. A server that is not the leader
// refuses it and nothing changes (§8: it would redirect the client).
func (c *Cluster) ClientRequest(id, value string) error {
	return c.ClientCommand(id, Command{Value: value})
}

// ClientCommand is ClientRequest for a command that may belong to a
// client session (§8).
func (c *Cluster) ClientCommand(id string, cmd Command) error {
	s, err := c.running(id, "take a client request")
	if err != nil {
		return err
	}
	if s.Role != Leader {
		s.begin(0)
		s.explain(RuleClientRefused, SayRefused, role("role", s.Role), number("term", s.CurrentTerm), quoted("value", cmd.Value))
		c.out.Refused = s.reasons[len(s.reasons)-1].Text
		return c.collect(s)
	}
	s.ClientCommand(cmd)
	return c.collect(s)
}

// Heartbeat makes leader id send AppendEntries to every peer.
func (c *Cluster) Heartbeat(id string) error {
	s, err := c.running(id, "send a heartbeat")
	if err != nil {
		return err
	}
	if s.Role != Leader {
		return impossible("%s is a %s in term %d; only a leader sends heartbeats (§5.2)", id, s.Role, s.CurrentTerm)
	}
	s.Heartbeat()
	return c.collect(s)
}

// Deliver hands the picked messages to their receivers, by receiver in
// cluster order and then by number. Messages they send stay in flight.
func (c *Cluster) Deliver(sel Selection) error {
	if err := c.mustMatch("deliver", sel); err != nil {
		return err
	}
	for _, m := range c.net.Take(sel, c.order) {
		if err := c.deliver(m); err != nil {
			return err
		}
	}
	return nil
}

func (c *Cluster) deliver(m Message) error {
	to := c.byID[m.To]
	switch {
	case !to.Up:
		c.out.Lost = append(c.out.Lost, m.ID)
		c.explain(RuleLostDown, m.ID, SayLostDown, text("message", Describe(m)), text("to", m.To))
		return nil
	case !c.net.Connected(m.From, m.To):
		c.out.Lost = append(c.out.Lost, m.ID)
		c.explain(RuleLostPartition, m.ID, SayLostPartition, text("message", Describe(m)), text("from", m.From), text("to", m.To))
		return nil
	}
	c.out.Delivered = append(c.out.Delivered, m.ID)
	to.Step(m)
	return c.collect(to)
}

// Drop removes the picked messages from the network: they never arrive.
func (c *Cluster) Drop(sel Selection) error {
	if err := c.mustMatch("drop", sel); err != nil {
		return err
	}
	for _, m := range c.net.Take(sel, c.order) {
		c.out.Dropped = append(c.out.Dropped, m.ID)
		c.explain(RuleDropped, m.ID, SayDropped, text("message", Describe(m)))
	}
	return nil
}

// Duplicate puts a copy of each picked message in flight, with a new number.
func (c *Cluster) Duplicate(sel Selection) error {
	if err := c.mustMatch("duplicate", sel); err != nil {
		return err
	}
	for _, m := range c.net.InFlight() {
		if sel.picks(m) {
			cp := m
			cp.DuplicateOf = m.ID
			cp.Entries = Log(m.Entries).Clone()
			cp = c.net.Send(cp)
			c.out.Sent = append(c.out.Sent, cp)
			why := c.explain(RuleDuplicated, m.ID, SayDuplicated, number("id", m.ID), number("copy", cp.ID))
			why.Sent = []int{cp.ID}
		}
	}
	return nil
}

func (c *Cluster) mustMatch(verb string, sel Selection) error {
	if un := c.net.Unmatched(sel); len(un) > 0 {
		return impossible("nothing in flight matches %s to %s; %s", Selection(un), verb, describeAll(c.net.InFlight()))
	}
	return nil
}

// Stabilize is one round of deliver-all; callers repeat it until Settled.
func (c *Cluster) Settled() bool { return len(c.net.inFlight) == 0 }

// Partition splits the network; a server named in no group is cut off
// alone. Messages in flight are lost if they cross it when delivered.
func (c *Cluster) Partition(groups [][]string) error {
	seen := map[string]bool{}
	for _, g := range groups {
		for _, id := range g {
			if _, err := c.lookup(id); err != nil {
				return err
			}
			if seen[id] {
				return impossible("partition: %s is named twice; each server belongs to one group", id)
			}
			seen[id] = true
		}
	}
	c.net.Partition(groups)
	c.explain(RulePartition, 0, SayPartition, text("groups", DescribeGroups(groups, c.cfg.Servers)))
	return nil
}

// Heal ends any partition.
func (c *Cluster) Heal() error {
	c.net.Heal()
	c.explain(RuleHeal, 0, SayHeal)
	return nil
}

// Crash stops a running server (§5.5): it keeps only its persistent state.
func (c *Cluster) Crash(id string) error {
	s, err := c.lookup(id)
	if err != nil {
		return err
	}
	if !s.Up {
		return impossible("%s is already down; it cannot crash again", id)
	}
	s.Crash()
	return c.collect(s)
}

// Restart brings a crashed server back as a follower.
func (c *Cluster) Restart(id string) error {
	s, err := c.lookup(id)
	if err != nil {
		return err
	}
	if s.Up {
		return impossible("%s is running; only a crashed server can restart", id)
	}
	s.Restart()
	return c.collect(s)
}

// Read sends a read-only request to id (§8): for a kv store, of key. A
// server that is not the leader refuses it. A read answered must reflect
// every write committed before it arrived: the checker holds it to that.
func (c *Cluster) Read(id, key string) error {
	s, err := c.running(id, "take a read request")
	if err != nil {
		return err
	}
	c.readCount++
	rid := "r" + strconv.Itoa(c.readCount)
	s.begin(0)
	if s.Role != Leader {
		s.explain(RuleClientRefused, SayReadRefused, role("role", s.Role), number("term", s.CurrentTerm), text("read", rid))
		c.out.Refused = s.reasons[len(s.reasons)-1].Text
		c.out.Reads = append(c.out.Reads, ReadResult{ID: rid, Server: id, Key: key})
		return c.collect(s)
	}
	if c.readFloor == nil {
		c.readFloor = map[string]int{}
	}
	c.readFloor[rid] = len(c.hist.committed)
	s.Read(rid, key)
	return c.collect(s)
}

// ChangeConfig sends a membership change to id (§6). A server that is not
// the leader refuses it, and so does a leader already changing its
// configuration; a change that makes no sense is an error.
func (c *Cluster) ChangeConfig(id string, ch Change) error {
	s, err := c.running(id, "take a configuration change")
	if err != nil {
		return err
	}
	if !c.cfg.membershipChanges() {
		return impossible("this exercise does not change membership: name the initial members with `members:`")
	}
	if s.Role != Leader {
		s.begin(0)
		s.explain(RuleClientRefused, SayConfigRefused, role("role", s.Role), number("term", s.CurrentTerm))
		c.out.Refused = s.reasons[len(s.reasons)-1].Text
		return c.collect(s)
	}
	cur := s.config()
	switch {
	case ch.Add != "" && cur.Contains(ch.Add):
		return impossible("%s is already a member of %s", ch.Add, cur.Words())
	case ch.Add != "":
		if _, err := c.lookup(ch.Add); err != nil {
			return err
		}
	case ch.Remove != "" && !cur.Contains(ch.Remove):
		return impossible("%s is not a member of %s", ch.Remove, cur.Words())
	case ch.Remove != "" && len(cur.New) == 1:
		return impossible("%s is the only member of %s; a configuration needs a member", ch.Remove, cur.Words())
	case ch.Remove != "" && cur.Joint():
		return impossible("%s is in the joint configuration %s; a change starts from a plain one", id, cur.Words())
	case ch.Joint != nil && len(ch.Joint) == 0:
		return impossible("C_new must have a member")
	case ch.Joint != nil && cur.Joint():
		return impossible("%s is already in the joint configuration %s", id, cur.Words())
	case ch.From != nil && !sameMembers(ch.From, cur.New):
		return impossible("the joint change starts from {%s}, but %s's configuration is %s", strings.Join(ch.From, ", "), id, cur.Words())
	}
	if ch.Joint != nil {
		for _, m := range ch.Joint {
			if _, err := c.lookup(m); err != nil {
				return err
			}
		}
	}
	if s.ChangeConfig(ch) {
		c.out.Refused = s.reasons[len(s.reasons)-1].Text
	}
	return c.collect(s)
}

// Compact makes id snapshot its state machine through index and discard
// the log up to it (§7); index 0 means through lastApplied.
func (c *Cluster) Compact(id string, index int) error {
	s, err := c.running(id, "take a snapshot")
	if err != nil {
		return err
	}
	if index == 0 {
		index = s.LastApplied
	}
	switch {
	case index > s.LastApplied:
		return impossible("%s has applied entries up to index %d only; a snapshot covers applied entries (§7)", id, s.LastApplied)
	case index <= s.base():
		return impossible("%s's snapshot already covers the entries up to index %d; a new snapshot must go further", id, s.base())
	}
	s.TakeSnapshot(index)
	return c.collect(s)
}

// DescribeGroups says a partition in words: "{S1, S2} | {S3, S4, S5}",
// with servers in no group shown alone.
func DescribeGroups(groups [][]string, all []string) string {
	parts := make([]string, 0, len(groups))
	for _, g := range withLoners(groups, all) {
		parts = append(parts, "{"+strings.Join(g, ", ")+"}")
	}
	return strings.Join(parts, " | ")
}

// withLoners is the partition with every server named in no group added as
// a group of its own, in cluster order.
func withLoners(groups [][]string, all []string) [][]string {
	named := map[string]bool{}
	for _, g := range groups {
		for _, id := range g {
			named[id] = true
		}
	}
	out := append([][]string{}, groups...)
	for _, id := range all {
		if !named[id] {
			out = append(out, []string{id})
		}
	}
	return out
}
