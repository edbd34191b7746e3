package worksheet

import (
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// debrief lays out the role-play's last pages: the steps the script asks
// about (why: true; every step when it asks about none), each as the
// teacher announced it, with a Why? box of fixed size for the rules
// behind it; the key lists them, the teacher's notes give every reason.
func (l *layout) debrief() {
	if l.shared.debriefRoom < 0 {
		l.shared.debriefRoom = l.debriefStretch()
	}
	l.debriefWith(l.shared.debriefRoom)
}

// debriefStretch is how much taller (mm) every Why? box of the debrief is
// made so that its last page is not left nearly empty: the least that
// fills it to minCoverFill, or none when no stretch of up to a few lines
// does.
func (l *layout) debriefStretch() float64 {
	for extra := 0.0; extra <= 12; extra += 1 {
		scratch := *l
		scratch.Doc = &page.Document{Paper: l.Doc.Paper, Area: l.Doc.Area}
		scratch.Page = nil
		scratch.debriefWith(extra)
		if len(scratch.Doc.Pages) == 1 || (scratch.Y-l.Body.Y)/l.Body.H >= minCoverFill {
			return extra
		}
	}
	return 0
}

// debriefWith lays the debrief out with Why? boxes extra mm taller.
func (l *layout) debriefWith(extra float64) {
	l.StartPage("debrief")
	st := l.st
	rows := l.heading(l.lbl.DebriefTitle, st.heading)
	rows = append(rows, l.paragraph(page.Words(l.lbl.DebriefIntro, page.Print), fonts.Regular, st.body, l.Body.X, l.Body.W)...)
	l.Place(page.Block{Rows: append(rows, page.Gap(2))})
	groups := l.stepGroups()
	asked := l.askedWhy(groups)
	for _, g := range groups {
		if len(asked) > 0 && !asked[g.first] {
			continue
		}
		head := l.groupHeading(g)
		steps := make([]int, 0, g.last-g.first+1)
		for n := g.first; n <= g.last; n++ {
			steps = append(steps, n)
		}
		head[len(head)-1].KeepNext = true
		l.Place(page.Block{Rows: append(append(head, l.ruleBoxTaller(steps, l.Body.X, l.Body.W, extra)...), page.Gap(1.5))})
	}
}

// askedWhy are the step groups (by first trace step) whose script step
// says why: true; none when the script asks about no step.
func (l *layout) askedWhy(groups []stepGroup) map[int]bool {
	out := map[int]bool{}
	for _, g := range groups {
		for n := g.first; n <= g.last; n++ {
			if l.tr.Steps[n-1].AskWhy {
				out[g.first] = true
			}
		}
	}
	return out
}

// groupHeading is a script step's heading as the cover lists it: its
// trace steps, its `at:` time, the step in plain words, and its note.
func (l *layout) groupHeading(g stepGroup) []page.Row {
	return l.stepHeadingNamed(l.stepName(g), g.at, l.sentence(g.words), g.note, false)
}
