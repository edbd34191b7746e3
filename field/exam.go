package field

import (
	"strconv"
	"strings"
)

// An exam's boxes (FIELDS.md, "Exam"): ids, the rule menu its rule boxes
// choose from, and how what a student writes in them is read.

// MenuRule is one rule of the menu an exam's rule boxes choose from: the
// theorems of Raft a state that cannot occur breaks, and the safety
// properties a broken Raft loses (Figure 3).
type MenuRule struct {
	Letter string // what the student writes: A, B, …
	Key    string // the rule's key (explore's, or the engine's catalogue's)
	Name   string
	Cite   string
}

// RuleMenu is printed the same on every exam that has a box for one of
// its letters, whatever the answers, so that it gives nothing away.
var RuleMenu = []MenuRule{
	{"A", "election-safety", "Election Safety: at most one leader per term", "§5.2"},
	{"B", "leader-append-only", "Leader Append-Only: a leader never overwrites or deletes its entries", "§5.3"},
	{"C", "log-matching", "Log Matching: logs with an entry of the same index and term agree up to it", "§5.3"},
	{"D", "leader-completeness", "Leader Completeness: a committed entry is in every later leader's log", "§5.4.3"},
	{"E", "state-machine-safety", "State Machine Safety: no two servers apply different entries at one index", "§5.4.3"},
	{"F", "log-terms-grow", "Terms in a log never decrease", "§5.3"},
	{"G", "term-covers-log", "currentTerm is at least every entry's term", "§5.1, §5.3"},
	{"H", "commit-in-log", "commitIndex lies within the log", "Figure 2"},
	{"I", "committed", "An entry is committed only once a majority stores it", "§5.3, §5.4.2"},
	{"J", "vote-for-self", "A candidate or leader voted for itself", "§5.2"},
	{"K", "vote-in-term", "A vote goes to a candidate of the voter's term", "§5.1, §5.2"},
	{"L", "leader-elected", "Every term's entries come from a leader a majority elected", "§5.2"},
}

// MenuRuleOf is the menu's rule with key, if the menu has it.
func MenuRuleOf(key string) (MenuRule, bool) {
	for _, r := range RuleMenu {
		if r.Key == key {
			return r, true
		}
	}
	return MenuRule{}, false
}

// Exam field ids: qN.… for question N. C is a candidate, V a voter, i an
// entry's index and t its term.

// ExamVoteID is qN.C.vote[V]: would V vote for candidate C?
func ExamVoteID(n int, cand, voter string) string {
	return question(n) + "." + cand + "." + indexed("vote", voter)
}

// ExamWinsID is qN.C.wins: can C win the election?
func ExamWinsID(n int, cand string) string { return question(n) + "." + cand + ".wins" }

// ExamCandidateEventsID is qN.C.events: how C wins.
func ExamCandidateEventsID(n int, cand string) string { return question(n) + "." + cand + ".events" }

// ExamEntryID is qN.entry[i,t]: is the entry of index i and term t
// committed, or at risk?
func ExamEntryID(n, index, term int) string {
	return question(n) + "." + indexed("entry", strconv.Itoa(index)+","+strconv.Itoa(term))
}

// ExamEntryEventsID is qN.entry[i,t].events: how the entry is lost.
func ExamEntryEventsID(n, index, term int) string { return ExamEntryID(n, index, term) + ".events" }

// ExamPartID is qN.part: possible, rule, events or property.
func ExamPartID(n int, part string) string { return question(n) + "." + part }

func question(n int) string { return "q" + strconv.Itoa(n) }

// verdictWords read an entry's verdict.
var verdictWords = map[string]string{
	"committed": "committed", "c": "committed", "commit": "committed", "safe": "committed", "yes": "committed", "y": "committed",
	"at risk": "at-risk", "at-risk": "at-risk", "risk": "at-risk", "risky": "at-risk", "r": "at-risk", "not committed": "at-risk",
	"uncommitted": "at-risk", "no": "at-risk", "n": "at-risk", "unsafe": "at-risk",
}

// normalizeExam reads an exam box: a verdict into committed or at-risk, a
// rule into its key (its letter, key or name, with or without its
// section), events as written (a Judge grades them).
func normalizeExam(kind Kind, s string) []string {
	l := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	switch kind {
	case KindVerdict:
		if w, ok := verdictWords[l]; ok {
			return []string{w}
		}
	case KindRule:
		return []string{ruleKey(l)}
	case KindEvents:
		return []string{strings.TrimSpace(s)}
	}
	return []string{l}
}

// ruleKey reads a rule written as its letter ("D", "(d)", "rule D"), its
// key, or its name (the part before the colon is enough: "Leader
// Completeness"), with or without its section.
func ruleKey(l string) string {
	l = strings.TrimSpace(strings.TrimPrefix(l, "rule "))
	l = strings.Trim(l, "().: ")
	if i := strings.Index(l, "§"); i > 0 {
		l = strings.TrimSpace(strings.Trim(l[:i], "(,; "))
	}
	for _, r := range RuleMenu {
		name := strings.ToLower(r.Name)
		short, _, _ := strings.Cut(name, ":")
		switch l {
		case strings.ToLower(r.Letter), r.Key, name, short, strings.ReplaceAll(r.Key, "-", " "):
			return r.Key
		}
	}
	return l
}

// WrittenNone reports whether s says "nothing": blank, -, none, …
func WrittenNone(s string) bool {
	return noneWords[strings.ToLower(strings.TrimSpace(unquote(s)))]
}

// ReadRule is the key of the menu's rule s names (its letter, key or
// name), or s itself, lower-cased, when it names none.
func ReadRule(s string) string {
	return ruleKey(strings.Join(strings.Fields(strings.ToLower(unquote(s))), " "))
}
