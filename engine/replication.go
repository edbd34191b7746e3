package engine

// ClientRequest: the leader appends a client's command to its log as a new
// entry of its term (§5.3). It leaves for the followers with the next
// heartbeat, or at once when the exercise replicates immediately.
func (s *Server) ClientRequest(value string) {
	s.appendToLog(Entry{Term: s.CurrentTerm, Value: value})
	s.explain("%s appends %q to its log at index %d in term %d (§5.3)", s.ID, value, s.Log.LastIndex(), s.CurrentTerm)
	if s.cfg.Options.Replicate == ReplicateImmediately {
		for _, p := range s.peers() {
			s.sendAppendEntries(p)
		}
	}
	s.advanceCommitIndex("", 0)
}

// Heartbeat: the leader sends AppendEntries to every peer, carrying the
// entries from each one's nextIndex on, or none (§5.2, §5.3).
func (s *Server) Heartbeat() {
	s.explain("%s sends AppendEntries to every peer (heartbeat, §5.2)", s.ID)
	for _, p := range s.peers() {
		s.sendAppendEntries(p)
	}
	s.heartbeatSent = true
}

// sendAppendEntries sends peer the entries from nextIndex[peer] on (at most
// MaxEntries of them), with the entry before them for the consistency check.
func (s *Server) sendAppendEntries(peer string) {
	prev := s.NextIndex[peer] - 1
	entries := s.Log[prev:]
	if max := s.cfg.Options.MaxEntries; max > 0 && len(entries) > max {
		entries = entries[:max]
	}
	s.send(Message{Type: AppendEntries, To: peer, LeaderID: s.ID,
		PrevLogIndex: prev, PrevLogTerm: s.Log.TermAt(prev),
		Entries: Log(entries).Clone(), LeaderCommit: s.CommitIndex})
}

// handleAppendEntries is the receiver side of AppendEntries (Figure 2).
func (s *Server) handleAppendEntries(m Message) {
	if m.Term < s.CurrentTerm {
		s.explain("%s rejects AppendEntries from %s: term %d < currentTerm %d (§5.1)", s.ID, m.From, m.Term, s.CurrentTerm)
		s.send(Message{Type: AppendEntriesReply, To: m.From, InReplyTo: m.ID})
		return
	}
	s.timerReset = true // Figure 2: it heard from the current leader
	if s.Role == Candidate {
		s.becomeFollower()
		s.explain("%s recognizes %s as the leader of term %d and returns to follower (§5.2)", s.ID, m.From, m.Term)
	}
	if !s.Log.Has(m.PrevLogIndex, m.PrevLogTerm) {
		s.explainMismatch(m)
		s.send(Message{Type: AppendEntriesReply, To: m.From, InReplyTo: m.ID})
		return
	}
	if len(m.Entries) == 0 {
		s.explain("%s accepts %s's heartbeat: its log matches at prevLogIndex %d (§5.3)", s.ID, m.From, m.PrevLogIndex)
	}
	s.storeEntries(m.PrevLogIndex, m.Entries)
	lastNew := m.PrevLogIndex + len(m.Entries)
	if m.LeaderCommit > s.CommitIndex {
		if c := min(m.LeaderCommit, lastNew); c > s.CommitIndex {
			s.CommitIndex = c
			s.explain("%s sets commitIndex to %d = min(leaderCommit %d, index of last new entry %d) (§5.3)", s.ID, c, m.LeaderCommit, lastNew)
			s.applyCommitted()
		}
	}
	s.send(Message{Type: AppendEntriesReply, To: m.From, InReplyTo: m.ID, Success: true, MatchIndex: lastNew})
}

func (s *Server) explainMismatch(m Message) {
	if m.PrevLogIndex > s.Log.LastIndex() {
		s.explain("%s rejects AppendEntries from %s: its log has no entry at prevLogIndex %d (§5.3)", s.ID, m.From, m.PrevLogIndex)
		return
	}
	s.explain("%s rejects AppendEntries from %s: its entry at prevLogIndex %d has term %d, not prevLogTerm %d (§5.3)",
		s.ID, m.From, m.PrevLogIndex, s.Log.TermAt(m.PrevLogIndex), m.PrevLogTerm)
}

// storeEntries puts entries at prev+1, prev+2, … (§5.3): an entry already
// present with the same term is kept; the first one that conflicts (same
// index, different term) is deleted with all that follow it, and the rest
// appended. An entry beyond those sent is never deleted, so a stale,
// shorter AppendEntries cannot shorten the log.
func (s *Server) storeEntries(prev int, entries []Entry) {
	first, last := 0, 0 // range of newly written indexes
	for i, e := range entries {
		idx := prev + 1 + i
		if idx <= s.Log.LastIndex() {
			if s.Log.TermAt(idx) == e.Term {
				continue
			}
			s.explain("%s deletes %s from index %d on: its entry %d has term %d, the leader's has term %d (§5.3)",
				s.ID, plural(s.Log.LastIndex()-idx+1, "entry", "entries"), idx, idx, s.Log.TermAt(idx), e.Term)
			s.truncateLog(idx)
		}
		s.appendToLog(e)
		if first == 0 {
			first = idx
		}
		last = idx
	}
	switch {
	case first != 0:
		s.explain("%s appends %s (§5.3)", s.ID, describeRange(first, last))
	case len(entries) > 0:
		s.explain("%s already holds %s: nothing to change (§5.3)", s.ID, describeRange(prev+1, prev+len(entries)))
	}
}

func describeRange(first, last int) string {
	if first == last {
		return "entry " + itoa(first)
	}
	return "entries " + itoa(first) + "–" + itoa(last)
}

// handleAppendEntriesReply is the leader's bookkeeping (Figure 2): on
// success matchIndex grows to what the follower holds and nextIndex follows
// it; on a failed consistency check nextIndex backs up by one and the leader
// retries at once (§5.3).
func (s *Server) handleAppendEntriesReply(m Message) {
	switch {
	case m.Term < s.CurrentTerm:
		s.explain("%s ignores %s's AppendEntries reply from term %d: it is in term %d now (§5.1)", s.ID, m.From, m.Term, s.CurrentTerm)
	case s.Role != Leader:
		s.explain("%s ignores %s's AppendEntries reply: it is no longer leader", s.ID, m.From)
	case m.Success:
		s.recordSuccess(m)
	default:
		s.backUp(m.From)
	}
}

func (s *Server) recordSuccess(m Message) {
	p := m.From
	oldMatch, oldNext := s.MatchIndex[p], s.NextIndex[p]
	s.MatchIndex[p] = max(oldMatch, m.MatchIndex)
	s.NextIndex[p] = s.MatchIndex[p] + 1
	if s.MatchIndex[p] != oldMatch || s.NextIndex[p] != oldNext {
		s.explain("%s sets matchIndex[%s] = %d and nextIndex[%s] = %d (Figure 2)", s.ID, p, s.MatchIndex[p], p, s.NextIndex[p])
	} else {
		s.explain("%s learns nothing new from %s's success: matchIndex[%s] stays %d", s.ID, p, p, s.MatchIndex[p])
	}
	if s.MatchIndex[p] != oldMatch {
		s.advanceCommitIndex(p, oldMatch)
	}
	if s.cfg.Options.Replicate == ReplicateImmediately && s.NextIndex[p] <= s.Log.LastIndex() {
		s.sendAppendEntries(p)
	}
}

// backUp is the decrement-by-one rule of §5.3. nextIndex never falls to or
// below matchIndex: a follower cannot lose entries it confirmed this term,
// so a rejection then is a late duplicate and is ignored.
func (s *Server) backUp(p string) {
	if s.NextIndex[p]-1 <= s.MatchIndex[p] {
		s.explain("%s ignores a stale rejection from %s: %s already holds index %d (§5.3)", s.ID, p, p, s.MatchIndex[p])
		return
	}
	s.NextIndex[p]--
	s.explain("%s decrements nextIndex[%s] to %d and retries (§5.3)", s.ID, p, s.NextIndex[p])
	s.sendAppendEntries(p)
}
