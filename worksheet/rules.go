package worksheet

import (
	"regexp"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
)

// Rule is the rule of the Raft paper behind an answer: a name a teacher
// groups mistakes by, and where the paper says it.
type Rule struct {
	Name string `json:"name"`
	Cite string `json:"cite"`
}

func (r Rule) String() string {
	if r.Cite == "" {
		return r.Name
	}
	return r.Name + " (" + r.Cite + ")"
}

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
var topicDefaults = map[ruleTopic]Rule{
	topicTerm:         {"Terms: a server's currentTerm", "§5.1"},
	topicVote:         {"One vote per term", "§5.2"},
	topicRole:         {"Leader election", "§5.2"},
	topicLog:          {"Log replication", "§5.3"},
	topicApplied:      {"Apply committed entries in order", "§5.3"},
	topicCommit:       {"When an entry is committed", "§5.3, §5.4.2"},
	topicLeaderIndex:  {"Only a leader keeps nextIndex and matchIndex", "Figure 2"},
	topicTimer:        {"Election timer: restarts on a granted vote, a heartbeat, a new election", "§5.2, Figure 2"},
	topicHeartbeat:    {"Leader sends heartbeats every interval", "§5.2"},
	topicResponse:     {"RPC results", "Figure 2"},
	topicResponseTerm: {"Replies carry the receiver's currentTerm", "Figure 2"},
	topicMatch:        {"matchIndex = prevLogIndex + entries sent", "§5.3"},
	topicMessage:      {"RPC arguments", "Figure 2"},
}

// ruleNames name the engine's reasons by the phrases they use; the first
// row whose phrases all occur wins.
var ruleNames = []struct {
	phrases []string
	rule    Rule
}{
	{[]string{"does not commit"}, Rule{"Figure 8 commit rule", "§5.4.2"}},
	{[]string{"commits index"}, Rule{"Figure 8 commit rule", "§5.4.2"}},
	{[]string{"sets commitIndex"}, Rule{"Follower commitIndex = min(leaderCommit, last new entry)", "§5.3"}},
	{[]string{"applies"}, Rule{"Apply committed entries in order", "§5.3"}},
	{[]string{"denies", "up-to-date"}, Rule{"Election restriction: vote only for an up-to-date log", "§5.4.1"}},
	{[]string{"denies", "already voted"}, Rule{"One vote per term", "§5.2"}},
	{[]string{"grants", "again"}, Rule{"One vote per term", "§5.2"}},
	{[]string{"grants its vote"}, Rule{"Vote for a candidate with an up-to-date log", "§5.2, §5.4.1"}},
	{[]string{"< currentTerm"}, Rule{"Reject an RPC from an older term", "§5.1"}},
	{[]string{"adopts term"}, Rule{"Higher term seen: adopt it, become follower", "§5.1"}},
	{[]string{"times out"}, Rule{"Election timeout: new term, vote for itself", "§5.2"}},
	{[]string{"wins the election"}, Rule{"A majority of votes wins the election", "§5.2"}},
	{[]string{"sets nextIndex to"}, Rule{"New leader: nextIndex = last index + 1, matchIndex = 0", "Figure 2"}},
	{[]string{"no-op"}, Rule{"No-op entry at the start of a term", "§8"}},
	{[]string{"to its log at index"}, Rule{"Leader appends the client's command", "§5.3"}},
	{[]string{"deletes"}, Rule{"A conflicting entry and all after it are deleted", "§5.3"}},
	{[]string{"accepts"}, Rule{"AppendEntries consistency check", "§5.3"}},
	{[]string{"rejects AppendEntries"}, Rule{"AppendEntries consistency check", "§5.3"}},
	{[]string{"already holds"}, Rule{"Entries already present are kept", "§5.3"}},
	{[]string{"appends"}, Rule{"Append the new entries", "§5.3"}},
	{[]string{"stale rejection"}, Rule{"Leader updates matchIndex and nextIndex", "Figure 2"}},
	{[]string{"sets matchIndex"}, Rule{"Leader updates matchIndex and nextIndex", "Figure 2"}},
	{[]string{"decrements nextIndex"}, Rule{"Back up nextIndex after a rejection", "§5.3"}},
	{[]string{"recognizes"}, Rule{"A candidate accepts the leader of its term", "§5.2"}},
	{[]string{"crashes"}, Rule{"Crash: term, vote and log survive, the rest is lost", "Figure 2"}},
	{[]string{"restarts"}, Rule{"Restart as a follower", "Figure 2"}},
	{[]string{"sends AppendEntries to every peer"}, Rule{"Leader sends heartbeats", "§5.2"}},
	{[]string{"is lost", "is down"}, Rule{"Lost: a crashed server receives nothing", "Figure 2"}},
	{[]string{"is lost"}, Rule{"Lost: a partition cuts the receiver off", ""}},
	{[]string{"is dropped"}, Rule{"Dropped by the network", ""}},
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
func ruleOf(reason string) (Rule, bool) {
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
		return Rule{Name: "Raft rule", Cite: c}, true
	}
	return Rule{}, false
}

// ruleBook finds the rule behind an answer in the engine's reasons.
type ruleBook struct{ tr *engine.Trace }

// rule is the rule of the reason, in the given step, about server and
// topic; the topic's default when no reason of that step explains it.
func (b ruleBook) rule(step int, server string, topic ruleTopic) Rule {
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
func (b ruleBook) networkRule(step, id int) Rule {
	if step >= 1 && step <= len(b.tr.Steps) {
		for _, r := range b.tr.Steps[step-1].Reasons {
			if strings.HasPrefix(r, "#"+itoa(id)+" ") {
				if rule, ok := ruleOf(r); ok {
					return rule
				}
			}
		}
	}
	return Rule{Name: "Still in flight when the run ends"}
}
