package explore

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
)

// WhoCanWin answers, for one server, whether it can win an election held
// with the logs as they are now.
type WhoCanWin struct {
	Server string `json:"server"`
	CanWin *bool  `json:"can_win"`
	// Voters: when it can win, a majority that would vote for it, itself
	// first; when it cannot, every server that would, fewer than a majority.
	Voters  []string `json:"voters"`
	Witness Witness  `json:"witness,omitempty"`
	Rule    *Rule    `json:"rule,omitempty"` // why it cannot
	Because string   `json:"because"`
	Votes   []Vote   `json:"votes"` // its row of the vote matrix
}

// whoCanWin decides, for every server, whether it can win an election with
// the logs as they are (the paper's Figure 7 question).
//
// The decision is exact. A voter grants a vote only if the candidate's log
// is at least as up-to-date as its own (§5.4.1); its term and its vote
// cannot stop a candidate for good, since the candidate can let its timer
// fire until its term passes the voter's, when the voter adopts the new term
// with no vote cast (§5.1, §5.2); a crashed voter can restart with its log.
// So, while no log changes, the candidate can win exactly when the servers
// whose logs are no more up-to-date than its own, itself included, form a
// majority. "Can" comes with a schedule that shows it, built and then
// replayed through the runner; "cannot" names §5.4.1 and the servers that
// refuse.
func whoCanWin(c *engine.Cluster) []WhoCanWin {
	var out []WhoCanWin
	need := majority(c)
	caveat := logsMayChange(c)
	for _, cand := range c.Servers() {
		a := WhoCanWin{Server: cand.ID, Votes: voteRow(c, cand)}
		willing := willingVoters(c, cand)
		if len(willing) < need {
			a.CanWin, a.Voters = boolPtr(false), inClusterOrder(c, willing)
			var refuse []string
			for _, v := range a.Votes {
				if !v.Grants {
					refuse = append(refuse, v.Voter)
				}
			}
			a.Rule = ruleUpToDate.with(fmt.Sprintf("%s hold logs more up-to-date than %s's (%s), so they refuse it (§5.4.1); only %s would vote for it, %d of the %d votes it needs",
				joinAnd(refuse), cand.ID, lastOf(cand.Log), joinAnd(a.Voters), len(a.Voters), need))
			a.Because = a.Rule.Text + caveat
			out = append(out, a)
			continue
		}
		voters := willing[:need]
		w, _, err := electionWitness(c, cand.ID, voters, 0)
		if err != nil {
			a.Because = fmt.Sprintf("%s would get the votes of %s, but no schedule showing it could be built (%v)", cand.ID, joinAnd(voters), err)
			a.Voters = voters
			out = append(out, a)
			continue
		}
		a.CanWin, a.Voters, a.Witness = boolPtr(true), voters, w
		a.Because = fmt.Sprintf("%s's log (%s) is at least as up-to-date as those of %s: with its own vote that is %d of %d, a majority (§5.2, §5.4.1)",
			cand.ID, lastOf(cand.Log), joinAnd(voters[1:]), need, len(c.Servers())) + caveat
		out = append(out, a)
	}
	return out
}

// logsMayChange says when a leader or an AppendEntries in flight could
// change some log before the next election, which would change the answers.
func logsMayChange(c *engine.Cluster) string {
	for _, s := range c.Servers() {
		if s.Up && s.Role == engine.Leader {
			return fmt.Sprintf(" (with the logs as they are: %s, leader of term %d, could still change them first)", s.ID, s.CurrentTerm)
		}
	}
	for _, m := range c.InFlight() {
		if m.Type == engine.AppendEntries && len(m.Entries) > 0 {
			return fmt.Sprintf(" (with the logs as they are: #%d, an AppendEntries in flight, could still change them first)", m.ID)
		}
	}
	return ""
}

func boolPtr(b bool) *bool { return &b }

// joinAnd lists names as a sentence does: "a", "a and b", "a, b and c".
func joinAnd(ids []string) string {
	switch len(ids) {
	case 0:
		return "no one"
	case 1:
		return ids[0]
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1]
}

// majority is the number of servers that form a quorum (§5.2).
func majority(c *engine.Cluster) int { return len(c.Servers())/2 + 1 }
