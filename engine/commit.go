package engine

// advanceCommitIndex is the leader's commit rule (§5.4.2, Figure 8): the
// highest N such that a majority has matchIndex ≥ N and log[N].term ==
// currentTerm becomes commitIndex; entries before N commit with it. An entry
// of an earlier term is never committed by counting its replicas. When the
// reply from peer, which held up to oldMatch before, is what makes such an
// entry majority-held, the reason says so (Figure 8's lesson).
func (s *Server) advanceCommitIndex(peer string, oldMatch int) {
	for n := s.lastIndex(); n > s.CommitIndex; n-- {
		if !s.majorityHolds(n, "") {
			continue
		}
		holders := s.majorityWords(func(id string) bool { return id == s.ID || s.MatchIndex[id] >= n })
		if s.commitsOldTerm(n, s.holderList(n)) { // Mutation hook (mutate.go)
			return
		}
		if t := s.termAt(n); t != s.CurrentTerm {
			if peer == "" || oldMatch >= n || s.MatchIndex[peer] < n || s.majorityHolds(n, peer) {
				return // not news: this reply did not make it majority-held
			}
			why := s.explain(RuleCommit, SayNoCommit, number("index", n), text("holders", holders),
				number("entryTerm", t), number("term", s.CurrentTerm))
			s.keep(why, whole(AttrCommitIndex))
			return // every lower entry is of an earlier term too
		}
		old := s.CommitIndex
		s.CommitIndex = n
		args := []Arg{number("index", n), text("holders", holders), number("term", s.CurrentTerm)}
		switch {
		case n-old <= 1:
			s.explain(RuleCommit, SayCommit, args...)
		case n-old == 2:
			s.explain(RuleCommit, SayCommitWithOne, append(args, span("earlier", old+1, n-1))...)
		default:
			s.explain(RuleCommit, SayCommitWithMany, append(args, span("earlier", old+1, n-1))...)
		}
		s.applyCommitted()
		s.startWaitingReads()
		s.afterConfigCommit()
		return
	}
}

// holderList are the servers known to store index n, in cluster order.
func (s *Server) holderList(n int) []string {
	var out []string
	for _, id := range s.cfg.Servers {
		if id == s.ID || s.MatchIndex[id] >= n {
			out = append(out, id)
		}
	}
	return out
}

// majorityHolds reports whether a majority of the configuration (of each
// half when joint, §6) is known to store index n: the leader itself, as a
// member, and each peer whose matchIndex reaches n; but not, when
// without is given, that peer.
func (s *Server) majorityHolds(n int, without string) bool {
	holds := func(id string) bool { return id != without && (id == s.ID || s.MatchIndex[id] >= n) }
	if !s.cfg.membershipChanges() {
		count := 0
		for _, id := range s.cfg.Servers {
			if holds(id) {
				count++
			}
		}
		return count >= s.cfg.Majority()
	}
	return s.config().quorum(holds)
}

// applyCommitted applies log[lastApplied+1 … commitIndex] in order to the
// state machine (Figure 2, rules for all servers).
func (s *Server) applyCommitted() {
	if s.LastApplied >= s.CommitIndex {
		return
	}
	first := s.LastApplied + 1
	var skipped []int
	for s.LastApplied < s.CommitIndex {
		s.LastApplied++
		if !s.StateMachine.Apply(s.entryAt(s.LastApplied)) {
			skipped = append(skipped, s.LastApplied)
		}
	}
	s.explain(RuleApply, SayApply, span("entries", first, s.LastApplied), state("state", s.StateMachine.String()))
	for _, i := range skipped {
		e := s.entryAt(i)
		s.explain(RuleDuplicateCommand, SayDuplicateSkipped, number("index", i), text("client", e.Client), number("seq", e.Seq))
	}
	s.snapshotIfDue()
}
