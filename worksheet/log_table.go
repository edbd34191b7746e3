package worksheet

import (
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
)

// logTable is the Raft Log: a row per index with its term, value and
// whether it was applied. It flows into side-by-side columns when that
// keeps the sheet on one page, and onto further pages when even that is
// not enough; restH is the height of what must still follow it.
func (l *layout) logTable(g *sheetGrid, h *history, restH float64) {
	lbl, st := l.lbl, l.st
	cells := h.logCells
	idxW := l.fitWidth(fonts.Bold, st.small, lbl.Index, itoa(g.logRows))
	termW := g.logTermW
	n := itoa(g.logRows)
	appliedW := max(l.fitWidth(fonts.Bold, st.small, lbl.Applied), l.fitWidth(fonts.Italic, st.body, lbl.Yes, lbl.None), 14,
		l.idWidth(l.serverIDs(fieldIndex("log", n)+".applied")...))
	valueMin := max(22, l.fitWidth(fonts.Bold, st.small, lbl.Value), l.idWidth(l.serverIDs(fieldIndex("log", n)+".value")...))
	gap := 5.0

	tableFor := func(k int) (colW float64, widths []float64) {
		colW = (l.body.W - gap*float64(k-1)) / float64(k)
		valueW := colW - idxW - termW - appliedW
		return colW, []float64{idxW, termW, valueW, appliedW}
	}
	head := func(widths []float64) func(x float64) row {
		return func(x float64) row {
			return l.tableRow(x, widths, []cell{label(lbl.Index), label(lbl.Term), label(lbl.Value), label(lbl.Applied)}, st.small, 5)
		}
	}
	body := func(widths []float64) []func(x float64) row {
		out := make([]func(x float64) row, len(cells))
		for i, c := range cells {
			i, c := i, c
			fs := l.logFields(h, i+1, c)
			out[i] = func(x float64) row {
				return l.tableRow(x, widths, []cell{given(itoa(i + 1)).sized(st.small),
					ask(c.term).asking(fs[0]), ask(c.value).left().asking(fs[1]), ask(c.applied).asking(fs[2])}, st.body, st.cell)
			}
		}
		return out
	}

	title := l.heading(lbl.LogTitle, st.body)
	titleH := block{rows: title}.height()
	avail := l.room() - titleH - restH - st.gap
	k := 1
	for ; k < 3; k++ { // the fewest columns that fit here, if any do
		colW, widths := tableFor(k)
		if colW-idxW-termW-appliedW < valueMin {
			k = max(1, k-1)
			break
		}
		if columnsHeight(head(widths)(0), body(widths), k) <= avail {
			break
		}
		if next, _ := tableFor(k + 1); next-idxW-termW-appliedW < valueMin {
			break
		}
	}
	colW, widths := tableFor(k)
	l.place(block{rows: title})
	l.columns(k, colW, gap, head(widths), body(widths), restH+st.gap, lbl.LogTitle+" "+lbl.Continued)
	l.space(st.gap)
}

// columnsHeight is the height of rows shared out over k columns, balanced.
func columnsHeight(head row, rows []func(x float64) row, k int) float64 {
	per := (len(rows) + k - 1) / k
	h := 0.0
	for c := 0; c < k; c++ {
		colH := head.h
		for i := c * per; i < min(len(rows), (c+1)*per); i++ {
			colH += rows[i](0).h
		}
		h = max(h, colH)
	}
	return h
}

// columns places table rows in k side-by-side columns of width colW,
// balanced when they all fit above keepFree, else filling column after
// column and page after page (with a "continued" heading), each column
// under its own header row.
func (l *layout) columns(k int, colW, gap float64, head func(x float64) row, rows []func(x float64) row, keepFree float64, continued string) {
	x0 := l.body.X
	bottom := l.body.Bottom() - keepFree
	if columnsHeight(head(0), rows, k) <= bottom-l.y+eps {
		per := (len(rows) + k - 1) / k
		top, end := l.y, l.y
		for c := 0; c < k; c++ {
			x := x0 + float64(c)*(colW+gap)
			y := top
			hr := head(x)
			hr.draw(l.page, y)
			y += hr.h
			for i := c * per; i < min(len(rows), (c+1)*per); i++ {
				r := rows[i](x)
				r.draw(l.page, y)
				y += r.h
			}
			end = max(end, y)
		}
		l.y = end
		return
	}
	c, top, end := 0, l.y, l.y
	y := top
	startColumn := func() {
		x := x0 + float64(c)*(colW+gap)
		hr := head(x)
		hr.draw(l.page, y)
		y += hr.h
	}
	startColumn()
	for _, rf := range rows {
		r := rf(x0 + float64(c)*(colW+gap))
		if y+r.h > l.body.Bottom()+eps {
			end = max(end, y)
			c++
			if c == k {
				l.startPage(l.section)
				l.place(block{rows: l.heading(continued, l.st.body)})
				c, top, end = 0, l.y, l.y
			}
			y = top
			startColumn()
			r = rf(x0 + float64(c)*(colW+gap))
		}
		r.draw(l.page, y)
		y += r.h
		end = max(end, y)
	}
	l.y = end
}

// logFields are the fields of the Raft Log's row i: term, value, applied.
func (l *layout) logFields(h *history, i int, c logCell) [3]*field.Field {
	part, box := l.lbl.LogTitle, l.lbl.Index+" "+itoa(i)+", "
	name := fieldIndex("log", itoa(i))
	return [3]*field.Field{
		l.sheetField(h, name+".term", field.KindNumber, c.term, c.at, topicLog, part, box+l.lbl.Term),
		l.sheetField(h, name+".value", field.KindValues, c.value, c.at, topicLog, part, box+l.lbl.Value),
		l.sheetField(h, name+".applied", field.KindAnswer, c.applied, c.appliedAt, topicApplied, part, box+l.lbl.Applied),
	}
}
