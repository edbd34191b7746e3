package worksheet

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/exam"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// The exam template: a cover (the brief, how to answer, the menu of rules
// to name, what happened before), one block per question (the cluster
// drawn as the paper draws logs, then the answer boxes its kind needs),
// and on the key alone every answer with its rule and witness. Every box
// is as big on the worksheet as on the key, whatever the answer, so the
// sheet gives nothing away.

// buildExam works out the exam's answers (unless opt has them) and checks
// its texts print.
func buildExam(ex *exercise.Exercise, opt Options, m interface {
	Unprintable(string, bool) string
}) (*exam.Exam, error) {
	e := opt.exam
	if e == nil {
		var err error
		if e, err = exam.Build(ex); err != nil {
			return nil, err
		}
	}
	for _, q := range e.Questions {
		for _, t := range []string{q.Text, q.Goal} {
			if msg := m.Unprintable(t, true); msg != "" {
				return nil, diag.Diagnostics{{File: ex.File, Line: q.Line, Col: q.Col, Msg: fmt.Sprintf("question %d's text %q %s", q.N, clip(t, 40), msg),
					Hint: "the Go fonts have Latin, Greek and Cyrillic letters and common symbols; write it with those", Err: ErrUnprintable}}
			}
		}
	}
	return e, nil
}

// examSection lays out one section of the exam template.
func (l *layout) examSection(s string) {
	switch s {
	case "cover":
		l.examCover()
	case "questions":
		l.examQuestions()
	case "notes":
		l.examNotes()
	}
}

// examCover is the students' first page: the title, what the exam is
// about, how to answer, the menu of rules where a box asks for one, and
// the steps the questions follow.
func (l *layout) examCover() {
	l.StartPage("cover")
	b, st, lbl, xl := l.Body, l.st, l.lbl, &l.tpl.Exam
	e := l.shared.exam
	var rows []page.Row
	rows = append(rows, l.paragraph(page.Words(l.tr.Title, page.Print), fonts.Bold, st.title, b.X, b.W)...)
	sub := fill(xl.Subtitle, "questions", itoa(len(e.Questions)), "points", itoa(e.Points()), "count", itoa(len(l.tr.Servers)))
	rows = append(rows, l.paragraph(page.Words(sub, page.Print), fonts.Regular, st.body, b.X, b.W)...)
	rows = append(rows, page.Gap(2))
	rows = append(rows, l.paragraph(page.Words(l.examBrief(), page.Print), fonts.Regular, st.body, b.X, b.W)...)
	l.Place(page.Block{Rows: rows})
	l.coverSection(lbl.HowToRun, l.paragraphs(append(append([]string{}, l.tpl.Text.HowToRun...), lbl.PrintPlan)))
	l.coverSection(lbl.Cluster, l.paragraphs([]string{l.tr.Setup()}))
	l.coverSection(lbl.HowToFill, l.paragraphs(l.tpl.Text.HowToFill))
	if e.AsksForRules() { // a menu no box asks for is only something more to read
		l.coverSection(xl.RuleMenu, l.ruleMenu())
	}
	if story := l.examStory(); len(story) > 0 {
		l.coverSection(xl.StoryHeading, story)
	}
}

// examBrief is the students' introduction: the exercise's own when it is
// written for an exam (it has questions:, or the exam is its template),
// else the template's, which says only what the sheets show.
func (l *layout) examBrief() string {
	if b := strings.TrimSpace(l.tr.Brief); b != "" && (len(l.ex.Questions) > 0 || l.ex.Worksheet.Template == templates.KindExam) {
		return b
	}
	return l.instruction(l.lbl.Brief)
}

// ruleMenu is the table of rules a rule box chooses from: the same on
// every exam, so it says nothing about the answers.
func (l *layout) ruleMenu() []page.Row {
	size := l.st.small
	letters := make([]string, len(field.RuleMenu))
	for i, r := range field.RuleMenu {
		letters[i] = r.Letter
	}
	rows := l.paragraph(page.Words(fill(l.tpl.Exam.RuleMenuIntro, "letters", letters[0]+"–"+letters[len(letters)-1]), page.Print), fonts.Regular, l.st.body, l.Body.X, l.Body.W)
	letterW := l.fitWidth(fonts.Bold, size, letters...)
	var cites []string
	for _, r := range field.RuleMenu {
		cites = append(cites, r.Cite)
	}
	citeW := l.fitWidth(fonts.Regular, size, cites...)
	const columns = 2
	colW := l.Body.W / columns
	half := (len(field.RuleMenu) + columns - 1) / columns
	for i := 0; i < half; i++ {
		var cells []cell
		var widths []float64
		for c := 0; c < columns; c++ {
			if k := c*half + i; k < len(field.RuleMenu) {
				r := field.RuleMenu[k]
				cells = append(cells, boldLabel(r.Letter), given(r.Name).left(), given(r.Cite))
			} else {
				cells = append(cells, cell{}, cell{}, cell{})
			}
			widths = append(widths, letterW, colW-letterW-citeW, citeW)
		}
		rows = append(rows, l.tableRow(l.Body.X, widths, cells, size, 0))
	}
	return rows
}

// examStory is the script's steps up to the last one a question follows,
// as the teacher announces them: what the students are told happened.
func (l *layout) examStory() []page.Row {
	last := 0
	for _, q := range l.shared.exam.Questions {
		last = max(last, q.After)
	}
	var rows []page.Row
	size := l.st.body
	var names []string
	for i := 1; i <= last; i++ {
		names = append(names, fill(l.lbl.Step, "n", itoa(i)))
	}
	nameW := l.fitWidth(fonts.Bold, size, names...)
	for i, st := range l.ex.Steps[:last] {
		said := strings.TrimSpace(st.Note)
		if said == "" || strings.Contains(said, "?") { // a question of another template's: the event instead
			said = l.sentence(st.Words(l.tr.Servers))
		}
		lines := l.wrapIn(page.Words(said, page.Print), fonts.Regular, size, l.Body.W-nameW)
		name, h := names[i], l.textH(len(lines), size)
		rows = append(rows, page.Row{H: h, Draw: func(p *page.Page, y float64) {
			l.text(p, page.Rect{X: l.Body.X, Y: y, W: nameW, H: l.textH(1, size)}, []page.Line{plain(name)}, fonts.Bold, size, page.Left, false)
			l.text(p, page.Rect{X: l.Body.X + nameW, Y: y, W: l.Body.W - nameW, H: h}, lines, fonts.Regular, size, page.Left, false)
		}})
	}
	return rows
}

// examQuestions lays out every question: its heading and wording, the
// cluster it is about, and its answer boxes, kept on one page when they
// fit on one.
func (l *layout) examQuestions() {
	if l.Page == nil || l.Page.Section != "cover" {
		l.StartPage("questions") // after the cover, the questions fill its last page first
	}
	for i, q := range l.shared.exam.Questions {
		if i > 0 || l.Y > l.Body.Y {
			l.Space(l.st.gap + 2)
		}
		head := l.heading(fill(l.tpl.Exam.Question, "n", itoa(q.N), "points", itoa(q.Points())), l.st.heading)
		head = append(head, l.paragraph(page.Words(l.questionText(q), page.Print), fonts.Regular, l.st.body, l.Body.X, l.Body.W)...)
		head = append(head, page.Gap(1.5))
		figure := l.examFigure(q)
		answers := l.examAnswers(q)
		all := append(append(head, figure...), answers...)
		block := page.Block{Rows: all, Keep: true}
		if block.Height() > l.Body.H {
			// Too tall for one page: the figure stays with the heading, the
			// answers follow.
			l.Place(page.Block{Rows: append(head, figure...), Keep: true})
			l.Place(page.Block{Rows: answers})
			continue
		}
		l.Place(block)
	}
}

// questionText is the question as the teacher wrote it, or its kind's
// wording from the template.
func (l *layout) questionText(q *exam.Question) string {
	return q.Wording(&l.tpl.Exam, l.ex)
}
