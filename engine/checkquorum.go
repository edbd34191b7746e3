package engine

// CheckQuorum (the dissertation's §9.6). A leader cut off from a majority
// cannot commit anything, yet without a check it would go on believing it
// leads, and (with PreVote or §6's guard) keep others from replacing it.
// With CheckQuorum its election timer keeps running: each time it fires,
// the leader checks that it heard from a majority since the last time, and
// steps down if not.

// noteActive records that peer answered the leader in its term.
func (s *Server) noteActive(peer string) {
	if s.cfg.Options.CheckQuorum && s.Role == Leader {
		if s.recentActive == nil {
			s.recentActive = map[string]bool{}
		}
		s.recentActive[peer] = true
	}
}

// checkQuorum is a leader's election timer firing: it stays leader if a
// majority (itself included, as a member) was heard from since the last
// check, and steps down otherwise. The count starts afresh.
func (s *Server) checkQuorum() {
	heard := s.recentActive
	s.recentActive = nil
	active := func(id string) bool { return id == s.ID || heard[id] }
	words := text("heard", s.majorityWords(active))
	if s.config().quorum(active) {
		s.explain(RuleCheckQuorum, SayCheckQuorumOK, words)
		return
	}
	s.becomeFollower()
	s.explain(RuleCheckQuorum, SayCheckQuorumLost, words, number("term", s.CurrentTerm))
	s.abandonReads()
}
