package exam

import (
	"strconv"
	"strings"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/templates"
)

// GoalWords says a goal of the goal language (raftsheet ask goal) in
// English words for a student: "two-leaders" is "two servers are leaders
// at the same time". A clause it does not know is left as written.
func GoalWords(goal string) string {
	var parts []string
	for _, clause := range strings.Split(goal, " and ") {
		parts = append(parts, clauseWords(strings.Fields(clause)))
	}
	return strings.Join(parts, ", and ")
}

var compareWords = map[string]string{"=": "is", "==": "is", "!=": "is not", "<": "is below", "<=": "is at most", ">": "is above", ">=": "is at least"}

func clauseWords(toks []string) string {
	if len(toks) == 0 {
		return ""
	}
	not := toks[0] == "not"
	if not {
		toks = toks[1:]
	}
	s := positiveWords(toks)
	if not {
		return "not (" + s + ")"
	}
	return s
}

func positiveWords(toks []string) string {
	raw := strings.Join(toks, " ")
	if len(toks) == 0 {
		return raw
	}
	kind, rest := toks[0], toks[1:]
	who, rest := subject(rest)
	switch kind {
	case "two-leaders":
		return "two servers are leaders at the same time"
	case "lost-acked":
		return "a server loses an entry it had acknowledged to a leader"
	case "applied-diverge":
		return "two servers apply different entries at the same index"
	case "leader":
		s := who + " is leader"
		if len(rest) == 3 && rest[0] == "term" {
			s += " in a term that " + compareWords[rest[1]] + " " + rest[2]
		}
		return s
	case "term", "commit":
		attr := map[string]string{"term": "currentTerm", "commit": "commitIndex"}[kind]
		if len(rest) == 2 && compareWords[rest[0]] != "" {
			return possessive(who) + " " + attr + " " + compareWords[rest[0]] + " " + rest[1]
		}
	case "entry":
		if len(rest) >= 1 {
			s := possessive(who) + " log holds an entry at index " + rest[0]
			var extra []string
			for i := 1; i+1 < len(rest); i += 2 {
				extra = append(extra, rest[i]+" "+rest[i+1])
			}
			if len(extra) > 0 {
				s += " (" + strings.Join(extra, ", ") + ")"
			}
			return s
		}
	case "leader-lacks":
		if len(toks) == 4 && toks[2] == "term" {
			return "a leader of a term after " + toks[3] + " lacks the entry at index " + toks[1] + " of term " + toks[3]
		}
	case "applied":
		switch {
		case len(toks) == 2:
			return "some server applies " + toks[1]
		case len(rest) == 1:
			return who + " applies " + rest[0]
		}
	case "down", "up":
		if len(toks) == 2 {
			return toks[1] + " is " + kind
		}
	}
	return raw
}

// subject is the server a clause names before its other words, or "some
// server".
func subject(toks []string) (string, []string) {
	if len(toks) == 0 {
		return "some server", toks
	}
	t := toks[0]
	if _, err := strconv.Atoi(t); err == nil || compareWords[t] != "" || t == "term" || t == "value" {
		return "some server", toks
	}
	return t, toks[1:]
}

func possessive(who string) string {
	if who == "some server" {
		return "some server's"
	}
	return who + "'s"
}

// Wording is the question as the teacher wrote it (text:), or its kind's
// wording from the exam template's words xl.
func (q *Question) Wording(xl *templates.Exam, ex *exercise.Exercise) string {
	if t := strings.TrimSpace(q.Text); t != "" {
		return t
	}
	switch q.Kind {
	case "who-can-win":
		return xl.WhoCanWin
	case "committed":
		return xl.Committed
	case "reachable":
		return xl.Reachable
	case "goal":
		return strings.ReplaceAll(xl.Goal, "{goal}", GoalWords(q.Goal))
	}
	var words []string
	for _, m := range ex.Config.Options.Mutate {
		if w := xl.Mutations[string(m)]; w != "" {
			words = append(words, w)
		} else {
			words = append(words, string(m))
		}
	}
	return strings.ReplaceAll(xl.Mutant, "{mutations}", strings.Join(words, "; "))
}
