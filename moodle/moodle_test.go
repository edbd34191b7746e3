package moodle

import (
	"bytes"
	"encoding/xml"
	"fmt"
	htmlx "html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
)

// The shape Moodle's XML import reads (docs.moodle.org, "Moodle XML
// format"; question/format/xml/format.php): the XML declaration alone on
// the first line, a <quiz> of <question>s; a category question's
// <category><text> a path under $course$; a cloze question's <name><text>,
// <questiontext format="html"><text> (the embedded answers), and the
// optional <generalfeedback>, <penalty>, <hidden>, <idnumber>.
type xmlQuiz struct {
	XMLName   xml.Name      `xml:"quiz"`
	Questions []xmlQuestion `xml:"question"`
}

type xmlQuestion struct {
	Type     string   `xml:"type,attr"`
	Category *xmlText `xml:"category"`
	Info     *xmlHTML `xml:"info"`
	Name     *xmlText `xml:"name"`
	Text     *xmlHTML `xml:"questiontext"`
	Feedback *xmlHTML `xml:"generalfeedback"`
	Penalty  string   `xml:"penalty"`
	Hidden   string   `xml:"hidden"`
	IDNumber string   `xml:"idnumber"`
	Other    []xmlAny `xml:",any"`
}

type xmlText struct {
	Text string `xml:"text"`
}

type xmlHTML struct {
	Format string `xml:"format,attr"`
	Text   string `xml:"text"`
}

type xmlAny struct{ XMLName xml.Name }

// The embedded answers, as Moodle's parser reads them
// (question/type/multianswer/questiontype.php, ANSWER_REGEX):
// {weight:TYPE:alternatives}, TYPE one of Moodle's, alternatives parted
// by ~, each an optional = or %n% fraction, the answer, and an optional
// #feedback; an answer ends at an unescaped ~, # or }.
var clozeStart = regexp.MustCompile(`\{([0-9]*):(NUMERICAL|NM|MULTICHOICE|MC|MULTICHOICE_V|MCV|MULTICHOICE_H|MCH|SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC|MULTICHOICE_S|MCS|MULTICHOICE_VS|MCVS|MULTICHOICE_HS|MCHS|MULTIRESPONSE|MR|MULTIRESPONSE_H|MRH|MULTIRESPONSE_S|MRS|MULTIRESPONSE_HS|MRHS):`)

// numericalAnswer is NUMERICAL_ALTERNATIVE_REGEX: a number and an
// optional :tolerance.
var numericalAnswer = regexp.MustCompile(`^-?(([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?)(:-?(([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?))?$`)

var percent = regexp.MustCompile(`^%(-?[0-9]+(?:[.,][0-9]*)?)%`)

// subquestion is one embedded answer: its type and alternatives.
type subquestion struct {
	kind    string
	answers []alternative
}

type alternative struct {
	right  bool
	answer string
}

// parseCloze reads every embedded answer of a question text the way
// Moodle's parser does, and reports what it would refuse (no alternative
// worth full marks, a multiple choice of fewer than two, a numerical
// answer that is no number) or garble (an answer holding a brace, an
// embedded answer never closed).
func parseCloze(text string) ([]subquestion, error) {
	var out []subquestion
	for {
		loc := clozeStart.FindStringSubmatchIndex(text)
		if loc == nil {
			break
		}
		sq := subquestion{kind: text[loc[4]:loc[5]]}
		rest := text[loc[1]:]
		i := 0
		for {
			alt, n, end, err := readAlternative(rest[i:])
			if err != nil {
				return nil, fmt.Errorf("%v in %q", err, text[loc[0]:min(len(text), loc[1]+i+40)])
			}
			sq.answers = append(sq.answers, alt)
			i += n
			if end {
				break
			}
		}
		if err := sq.valid(); err != nil {
			return nil, err
		}
		out = append(out, sq)
		text = rest[i:]
	}
	return out, nil
}

// readAlternative reads one alternative: the bytes it takes with the ~ or
// } after it, and whether that } ends the embedded answer. As Moodle's
// ANSWER_ALTERNATIVE_ANSWER_REGEX, `.+?(?<!\\|&|&amp;)(?=[~#}]|$)`,
// an answer is at least one character and ends at the first ~, # or }
// that follows neither a backslash, nor & or &amp; (an entity such as
// &#8594; stays whole); its feedback, `.*?(?<!\\)(?=[~}]|$)`, at the
// first ~ or } after no backslash. The answer is decoded as Moodle stores
// it: entities decoded, then \} and \# unescaped.
func readAlternative(s string) (alternative, int, bool, error) {
	var a alternative
	i := 0
	if strings.HasPrefix(s, "=") {
		a.right, i = true, 1
	} else if m := percent.FindString(s); m != "" {
		f, _ := strconv.ParseFloat(strings.Trim(m, "%"), 64)
		a.right, i = f == 100, len(m)
	}
	start := i
	ends := func(i int, set string, after ...string) bool {
		if !strings.ContainsRune(set, rune(s[i])) {
			return false
		}
		for _, a := range after {
			if strings.HasSuffix(s[:i], a) {
				return false
			}
		}
		return true
	}
	for i++; i < len(s); i++ { // .+? : the answer's first character never ends it
		if s[i] == '{' || s[i-1] == '{' {
			return a, 0, false, fmt.Errorf("an answer holding {")
		}
		if !ends(i, "~#}", `\`, "&", "&amp;") {
			continue
		}
		a.answer = decode(s[start:i])
		if s[i] == '#' { // feedback, up to a ~ or } after no backslash
			for i++; i < len(s) && !ends(i, "~}", `\`); i++ {
			}
		}
		if i >= len(s) {
			break
		}
		return a, i + 1, s[i] == '}', nil
	}
	return a, 0, false, fmt.Errorf("an embedded answer never closed")
}

// decode is an answer as Moodle stores it: html_entity_decode, then \}
// and \# unescaped (\~ is not).
func decode(s string) string {
	return strings.NewReplacer(`\}`, "}", `\#`, "#").Replace(htmlx.UnescapeString(s))
}

func (sq subquestion) valid() error {
	right := 0
	for _, a := range sq.answers {
		if a.right {
			right++
		}
		if strings.HasPrefix(sq.kind, "NUM") && !numericalAnswer.MatchString(a.answer) {
			return fmt.Errorf("the numerical answer %q is no number", a.answer)
		}
	}
	if right == 0 {
		return fmt.Errorf("a %s with no answer worth full marks", sq.kind)
	}
	if strings.HasPrefix(sq.kind, "MULTICHOICE") && len(sq.answers) < 2 {
		return fmt.Errorf("a multiple choice of %d", len(sq.answers))
	}
	return nil
}

func exportXML(t *testing.T, names []string, variants int) []byte {
	t.Helper()
	tpl, err := templates.Builtin("exam")
	if err != nil {
		t.Fatal(err)
	}
	var sets []Set
	for _, name := range names {
		ex, err := exercises.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		s, err := SetOf(ex, variants)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, s)
	}
	var b bytes.Buffer
	if err := Write(&b, sets, tpl); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var examNames = []string{"exam-figure7", "exam-figure8", "exam-could-it-occur", "exam-mutant"}

// Every built-in exam, with variants, exports to XML of the shape Moodle
// imports: a category per exercise, then its cloze questions, each with a
// name, an HTML question text whose embedded answers Moodle's parser
// reads, and feedback; a question per variant that differs.
func TestExportHasMoodlesShape(t *testing.T) {
	out := exportXML(t, examNames, 3)
	if first, _, _ := strings.Cut(string(out), "\n"); first != `<?xml version="1.0" encoding="UTF-8"?>` {
		t.Fatalf("the first line is %q, not the XML declaration alone", first)
	}
	var q xmlQuiz
	if err := xml.Unmarshal(out, &q); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	category := ""
	perCategory := map[string]int{}
	for _, qu := range q.Questions {
		if len(qu.Other) > 0 {
			t.Errorf("a %s question has elements Moodle does not read: %v", qu.Type, qu.Other)
		}
		switch qu.Type {
		case "category":
			if qu.Category == nil || !strings.HasPrefix(qu.Category.Text, "$course$/") {
				t.Errorf("a category question without a $course$/ path: %+v", qu.Category)
				continue
			}
			category = qu.Category.Text
			perCategory[category] = 0
		case "cloze":
			perCategory[category]++
			if qu.Name == nil || qu.Name.Text == "" || qu.Text == nil || qu.Text.Format != "html" || qu.Feedback == nil {
				t.Errorf("a cloze question lacks its name, HTML text or feedback: %+v", qu)
				continue
			}
			subs, err := parseCloze(qu.Text.Text)
			if err != nil {
				t.Errorf("%s: %v", qu.Name.Text, err)
			}
			kinds := map[string]bool{}
			for _, s := range subs {
				kinds[s.kind] = true
			}
			if strings.HasSuffix(category, "exam-figure7") && !(kinds["MULTICHOICE"] && kinds["NUMERICAL"] && kinds["SHORTANSWER"]) {
				t.Errorf("%s: the who-can-win exam embeds %v, want multiple choice, numerical and short answers", qu.Name.Text, kinds)
			}
			if qu.Penalty == "" || qu.Hidden != "0" || qu.IDNumber == "" {
				t.Errorf("%s: penalty %q, hidden %q, idnumber %q", qu.Name.Text, qu.Penalty, qu.Hidden, qu.IDNumber)
			}
		default:
			t.Errorf("a question of type %q", qu.Type)
		}
	}
	want := map[string]int{ // exam-figure7: variants: false, one question for all three
		"exam-figure7": 1, "exam-figure8": 3, "exam-could-it-occur": 3, "exam-mutant": 3}
	for name, n := range want {
		if got := perCategory["$course$/top/raftsheet/"+name]; got != n {
			t.Errorf("%s: %d cloze questions for 3 variants, want %d", name, got, n)
		}
	}
	if len(perCategory) != len(want) {
		t.Errorf("categories %v", perCategory)
	}
}

// The check can fail: Moodle's parser refuses or garbles these.
func TestClozeCheckCanFail(t *testing.T) {
	for _, bad := range []string{
		"{1:MULTICHOICE:yes~no}",   // nothing right
		"{1:MULTICHOICE:=yes}",     // one choice
		"{1:NUMERICAL:=four:0}",    // no number
		"{1:MULTICHOICE:=yes~no",   // never closed
		"{1:SHORTANSWER:=a{b}~=c}", // a brace inside
		"{1:SHORTANSWER:=}",        // an empty answer: } is its first character
		"{1:SHORTANSWER:=a&amp;}",  // an answer ending in &amp; never closes
		"{1:MULTICHOICE:=yes&~no}", // nor after &: one choice, "yes&~no"
	} {
		if _, err := parseCloze(bad); err == nil {
			t.Errorf("%q passes the check", bad)
		}
	}
	subs, err := parseCloze(`x {1:MULTICHOICE:yes~=no} y {2:NUMERICAL:=4:0} z {1:SHORTANSWER:=a~=c\}d&#38;&#8594;\#e#well done~=f}`)
	if err != nil || len(subs) != 3 || len(subs[2].answers) != 3 || subs[2].answers[1].answer != "c}d&→#e" {
		t.Errorf("a good text: %v %+v", err, subs)
	}
	if got := clozeText(`x&}#~\`); got != `x&#38;\}\#-/` {
		t.Errorf("clozeText: %s", got)
	}
	if subs, err := parseCloze(shortAnswer([]string{"a&", "b&c}", "#d"})); err != nil || len(subs) != 1 || len(subs[0].answers) != 3 ||
		subs[0].answers[0].answer != "a&" || subs[0].answers[1].answer != "b&c}" || subs[0].answers[2].answer != "#d" {
		t.Errorf("answers with & } # do not read back: %v %+v", err, subs)
	}
}

// The key is in the feedback, not the question text: no witness there,
// only the embedded answers.
func TestExportQuestionTextHasNoWitness(t *testing.T) {
	var q xmlQuiz
	if err := xml.Unmarshal(exportXML(t, []string{"exam-figure8"}, 0), &q); err != nil {
		t.Fatal(err)
	}
	for _, qu := range q.Questions {
		if qu.Type != "cloze" {
			continue
		}
		if strings.Contains(qu.Text.Text, "restart S5") || !strings.Contains(qu.Feedback.Text, "restart S5") {
			t.Errorf("the witness belongs in the feedback, not the question text:\n%s", qu.Text.Text)
		}
	}
}

// A committed or who-can-win question's table gives no commitIndex (it
// would answer the first, and may share a step with it); the other
// kinds' tables do.
func TestCommittedFigureHidesCommitIndex(t *testing.T) {
	tpl, err := templates.Builtin("exam")
	if err != nil {
		t.Fatal(err)
	}
	hidden := map[string]bool{"committed": true, "who-can-win": true}
	kinds := map[string]bool{}
	for _, name := range examNames {
		ex, err := exercises.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		s, err := SetOf(ex, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range s.Exams[0].Exam.Questions {
			if shown := strings.Contains(figure(q, tpl), ">"+tpl.Labels.CommitIndex+"<"); shown == hidden[q.Kind] {
				t.Errorf("%s question %d (%s): commitIndex shown %v", name, q.N, q.Kind, shown)
			}
			kinds[q.Kind] = true
		}
	}
	if len(kinds) != 5 {
		t.Fatalf("the exams ask %v: the test needs every kind", kinds)
	}
}

// Figure 7's embedded answers, as Moodle reads them, are the paper's
// (worked by hand): a, c and d can win; with their own votes a would get
// 4 (b, e, f), b 2 (f), c 6 (all but d), d 7, e 3 (b, f), f 1.
func TestExportFigure7AnswersAsMoodleReadsThem(t *testing.T) {
	var q xmlQuiz
	if err := xml.Unmarshal(exportXML(t, []string{"exam-figure7"}, 0), &q); err != nil {
		t.Fatal(err)
	}
	var votes, winners []string
	for _, qu := range q.Questions {
		if qu.Type != "cloze" {
			continue
		}
		subs, err := parseCloze(qu.Text.Text)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range subs {
			var right []string
			for _, a := range s.answers {
				if a.right {
					right = append(right, a.answer)
				}
			}
			switch s.kind {
			case "NUMERICAL":
				votes = append(votes, strings.Join(right, " "))
			case "SHORTANSWER":
				winners = append(winners, right...)
			}
		}
	}
	if got, want := strings.Join(votes, " "), "4:0 2:0 6:0 7:0 3:0 1:0"; got != want {
		t.Errorf("vote counts %s, want %s", got, want)
	}
	if got := strings.Join(winners, " "); got != "a c d" {
		t.Errorf("winners %s, want a c d", got)
	}
}
