package class

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/pipeline"
)

// Selection is which fields of a sheet are graded, as a teacher writes
// it: "all" (the default), "asked" (the fields of the steps whose script
// says ask:, for the servers it asks), or field id patterns, where *
// stands for any characters and ? for one, written with the exercise's
// own server names so that they pick the same boxes in every variant:
// "S*.log[*].term, step1?.*". Items are separated by commas; a field any
// item selects is graded. Typing hundreds of answers per student is no
// workflow for a class: the answer files hold just the fields selected.
type Selection struct {
	all      bool
	asked    bool
	patterns []*regexp.Regexp
	text     string
}

// ParseSelection reads a selection; "" is all.
func ParseSelection(s string) (Selection, error) {
	var sel Selection
	var items []string
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		switch strings.ToLower(item) {
		case "":
			continue
		case "all":
			sel.all = true
		case "asked":
			sel.asked = true
		default:
			if strings.ContainsAny(item, " \t") {
				return Selection{}, fmt.Errorf("the field pattern %q has a space; separate patterns with commas", item)
			}
			sel.patterns = append(sel.patterns, globRegexp(item))
		}
		items = append(items, item)
	}
	if len(items) == 0 {
		sel.all = true
		items = []string{"all"}
	}
	sel.text = strings.Join(items, ", ")
	return sel, nil
}

// globRegexp is a field id pattern as a regular expression: * any
// characters, ? one, everything else (dots and brackets too) itself, in
// any case.
func globRegexp(p string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("(?i)^")
	for _, r := range p {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// All reports whether every field is graded.
func (s Selection) All() bool { return s.all || (!s.asked && len(s.patterns) == 0) }

func (s Selection) String() string {
	if s.text == "" {
		return "all"
	}
	return s.text
}

// Of are the fields of the sheet the selection grades, in the sheets'
// order.
func (s Selection) Of(sheet *pipeline.Sheet, fields []*field.Field) []*field.Field {
	if s.All() {
		return fields
	}
	rename := originalNames(sheet)
	var out []*field.Field
	for _, f := range fields {
		if s.asked && askedField(sheet, f) || s.matches(rename(f.ID)) {
			out = append(out, f)
		}
	}
	return out
}

func (s Selection) matches(id string) bool {
	for _, p := range s.patterns {
		if p.MatchString(id) {
			return true
		}
	}
	return false
}

// stepPrefix is a trace sheet's field id's step: step12.S3.term.
var stepPrefix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^step(\d+)\.`) })

// askedField reports whether a field belongs to a step whose script says
// ask:, for a server it asks: a trace sheet's row of that step, or a
// Raft State sheet's or slip's box that the step decided.
func askedField(sheet *pipeline.Sheet, f *field.Field) bool {
	n := f.Step
	if m := stepPrefix().FindStringSubmatch(f.ID); m != nil {
		n, _ = strconv.Atoi(m[1])
	}
	tr := sheet.Trace
	if n < 1 || n > len(tr.Steps) {
		return false
	}
	st := tr.Steps[n-1]
	script := sheet.Variant.Steps
	if st.ScriptStep < 1 || st.ScriptStep > len(script) || !script[st.ScriptStep-1].AskSet {
		return false
	}
	return f.Server == "" || slices.Contains(st.Ask, f.Server)
}
