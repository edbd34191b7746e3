package worksheet

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/templates"
)

// Report is a class's grading summary: the most-missed fields grouped by
// the rule behind them.
type Report struct {
	Title string // the exercise's title
	Files int    // answer files graded
	Mean  float64
	// Lowest, Median and Highest are the scores' spread, in percent.
	Lowest, Median, Highest float64
	Rules                   []ReportRule // most missed first
}

// ReportRule is one rule's misses.
type ReportRule struct {
	Rule       field.Rule
	Missed, Of int
	Fields     []ReportField // most missed first
}

// ReportField is one field's misses.
type ReportField struct {
	ID         string
	Missed, Of int
}

// reportFields is how many of a rule's most-missed fields the report names.
const reportFields = 4

// ReportPDF draws the report on one page of paper, with the sheets' fonts
// and the same fixed dates, so the same grades give the same bytes. Rules
// that do not fit are counted in a last line.
func ReportPDF(r Report, paper Paper) ([]byte, error) {
	tpl, err := templates.Builtin(templates.KindRoleplay)
	if err != nil {
		return nil, err
	}
	m, err := fonts.NewMeasurer()
	if err != nil {
		return nil, err
	}
	sz := tpl.Sizes
	area := Rect{sz.MarginMM, sz.MarginMM, paper.W - 2*sz.MarginMM, paper.H - 2*sz.MarginMM}
	l := &layout{tpl: tpl, lbl: &tpl.Labels, m: m, st: newStyle(sz),
		doc: &Document{Title: "Class report: " + r.Title, Paper: paper, Area: area}}
	l.body = Rect{area.X, area.Y, area.W, area.H - l.st.footH}
	l.startPage("report")
	l.reportPage(r)
	if problems := l.doc.problems(m); len(problems) > 0 {
		return nil, fmt.Errorf("the report does not fit (a bug in raftsheet, please report it):\n  %s", strings.Join(problems, "\n  "))
	}
	return render(l.doc, false)
}

func (l *layout) reportPage(r Report) {
	st, b := l.st, l.body
	rows := l.paragraph(words("Class report", Print), fonts.Bold, st.title, b.X, b.W)
	rows = append(rows, l.paragraph(words(r.Title, Print), fonts.Bold, st.heading, b.X, b.W)...)
	summary := fmt.Sprintf("%d answer files graded · mean score %.1f %% (lowest %.1f %%, median %.1f %%, highest %.1f %%). The rules of the Raft paper behind the answers the class missed (wrong or left blank), most missed first; under each, the fields most often missed, named by the exercise's own servers so that all variants line up.", r.Files, r.Mean, r.Lowest, r.Median, r.Highest)
	rows = append(rows, gapRow(1))
	rows = append(rows, l.paragraph(words(summary, Print), fonts.Regular, st.body, b.X, b.W)...)
	rows = append(rows, gapRow(st.gap))
	l.place(block{rows: rows})
	if len(r.Rules) == 0 {
		l.place(block{rows: l.paragraph(words("Nothing was missed.", Print), fonts.Regular, st.body, b.X, b.W)})
	}
	footH := l.textH(1, st.body)
	for i, rule := range r.Rules {
		rows := l.reportRule(rule)
		if (block{rows: rows}).height()+footH > l.room() {
			left := fmt.Sprintf("… and %d more rules, missed less often (the scores CSV has every student).", len(r.Rules)-i)
			l.place(block{rows: l.paragraph(words(left, Print), fonts.Regular, st.body, b.X, b.W)})
			break
		}
		l.place(block{rows: rows})
	}
	l.reportFooter()
}

// reportRule is a rule's line, a bar of its share missed, and its
// most-missed fields.
func (l *layout) reportRule(r ReportRule) []row {
	st, b := l.st, l.body
	count := fmt.Sprintf("%d of %d missed (%.0f %%)", r.Missed, r.Of, 100*float64(r.Missed)/float64(max(r.Of, 1)))
	countW := l.fitWidth(fonts.Bold, st.body, count)
	barW := 40.0
	nameW := b.W - countW - barW - 2
	name := l.wrapIn(words(r.Rule.String(), Print), fonts.Bold, st.body, nameW)
	h := max(l.textH(len(name), st.body), 6)
	rows := []row{{h: h, keepNext: true, draw: func(p *Page, y float64) {
		l.text(p, Rect{b.X, y, nameW, h}, name, fonts.Bold, st.body, Left, true)
		l.text(p, Rect{b.X + nameW, y, countW, h}, []Line{plain(count)}, fonts.Bold, st.body, RightAlign, true)
		bar := Rect{b.Right() - barW, y + 1.5, barW, h - 3}
		p.box(Box{R: bar, Stroke: Thin, Fill: Header})
		if r.Of > 0 && r.Missed > 0 {
			p.box(Box{R: Rect{bar.X, bar.Y, barW * float64(r.Missed) / float64(r.Of), bar.H}, Fill: Bar})
		}
	}}}
	var parts []string
	for i, f := range r.Fields {
		if i == reportFields {
			parts = append(parts, fmt.Sprintf("and %d more", len(r.Fields)-i))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d of %d", f.ID, f.Missed, f.Of))
	}
	if len(parts) > 0 {
		rows = append(rows, l.paragraph(words(strings.Join(parts, " · "), Print), fonts.Regular, st.small, b.X+4, b.W-4)...)
	}
	return append(rows, gapRow(2))
}

func (l *layout) reportFooter() {
	a := l.doc.Area
	r := Rect{a.X, a.Bottom() - l.st.footH + 1, a.W, l.st.footH - 1}
	l.page.box(Box{R: Rect{a.X, r.Y, a.W, 0}, Stroke: Thin})
	l.text(l.page, r, []Line{plain("raftsheet check --report")}, fonts.Regular, l.st.small, Left, true)
}
