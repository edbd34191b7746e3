package explore

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteText writes the answers for a teacher: a verdict per line, the rule
// or argument behind it, and each witness as numbered steps, in words and
// as the YAML to paste into the exercise.
func (a *Answers) WriteText(w io.Writer) error {
	p := &printer{w: w}
	p.line("%s, after step %d of %q", a.Question, a.After, a.Exercise)
	switch a.Question {
	case "who-can-win":
		p.whoCanWin(a.Answers)
	case "committed":
		p.committed(a.Answers)
	default:
		for _, x := range a.Answers {
			switch x := x.(type) {
			case Possibility:
				p.possibility(x, a.After)
			case Mutant:
				p.mutant(x, a.After)
			}
		}
	}
	return p.err
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
	}
}

func (p *printer) whoCanWin(answers []any) {
	var rows []WhoCanWin
	for _, x := range answers {
		rows = append(rows, x.(WhoCanWin))
	}
	p.line("")
	p.line("Vote matrix: would the voter (column) vote for the candidate (row) in an election it holds with the logs as they are?")
	p.line("  + yes   - no, its own log is more up-to-date (§5.4.1)   (now: the vote if the candidate's timer fired now)")
	var head strings.Builder
	width := 4
	for _, r := range rows {
		width = max(width, len(r.Server)+1)
	}
	fmt.Fprintf(&head, "  %-*s", width, "")
	for _, r := range rows {
		fmt.Fprintf(&head, " %-*s", width, r.Server)
	}
	p.line("%s", head.String())
	for _, r := range rows {
		var b strings.Builder
		fmt.Fprintf(&b, "  %-*s", width, r.Server)
		for _, c := range rows {
			cell := "."
			for _, v := range r.Votes {
				if v.Voter == c.Server {
					cell = map[bool]string{true: "+", false: "-"}[v.Grants]
				}
			}
			fmt.Fprintf(&b, " %-*s", width, cell)
		}
		p.line("%s", b.String())
	}
	for _, r := range rows {
		p.line("")
		switch {
		case r.CanWin == nil:
			p.line("%s: not established. %s", r.Server, r.Because)
		case *r.CanWin:
			p.line("%s CAN win, with the votes of %s.", r.Server, joinAnd(r.Voters))
			p.line("  %s", r.Because)
			p.witness(r.Witness)
		default:
			p.line("%s CANNOT win (%s, %s).", r.Server, r.Rule.Name, r.Rule.Section)
			p.line("  %s", r.Because)
		}
		var refuse []string
		for _, v := range r.Votes {
			if !v.Now && v.NowRule != nil {
				refuse = append(refuse, fmt.Sprintf("%s (%s)", v.Voter, v.NowRule.Section))
			}
		}
		if len(refuse) > 0 {
			p.line("  If its timer fired now, these would refuse: %s.", strings.Join(refuse, ", "))
		}
	}
}

func (p *printer) committed(answers []any) {
	type key struct{ index, term int }
	var order []key
	group := map[key][]Committed{}
	for _, x := range answers {
		c := x.(Committed)
		k := key{c.Index, c.Term}
		if _, ok := group[k]; !ok {
			order = append(order, k)
		}
		group[k] = append(group[k], c)
	}
	slices.SortStableFunc(order, func(a, b key) int {
		if a.index != b.index {
			return a.index - b.index
		}
		return a.term - b.term
	})
	for _, k := range order {
		cs := group[k]
		var on []string
		for _, c := range cs {
			on = append(on, c.Server)
		}
		c := cs[0]
		p.line("")
		what := fmt.Sprintf("entry %d (term %d", k.index, k.term)
		if c.Value != "" {
			what += fmt.Sprintf(", %q", c.Value)
		}
		what += ") on " + joinAnd(on)
		switch {
		case c.Committed == nil:
			p.line("%s: UNKNOWN. %s", what, c.Because)
		case *c.Committed:
			p.line("%s: COMMITTED.", what)
			p.line("  %s", c.Because)
		default:
			p.line("%s: NOT committed.", what)
			p.line("  %s", c.Because)
			p.witness(c.Witness)
		}
	}
}

func (p *printer) possibility(x Possibility, after int) {
	p.line("")
	switch {
	case x.Possible == nil:
		p.line("NOT ESTABLISHED. %s", x.Because)
	case *x.Possible:
		p.line("POSSIBLE. %s", x.Because)
		if x.From != "" {
			p.line("  The witness starts from %s.", x.From)
		}
		p.witness(x.Witness)
	default:
		p.line("IMPOSSIBLE (%s, %s). %s", x.Rule.Name, x.Rule.Section, x.Because)
	}
	if x.Explored != nil {
		p.explored(x.Explored)
	}
}

func (p *printer) mutant(x Mutant, after int) {
	p.line("")
	rules := "none (Raft as in the paper)"
	if len(x.Mutations) > 0 {
		rules = strings.Join(x.Mutations, ", ")
	}
	p.line("Rules broken on purpose: %s", rules)
	if x.Broken != nil && *x.Broken {
		p.line("%s BROKEN at step %d, after %d step(s) of the witness: %s.", x.Property, x.Step, len(x.Witness), x.Detail)
		p.witness(x.Witness)
	} else {
		p.line("Nothing broken. %s", x.Because)
	}
	if x.Explored != nil {
		p.explored(x.Explored)
	}
}

func (p *printer) explored(e *Explored) {
	p.line("  Explored: %s; %d distinct states, %d events, every schedule of %d events%s.", e.Bounds, e.States, e.Events, e.Depth,
		map[bool]string{true: " (no new state after that)", false: ""}[e.Exhausted])
}

func (p *printer) witness(w Witness) {
	if len(w) == 0 {
		return
	}
	p.line("  Witness (%d steps):", len(w))
	for i, s := range w {
		p.line("    %3d. %-44s # %s", i+1, "- "+yamlFlow(s.Event.Format()), s.Words)
	}
}

// yamlFlow writes a step as YAML flow: deliver: {id: 12}, heal.
func yamlFlow(v any) string {
	switch v := v.(type) {
	case string:
		return yamlScalar(v)
	case int:
		return fmt.Sprint(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = yamlFlow(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case [][]string:
		parts := make([]string, len(v))
		for i, g := range v {
			parts[i] = "[" + strings.Join(g, ", ") + "]"
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		if len(v) == 1 {
			for k, x := range v {
				return k + ": " + yamlFlow(x)
			}
		}
		return flowMap(v)
	case map[string]string:
		m := map[string]any{}
		for k, x := range v {
			m[k] = x
		}
		return flowMap(m)
	case map[string]int:
		m := map[string]any{}
		for k, x := range v {
			m[k] = x
		}
		return flowMap(m)
	}
	return fmt.Sprint(v)
}

func flowMap(m map[string]any) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return fieldOrder(a) - fieldOrder(b) })
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + yamlFlow(m[k])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// fieldOrder puts a step's keys in the order the README writes them.
func fieldOrder(k string) int {
	return slices.Index([]string{"id", "server", "value", "from", "to", "type"}, k)
}

func yamlScalar(s string) string {
	if s == "" || strings.ContainsAny(s, ":{}[],&*#?|-<>=!%@`\"'") || strings.TrimSpace(s) != s {
		return fmt.Sprintf("%q", s)
	}
	return s
}
