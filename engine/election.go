package engine

import "strings"

// Timeout is a follower's or candidate's election timer firing (§5.2): it
// starts a new term, votes for itself and asks every peer for its vote.
// With PreVote it asks for pre-votes first; a leader's timer, with
// CheckQuorum, checks that it still hears from a majority.
func (s *Server) Timeout() {
	s.begin(0)
	s.timerReset = true // a new election, a new timeout (§5.2)
	s.leaderContact = false
	switch {
	case s.Role == Leader:
		s.checkQuorum()
	case s.cfg.Options.PreVote:
		s.startPreVote()
	default:
		s.startElection(RuleElectionTimeout, SayTimeout)
	}
}

// startElection stands for the next term: the server votes for itself
// and asks every peer for its vote (§5.2).
func (s *Server) startElection(rule Rule, say Sentence, args ...Arg) {
	s.becomeCandidate(s.CurrentTerm + 1)
	why := s.explain(rule, say, append([]Arg{number("term", s.CurrentTerm)}, args...)...)
	s.keep(why, whole(AttrRole), whole(AttrVotedFor), whole(AttrVotes))
	if s.hasQuorum() {
		s.becomeLeader() // a one-server cluster is its own majority
		return
	}
	for _, p := range s.peers() {
		s.send(why, Message{Type: RequestVote, To: p, CandidateID: s.ID,
			LastLogIndex: s.lastIndex(), LastLogTerm: s.lastTerm()})
	}
}

// becomeCandidate stands for term, with the server's own vote.
func (s *Server) becomeCandidate(term int) {
	s.CurrentTerm = term
	s.Role = Candidate
	s.VotedFor = s.ID
	s.VotesGranted = map[string]bool{s.ID: true}
	s.NextIndex, s.MatchIndex = nil, nil
}

// hasQuorum: votes from a majority of the configuration, of each half when
// joint (§6); a server counts its own vote only as a member.
func (s *Server) hasQuorum() bool {
	if !s.cfg.membershipChanges() {
		return len(s.VotesGranted) >= s.cfg.Majority()
	}
	return s.config().quorum(func(id string) bool { return s.VotesGranted[id] })
}

// handleRequestVote is the receiver side of RequestVote (Figure 2): at most
// one vote per term, first come first served (§5.2), and only for a
// candidate whose log is at least as up-to-date as the voter's (§5.4.1).
func (s *Server) handleRequestVote(m Message) {
	granted := false
	var why int
	switch {
	case m.Term < s.CurrentTerm:
		why = s.explain(RuleOlderTermRequest, SayDenyOlderTerm, text("from", m.From), number("requestTerm", m.Term), number("term", s.CurrentTerm))
	case s.VotedFor != "" && s.VotedFor != m.CandidateID:
		why = s.explain(RuleOneVote, SayDenyVoted, text("candidate", m.CandidateID), text("votedFor", s.VotedFor), number("term", s.CurrentTerm))
	case !s.upToDate(m.LastLogTerm, m.LastLogIndex) && !s.skipsLogCheck(): // Mutation hook (mutate.go)
		why = s.explain(RuleUpToDate, SayDenyUpToDate, text("candidate", m.CandidateID),
			number("candidateLastTerm", m.LastLogTerm), number("candidateLastIndex", m.LastLogIndex),
			number("lastTerm", s.lastTerm()), number("lastIndex", s.lastIndex()))
	case s.VotedFor == m.CandidateID:
		granted = true
		s.timerReset = true
		why = s.explain(RuleOneVote, SayGrantAgain, text("candidate", m.CandidateID), number("term", s.CurrentTerm))
	default:
		granted = true
		s.VotedFor = m.CandidateID
		s.timerReset = true // Figure 2: granting a vote restarts the election timer
		why = s.explain(RuleGrantVote, SayGrant, number("term", s.CurrentTerm), text("candidate", m.CandidateID))
		s.noteVoteWithoutLogCheck(m) // Mutation hook (mutate.go)
	}
	if !granted {
		s.keep(why, whole(AttrVotedFor))
	}
	s.send(why, Message{Type: RequestVoteReply, To: m.From, InReplyTo: m.ID, VoteGranted: granted})
}

// handleRequestVoteReply counts votes: a candidate that hears from a
// majority of the cluster, itself included, becomes leader (§5.2). Each
// voter counts once, however often its vote arrives.
func (s *Server) handleRequestVoteReply(m Message) {
	from := text("from", m.From)
	votes := func() []Arg {
		if s.cfg.membershipChanges() {
			return []Arg{from, text("votes", s.majorityWords(func(id string) bool { return s.VotesGranted[id] }))}
		}
		return []Arg{from, number("votes", len(s.VotesGranted)), number("needed", s.cfg.Majority())}
	}
	counted, again, refused := SayVoteCounted, SayVoteCountedAgain, SayRefusalNoted
	if s.cfg.membershipChanges() {
		counted, again, refused = SayVoteCountedConfig, SayVoteCountedAgainConfig, SayRefusalNotedConfig
	}
	switch {
	case m.Term < s.CurrentTerm:
		s.explain(RuleOlderTermReply, SayVoteReplyOld, from, number("replyTerm", m.Term), number("term", s.CurrentTerm))
	case s.Role == Leader:
		s.explain(RuleLateVote, SayVoteReplyLeader, number("term", s.CurrentTerm), from)
	case s.Role != Candidate:
		s.explain(RuleLateVote, SayVoteReplyNotCand, from)
	case !m.VoteGranted:
		s.keep(s.explain(RuleCountVote, refused, votes()...), whole(AttrVotes))
	case s.VotesGranted[m.From]:
		s.keep(s.explain(RuleCountVote, again, votes()...), whole(AttrVotes))
	default:
		s.VotesGranted[m.From] = true
		s.explain(RuleCountVote, counted, votes()...)
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
	voters := s.voters()
	var why int
	if s.cfg.membershipChanges() {
		granted := s.VotesGranted
		s.VotesGranted = nil
		why = s.explain(RuleWinElection, SayWinConfig, number("term", s.CurrentTerm),
			text("votes", s.majorityWords(func(id string) bool { return granted[id] })))
	} else {
		s.VotesGranted = nil
		why = s.explain(RuleWinElection, SayWin, number("term", s.CurrentTerm),
			text("voters", strings.Join(voters, ", ")), number("servers", len(s.cfg.Servers)))
	}
	s.initLeaderState()
	s.readRound = 0
	s.timerReset = true // with CheckQuorum its timer counts from now
	if s.cfg.Options.Reads == ReadLease {
		s.leaseAcks = map[string]int{}
	}
	if len(s.peers()) > 0 {
		s.explain(RuleLeaderInit, SayLeaderInit, number("nextIndex", s.lastIndex()+1))
	}
	if s.cfg.Options.NoopOnElection {
		s.appendToLog(Entry{Term: s.CurrentTerm})
		s.explain(RuleNoop, SayNoop, number("index", s.lastIndex()), number("term", s.CurrentTerm))
	}
	for _, p := range s.peers() {
		s.sendAppendEntries(why, p)
	}
	s.heartbeatSent = true
	s.advanceCommitIndex("", 0)
	s.afterConfigCommit()
}

// initLeaderState is the leader's state on election (Figure 2): nextIndex
// just past its log and matchIndex 0 for every peer.
func (s *Server) initLeaderState() {
	s.NextIndex, s.MatchIndex = map[string]int{}, map[string]int{}
	for _, p := range s.peers() {
		s.NextIndex[p] = s.lastIndex() + 1
		s.MatchIndex[p] = 0
	}
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
