package engine

// ClientRequest: the leader appends a client's command to its log as a new
// entry of its term (§5.3). It leaves for the followers with the next
// heartbeat, or at once when the exercise replicates immediately.
func (s *Server) ClientRequest(value string) { s.ClientCommand(Command{Value: value}) }

// ClientCommand is ClientRequest for a command that may belong to a
// client session (§8): one already executed is answered from the session
// instead.
func (s *Server) ClientCommand(cmd Command) {
	s.begin(0)
	if s.answerDuplicate(cmd) {
		return
	}
	s.appendToLog(Entry{Term: s.CurrentTerm, Value: cmd.Value, Client: cmd.Session, Seq: cmd.Seq})
	args := []Arg{quoted("value", cmd.Value), number("index", s.lastIndex()), number("term", s.CurrentTerm)}
	var why int
	if cmd.Session == "" {
		why = s.explain(RuleClientAppend, SayClientAppend, args...)
	} else {
		why = s.explain(RuleClientAppend, SaySessionAppend, append(args, text("client", cmd.Session), number("seq", cmd.Seq))...)
	}
	if s.cfg.Options.Replicate == ReplicateImmediately {
		for _, p := range s.peers() {
			s.sendAppendEntries(why, p)
		}
	}
	s.advanceCommitIndex("", 0)
}

// Heartbeat: the leader sends AppendEntries to every peer, carrying the
// entries from each one's nextIndex on, or none (§5.2, §5.3). Only an
// AppendEntries that carries no entries is a heartbeat in §5.2's sense.
func (s *Server) Heartbeat() {
	s.begin(0)
	var why int
	if s.anyBehind() {
		why = s.explain(RuleSendEntries, SaySendEntries)
	} else {
		why = s.explain(RuleHeartbeat, SayHeartbeat)
	}
	for _, p := range s.peers() {
		s.sendAppendEntries(why, p)
	}
	s.heartbeatSent = true
}

// anyBehind reports whether some peer's nextIndex is within the log: an
// AppendEntries to it carries entries.
func (s *Server) anyBehind() bool {
	for _, p := range s.peers() {
		if s.NextIndex[p] <= s.lastIndex() {
			return true
		}
	}
	return false
}

// sendAppendEntries sends peer the entries from nextIndex[peer] on (at most
// MaxEntries of them), with the entry before them for the consistency check.
// When that entry is already compacted, the peer gets the snapshot
// instead (§7).
func (s *Server) sendAppendEntries(why int, peer string) {
	prev := s.NextIndex[peer] - 1
	if prev < s.base() {
		s.sendInstallSnapshot(peer)
		return
	}
	entries := s.entriesFrom(prev + 1)
	if max := s.cfg.Options.MaxEntries; max > 0 && len(entries) > max {
		entries = entries[:max]
	}
	s.send(why, Message{Type: AppendEntries, To: peer, LeaderID: s.ID,
		PrevLogIndex: prev, PrevLogTerm: s.termAt(prev),
		Entries: Log(entries).Clone(), LeaderCommit: s.CommitIndex, ReadRound: s.roundTag})
}

// handleAppendEntries is the receiver side of AppendEntries (Figure 2).
func (s *Server) handleAppendEntries(m Message) {
	from := text("from", m.From)
	if m.Term < s.CurrentTerm {
		why := s.explain(RuleOlderTermRequest, SayRejectOlderTerm, from, number("requestTerm", m.Term), number("term", s.CurrentTerm))
		s.send(why, Message{Type: AppendEntriesReply, To: m.From, InReplyTo: m.ID})
		return
	}
	s.heardFromLeader(m)
	if !s.hasEntry(m.PrevLogIndex, m.PrevLogTerm) {
		why := s.explainMismatch(m)
		reply := s.appendReply(m, false, 0)
		if s.cfg.Options.Backup == BackupConflictTerm {
			reply.ConflictTerm, reply.ConflictIndex = s.conflictHints(m)
			reply.Hinted = true
		}
		s.send(why, reply)
		return
	}
	why := -1
	switch {
	case m.PrevLogIndex < s.base():
		why = s.explain(RuleConsistencyCheck, SayAcceptCompacted, from, number("prevLogIndex", m.PrevLogIndex), number("base", s.base()))
	case len(m.Entries) == 0:
		why = s.explain(RuleConsistencyCheck, SayAcceptHeartbeat, from, number("prevLogIndex", m.PrevLogIndex))
	}
	if stored := s.storeEntries(m.PrevLogIndex, m.Entries); stored >= 0 {
		why = stored
	}
	// The snapshot's entries match the leader's too (committed, §5.4.3).
	lastNew := max(m.PrevLogIndex+len(m.Entries), s.base())
	if m.LeaderCommit > s.CommitIndex {
		if c := s.followerCommit(m.LeaderCommit, lastNew); c > s.CommitIndex { // min(leaderCommit, lastNew) unless mutated (mutate.go)
			s.CommitIndex = c
			say := SayFollowerCommit
			if len(m.Entries) == 0 {
				say = SayHeartbeatCommit
			}
			s.explain(RuleFollowerCommit, say, number("commitIndex", c), number("leaderCommit", m.LeaderCommit), number("lastNew", lastNew))
			s.applyCommitted()
		}
	}
	s.send(why, s.appendReply(m, true, lastNew))
}

// appendReply answers AppendEntries m. With reads on, it echoes the
// heartbeat round m belongs to and, for a lease, when m was sent.
func (s *Server) appendReply(m Message, success bool, match int) Message {
	r := Message{Type: AppendEntriesReply, To: m.From, InReplyTo: m.ID, Success: success, MatchIndex: match, ReadRound: m.ReadRound}
	if s.cfg.Options.Reads == ReadLease && m.Timed {
		r.RequestSentMs, r.EchoesSent = m.SentMs, true
	}
	return r
}

// heardFromLeader: an AppendEntries or InstallSnapshot of the current
// term comes from its leader, which restarts the election timer (Figure 2)
// and makes a candidate of that term a follower (§5.2).
func (s *Server) heardFromLeader(m Message) {
	s.timerReset = true
	s.noteLeaderContact()
	if s.Role == Candidate || s.Role == PreCandidate {
		s.becomeFollower()
		s.explain(RuleAcceptLeader, SayRecognize, text("from", m.From), number("term", m.Term))
	}
}

func (s *Server) explainMismatch(m Message) int {
	var why int
	if m.PrevLogIndex > s.lastIndex() {
		why = s.explain(RuleConsistencyCheck, SayRejectNoEntry, text("from", m.From), number("prevLogIndex", m.PrevLogIndex))
	} else {
		why = s.explain(RuleConsistencyCheck, SayRejectTerm, text("from", m.From), number("prevLogIndex", m.PrevLogIndex),
			number("term", s.termAt(m.PrevLogIndex)), number("prevLogTerm", m.PrevLogTerm))
	}
	s.keep(why, logAttr(m.PrevLogIndex, m.PrevLogIndex)) // index 0 always matches: a mismatch is at 1 or above
	return why
}

// storeEntries puts entries at prev+1, prev+2, … (§5.3): an entry already
// present with the same term is kept; the first one that conflicts (same
// index, different term) is deleted with all that follow it, and the rest
// appended. An entry beyond those sent is never deleted, so a stale,
// shorter AppendEntries cannot shorten the log. It returns the reason that
// decides the reply (appends, or already holds), -1 when there were no
// entries.
func (s *Server) storeEntries(prev int, entries []Entry) int {
	first, last := 0, 0 // range of newly written indexes
	for i, e := range entries {
		idx := prev + 1 + i
		if s.compacted(idx) {
			continue // in the snapshot: committed, the same as the leader's
		}
		if idx <= s.lastIndex() {
			if s.termAt(idx) == e.Term {
				continue
			}
			if s.overwritesInPlace(idx, e) { // Mutation hook (mutate.go)
				continue
			}
			count, term := s.lastIndex()-idx+1, s.termAt(idx)
			s.truncateLog(idx)
			s.explain(RuleTruncate, SayDelete, number("count", count), number("index", idx), number("term", term), number("leaderTerm", e.Term))
		}
		s.appendToLog(e)
		if first == 0 {
			first = idx
		}
		last = idx
	}
	switch {
	case first != 0:
		return s.explain(RuleAppendNew, SayAppend, span("entries", first, last))
	case len(entries) > 0:
		why := s.explain(RuleKeepPresent, SayAlreadyHolds, span("entries", prev+1, prev+len(entries)))
		s.keep(why, logAttr(prev+1, prev+len(entries)))
		return why
	}
	return -1
}

// handleAppendEntriesReply is the leader's bookkeeping (Figure 2): on
// success matchIndex grows to what the follower holds and nextIndex follows
// it; on a failed consistency check nextIndex backs up by one and the leader
// retries at once (§5.3).
func (s *Server) handleAppendEntriesReply(m Message) {
	from := text("from", m.From)
	switch {
	case m.Term < s.CurrentTerm:
		s.explain(RuleOlderTermReply, SayAEReplyOld, from, number("replyTerm", m.Term), number("term", s.CurrentTerm))
	case s.Role != Leader:
		s.explain(RuleNotLeader, SayAEReplyNotLead, from)
	case !hasKey(s.NextIndex, m.From):
		s.explain(RuleConfigEntry, SayReplyNotPeer, from)
	case m.Success:
		s.recordSuccess(m)
		s.heardFromFollower(m)
	default:
		s.backUp(m)
		s.heardFromFollower(m)
	}
}

// heardFromFollower: any answer of the leader's term shows the follower
// still follows it, which reads and leases count on (read.go, lease.go).
func (s *Server) heardFromFollower(m Message) {
	if s.Role != Leader {
		return
	}
	s.noteActive(m.From)
	if m.EchoesSent {
		s.noteLeaseAck(m.From, m.RequestSentMs)
	}
	s.confirmReads(m)
}

func (s *Server) recordSuccess(m Message) {
	p := m.From
	oldMatch, oldNext := s.MatchIndex[p], s.NextIndex[p]
	s.MatchIndex[p] = max(oldMatch, m.MatchIndex)
	s.NextIndex[p] = s.MatchIndex[p] + 1
	var why int
	if s.MatchIndex[p] != oldMatch || s.NextIndex[p] != oldNext {
		why = s.explain(RuleLeaderIndexes, SaySuccess, text("peer", p), number("matchIndex", s.MatchIndex[p]), number("nextIndex", s.NextIndex[p]))
	} else {
		why = s.explain(RuleLeaderIndexes, SayNothingNew, text("peer", p), number("matchIndex", s.MatchIndex[p]))
		s.keep(why, peerAttr(AttrMatchIndex, p))
	}
	if s.MatchIndex[p] != oldMatch {
		s.advanceCommitIndex(p, oldMatch)
	}
	s.checkCaughtUp()
	if s.cfg.Options.Replicate == ReplicateImmediately && s.NextIndex[p] <= s.lastIndex() {
		s.sendAppendEntries(why, p)
	}
}

// backUp is the decrement-by-one rule of §5.3. nextIndex never falls to or
// below matchIndex: a follower cannot lose entries it confirmed this term,
// so a rejection then is a late duplicate and is ignored.
func (s *Server) backUp(m Message) {
	p := m.From
	peer := text("peer", p)
	if s.NextIndex[p]-1 <= s.MatchIndex[p] {
		say := SayStaleRejection
		if s.NextIndex[p] == 1 {
			say = SayStaleAtOne
		}
		why := s.explain(RuleStaleRejection, say, peer, number("matchIndex", s.MatchIndex[p]), number("nextIndex", s.NextIndex[p]))
		s.keep(why, peerAttr(AttrNextIndex, p))
		return
	}
	if m.Hinted {
		s.backUpByHints(m)
		return
	}
	s.NextIndex[p]--
	why := s.explain(RuleBackUp, SayBackUp, peer, number("nextIndex", s.NextIndex[p]))
	s.sendAppendEntries(why, p)
}
