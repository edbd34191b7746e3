package explore

import "github.com/raftsheet/raftsheet/engine"

// Rule is the rule of the paper behind an answer: its key and name (the
// engine's catalogue's, where the catalogue has it), where the paper states
// it, and the sentence that applies it to the case at hand.
type Rule struct {
	Key     string `json:"key"`
	Name    string `json:"name"`
	Section string `json:"section"`
	Text    string `json:"text"`
}

// catalogued is a rule of the engine's catalogue.
func catalogued(r engine.Rule) Rule {
	return Rule{Key: r.Key(), Name: r.Name(), Section: r.Cite()}
}

// The rules answers cite. The safety properties of Figure 3 and the facts
// below them that the catalogue does not list (it names the rules that
// explain a change) get keys of their own.
var (
	ruleUpToDate       = catalogued(engine.RuleUpToDate)
	ruleOneVote        = catalogued(engine.RuleOneVote)
	ruleTerms          = catalogued(engine.RuleOlderTermRequest)
	ruleCommitted      = catalogued(engine.RuleCommitted)
	ruleDown           = catalogued(engine.RuleLostDown)
	ruleCommitIndex    = Rule{Key: "commit-index", Name: "commitIndex covers only committed entries", Section: "Figure 2, §5.3"}
	ruleCommitCounting = catalogued(engine.RuleCommit)
	ruleNoLeaderLacks  = Rule{Key: "no-later-leader-lacks", Name: "No later leader can lack it", Section: "§5.4.2, Figure 8"}
	ruleElectionSafety = Rule{Key: "election-safety", Name: "Election Safety", Section: "§5.2"}
	ruleLogMatching    = Rule{Key: "log-matching", Name: "Log Matching", Section: "§5.3"}
	ruleLeaderComplete = Rule{Key: "leader-completeness", Name: "Leader Completeness", Section: "§5.4.3"}
	ruleStateMachine   = Rule{Key: "state-machine-safety", Name: "State Machine Safety", Section: "§5.4.3"}
	ruleTermOfLog      = Rule{Key: "term-covers-log", Name: "currentTerm is at least every entry's term", Section: "§5.1, §5.3"}
	ruleCandidateVotes = Rule{Key: "vote-for-self", Name: "A candidate votes for itself", Section: "§5.2"}
	ruleLogTermsGrow   = Rule{Key: "log-terms-grow", Name: "Terms in a log never decrease", Section: "§5.3"}
	ruleCommitInLog    = Rule{Key: "commit-in-log", Name: "commitIndex lies within the log", Section: "Figure 2"}
	ruleVoterTerm      = Rule{Key: "vote-in-term", Name: "A vote goes to a candidate of the voter's term", Section: "§5.1, §5.2"}
	ruleLeaderElected  = Rule{Key: "leader-elected", Name: "Every term's entries come from a leader a majority elected", Section: "§5.2"}
)

func (r Rule) with(text string) *Rule {
	r.Text = text
	return &r
}
