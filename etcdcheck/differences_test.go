package etcdcheck

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	pb "go.etcd.io/raft/v3/raftpb"
)

// Where the engine follows the paper and etcd raft differs. Each test
// plays the same events on both and asserts the difference, so that the
// list in the README ("How the engine reads the paper") stays true: if
// either side changes, its test fails. The random schedules
// (TestEngineAgreesWithEtcd) steer clear of these, or allow them.

// campaign times out name in both and settles.
func (p *pair) campaignBoth(name string) {
	must(p.e.Timeout(name))
	p.x.campaign(idOf(name))
	p.settle()
}

// isolate cuts name off from the others, which stay together.
func (p *pair) isolate(name string) {
	var rest []string
	p.x.group = map[uint64]int{idOf(name): 1}
	for _, n := range p.names {
		if n != name {
			rest = append(rest, n)
			p.x.group[idOf(n)] = 2
		}
	}
	must(p.e.Partition([][]string{{name}, rest}))
}

func (p *pair) heal() {
	must(p.e.Heal())
	p.x.group = nil
}

// A RequestVote from an older term: Figure 2 answers it (voteGranted
// false with currentTerm, and the candidate adopts the newer term); etcd
// drops it and the candidate stays a candidate in its own term.
func TestDifferenceOlderTermRequestVote(t *testing.T) {
	p := newPair(t, 1, options{})
	p.campaignBoth("S1") // S1 leads term 1
	p.isolate("S2")
	p.campaignBoth("S2") // S2 alone: candidate of term 2
	p.campaignBoth("S2") // term 3
	p.heal()
	must(p.e.Crash("S1"))
	p.x.crash(1)
	// S3 (term 1) stands for term 2; S2 is in term 3.
	p.campaignBoth("S3")
	s, x := p.both("S3")
	if s.CurrentTerm != 3 || s.Role != engine.Follower {
		t.Errorf("engine: S3 is a %s of term %d; S2's answer in term 3 should make it a follower of term 3", s.Role, s.CurrentTerm)
	}
	if x.term != 2 || x.role != "candidate" {
		t.Errorf("etcd: S3 is a %s of term %d; etcd drops S2's older-term request and S3 stays a candidate of term 2", x.role, x.term)
	}
}

// A vote in a term whose leader the voter already follows, without having
// voted: Figure 2 grants it (votedFor is null); etcd refuses while it
// knows a leader of that term. The candidate cannot win either way: the
// leader had a majority of the term's votes.
func TestDifferenceVoteWithAKnownLeader(t *testing.T) {
	p := newPair(t, 1, options{})
	p.isolate("S3")
	p.campaignBoth("S1") // S1 leads term 1 with S2's vote; S3 never hears
	p.heal()
	p.heartbeat("S1") // S3 learns of S1, and term 1, from AppendEntries
	p.settle()
	if s, x := p.both("S3"); s.VotedFor != "" || x.vote != 0 || x.term != 1 {
		t.Fatalf("S3 should follow term 1 without a vote: engine %q, etcd %d in term %d", s.VotedFor, x.vote, x.term)
	}
	// S2's RequestVote of term 1 (a copy delayed in the network, say).
	e3 := p.e.Server("S3")
	e3.Step(engine.Message{ID: 99, Type: engine.RequestVote, From: "S2", To: "S3", Term: 1, CandidateID: "S2",
		LastLogIndex: e3.Snap.LastIncludedIndex + len(e3.Log), LastLogTerm: e3.Log[len(e3.Log)-1].Term})
	n := p.x.nodes[3]
	last, _ := n.storage.LastIndex()
	must(n.rn.Step(&pb.Message{Type: pb.MsgVote.Enum(), From: new(uint64(2)), To: new(uint64(3)), Term: new(uint64(1)),
		Index: new(last), LogTerm: new(uint64(1))}))
	p.x.process(n)
	if e3.VotedFor != "S2" {
		t.Errorf("engine: S3 voted for %q; Figure 2 grants a vote not yet cast", e3.VotedFor)
	}
	if x := p.x.state(3); x.vote != 0 {
		t.Errorf("etcd: S3 voted for %d; etcd refuses while it knows the term's leader", x.vote)
	}
}

// commitIndex after a restart: volatile in Figure 2, so the engine's
// restarted server starts from 0 until a leader tells it; etcd keeps it in
// its HardState.
func TestDifferenceCommitIndexSurvivesInEtcd(t *testing.T) {
	p := newPair(t, 1, options{})
	p.campaignBoth("S1")
	must(p.e.ClientRequest("S1", "x"))
	p.x.propose(1, "x")
	p.settle()
	p.heartbeat("S1")
	p.settle()
	must(p.e.Crash("S2"))
	p.x.crash(2)
	must(p.e.Restart("S2"))
	p.x.restart(2)
	s, x := p.both("S2")
	if s.CommitIndex != 0 || x.commit-p.x.offset != 2 {
		t.Errorf("restarted S2: engine commitIndex %d (want 0), etcd %d (want 2)", s.CommitIndex, x.commit-p.x.offset)
	}
}

// The configuration in force: the engine uses the latest in its log,
// committed or not (§6); etcd uses a change once it is applied.
func TestDifferenceConfigurationInForce(t *testing.T) {
	p := newPair(t, 1, options{Membership: true})
	p.campaignBoth("S1")
	p.heartbeat("S1")
	p.settle()
	// The change's entry is appended but cannot commit: S1 is cut off.
	p.isolate("S1")
	must(p.e.ChangeConfig("S1", engine.Change{Remove: "S3"}))
	p.x.changeConfig(1, &pb.ConfChange{Type: pb.ConfChangeRemoveNode.Enum(), NodeId: new(uint64(3))})
	p.settle()
	if c := p.e.Snapshot()["S1"].Config; len(c.New) != 2 {
		t.Errorf("engine: S1 uses %s; the uncommitted {S1, S2} is in force", c.Words())
	}
	if x := p.x.state(1); len(x.voters) != 3 {
		t.Errorf("etcd: S1 uses %v; an unapplied change is not in force", x.voters)
	}
}

// InstallSnapshot to a follower that holds the snapshot's last entry:
// Figure 13 (step 6) saves the snapshot and keeps the entries after it;
// etcd ignores the snapshot and only advances its commit index.
func TestDifferenceSnapshotOverAMatchingLog(t *testing.T) {
	c := engine.NewCluster(engine.Config{Servers: []string{"S1", "S2"}})
	s2 := c.Server("S2")
	s2.CurrentTerm, s2.Log = 1, engine.Log{{Term: 1, Value: "a"}, {Term: 1, Value: "b"}}
	s2.Step(engine.Message{ID: 1, Type: engine.InstallSnapshot, From: "S1", To: "S2", Term: 1,
		LastIncludedIndex: 1, LastIncludedTerm: 1, Data: engine.Snapshot{LastIncludedIndex: 1, LastIncludedTerm: 1}})
	if s2.Snap.LastIncludedIndex != 1 || len(s2.Log) != 1 {
		t.Errorf("engine: S2's snapshot reaches %d with %d entries after it; Figure 13 keeps the following entry", s2.Snap.LastIncludedIndex, len(s2.Log))
	}
	x := newEtcdCluster(2, []int{1, 2}, options{})
	n := x.nodes[2]
	must(n.storage.Append([]*pb.Entry{{Index: new(uint64(3)), Term: new(uint64(1)), Data: []byte("a")},
		{Index: new(uint64(4)), Term: new(uint64(1)), Data: []byte("b")}}))
	n.start(options{})
	must(n.rn.Step(&pb.Message{Type: pb.MsgSnap.Enum(), From: new(uint64(1)), To: new(uint64(2)), Term: new(uint64(1)),
		Snapshot: &pb.Snapshot{Data: []byte("a"), Metadata: &pb.SnapshotMetadata{Index: new(uint64(3)), Term: new(uint64(1)),
			ConfState: &pb.ConfState{Voters: []uint64{1, 2}}}}}))
	x.process(n)
	if first, _ := n.storage.FirstIndex(); first != 3 || n.rn.Status().HardState.GetCommit() != 3 {
		t.Errorf("etcd: S2's log starts at %d, commit %d; etcd keeps its log and only commits up to the snapshot", first, n.rn.Status().HardState.GetCommit())
	}
}

// PreVote without CheckQuorum: the dissertation's pre-vote is refused by a
// server that heard from a leader lately; etcd applies that only with
// CheckQuorum, and without it grants on the log alone.
func TestDifferencePreVoteWithoutCheckQuorum(t *testing.T) {
	p := newPair(t, 1, options{PreVote: true})
	p.parted = true
	p.campaignBoth("S1") // S1 leads term 1
	p.heartbeat("S1")
	p.settle()
	p.campaignBoth("S2") // S2's pre-vote: S3 follows S1
	s, x := p.both("S2")
	if s.Role != engine.PreCandidate {
		t.Errorf("engine: S2 is a %s; S1 and S3 trust their leader and refuse the pre-vote", s.Role)
	}
	if x.role != "leader" {
		t.Errorf("etcd: S2 is a %s; without CheckQuorum etcd grants the pre-vote and S2 wins term 2", x.role)
	}
}

// A server outside its own configuration: the dissertation (§4.2.2) lets
// it stand for election (it does not count its own vote); etcd lets only
// a voter campaign.
func TestDifferenceCampaignOutsideTheConfiguration(t *testing.T) {
	p := newPair(t, 1, options{Membership: true})
	p.campaignBoth("S1")
	p.heartbeat("S1")
	p.settle()
	must(p.e.ChangeConfig("S1", engine.Change{Remove: "S1"}))
	p.x.changeConfig(1, &pb.ConfChange{Type: pb.ConfChangeRemoveNode.Enum(), NodeId: new(uint64(1))})
	p.settle()
	if s, x := p.both("S1"); s.Role != engine.Follower || x.role != "follower" {
		t.Fatalf("S1 should have stepped down in both: engine %s, etcd %s", s.Role, x.role)
	}
	p.parted = true
	must(p.e.Timeout("S1"))
	p.x.campaign(1)
	if s, x := p.both("S1"); s.Role != engine.Candidate || x.role != "follower" {
		t.Errorf("after S1's timeout: engine %s (want candidate), etcd %s (want follower: not promotable)", s.Role, x.role)
	}
}

// A change the leader refuses (one is already in progress): the engine
// appends nothing; etcd appends an empty entry in its place.
func TestDifferenceRefusedChange(t *testing.T) {
	p := newPair(t, 1, options{Membership: true})
	p.campaignBoth("S1")
	p.heartbeat("S1")
	p.settle()
	must(p.e.ChangeConfig("S1", engine.Change{Remove: "S3"}))
	p.x.changeConfig(1, &pb.ConfChange{Type: pb.ConfChangeRemoveNode.Enum(), NodeId: new(uint64(3))})
	must(p.e.ChangeConfig("S1", engine.Change{Remove: "S2"}))
	p.x.changeConfig(1, &pb.ConfChange{Type: pb.ConfChangeRemoveNode.Enum(), NodeId: new(uint64(2))})
	s, x := p.both("S1")
	if last := s.Snap.LastIncludedIndex + len(s.Log); uint64(last)+p.x.offset+1 != x.lastIndex {
		t.Errorf("engine's last index %d, etcd's %d: etcd should hold one entry more (the refused change, emptied)", last, x.lastIndex-p.x.offset)
	}
	ents := p.x.entries(1, x.lastIndex, x.lastIndex+1)
	if len(ents) != 1 || ents[0].GetType() != pb.EntryNormal || len(ents[0].GetData()) != 0 {
		t.Errorf("etcd's last entry should be empty: %v", ents)
	}
}
