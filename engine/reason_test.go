package engine

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"testing"
)

// checkReasons holds the reasons of one event to their promise: every
// reason names a rule and writes its sentence from its values; every
// message sent has exactly one reason that sent it; and every attribute of
// a server's state that the event changed is among the changes of one of
// that server's reasons.
func checkReasons(before, after map[string]ServerState, o Outcome) error {
	causes := map[int]int{}
	for _, r := range o.Why {
		if r.Rule == RuleNone || r.Rule >= ruleCount {
			return fmt.Errorf("reason %q names no rule", r.Text)
		}
		if want := fillPattern(sentences[r.Sentence], r.Args, English); r.Text != want || want == "" {
			return fmt.Errorf("reason %q is not its sentence %s filled in (%q)", r.Text, r.Sentence, want)
		}
		if _, ok := after[r.Server]; r.Server != "" && !ok {
			return fmt.Errorf("reason %q is about an unknown server %q", r.Text, r.Server)
		}
		for _, id := range r.Sent {
			causes[id]++
		}
	}
	for _, m := range o.Sent {
		if causes[m.ID] != 1 {
			return fmt.Errorf("message #%d has %d reasons that sent it, not one", m.ID, causes[m.ID])
		}
	}
	if len(causes) != len(o.Sent) {
		return fmt.Errorf("reasons send %d messages, the event sent %d", len(causes), len(o.Sent))
	}
	for id, a := range after {
		for _, attr := range changedAttrs(before[id], a) {
			if !slices.ContainsFunc(o.Why, func(r Reason) bool { return r.Server == id && r.Changed(attr) }) {
				return fmt.Errorf("%s's %s changed, but no reason of %s's says so (reasons: %q)", id, attr, id, reasonTexts(o.Why))
			}
		}
	}
	return nil
}

// changedAttrs are the attributes in which two states of one server differ.
func changedAttrs(a, b ServerState) []Attr {
	var out []Attr
	if a.Up != b.Up {
		out = append(out, whole(AttrUp))
	}
	if a.Role != b.Role {
		out = append(out, whole(AttrRole))
	}
	if a.Term != b.Term {
		out = append(out, whole(AttrCurrentTerm))
	}
	if !reflect.DeepEqual(a.VotedFor, b.VotedFor) {
		out = append(out, whole(AttrVotedFor))
	}
	byIndex := func(log []LogEntry) map[int]LogEntry {
		m := map[int]LogEntry{}
		for _, e := range log {
			m[e.Index] = e
		}
		return m
	}
	la, lb := byIndex(a.Log), byIndex(b.Log)
	for _, i := range slices.Sorted(maps.Keys(mergeKeys(la, lb))) {
		ea, oka := la[i]
		eb, okb := lb[i]
		if oka != okb || ea != eb {
			out = append(out, logAttr(i, i))
		}
	}
	if !reflect.DeepEqual(a.Snapshot, b.Snapshot) {
		out = append(out, whole(AttrSnapshot))
	}
	if a.CommitIndex != b.CommitIndex {
		out = append(out, whole(AttrCommitIndex))
	}
	if a.LastApplied != b.LastApplied {
		out = append(out, whole(AttrLastApplied))
	}
	if !reflect.DeepEqual(a.StateMachine, b.StateMachine) {
		out = append(out, whole(AttrStateMachine))
	}
	for _, p := range slices.Sorted(maps.Keys(mergeKeys(a.NextIndex, b.NextIndex))) {
		if va, ok := a.NextIndex[p]; ok != hasKey(b.NextIndex, p) || va != b.NextIndex[p] {
			out = append(out, peerAttr(AttrNextIndex, p))
		}
	}
	for _, p := range slices.Sorted(maps.Keys(mergeKeys(a.MatchIndex, b.MatchIndex))) {
		if va, ok := a.MatchIndex[p]; ok != hasKey(b.MatchIndex, p) || va != b.MatchIndex[p] {
			out = append(out, peerAttr(AttrMatchIndex, p))
		}
	}
	return out
}

func mergeKeys[K comparable, V any](a, b map[K]V) map[K]bool {
	out := map[K]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// The check itself can fail: a change no reason mentions, and a message no
// reason sent, are caught.
func TestCheckReasonsCatchesGaps(t *testing.T) {
	before := map[string]ServerState{"S1": {Up: true, Term: 1}}
	after := map[string]ServerState{"S1": {Up: true, Term: 2}}
	if err := checkReasons(before, after, Outcome{}); err == nil {
		t.Error("a term change with no reason passed")
	}
	o := Outcome{Why: []Reason{{Server: "S1", Rule: RuleNewerTerm, Changes: []Attr{whole(AttrCurrentTerm)},
		Sentence: SayQuiet, Text: sentences[SayQuiet]}}}
	if err := checkReasons(before, after, o); err != nil {
		t.Errorf("a reason for the term change was not enough: %v", err)
	}
	o.Sent = []Message{{ID: 1}}
	if err := checkReasons(before, after, o); err == nil {
		t.Error("a message no reason sent passed")
	}
	o.Why[0].Rule = RuleNone
	o.Sent = nil
	if err := checkReasons(before, after, o); err == nil {
		t.Error("a reason with no rule passed")
	}
}

// Reasons name the rule the engine applied: a few hand-checked events.
func TestReasonsAreData(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
steps:
  - timeout: S1
  - deliver: all
  - deliver: all
  - client: {server: S1, value: x}
  - heartbeat: S1
`)
	why := func(step int) []Reason { return tr.Steps[step-1].Why }
	r := why(1)[0]
	if r.Server != "S1" || r.Rule != RuleElectionTimeout || len(r.Sent) != 2 || !r.Changed(whole(AttrCurrentTerm)) ||
		!r.Changed(whole(AttrVotedFor)) || !r.Changed(whole(AttrRole)) {
		t.Errorf("timeout: %+v", r)
	}
	grants := 0
	for _, r := range why(2) {
		if r.Rule == RuleGrantVote {
			grants++
			if r.Message == 0 || len(r.Sent) != 1 || !r.Changed(whole(AttrVotedFor)) {
				t.Errorf("grant: %+v", r)
			}
		}
	}
	if grants != 2 {
		t.Errorf("%d votes granted, want 2", grants)
	}
	var won *Reason
	for i, r := range why(3) {
		if r.Rule == RuleWinElection {
			won = &why(3)[i]
		}
	}
	if won == nil || len(won.Sent) != 2 || !won.Changed(whole(AttrRole)) {
		t.Errorf("win: %+v", won)
	}
	if r := why(5)[0]; r.Rule != RuleSendEntries || len(r.Sent) != 2 {
		t.Errorf("a heartbeat that carries the new entry: %+v", r)
	}
}
