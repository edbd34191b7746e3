package worksheet

import (
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// logTable is the Raft Log: a row per index with its term, value and
// whether it was applied. It flows into side-by-side columns when that
// keeps the sheet on one page, and onto further pages when even that is
// not enough; restH is the height of what must still follow it.
func (l *layout) logTable(g *sheetGrid, h *history, restH float64) {
	lbl, st := l.lbl, l.st
	cells := h.logCells
	idxW := l.fitWidth(fonts.Bold, st.small, lbl.Index, itoa(g.maxLogRows))
	termW := g.logTermW
	appliedW := max(l.fitWidth(fonts.Bold, st.small, lbl.Applied), l.fitWidth(fonts.Italic, st.body, lbl.Yes, lbl.None), 14,
		l.idWidth(l.everyServer(func(s string) []string { return []string{field.LogID(s, g.maxLogRows, "applied")} })...))
	valueMin := max(22, l.fitWidth(fonts.Bold, st.small, lbl.Value), l.idWidth(l.everyServer(func(s string) []string { return []string{field.LogID(s, g.maxLogRows, "value")} })...))
	gap := 5.0

	tableFor := func(k int) (colW float64, widths []float64) {
		colW = (l.Body.W - gap*float64(k-1)) / float64(k)
		valueW := colW - idxW - termW - appliedW
		return colW, []float64{idxW, termW, valueW, appliedW}
	}
	head := func(widths []float64) func(x float64) page.Row {
		return func(x float64) page.Row {
			return l.tableRow(x, widths, []cell{label(lbl.Index), label(lbl.Term), label(lbl.Value), label(lbl.Applied)}, st.small, 5)
		}
	}
	body := func(widths []float64) []func(x float64) page.Row {
		rowH := l.rowH(logLines(l, g, widths))
		out := make([]func(x float64) page.Row, len(cells))
		for i, c := range cells {
			i, c := i, c
			fs := l.logFields(h, i+1, c)
			out[i] = func(x float64) page.Row {
				return l.tableRow(x, widths, []cell{given(itoa(i + 1)).sized(st.small),
					ask(c.term).changeable(fs[0]), ask(c.value).changeable(fs[1]), ask(c.applied).changeable(fs[2])}, st.body, rowH)
			}
		}
		return out
	}

	title := l.heading(lbl.LogTitle, st.body)
	titleH := page.Block{Rows: title}.Height()
	avail := l.Room() - titleH - restH - st.gap
	k := 1
	for ; k < g.maxLogCols(); k++ { // the fewest columns that fit here, if any do
		colW, widths := tableFor(k)
		if colW-idxW-termW-appliedW < valueMin {
			k = max(1, k-1)
			break
		}
		if columnsHeight(head(widths)(0), body(widths), k) <= avail+page.Eps {
			break
		}
		if next, _ := tableFor(k + 1); next-idxW-termW-appliedW < valueMin {
			break
		}
	}
	g.logCols = max(g.logCols, k)
	colW, widths := tableFor(k)
	l.Place(page.Block{Rows: title})
	l.columns(k, colW, gap, head(widths), body(widths), restH+st.gap, lbl.LogTitle+" "+lbl.Continued)
	l.Space(st.gap)
}

// logLines is how many lines the Raft Log's rows have room for with
// columns of the given widths: the most any server's row needs, so that
// every row of every sheet is as high as every other. Every server's
// every row is wrapped to find it, and every sheet, scratch sheets of
// the searches too, asks again for the same widths: it is worked out
// once per build for each.
func logLines(l *layout, g *sheetGrid, widths []float64) int {
	key := [4]float64(widths)
	l.shared.mu.Lock()
	n, ok := l.shared.logLines[key]
	l.shared.mu.Unlock()
	if ok {
		return n
	}
	n = wrappedLogLines(l, g, widths)
	l.shared.mu.Lock()
	if l.shared.logLines == nil {
		l.shared.logLines = map[[4]float64]int{}
	}
	l.shared.logLines[key] = n
	l.shared.mu.Unlock()
	return n
}

func wrappedLogLines(l *layout, g *sheetGrid, widths []float64) int {
	n := 1
	for _, h := range g.histories {
		for _, c := range h.logCells {
			for i, runs := range [][]page.Run{c.term.runs, c.value.runs, c.applied.runs} {
				n = max(n, len(l.wrapIn(runs, fonts.Regular, l.st.body, widths[i+1])))
			}
		}
	}
	return n
}

// columnsHeight is the height of rows shared out over k columns, balanced.
func columnsHeight(head page.Row, rows []func(x float64) page.Row, k int) float64 {
	per := (len(rows) + k - 1) / k
	h := 0.0
	for c := 0; c < k; c++ {
		colH := head.H
		for i := c * per; i < min(len(rows), (c+1)*per); i++ {
			colH += rows[i](0).H
		}
		h = max(h, colH)
	}
	return h
}

// columns places table rows in k side-by-side columns of width colW,
// balanced when they all fit above keepFree, else filling column after
// column and page after page (with a "continued" heading), each column
// under its own header row.
func (l *layout) columns(k int, colW, gap float64, head func(x float64) page.Row, rows []func(x float64) page.Row, keepFree float64, continued string) {
	x0 := l.Body.X
	bottom := l.Body.Bottom() - keepFree
	if columnsHeight(head(0), rows, k) <= bottom-l.Y+page.Eps {
		per := (len(rows) + k - 1) / k
		top, end := l.Y, l.Y
		for c := 0; c < k; c++ {
			x := x0 + float64(c)*(colW+gap)
			y := top
			hr := head(x)
			l.Put(hr, y)
			y += hr.H
			for i := c * per; i < min(len(rows), (c+1)*per); i++ {
				r := rows[i](x)
				l.Put(r, y)
				y += r.H
			}
			end = max(end, y)
		}
		l.Y = end
		return
	}
	c, top, end := 0, l.Y, l.Y
	y := top
	startColumn := func() {
		x := x0 + float64(c)*(colW+gap)
		hr := head(x)
		l.Put(hr, y)
		y += hr.H
	}
	startColumn()
	for _, rf := range rows {
		r := rf(x0 + float64(c)*(colW+gap))
		if y+r.H > l.Body.Bottom()+page.Eps {
			end = max(end, y)
			c++
			if c == k {
				l.StartPage(l.Section)
				l.Place(page.Block{Rows: l.heading(continued, l.st.body)})
				c, top, end = 0, l.Y, l.Y
			}
			y = top
			startColumn()
			r = rf(x0 + float64(c)*(colW+gap))
		}
		l.Put(r, y)
		y += r.H
		end = max(end, y)
	}
	l.Y = end
}

// logFields are the fields of the Raft Log's row i: term, value, applied.
func (l *layout) logFields(h *history, i int, c logCell) [3]*field.Field {
	part, box := l.lbl.LogTitle, l.lbl.Index+" "+itoa(i)+", "
	return [3]*field.Field{
		l.sheetField(h, field.LogID(h.id, i, "term"), field.KindNumber, c.term, c.at, logTopic(i), part, box+l.lbl.Term),
		l.sheetField(h, field.LogID(h.id, i, "value"), field.KindValues, c.value, c.at, logTopic(i), part, box+l.lbl.Value),
		l.sheetField(h, field.LogID(h.id, i, "applied"), field.KindAnswer, c.applied, c.appliedAt, topicApplied, part, box+l.lbl.Applied),
	}
}
