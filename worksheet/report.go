package worksheet

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// Report is a class's grading summary: what the class got wrong, grouped
// by the rule behind the answers, wrong answers first; the boxes whose
// final value was right but whose history was left out; and who handed
// in a blank file or none.
type Report struct {
	Title string // the exercise's title
	Files int    // answer files graded, blank ones aside
	Mean  float64
	// Lowest, Median and Highest are the scores' spread, in percent.
	Lowest, Median, Highest float64
	Rules                   []ReportRule  // most wrong first, then most blank
	History                 []ReportField // final value right, history missing: most often first
	Blank, Absent           []string      // students (or files) with nothing written, and with no file
}

// ReportRule is one rule's misses.
type ReportRule struct {
	Rule             field.Rule
	Wrong, Blank, Of int
	Fields           []ReportField // most wrong first
}

// ReportField is one field's misses.
type ReportField struct {
	ID                        string
	Wrong, Blank, Partial, Of int
}

// reportFields is how many of a rule's most-missed fields the report names.
const reportFields = 4

// ReportPage lays out the report on one page of paper, in the sheets'
// fonts. Rules that do not fit are counted in a last line.
func ReportPage(r Report, paper page.Paper) (*page.Document, error) {
	tpl, err := templates.Builtin(templates.KindRoleplay)
	if err != nil {
		return nil, err
	}
	m, err := fonts.NewMeasurer()
	if err != nil {
		return nil, err
	}
	sz := tpl.Sizes
	area := page.Rect{X: sz.MarginMM, Y: sz.MarginMM, W: paper.W - 2*sz.MarginMM, H: paper.H - 2*sz.MarginMM}
	l := &layout{tpl: tpl, lbl: &tpl.Labels, m: m, st: newStyle(sz),
		Flow: page.Flow{Doc: &page.Document{Title: "Class report: " + r.Title, Paper: paper, Area: area}}}
	l.Body = page.Rect{X: area.X, Y: area.Y, W: area.W, H: area.H - l.st.footH}
	l.StartPage("report")
	l.reportPage(r)
	if problems := l.Doc.Problems(m); len(problems) > 0 {
		return nil, fmt.Errorf("the report does not fit (a bug in raftsheet, please report it):\n  %s", strings.Join(problems, "\n  "))
	}
	return l.Doc, nil
}

func (l *layout) reportPage(r Report) {
	st, b := l.st, l.Body
	rows := l.paragraph(page.Words("Class report", page.Print), fonts.Bold, st.title, b.X, b.W)
	rows = append(rows, l.paragraph(page.Words(r.Title, page.Print), fonts.Bold, st.heading, b.X, b.W)...)
	summary := fmt.Sprintf("%d answer files graded · mean score %.1f %% (lowest %.1f %%, median %.1f %%, highest %.1f %%). The rules of the Raft paper behind the answers the class got wrong, most wrong first, and those left blank; under each, the fields most often missed, named by the exercise's own servers so that all variants line up.", r.Files, r.Mean, r.Lowest, r.Median, r.Highest)
	rows = append(rows, page.Gap(1))
	rows = append(rows, l.paragraph(page.Words(summary, page.Print), fonts.Regular, st.body, b.X, b.W)...)
	rows = append(rows, page.Gap(st.gap))
	l.Place(page.Block{Rows: rows})
	if len(r.Rules) == 0 {
		l.Place(page.Block{Rows: l.paragraph(page.Words("Nothing was missed.", page.Print), fonts.Regular, st.body, b.X, b.W)})
	}
	// What follows the rules is kept: the rules give way to it.
	tail := append(l.reportHistory(r.History), l.reportNobody(r.Blank, r.Absent)...)
	tailH := page.Block{Rows: tail}.Height()
	footH := l.textH(1, st.body)
	for i, rule := range r.Rules {
		rows := l.reportRule(rule)
		if (page.Block{Rows: rows}).Height()+footH+tailH > l.Room() {
			left := fmt.Sprintf("… and %d more rules, missed less often (the scores CSV has every student).", len(r.Rules)-i)
			l.Place(page.Block{Rows: l.paragraph(page.Words(left, page.Print), fonts.Regular, st.body, b.X, b.W)})
			break
		}
		l.Place(page.Block{Rows: rows})
	}
	if len(tail) > 0 && tailH <= l.Room() {
		l.Place(page.Block{Rows: tail})
	}
	l.reportFooter()
}

// reportHistory names the boxes whose final value students wrote without
// the values struck before it: not a misreading of the rule, a habit of
// erasing.
func (l *layout) reportHistory(fields []ReportField) []page.Row {
	if len(fields) == 0 {
		return nil
	}
	var parts []string
	for i, f := range fields {
		if i == 2*reportFields {
			parts = append(parts, fmt.Sprintf("and %d more", len(fields)-i))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d", f.ID, f.Partial))
	}
	st, b := l.st, l.Body
	rows := l.paragraph(page.Words("Final value right, history missing (half a point: the struck values before it were left out)", page.Print), fonts.Bold, st.body, b.X, b.W)
	rows = append(rows, l.paragraph(page.Words(strings.Join(parts, " · "), page.Print), fonts.Regular, st.small, b.X+4, b.W-4)...)
	return append(rows, page.Gap(2))
}

// reportNobody names the students who handed in a blank answer file, and
// those of the class set who handed in none.
func (l *layout) reportNobody(blank, absent []string) []page.Row {
	st, b := l.st, l.Body
	var rows []page.Row
	for _, g := range []struct {
		what  string
		names []string
	}{{"Blank answer files (nothing written; not in the scores above)", blank}, {"No answer file", absent}} {
		if len(g.names) == 0 {
			continue
		}
		names := g.names
		if len(names) > 30 {
			names = append(names[:30:30], fmt.Sprintf("and %d more", len(g.names)-30))
		}
		rows = append(rows, l.paragraph(page.Words(fmt.Sprintf("%s: %d", g.what, len(g.names)), page.Print), fonts.Bold, st.body, b.X, b.W)...)
		rows = append(rows, l.paragraph(page.Words(strings.Join(names, " · "), page.Print), fonts.Regular, st.small, b.X+4, b.W-4)...)
		rows = append(rows, page.Gap(2))
	}
	return rows
}

// reportRule is a rule's line, a bar of its share missed, and its
// most-missed fields.
func (l *layout) reportRule(r ReportRule) []page.Row {
	st, b := l.st, l.Body
	count := fmt.Sprintf("%d wrong · %d blank of %d", r.Wrong, r.Blank, r.Of)
	countW := l.fitWidth(fonts.Bold, st.body, count)
	barW := 40.0
	nameW := b.W - countW - barW - 2
	name := l.wrapIn(page.Words(r.Rule.String(), page.Print), fonts.Bold, st.body, nameW)
	h := max(l.textH(len(name), st.body), 6)
	rows := []page.Row{{H: h, KeepNext: true, Draw: func(p *page.Page, y float64) {
		l.text(p, page.Rect{X: b.X, Y: y, W: nameW, H: h}, name, fonts.Bold, st.body, page.Left, true)
		l.text(p, page.Rect{X: b.X + nameW, Y: y, W: countW, H: h}, []page.Line{plain(count)}, fonts.Bold, st.body, page.RightAlign, true)
		bar := page.Rect{X: b.Right() - barW, Y: y + 1.5, W: barW, H: h - 3}
		p.AddBox(page.Box{R: bar, Stroke: page.Thin, Fill: page.Header})
		if r.Of > 0 && r.Wrong > 0 {
			p.AddBox(page.Box{R: page.Rect{X: bar.X, Y: bar.Y, W: barW * float64(r.Wrong) / float64(r.Of), H: bar.H}, Fill: page.Bar})
		}
		if r.Of > 0 && r.Blank > 0 { // blanks after the wrong answers, lighter
			x := bar.X + barW*float64(r.Wrong)/float64(r.Of)
			p.AddBox(page.Box{R: page.Rect{X: x, Y: bar.Y, W: barW * float64(r.Blank) / float64(r.Of), H: bar.H}, Fill: page.Shade})
		}
	}}}
	var parts []string
	for i, f := range r.Fields {
		if i == reportFields {
			parts = append(parts, fmt.Sprintf("and %d more", len(r.Fields)-i))
			break
		}
		parts = append(parts, fieldMisses(f))
	}
	if len(parts) > 0 {
		rows = append(rows, l.paragraph(page.Words(strings.Join(parts, " · "), page.Print), fonts.Regular, st.small, b.X+4, b.W-4)...)
	}
	return append(rows, page.Gap(2))
}

func (l *layout) reportFooter() {
	a := l.Doc.Area
	r := page.Rect{X: a.X, Y: a.Bottom() - l.st.footH + 1, W: a.W, H: l.st.footH - 1}
	l.Page.AddBox(page.Box{R: page.Rect{X: a.X, Y: r.Y, W: a.W, H: 0}, Stroke: page.Thin})
	l.text(l.Page, r, []page.Line{plain("raftsheet check --report")}, fonts.Regular, l.st.small, page.Left, true)
}

// fieldMisses is a field's misses: "S1.commitIndex[2] 23 wrong, 3 blank of 40".
func fieldMisses(f ReportField) string {
	var n []string
	if f.Wrong > 0 {
		n = append(n, fmt.Sprintf("%d wrong", f.Wrong))
	}
	if f.Blank > 0 {
		n = append(n, fmt.Sprintf("%d blank", f.Blank))
	}
	return fmt.Sprintf("%s %s of %d", f.ID, strings.Join(n, ", "), f.Of)
}
