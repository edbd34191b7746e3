package explore

import (
	"fmt"

	"github.com/raftsheet/raftsheet/engine"
)

// Vote is one cell of the vote matrix: whether voter would grant
// candidate its vote.
type Vote struct {
	Voter string `json:"voter"`
	// Grants: whether the voter would vote for the candidate in an election
	// the candidate can hold with the logs as they are: the candidate can
	// always time out again until its term passes the voter's, so only the
	// logs decide (§5.4.1).
	Grants bool  `json:"grants"`
	Rule   *Rule `json:"rule,omitempty"` // why it refuses
	// Now: whether it would grant the RequestVote the candidate sends if
	// its timer fired now, in term currentTerm+1, and why not (§5.1, §5.2,
	// §5.4.1, or the voter is down).
	Now     bool  `json:"now"`
	NowRule *Rule `json:"now_rule,omitempty"`
}

// voteRow is the candidate's row of the vote matrix, voters in cluster
// order, the candidate itself left out.
func voteRow(c *engine.Cluster, cand *engine.Server) []Vote {
	var row []Vote
	for _, v := range c.Servers() {
		if v.ID == cand.ID {
			continue
		}
		row = append(row, vote(cand, v))
	}
	return row
}

func vote(cand, v *engine.Server) Vote {
	out := Vote{Voter: v.ID, Grants: true, Now: true}
	if !upToDate(cand, v) {
		out.Grants = false
		out.Rule = ruleUpToDate.with(fmt.Sprintf("%s's log (%s) is more up-to-date than %s's (%s): it refuses (§5.4.1)",
			v.ID, lastOf(v.Log), cand.ID, lastOf(cand.Log)))
	}
	term := cand.CurrentTerm + 1
	switch {
	case !v.Up:
		out.Now, out.NowRule = false, ruleDown.with(fmt.Sprintf("%s is down; it would vote only after a restart", v.ID))
	case v.CurrentTerm > term:
		out.Now, out.NowRule = false, ruleTerms.with(fmt.Sprintf("%s is in term %d, past the request's term %d (§5.1)", v.ID, v.CurrentTerm, term))
	case v.CurrentTerm == term && v.VotedFor != "" && v.VotedFor != cand.ID:
		out.Now, out.NowRule = false, ruleOneVote.with(fmt.Sprintf("%s has already voted for %s in term %d (§5.2)", v.ID, v.VotedFor, term))
	case !out.Grants:
		out.Now, out.NowRule = false, out.Rule
	}
	return out
}

// upToDate is the election restriction (§5.4.1): the voter grants only if
// the candidate's log is at least as up-to-date as its own.
func upToDate(cand, voter *engine.Server) bool {
	return engine.AtLeastAsUpToDate(cand.Log.LastTerm(), cand.Log.LastIndex(), voter.Log)
}

func lastOf(l engine.Log) string {
	if len(l) == 0 {
		return "empty"
	}
	return fmt.Sprintf("last term %d, index %d", l.LastTerm(), l.LastIndex())
}
