package worksheet

import (
	"slices"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// ruleBox is a Why? box for some trace steps, where the student writes
// the rules of the paper behind the steps; the key lists the rules the
// engine applied in them. Every Why? box of the trace is as tall: the
// template's why_lines, or what the longest list of rules the trace's
// boxes name needs (at most maxWhyLines; the rest are in the teacher's
// notes, where every reason is in full). Its size depends on the
// exercise, never on the step, so it tells the student nothing.
func (l *layout) ruleBox(steps []int, x, w float64) []page.Row {
	return l.ruleBoxOf(steps, x, w, l.whyH(w))
}

// whyH is the height of the trace's Why? boxes of width w, worked out
// once per build (under the lock: sections are laid out at once).
func (l *layout) whyH(w float64) float64 {
	l.shared.mu.Lock()
	defer l.shared.mu.Unlock()
	if l.shared.whyH == 0 {
		l.shared.whyH = l.whyBoxHeight(w)
	}
	return l.shared.whyH
}

// maxWhyLines is the most lines a trace's Why? boxes grow to, in the
// key's size, to hold their rules.
const maxWhyLines = 6

// whyBoxHeight is the height of the trace's Why? boxes, w wide.
func (l *layout) whyBoxHeight(w float64) float64 {
	h := l.whyBaseHeight()
	for _, s := range l.tr.Steps {
		if steps := l.whyAsked(s); len(steps) > 0 {
			lines := min(maxWhyLines, len(l.wrapIn(l.ruleRuns(steps), fonts.Italic, l.st.small, w-l.whyIndent())))
			h = max(h, float64(lines)*lh(l.st.small)+2*l.st.padY)
		}
	}
	return h
}

// whyBaseHeight is a Why? box's height of the template's why_lines.
func (l *layout) whyBaseHeight() float64 {
	return max(l.st.cell, float64(max(1, l.tpl.Sizes.WhyLines))*lh(l.st.body)+2*l.st.padY)
}

func (l *layout) whyIndent() float64 { return l.fitWidth(fonts.Regular, l.st.small, l.lbl.Why) }

// ruleBoxTaller is a Why? box of why_lines extra mm taller: more room to
// write, to fill a page that would otherwise be left nearly empty.
func (l *layout) ruleBoxTaller(steps []int, x, w, extra float64) []page.Row {
	return l.ruleBoxOf(steps, x, w, l.whyBaseHeight()+extra)
}

// ruleRuns are the rules of some steps as the key writes them.
func (l *layout) ruleRuns(steps []int) []page.Run {
	var runs []page.Run
	for i, r := range l.stepRules(steps) {
		if i > 0 {
			runs = append(runs, page.Run{S: ";", Ink: page.Answer, Glue: true})
		}
		runs = append(runs, page.Words(r.String(), page.Answer)...)
	}
	return runs
}

// ruleBoxOf is a Why? box h high.
func (l *layout) ruleBoxOf(steps []int, x, w, h float64) []page.Row {
	size := l.st.small
	indent := l.whyIndent()
	runs := l.ruleRuns(steps)
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
