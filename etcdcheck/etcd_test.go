package etcdcheck

import (
	"fmt"
	"slices"
	"strings"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
	"google.golang.org/protobuf/proto"
)

// etcdCluster runs etcd raft RawNodes by hand: storage written at once
// (synchronous writes), committed entries applied at once, messages held
// in one network until delivered, dropped across a partition or to a
// crashed node. Followers are never ticked: like the engine without a
// clock, a follower trusts its leader until it campaigns itself.
type etcdCluster struct {
	ids    []uint64
	nodes  map[uint64]*etcdNode
	net    []*pb.Message
	group  map[uint64]int // partition group; nil when healed
	opts   options
	offset uint64 // etcd's index = the engine's + offset (the bootstrap snapshot)
}

// etcdNode is one server: its RawNode (nil while crashed), its storage
// (what survives a crash), and its state machine, a register.
type etcdNode struct {
	id       uint64
	rn       *raft.RawNode
	storage  *raft.MemoryStorage
	value    string // the register
	applied  uint64
	conf     *pb.ConfState // the configuration as last applied
	snapshot snapshotInfo  // the last snapshot the node took or installed
}

type snapshotInfo struct{ index, term uint64 }

var traceNet = false

// electionTick is the leader's CheckQuorum interval in ticks; heartbeats
// go out every tick.
const electionTick = 10

func newEtcdCluster(servers int, members []int, o options) *etcdCluster {
	c := &etcdCluster{nodes: map[uint64]*etcdNode{}, opts: o, offset: 2}
	voters := make([]uint64, len(members))
	for i, m := range members {
		voters[i] = uint64(m)
	}
	for i := 1; i <= servers; i++ {
		id := uint64(i)
		n := &etcdNode{id: id, storage: raft.NewMemoryStorage()}
		if slices.Contains(voters, id) {
			// Bootstrap as the rafttest package does: a snapshot at index 2
			// of term 1 holding the initial configuration.
			snap := &pb.Snapshot{Metadata: &pb.SnapshotMetadata{Index: new(uint64(2)), Term: new(uint64(1)),
				ConfState: &pb.ConfState{Voters: voters}}}
			if err := n.storage.ApplySnapshot(snap); err != nil {
				panic(err)
			}
			n.applied, n.conf, n.snapshot = 2, snap.Metadata.ConfState, snapshotInfo{2, 1}
		}
		c.ids = append(c.ids, id)
		c.nodes[id] = n
		n.start(o)
	}
	return c
}

// appStorage is the node's storage as raft reads it: when a leader sends
// a snapshot, it is of the application's state as applied, configuration
// included (as rafttest's snapOverrideStorage does), so that a new server
// can install it.
type appStorage struct {
	*raft.MemoryStorage
	n *etcdNode
}

func (s appStorage) Snapshot() (*pb.Snapshot, error) {
	stored, err := s.MemoryStorage.Snapshot()
	if err != nil || s.n.applied <= stored.GetMetadata().GetIndex() {
		return stored, err
	}
	term, err := s.MemoryStorage.Term(s.n.applied)
	if err != nil {
		return nil, err
	}
	return &pb.Snapshot{Data: []byte(s.n.value), Metadata: &pb.SnapshotMetadata{
		Index: new(s.n.applied), Term: new(term), ConfState: s.n.conf}}, nil
}

func (n *etcdNode) start(o options) {
	rn, err := raft.NewRawNode(&raft.Config{
		ID: n.id, ElectionTick: electionTick, HeartbeatTick: 1, Storage: appStorage{n.storage, n}, Applied: n.snapshot.index,
		MaxSizePerMsg: 1 << 20, MaxInflightMsgs: 256, CheckQuorum: o.CheckQuorum, PreVote: o.PreVote,
		StepDownOnRemoval: true, Logger: quiet{},
	})
	if err != nil {
		panic(err)
	}
	n.rn = rn
}

// process handles a node's Ready until it has none: it persists, applies
// and sends, as an application of etcd raft must.
func (c *etcdCluster) process(n *etcdNode) {
	for n.rn.HasReady() {
		rd := n.rn.Ready()
		if !raft.IsEmptyHardState(rd.HardState) {
			must(n.storage.SetHardState(rd.HardState))
		}
		if !raft.IsEmptySnap(rd.Snapshot) {
			must(n.storage.ApplySnapshot(rd.Snapshot))
			n.value = string(rd.Snapshot.GetData())
			n.applied = rd.Snapshot.GetMetadata().GetIndex()
			n.conf = rd.Snapshot.GetMetadata().GetConfState()
			n.snapshot = snapshotInfo{n.applied, rd.Snapshot.GetMetadata().GetTerm()}
		}
		must(n.storage.Append(rd.Entries))
		for _, e := range rd.CommittedEntries {
			n.apply(e)
		}
		c.net = append(c.net, rd.Messages...)
		n.rn.Advance(rd)
	}
}

// apply executes one committed entry: a command sets the register; a
// configuration change is applied to raft.
func (n *etcdNode) apply(e *pb.Entry) {
	switch e.GetType() {
	case pb.EntryConfChange:
		var cc pb.ConfChange
		must(proto.Unmarshal(e.GetData(), &cc))
		n.conf = n.rn.ApplyConfChange(&cc)
	case pb.EntryConfChangeV2:
		var cc pb.ConfChangeV2
		must(proto.Unmarshal(e.GetData(), &cc))
		n.conf = n.rn.ApplyConfChange(&cc)
	default:
		if len(e.GetData()) > 0 {
			n.value = string(e.GetData())
		}
	}
	n.applied = e.GetIndex()
}

// stabilize delivers every message, round after round, until none is
// left; it reports false if that takes too long.
func (c *etcdCluster) stabilize() bool {
	for _, id := range c.ids {
		if n := c.nodes[id]; n.rn != nil {
			c.process(n)
		}
	}
	for round := 0; len(c.net) > 0; round++ {
		if round > 500 {
			return false
		}
		msgs := c.net
		c.net = nil
		for _, m := range msgs {
			if traceNet {
				fmt.Println("deliver", m.GetType(), m.GetFrom(), "→", m.GetTo(), "term", m.GetTerm(), "connected", c.connected(m.GetFrom(), m.GetTo()))
			}
			to := c.nodes[m.GetTo()]
			if to == nil || to.rn == nil || !c.connected(m.GetFrom(), m.GetTo()) {
				continue
			}
			_ = to.rn.Step(m) // a stale or unknown message is refused; the engine would ignore it too
			c.process(to)
		}
	}
	return true
}

func (c *etcdCluster) connected(a, b uint64) bool {
	if c.group == nil {
		return true
	}
	return c.group[a] != 0 && c.group[a] == c.group[b]
}

func (c *etcdCluster) campaign(id uint64) {
	n := c.nodes[id]
	must(n.rn.Campaign())
	c.process(n)
}

func (c *etcdCluster) propose(id uint64, v string) {
	n := c.nodes[id]
	must(n.rn.Propose([]byte(v)))
	c.process(n)
}

// tick is a leader's clock advancing one tick: a heartbeat, and every
// electionTick ticks a quorum check.
func (c *etcdCluster) tick(id uint64) {
	n := c.nodes[id]
	n.rn.Tick()
	c.process(n)
}

func (c *etcdCluster) crash(id uint64) {
	n := c.nodes[id]
	n.rn = nil
	n.value, n.applied = "", 0
}

// restart reads the node back from its storage: the last snapshot into
// the state machine, and raft re-delivers the committed entries after it.
func (c *etcdCluster) restart(id uint64) {
	n := c.nodes[id]
	snap, err := n.storage.Snapshot()
	must(err)
	n.value = string(snap.GetData())
	n.snapshot = snapshotInfo{snap.GetMetadata().GetIndex(), snap.GetMetadata().GetTerm()}
	n.applied = n.snapshot.index
	n.conf = snap.GetMetadata().GetConfState()
	n.start(c.opts)
	c.process(n)
}

// compact is the application's snapshot: its state through the index it
// has applied, then the log compacted up to it.
func (c *etcdCluster) compact(id uint64, index uint64) {
	n := c.nodes[id]
	if index <= n.snapshot.index || index > n.applied {
		panic(fmt.Sprintf("compact %d at %d: snapshot %d, applied %d", id, index, n.snapshot.index, n.applied))
	}
	// The state as of index: the engine's snapshot step compacts through
	// lastApplied, which is what the driver asks for.
	snap, err := n.storage.CreateSnapshot(index, n.conf, []byte(n.value))
	must(err)
	must(n.storage.Compact(index))
	n.snapshot = snapshotInfo{index, snap.GetMetadata().GetTerm()}
}

func (c *etcdCluster) changeConfig(id uint64, cc pb.ConfChangeI) {
	n := c.nodes[id]
	must(n.rn.ProposeConfChange(cc))
	c.process(n)
}

// state is what the comparison reads of a node.
type etcdState struct {
	up               bool
	role             string
	term, vote       uint64
	commit           uint64
	lastIndex        uint64
	firstIndex       uint64 // first index in the log (after the snapshot)
	value            string
	voters, outgoing []uint64
}

func (c *etcdCluster) state(id uint64) etcdState {
	n := c.nodes[id]
	st := etcdState{up: n.rn != nil}
	hs, _, err := n.storage.InitialState()
	must(err)
	st.term, st.vote, st.commit = hs.GetTerm(), hs.GetVote(), hs.GetCommit()
	st.lastIndex, _ = n.storage.LastIndex()
	st.firstIndex, _ = n.storage.FirstIndex()
	st.value = n.value
	if n.rn != nil {
		s := n.rn.Status()
		st.role = roleName(s.RaftState)
		st.commit = s.HardState.GetCommit()
		st.voters = s.Config.Voters[0].Slice()
		st.outgoing = s.Config.Voters[1].Slice()
	}
	return st
}

// logText writes a node's log as the engine's text trace does, after its
// snapshot ("[≤3 t1]"), with etcd's indexes shifted to the engine's.
func (c *etcdCluster) logText(id uint64) string {
	first, _ := c.nodes[id].storage.FirstIndex()
	last, _ := c.nodes[id].storage.LastIndex()
	term, _ := c.nodes[id].storage.Term(first - 1)
	parts := []string{fmt.Sprintf("[≤%d t%d]", int(first-1)-int(c.offset), term)}
	for _, e := range c.entries(id, first, last+1) {
		switch {
		case e.GetType() != pb.EntryNormal:
			parts = append(parts, fmt.Sprintf("%d:C", e.GetTerm()))
		case len(e.GetData()) == 0:
			parts = append(parts, fmt.Sprint(e.GetTerm()))
		default:
			parts = append(parts, fmt.Sprintf("%d:%s", e.GetTerm(), e.GetData()))
		}
	}
	return strings.Join(parts, " ")
}

// entries are the log entries in [lo, hi) the storage still holds.
func (c *etcdCluster) entries(id uint64, lo, hi uint64) []*pb.Entry {
	if lo >= hi {
		return nil
	}
	ents, err := c.nodes[id].storage.Entries(lo, hi, 1<<30)
	must(err)
	return ents
}

func roleName(s raft.StateType) string {
	switch s {
	case raft.StateLeader:
		return "leader"
	case raft.StateCandidate:
		return "candidate"
	case raft.StatePreCandidate:
		return "pre-candidate"
	}
	return "follower"
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// quiet is a raft.Logger that writes nothing: the comparison reports.
type quiet struct{}

func (quiet) Debug(...any)            {}
func (quiet) Debugf(string, ...any)   {}
func (quiet) Error(...any)            {}
func (quiet) Errorf(string, ...any)   {}
func (quiet) Info(...any)             {}
func (quiet) Infof(string, ...any)    {}
func (quiet) Warning(...any)          {}
func (quiet) Warningf(string, ...any) {}
func (quiet) Fatal(v ...any)          { panic(fmt.Sprint(v...)) }
func (quiet) Fatalf(f string, v ...any) {
	panic(fmt.Sprintf(f, v...))
}
func (quiet) Panic(v ...any)            { panic(fmt.Sprint(v...)) }
func (quiet) Panicf(f string, v ...any) { panic(fmt.Sprintf(f, v...)) }
