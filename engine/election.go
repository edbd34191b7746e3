package engine

import "strings"

// Timeout is a follower's or candidate's election timer firing (§5.2): it
// starts a new term, votes for itself and asks every peer for its vote.
func (s *Server) Timeout() {
	s.CurrentTerm++
	s.Role = Candidate
	s.VotedFor = s.ID
	s.VotesGranted = map[string]bool{s.ID: true}
	s.NextIndex, s.MatchIndex = nil, nil
	s.timerReset = true // a new election, a new timeout (§5.2)
	s.explain("%s times out, becomes candidate for term %d and votes for itself (§5.2)", s.ID, s.CurrentTerm)
	if s.hasQuorum() {
		s.becomeLeader() // a one-server cluster is its own majority
		return
	}
	for _, p := range s.peers() {
		s.send(Message{Type: RequestVote, To: p, CandidateID: s.ID,
			LastLogIndex: s.Log.LastIndex(), LastLogTerm: s.Log.LastTerm()})
	}
}

func (s *Server) hasQuorum() bool { return len(s.VotesGranted) >= s.cfg.Majority() }

// handleRequestVote is the receiver side of RequestVote (Figure 2): at most
// one vote per term, first come first served (§5.2), and only for a
// candidate whose log is at least as up-to-date as the voter's (§5.4.1).
func (s *Server) handleRequestVote(m Message) {
	granted := false
	switch {
	case m.Term < s.CurrentTerm:
		s.explain("%s denies %s its vote: request term %d < currentTerm %d (§5.1)", s.ID, m.From, m.Term, s.CurrentTerm)
	case s.VotedFor != "" && s.VotedFor != m.CandidateID:
		s.explain("%s denies %s its vote: already voted for %s in term %d (§5.2)", s.ID, m.CandidateID, s.VotedFor, s.CurrentTerm)
	case !AtLeastAsUpToDate(m.LastLogTerm, m.LastLogIndex, s.Log):
		s.explain("%s denies %s its vote: candidate's log (last term %d, index %d) is less up-to-date than its own (last term %d, index %d) (§5.4.1)",
			s.ID, m.CandidateID, m.LastLogTerm, m.LastLogIndex, s.Log.LastTerm(), s.Log.LastIndex())
	case s.VotedFor == m.CandidateID:
		granted = true
		s.timerReset = true
		s.explain("%s grants %s its vote again: it already voted for %s in term %d (§5.2)", s.ID, m.CandidateID, m.CandidateID, s.CurrentTerm)
	default:
		granted = true
		s.VotedFor = m.CandidateID
		s.timerReset = true // Figure 2: granting a vote restarts the election timer
		s.explain("%s grants its vote for term %d to %s, whose log is at least as up-to-date (§5.2, §5.4.1)", s.ID, s.CurrentTerm, m.CandidateID)
	}
	s.send(Message{Type: RequestVoteReply, To: m.From, InReplyTo: m.ID, VoteGranted: granted})
}

// handleRequestVoteReply counts votes: a candidate that hears from a
// majority of the cluster, itself included, becomes leader (§5.2). Each
// voter counts once, however often its vote arrives.
func (s *Server) handleRequestVoteReply(m Message) {
	switch {
	case m.Term < s.CurrentTerm:
		s.explain("%s ignores %s's vote reply from term %d: it is in term %d now (§5.1)", s.ID, m.From, m.Term, s.CurrentTerm)
	case s.Role == Leader:
		s.explain("%s is already leader of term %d: %s's reply is not needed", s.ID, s.CurrentTerm, m.From)
	case s.Role != Candidate:
		s.explain("%s is no longer a candidate: it ignores %s's reply", s.ID, m.From)
	case !m.VoteGranted:
		s.explain("%s notes %s's refusal: it still has %d of the %d votes it needs", s.ID, m.From, len(s.VotesGranted), s.cfg.Majority())
	case s.VotesGranted[m.From]:
		s.explain("%s has already counted %s's vote (%d of %d needed)", s.ID, m.From, len(s.VotesGranted), s.cfg.Majority())
	default:
		s.VotesGranted[m.From] = true
		s.explain("%s counts %s's vote: %d of the %d it needs (§5.2)", s.ID, m.From, len(s.VotesGranted), s.cfg.Majority())
		if s.hasQuorum() {
			s.becomeLeader()
		}
	}
}

// becomeLeader: a candidate with a majority of votes leads its term. It
// reinitializes nextIndex and matchIndex (Figure 2), optionally appends a
// no-op of its term (§8), and asserts itself with AppendEntries to all.
func (s *Server) becomeLeader() {
	s.Role = Leader
	s.elected = append(s.elected, s.CurrentTerm)
	s.explain("%s wins the election for term %d with the votes of %s (a majority of %d) and becomes leader (§5.2)",
		s.ID, s.CurrentTerm, strings.Join(s.voters(), ", "), len(s.cfg.Servers))
	s.VotesGranted = nil
	s.NextIndex, s.MatchIndex = map[string]int{}, map[string]int{}
	for _, p := range s.peers() {
		s.NextIndex[p] = s.Log.LastIndex() + 1
		s.MatchIndex[p] = 0
	}
	if len(s.cfg.Servers) > 1 {
		s.explain("%s sets nextIndex to %d (its last log index + 1) and matchIndex to 0 for every peer (Figure 2)", s.ID, s.Log.LastIndex()+1)
	}
	if s.cfg.Options.NoopOnElection {
		s.appendToLog(Entry{Term: s.CurrentTerm})
		s.explain("%s appends a no-op entry at index %d in term %d, so entries of earlier terms can commit (§8)", s.ID, s.Log.LastIndex(), s.CurrentTerm)
	}
	for _, p := range s.peers() {
		s.sendAppendEntries(p)
	}
	s.heartbeatSent = true
	s.advanceCommitIndex("", 0)
}

// voters lists the servers that granted this candidate's vote, in cluster order.
func (s *Server) voters() []string {
	var out []string
	for _, id := range s.cfg.Servers {
		if s.VotesGranted[id] {
			out = append(out, id)
		}
	}
	return out
}
