package worksheet

import "github.com/raftsheet/raftsheet/fonts"

// debrief lays out the role-play's last pages: for every step, what
// happened in plain words and a Why? box; the key gives the reasons.
func (l *layout) debrief() {
	l.startPage("debrief")
	st := l.st
	rows := l.heading(l.lbl.DebriefTitle, st.heading)
	rows = append(rows, l.paragraph(words(l.lbl.DebriefIntro, Print), fonts.Regular, st.body, l.body.X, l.body.W)...)
	l.place(block{rows: append(rows, gapRow(2))})
	for _, s := range l.tr.Steps {
		head := l.stepHeading(s.N, s.TimeMs, s.Words, "", false)
		why := l.whyBox(s.Reasons, l.body.X, l.body.W)
		head[len(head)-1].keepNext = true
		l.place(block{rows: append(append(head, why...), gapRow(2))})
	}
}
