package worksheet

import (
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// debrief lays out the role-play's last pages: for every step, what
// happened in plain words and a Why? box; the key gives the reasons.
func (l *layout) debrief() {
	l.StartPage("debrief")
	st := l.st
	rows := l.heading(l.lbl.DebriefTitle, st.heading)
	rows = append(rows, l.paragraph(page.Words(l.lbl.DebriefIntro, page.Print), fonts.Regular, st.body, l.Body.X, l.Body.W)...)
	l.Place(page.Block{Rows: append(rows, page.Gap(2))})
	for _, s := range l.tr.Steps {
		head := l.stepHeading(s.N, s.TimeMs, s.Words, "", false)
		why := l.whyBox(l.reasonTexts(s), l.Body.X, l.Body.W)
		head[len(head)-1].KeepNext = true
		l.Place(page.Block{Rows: append(append(head, why...), page.Gap(2))})
	}
}
