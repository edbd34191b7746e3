package templates

import (
	"fmt"
	"maps"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/yaml"
)

// Load reads the template arg names: an existing file, or else a
// built-in name (roleplay, trace). A file's keys override those of the
// built-in template of its kind; problems are reported as FILE:LINE: ….
func Load(arg string) (*Template, error) {
	if st, err := os.Stat(arg); err == nil && !st.IsDir() {
		src, err := os.ReadFile(arg)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", arg, err)
		}
		return Parse(arg, src)
	}
	if _, ok := builtinSource(arg); ok {
		return Builtin(arg)
	}
	return nil, fmt.Errorf("%q is neither a template file nor a built-in template; the built-in ones are: %s",
		arg, strings.Join(Names(), ", "))
}

// Builtin is the built-in template name, parsed and checked.
func Builtin(name string) (*Template, error) {
	src, ok := builtinSource(name)
	if !ok {
		return nil, fmt.Errorf("no built-in template %q (there are: %s)", name, strings.Join(Names(), ", "))
	}
	return parseTemplate("templates/"+name+".yaml", src, nil)
}

// Parse reads a course's template from src; file is the name
// problems are reported under. Keys it leaves out keep the values of the
// built-in template of the same kind.
func Parse(file string, src []byte) (*Template, error) {
	return parseTemplate(file, src, func(kind string) (*Template, error) { return Builtin(kind) })
}

type templateLoader struct {
	file  string
	m     *fonts.Measurer
	diags diag.Diagnostics
}

func (l *templateLoader) errorf(n *yaml.Node, hint, format string, args ...any) {
	d := diag.Diagnostic{File: l.file, Msg: fmt.Sprintf(format, args...), Hint: hint}
	if n != nil {
		d.Line, d.Col = n.Line, n.Column
	}
	l.diags = append(l.diags, d)
}

// parseTemplate reads src over the defaults base returns for its kind (none
// for a built-in template, which must be complete).
func parseTemplate(file string, src []byte, base func(kind string) (*Template, error)) (*Template, error) {
	m, err := fonts.NewMeasurer()
	if err != nil {
		return nil, err
	}
	l := &templateLoader{file: file, m: m}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, l.yamlError(err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		l.errorf(nil, "start from a built-in one: `raftsheet show --template roleplay > FILE` (or trace)", "a template must be a YAML mapping with keys such as kind, labels and sizes")
		return nil, l.diags
	}
	root := doc.Content[0]
	l.checkKeys(root, reflect.TypeOf(Template{}), "the template")
	l.checkText(root, "")
	kind := l.kind(root)
	if len(l.diags) > 0 {
		return nil, l.diags
	}
	t := &Template{}
	if base != nil {
		b, err := base(kind)
		if err != nil {
			return nil, err
		}
		t = b.clone()
	}
	if err := root.Decode(t); err != nil {
		return nil, l.yamlError(err)
	}
	t.Source = file
	l.validate(t, root)
	if len(l.diags) > 0 {
		return nil, l.diags
	}
	return t, nil
}

// yamlError turns yaml.v3's errors into FILE:LINE: diagnostics.
func (l *templateLoader) yamlError(err error) error {
	return diag.FromYAML(l.file, err, "not a valid template: ")
}

func (t *Template) clone() *Template {
	c := *t
	c.Sections = append([]string(nil), t.Sections...)
	c.Text.HowToRun = append([]string(nil), t.Text.HowToRun...)
	c.Text.KeyLegend = append([]string(nil), t.Text.KeyLegend...)
	c.Text.HowToFill = append([]string(nil), t.Text.HowToFill...)
	c.Rules, c.Reasons = maps.Clone(t.Rules), maps.Clone(t.Reasons)
	return &c
}

func (l *templateLoader) kind(root *yaml.Node) string {
	n := mappingValue(root, "kind")
	if n == nil {
		l.errorf(root, "add `kind: roleplay` or `kind: trace`", "the template does not say its kind")
		return ""
	}
	if _, ok := kindSections[n.Value]; !ok || n.Kind != yaml.ScalarNode {
		l.errorf(n, "", "kind must be roleplay or trace, not %q", n.Value)
		return ""
	}
	return n.Value
}

func mappingValue(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// checkKeys reports keys the template type has no field for, so that a
// misspelt label is an error and not a silently ignored line.
func (l *templateLoader) checkKeys(n *yaml.Node, t reflect.Type, where string) {
	if n.Kind != yaml.MappingNode {
		return
	}
	fields := map[string]reflect.Type{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			fields[tag] = t.Field(i).Type
			names = append(names, tag)
		}
	}
	sort.Strings(names)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ft, ok := fields[k.Value]
		if !ok {
			hint := ""
			if s := diag.Suggest(k.Value, names); s != "" {
				hint = fmt.Sprintf("did you mean `%s`?", s)
			}
			l.errorf(k, hint, "unknown key `%s` in %s", k.Value, where)
			continue
		}
		if ft.Kind() == reflect.Struct {
			l.checkKeys(v, ft, k.Value)
		}
	}
}

// checkText reports characters the sheets cannot print: gofpdf handles only
// the Basic Multilingual Plane, control characters have no glyph, and the
// Go fonts cover Latin, Greek and Cyrillic.
func (l *templateLoader) checkText(n *yaml.Node, path string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			l.checkText(n.Content[i+1], strings.TrimPrefix(path+"."+n.Content[i].Value, "."))
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			l.checkText(c, path)
		}
	case yaml.ScalarNode:
		if msg := l.m.Unprintable(n.Value, strings.HasPrefix(path, "text.")); msg != "" {
			l.errorf(n, "", "%s %s", path, msg)
		}
		if strings.HasPrefix(path, "reasons.") {
			return // a reason's {values} are the engine's: validateReasons checks them
		}
		for _, p := range placeholders.FindAllStringSubmatch(n.Value, -1) {
			if !knownPlaceholders[p[1]] {
				l.errorf(n, "the ones raftsheet fills in are: "+strings.Join(slices.Sorted(maps.Keys(knownPlaceholders)), ", "),
					"%s has {%s}, which raftsheet does not know", path, p[1])
			}
		}
	}
}

var placeholders = regexp.MustCompile(`\{([A-Za-z_]*)\}`)

// knownPlaceholders are the {names} raftsheet fills in.
var knownPlaceholders = map[string]bool{
	"page": true, "pages": true, "count": true, "servers": true, "n": true, "first": true, "last": true,
	"max": true, "cut": true, "id": true, "goal": true, "ms": true, "timeout": true, "heartbeat": true,
	"state_pages": true, "slip_pages": true, "debrief_pages": true, "step_pages": true,
	"cover_pages": true, "sheet_pages": true, "students": true, "groups": true, "class_pages": true, "class_sheets": true,
}
