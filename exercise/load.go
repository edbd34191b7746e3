package exercise

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/infile"
	"github.com/raftsheet/raftsheet/textsafe"
	"github.com/raftsheet/raftsheet/yaml"
)

// Load reads an exercise from YAML. file is the name errors give; name is
// the exercise's NAME (its file name without .yaml). Every independent
// problem is reported, as Diagnostics.
func Load(file, name string, src []byte) (*Exercise, error) {
	if len(src) > MaxFileSize {
		return nil, diag.Diagnostics{{File: file, Msg: "the file is larger than " + infile.Size(MaxFileSize),
			Hint: "an exercise is a few kilobytes; is it the right file?"}}
	}
	l := &loader{file: file, ex: &Exercise{Name: name, File: file, Source: src}, servers: map[string]bool{}, misspelt: map[string]bool{}}
	l.load(src)
	if len(l.diags) > 0 {
		return nil, l.diags.Sorted()
	}
	return l.ex, nil
}

// MaxFileSize is the largest exercise read, checked before reading: the
// longest valid exercise (500 steps, each with a note of the longest
// length) is under 1.6 MB even in three-byte characters, so a file
// larger than 2 MB is not an exercise,
// and refusing it at once keeps a 50 MB file from taking gigabytes.
const MaxFileSize = 2 << 20

type loader struct {
	file    string
	ex      *Exercise
	servers map[string]bool
	diags   diag.Diagnostics
	// misspelt are keys suggested for an unknown key: a required key that
	// is misspelt is not reported missing as well.
	misspelt map[string]bool
	nodes    int // nodes visited, bounded against alias bombs
	// lastSeq is each client session's highest serial number so far.
	lastSeq map[string]int
}

// pair is one key and value of a YAML mapping.
type pair struct {
	key  string
	k, v *yaml.Node
}

func (l *loader) at(n *yaml.Node, hint, format string, args ...any) {
	d := diag.Diagnostic{File: l.file, Msg: fmt.Sprintf(format, args...), Hint: hint}
	if n != nil {
		d.Line, d.Col = n.Line, n.Column
	}
	l.diags = append(l.diags, d)
}

func (l *loader) errorf(n *yaml.Node, format string, args ...any) { l.at(n, "", format, args...) }

func (l *loader) load(src []byte) {
	if d := diag.CheckText(l.file, src); d != nil {
		l.diags = append(l.diags, *d)
		return
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		l.yamlError(src, err)
		return
	}
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		l.diags = append(l.diags, diag.Diagnostic{File: l.file, Line: second.Line, Msg: "a second YAML document starts here (after `---`), and an exercise is one document",
			Hint: "remove the `---` line, or put the second exercise in a file of its own"})
		return
	} else if !errors.Is(err, io.EOF) {
		l.yamlError(src, err)
		return
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		l.diags = append(l.diags, diag.Diagnostic{File: l.file, Msg: "the file is empty",
			Hint: "an exercise needs at least a title, servers and steps; start from a built-in one: `raftsheet show partition > FILE`"})
		return
	}
	root := l.resolve(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" && root.Value == "" {
		l.diags = append(l.diags, diag.Diagnostic{File: l.file, Msg: "the file holds an empty YAML document",
			Hint: "an exercise needs at least a title, servers and steps; start from a built-in one: `raftsheet show partition > FILE`"})
		return
	}
	if root.Kind != yaml.MappingNode {
		l.at(root, "the file should start with keys such as `title:`, `servers:` and `steps:`",
			"an exercise must be a YAML mapping of keys to values, not %s", kindName(root))
		return
	}
	pairs := l.mapping(root, "the exercise", topKeys)
	get := func(k string) *yaml.Node {
		for _, p := range pairs {
			if p.key == k {
				return p.v
			}
		}
		return nil
	}
	l.loadServers(root, get("servers"))
	l.loadMembers(get("members"))
	l.ex.Title = l.requiredText(root, get("title"), "title")
	if n := get("goal"); n != nil {
		l.ex.Goal, _ = l.text(n, "goal", false)
	}
	if n := get("summary"); n != nil {
		l.ex.Summary, _ = l.text(n, "summary", true)
	}
	if n := get("brief"); n != nil {
		l.ex.Brief, _ = l.text(n, "brief", true)
	}
	l.loadStateMachine(get("state_machine"))
	l.loadOptions(get("options"))
	l.loadTiming(get("timing"))
	l.loadInitial(get("initial"))
	l.loadWorksheet(get("worksheet"))
	l.loadVariants(get("variants"))
	l.loadSteps(root, get("steps"))
	l.checkBeyondOptions(get("options"))
	l.loadQuestions(get("questions"))
}

// yamlError reports a YAML syntax error, at its line.
func (l *loader) yamlError(src []byte, err error) {
	for _, d := range diag.FromYAML(l.file, err, "not valid YAML: ") {
		if d.Line == 0 { // yaml.v3 gives no line for an error on the first one
			d.Line = firstColonInValue(src)
		}
		d.Hint = syntaxHint(src, d.Line)
		l.diags = append(l.diags, d)
	}
}

var colonInValue = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?:-\s+)?([a-z_]+):\s+[^"'{\[|>].*:\s`) })

// firstColonInValue is the first line whose value holds ": ", or 0.
func firstColonInValue(src []byte) int {
	for i, line := range strings.Split(string(src), "\n") {
		if colonInValue().MatchString(line) {
			return i + 1
		}
	}
	return 0
}

var bareStep = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*-\s+([a-z_]+)\s*$`) })

// syntaxHint says what most likely went wrong at a YAML syntax error.
func syntaxHint(src []byte, line int) string {
	lines := strings.Split(string(src), "\n")
	if line >= 2 && line-2 < len(lines) {
		if m := bareStep().FindStringSubmatch(lines[line-2]); m != nil {
			return fmt.Sprintf("a step followed by note or ask needs a colon: write `- %s:` on line %d", m[1], line-1)
		}
	}
	if line >= 1 && line-1 < len(lines) {
		if m := colonInValue().FindStringSubmatch(lines[line-1]); m != nil {
			return fmt.Sprintf("the value of `%s` contains \": \"; put the whole value in quotes", m[1])
		}
	}
	return "check the indentation and the quoting on this line and the one before"
}

var topKeys = []string{"title", "goal", "summary", "brief", "servers", "members", "state_machine", "options", "timing", "initial", "worksheet", "variants", "steps", "questions"}

// resolve follows aliases and counts nodes, so a YAML alias bomb ends in
// an error instead of exhausting memory.
func (l *loader) resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	l.nodes++
	return n
}

func (l *loader) tooBig() bool { return l.nodes > maxNodes }

// maxNodes bounds the YAML nodes read, against alias bombs.
const maxNodes = 200_000

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	}
	switch n.ShortTag() {
	case "!!null":
		return "nothing (null)"
	case "!!int":
		return "the number " + n.Value
	case "!!bool":
		return "the boolean " + n.Value
	case "!!float":
		return "the number " + n.Value
	}
	return textsafe.Quote(n.Value, 60)
}

// clipped is a text of the file as a message quotes it: at most 60
// characters.
func clipped(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// mapping checks that n is a mapping with only the allowed keys, each once,
// and returns its pairs with known keys.
func (l *loader) mapping(n *yaml.Node, what string, allowed []string) []pair {
	return l.mappingOf(n, what, "key", allowed)
}

// mappingOf is mapping with a word for what an unknown key is ("key",
// "step").
func (l *loader) mappingOf(n *yaml.Node, what, unknownWhat string, allowed []string) []pair {
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "%s must be a mapping of keys (%s), not %s", what, strings.Join(allowed, ", "), kindName(n))
		return nil
	}
	var out []pair
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := l.resolve(n.Content[i]), l.resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			l.errorf(k, "a key in %s must be a plain word, not %s", what, kindName(k))
			continue
		}
		if !slices.Contains(allowed, k.Value) {
			hint := "allowed here: " + strings.Join(allowed, ", ")
			if s := diag.Suggest(k.Value, allowed); s != "" {
				hint = fmt.Sprintf("did you mean `%s`?", s)
				l.misspelt[s] = true
			}
			where := " in " + what
			if unknownWhat == "step" {
				where = ""
			}
			l.at(k, hint, "unknown %s `%s`%s", unknownWhat, clipped(k.Value), where)
			continue
		}
		if seen[k.Value] {
			l.errorf(k, "`%s` appears twice in %s; give it once", k.Value, what)
			continue
		}
		seen[k.Value] = true
		out = append(out, pair{key: k.Value, k: k, v: v})
	}
	return out
}

// text reads a scalar as text that the sheets can print, no longer than
// the sheets have room for.
func (l *loader) text(n *yaml.Node, what string, multiline bool) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		l.errorf(n, "%s must be text, not %s", what, kindName(n))
		return "", false
	}
	if limit := MaxTextRunes(what); utf8.RuneCountInString(n.Value) > limit {
		l.at(n, fmt.Sprintf("shorten it to at most %d characters: the sheets have room for no more", limit),
			"%s is %d characters long", what, utf8.RuneCountInString(n.Value))
		return "", false
	}
	return n.Value, l.printable(n, what, n.Value, multiline)
}

// Longest texts, in characters. A text this long, of the widest letters,
// still lays out in both built-in templates on A4 and letter (a test
// holds this): the title in every page's running head, the goal, the
// summary and the brief on the cover, a note in its step's heading, an
// explanation in the key, a question's text on the exam sheet.
const (
	MaxTitleRunes    = 200
	MaxGoalRunes     = 500
	MaxSummaryRunes  = 4000
	MaxBriefRunes    = 2000
	MaxNoteRunes     = 1000
	MaxExplainRunes  = 1000
	MaxQuestionRunes = 1000
)

// MaxTextRunes is the longest the text what may be; what is not listed
// (a value, a name, a word) may be as long as a client value.
func MaxTextRunes(what string) int {
	switch what {
	case "title":
		return MaxTitleRunes
	case "goal":
		return MaxGoalRunes
	case "summary":
		return MaxSummaryRunes
	case "brief":
		return MaxBriefRunes
	case "note":
		return MaxNoteRunes
	case "explain":
		return MaxExplainRunes
	case "text": // a question's
		return MaxQuestionRunes
	}
	return engine.MaxValueRunes
}

// printable reports (and explains) characters the PDF fonts cannot draw:
// gofpdf handles only the Basic Multilingual Plane, and control characters
// have no glyph.
func (l *loader) printable(n *yaml.Node, what, s string, multiline bool) bool {
	for i, r := range []rune(s) {
		switch {
		case r == unicode.ReplacementChar && !strings.Contains(s, "\uFFFD"):
			l.errorf(n, "%s is not valid UTF-8 text", what)
			return false
		case r > 0xFFFF:
			l.at(n, "use a character from the Basic Multilingual Plane, or a word", "%s has the character %q (U+%04X) at position %d, which the sheets cannot print", what, r, r, i+1)
			return false
		case unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t')):
			l.at(n, "remove it; line breaks are allowed only in summary, brief, note and explain", "%s has the control character U+%04X at position %d, which the sheets cannot print", what, r, i+1)
			return false
		case textsafe.Invisible(r):
			l.at(n, "remove it: it is invisible, and can make the text read otherwise than it is", "%s has the invisible character U+%04X (a direction or zero-width control) at position %d", what, r, i+1)
			return false
		}
	}
	return true
}

func (l *loader) requiredText(parent, n *yaml.Node, key string) string {
	if n == nil && l.misspelt[key] {
		return ""
	}
	if n == nil {
		l.at(parent, fmt.Sprintf("add a line such as `%s: ...`", key), "the exercise has no `%s`", key)
		return ""
	}
	s, ok := l.text(n, key, false)
	if ok && strings.TrimSpace(s) == "" {
		l.errorf(n, "`%s` is empty", key)
	}
	return strings.TrimSpace(s)
}

// integer reads a whole number in [lo, hi].
func (l *loader) integer(n *yaml.Node, what string, lo, hi int) (int, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
		l.errorf(n, "%s must be a whole number, not %s", what, kindName(n))
		return 0, false
	}
	var v int
	if err := n.Decode(&v); err != nil || v < lo || v > hi {
		l.errorf(n, "%s must be between %d and %d, not %s", what, lo, hi, n.Value)
		return 0, false
	}
	return v, true
}

func (l *loader) boolean(n *yaml.Node, what string) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		l.errorf(n, "%s must be true or false, not %s", what, kindName(n))
		return false, false
	}
	var v bool
	err := n.Decode(&v)
	return v, err == nil
}

// choice reads one of a fixed set of words.
func (l *loader) choice(n *yaml.Node, what string, options []string) (string, bool) {
	s, ok := l.text(n, what, false)
	if !ok {
		return "", false
	}
	if !slices.Contains(options, s) {
		hint := "choose one of: " + strings.Join(options, ", ")
		if g := diag.Suggest(s, options); g != "" {
			hint = fmt.Sprintf("did you mean `%s`?", g)
		}
		l.at(n, hint, "%s cannot be %q", what, s)
		return "", false
	}
	return s, true
}

// server reads a reference to a server of the cluster.
func (l *loader) server(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		l.errorf(n, "%s must name a server, not %s", what, kindName(n))
		return "", false
	}
	id := n.Value
	if l.servers[id] {
		return id, true
	}
	if len(l.ex.Config.Servers) == 0 {
		return "", false // `servers` itself is wrong; said there
	}
	hint := "the servers are " + strings.Join(l.ex.Config.Servers, ", ")
	if g := suggestServer(id, l.ex.Config.Servers); g != "" {
		hint = fmt.Sprintf("did you mean %s? %s", g, hint)
	}
	l.at(n, hint, "%s names %q, which is not a server of this exercise", what, id)
	return "", false
}

// suggestServer guesses a misspelt server name; short names such as S4
// are one letter from every other, so only a case slip counts for them.
func suggestServer(id string, servers []string) string {
	for _, s := range servers {
		if strings.EqualFold(s, id) {
			return s
		}
	}
	if len(id) < 4 {
		return ""
	}
	return diag.Suggest(id, servers)
}

var serverName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`) })

func (l *loader) loadServers(root, n *yaml.Node) {
	if n == nil && l.misspelt["servers"] {
		return
	}
	if n == nil {
		l.at(root, "add `servers: 3` (named S1, S2, S3) or a list of names", "the exercise has no `servers`")
		return
	}
	var names []string
	switch n.Kind {
	case yaml.ScalarNode:
		count, ok := l.integer(n, "servers", 1, engine.MaxServers)
		if !ok {
			if n.ShortTag() == "!!int" {
				l.diags[len(l.diags)-1].Hint = fmt.Sprintf("the sheets have room for at most %d servers", engine.MaxServers)
			}
			return
		}
		for i := 1; i <= count; i++ {
			names = append(names, fmt.Sprintf("S%d", i))
		}
	case yaml.SequenceNode:
		if len(n.Content) == 0 || len(n.Content) > engine.MaxServers {
			l.at(n, fmt.Sprintf("the sheets have room for 1 to %d servers", engine.MaxServers), "servers lists %d names", len(n.Content))
			return
		}
		seen := map[string]string{} // lower case → as written
		for _, c := range n.Content {
			c = l.resolve(c)
			id, ok := l.text(c, "a server name", false)
			switch {
			case !ok:
			case id == "":
				l.at(c, "give every server a name such as S1 or alice", "a server name is empty")
			case !serverName().MatchString(id):
				l.at(c, "use a letter, then letters, digits, - or _", "server name %q is not a plain name", id)
			case len(id) > engine.MaxNameLength:
				l.at(c, "the sheets print names in small boxes", "server name %q is longer than %d characters", id, engine.MaxNameLength)
			case seen[strings.ToLower(id)] == id:
				l.errorf(c, "server name %q appears twice", id)
			case seen[strings.ToLower(id)] != "":
				l.at(c, "answer files and field ids do not tell case apart; give each server a name of its own",
					"server names %q and %q differ only in case", seen[strings.ToLower(id)], id)
			default:
				seen[strings.ToLower(id)] = id
				names = append(names, id)
			}
		}
		if len(names) != len(n.Content) {
			return
		}
	default:
		l.errorf(n, "servers must be a count or a list of names, not %s", kindName(n))
		return
	}
	l.ex.Config.Servers = names
	for _, id := range names {
		l.servers[id] = true
	}
}

func (l *loader) loadStateMachine(n *yaml.Node) {
	if n == nil {
		return
	}
	if s, ok := l.choice(n, "state_machine", []string{"register", "kv"}); ok {
		l.ex.Config.StateMachine, _ = engine.ParseStateMachineKind(s)
	}
}

func (l *loader) loadOptions(n *yaml.Node) {
	if n == nil {
		return
	}
	o := &l.ex.Config.Options
	for _, p := range l.mapping(n, "options", optionKeys) {
		switch p.key {
		case "noop_on_election":
			o.NoopOnElection, _ = l.boolean(p.v, "noop_on_election")
		case "max_entries":
			o.MaxEntries, _ = l.integer(p.v, "max_entries", 0, 1000)
		case "replicate":
			if s, ok := l.choice(p.v, "replicate", []string{"heartbeat", "immediate"}); ok {
				o.Replicate, _ = engine.ParseReplicate(s)
			}
		case "mutate":
			o.Mutate = l.mutations(p.v)
		default:
			l.loadBeyondOption(p)
		}
	}
}

// optionKeys are the options, Figure 2's choices first, then the features
// beyond it.
var optionKeys = append([]string{"noop_on_election", "max_entries", "replicate", "mutate"}, beyondOptionKeys...)

// loadVariants reads what per-student variants may change: `false` for
// nothing, or any of names, values, roles, timing set to false.
func (l *loader) loadVariants(n *yaml.Node) {
	l.ex.Variants = AllVariation
	if n == nil {
		return
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		if all, ok := l.boolean(n, "variants"); ok && !all {
			l.ex.Variants = VariantPolicy{}
		}
		return
	}
	v := &l.ex.Variants
	for _, p := range l.mapping(n, "variants", []string{"names", "values", "roles", "timing"}) {
		b, _ := l.boolean(p.v, "variants "+p.key)
		switch p.key {
		case "names":
			v.Names = b
		case "values":
			v.Values = b
		case "roles":
			v.Roles = b
		case "timing":
			v.Timing = b
		}
	}
}

func (l *loader) loadWorksheet(n *yaml.Node) {
	w := &l.ex.Worksheet
	w.Template, w.Paper = "roleplay", "a4"
	if n == nil {
		return
	}
	for _, p := range l.mapping(n, "worksheet", []string{"template", "paper"}) {
		switch p.key {
		case "template":
			if s, ok := l.choice(p.v, "worksheet template", []string{"roleplay", "trace", "exam"}); ok {
				w.Template = s
			}
		case "paper":
			if s, ok := l.choice(p.v, "paper", []string{"a4", "letter"}); ok {
				w.Paper = s
			}
		}
	}
}
