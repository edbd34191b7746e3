package engine

import (
	"strconv"
	"strings"
)

// advanceCommitIndex is the leader's commit rule (§5.4.2, Figure 8): the
// highest N such that a majority has matchIndex ≥ N and log[N].term ==
// currentTerm becomes commitIndex; entries before N commit with it. An entry
// of an earlier term is never committed by counting its replicas. When the
// reply from peer, which held up to oldMatch before, is what makes such an
// entry majority-held, the reason says so (Figure 8's lesson).
func (s *Server) advanceCommitIndex(peer string, oldMatch int) {
	for n := s.Log.LastIndex(); n > s.CommitIndex; n-- {
		holders := s.holders(n)
		if len(holders) < s.cfg.Majority() {
			continue
		}
		if t := s.Log.TermAt(n); t != s.CurrentTerm {
			if peer == "" || oldMatch >= n || s.MatchIndex[peer] < n || len(holders) > s.cfg.Majority() {
				return // not news: this reply did not make it majority-held
			}
			s.explain("%s does not commit index %d: it is stored on a majority (%s) but its term %d is not the current term %d; only an entry of the current term commits by counting replicas (§5.4.2, Figure 8)",
				s.ID, n, strings.Join(holders, ", "), t, s.CurrentTerm)
			return // every lower entry is of an earlier term too
		}
		s.explain("%s commits index %d: stored on a majority (%s) and of the current term %d (§5.4.2)%s",
			s.ID, n, strings.Join(holders, ", "), s.CurrentTerm, withEarlier(s.CommitIndex, n))
		s.CommitIndex = n
		s.applyCommitted()
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

func withEarlier(old, n int) string {
	switch {
	case n-old <= 1:
		return ""
	case n-old == 2:
		return "; " + describeRange(old+1, n-1) + " commits with it"
	}
	return "; " + describeRange(old+1, n-1) + " commit with it"
}

// applyCommitted applies log[lastApplied+1 … commitIndex] in order to the
// state machine (Figure 2, rules for all servers).
func (s *Server) applyCommitted() {
	if s.LastApplied >= s.CommitIndex {
		return
	}
	first := s.LastApplied + 1
	for s.LastApplied < s.CommitIndex {
		s.LastApplied++
		s.StateMachine.Apply(s.Log.At(s.LastApplied).Value)
	}
	s.explain("%s applies %s to its state machine, which now holds %s (§5.3)",
		s.ID, describeRange(first, s.LastApplied), describeState(&s.StateMachine))
}

func describeState(sm *StateMachine) string {
	if v := sm.String(); v != "" {
		return strconv.Quote(v)
	}
	return "nothing"
}

func itoa(i int) string { return strconv.Itoa(i) }
