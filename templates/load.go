package templates

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/infile"
	"github.com/raftsheet/raftsheet/textsafe"
	"github.com/raftsheet/raftsheet/yaml"
)

// Load reads the template arg names: an existing file, or else a
// built-in name (roleplay, trace, exam). A file's keys override those of the
// built-in template of its kind; problems are reported as FILE:LINE: ….
func Load(arg string) (*Template, error) {
	src, err := infile.Read(arg, MaxFileSize)
	if err == nil {
		return Parse(arg, src)
	}
	_, builtin := builtinSource(arg)
	switch {
	case builtin && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, infile.ErrFolder)):
		return Builtin(arg)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	return nil, fmt.Errorf("%s is neither a template file nor a built-in template; the built-in ones are: %s",
		textsafe.Quote(arg, 80), strings.Join(Names(), ", "))
}

// MaxFileSize is the largest template file read, checked before reading:
// the built-in ones are under 16 KB, and a course's translation with
// every label, paragraph, rule and reason at its longest is under 512 KB.
const MaxFileSize = 1 << 20

// Builtin is the built-in template name, parsed and checked: as its YAML
// was when this raftsheet was built (builtin_parsed.go, which
// TestBuiltinTemplatesAsParsed keeps the same as parsing the YAML), so
// that no build pays for parsing and checking it.
func Builtin(name string) (*Template, error) {
	if t := parsedBuiltin(name); t != nil {
		return t, nil
	}
	return parseBuiltin(name)
}

// parseBuiltin parses and checks the built-in template name's YAML.
func parseBuiltin(name string) (*Template, error) {
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
	nodes int // nodes visited, bounded against alias bombs
}

// maxNodes bounds the YAML nodes a template's checks visit, aliases
// followed: the built-in templates have about 500.
const maxNodes = 20_000

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
	m, err := fonts.BorrowMeasurer() // the layout after it borrows it again: its widths learnt
	if err != nil {
		return nil, err
	}
	defer fonts.ReturnMeasurer(m)
	l := &templateLoader{file: file, m: m}
	if len(src) > MaxFileSize {
		return nil, diag.Diagnostics{{File: file, Msg: "the file is larger than " + infile.Size(MaxFileSize),
			Hint: "a template is a few kilobytes; is it the right file?"}}
	}
	if d := diag.CheckText(file, src); d != nil {
		return nil, diag.Diagnostics{*d}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, l.yamlError(err)
	}
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		return nil, diag.Diagnostics{{File: file, Line: second.Line, Msg: "a second YAML document starts here (after `---`), and a template is one document",
			Hint: "remove the `---` line and what follows, or put it in a file of its own"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, l.yamlError(err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		l.errorf(nil, "start from a built-in one: `raftsheet show --template roleplay > FILE` (or trace, or exam)", "a template must be a YAML mapping with keys such as kind, labels and sizes")
		return nil, l.diags
	}
	root := doc.Content[0]
	l.checkKeys(root, reflect.TypeOf(Template{}), "the template")
	l.checkText(root, "")
	if l.nodes > maxNodes {
		l.diags = diag.Diagnostics{{File: file, Msg: fmt.Sprintf("the template has more than %d values, counting what its aliases (*name) repeat", maxNodes),
			Hint: "a template has a few hundred; write it without aliases"}}
		return nil, l.diags
	}
	kind := l.kind(root)
	if len(l.diags) > 0 {
		return nil, l.diags
	}
	// What a built-in template may leave out: ids shown, changes asked.
	t := &Template{FieldIDs: true, TraceRows: TraceChanges}
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
	t.Lines = labelLines(root)
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
	c.Exam.Mutations = maps.Clone(t.Exam.Mutations)
	return &c
}

func (l *templateLoader) kind(root *yaml.Node) string {
	n := mappingValue(root, "kind")
	if n == nil {
		l.errorf(root, "add `kind: roleplay`, `kind: trace` or `kind: exam`", "the template does not say its kind")
		return ""
	}
	if _, ok := kindSections[n.Value]; !ok || n.Kind != yaml.ScalarNode {
		l.errorf(n, "", "kind must be roleplay, trace or exam, not %q", clip(n.Value))
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
	n = l.resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
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
			l.errorf(k, hint, "unknown key `%s` in %s", clip(k.Value), where)
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
	at := n
	if n = l.resolve(n); n == nil {
		return
	}
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
		if limit := maxRunes(path); utf8.RuneCountInString(n.Value) > limit {
			l.errorf(at, fmt.Sprintf("shorten it to at most %d characters", limit), "%s is %d characters long", path, utf8.RuneCountInString(n.Value))
			return
		}
		if msg := l.m.Unprintable(n.Value, strings.HasPrefix(path, "text.")); msg != "" {
			l.errorf(at, "", "%s %s", path, msg)
			return
		}
		for i, r := range []rune(n.Value) {
			if textsafe.Invisible(r) {
				l.errorf(at, "remove it: it is invisible, and can make the text read otherwise than it is", "%s has the invisible character U+%04X (a direction or zero-width control) at position %d", path, r, i+1)
				return
			}
		}
		if strings.HasPrefix(path, "reasons.") {
			return // a reason's {values} are the engine's: validateReasons checks them
		}
		for _, p := range placeholders().FindAllStringSubmatch(n.Value, -1) {
			if !knownPlaceholders[p[1]] {
				l.errorf(n, "the ones raftsheet fills in are: "+strings.Join(slices.Sorted(maps.Keys(knownPlaceholders)), ", "),
					"%s has {%s}, which raftsheet does not know", path, p[1])
			}
		}
	}
}

// labelLines are the lines of the labels a template sets, and of its
// sizes.
func labelLines(root *yaml.Node) map[string]int {
	lines := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "sizes" {
			lines["sizes"] = root.Content[i].Line
		}
	}
	if labels := mappingValue(root, "labels"); labels != nil && labels.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(labels.Content); i += 2 {
			lines["labels."+labels.Content[i].Value] = labels.Content[i+1].Line
		}
	}
	return lines
}

// clip is a text of the file as a message quotes it: at most 60
// characters (diag escapes what a terminal must not see).
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// resolve follows an alias (a label written as *name) to what it
// stands for, counting the nodes visited; nil once too many were.
func (l *templateLoader) resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if l.nodes++; l.nodes > maxNodes {
		return nil
	}
	return n
}

// Longest texts of a template, in characters, by where they are: the
// built-in templates' longest label has 472, their longest paragraph 509.
// A label too wide for its box once laid out is a layout error that names
// it (see worksheet).
const (
	MaxLabelRunes     = 1000
	MaxParagraphRunes = 2000
	MaxWordRunes      = 40 // a reason word, a kind, a section
)

func maxRunes(path string) int {
	switch {
	case strings.HasPrefix(path, "text."):
		return MaxParagraphRunes
	case strings.HasPrefix(path, "labels."), strings.HasPrefix(path, "rules."), strings.HasPrefix(path, "reasons."),
		strings.HasPrefix(path, "exam."): // the exam's questions, prompts and mutations are labels too
		return MaxLabelRunes
	}
	return MaxWordRunes
}

var placeholders = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{([A-Za-z_]*)\}`) })

// knownPlaceholders are the {names} raftsheet fills in.
var knownPlaceholders = map[string]bool{
	"page": true, "pages": true, "count": true, "servers": true, "n": true, "first": true, "last": true,
	"max": true, "cut": true, "id": true, "goal": true, "ms": true, "timeout": true, "heartbeat": true,
	"state_pages": true, "slip_pages": true, "debrief_pages": true, "step_pages": true,
	"at": true, "server": true,
	"timed_steps": true, // a timed run's steps that happen by themselves: label timed_steps, or nothing
	"cover_pages": true, "sheet_pages": true, "students": true, "groups": true, "class_pages": true, "class_sheets": true,
	"cover_at": true, "debrief_at": true, "state_at": true, "slips_at": true, "steps_at": true,
	"kinds": true, // the slips' stacks beyond Figure 2
	// exam sheets
	"questions": true, "points": true, "index": true, "term": true, "mutations": true, "letters": true,
}
