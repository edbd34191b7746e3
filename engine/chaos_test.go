package engine

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// chaos drives a cluster with random events, every one possible in the
// state it meets, from a seeded generator.
type chaos struct {
	c      *Cluster
	r      *rand.Rand
	values int
	log    []string               // the events so far, for a failure report
	before map[string]ServerState // the state before the event, for checkReasons
	extras bool                   // also the events of the options beyond Figure 2
	seen   map[Sentence]int       // how often each sentence was said, for coverage
	seqs   map[string]int         // each client session's last serial number
}

func newChaos(servers int, opts Options, seed uint64) *chaos {
	names := make([]string, servers)
	for i := range names {
		names[i] = fmt.Sprintf("S%d", i+1)
	}
	return &chaos{
		c: NewCluster(Config{Servers: names, Options: opts}),
		r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
	}
}

func (ch *chaos) pick(servers []*Server) *Server { return servers[ch.r.IntN(len(servers))] }

func (ch *chaos) where(pred func(*Server) bool) []*Server {
	var out []*Server
	for _, s := range ch.c.Servers() {
		if pred(s) {
			out = append(out, s)
		}
	}
	return out
}

// step performs one random event and checks safety after it.
func (ch *chaos) step() error {
	c := ch.c
	inFlight := c.net.inFlight // read only; copying it every step would dominate the benchmark
	up := ch.where(func(s *Server) bool { return s.Up })
	var event string
	var err error
	if c.Timed() && ch.r.IntN(2) == 0 { // half the moves let the clock run
		if e, ok := c.nextEvent(); ok {
			c.advanceTo(e.At)
			event, _, err = c.fire(e)
			return ch.checked(event, err)
		}
	}
	if ch.beyond() && ch.r.IntN(8) == 0 { // the events of the options beyond Figure 2
		if event, err = ch.beyondEvent(); event != "" {
			return ch.checked(event, err)
		}
	}
	switch k := ch.r.IntN(100); {
	case k < 35 && len(inFlight) > 0: // deliver a random subset
		var sel Selection
		for _, m := range inFlight {
			if ch.r.IntN(2) == 0 {
				sel = append(sel, Selector{ID: m.ID})
			}
		}
		if len(sel) == 0 {
			sel = Selection{{ID: inFlight[ch.r.IntN(len(inFlight))].ID}}
		}
		event, err = "deliver "+sel.String(), c.Deliver(sel)
	case k < 45 && len(inFlight) > 0:
		event, err = "deliver all", c.Deliver(Selection{{All: true}})
	case k < 49 && len(inFlight) > 0:
		sel := Selection{{ID: inFlight[ch.r.IntN(len(inFlight))].ID}}
		event, err = "drop "+sel.String(), c.Drop(sel)
	case k < 53 && len(inFlight) > 0:
		sel := Selection{{ID: inFlight[ch.r.IntN(len(inFlight))].ID}}
		event, err = "duplicate "+sel.String(), c.Duplicate(sel)
	case k < 61:
		if cands := ch.where(func(s *Server) bool { return s.Up && s.Role != Leader && !s.config().IsZero() }); len(cands) > 0 {
			s := ch.pick(cands)
			event, err = "timeout "+s.ID, c.Timeout(s.ID)
		}
	case k < 73:
		if len(up) > 0 {
			s := ch.pick(up)
			ch.values++
			event, err = "client "+s.ID, c.ClientRequest(s.ID, fmt.Sprintf("v%d", ch.values))
		}
	case k < 90:
		if leaders := ch.where(func(s *Server) bool { return s.Up && s.Role == Leader }); len(leaders) > 0 {
			s := ch.pick(leaders)
			event, err = "heartbeat "+s.ID, c.Heartbeat(s.ID)
		}
	case k < 93:
		groups := ch.randomPartition()
		event, err = "partition "+DescribeGroups(groups, c.Config().Servers), c.Partition(groups)
	case k < 95:
		event, err = "heal", c.Heal()
	case k < 97:
		if len(up) > 0 {
			s := ch.pick(up)
			event, err = "crash "+s.ID, c.Crash(s.ID)
		}
	default:
		if down := ch.where(func(s *Server) bool { return !s.Up }); len(down) > 0 {
			s := ch.pick(down)
			event, err = "restart "+s.ID, c.Restart(s.ID)
		}
	}
	if event == "" {
		return nil // nothing of that kind was possible; not a step
	}
	return ch.checked(event, err)
}

// checked records an event and checks safety after it.
func (ch *chaos) checked(event string, err error) error {
	c := ch.c
	ch.log = append(ch.log, event)
	if err == nil {
		err = c.CheckSafety()
	}
	o := c.TakeOutcome()
	if ch.seen != nil {
		for _, r := range o.Why {
			ch.seen[r.Sentence]++
		}
	}
	after := c.Snapshot()
	if err == nil && ch.before != nil {
		err = checkReasons(ch.before, after, o)
	}
	ch.before = after
	if err != nil {
		return fmt.Errorf("after %s: %w", event, err)
	}
	return nil
}

func (ch *chaos) randomPartition() [][]string {
	groups := make([][]string, 1+ch.r.IntN(3))
	for _, id := range ch.c.Config().Servers {
		if g := ch.r.IntN(len(groups) + 1); g < len(groups) { // some servers end up alone
			groups[g] = append(groups[g], id)
		}
	}
	var out [][]string
	for _, g := range groups {
		if len(g) > 0 {
			out = append(out, g)
		}
	}
	if len(out) == 0 {
		out = [][]string{ch.c.Config().Servers}
	}
	return out
}

// stabilize delivers rounds until nothing is in flight, checking safety.
func (ch *chaos) stabilize(t testing.TB) {
	t.Helper()
	for round := 0; !ch.c.Settled(); round++ {
		if round > MaxStabilizeRounds {
			t.Fatalf("did not settle")
		}
		ch.must(t, "stabilize", ch.c.Deliver(Selection{{All: true}}))
	}
}

func (ch *chaos) must(t testing.TB, what string, err error) {
	t.Helper()
	if err == nil {
		err = ch.c.CheckSafety()
	}
	ch.c.TakeOutcome()
	if err != nil {
		t.Fatalf("%s: %v\nlast events: %s", what, err, ch.tail())
	}
}

func (ch *chaos) tail() string {
	from := max(0, len(ch.log)-30)
	return strings.Join(ch.log[from:], "; ")
}

var chaosOptions = []Options{
	{},
	{Replicate: ReplicateImmediately},
	{NoopOnElection: true},
	{MaxEntries: 1},
	{MaxEntries: 2, Replicate: ReplicateImmediately, NoopOnElection: true},
}

// beyondOptions turn on the options beyond Figure 2, alone and together.
var beyondOptions = []Options{
	{SnapshotAfter: 3},
	{SnapshotAfter: 2, MaxEntries: 1, Replicate: ReplicateImmediately},
	{Sessions: true, Reads: ReadIndex},
	{Sessions: true, Reads: ReadIndex, NoopOnElection: true, SnapshotAfter: 4},
	{PreVote: true, CheckQuorum: true, Sessions: true},
	{PreVote: true, Replicate: ReplicateImmediately, SnapshotAfter: 3, Sessions: true},
	{CheckQuorum: true, VoteGuard: true, NoopOnElection: true, Reads: ReadIndex, Backup: BackupConflictTerm},
	{Backup: BackupConflictTerm, MaxEntries: 1, SnapshotAfter: 5, Sessions: true},
}

// Random schedules over many seeds, 3 and 5 servers and every option,
// with the five safety properties checked after every step; then, once
// the network heals and every server is back, one election and a few
// heartbeats bring the cluster to one leader and identical logs and
// commit indexes (liveness).
func TestRandomSchedulesKeepSafetyAndRecover(t *testing.T) {
	const runs, stepsPerRun = 60, 1000
	total := 0
	for seed := uint64(1); seed <= runs; seed++ {
		servers := []int{3, 5}[seed%2]
		opts := chaosOptions[seed%uint64(len(chaosOptions))]
		ch := newChaos(servers, opts, seed)
		for len(ch.log) < stepsPerRun {
			if err := ch.step(); err != nil {
				t.Fatalf("seed %d, %d servers, %+v, step %d: %v\nlast events: %s", seed, servers, opts, len(ch.log), err, ch.tail())
			}
		}
		total += len(ch.log)
		ch.recover(t)
	}
	if total < 10_000 {
		t.Fatalf("only %d random steps", total)
	}
	t.Logf("%d random steps over %d seeds", total, runs)
}

// recover heals the network, restarts every server, elects the server with
// the most up-to-date log and replicates until all agree.
func (ch *chaos) recover(t *testing.T) {
	t.Helper()
	c := ch.c
	ch.must(t, "heal", c.Heal())
	for _, s := range ch.where(func(s *Server) bool { return !s.Up }) {
		ch.must(t, "restart", c.Restart(s.ID))
	}
	ch.stabilize(t)
	// A leader may step down on the way, once a configuration without it
	// commits (§6); then the next best server takes over.
	var best *Server
	for attempt := 0; ; attempt++ {
		if attempt == 3 {
			t.Fatalf("no leader brought the cluster to agreement")
		}
		best = ch.best()
		for try := 0; !ch.leadsHighestTerm(best); try++ {
			if try == 5 {
				t.Fatalf("%s did not become leader of the highest term (%+v)\n%s", best.ID, c.cfg.Options, ch.states())
			}
			if best.Role == Leader {
				ch.must(t, "heartbeat", c.Heartbeat(best.ID))
			} else {
				ch.quietLeaders(t, best)
				ch.must(t, "timeout", c.Timeout(best.ID))
			}
			ch.stabilize(t)
		}
		ch.must(t, "client", c.ClientRequest(best.ID, "last"))
		for round := 0; best.Role == Leader && !ch.agree(best); round++ {
			if round == 50 {
				t.Fatalf("logs and commit indexes still differ after 50 heartbeats")
			}
			ch.must(t, "heartbeat", c.Heartbeat(best.ID))
			ch.stabilize(t)
		}
		if best.Role == Leader {
			break
		}
	}
	// Servers outside the configuration may still think they lead some
	// old term (§6: they can be shut down); among the members, one leads.
	if leaders := ch.where(func(s *Server) bool { return s.Role == Leader && best.config().Contains(s.ID) }); len(leaders) != 1 {
		t.Fatalf("%d leaders after recovery\n%s", len(leaders), ch.states())
	}
}

// states lists every server's state in a line each, for a failure report.
func (ch *chaos) states() string {
	var b strings.Builder
	for _, s := range ch.c.Servers() {
		fmt.Fprintf(&b, "%s up %t %s term %d voted %q base %d/%d log %v commit %d config %s\n", s.ID, s.Up, s.Role, s.CurrentTerm,
			s.VotedFor, s.base(), s.Snap.LastIncludedTerm, s.Log, s.CommitIndex, s.config())
	}
	return b.String()
}

// best is the member with the most up-to-date log: every member votes
// for it. Among equals, a leader: with PreVote no one replaces it.
func (ch *chaos) best() *Server {
	var best *Server
	for _, s := range ch.c.Servers() {
		if !ch.member(s) {
			continue
		}
		if best == nil || !s.upToDate(best.lastTerm(), best.lastIndex()) ||
			best.upToDate(s.lastTerm(), s.lastIndex()) && s.Role == Leader {
			best = s
		}
	}
	return best
}

// member reports whether s is a member of its own configuration (always,
// when the membership never changes).
func (ch *chaos) member(s *Server) bool { return s.config().Contains(s.ID) }

// quietLeaders lets time pass as it would before best's timer fires: the
// other leaders' heartbeats go out (a stale one learns of a newer term),
// and on the clock the followers' trust in a leader (lease.go) runs out.
func (ch *chaos) quietLeaders(t *testing.T, best *Server) {
	t.Helper()
	c := ch.c
	if o := c.cfg.Options; !o.VoteGuard && !o.PreVote {
		return
	}
	for _, s := range ch.where(func(s *Server) bool { return s.Role == Leader && s != best }) {
		ch.must(t, "heartbeat", c.Heartbeat(s.ID))
		ch.stabilize(t)
	}
	if c.Timed() {
		c.advanceTo(c.Now() + c.clock.minElectionTimeout())
	}
	for _, s := range c.Servers() {
		s.leaderContact = false // untimed: as if every timer had fired
	}
}

func (ch *chaos) leadsHighestTerm(s *Server) bool {
	if s.Role != Leader {
		return false
	}
	for _, o := range ch.c.Servers() {
		if o.CurrentTerm > s.CurrentTerm && s.config().Contains(o.ID) {
			return false
		}
	}
	return true
}

// agree: every member of the leader's configuration holds the same log
// (after its snapshot) as the leader, all of it committed and applied,
// and the same state machine; no new server is still catching up.
func (ch *chaos) agree(leader *Server) bool {
	first := leader
	if leader.change != nil {
		return false
	}
	for _, s := range ch.c.Servers() {
		if !leader.config().Contains(s.ID) {
			continue
		}
		if s.CommitIndex != s.lastIndex() || s.CommitIndex != first.CommitIndex || s.LastApplied != s.CommitIndex ||
			s.StateMachine.String() != first.StateMachine.String() {
			return false
		}
		for i := max(s.base(), first.base()) + 1; i <= s.lastIndex(); i++ {
			if s.entryAt(i) != first.entryAt(i) {
				return false
			}
		}
	}
	return true
}

// Timed random schedules: timers fire and messages arrive on the clock,
// mixed with random crashes, partitions, drops and client requests.
func TestTimedRandomSchedulesKeepSafety(t *testing.T) {
	const runs, stepsPerRun = 30, 1000
	total := 0
	for seed := uint64(1); seed <= runs; seed++ {
		servers := []int{3, 5}[seed%2]
		ch := newChaos(servers, chaosOptions[seed%uint64(len(chaosOptions))], seed)
		timing := &Timing{ElectionTimeout: map[string]TimeoutPlan{}, Heartbeat: 50,
			Latency: Span{1, 20}, Seed: seed}
		for _, id := range ch.c.Config().Servers {
			timing.ElectionTimeout[id] = TimeoutPlan{{150, 300}}
		}
		ch.c.SetTiming(timing)
		for len(ch.log) < stepsPerRun {
			if err := ch.step(); err != nil {
				t.Fatalf("seed %d, step %d: %v\nlast events: %s", seed, len(ch.log), err, ch.tail())
			}
		}
		total += len(ch.log)
		ch.recover(t)
	}
	t.Logf("%d timed random steps", total)
}

// BenchmarkRandomSchedule runs a 5-server random schedule of 100,000 steps
// with the safety properties checked after every step. Target: under 2 s.
func BenchmarkRandomSchedule(b *testing.B) {
	for b.Loop() {
		ch := newChaos(5, Options{}, 42)
		for len(ch.log) < 100_000 {
			if err := ch.step(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
