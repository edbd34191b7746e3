package templates

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/yaml"
)

// sizeLimits bound each size: below them nothing can be written in, above
// them nothing fits on a page.
var sizeLimits = map[string][2]float64{
	"margin_mm": {5, 30}, "body_pt": {6, 14}, "small_pt": {5, 12}, "heading_pt": {8, 24}, "title_pt": {10, 36},
	"cell_mm": {6, 20}, "spare_terms": {0, 50}, "spare_log_rows": {0, 50}, "value_chars": {4, 60}, "slip_columns": {1, 3},
	"id_pt": {4, 7}, "why_lines": {1, 12}, "event_lines": {2, 20},
}

// roleplayOnlySizes are the sizes of the Raft State sheets and slips.
var roleplayOnlySizes = map[string]bool{"spare_terms": true, "spare_log_rows": true, "slip_columns": true}

// examOnlySizes are the sizes of the exam sheets.
var examOnlySizes = map[string]bool{"event_lines": true}

func (l *templateLoader) validate(t *Template, root *yaml.Node) {
	l.validateSections(t, root)
	l.validateSizes(t, root)
	l.validateLabels(t, root)
	l.validateRules(root)
	l.validateReasons(root)
	l.validateExam(t, root)
	l.validateTraceRows(t, root)
	if len(t.Text.HowToRun) == 0 {
		l.errorf(mappingValue(root, "text"), "", "text.how_to_run must have at least one paragraph")
	}
}

func (l *templateLoader) validateSections(t *Template, root *yaml.Node) {
	at := mappingValue(root, "sections")
	allowed := kindSections[t.Kind]
	if len(t.Sections) == 0 {
		l.errorf(at, "", "sections must list at least one of: %s", strings.Join(allowed, ", "))
	}
	seen := map[string]bool{}
	for _, s := range t.Sections {
		switch {
		case !slices.Contains(allowed, s):
			hint := "a " + t.Kind + " template has: " + strings.Join(allowed, ", ")
			l.errorf(at, hint, "unknown section %q", s)
		case seen[s]:
			l.errorf(at, "", "section %q is listed twice", s)
		}
		seen[s] = true
	}
}

func (l *templateLoader) validateSizes(t *Template, root *yaml.Node) {
	v := reflect.ValueOf(t.Sizes)
	sizes := mappingValue(root, "sizes")
	for i := 0; i < v.NumField(); i++ {
		tag := v.Type().Field(i).Tag.Get("yaml")
		if t.Kind != KindRoleplay && roleplayOnlySizes[tag] || t.Kind != KindExam && examOnlySizes[tag] {
			continue
		}
		lim := sizeLimits[tag]
		f := v.Field(i)
		x := 0.0
		if f.CanInt() {
			x = float64(f.Int())
		} else {
			x = f.Float()
		}
		if !(x >= lim[0] && x <= lim[1]) { // NaN too
			at := sizes
			if sizes != nil {
				if n := mappingValue(sizes, tag); n != nil {
					at = n
				}
			}
			l.errorf(at, "", "sizes.%s must be between %g and %g, not %g", tag, lim[0], lim[1], x)
		}
	}
}

// validateLabels insists every label the kind prints is non-empty: a course
// may translate a label but not blank it.
func (l *templateLoader) validateLabels(t *Template, root *yaml.Node) {
	v := reflect.ValueOf(t.Labels)
	used := labelsUsedBy(t.Kind)
	labels := mappingValue(root, "labels")
	for i := 0; i < v.NumField(); i++ {
		tag := v.Type().Field(i).Tag.Get("yaml")
		if used[tag] && strings.TrimSpace(v.Field(i).String()) == "" {
			at := labels
			if labels != nil {
				if n := mappingValue(labels, tag); n != nil {
					at = n
				}
			}
			l.errorf(at, "", "labels.%s must not be empty: the %s sheets print it", tag, t.Kind)
		}
	}
}

// validateRules checks that every renamed rule exists and gets a name.
func (l *templateLoader) validateRules(root *yaml.Node) {
	rules := mappingValue(root, "rules")
	if rules == nil {
		return
	}
	var keys []string
	for _, r := range engine.Rules() {
		keys = append(keys, r.Key())
	}
	for i := 0; i+1 < len(rules.Content); i += 2 {
		k, v := rules.Content[i], rules.Content[i+1]
		if _, ok := engine.RuleByKey(k.Value); !ok {
			hint := "the rules are: " + strings.Join(keys, ", ")
			if s := diag.Suggest(k.Value, keys); s != "" {
				hint = fmt.Sprintf("did you mean `%s`?", s)
			}
			l.errorf(k, hint, "rules: there is no rule `%s`", clip(k.Value))
		}
		if strings.TrimSpace(v.Value) == "" {
			l.errorf(v, "", "rules.%s must not be empty", k.Value)
		}
	}
}

// validateReasons checks that every translated sentence exists and uses
// only the values its English pattern has.
func (l *templateLoader) validateReasons(root *yaml.Node) {
	reasons := mappingValue(root, "reasons")
	if reasons == nil {
		return
	}
	var keys []string
	for _, s := range engine.Sentences() {
		keys = append(keys, string(s))
	}
	for i := 0; i+1 < len(reasons.Content); i += 2 {
		k, v := reasons.Content[i], reasons.Content[i+1]
		english, ok := engine.Sentence(k.Value).Pattern()
		if !ok {
			hint := "the sentences are: " + strings.Join(keys, ", ")
			if s := diag.Suggest(k.Value, keys); s != "" {
				hint = fmt.Sprintf("did you mean `%s`?", s)
			}
			l.errorf(k, hint, "reasons: there is no sentence `%s`", clip(k.Value))
			continue
		}
		have := engine.PatternNames(english)
		for _, name := range engine.PatternNames(v.Value) {
			if !slices.Contains(have, name) {
				l.errorf(v, "its English pattern is: "+english, "reasons.%s has {%s}, which that sentence does not have", k.Value, name)
			}
		}
		if strings.TrimSpace(v.Value) == "" {
			l.errorf(v, "", "reasons.%s must not be empty", k.Value)
		}
	}
}

// validateTraceRows checks trace_rows: changes or full, and only in a
// trace template.
func (l *templateLoader) validateTraceRows(t *Template, root *yaml.Node) {
	n := mappingValue(root, "trace_rows")
	switch {
	case n == nil:
	case t.Kind != KindTrace:
		l.errorf(n, "leave it out: the role-play sheets have no step rows", "trace_rows is for trace templates")
	case t.TraceRows != TraceChanges && t.TraceRows != TraceFull:
		l.errorf(n, "", "trace_rows must be %s or %s, not %q", TraceChanges, TraceFull, t.TraceRows)
	}
}
