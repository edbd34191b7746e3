package engine

// PreVote (the dissertation's §9.6). A server whose election timer fires
// does not start a new term at once: as a pre-candidate it asks the
// others whether they would vote for it in the next term. Only with a
// majority of yeses does it stand. A server cut off by a partition thus
// never raises its term, and cannot depose the leader when it rejoins.

// startPreVote: the timer fires; the server becomes a pre-candidate in its
// term, counts its own pre-vote and asks every peer (PreVote carries the
// term it would stand for).
func (s *Server) startPreVote() {
	s.Role = PreCandidate
	s.VotesGranted = map[string]bool{s.ID: true}
	s.NextIndex, s.MatchIndex = nil, nil
	why := s.explain(RulePreVote, SayPreVoteStart, number("term", s.CurrentTerm+1))
	s.keep(why, whole(AttrRole), whole(AttrVotes), whole(AttrCurrentTerm))
	if s.hasQuorum() {
		s.startElection(RulePreVote, SayPreVoteWon, text("votes", s.preVoters()))
		return
	}
	for _, p := range s.peers() {
		s.send(why, Message{Type: PreVote, To: p, Term: s.CurrentTerm + 1, CandidateID: s.ID,
			LastLogIndex: s.lastIndex(), LastLogTerm: s.lastTerm()})
	}
}

// handlePreVote answers whether the server would vote for the candidate in
// the term it proposes; nothing changes either way (no term adopted, no
// vote cast). It says no to an older term, while it trusts a current
// leader, to a log less up-to-date than its own, and in its own term to a
// candidate other than the one it voted for.
func (s *Server) handlePreVote(m Message) {
	granted := false
	var why int
	cand := text("candidate", m.CandidateID)
	switch {
	case m.Term < s.CurrentTerm:
		why = s.explain(RulePreVote, SayPreVoteDenyOld, cand, number("requestTerm", m.Term), number("term", s.CurrentTerm))
	case s.believesLeader():
		say, args := s.contact(SayPreVoteDenyLeader, SayPreVoteDenyTimed, SayPreVoteDenyHeard)
		why = s.explain(RulePreVote, say, append([]Arg{cand, number("requestTerm", m.Term)}, args...)...)
	case !s.upToDate(m.LastLogTerm, m.LastLogIndex):
		why = s.explain(RulePreVote, SayPreVoteDenyLog, cand,
			number("candidateLastTerm", m.LastLogTerm), number("candidateLastIndex", m.LastLogIndex),
			number("lastTerm", s.lastTerm()), number("lastIndex", s.lastIndex()))
	case m.Term == s.CurrentTerm && s.VotedFor != "" && s.VotedFor != m.CandidateID:
		why = s.explain(RulePreVote, SayPreVoteDenyVoted, cand, text("votedFor", s.VotedFor), number("term", s.CurrentTerm))
	default:
		granted = true
		why = s.explain(RulePreVote, SayPreVoteGrant, cand, number("requestTerm", m.Term))
	}
	s.keep(why, whole(AttrCurrentTerm), whole(AttrVotedFor))
	reply := Message{Type: PreVoteReply, To: m.From, InReplyTo: m.ID, VoteGranted: granted}
	if granted {
		reply.Term = m.Term // the term the pre-vote is for; a refusal carries the voter's own
	}
	s.send(why, reply)
}

// handlePreVoteReply counts pre-votes; a majority, its own included, lets
// the pre-candidate start a real election (§5.2) in the next term.
func (s *Server) handlePreVoteReply(m Message) {
	from := text("from", m.From)
	switch {
	case m.Term < s.CurrentTerm:
		s.explain(RuleOlderTermReply, SayPreVoteReplyOld, from, number("replyTerm", m.Term), number("term", s.CurrentTerm))
	case s.Role != PreCandidate:
		s.explain(RulePreVote, SayPreVoteReplyLate, from)
	case m.VoteGranted && m.Term != s.CurrentTerm+1:
		s.explain(RulePreVote, SayPreVoteReplyStale, from, number("replyTerm", m.Term), number("term", s.CurrentTerm+1))
	case !m.VoteGranted:
		s.keep(s.explain(RulePreVote, SayPreVoteRefused, from, text("votes", s.preVoters())), whole(AttrVotes))
	case s.VotesGranted[m.From]:
		s.keep(s.explain(RulePreVote, SayPreVoteAgain, from, text("votes", s.preVoters())), whole(AttrVotes))
	default:
		s.VotesGranted[m.From] = true
		s.explain(RulePreVote, SayPreVoteCounted, from, text("votes", s.preVoters()))
		if s.hasQuorum() {
			s.startElection(RulePreVote, SayPreVoteWon, text("votes", s.preVoters()))
		}
	}
}

// preVoters says whose pre-votes the pre-candidate holds, against the
// majority it needs.
func (s *Server) preVoters() string {
	return s.majorityWords(func(id string) bool { return s.VotesGranted[id] })
}
