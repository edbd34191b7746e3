package class

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
