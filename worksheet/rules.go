package worksheet

import (
	"math"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
)

// ruleTopic is what a field is about: which attribute of a server's state
// (a log index, a peer's nextIndex), or which part of a message. It picks
// the engine's reason that explains the field's answer, and the rule when
// none does.
type ruleTopic struct {
	kind  topicKind
	index int    // topicLog: the log index; 0: the whole log
	peer  string // topicLeaderIndex: whose nextIndex or matchIndex
	next  bool   // topicLeaderIndex: nextIndex, else matchIndex
}

type topicKind int

const (
	kindTerm topicKind = iota
	kindVote
	kindRole
	kindLog
	kindApplied
	kindStateMachine
	kindCommit
	kindLeaderIndex
	kindTimer
	kindHeartbeat
	kindSnapshot // §7: lastIncludedIndex, lastIncludedTerm and the data
	kindConfig   // §6: the configuration in use, the latest in the log
	kindSessions // §8: the state machine's session table
	kindReads    // §8: the read-only requests a leader holds and answers
)

var (
	topicTerm         = ruleTopic{kind: kindTerm}
	topicVote         = ruleTopic{kind: kindVote}
	topicRole         = ruleTopic{kind: kindRole}
	topicLog          = ruleTopic{kind: kindLog} // the whole log
	topicApplied      = ruleTopic{kind: kindApplied}
	topicStateMachine = ruleTopic{kind: kindStateMachine}
	topicCommit       = ruleTopic{kind: kindCommit}
	topicTimer        = ruleTopic{kind: kindTimer}
	topicHeartbeat    = ruleTopic{kind: kindHeartbeat}
	topicSnapshot     = ruleTopic{kind: kindSnapshot}
	topicConfig       = ruleTopic{kind: kindConfig}
	topicSessions     = ruleTopic{kind: kindSessions}
	topicReads        = ruleTopic{kind: kindReads}
)

// logTopic is the entry at index i; leaderTopic a peer's nextIndex or
// matchIndex.
func logTopic(i int) ruleTopic { return ruleTopic{kind: kindLog, index: i} }
func leaderTopic(peer string, next bool) ruleTopic {
	return ruleTopic{kind: kindLeaderIndex, peer: peer, next: next}
}

// attrs are the attributes of a server's state the topic is about.
func (t ruleTopic) attrs() []engine.Attr {
	whole := func(n engine.AttrName) []engine.Attr { return []engine.Attr{{Name: n}} }
	switch t.kind {
	case kindTerm:
		return whole(engine.AttrCurrentTerm)
	case kindVote:
		return whole(engine.AttrVotedFor)
	case kindRole:
		return []engine.Attr{{Name: engine.AttrRole}, {Name: engine.AttrUp}}
	case kindLog:
		if t.index == 0 {
			return []engine.Attr{{Name: engine.AttrLog, From: 1, To: math.MaxInt}}
		}
		return []engine.Attr{{Name: engine.AttrLog, From: t.index, To: t.index}}
	case kindApplied:
		return whole(engine.AttrLastApplied)
	case kindStateMachine:
		return []engine.Attr{{Name: engine.AttrStateMachine}, {Name: engine.AttrLastApplied}}
	case kindCommit:
		return whole(engine.AttrCommitIndex)
	case kindSnapshot:
		return whole(engine.AttrSnapshot)
	case kindConfig: // read from the log, or from a snapshot that replaced it
		return []engine.Attr{{Name: engine.AttrLog, From: 1, To: math.MaxInt}, {Name: engine.AttrSnapshot}}
	case kindSessions:
		return whole(engine.AttrStateMachine)
	case kindReads:
		return whole(engine.AttrReads)
	case kindLeaderIndex:
		if t.next {
			return []engine.Attr{{Name: engine.AttrNextIndex, Peer: t.peer}}
		}
		return []engine.Attr{{Name: engine.AttrMatchIndex, Peer: t.peer}}
	}
	return nil // the timers: no reason speaks of them
}

// preferred are, for each kind of topic, the rules that explain it best
// when several reasons of one step concern it, most telling first: a
// truncation over the append after it, a vote granted over the reset to
// none that a newer term brought.
var preferred = map[topicKind][]engine.Rule{
	kindTerm: {engine.RuleNewerTerm, engine.RuleElectionTimeout},
	kindVote: {engine.RuleGrantVote, engine.RuleElectionTimeout, engine.RuleNewerTerm},
	kindRole: {engine.RuleWinElection, engine.RuleElectionTimeout, engine.RuleNewerTerm, engine.RuleAcceptLeader, engine.RuleCrash, engine.RuleRestart,
		engine.RulePreVote, engine.RuleCheckQuorum, engine.RuleLeaderRemoved},
	kindLog:          {engine.RuleTruncate, engine.RuleClientAppend, engine.RuleNoop, engine.RuleAppendNew, engine.RuleKeepPresent, engine.RuleSnapshot, engine.RuleInstallSnapshot},
	kindApplied:      {engine.RuleApply, engine.RuleCrash},
	kindStateMachine: {engine.RuleApply, engine.RuleCrash},
	kindCommit:       {engine.RuleCommit, engine.RuleFollowerCommit, engine.RuleCrash},
	kindLeaderIndex:  {engine.RuleLeaderIndexes, engine.RuleBackUp, engine.RuleFastBackup, engine.RuleStaleRejection, engine.RuleLeaderInit},
	kindSnapshot:     {engine.RuleSnapshot, engine.RuleInstallSnapshot},
	kindConfig:       {engine.RuleConfigEntry, engine.RuleLeaderRemoved, engine.RuleInstallSnapshot, engine.RuleTruncate, engine.RuleAppendNew},
	kindSessions:     {engine.RuleDuplicateCommand, engine.RuleApply, engine.RuleInstallSnapshot, engine.RuleCrash},
	kindReads:        {engine.RuleReadIndex, engine.RuleLease},
}

// defaults are the rules of fields no reason explains: a value that held
// from the start, or that nothing in the run changes.
var defaults = map[topicKind]engine.Rule{
	kindTerm:         engine.RuleTerms,
	kindVote:         engine.RuleOneVote,
	kindRole:         engine.RuleElection,
	kindLog:          engine.RuleReplication,
	kindApplied:      engine.RuleApply,
	kindStateMachine: engine.RuleApply,
	kindCommit:       engine.RuleCommitted,
	kindLeaderIndex:  engine.RuleLeaderState,
	kindTimer:        engine.RuleElectionTimer,
	kindHeartbeat:    engine.RuleHeartbeatTimer,
	kindSnapshot:     engine.RuleSnapshot,
	kindConfig:       engine.RuleConfigEntry,
	kindSessions:     engine.RuleDuplicateCommand,
	kindReads:        engine.RuleReadIndex,
}

// ruleBook finds the rule behind an answer in the engine's reasons, by
// step, server, attribute and message; it never reads a reason's text.
type ruleBook struct {
	tr    *engine.Trace
	names map[string]string // the template's rule names, by rule key
}

// named is an engine rule as the sheets name it.
func (b ruleBook) named(r engine.Rule) field.Rule {
	name := r.Name()
	if n, ok := b.names[r.Key()]; ok {
		name = n
	}
	return field.Rule{ID: r, Name: name, Cite: r.Cite()}
}

// why is the reasons of a step, none for a step out of range.
func (b ruleBook) why(step int) []engine.Reason {
	if step < 1 || step > len(b.tr.Steps) {
		return nil
	}
	return b.tr.Steps[step-1].Why
}

// rule is the rule of the reason, in the given step, that concerns the
// topic's attribute of server; the topic's default when none does.
func (b ruleBook) rule(step int, server string, t ruleTopic) field.Rule {
	if r, ok := b.reason(step, server, t); ok {
		return b.named(r.Rule)
	}
	return b.named(defaults[t.kind])
}

// reason is the step's most telling reason about server that changed or
// kept the topic's attribute.
func (b ruleBook) reason(step int, server string, t ruleTopic) (engine.Reason, bool) {
	var best engine.Reason
	bestRank, found := math.MaxInt, false
	for _, r := range b.why(step) {
		if r.Server != server || !concerns(r, t.attrs()) {
			continue
		}
		if rank := rankOf(preferred[t.kind], r.Rule); rank < bestRank {
			best, bestRank, found = r, rank, true
		}
	}
	return best, found
}

func concerns(r engine.Reason, attrs []engine.Attr) bool {
	for _, a := range attrs {
		if r.Concerns(a) {
			return true
		}
	}
	return false
}

// rankOf is a rule's place in a list of preferred rules; rules not in it
// come after, in the order the engine gave them.
func rankOf(list []engine.Rule, r engine.Rule) int {
	for i, p := range list {
		if p == r {
			return i
		}
	}
	return len(list)
}

// sender is the reason that sent message id in a step: for a request,
// what made the sender send it; for a reply, the receiver's decision.
func (b ruleBook) sender(step, id int) (engine.Reason, bool) {
	for _, r := range b.why(step) {
		for _, s := range r.Sent {
			if s == id {
				return r, true
			}
		}
	}
	return engine.Reason{}, false
}

// messageRule is the rule behind sending message id in a step.
func (b ruleBook) messageRule(step, id int) field.Rule {
	if r, ok := b.sender(step, id); ok {
		return b.named(r.Rule)
	}
	return b.named(engine.RuleArguments)
}

// responseRules are the rules of a receiver's column of a slip's response
// grid: the answer is the receiver's decision on request (the reason that
// sent reply); the term is the newer term the request brought, the older
// term it was rejected for, or simply the receiver's currentTerm.
func (b ruleBook) responseRules(step int, to string, request, reply int) (ok, term field.Rule) {
	ok, term = b.named(engine.RuleResults), b.named(engine.RuleReplyTerm)
	if r, found := b.sender(step, reply); found {
		ok = b.named(r.Rule)
		if r.Rule == engine.RuleOlderTermRequest {
			term = ok
		}
	}
	for _, r := range b.why(step) {
		if r.Server == to && r.Message == request && r.Changed(engine.Attr{Name: engine.AttrCurrentTerm}) {
			term = b.named(r.Rule)
		}
	}
	return ok, term
}

// networkRule is the rule behind what became of message id in a step:
// the network's reason for losing or dropping it.
func (b ruleBook) networkRule(step, id int) field.Rule {
	for _, r := range b.why(step) {
		if r.Server == "" && r.Message == id {
			switch r.Rule {
			case engine.RuleLostDown, engine.RuleLostPartition, engine.RuleDropped:
				return b.named(r.Rule)
			}
		}
	}
	return b.named(engine.RuleInFlight)
}
