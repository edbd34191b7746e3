package worksheet

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// cover lays out the cover, a student page: the title, the students'
// brief, the cluster and its initial state, how to run the activity and
// what to print, the steps as the teacher announces them, and the long
// values in full. The story, the goal and how to read the key are the
// teacher's: they are in the key's notes, never here.
func (l *layout) cover() {
	if !l.shared.coverStyle.chosen {
		l.shared.coverStyle = l.chooseCoverStyle()
	}
	l.coverAs(l.shared.coverStyle)
}

// coverAs lays out the cover in a style.
func (l *layout) coverAs(cs coverStyle) {
	l.StartPage("cover")
	b, st, lbl := l.Body, l.st, l.lbl
	var rows []page.Row
	rows = append(rows, l.paragraph(page.Words(l.tr.Title, page.Print), fonts.Bold, st.title, b.X, b.W)...)
	rows = append(rows, l.paragraph(page.Words(fill(lbl.Subtitle, "count", itoa(len(l.tr.Servers))), page.Print), fonts.Regular, st.body, b.X, b.W)...)
	rows = append(rows, page.Gap(2))
	rows = append(rows, l.paragraph(page.Words(l.brief(), page.Print), fonts.Regular, st.body, b.X, b.W)...)
	l.Place(page.Block{Rows: rows})

	l.coverSection(lbl.Cluster, l.paragraphs(append([]string{l.tr.Setup()}, l.timingWords()...)))
	if hasInitialState(l.tr) {
		l.Space(2)
		l.Place(page.Block{Rows: l.heading(lbl.InitialState, st.body)})
		l.initialTable()
		l.initialLogs()
	}
	howToRun := append([]string{}, l.tpl.Text.HowToRun...)
	if l.part == nil { // a class set's pack: its pages are printed already, and it has a part of them
		howToRun = append(howToRun, lbl.PrintPlan)
	}
	l.coverSection(lbl.HowToRun, l.paragraphs(howToRun))
	if cs.stepsOnNewPage {
		l.StartPage("cover")
	}
	l.coverSection(lbl.Steps, nil)
	l.stepList(cs.stepColumns)
	if len(l.values.long) > 0 {
		l.coverSection(lbl.LongValues, l.longValues())
	}
}

// brief is the students' introduction: the exercise's own, or the
// template's, which says only what is given.
func (l *layout) brief() string {
	if b := strings.TrimSpace(l.tr.Brief); b != "" {
		return b
	}
	return l.instruction(l.lbl.Brief)
}

// coverSection is a cover heading with its rows.
func (l *layout) coverSection(title string, rows []page.Row) {
	l.Space(l.st.gap + 1)
	l.Place(page.Block{Rows: append(l.heading(title, l.st.heading), rows...)})
}

// timingWords are a timed exercise's settings in plain words.
func (l *layout) timingWords() []string {
	if l.tr.Timing == nil || len(l.tr.Timing.Words) == 0 {
		return nil
	}
	return []string{l.sentence(strings.Join(l.tr.Timing.Words, "; ")), l.lbl.TimingTies}
}

// paragraphs are template paragraphs, placeholders filled, with a little
// space between them.
func (l *layout) paragraphs(ps []string) []page.Row {
	var rows []page.Row
	for i, p := range ps {
		if i > 0 {
			rows = append(rows, page.Gap(1.5))
		}
		rows = append(rows, l.paragraph(page.Words(l.instruction(p), page.Print), fonts.Regular, l.st.body, l.Body.X, l.Body.W)...)
	}
	return rows
}

// instruction fills an instruction's placeholders.
func (l *layout) instruction(s string) string {
	l.notePageReads(s)
	plan := l.printPlan(classSize)
	timed := ""
	if l.tr.Timing != nil {
		timed = l.lbl.TimedSteps
	}
	return fill(s, "timed_steps", timed, "count", itoa(len(l.tr.Servers)), "servers", strings.Join(l.tr.Servers, ", "),
		"state_pages", l.ranges.text("state", l.lbl.None), "slip_pages", l.ranges.text("slips", l.lbl.None),
		"debrief_pages", l.ranges.text("debrief", l.lbl.None), "step_pages", l.ranges.text("steps", l.lbl.None),
		"cover_pages", l.ranges.text("cover", l.lbl.None), "sheet_pages", itoa(l.ranges.sheetPages()),
		"students", itoa(classSize), "groups", itoa(plan.groups), "class_pages", itoa(plan.pages), "class_sheets", itoa(plan.sheets),
		"cover_at", l.pagesAt("cover"), "debrief_at", l.pagesAt("debrief"), "state_at", l.pagesAt("state"),
		"slips_at", l.pagesAt("slips"), "steps_at", l.pagesAt("steps"))
}

// pagesAt names a section's pages with the word their number takes:
// "page 6", "pages 8–16"; "–" for a section the document lacks; the
// numbers alone where the template has no such word (the trace's has
// none: its own texts never ask).
func (l *layout) pagesAt(section string) string {
	n := l.ranges.text(section, l.lbl.None)
	word := l.lbl.PageMany
	switch l.ranges.count(section) {
	case 0:
		return n
	case 1:
		word = l.lbl.PageOne
	}
	if word == "" {
		return n
	}
	return fill(word, "n", n)
}

// hasInitialState reports whether any server starts other than as the
// paper's fresh follower.
func hasInitialState(tr *engine.Trace) bool {
	for _, s := range tr.Initial {
		if s.Term > 0 || len(s.Log) > 0 || s.Role != engine.Follower || !s.Up || s.VotedFor != nil || s.CommitIndex > 0 {
			return true
		}
	}
	return false
}

// initialTable is each server's role, term, vote and commitIndex before
// step 1.
func (l *layout) initialTable() {
	lbl, size := l.lbl, l.st.small
	heads := []string{lbl.Server, lbl.Role, lbl.Term, lbl.VotedFor, lbl.CommitIndex}
	widths := make([]float64, len(heads))
	rowsText := [][]string{}
	for _, id := range l.tr.Servers {
		s := l.tr.Initial[id]
		rowsText = append(rowsText, []string{id, roleWord(lbl, s), itoa(s.Term), votedFor(lbl, s), itoa(s.CommitIndex)})
	}
	for i, h := range heads {
		widths[i] = l.fitWidth(fonts.Regular, size, h)
		for _, r := range rowsText {
			widths[i] = max(widths[i], l.fitWidth(fonts.Regular, size, r[i]), 12)
		}
	}
	x := l.Body.X
	head := func() []page.Row {
		cells := make([]cell, len(heads))
		for i, h := range heads {
			cells[i] = label(h)
		}
		return []page.Row{l.tableRow(x, widths, cells, size, 5)}
	}
	rows := head()
	for _, r := range rowsText {
		cells := []cell{boldLabel(r[0])}
		for _, v := range r[1:] {
			cells = append(cells, given(v))
		}
		rows = append(rows, l.tableRow(x, widths, cells, size, 5))
	}
	l.Place(page.Block{Rows: rows, Keep: true, Repeat: head})
	l.Space(2)
}

// initialLogs draws the servers' initial logs as the paper's figures do:
// a column per index, a row per server, bands of columns if they are many.
func (l *layout) initialLogs() {
	size := l.st.small
	longest := 0
	var texts []string
	for _, id := range l.tr.Servers {
		s := l.tr.Initial[id]
		longest = max(longest, len(s.Log))
		for _, e := range s.Log {
			texts = append(texts, l.values.logEntry(entryOf(e)))
		}
	}
	if longest == 0 {
		return
	}
	labelW := l.fitWidth(fonts.Bold, size, append([]string{l.lbl.Index}, l.tr.Servers...)...)
	cw := max(9, l.fitWidth(fonts.Regular, size, append(texts, itoa(longest))...))
	perBand := max(1, int((l.Body.W-labelW)/cw))
	for first := 1; first <= longest; first += perBand {
		last := min(longest, first+perBand-1)
		widths := []float64{labelW}
		head := []cell{label(l.lbl.Index)}
		for i := first; i <= last; i++ {
			widths = append(widths, cw)
			head = append(head, label(itoa(i)))
		}
		rows := []page.Row{l.tableRow(l.Body.X, widths, head, size, 5)}
		for _, id := range l.tr.Servers {
			cells := []cell{boldLabel(id)}
			lg := l.tr.Initial[id].Log
			for i := first; i <= last; i++ {
				if i <= len(lg) {
					cells = append(cells, given(l.values.logEntry(entryOf(lg[i-1]))))
				} else {
					cells = append(cells, cell{})
				}
			}
			rows = append(rows, l.tableRow(l.Body.X, widths, cells, size, 5))
		}
		l.Place(page.Block{Rows: rows, Keep: true})
		l.Space(2)
	}
}

// stepGroup is the trace steps of one script step: its own, and the
// rounds of a stabilize step or the events of a timed run.
type stepGroup struct {
	first, last int    // trace step numbers
	words, note string // the script step as announced, and its note
	at          *int   // the script's `at:` time, a given
}

// stepGroups are the script's steps as the teacher announces them: the
// events a step sets off (a timed run's timers and arrivals, stabilize's
// rounds) are the students' to work out, so they are not listed.
func (l *layout) stepGroups() []stepGroup {
	var out []stepGroup
	for _, st := range l.tr.Steps {
		var script *engine.Step
		if i := st.ScriptStep - 1; i >= 0 && i < len(l.ex.Steps) {
			script = &l.ex.Steps[i]
		}
		// A run's records are its events, which are answers: it is said as
		// the script says it. Any other step's words are the runner's, from
		// its last record (the step itself, after the events an at: waits
		// for), which say a message picked by number without the number.
		words := st.Words
		if script != nil && script.Kind == engine.StepRun {
			words = script.Words(l.tr.Servers)
		}
		if n := len(out); n > 0 && l.tr.Steps[out[n-1].last-1].ScriptStep == st.ScriptStep {
			out[n-1].last, out[n-1].words = st.N, words
			if out[n-1].note == "" {
				out[n-1].note = strings.TrimSpace(st.Note)
			}
			continue
		}
		g := stepGroup{first: st.N, last: st.N, words: words, note: strings.TrimSpace(st.Note)}
		if script != nil {
			g.at = script.At
		}
		out = append(out, g)
	}
	return out
}

// stepName is "Step 5", or "Steps 12–14" for the trace steps of one
// script step.
func (l *layout) stepName(g stepGroup) string {
	if g.first == g.last {
		return fill(l.lbl.Step, "n", itoa(g.first))
	}
	return fill(l.lbl.StepRange, "first", itoa(g.first), "last", itoa(g.last))
}

// stepList is the steps in plain words, each with its note and, in a
// timed exercise, its `at:` time; in columns side by side when asked.
func (l *layout) stepList(columns int) {
	groups := l.stepGroups()
	size := l.st.body
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = l.stepName(g)
	}
	const colGap = 6.0
	colW := (l.Body.W - colGap*float64(columns-1)) / float64(columns)
	nameW := l.fitWidth(fonts.Bold, size, names...)
	timeW := l.timeColumnW(size)
	w := colW - nameW - timeW
	entries := make([]func(x0 float64) page.Row, len(groups))
	for i, g := range groups {
		said := l.wrapIn(page.Words(l.sentence(g.words), page.Print), fonts.Regular, size, w)
		var note []page.Line
		if g.note != "" {
			note = l.wrapIn(page.Words("“"+g.note+"”", page.Print), fonts.Regular, l.st.small, w)
		}
		name, ms := names[i], g.at
		saidH := l.textH(len(said), size)
		noteH := float64(len(note)) * lh(l.st.small)
		h := saidH + noteH + 1
		entries[i] = func(x0 float64) page.Row {
			x := x0 + nameW + timeW
			return page.Row{H: h, Draw: func(p *page.Page, y float64) {
				l.text(p, page.Rect{X: x0, Y: y, W: nameW, H: l.textH(1, size)}, []page.Line{plain(name)}, fonts.Bold, size, page.Left, false)
				if ms != nil {
					l.text(p, page.Rect{X: x0 + nameW, Y: y, W: timeW, H: l.textH(1, size)}, []page.Line{plain(l.msText(*ms))}, fonts.Regular, size, page.RightAlign, false)
				}
				l.text(p, page.Rect{X: x, Y: y, W: w, H: saidH}, said, fonts.Regular, size, page.Left, false)
				if note != nil {
					p.AddText(page.Text{R: page.Rect{X: x, Y: y + saidH - l.st.padY, W: w, H: noteH + l.st.padY}, Lines: note, Face: fonts.Regular,
						Size: l.st.small, LineH: lh(l.st.small), PadX: l.st.pad})
				}
			}}
		}
	}
	if columns == 1 {
		for _, e := range entries {
			l.Place(page.Block{Rows: []page.Row{e(l.Body.X)}})
		}
		return
	}
	noHead := func(float64) page.Row { return page.Row{Draw: func(*page.Page, float64) {}} }
	l.columns(columns, colW, colGap, noHead, entries, 0, l.lbl.Steps+" "+l.lbl.Continued)
}

// sentence capitalizes s and ends it with a full stop; a server's name
// that begins it keeps its spelling. The engine's words begin with a
// server's name, "the", "a client", "a network" or "time": a server named
// "a" (Figure 7) begins no sentence with "a client".
func (l *layout) sentence(s string) string {
	s = strings.TrimSpace(s)
	first, rest, _ := strings.Cut(s, " ")
	first = strings.TrimSuffix(first, "'s")
	article := first == "a" && (strings.HasPrefix(rest, "client ") || strings.HasPrefix(rest, "network "))
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLower(r) && (article || !slices.Contains(l.tr.Servers, first)) {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// longValues states the abbreviation rule and lists the values it cut.
func (l *layout) longValues() []page.Row {
	b, size := l.Body, l.st.small
	n := l.values.max
	rows := l.paragraph(page.Words(fill(l.lbl.AbbreviationRule, "max", itoa(n), "cut", itoa(n-1)), page.Print), fonts.Regular, l.st.body, b.X, b.W)
	for _, v := range l.values.long {
		tokens := append([]page.Run{{S: l.values.short(v) + " ="}}, page.Words(v, page.Print)...)
		rows = append(rows, l.paragraph(tokens, fonts.Regular, size, b.X+4, b.W-4)...)
	}
	return rows
}

// coverStyle is how the cover sets its steps so that no cover page is
// left nearly empty: in one column or two, or from a page of their own.
type coverStyle struct {
	chosen         bool
	stepColumns    int
	stepsOnNewPage bool
}

// minCoverFill is how far down its last page a cover must reach.
const minCoverFill = 0.3

// coverStyles are the ways the cover may set its steps, in the order
// chooseCoverStyle tries them.
var coverStyles = []coverStyle{{stepColumns: 1}, {stepColumns: 2}, {stepColumns: 1, stepsOnNewPage: true}, {stepColumns: 2, stepsOnNewPage: true}}

// chooseCoverStyle lays the cover out on scratch pages in each style and
// takes the one with the fewest pages whose last page is filled enough;
// failing that, the one that fills its last page most. The scratch
// layouts only measure: their rows take their room and are not drawn.
func (l *layout) chooseCoverStyle() coverStyle {
	best, bestPages, bestFill := coverStyles[0], 0, -1.0
	for _, cs := range coverStyles {
		pages, fill := l.tryCover(cs)
		good, bestGood := fill >= minCoverFill || pages == 1, bestFill >= minCoverFill || bestPages == 1
		switch {
		case bestFill < 0,
			good && !bestGood,
			good && bestGood && pages < bestPages,
			!good && !bestGood && fill > bestFill:
			best, bestPages, bestFill = cs, pages, fill
		}
	}
	best.chosen = true
	return best
}

// tryCover lays the cover out in a style on scratch pages, only
// measuring (drawing with Options.drawScratch): how many pages it takes,
// and how full its last page is.
func (l *layout) tryCover(cs coverStyle) (pages int, fill float64) {
	scratch := *l
	scratch.Doc = &page.Document{Paper: l.Doc.Paper, Area: l.Doc.Area}
	scratch.Page = nil
	scratch.Measure, scratch.WriteRows = !l.shared.drawScratch, nil
	scratch.coverAs(cs)
	return len(scratch.Doc.Pages), (scratch.Y - l.Body.Y) / l.Body.H
}
