package worksheet

import (
	"slices"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// whyLines is how many lines of reasons one Why? box holds at most; more
// go on in a further box, so a box never outgrows a page.
const whyLines = 14

// whyBox is the Why? box: on the worksheet a labelled box to write the
// rules in, on the key the reasons the engine gave, one per line. Its
// height comes from the key's reasons, so both show the same box.
func (l *layout) whyBox(reasons []string, x, w float64) []page.Row {
	size := l.st.small
	var tokens []page.Run
	for i, r := range reasons {
		if i > 0 {
			tokens = append(tokens, page.Run{})
		}
		tokens = append(tokens, page.Words(r, page.Answer)...)
	}
	indent := l.fitWidth(fonts.Regular, size, l.lbl.Why) // room for the label
	lines := l.wrapIn(tokens, fonts.Italic, size, w-indent)
	var rows []page.Row
	for start := 0; start < len(lines) || start == 0; start += whyLines {
		chunk := lines[start:min(len(lines), start+whyLines)]
		first := start == 0
		h := max(l.st.cell*1.5, l.textH(len(chunk), size)+1, l.textH(1, size))
		rows = append(rows, page.Row{H: h, Draw: func(p *page.Page, y float64) {
			r := page.Rect{X: x, Y: y, W: w, H: h}
			p.AddBox(page.Box{R: r, Stroke: page.Thin, Write: true, Free: true})
			if first {
				l.text(p, page.Rect{X: x, Y: y, W: indent, H: l.textH(1, size)}, []page.Line{inked(l.lbl.Why, page.WorksheetOnly)}, fonts.Regular, size, page.Left, false)
			}
			l.text(p, page.Rect{X: x + indent, Y: y, W: w - indent, H: h}, chunk, fonts.Regular, size, page.Left, false)
		}})
		if len(lines) == 0 {
			break
		}
	}
	return rows
}

// askedWhy is the Why? box of a step whose script asks why (why: true):
// as tall as the template says (sizes.why_lines), on worksheet and key
// alike. The key names the rules behind the step, each once, in the
// order the engine gave its reasons; what does not fit ends in "…
// (teacher's notes)", where every reason is in full.
func (l *layout) askedWhy(s engine.StepRecord, x, w float64) []page.Row {
	size, n := l.st.small, max(1, l.tpl.Sizes.WhyLines)
	indent := l.fitWidth(fonts.Regular, size, l.lbl.Why)
	var names []string
	for _, r := range s.Why {
		rule := l.rules.named(r.Rule)
		if name := rule.String(); !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	lines := l.whyLines(names, w-indent, n)
	h := l.textH(n, size) + 1
	return []page.Row{{H: h, Draw: func(p *page.Page, y float64) {
		p.AddBox(page.Box{R: page.Rect{X: x, Y: y, W: w, H: h}, Stroke: page.Thin, Write: true, Free: true})
		l.text(p, page.Rect{X: x, Y: y, W: indent, H: l.textH(1, size)}, []page.Line{plain(l.lbl.Why)}, fonts.Regular, size, page.Left, false)
		if len(lines) > 0 {
			l.text(p, page.Rect{X: x + indent, Y: y, W: w - indent, H: h}, lines, fonts.Regular, size, page.Left, false)
		}
	}}}
}

// whyLines are the rule names wrapped in at most n lines of width w: as
// many as fit whole, then the template's "… (teacher's notes)".
func (l *layout) whyLines(names []string, w float64, n int) []page.Line {
	wrap := func(k int, more bool) []page.Line {
		var tokens []page.Run
		for i, name := range names[:k] {
			if i > 0 {
				tokens = append(tokens, page.Run{S: " ·", Ink: page.Answer, Glue: true}, page.Run{S: " "})
			}
			tokens = append(tokens, page.Words(name, page.Answer)...)
		}
		if more {
			tokens = append(tokens, page.Run{S: " "})
			tokens = append(tokens, page.Words(l.lbl.WhyMore, page.Answer)...)
		}
		return l.wrapIn(tokens, fonts.Italic, l.st.small, w)
	}
	if lines := wrap(len(names), false); len(lines) <= n {
		return lines
	}
	for k := len(names) - 1; k >= 0; k-- {
		if lines := wrap(k, true); len(lines) <= n {
			return lines
		}
	}
	return nil
}

// reasonTexts are the step's reasons in the template's words.
func (l *layout) reasonTexts(s engine.StepRecord) []string {
	out := make([]string, len(s.Why))
	for i, r := range s.Why {
		out[i] = l.tpl.ReasonText(r)
	}
	return out
}
