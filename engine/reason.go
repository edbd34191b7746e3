package engine

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Reason is why one change happened, or why a server left something as it
// was, as data: the server it is about ("" for the network), the rule of
// the paper it applies, the message it concerns, the attributes it changed
// or kept, the messages it sent, and its sentence. The sheets and grading
// read these values; the text is for people.
type Reason struct {
	Server  string // whose state it explains; "" for the network
	Rule    Rule
	Message int    // the message it concerns (delivered, lost, dropped, copied); 0 if none
	Changes []Attr // the attributes it changed
	Keeps   []Attr // the attributes it weighed and left as they were ("does not commit")
	Sent    []int  // the messages it sent

	Sentence Sentence // the pattern of its text
	Args     []Arg    // the values the pattern is filled with
	Text     string   // the sentence in English
}

// Concerns reports whether the reason changed or kept some part of
// attribute a (log[3..5] is part of log[1..9]).
func (r Reason) Concerns(a Attr) bool { return r.Changed(a) || overlaps(r.Keeps, a) }

// Changed reports whether the reason changed some part of attribute a.
func (r Reason) Changed(a Attr) bool { return overlaps(r.Changes, a) }

func overlaps(list []Attr, a Attr) bool {
	for _, b := range list {
		if b.Overlaps(a) {
			return true
		}
	}
	return false
}

// Render writes the reason's sentence with the given patterns (a
// template's translation, by sentence key; nil or a missing key: English)
// and words.
func (r Reason) Render(patterns map[string]string, w Words) string {
	p, ok := patterns[string(r.Sentence)]
	if !ok {
		p = sentences[r.Sentence]
	}
	return fillPattern(p, r.Args, w)
}

// MarshalJSON writes the reason as the trace's "why" lists it: server
// (null for the network), rule (its key), name, cite and text, and
// message, changes, keeps and sent when there are any.
func (r Reason) MarshalJSON() ([]byte, error) {
	var server *string
	if r.Server != "" {
		server = &r.Server
	}
	return json.Marshal(struct {
		Server  *string `json:"server"`
		Rule    string  `json:"rule"`
		Name    string  `json:"name"`
		Cite    string  `json:"cite"`
		Text    string  `json:"text"`
		Message int     `json:"message,omitempty"`
		Changes []Attr  `json:"changes,omitempty"`
		Keeps   []Attr  `json:"keeps,omitempty"`
		Sent    []int   `json:"sent,omitempty"`
	}{server, r.Rule.Key(), r.Rule.Name(), r.Rule.Cite(), r.Text, r.Message, r.Changes, r.Keeps, r.Sent})
}

// Words are the words a sentence's values are written in: role names,
// "none" for no server and "nothing" for an empty state machine.
type Words struct {
	Follower, Candidate, Leader string
	None, Nothing               string
	PreCandidate                string // with PreVote; "" for English
}

// English are the words of the engine's own sentences.
var English = Words{Follower: "follower", Candidate: "candidate", Leader: "leader", None: "none", Nothing: "nothing"}

func (w Words) role(r Role) string {
	switch r {
	case Leader:
		return w.Leader
	case Candidate:
		return w.Candidate
	case PreCandidate:
		if w.PreCandidate == "" {
			return PreCandidate.String()
		}
		return w.PreCandidate
	}
	return w.Follower
}

// Arg is one named value of a sentence.
type Arg struct {
	Name string
	kind argKind
	s    string
	n, m int
	role Role
}

type argKind int

const (
	argText   argKind = iota // as it is: a server, a message in short notation
	argNumber                // an integer; {n:one|many} writes "1 one", "3 many"
	argSpan                  // indexes n…m; {s:one|many} writes "one 4", "many 4–7"
	argRole                  // a role, in the words' language
	argServer                // a server, or the words' "none"
	argQuoted                // a client's value, quoted
	argState                 // a state machine's value quoted, or the words' "nothing"
)

func text(name, s string) Arg               { return Arg{Name: name, kind: argText, s: s} }
func number(name string, n int) Arg         { return Arg{Name: name, kind: argNumber, n: n} }
func span(name string, first, last int) Arg { return Arg{Name: name, kind: argSpan, n: first, m: last} }
func role(name string, r Role) Arg          { return Arg{Name: name, kind: argRole, role: r} }
func server(name, id string) Arg            { return Arg{Name: name, kind: argServer, s: id} }
func quoted(name, v string) Arg             { return Arg{Name: name, kind: argQuoted, s: v} }
func state(name, v string) Arg              { return Arg{Name: name, kind: argState, s: v} }

// Value is the argument as a sentence writes it; forms are the pattern's
// "one|many" words, if it gives any.
func (a Arg) Value(w Words, forms []string) string {
	pick := func(plural bool) string {
		if len(forms) < 2 {
			return ""
		}
		if plural {
			return forms[1] + " "
		}
		return forms[0] + " "
	}
	switch a.kind {
	case argNumber:
		if len(forms) < 2 {
			return strconv.Itoa(a.n)
		}
		return strconv.Itoa(a.n) + " " + strings.TrimSuffix(pick(a.n != 1), " ")
	case argSpan:
		if a.n == a.m {
			return pick(false) + strconv.Itoa(a.n)
		}
		return pick(true) + strconv.Itoa(a.n) + "–" + strconv.Itoa(a.m)
	case argRole:
		return w.role(a.role)
	case argServer:
		if a.s == "" {
			return w.None
		}
		return a.s
	case argQuoted:
		return strconv.Quote(a.s)
	case argState:
		if a.s == "" {
			return w.Nothing
		}
		return strconv.Quote(a.s)
	}
	return a.s
}

// fillPattern replaces each {name} or {name:one|many} of a pattern by the
// argument of that name; an unknown name stays as written.
func fillPattern(p string, args []Arg, w Words) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(p, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(p[open:], '}')
		if end < 0 {
			break
		}
		b.WriteString(p[:open])
		name, forms, _ := strings.Cut(p[open+1:open+end], ":")
		if a, ok := argNamed(args, name); ok {
			var fs []string
			if forms != "" {
				fs = strings.Split(forms, "|")
			}
			b.WriteString(a.Value(w, fs))
		} else {
			b.WriteString(p[open : open+end+1])
		}
		p = p[open+end+1:]
	}
	b.WriteString(p)
	return b.String()
}

func argNamed(args []Arg, name string) (Arg, bool) {
	for _, a := range args {
		if a.Name == name {
			return a, true
		}
	}
	return Arg{}, false
}

// PatternNames are the argument names a pattern uses, in order.
func PatternNames(p string) []string {
	var out []string
	for {
		open := strings.IndexByte(p, '{')
		if open < 0 {
			return out
		}
		end := strings.IndexByte(p[open:], '}')
		if end < 0 {
			return out
		}
		name, _, _ := strings.Cut(p[open+1:open+end], ":")
		out = append(out, name)
		p = p[open+end+1:]
	}
}
