package class

import "github.com/raftsheet/raftsheet/field"

// judgeWritten grades the boxes whose answer is judged rather than
// compared (field.Field.Judge: an exam's sequences of events, played
// through the engine; a rule any of several answers): each written answer
// is judged again, and the counts follow. Boxes left blank or unreadable
// keep their verdict.
func judgeWritten(g *Grade, a *AnswerFile) {
	written := func(id string) string {
		if ans, ok := a.lookup(id); ok && !ans.Blank && ans.Unread == "" {
			return ans.Text
		}
		return ""
	}
	for i := range g.Marks {
		m := &g.Marks[i]
		if m.Field.Judge == nil || m.Written == "" || m.Note != "" {
			continue
		}
		ans, ok := a.lookup(m.Field.ID)
		if !ok || ans.Blank || ans.Unread != "" {
			continue
		}
		right, why := m.Field.Judge(ans.Text, written)
		v := Wrong
		if right {
			v = Right
		}
		if v == m.Verdict {
			m.Note = why
			continue
		}
		g.uncount(m.Verdict)
		m.Verdict, m.Note = v, why
		g.count(v)
	}
}

// uncount takes back a verdict counted before judging.
func (g *Grade) uncount(v Verdict) {
	switch v {
	case Right:
		g.Right--
	case Wrong:
		g.Wrong--
	case Missing:
		g.Missing--
	}
}

// examAnswerHelp adds to the answer file's preamble what an exam's boxes
// take: a verdict, a rule's letter, a sequence of events on one line.
const examAnswerHelp = `# An exam: committed or at risk · a rule or property by its letter (A–L,
#   as on the cover) · a sequence of events on one line, parted by ";":
#   "timeout S5; deliver S5→S1, S5→S2; deliver all" (see the cover).`

// hasExamBoxes reports whether fields include an exam's own kinds of box.
func hasExamBoxes(fields []*field.Field) bool {
	for _, f := range fields {
		switch f.Kind {
		case field.KindVerdict, field.KindRule, field.KindEvents:
			return true
		}
	}
	return false
}
