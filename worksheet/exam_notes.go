package worksheet

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/exam"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// examNotes are the key's own pages: the goal and story, how to read the
// key, and for every question each answer with the rule of the paper
// behind it and its witness as a list of events. Nothing here is on the
// worksheet.
func (l *layout) examNotes() {
	l.KeyOnly = true
	defer func() { l.KeyOnly = false }()
	l.notesOpening()
	for _, q := range l.shared.exam.Questions {
		title := fill(l.tpl.Exam.Question, "n", itoa(q.N), "points", itoa(q.Points())) + " · " + l.tpl.Exam.Answers
		l.coverSection(title, l.questionNotes(q))
	}
}

// questionNotes are one question's answers in full.
func (l *layout) questionNotes(q *exam.Question) []page.Row {
	var rows []page.Row
	note := func(s string) {
		rows = append(rows, l.paragraph(page.Words(s, page.Print), fonts.Regular, l.st.small, l.Body.X, l.Body.W)...)
	}
	item := func(head, s string) {
		tokens := append([]page.Run{{S: head}}, page.Words(s, page.Print)...)
		rows = append(rows, l.paragraph(tokens, fonts.Regular, l.st.small, l.Body.X, l.Body.W)...)
	}
	xl := &l.tpl.Exam
	switch q.Kind {
	case "who-can-win":
		for _, c := range q.Candidates {
			rows = append(rows, page.Gap(1))
			item(c.Server+" · "+xl.Wins+" "+l.keyWords(c.Wins)+" ·", c.Because+" — "+ruleText(c.Wins.Rule)+".")
			if len(c.Witness) > 0 {
				note(l.witnessText(c.Witness, ""))
			}
		}
	case "committed":
		for _, e := range q.Entries {
			rows = append(rows, page.Gap(1))
			item(l.entryLabel(e)+" · "+l.keyWords(e.Verdict)+" ·", e.Because+" — "+ruleText(e.Verdict.Rule)+".")
			if len(e.Witness) > 0 {
				note(l.witnessText(e.Witness, ""))
			}
		}
	default:
		for _, b := range q.Boxes() {
			if b.Kind == field.KindEvents {
				continue
			}
			line := b.ID + " · " + l.keyWords(b)
			if m, ok := menuOf(b); ok {
				line += " (" + m.Name + ", " + m.Cite + ")"
			}
			for _, k := range b.Accept {
				if m, ok := field.MenuRuleOf(k); ok {
					line += "; " + xl.AlsoAccepted + ": " + m.Letter + " (" + m.Name + ")"
				}
			}
			note(line)
		}
		note(q.Because + ".")
		switch {
		case q.Events != nil && len(q.Events.Events) > 0:
			note(l.witnessText(q.Events.Events, ""))
		case len(q.Witness) > 0:
			note(l.witnessText(q.Witness, xl.FromEmpty))
		}
		if q.Explored != nil {
			note(fmt.Sprintf("%s: %s; depth %d, %d states", xl.Explored, q.Explored.Bounds, q.Explored.Depth, q.Explored.States))
		}
	}
	return rows
}

// witnessText is a witness as a numbered list of events on one paragraph.
func (l *layout) witnessText(events []string, from string) string {
	parts := make([]string, len(events))
	for i, e := range events {
		parts[i] = fmt.Sprintf("%d. %s", i+1, e)
	}
	head := l.tpl.Exam.Witness
	if from != "" {
		head += " (" + from + ")"
	}
	return head + ": " + strings.Join(parts, " · ")
}

func ruleText(r field.Rule) string { return r.String() }

// menuOf is the menu's rule a rule box answers, if it is one.
func menuOf(b *exam.Box) (field.MenuRule, bool) {
	if b.Kind != field.KindRule || b.None() {
		return field.MenuRule{}, false
	}
	for _, m := range field.RuleMenu {
		if m.Letter == b.Answer {
			return m, true
		}
	}
	return field.MenuRule{}, false
}
