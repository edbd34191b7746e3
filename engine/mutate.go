package engine

import "strings"

// Mutation breaks one rule of the paper on purpose, so that students can
// see what goes wrong without it (and `raftsheet ask mutant` can find the
// shortest schedule to a broken safety property). An exercise turns them
// on with `options: {mutate: [...]}`; none is on otherwise. Each hook in
// the handlers is marked "Mutation" and cites the rule it breaks.
type Mutation string

// The mutations, each named for what the faulty server does.
const (
	// ForgetVoteOnRestart: votedFor is not kept on stable storage
	// (Figure 2: votedFor is persistent), so a restarted server can vote
	// twice in one term.
	ForgetVoteOnRestart Mutation = "forget-vote-on-restart"
	// ForgetLogOnRestart: the log is not kept on stable storage (Figure 2:
	// log[] is persistent), so a restart loses entries the server
	// acknowledged.
	ForgetLogOnRestart Mutation = "forget-log-on-restart"
	// VoteWithoutLogCheck: a voter grants its vote without the up-to-date
	// check of §5.4.1.
	VoteWithoutLogCheck Mutation = "vote-without-log-check"
	// CommitOldTermsByCounting: a leader commits an entry of an earlier
	// term once a majority stores it (what §5.4.2 and Figure 8 forbid).
	CommitOldTermsByCounting Mutation = "commit-old-terms-by-counting"
	// CommitWithoutMin: a follower sets commitIndex to leaderCommit, capped
	// only by its own log's length, instead of min(leaderCommit, index of
	// last new entry) (Figure 2, AppendEntries rule 5).
	CommitWithoutMin Mutation = "commit-without-min"
	// NoTruncateOnConflict: a follower overwrites a conflicting entry but
	// keeps the entries after it, instead of deleting the existing entry
	// and all that follow it (Figure 2, AppendEntries rule 3).
	NoTruncateOnConflict Mutation = "no-truncate-on-conflict"
)

// AllMutations lists the mutations in the order documents list them.
var AllMutations = []Mutation{ForgetVoteOnRestart, ForgetLogOnRestart, VoteWithoutLogCheck,
	CommitOldTermsByCounting, CommitWithoutMin, NoTruncateOnConflict}

// ParseMutation reads a mutation's name.
func ParseMutation(s string) (Mutation, bool) {
	for _, m := range AllMutations {
		if string(m) == s {
			return m, true
		}
	}
	return "", false
}

// Mutations is the set of rules an exercise breaks.
type Mutations []Mutation

// Has reports whether m is on.
func (ms Mutations) Has(m Mutation) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}

// Names are the mutations' names; nil when there are none.
func (ms Mutations) Names() []string {
	var out []string
	for _, m := range ms {
		out = append(out, string(m))
	}
	return out
}

func (ms Mutations) String() string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = string(m)
	}
	return strings.Join(parts, ", ")
}

// mutated reports whether s's cluster breaks rule m on purpose.
func (s *Server) mutated(m Mutation) bool { return s.cfg.Options.Mutate.Has(m) }

// The hooks. Each is called from the handler whose rule it breaks, marked
// there "Mutation hook"; each does nothing unless its mutation is on.

// The sentences of the mutated behaviour, each naming the rule it breaks.
const (
	sayForgetVote     Sentence = "mutation-forget-vote"
	sayForgetLog      Sentence = "mutation-forget-log"
	sayVoteNoLogCheck Sentence = "mutation-vote-without-log-check"
	sayCommitOldTerm  Sentence = "mutation-commit-old-term"
	sayCommitNoMin    Sentence = "mutation-commit-without-min"
	sayNoTruncate     Sentence = "mutation-no-truncate"
)

func init() {
	sentences[sayForgetVote] = "{server} has forgotten its vote for {votedFor} in term {term} (mutation forget-vote-on-restart; Figure 2 keeps votedFor on stable storage)"
	sentences[sayForgetLog] = "{server} has lost its {log:log entry|log entries} (mutation forget-log-on-restart; Figure 2 keeps the log on stable storage)"
	sentences[sayVoteNoLogCheck] = "{server} grants the vote without comparing logs, though its own (last term {lastTerm}, index {lastIndex}) is more up-to-date than {candidate}'s (mutation vote-without-log-check; §5.4.1 forbids it)"
	sentences[sayCommitOldTerm] = "{server} commits index {index}, of term {entryTerm}, because {holders} store it (mutation commit-old-terms-by-counting; §5.4.2 commits only entries of the current term {term} by counting)"
	sentences[sayCommitNoMin] = "{server} sets commitIndex to {commitIndex}, past its last new entry {lastNew} (mutation commit-without-min; Figure 2 says min(leaderCommit {leaderCommit}, index of last new entry))"
	sentences[sayNoTruncate] = "{server} overwrites its entry {index} (term {term}) with the leader's (term {leaderTerm}) and keeps the entries after it (mutation no-truncate-on-conflict; §5.3 deletes the existing entry and all that follow it)"
}

// forgetOnRestart breaks Figure 2's persistent state: votedFor and the log
// survive a crash (ForgetVoteOnRestart, ForgetLogOnRestart).
func (s *Server) forgetOnRestart() {
	if s.mutated(ForgetVoteOnRestart) && s.VotedFor != "" {
		was := s.VotedFor
		s.VotedFor = ""
		s.explain(RuleRestart, sayForgetVote, server("votedFor", was), number("term", s.CurrentTerm))
	}
	if s.mutated(ForgetLogOnRestart) && len(s.Log) > 0 {
		n := len(s.Log)
		s.truncateLog(1)
		s.explain(RuleRestart, sayForgetLog, number("log", n))
	}
}

// skipsLogCheck breaks the election restriction of §5.4.1
// (VoteWithoutLogCheck).
func (s *Server) skipsLogCheck() bool { return s.mutated(VoteWithoutLogCheck) }

// noteVoteWithoutLogCheck says so when a vote was granted only because
// the check was skipped.
func (s *Server) noteVoteWithoutLogCheck(m Message) {
	if s.skipsLogCheck() && !s.upToDate(m.LastLogTerm, m.LastLogIndex) {
		s.explain(RuleUpToDate, sayVoteNoLogCheck, text("candidate", m.CandidateID),
			number("lastTerm", s.lastTerm()), number("lastIndex", s.lastIndex()))
	}
}

// commitsOldTerm breaks the Figure 8 rule of §5.4.2: it commits entry n,
// of an earlier term, because holders (a majority) store it
// (CommitOldTermsByCounting). It reports whether it did.
func (s *Server) commitsOldTerm(n int, holders []string) bool {
	if !s.mutated(CommitOldTermsByCounting) {
		return false
	}
	t := s.termAt(n)
	if t == s.CurrentTerm {
		return false
	}
	s.CommitIndex = n
	s.explain(RuleCommit, sayCommitOldTerm, number("index", n), number("entryTerm", t),
		text("holders", strings.Join(holders, ", ")), number("term", s.CurrentTerm))
	s.applyCommitted()
	return true
}

// followerCommit is the commitIndex a follower takes from an AppendEntries:
// min(leaderCommit, index of last new entry) (Figure 2); with
// CommitWithoutMin, leaderCommit capped only by the follower's own log.
func (s *Server) followerCommit(leaderCommit, lastNew int) int {
	if !s.mutated(CommitWithoutMin) {
		return min(leaderCommit, lastNew)
	}
	c := min(leaderCommit, s.lastIndex())
	if c > lastNew && c > s.CommitIndex {
		s.explain(RuleFollowerCommit, sayCommitNoMin, number("commitIndex", c), number("lastNew", lastNew), number("leaderCommit", leaderCommit))
	}
	return c
}

// overwritesInPlace breaks the conflict rule of §5.3 (NoTruncateOnConflict):
// the entry at idx is replaced by e and the entries after it are kept. It
// reports whether it did.
func (s *Server) overwritesInPlace(idx int, e Entry) bool {
	if !s.mutated(NoTruncateOnConflict) {
		return false
	}
	old := s.termAt(idx)
	s.Log[idx-s.base()-1] = e
	s.noteRewritten(idx)
	s.explain(RuleTruncate, sayNoTruncate, number("index", idx), number("term", old), number("leaderTerm", e.Term))
	return true
}
