// Package field is the boxes a student writes in, as grading knows them:
// a Field's stable id (FIELDS.md lists the scheme), what kind of answer it
// holds, the key's answer in the words grading compares in, and the rule
// of the paper behind it; and the spellings (spelling.go): how what a
// student writes is read into the same words, whatever the template's
// labels.
package field

import "strings"

// Field is a box of the worksheet that the key fills in, under a stable
// id printed small in its corner (FIELDS.md in this folder lists the
// scheme). Answer files name fields by id; grading compares them with
// Answer, by the spelling rules of Kind.
type Field struct {
	// Judge, when set, grades what a student wrote in the box instead of
	// comparing it with Canon: a sequence of events is right when playing
	// it through the engine shows what the box asks (an exam's events
	// boxes); why says what it showed. written is what the file has for
	// another box of the sheet, by id ("" when blank).
	Judge func(text string, written func(id string) string) (right bool, why string)

	ID     string
	Kind   Kind
	Answer []string // what the key writes in the box, in order (a replaced value first)
	Full   []string // the same, with abbreviated values in full
	// Canon is the answer in the words grading compares in, whatever the
	// template's labels: numbers; "-" for none; servers by name; roles F,
	// C, L, ×; yes, no, lost, drop, … for responses; values and entries
	// lower-cased and in full; a message as MessageCanon. Alt is the same
	// with long values abbreviated as printed (either is right).
	Canon, Alt []string
	// Given is what the worksheet prints in the box before the answer, in
	// the same words (F of the Terms grid's F→×→F): a student who writes
	// it again is right. Final and FinalAlt are Canon and Alt without the
	// values the key strikes through, when it strikes any: a student who
	// writes only them has the final value right and its history missing.
	Given, Final, FinalAlt []string
	// Unchanged is, for a box the key leaves blank because the step
	// changed nothing there (the trace: blank = unchanged), the value the
	// box holds all the same, in the same words: a student who writes it
	// again is not wrong.
	Unchanged []string
	Part      string // the part of the sheets the box is in: "Raft State S1 · Raft Log", "Step 7"
	Box       string // which box of the part: "index 2, term"
	Page      int    // from 1
	Server    string // whose state it is, or who sent the message; "" if no one's
	Step      int    // the trace step that produced the answer; 0: the initial state
	Rule      Rule   // the rule behind the answer
}

// Kind says what a field holds, so that grading knows which
// spellings mean the same.
type Kind int

const (
	KindNumber  Kind = iota // an index or a term: 3
	KindServer              // a server, or none: S1, –
	KindRoles               // roles one after the other: C→L, follower
	KindAnswer              // a response or an applied mark: yes, no, lost, drop, …, –
	KindValues              // client values: bob tom; x=3
	KindEntries             // log entries: 1:sally 2:tom; none
	KindMessage             // a message in words: RequestVote S1 → S2 · term 1 · …
	KindTime                // a time in ms: 325
	KindServers             // servers in any order: S2, S3
	KindRPC                 // a message's type: AppendEntries, AE
	KindEvent               // what happens at a step of a timed run: heartbeat S1, timeout S3, arrive at S2
	KindVerdict             // an exam's entry: committed, at risk
	KindRule                // an exam's rule: a letter of the rule menu (RuleMenu)
	KindEvents              // an exam's sequence of events: judged by playing it (Judge)
)

var kindNames = [...]string{"number", "server", "roles", "answer", "values", "entries", "message", "time", "servers", "rpc", "event", "verdict", "rule", "events"}

func (k Kind) String() string { return kindNames[k] }

// Spare reports whether the key leaves the box empty: a spare box, for
// a term, an entry or a value the run never reaches.
func (f *Field) Spare() bool { return len(f.Answer) == 0 }

// KeyText is the key's answer as one line.
func (f *Field) KeyText() string { return strings.Join(f.Answer, " ") }
