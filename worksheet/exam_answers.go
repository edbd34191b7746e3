package worksheet

import (
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/exam"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// The answer boxes of a question, by kind: a vote matrix (who-can-win), a
// committed-or-at-risk box per entry (committed), yes or no with a rule's
// letter (reachable, goal), and boxes of a few lines for a sequence of
// events (goal, mutant, and wherever the question asks how). Their sizes
// come from the question and the template, never from the answers.

// examAnswers are the question's answer boxes.
func (l *layout) examAnswers(q *exam.Question) []page.Row {
	var rows []page.Row
	switch q.Kind {
	case "who-can-win":
		rows = l.voteMatrix(q)
		for _, c := range q.Candidates {
			if c.Events != nil {
				rows = append(rows, page.Gap(2))
				rows = append(rows, l.eventsBox(q, c.Events, fill(l.tpl.Exam.EventsWin, "server", c.Server), c.Server+": events")...)
			}
		}
	case "committed":
		rows = l.verdictGrid(q)
		for _, e := range q.Entries {
			if e.Events != nil {
				rows = append(rows, page.Gap(2))
				rows = append(rows, l.eventsBox(q, e.Events, fill(l.tpl.Exam.EventsLost, "index", itoa(e.Index), "term", itoa(e.Term)), l.entryLabel(e)+": events")...)
			}
		}
	case "reachable":
		rows = l.possibleRow(q, l.tpl.Exam.PossibleState)
	case "goal":
		rows = l.possibleRow(q, l.tpl.Exam.Possible)
		rows = append(rows, page.Gap(2))
		rows = append(rows, l.eventsBox(q, q.Events, l.tpl.Exam.Events, "events")...)
	case "mutant":
		rows = l.eventsBox(q, q.Events, l.tpl.Exam.EventsBreak, "events")
		rows = append(rows, page.Gap(2))
		rows = append(rows, l.choiceRow(q, []labelled{{l.tpl.Exam.Property, q.Property}})...)
	}
	return rows
}

// examField is a box of the question as grading knows it.
func (l *layout) examField(q *exam.Question, b *exam.Box, where string) *field.Field {
	f := &field.Field{ID: b.ID, Kind: b.Kind, Answer: []string{l.keyWords(b)}, Part: fill(l.tpl.Exam.Question, "n", itoa(q.N), "points", itoa(q.Points())),
		Box: where, Step: q.After, Rule: b.Rule}
	f.Full = f.Answer
	f.Canon = field.Normalize(b.Kind, b.Answer, l.lbl)
	f.Alt = f.Canon
	switch {
	case b.Claim != nil:
		f.Judge = b.Claim.Judge
	case len(b.Accept) > 0:
		right := append([]string{f.Canon[0]}, b.Accept...)
		f.Judge = func(text string, _ func(string) string) (bool, string) {
			if slices.Contains(right, field.ReadRule(text)) {
				return true, ""
			}
			return false, "the rules that forbid it: " + strings.Join(right, ", ")
		}
	}
	return f
}

// keyWords is a box's answer as the key prints it, in the template's words.
func (l *layout) keyWords(b *exam.Box) string {
	switch {
	case b.None():
		return l.lbl.None
	case b.Answer == exam.Yes:
		return l.lbl.Yes
	case b.Answer == exam.No:
		return l.lbl.No
	case b.Answer == exam.Committed:
		return l.tpl.Exam.CommittedWord
	case b.Answer == exam.AtRisk:
		return l.tpl.Exam.AtRiskWord
	}
	return b.Answer
}

// voteMatrix is the who-can-win table: a row per candidate, a column per
// voter (would it vote for the candidate?), and whether it can win; the
// voters split over several tables when the ids would not fit.
func (l *layout) voteMatrix(q *exam.Question) []page.Row {
	xl, size := &l.tpl.Exam, l.st.small
	var names []string
	for _, c := range q.Candidates {
		names = append(names, c.Server)
	}
	candW := max(l.fitWidth(fonts.Bold, l.st.body, names...), l.fitWidth(fonts.Regular, size, xl.Candidate))
	var winIDs []string
	for _, c := range q.Candidates {
		winIDs = append(winIDs, c.Wins.ID)
	}
	winsW := max(l.fitWidth(fonts.Regular, size, xl.Wins, l.lbl.Yes, l.lbl.No), l.idWidth(winIDs...), 16)
	var voteIDs []string
	for _, c := range q.Candidates {
		for _, v := range c.Votes {
			if v != nil {
				voteIDs = append(voteIDs, v.ID)
			}
		}
	}
	cellW := max(l.idWidth(voteIDs...), l.fitWidth(fonts.Regular, size, l.lbl.Yes, l.lbl.No, xl.Self), l.fitWidth(fonts.Bold, size, q.Voters...), 11)
	perTable := max(1, int((l.Body.W-candW-winsW)/cellW))
	if perTable >= len(q.Voters) { // one table: as wide as reads well
		cellW = max(cellW, min(matrixCellMax, (l.Body.W-candW-winsW)/float64(len(q.Voters))))
	}
	var rows []page.Row
	for first := 0; first < len(q.Voters); first += perTable {
		end := min(len(q.Voters), first+perTable)
		last := end == len(q.Voters)
		widths := []float64{candW}
		for range q.Voters[first:end] {
			widths = append(widths, cellW)
		}
		head := []cell{label(xl.Candidate).sized(size)}
		span := cell{runs: page.Words(xl.Voters, page.Print), fill: page.Header, align: page.Center, size: size}
		headWidths := []float64{candW, cellW * float64(end-first)}
		head = append(head, span)
		if last {
			head = append(head, label(xl.Wins).sized(size))
			headWidths = append(headWidths, winsW)
		}
		names := []cell{label("")}
		for _, v := range q.Voters[first:end] {
			names = append(names, boldLabel(v).sized(size))
		}
		if last {
			names = append(names, label(""))
			widths = append(widths, winsW)
		}
		if first > 0 {
			rows = append(rows, page.Gap(2))
		}
		header := []page.Row{l.tableRow(l.Body.X, headWidths, head, size, 0), l.tableRow(l.Body.X, widths, names, size, 0)}
		header[0].KeepNext, header[1].KeepNext = true, true
		rows = append(rows, header...)
		for _, c := range q.Candidates {
			cells := []cell{boldLabel(c.Server).left()}
			for i := first; i < end; i++ {
				if v := c.Votes[i]; v != nil {
					cells = append(cells, l.answerCell(q, v, q.Voters[i]+"'s vote for "+c.Server))
				} else {
					cells = append(cells, cell{runs: page.Words(xl.Self, page.Print), fill: page.Shade, align: page.Center, size: size})
				}
			}
			if last {
				cells = append(cells, l.answerCell(q, c.Wins, c.Server+": "+xl.Wins))
			}
			rows = append(rows, l.tableRow(l.Body.X, widths, cells, l.st.body, l.writeCell()))
		}
	}
	return rows
}

// matrixCellMax is the widest a vote matrix's cell is drawn, mm.
const matrixCellMax = 20.0

// answerCell is a box to write a short answer in, the key's answer in it.
func (l *layout) answerCell(q *exam.Question, b *exam.Box, where string) cell {
	f := l.examField(q, b, where)
	return cell{runs: page.Words(f.Answer[0], page.Answer), write: true, align: page.Center, field: f}
}

// verdictGrid is a committed question's entries, each with its box for
// committed or at risk, in as many columns as fit.
func (l *layout) verdictGrid(q *exam.Question) []page.Row {
	xl, size := &l.tpl.Exam, l.st.small
	var labels, ids []string
	for _, e := range q.Entries {
		labels = append(labels, l.entryLabel(e))
		ids = append(ids, e.Verdict.ID)
	}
	labelW := l.fitWidth(fonts.Regular, size, labels...)
	boxW := max(l.idWidth(ids...), l.fitWidth(fonts.Regular, l.st.body, xl.CommittedWord, xl.AtRiskWord), l.fitWidth(fonts.Regular, size, xl.Verdict))
	const gap = 3.0
	columns := max(1, min(3, int((l.Body.W+gap)/(labelW+boxW+gap))))
	if labelW+boxW > l.Body.W {
		labelW = l.Body.W - boxW
	}
	perColumn := (len(q.Entries) + columns - 1) / columns
	columns = (len(q.Entries) + perColumn - 1) / perColumn // no column left with a heading alone
	widths := []float64{}
	head := []cell{}
	for c := 0; c < columns; c++ {
		if c > 0 {
			widths = append(widths, gap)
			head = append(head, cell{})
		}
		widths = append(widths, labelW, boxW)
		head = append(head, leftLabel(l.lbl.Index+", "+l.lbl.Term).sized(size), label(xl.Verdict).sized(size))
	}
	headRow := l.tableRow(l.Body.X, widths, head, size, 0)
	headRow.KeepNext = true
	rows := []page.Row{withoutBoxes(headRow, gapColumns(len(widths)))}
	for i := 0; i < perColumn; i++ {
		var cells []cell
		empty := gapColumns(len(widths))
		for c := 0; c < columns; c++ {
			if c > 0 {
				cells = append(cells, cell{})
			}
			k := c*perColumn + i
			if k >= len(q.Entries) {
				empty[len(cells)], empty[len(cells)+1] = true, true
				cells = append(cells, cell{}, cell{})
				continue
			}
			e := q.Entries[k]
			cells = append(cells, given(labels[k]).left().sized(size), l.answerCell(q, e.Verdict, labels[k]))
		}
		rows = append(rows, withoutBoxes(l.tableRow(l.Body.X, widths, cells, l.st.body, l.writeCell()), empty))
	}
	return rows
}

// gapColumns marks the gaps of a grid of label and box columns: every
// third column after the first two.
func gapColumns(n int) []bool {
	out := make([]bool, n)
	for i := 2; i < n; i += 3 {
		out[i] = true
	}
	return out
}

// withoutBoxes draws a table row without the boxes of the columns marked:
// the gaps between a grid's columns, the places no entry fills.
func withoutBoxes(r page.Row, skip []bool) page.Row {
	draw := r.Draw
	r.Draw = func(p *page.Page, y float64) {
		before := len(p.Boxes)
		draw(p, y)
		kept := p.Boxes[:before]
		for i, b := range p.Boxes[before:] {
			if i < len(skip) && skip[i] {
				continue
			}
			kept = append(kept, b)
		}
		p.Boxes = kept
	}
	return r
}

// entryLabel names an entry of a committed question: its index and term,
// and its value when it has one.
func (l *layout) entryLabel(e *exam.Entry) string {
	s := fill(l.tpl.Exam.Entry, "index", itoa(e.Index), "term", itoa(e.Term))
	if e.Value != "" {
		s += " (" + l.values.short(e.Value) + ")"
	}
	return s
}

// labelled is a prompt and the box it asks for.
type labelled struct {
	prompt string
	box    *exam.Box
}

// possibleRow is yes or no, and the letter of the rule that forbids it.
func (l *layout) possibleRow(q *exam.Question, prompt string) []page.Row {
	return l.choiceRow(q, []labelled{{prompt, q.Possible}, {l.tpl.Exam.RuleIfNot, q.Rule}})
}

// choiceRow is prompts, each followed by its short box, on one row.
func (l *layout) choiceRow(q *exam.Question, parts []labelled) []page.Row {
	size := l.st.small
	var ids []string
	for _, p := range parts {
		ids = append(ids, p.box.ID)
	}
	boxW := max(l.idWidth(ids...), l.fitWidth(fonts.Regular, l.st.body, l.lbl.Yes, l.lbl.No, "M"), 18)
	promptW := (l.Body.W - boxW*float64(len(parts))) / float64(len(parts))
	var widths []float64
	var cells []cell
	for _, p := range parts {
		widths = append(widths, promptW, boxW)
		cells = append(cells, leftLabel(p.prompt).sized(size), l.answerCell(q, p.box, p.prompt))
	}
	return []page.Row{l.tableRow(l.Body.X, widths, cells, l.st.body, l.writeCell())}
}

// eventsBox is a prompt and a box of the template's event_lines lines for
// a sequence of events. The key writes its witness there, one event a
// line (in two or three columns when they would not fit), as much as fits;
// the notes have it whole.
func (l *layout) eventsBox(q *exam.Question, b *exam.Box, prompt, where string) []page.Row {
	size := l.st.small
	n := max(2, l.tpl.Sizes.EventLines)
	h := l.fieldH(n, l.st.body)
	f := l.examField(q, b, where)
	x, w := l.Body.X, l.Body.W
	columns := l.witnessColumns(b, w-2*l.st.pad, n)
	rows := l.paragraph(page.Words(prompt, page.Print), fonts.Regular, size, x, w)
	for i := range rows {
		rows[i].KeepNext = true
	}
	rows = append(rows, page.Row{H: h, Draw: func(p *page.Page, y float64) {
		r := page.Rect{X: x, Y: y, W: w, H: h}
		p.AddBox(page.Box{R: r, Stroke: page.Thin, Write: true})
		strip := l.fieldID(p, r, f)
		colW := (w - 2*l.st.pad) / float64(max(1, len(columns)))
		for c, lines := range columns {
			p.AddText(page.Text{R: page.Rect{X: r.X + l.st.pad + colW*float64(c), Y: r.Y + strip, W: colW, H: r.H - strip}, Lines: lines,
				Face: fonts.Regular, Size: l.st.body, LineH: lh(l.st.body), PadX: 0, PadY: fieldPadY})
		}
	}})
	return rows
}

// witnessColumns are the key's events for a box of width w and n lines:
// numbered, one a line, in as few columns as they fit (up to three), or
// the first ones and a pointer to the notes.
func (l *layout) witnessColumns(b *exam.Box, w float64, n int) [][]page.Line {
	if b.None() {
		return [][]page.Line{{inked(l.lbl.None, page.Answer)}}
	}
	events := make([]string, len(b.Events))
	for i, e := range b.Events {
		events[i] = itoa(i+1) + ". " + e
	}
	fits := func(s string, colW float64) bool { return l.m.Width(fonts.Italic, l.st.body, s) <= colW-0.5 }
	for columns := 1; columns <= 3; columns++ {
		perColumn := (len(events) + columns - 1) / columns
		colW := w / float64(columns)
		if perColumn > n || !all(events, func(s string) bool { return fits(s, colW) }) {
			continue
		}
		out := make([][]page.Line, 0, columns)
		for c := 0; c*perColumn < len(events); c++ {
			var col []page.Line
			for _, e := range events[c*perColumn : min(len(events), (c+1)*perColumn)] {
				col = append(col, inked(e, page.Answer))
			}
			out = append(out, col)
		}
		return out
	}
	var col []page.Line
	for _, e := range events[:min(n-1, len(events))] {
		col = append(col, inked(l.clipTo(e, fonts.Italic, l.st.body, w), page.Answer))
	}
	return [][]page.Line{append(col, inked(l.tpl.Exam.MoreInTheNotes, page.Answer))}
}

func all(xs []string, ok func(string) bool) bool {
	for _, x := range xs {
		if !ok(x) {
			return false
		}
	}
	return true
}
