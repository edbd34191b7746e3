package worksheet

import (
	"slices"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// ruleBox is a Why? box for some trace steps: a fixed number of lines
// (the template's why_lines), the same on worksheet and key, where the
// student writes the rules of the paper behind the steps. The key lists
// the rules the engine applied in them, as many as fit; the rest are in
// the teacher's notes, where every reason is in full. Its size never
// depends on the answer, so it tells the student nothing.
func (l *layout) ruleBox(steps []int, x, w float64) []page.Row {
	return l.ruleBoxTaller(steps, x, w, 0)
}

// ruleBoxTaller is a ruleBox extra mm taller: more room to write, to fill
// a page that would otherwise be left nearly empty.
func (l *layout) ruleBoxTaller(steps []int, x, w, extra float64) []page.Row {
	size := l.st.small
	lines := max(1, l.tpl.Sizes.WhyLines)
	h := max(l.st.cell, float64(lines)*lh(l.st.body)+2*l.st.padY) + extra
	indent := l.fitWidth(fonts.Regular, size, l.lbl.Why)
	var runs []page.Run
	for i, r := range l.stepRules(steps) {
		if i > 0 {
			runs = append(runs, page.Run{S: ";", Ink: page.Answer, Glue: true})
		}
		runs = append(runs, page.Words(r.String(), page.Answer)...)
	}
	wrapped := l.wrapIn(runs, fonts.Italic, size, w-indent)
	fit := int((h - 2*l.st.padY + page.Tolerance) / lh(size))
	if len(wrapped) > fit {
		more := page.Words("… ("+l.lbl.TeacherNotes+")", page.Answer)
		wrapped = append(wrapped[:fit-1], l.wrapIn(more, fonts.Italic, size, w-indent)[0])
	}
	return []page.Row{{H: h, Draw: func(p *page.Page, y float64) {
		p.AddBox(page.Box{R: page.Rect{X: x, Y: y, W: w, H: h}, Stroke: page.Thin, Write: true, Free: true})
		l.text(p, page.Rect{X: x, Y: y, W: indent, H: l.textH(1, size)}, []page.Line{inked(l.lbl.Why, page.WorksheetOnly)}, fonts.Regular, size, page.Left, false)
		l.text(p, page.Rect{X: x + indent, Y: y, W: w - indent, H: h}, wrapped, fonts.Regular, size, page.Left, false)
	}}}
}

// stepRules are the rules the script names for the steps' question
// (why: [keys]), or else the rules the engine applied in the steps, each
// once, in the order it first applied them; the network's bookkeeping
// (partitions, quiet steps) is left out.
func (l *layout) stepRules(steps []int) []field.Rule {
	var out []field.Rule
	for _, n := range steps {
		for _, key := range l.tr.Steps[n-1].WhyRules {
			r, _ := engine.RuleByKey(key)
			if named := l.rules.named(r); !slices.Contains(out, named) {
				out = append(out, named)
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, n := range steps {
		for _, r := range l.rules.why(n) {
			switch r.Rule {
			case engine.RuleQuiet, engine.RulePartition, engine.RuleHeal:
				continue
			}
			named := l.rules.named(r.Rule)
			if !slices.Contains(out, named) {
				out = append(out, named)
			}
		}
	}
	return out
}
