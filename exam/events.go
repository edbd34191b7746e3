package exam

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/engine"
)

// The events notation: how a student writes a sequence of events on an
// exam sheet and in an answer file, and how the key writes its witnesses.
// One event per line or separated by ";", each a step of the exercise
// format in words:
//
//	timeout S5              crash S1              restart S1
//	heartbeat S1            client S1 x=3         stabilize
//	deliver all             deliver S5→S1         deliver RequestVote S5→S1
//	deliver from S5         deliver to S1         deliver #12
//	drop S1→S2              duplicate #7          heal
//	partition S1 S2 | S3 S4 S5
//
// Several messages may be picked at once, parted by commas ("deliver
// S5→S1, S5→S2"); "->" may stand for "→"; a leading "1." or "-" is
// ignored; case does not matter for servers, kinds and message types.
const EventsHelp = "one event per line or parted by “;”: timeout S5 · deliver all · deliver S5→S1 (or from S5, to S1, RequestVote S5→S1) · drop S1→S2 · client S1 x · heartbeat S1 · crash S1 · restart S1 · stabilize · partition S1 S2 | S3 · heal"

// ParseEvents reads a written sequence of events into script steps, for
// servers of the cluster. The error names the event it cannot read.
func ParseEvents(text string, servers []string) ([]engine.Step, error) {
	var out []engine.Step
	for i, part := range splitEvents(text) {
		st, err := parseEvent(part, servers)
		if err != nil {
			return nil, fmt.Errorf("event %d (%q): %v", i+1, part, err)
		}
		out = append(out, st)
	}
	return out, nil
}

var eventLead = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?:\d+\s*[.):]|[-•*·])\s*`) })

// splitEvents cuts a text into its events.
func splitEvents(text string) []string {
	var out []string
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == ';' }) {
		line = strings.TrimSpace(eventLead().ReplaceAllString(line, ""))
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

func parseEvent(s string, servers []string) (engine.Step, error) {
	s = strings.NewReplacer("->", "→", "=>", "→", "—>", "→").Replace(s)
	word, rest, _ := strings.Cut(strings.TrimSpace(s), " ")
	word = strings.TrimSuffix(strings.ToLower(word), ":")
	rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
	server := func() (string, error) { return serverNamed(rest, servers) }
	var st engine.Step
	var err error
	switch word {
	case "timeout", "times-out", "election":
		st.Kind = engine.StepTimeout
		st.Server, err = server()
	case "heartbeat":
		st.Kind = engine.StepHeartbeat
		st.Server, err = server()
	case "crash", "crashes":
		st.Kind = engine.StepCrash
		st.Server, err = server()
	case "restart", "restarts":
		st.Kind = engine.StepRestart
		st.Server, err = server()
	case "client":
		st.Kind = engine.StepClient
		id, value, _ := strings.Cut(rest, " ")
		if st.Server, err = serverNamed(strings.TrimSuffix(id, ":"), servers); err == nil {
			st.Value = strings.Trim(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(value), ":")), `"'“”`)
			if st.Value == "" {
				err = fmt.Errorf("write the value the client sends: client %s x", st.Server)
			}
		}
	case "stabilize", "stabilise":
		st.Kind = engine.StepStabilize
	case "heal":
		st.Kind = engine.StepHeal
	case "deliver", "delivers", "drop", "drops", "duplicate", "duplicates", "copy":
		st.Kind = map[string]engine.StepKind{"deliver": engine.StepDeliver, "delivers": engine.StepDeliver,
			"drop": engine.StepDrop, "drops": engine.StepDrop, // the sheets' words: "the network drops …"
			"duplicate": engine.StepDuplicate, "duplicates": engine.StepDuplicate, "copy": engine.StepDuplicate}[word]
		st.Selection, err = parseSelection(rest, servers)
	case "partition":
		st.Kind = engine.StepPartition
		st.Groups, err = parseGroups(rest, servers)
	default:
		return st, fmt.Errorf("unknown event %q; %s", word, EventsHelp)
	}
	return st, err
}

// serverNamed is the server s names, whatever its case.
func serverNamed(s string, servers []string) (string, error) {
	s = strings.Trim(strings.TrimSpace(s), ",.")
	for _, id := range servers {
		if strings.EqualFold(id, s) {
			return id, nil
		}
	}
	if s == "" {
		return "", fmt.Errorf("name the server (one of %s)", strings.Join(servers, ", "))
	}
	return "", fmt.Errorf("%q is not a server (they are %s)", s, strings.Join(servers, ", "))
}

func parseSelection(s string, servers []string) (engine.Selection, error) {
	var out engine.Selection
	for _, part := range strings.Split(s, ",") {
		sel, err := parseSelector(strings.TrimSpace(part), servers)
		if err != nil {
			return nil, err
		}
		out = append(out, sel)
	}
	return out, nil
}

// parseSelector reads all, #12, [type] A→B, [type] from A [to B], to B.
func parseSelector(s string, servers []string) (engine.Selector, error) {
	var sel engine.Selector
	if strings.EqualFold(s, "all") {
		return engine.Selector{All: true}, nil
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(s, "#")); err == nil && n > 0 {
		return engine.Selector{ID: n}, nil
	}
	toks := strings.Fields(strings.ReplaceAll(s, "→", " → "))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if typ, ok := messageType(t); ok {
			sel.Type, sel.HasType = typ, true
			continue
		}
		switch strings.ToLower(t) {
		case "from", "to", "→":
			if i+1 == len(toks) {
				return sel, fmt.Errorf("%q needs a server after it", t)
			}
			id, err := serverNamed(toks[i+1], servers)
			if err != nil {
				return sel, err
			}
			if strings.ToLower(t) == "from" {
				sel.From = id
			} else {
				sel.To = id
			}
			i++
		default:
			id, err := serverNamed(t, servers)
			if err != nil {
				return sel, fmt.Errorf("cannot read %q: write all, #12, S5→S1, from S5, to S1 (a message type may come first)", s)
			}
			sel.From = id
		}
	}
	if sel.From == "" && sel.To == "" && !sel.HasType {
		return sel, fmt.Errorf("say which messages: all, S5→S1, from S5 or to S1")
	}
	return sel, nil
}

// messageType reads a message type, in any case, or its initials.
func messageType(s string) (engine.MessageType, bool) {
	short := map[string]string{"rv": "RequestVote", "rvr": "RequestVoteReply", "ae": "AppendEntries", "aer": "AppendEntriesReply"}
	if full, ok := short[strings.ToLower(s)]; ok {
		s = full
	}
	for _, n := range engine.MessageTypeNames() {
		if strings.EqualFold(n, s) {
			return engine.ParseMessageType(n)
		}
	}
	return 0, false
}

func parseGroups(s string, servers []string) ([][]string, error) {
	var out [][]string
	seen := map[string]bool{}
	for _, g := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '/' }) {
		var group []string
		for _, t := range strings.FieldsFunc(g, func(r rune) bool { return r == ' ' || r == ',' || r == '{' || r == '}' || r == '[' || r == ']' }) {
			id, err := serverNamed(t, servers)
			if err != nil {
				return nil, err
			}
			if seen[id] {
				return nil, fmt.Errorf("%s is in two groups", id)
			}
			seen[id] = true
			group = append(group, id)
		}
		if len(group) > 0 {
			out = append(out, group)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("write the groups: partition S1 S2 | S3 S4 S5")
	}
	return out, nil
}

// FormatEvents writes steps in the events notation, one per line.
func FormatEvents(steps []engine.Step) []string {
	out := make([]string, len(steps))
	for i, st := range steps {
		out[i] = formatEvent(st)
	}
	return out
}

func formatEvent(st engine.Step) string {
	switch st.Kind {
	case engine.StepHeal, engine.StepStabilize:
		return st.Kind.String()
	case engine.StepClient:
		return "client " + st.Server + " " + st.Value
	case engine.StepDeliver, engine.StepDrop, engine.StepDuplicate:
		parts := make([]string, len(st.Selection))
		for i, sel := range st.Selection {
			parts[i] = sel.String()
		}
		return st.Kind.String() + " " + strings.Join(parts, ", ")
	case engine.StepPartition:
		parts := make([]string, len(st.Groups))
		for i, g := range st.Groups {
			parts[i] = strings.Join(g, " ")
		}
		return "partition " + strings.Join(parts, " | ")
	}
	return st.Kind.String() + " " + st.Server
}
