package engine

import "fmt"

// Log compaction (§7, Figure 13). A server replaces the applied prefix of
// its log by a snapshot of its state machine; a leader whose log no
// longer holds the entries a follower needs sends it the snapshot.

// Snapshot is what a compacted prefix of the log became: the index and
// term of the last entry it replaces, and the state machine as of that
// entry, with its client sessions and the configuration then in force
// (§7: "the snapshot also includes the latest configuration as of the
// last included index").
type Snapshot struct {
	LastIncludedIndex int
	LastIncludedTerm  int
	State             StateMachine
	Config            Membership // zero when the exercise changes no membership
}

func (sn Snapshot) clone() Snapshot {
	sn.State = sn.State.Clone()
	return sn
}

// TakeSnapshot compacts the log through index (§7): the state machine as
// it was after applying that entry, the entry's index and term, and the
// configuration then; the entries up to it leave the log. Each server
// does this on its own, and only over entries it has applied.
func (s *Server) TakeSnapshot(index int) {
	s.begin(0)
	count := s.compactThrough(index)
	s.explain(RuleSnapshot, SaySnapshot, number("index", index), number("term", s.Snap.LastIncludedTerm),
		number("count", count))
}

// snapshotIfDue is the automatic policy (option snapshot_after): once the
// log holds that many applied entries beyond the snapshot, the server
// snapshots at lastApplied.
func (s *Server) snapshotIfDue() {
	after := s.cfg.Options.SnapshotAfter
	if after == 0 || s.LastApplied-s.base() < after {
		return
	}
	index := s.LastApplied
	count := s.compactThrough(index)
	s.explain(RuleSnapshot, SaySnapshotAuto, number("count", count), number("after", after),
		number("index", index), number("term", s.Snap.LastIncludedTerm))
}

// compactThrough replaces the entries up to index (base < index ≤
// lastApplied) by a snapshot, and returns how many it discarded. The
// state is the previous snapshot's with the entries up to index applied
// again, so a snapshot below lastApplied holds the state as of its index.
func (s *Server) compactThrough(index int) int {
	sn := Snapshot{LastIncludedIndex: index, LastIncludedTerm: s.termAt(index), State: s.Snap.State.Clone()}
	if s.cfg.membershipChanges() {
		sn.Config = s.configAt(index)
	}
	if s.base() == 0 {
		sn.State = StateMachine{Kind: s.cfg.StateMachine}
	}
	for i := s.base() + 1; i <= index; i++ {
		sn.State.Apply(s.entryAt(i))
	}
	count := index - s.base()
	s.noteCompacted(s.Log[:count])
	s.Log = append(Log(nil), s.Log[count:]...)
	s.Snap = sn
	return count
}

// sendInstallSnapshot sends peer the leader's snapshot in one chunk
// (Figure 13 with offset 0 and done true, as etcd does): the follower
// needs entries the leader has already compacted.
func (s *Server) sendInstallSnapshot(peer string) {
	why := s.explain(RuleSendSnapshot, SaySendSnapshot, text("peer", peer), number("nextIndex", s.NextIndex[peer]),
		number("base", s.base()))
	s.send(why, Message{Type: InstallSnapshot, To: peer, LeaderID: s.ID,
		LastIncludedIndex: s.Snap.LastIncludedIndex, LastIncludedTerm: s.Snap.LastIncludedTerm, Data: s.Snap.clone()})
}

// handleInstallSnapshot is the receiver side of Figure 13. A snapshot no
// newer than the one held is ignored; one whose last entry the log holds
// keeps the entries after it (step 6); otherwise the whole log goes (step
// 7). The state machine is reset from the snapshot unless it is already
// past it (step 8).
func (s *Server) handleInstallSnapshot(m Message) {
	from := text("from", m.From)
	reply := Message{Type: InstallSnapshotReply, To: m.From, InReplyTo: m.ID, MatchIndex: m.LastIncludedIndex}
	if m.Term < s.CurrentTerm {
		why := s.explain(RuleOlderTermRequest, SayRejectSnapshotOld, from, number("requestTerm", m.Term), number("term", s.CurrentTerm))
		reply.MatchIndex = 0
		s.send(why, reply)
		return
	}
	s.heardFromLeader(m)
	index, term := m.LastIncludedIndex, m.LastIncludedTerm
	if index <= s.base() {
		why := s.explain(RuleInstallSnapshot, SaySnapshotStale, from, number("base", s.base()), number("index", index))
		s.keep(why, whole(AttrSnapshot))
		s.send(why, reply)
		return
	}
	var why int
	if index <= s.lastIndex() && s.termAt(index) == term {
		kept := s.lastIndex() - index
		s.noteCompacted(s.Log[:index-s.base()])
		s.Log = append(Log(nil), s.Log[index-s.base():]...)
		s.Snap = m.Data.clone()
		why = s.explain(RuleInstallSnapshot, SaySnapshotRetain, number("index", index), number("term", term), number("count", kept))
	} else {
		count := len(s.Log)
		say := SaySnapshotSave
		if count > 0 {
			s.noteRewritten(s.base() + 1)
			say = SaySnapshotDiscard
		}
		s.Log = nil
		s.Snap = m.Data.clone()
		why = s.explain(RuleInstallSnapshot, say, number("index", index), number("term", term), number("count", count))
	}
	if s.LastApplied < index {
		s.StateMachine = s.Snap.State.Clone()
		s.CommitIndex, s.LastApplied = max(s.CommitIndex, index), index
		why = s.explain(RuleInstallSnapshot, SaySnapshotLoad, state("state", s.StateMachine.String()), number("index", index))
	}
	s.send(why, reply)
}

// handleInstallSnapshotReply is the leader's bookkeeping after
// InstallSnapshot: the follower now holds the entries up to the
// snapshot's lastIncludedIndex, so matchIndex grows to it and nextIndex
// follows, as after a successful AppendEntries (Figure 2).
func (s *Server) handleInstallSnapshotReply(m Message) {
	from := text("from", m.From)
	switch {
	case m.Term < s.CurrentTerm:
		s.explain(RuleOlderTermReply, SaySnapshotReplyOld, from, number("replyTerm", m.Term), number("term", s.CurrentTerm))
	case s.Role != Leader:
		s.explain(RuleNotLeader, SaySnapshotReplyNotLead, from)
	case !hasKey(s.NextIndex, m.From):
		s.explain(RuleConfigEntry, SayReplyNotPeer, from)
	default:
		s.recordSuccess(m)
		s.noteActive(m.From)
	}
}

// restoreSnapshot is a restart's reading of the snapshot on disk (§7): the
// state machine starts from it, and commitIndex and lastApplied with it.
func (s *Server) restoreSnapshot() {
	s.StateMachine = s.Snap.State.Clone()
	s.CommitIndex, s.LastApplied = s.base(), s.base()
}

// noteCompacted hands the checker the entries a snapshot is about to
// replace (the first ones of the log), with the term before them, so that
// it can check them as it would have in the log.
func (s *Server) noteCompacted(entries []Entry) {
	if len(entries) == 0 {
		return
	}
	if s.compactedEntries == nil {
		s.compactedEntries = map[int]compactedEntry{}
	}
	prevTerm := s.Snap.LastIncludedTerm
	for i, e := range entries {
		s.compactedEntries[s.base()+1+i] = compactedEntry{e, prevTerm}
		prevTerm = e.Term
	}
}

// compactedEntry is an entry a snapshot replaced and the term of the
// entry before it.
type compactedEntry struct {
	Entry
	prevTerm int
}

// key is the snapshot in a word, to tell whether it changed: "" when none.
func (sn Snapshot) key() string {
	if sn.LastIncludedIndex == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d/%s/%s", sn.LastIncludedIndex, sn.LastIncludedTerm, sn.State.key(), sn.Config)
}
