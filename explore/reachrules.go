package explore

import (
	"fmt"
	"slices"

	"github.com/raftsheet/raftsheet/engine"
)

// brokenRule is the first rule of Raft an initial state breaks, or nil.
// These are the loader's checks (validate) and two more that follow from
// §5.1–§5.2; each is a theorem about every reachable state, so a state
// that breaks one is unreachable.
func brokenRule(ids []string, want map[string]engine.InitialState, majority int) *Rule {
	if all := brokenRules(ids, want, majority); len(all) > 0 {
		return all[0]
	}
	return nil
}

// BrokenRules are all the rules of Raft a cluster state breaks, each once
// (the first case found), in the order brokenRule tries them: each names
// a theorem about every reachable state, so any of them proves the state
// unreachable. An exam accepts any of them as the reason.
func BrokenRules(servers []string, state []engine.InitialServer) []Rule {
	want := map[string]engine.InitialState{}
	for _, in := range state {
		want[in.ID] = in.InitialState
	}
	var out []Rule
	for _, r := range brokenRules(servers, want, len(servers)/2+1) {
		out = append(out, *r)
	}
	return out
}

// ruleSet collects broken rules, the first case of each.
type ruleSet []*Rule

func (s *ruleSet) add(r *Rule) {
	if r == nil {
		return
	}
	for _, have := range *s {
		if have.Key == r.Key {
			return
		}
	}
	*s = append(*s, r)
}

func brokenRules(ids []string, want map[string]engine.InitialState, majority int) []*Rule {
	var found ruleSet
	perServer(ids, want, &found)
	leaderOf := leadersOf(ids, want, &found)
	found.add(logMatching(ids, want))
	commitsHeld(ids, want, majority, &found)
	found.add(electionsWon(ids, want, majority, leaderOf))
	return found
}

// perServer are the rules each server's state must keep on its own.
func perServer(ids []string, want map[string]engine.InitialState, found *ruleSet) {
	for _, id := range ids {
		st := want[id]
		for i := 1; i < len(st.Log); i++ {
			if st.Log[i].Term < st.Log[i-1].Term {
				found.add(ruleLogTermsGrow.with(fmt.Sprintf("%s's log has term %d after term %d at index %d; a leader appends entries of its own term after the ones it holds", id, st.Log[i].Term, st.Log[i-1].Term, i+1)))
				break
			}
		}
		if st.Term < st.Log.LastTerm() {
			found.add(ruleTermOfLog.with(fmt.Sprintf("%s is in term %d but holds an entry of term %d; a server adopts the term of any leader it accepts entries from", id, st.Term, st.Log.LastTerm())))
		}
		if st.Commit > st.Log.LastIndex() {
			found.add(ruleCommitInLog.with(fmt.Sprintf("%s's commitIndex %d is past its log of %d entries", id, st.Commit, st.Log.LastIndex())))
		}
		if st.Role != engine.Follower && (st.VotedFor != id || st.Term == 0) {
			found.add(ruleCandidateVotes.with(fmt.Sprintf("%s is a %s in term %d but has not voted for itself there", id, st.Role, st.Term)))
		}
		if v := st.VotedFor; v != "" && want[v].Term < st.Term {
			found.add(ruleVoterTerm.with(fmt.Sprintf("%s voted for %s in term %d, but %s is still in term %d; a server votes only for a candidate of its term, and terms never decrease", id, v, st.Term, v, want[v].Term)))
		}
	}
}

// leadersOf maps each term to its leader, adding Election Safety when two
// servers lead one term.
func leadersOf(ids []string, want map[string]engine.InitialState, found *ruleSet) map[int]string {
	leaderOf := map[int]string{}
	for _, id := range ids {
		if st := want[id]; st.Role == engine.Leader {
			if other, ok := leaderOf[st.Term]; ok {
				found.add(ruleElectionSafety.with(fmt.Sprintf("%s and %s both lead term %d; at most one leader can be elected in a term", other, id, st.Term)))
				continue
			}
			leaderOf[st.Term] = id
		}
	}
	return leaderOf
}

// logMatching: two logs that hold an entry with the same index and term
// are identical up to it (§5.3).
func logMatching(ids []string, want map[string]engine.InitialState) *Rule {
	for x, a := range ids {
		for _, b := range ids[x+1:] {
			la, lb := want[a].Log, want[b].Log
			for i := min(len(la), len(lb)); i >= 1; i-- {
				if la.TermAt(i) != lb.TermAt(i) {
					continue
				}
				for k := i; k >= 1; k-- {
					if la.At(k) != lb.At(k) {
						return ruleLogMatching.with(fmt.Sprintf("%s and %s both hold an entry of term %d at index %d, yet their entries at index %d differ", a, b, la.TermAt(i), i, k))
					}
				}
				break
			}
		}
	}
	return nil
}

// commitsHeld: a committed entry is stored on a majority (§5.3), no two
// servers commit different entries at one index, and every leader holds
// every entry committed (Leader Completeness, §5.4.3).
func commitsHeld(ids []string, want map[string]engine.InitialState, majority int, found *ruleSet) {
	for _, id := range ids {
		st := want[id]
		for i := 1; i <= min(st.Commit, st.Log.LastIndex()); i++ { // past the log: commit-in-log
			e := st.Log.At(i)
			var holders []string
			for _, o := range ids {
				ol := want[o].Log
				if i <= ol.LastIndex() && ol.At(i) == e {
					holders = append(holders, o)
				}
				if ow := want[o]; i <= ow.Commit && i <= ow.Log.LastIndex() && ow.Log.At(i) != e {
					found.add(ruleStateMachine.with(fmt.Sprintf("%s and %s have both committed index %d, with different entries", id, o, i)))
				}
				if ow := want[o]; ow.Role == engine.Leader && ow.Term >= st.Term && (i > ol.LastIndex() || ol.At(i) != e) {
					found.add(ruleLeaderComplete.with(fmt.Sprintf("%s has committed entry %d, which %s, leader of term %d, lacks; every leader holds every entry committed before its term", id, i, o, ow.Term)))
				}
			}
			if len(holders) < majority {
				found.add(ruleCommitted.with(fmt.Sprintf("%s's commitIndex %d covers entry %d, which only %s hold, fewer than a majority (%d)", id, st.Commit, i, joinAnd(holders), majority)))
			}
		}
	}
}

// electionsWon: every term with a leader or with log entries had a leader,
// elected by a majority that then held that term (§5.2); while a server is
// still before the term, such a majority must show in the state (the
// loader's check), and in any case some server must be able to have led
// it: one now in a later term, or in that term having voted for itself.
func electionsWon(ids []string, want map[string]engine.InitialState, majority int, leaderOf map[int]string) *Rule {
	terms := map[int]bool{}
	for _, id := range ids {
		for _, e := range want[id].Log {
			terms[e.Term] = true
		}
	}
	for t := range leaderOf {
		terms[t] = true
	}
	sorted := make([]int, 0, len(terms))
	for t := range terms {
		sorted = append(sorted, t)
	}
	slices.Sort(sorted)
	for _, t := range sorted {
		could := false
		for _, id := range ids {
			if st := want[id]; st.Term > t || (st.Term == t && st.VotedFor == id) {
				could = true
			}
		}
		if !could {
			return ruleLeaderElected.with(fmt.Sprintf("term %d had a leader (its entries show it), yet no server is past term %d or voted for itself in it", t, t))
		}
		before := false
		for _, id := range ids {
			if want[id].Term < t {
				before = true
			}
		}
		if !before {
			continue
		}
		cands := ids
		if l := leaderOf[t]; l != "" {
			cands = []string{l}
		}
		won := false
		for _, c := range cands {
			n := 0
			for _, id := range ids {
				if st := want[id]; st.Term > t || (st.Term == t && st.VotedFor == c) {
					n++
				}
			}
			won = won || n >= majority
		}
		if !won {
			return ruleLeaderElected.with(fmt.Sprintf("term %d had a leader, elected by a majority (%d) that then held term %d and voted for it, or a later term; too few servers show that, and one still before term %d could later be elected leader of term %d too", t, majority, t, t, t))
		}
	}
	return nil
}
