package worksheet

import (
	"regexp"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
)

// ruleTopic is what a field is about; it picks which of the engine's
// reasons explains the field's answer, and the rule when none does.
type ruleTopic int

const (
	topicTerm ruleTopic = iota
	topicVote
	topicRole
	topicLog
	topicApplied
	topicCommit
	topicLeaderIndex
	topicTimer
	topicHeartbeat
	topicResponse
	topicResponseTerm
	topicMatch
	topicMessage
)

// topicWords are the words of the engine's reasons about each topic, most
// telling first.
var topicWords = map[ruleTopic][]string{
	topicTerm:         {"adopts term", "times out", "restarts"},
	topicVote:         {"grants its vote", "times out", "adopts term", "restarts"},
	topicRole:         {"wins the election", "times out", "steps down", "recognizes", "crashes", "restarts", "adopts term"},
	topicLog:          {"deletes", "to its log at index", "no-op", "appends", "already holds"},
	topicApplied:      {"applies", "crashes", "restarts"},
	topicCommit:       {"commits index", "does not commit", "sets commitIndex", "crashes", "restarts"},
	topicLeaderIndex:  {"sets matchIndex", "decrements nextIndex", "stale rejection", "sets nextIndex"},
	topicResponse:     {"grants", "denies", "accepts", "rejects", "deletes", "appends", "already holds", "is lost", "is dropped"},
	topicResponseTerm: {"adopts term", "rejects", "denies"},
	topicMessage:      {"times out", "sends AppendEntries", "decrements nextIndex", "grants", "denies", "accepts", "rejects", "appends", "already holds", "to its log at index"},
}

// topicDefaults are the rules of fields no reason explains: a value that
// held from the start, or that nothing in the run changes.
var topicDefaults = map[ruleTopic]field.Rule{
	topicTerm:         {Name: "Terms: a server's currentTerm", Cite: "§5.1"},
	topicVote:         {Name: "One vote per term", Cite: "§5.2"},
	topicRole:         {Name: "Leader election", Cite: "§5.2"},
	topicLog:          {Name: "Log replication", Cite: "§5.3"},
	topicApplied:      {Name: "Apply committed entries in order", Cite: "§5.3"},
	topicCommit:       {Name: "When an entry is committed", Cite: "§5.3, §5.4.2"},
	topicLeaderIndex:  {Name: "Only a leader keeps nextIndex and matchIndex", Cite: "Figure 2"},
	topicTimer:        {Name: "Election timer: restarts on a granted vote, a heartbeat, a new election", Cite: "§5.2, Figure 2"},
	topicHeartbeat:    {Name: "Leader sends heartbeats every interval", Cite: "§5.2"},
	topicResponse:     {Name: "RPC results", Cite: "Figure 2"},
	topicResponseTerm: {Name: "Replies carry the receiver's currentTerm", Cite: "Figure 2"},
	topicMatch:        {Name: "matchIndex = prevLogIndex + entries sent", Cite: "§5.3"},
	topicMessage:      {Name: "RPC arguments", Cite: "Figure 2"},
}

// ruleNames name the engine's reasons by the phrases they use; the first
// row whose phrases all occur wins.
var ruleNames = []struct {
	phrases []string
	rule    field.Rule
}{
	{[]string{"does not commit"}, field.Rule{Name: "Figure 8 commit rule", Cite: "§5.4.2"}},
	{[]string{"commits index"}, field.Rule{Name: "Figure 8 commit rule", Cite: "§5.4.2"}},
	{[]string{"sets commitIndex"}, field.Rule{Name: "Follower commitIndex = min(leaderCommit, last new entry)", Cite: "§5.3"}},
	{[]string{"applies"}, field.Rule{Name: "Apply committed entries in order", Cite: "§5.3"}},
	{[]string{"denies", "up-to-date"}, field.Rule{Name: "Election restriction: vote only for an up-to-date log", Cite: "§5.4.1"}},
	{[]string{"denies", "already voted"}, field.Rule{Name: "One vote per term", Cite: "§5.2"}},
	{[]string{"grants", "again"}, field.Rule{Name: "One vote per term", Cite: "§5.2"}},
	{[]string{"grants its vote"}, field.Rule{Name: "Vote for a candidate with an up-to-date log", Cite: "§5.2, §5.4.1"}},
	{[]string{"< currentTerm"}, field.Rule{Name: "Reject an RPC from an older term", Cite: "§5.1"}},
	{[]string{"adopts term"}, field.Rule{Name: "Higher term seen: adopt it, become follower", Cite: "§5.1"}},
	{[]string{"times out"}, field.Rule{Name: "Election timeout: new term, vote for itself", Cite: "§5.2"}},
	{[]string{"wins the election"}, field.Rule{Name: "A majority of votes wins the election", Cite: "§5.2"}},
	{[]string{"sets nextIndex to"}, field.Rule{Name: "New leader: nextIndex = last index + 1, matchIndex = 0", Cite: "Figure 2"}},
	{[]string{"no-op"}, field.Rule{Name: "No-op entry at the start of a term", Cite: "§8"}},
	{[]string{"to its log at index"}, field.Rule{Name: "Leader appends the client's command", Cite: "§5.3"}},
	{[]string{"deletes"}, field.Rule{Name: "A conflicting entry and all after it are deleted", Cite: "§5.3"}},
	{[]string{"accepts"}, field.Rule{Name: "AppendEntries consistency check", Cite: "§5.3"}},
	{[]string{"rejects AppendEntries"}, field.Rule{Name: "AppendEntries consistency check", Cite: "§5.3"}},
	{[]string{"already holds"}, field.Rule{Name: "Entries already present are kept", Cite: "§5.3"}},
	{[]string{"appends"}, field.Rule{Name: "Append the new entries", Cite: "§5.3"}},
	{[]string{"stale rejection"}, field.Rule{Name: "Leader updates matchIndex and nextIndex", Cite: "Figure 2"}},
	{[]string{"sets matchIndex"}, field.Rule{Name: "Leader updates matchIndex and nextIndex", Cite: "Figure 2"}},
	{[]string{"decrements nextIndex"}, field.Rule{Name: "Back up nextIndex after a rejection", Cite: "§5.3"}},
	{[]string{"recognizes"}, field.Rule{Name: "A candidate accepts the leader of its term", Cite: "§5.2"}},
	{[]string{"crashes"}, field.Rule{Name: "Crash: term, vote and log survive, the rest is lost", Cite: "Figure 2"}},
	{[]string{"restarts"}, field.Rule{Name: "Restart as a follower", Cite: "Figure 2"}},
	{[]string{"sends AppendEntries to every peer"}, field.Rule{Name: "Leader sends heartbeats", Cite: "§5.2"}},
	{[]string{"is lost", "is down"}, field.Rule{Name: "Lost: a crashed server receives nothing", Cite: "Figure 2"}},
	{[]string{"is lost"}, field.Rule{Name: "Lost: a partition cuts the receiver off", Cite: ""}},
	{[]string{"is dropped"}, field.Rule{Name: "Dropped by the network", Cite: ""}},
}

var (
	citeGroup = regexp.MustCompile(`\(([^()]*(?:§|Figure )[^()]*)\)`)
	citeToken = regexp.MustCompile(`§\d+(?:\.\d+)*|Figure \d+`)
)

// citation is where a reason says its rule is: "§5.4.2, Figure 8".
func citation(reason string) string {
	groups := citeGroup.FindAllStringSubmatch(reason, -1)
	if len(groups) == 0 {
		return ""
	}
	return strings.Join(citeToken.FindAllString(groups[len(groups)-1][1], -1), ", ")
}

// ruleOf names the rule a reason applies.
func ruleOf(reason string) (field.Rule, bool) {
	for _, n := range ruleNames {
		all := true
		for _, p := range n.phrases {
			all = all && strings.Contains(reason, p)
		}
		if all {
			// The table's citation, not the reason's, so that one rule is
			// cited one way and a report groups its misses together.
			r := n.rule
			if r.Cite == "" {
				r.Cite = citation(reason)
			}
			return r, true
		}
	}
	if c := citation(reason); c != "" {
		return field.Rule{Name: "Raft rule", Cite: c}, true
	}
	return field.Rule{}, false
}

// ruleBook finds the rule behind an answer in the engine's reasons.
type ruleBook struct{ tr *engine.Trace }

// rule is the rule of the reason, in the given step, about server and
// topic; the topic's default when no reason of that step explains it.
func (b ruleBook) rule(step int, server string, topic ruleTopic) field.Rule {
	if r := b.reason(step, server, topic); r != "" {
		if rule, ok := ruleOf(r); ok {
			return rule
		}
	}
	return topicDefaults[topic]
}

// reason is the step's first reason about server that uses the topic's
// most telling words.
func (b ruleBook) reason(step int, server string, topic ruleTopic) string {
	if step < 1 || step > len(b.tr.Steps) {
		return ""
	}
	reasons := b.tr.Steps[step-1].Reasons
	for _, w := range topicWords[topic] {
		for _, r := range reasons {
			if about(r, server) && strings.Contains(r, w) {
				return r
			}
		}
	}
	return ""
}

// about reports whether a reason is about server: the engine starts each
// with the server it concerns.
func about(reason, server string) bool { return strings.HasPrefix(reason, server+" ") }

// networkRule is the rule behind what became of message id in a step:
// the network's reason for losing or dropping it.
func (b ruleBook) networkRule(step, id int) field.Rule {
	if step >= 1 && step <= len(b.tr.Steps) {
		for _, r := range b.tr.Steps[step-1].Reasons {
			if strings.HasPrefix(r, "#"+itoa(id)+" ") {
				if rule, ok := ruleOf(r); ok {
					return rule
				}
			}
		}
	}
	return field.Rule{Name: "Still in flight when the run ends"}
}
