package etcdcheck

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	pb "go.etcd.io/raft/v3/raftpb"
)

// options are what a schedule turns on, in both systems.
type options struct {
	PreVote, CheckQuorum bool
	Snapshots            bool // snapshot events
	Membership           bool // configuration changes, from three of five servers
}

// pair is one schedule played on both: the engine and etcd, server Si
// being etcd's node i.
type pair struct {
	t      *testing.T
	o      options
	e      *engine.Cluster
	x      *etcdCluster
	r      *rand.Rand
	names  []string
	log    []string          // the events so far
	ticks  map[string]int    // a leader's ticks since it won its term or last checked its quorum
	ledBy  map[uint64]string // term → leader, as the engine elected them
	xLedBy map[uint64]string // term → leader, as etcd did
	counts map[string]int    // events played, by kind, for the report
	diffs  map[string]int    // allowed differences seen, by name (differences_test.go)
	values int
	seed   uint64
	parted bool // a test of a difference: the two may part
}

func newPair(t *testing.T, seed uint64, o options) *pair {
	servers, members := 3, []int{1, 2, 3}
	if o.Membership {
		servers = 5
	}
	names := make([]string, servers)
	for i := range names {
		names[i] = fmt.Sprintf("S%d", i+1)
	}
	cfg := engine.Config{Servers: names, Options: engine.Options{NoopOnElection: true, Replicate: engine.ReplicateImmediately,
		Backup: engine.BackupConflictTerm, PreVote: o.PreVote, CheckQuorum: o.CheckQuorum, VoteGuard: o.CheckQuorum}}
	if o.Membership {
		cfg.Members = names[:3]
	}
	return &pair{t: t, o: o, e: engine.NewCluster(cfg), x: newEtcdCluster(servers, members, o),
		r: rand.New(rand.NewPCG(seed, 0xe7cd)), names: names, ticks: map[string]int{},
		ledBy: map[uint64]string{}, xLedBy: map[uint64]string{}, counts: map[string]int{}, diffs: map[string]int{}, seed: seed}
}

// verbose logs every event and both states before it (go test -v -args -verbose).
var verbose = false

func idOf(name string) uint64 {
	var id uint64
	fmt.Sscanf(name, "S%d", &id)
	return id
}

// settle delivers everything in both, checks the engine's safety
// properties, and records who leads which term.
func (p *pair) settle() {
	p.t.Helper()
	for round := 0; !p.e.Settled(); round++ {
		if round > 500 {
			p.fail("the engine does not settle")
		}
		if err := p.e.Deliver(engine.Selection{{All: true}}); err != nil {
			p.fail("engine: %v", err)
		}
		if err := p.e.CheckSafety(); err != nil {
			p.fail("engine: %v", err)
		}
		p.e.TakeOutcome()
	}
	if !p.x.stabilize() {
		p.fail("etcd does not settle")
	}
	if !p.parted {
		p.recordLeaders()
	}
}

// settleWithHeartbeat settles, then lets each current leader send one
// heartbeat and settles again: etcd pauses replication to a follower it
// has not heard from (flow control) and a heartbeat's answer resumes it,
// where the engine's AppendEntries already carried the entries.
func (p *pair) settleWithHeartbeat() {
	p.settle()
	for _, name := range p.names {
		if s, x := p.both(name); s.Role == engine.Leader && x.role == "leader" && p.agrees(name) && p.current(name) {
			p.heartbeat(name)
			p.settle()
		}
	}
}

// recordLeaders notes, in each system, the leader of every term it sees,
// and checks that the two agree for every term both elected someone in.
func (p *pair) recordLeaders() {
	for _, s := range p.e.Servers() {
		if s.Role == engine.Leader {
			p.ledBy[uint64(s.CurrentTerm)] = s.ID
		}
	}
	for _, name := range p.names {
		if st := p.x.state(idOf(name)); st.up && st.role == "leader" {
			p.xLedBy[st.term] = name
		}
	}
	for term, l := range p.ledBy {
		if xl := p.xLedBy[term]; xl != l {
			p.fail("term %d: the engine elected %q, etcd %q", term, l, xl)
		}
	}
	for term, xl := range p.xLedBy {
		if l := p.ledBy[term]; xl != l {
			p.fail("term %d: the engine elected %q, etcd %q", term, l, xl)
		}
	}
}

func (p *pair) fail(format string, args ...any) {
	p.t.Helper()
	from := max(0, len(p.log)-25)
	p.t.Fatalf("%+v, seed %d, event %d: %s\nlast events: %s\n%s", p.o, p.seed, len(p.log), fmt.Sprintf(format, args...),
		strings.Join(p.log[from:], "; "), p.describe())
}

// describe lists both systems' states side by side.
func (p *pair) describe() string {
	var b strings.Builder
	states := p.e.Snapshot()
	for _, name := range p.names {
		s := states[name]
		x := p.x.state(idOf(name))
		role := s.Role.String()
		if !s.Up {
			role = "down"
		}
		xrole := x.role
		if !x.up {
			xrole = "down"
		}
		fmt.Fprintf(&b, "  %s engine: %s t%d commit %d log %s config %s\n     etcd: %s t%d commit %d log %s config %v/%v\n",
			name, role, s.Term, s.CommitIndex, engine.SnapshotLogText(s), engine.ConfigText(s),
			xrole, x.term, x.commit-p.x.offset, p.x.logText(idOf(name)), x.voters, x.outgoing)
	}
	return b.String()
}

// both returns the engine's server and etcd's state for name.
func (p *pair) both(name string) (*engine.Server, etcdState) {
	return p.e.Server(name), p.x.state(idOf(name))
}

// agrees reports whether name is up, in the same role and term, in both.
func (p *pair) agrees(name string) bool {
	s, x := p.both(name)
	return s.Up && x.up && s.Role.String() == x.role && uint64(s.CurrentTerm) == x.term
}

// member reports whether name is a voter of its own configuration in both
// (etcd lets no one else campaign).
func (p *pair) member(name string) bool {
	s, x := p.both(name)
	st := p.e.Snapshot()[name]
	inEngine := st.Config == nil || (slices.Contains(st.Config.New, name) || slices.Contains(st.Config.Old, name))
	return s.Up && inEngine && (slices.Contains(x.voters, idOf(name)) || slices.Contains(x.outgoing, idOf(name)))
}

// step plays one random event that both systems can take in the same
// state, then settles both.
func (p *pair) step() {
	name := p.names[p.r.IntN(len(p.names))]
	s, x := p.both(name)
	switch k := p.r.IntN(100); {
	case k < 20: // an election timer fires
		if !p.canCampaign(name) {
			return
		}
		p.event("campaign " + name)
		must(p.e.Timeout(name))
		p.x.campaign(idOf(name))
	case k < 45: // a client command to the leader
		if !p.agrees(name) || s.Role != engine.Leader || !p.current(name) {
			return
		}
		p.values++
		v := fmt.Sprintf("v%d", p.values)
		p.event("propose " + name + " " + v)
		must(p.e.ClientRequest(name, v))
		p.x.propose(idOf(name), v)
	case k < 75: // the leader's clock ticks: a heartbeat, now and then a quorum check
		if !p.agrees(name) || s.Role != engine.Leader || !p.current(name) {
			return
		}
		p.heartbeat(name)
	case k < 80:
		p.partition()
	case k < 85:
		p.event("heal")
		must(p.e.Heal())
		p.x.group = nil
	case k < 88:
		if !s.Up || !x.up {
			return
		}
		p.event("crash " + name)
		must(p.e.Crash(name))
		p.x.crash(idOf(name))
	case k < 92:
		if s.Up || x.up {
			return
		}
		p.event("restart " + name)
		must(p.e.Restart(name))
		p.x.restart(idOf(name))
	case k < 94:
		if !p.o.Snapshots {
			return
		}
		p.snapshot(name)
	default:
		if !p.o.Membership {
			return
		}
		p.changeConfig(p.leaderName())
	}
	p.settleWithHeartbeat()
}

func (p *pair) event(e string) {
	if verbose {
		p.t.Logf("%s\n%s", e, p.describe())
	}
	p.log = append(p.log, e)
	p.counts[strings.Fields(e)[0]]++
}

// canCampaign reports whether name can stand for election the same way
// in both: up, not leading, a member, and with no server it reaches in a
// term above the one it would stand for. (A voter in a later term answers
// with that term in the engine, as Figure 2 says, and drops the request in
// etcd: the candidate's terms would part; see differences_test.go.)
func (p *pair) canCampaign(name string) bool {
	s := p.e.Server(name)
	if !p.agrees(name) || s.Role == engine.Leader || !p.member(name) {
		return false
	}
	for _, o := range p.e.Servers() {
		if o.Up && o.CurrentTerm > s.CurrentTerm+1 && p.reachable(name, o.ID) {
			p.diffs["older-term request: campaign avoided"]++
			return false
		}
	}
	return true
}

// current reports whether no server the leader can reach has a higher
// term. The engine and etcd answer a stale leader differently, and an
// AppendEntries that carries entries in the engine is a heartbeat and a
// later append in etcd, which a deposition in between cuts short (see
// differences_test.go); so the schedule lets only a current leader act.
func (p *pair) current(leader string) bool {
	s := p.e.Server(leader)
	for _, o := range p.e.Servers() {
		if o.Up && o.CurrentTerm > s.CurrentTerm && p.reachable(leader, o.ID) {
			return false
		}
	}
	return true
}

func (p *pair) reachable(a, b string) bool { return p.x.connected(idOf(a), idOf(b)) }

// heartbeat is one tick of the leader's clock: with CheckQuorum, every
// electionTick-th tick checks the quorum first (etcd's tickHeartbeat).
func (p *pair) heartbeat(name string) {
	p.event("heartbeat " + name)
	key := fmt.Sprintf("%s@%d", name, p.e.Server(name).CurrentTerm)
	p.ticks[key]++
	if p.ticks[key] == electionTick {
		p.ticks[key] = 0
		if p.o.CheckQuorum {
			p.log[len(p.log)-1] += " (quorum check)"
			must(p.e.Timeout(name))
		}
	}
	if p.e.Server(name).Role == engine.Leader {
		must(p.e.Heartbeat(name))
	}
	p.x.tick(idOf(name))
}

func (p *pair) partition() {
	groups := make([][]string, 1+p.r.IntN(2))
	for _, n := range p.names {
		if g := p.r.IntN(len(groups) + 1); g < len(groups) {
			groups[g] = append(groups[g], n)
		}
	}
	var out [][]string
	group := map[uint64]int{}
	for i, g := range groups {
		if len(g) > 0 {
			out = append(out, g)
			for _, n := range g {
				group[idOf(n)] = i + 1
			}
		}
	}
	if len(out) == 0 {
		return
	}
	p.x.group = group
	p.event("partition " + engine.DescribeGroups(out, p.names))
	must(p.e.Partition(out))
}

// snapshot compacts a server's log through what it has applied, in both,
// when both have applied the same entries beyond their snapshots.
func (p *pair) snapshot(name string) {
	s, x := p.both(name)
	n := p.x.nodes[idOf(name)]
	applied := uint64(s.LastApplied) + p.x.offset
	if !s.Up || !x.up || n.applied != applied || s.LastApplied <= s.Snap.LastIncludedIndex || applied <= n.snapshot.index {
		return
	}
	p.event(fmt.Sprintf("snapshot %s through %d", name, s.LastApplied))
	must(p.e.Compact(name, 0))
	p.x.compact(idOf(name), applied)
}

// leaderName is a current leader in both, if there is one.
func (p *pair) leaderName() string {
	for _, name := range p.names {
		if s, x := p.both(name); s.Role == engine.Leader && x.role == "leader" && p.agrees(name) {
			return name
		}
	}
	return p.names[0]
}

// changeConfig asks the leader for a membership change, only when the
// network is whole, every server up, and the leader has applied its whole
// log in both (etcd refuses a change while one is pending, and the engine
// while its configuration is uncommitted).
func (p *pair) changeConfig(name string) {
	s, x := p.both(name)
	if !p.agrees(name) || s.Role != engine.Leader || p.x.group != nil || uint64(s.CommitIndex)+p.x.offset != x.lastIndex ||
		s.CommitIndex != s.Snap.LastIncludedIndex+len(s.Log) || p.x.nodes[idOf(name)].applied != x.lastIndex {
		return
	}
	// Every server up and none in a later term, so that the change
	// commits before the next event: etcd uses a configuration once it
	// is committed, the engine (§6) as soon as it is in the log.
	for _, o := range p.e.Servers() {
		if !o.Up || o.CurrentTerm > s.CurrentTerm {
			p.diffs["configuration in force: change avoided"]++
			return
		}
	}
	cur := p.e.Snapshot()[name].Config
	if cur == nil || len(cur.Old) > 0 {
		return
	}
	var in, out []string
	for _, n := range p.names {
		if slices.Contains(cur.New, n) {
			in = append(in, n)
		} else {
			out = append(out, n)
		}
	}
	switch k := p.r.IntN(3); {
	case k == 0 && len(out) > 0:
		add := out[p.r.IntN(len(out))]
		p.event("config " + name + " add " + add)
		must(p.e.ChangeConfig(name, engine.Change{Add: add}))
		p.x.changeConfig(idOf(name), &pb.ConfChange{Type: pb.ConfChangeAddNode.Enum(), NodeId: new(idOf(add))})
	case k == 1 && len(in) > 2:
		rm := in[p.r.IntN(len(in))]
		p.event("config " + name + " remove " + rm)
		must(p.e.ChangeConfig(name, engine.Change{Remove: rm}))
		p.x.changeConfig(idOf(name), &pb.ConfChange{Type: pb.ConfChangeRemoveNode.Enum(), NodeId: new(idOf(rm))})
	case k == 2:
		var next []string
		for _, n := range p.names {
			if p.r.IntN(3) > 0 {
				next = append(next, n)
			}
		}
		if len(next) < 3 || slices.Equal(next, in) {
			return
		}
		if !slices.Contains(next, name) && slices.ContainsFunc(next, func(n string) bool { return !slices.Contains(in, n) }) {
			// The engine catches new servers up before the change, etcd
			// after; a leader that leaves at once would leave them behind
			// in etcd only.
			p.diffs["new members: leader leaving with them avoided"]++
			return
		}
		p.event("config " + name + " joint " + strings.Join(next, ","))
		must(p.e.ChangeConfig(name, engine.Change{Joint: next}))
		var changes []*pb.ConfChangeSingle
		for _, n := range p.names {
			switch {
			case slices.Contains(next, n) && !slices.Contains(in, n):
				changes = append(changes, &pb.ConfChangeSingle{Type: pb.ConfChangeAddNode.Enum(), NodeId: new(idOf(n))})
			case !slices.Contains(next, n) && slices.Contains(in, n):
				changes = append(changes, &pb.ConfChangeSingle{Type: pb.ConfChangeRemoveNode.Enum(), NodeId: new(idOf(n))})
			}
		}
		p.x.changeConfig(idOf(name), &pb.ConfChangeV2{Transition: pb.ConfChangeTransitionJointImplicit.Enum(), Changes: changes})
	}
}
