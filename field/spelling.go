package field

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/templates"
)

// The spelling rules: what a student writes is read into the words the
// key is compared in (Field.Canon). Case never matters, nor
// spaces around a value, nor quotes around it. "-", "–", "—", "none",
// "nothing", "n/a", "nil", "∅" and an explicit "" all mean none. Per kind:
//
//   - number: 3, 03, +3 are 3; several (a box's history, oldest first)
//     parted by spaces, commas or arrows: "1 2 3" = "1, 2, 3" = "1→2→3".
//   - time: 325, 325ms, "at 325 ms", "election 325" are 325.
//   - server: S1, s1; a leading "server" is dropped.
//   - servers: S2, S3 = s3 s2 = "S3 and S2": in any order.
//   - roles: F/follower, C/candidate, L/leader, ×/x/down/crashed; several
//     joined by →, ->, >, commas or spaces: C→L = "C, L" = "candidate leader".
//   - answer: yes/y/true/ok/✓/✔/granted/success/accepted/applied;
//     no/n/false/✗/✘/denied/failure/rejected; lost; drop/dropped;
//     …/.../in flight/pending.
//   - values: as on the sheet or in full; "1:sally" for sally (the term is
//     not asked); struck values marked ~~bob~~ or (bob) count as written.
//   - entries: term:value, separated by spaces or commas, in [ ] or not;
//     none, [] or "none (heartbeat)" for none.
//   - message: as the trace sheet prints it, parts in any order, parted
//     by ·, ; or |; -> for →; see parseMessage.
//   - servers: S2, S3 = S3 S2 = "S3 and S2".
//   - rpc: AppendEntries, appendentries, AE; RequestVoteReply, RVR.
//   - event: "heartbeat S1", "S1 heartbeat"; "timeout S3", "S3's
//     election timer fires"; "arrive at S2, S3", "messages arrive at S3
//     and S2".
//
// The template's own labels (a translated "oui") are read as well.

var noneWords = map[string]bool{"-": true, "–": true, "—": true, "none": true, "nothing": true, "n/a": true, "na": true,
	"nil": true, "∅": true, "ø": true, "no one": true, "nobody": true, "empty": true, "": true}

var roleWords = map[string]string{"f": "f", "follower": "f", "c": "c", "candidate": "c", "l": "l", "leader": "l",
	"×": "×", "x": "×", "down": "×", "crashed": "×", "crash": "×", "dead": "×", "†": "×",
	"p": "p", "pre-candidate": "p", "precandidate": "p", "pre": "p"}

var answerWords = map[string]string{
	"yes": "yes", "y": "yes", "true": "yes", "ok": "yes", "✓": "yes", "✔": "yes", "granted": "yes", "success": "yes",
	"succeeded": "yes", "accepted": "yes", "applied": "yes", "1": "yes",
	"no": "no", "n": "no", "false": "no", "✗": "no", "✘": "no", "denied": "no", "failure": "no", "failed": "no",
	"rejected": "no", "0": "no",
	"lost": "lost", "drop": "drop", "dropped": "drop", "drops": "drop",
	"…": "…", "...": "…", "in flight": "…", "inflight": "…", "in-flight": "…", "pending": "…",
}

// Normalize reads what a student wrote for a field of a kind into the
// words the key is compared in; labels are the sheet's template's.
func Normalize(kind Kind, written string, labels *templates.Labels) []string {
	s := unquote(written)
	if kind != KindMessage && strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		s = unquote(s[1 : len(s)-1]) // a list written as YAML's [1, 2]
	}
	if isNone(s, kind, labels) {
		return []string{"-"}
	}
	switch kind {
	case KindVerdict, KindRule, KindEvents:
		return normalizeExam(kind, s)
	case KindNumber:
		var out []string
		for _, t := range CanonTokens(kind, struck().ReplaceAllString(s, " ${1}${2} ")) {
			out = append(out, noneOr(number(t)))
		}
		return out
	case KindTime:
		return []string{number(timeWords().ReplaceAllString(strings.ToLower(s), ""))}
	case KindServer:
		return []string{strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.ToLower(s), "server ")))}
	case KindServers:
		return CanonTokens(kind, strings.NewReplacer(" and ", " ", "&", " ").Replace(strings.ToLower(s)))
	case KindRoles:
		return mapTokens(CanonTokens(kind, s), roleWords, CanonWords(kind, labels))
	case KindAnswer:
		return mapTokens([]string{strings.ToLower(s)}, answerWords, CanonWords(kind, labels))
	case KindValues:
		var out []string
		for _, t := range CanonTokens(kind, struck().ReplaceAllString(s, " ${1}${2} ")) {
			if isNone(t, kind, labels) { // "deleted" after a struck entry
				out = append(out, "-")
				continue
			}
			out = append(out, noneOr(strings.ToLower(termPrefix().ReplaceAllString(t, ""))))
		}
		return out
	case KindEntries:
		s = strings.NewReplacer("[", " ", "]", " ").Replace(s)
		var out []string
		for _, t := range CanonTokens(kind, s) {
			out = append(out, noneOr(strings.ToLower(t)))
		}
		return out
	case KindMessage:
		return []string{parseMessage(s, labels)}
	case KindRPC:
		return []string{readRPC(s, labels)}
	case KindEvent:
		return readEvent(s, labels)
	}
	return []string{strings.ToLower(s)}
}

var (
	timeWords = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(election|heartbeat|timer|next|at|fires|due)\b|ms\b|\s`)
	})
	termPrefix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d+:`) })
	struck     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`~~([^~]*)~~|\(([^()]*)\)`) })
)

// unquote trims spaces and quotes around a value, as many as there are.
func unquote(s string) string {
	for {
		s = strings.TrimSpace(s)
		r := []rune(s)
		if len(r) < 2 {
			return s
		}
		switch string(r[0]) + string(r[len(r)-1]) {
		case `""`, "''", "“”", "‘’", "``", "«»":
			s = string(r[1 : len(r)-1])
		default:
			return s
		}
	}
}

// isNone reports whether s says "nothing", in English or the template's
// words for it.
func isNone(s string, kind Kind, labels *templates.Labels) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	if noneWords[l] {
		return true
	}
	for label, canon := range CanonWords(kind, labels) {
		if canon == "-" && strings.EqualFold(label, s) {
			return true
		}
	}
	return kind == KindEntries && (l == "[]" || l == "heartbeat" || l == "none (heartbeat)")
}

// noneOr is "-" for a word that means none, else the word.
func noneOr(s string) string {
	if noneWords[s] {
		return "-"
	}
	return s
}

// number is s as a decimal number if it is one.
func number(s string) string {
	if n, err := strconv.Atoi(strings.TrimPrefix(s, "+")); err == nil {
		return strconv.Itoa(n)
	}
	return strings.ToLower(s)
}

// mapTokens reads each token through the English words and the template's.
func mapTokens(tokens []string, english, labels map[string]string) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		l := strings.ToLower(strings.TrimSpace(t))
		switch {
		case english[l] != "":
			out[i] = english[l]
		case noneWords[l]:
			out[i] = "-"
		default:
			out[i] = l
			for label, canon := range labels {
				if strings.EqualFold(label, t) {
					out[i] = strings.ToLower(canon)
				}
			}
		}
	}
	return out
}
