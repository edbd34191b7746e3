package engine

import "strings"

// advanceCommitIndex is the leader's commit rule (§5.4.2, Figure 8): the
// highest N such that a majority has matchIndex ≥ N and log[N].term ==
// currentTerm becomes commitIndex; entries before N commit with it. An entry
// of an earlier term is never committed by counting its replicas. When the
// reply from peer, which held up to oldMatch before, is what makes such an
// entry majority-held, the reason says so (Figure 8's lesson).
func (s *Server) advanceCommitIndex(peer string, oldMatch int) {
	for n := s.lastIndex(); n > s.CommitIndex; n-- {
		holders := s.holders(n)
		if len(holders) < s.cfg.Majority() {
			continue
		}
		if t := s.termAt(n); t != s.CurrentTerm {
			if peer == "" || oldMatch >= n || s.MatchIndex[peer] < n || len(holders) > s.cfg.Majority() {
				return // not news: this reply did not make it majority-held
			}
			why := s.explain(RuleCommit, SayNoCommit, number("index", n), text("holders", strings.Join(holders, ", ")),
				number("entryTerm", t), number("term", s.CurrentTerm))
			s.keep(why, whole(AttrCommitIndex))
			return // every lower entry is of an earlier term too
		}
		old := s.CommitIndex
		s.CommitIndex = n
		args := []Arg{number("index", n), text("holders", strings.Join(holders, ", ")), number("term", s.CurrentTerm)}
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
		return
	}
}

// holders are the servers known to store index n: the leader itself and each
// peer whose matchIndex reaches n, in cluster order.
func (s *Server) holders(n int) []string {
	var out []string
	for _, id := range s.cfg.Servers {
		if id == s.ID || s.MatchIndex[id] >= n {
			out = append(out, id)
		}
	}
	return out
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
