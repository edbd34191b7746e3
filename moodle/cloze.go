package moodle

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exam"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/templates"
)

// questionText is one variant's exam as a Cloze question's HTML: every
// question's wording, its cluster drawn as a table shaded by term, and its
// answers embedded where the sheet has its boxes.
func questionText(e *exam.Exam, tpl *templates.Template) string {
	var b strings.Builder
	if brief := strings.TrimSpace(e.Exercise.Brief); brief != "" {
		b.WriteString(para(brief))
	}
	xl := &tpl.Exam
	for _, q := range e.Questions {
		fmt.Fprintf(&b, "<h4>%s</h4>\n", escape(strings.NewReplacer("{n}", fmt.Sprint(q.N), "{points}", fmt.Sprint(q.Points())).Replace(xl.Question)))
		b.WriteString(para(q.Wording(xl, e.Exercise)))
		b.WriteString(figure(q, tpl))
		b.WriteString(answers(q, tpl))
	}
	return b.String()
}

// figure is the question's cluster as an HTML table: the indexes above,
// a row per server with its role, term, vote and commitIndex (where it
// does not answer the question: Question.ShowsCommitIndex), and a cell
// per log entry with its term, shaded by term.
func figure(q *exam.Question, tpl *templates.Template) string {
	lbl, xl := &tpl.Labels, &tpl.Exam
	var b strings.Builder
	caption := strings.ReplaceAll(xl.AfterStep, "{n}", fmt.Sprint(q.After))
	switch {
	case q.State.Written && q.Question.State != nil:
		caption = xl.StateShown
	case q.After == 0:
		caption = xl.BeforeStep
	}
	fmt.Fprintf(&b, "<p><b>%s</b></p>\n", escape(caption))
	b.WriteString(`<table style="border-collapse:collapse;font-size:90%">` + "\n<tr>")
	heads := []string{lbl.Server, lbl.Role, lbl.Term, lbl.VotedFor, lbl.CommitIndex}
	if !q.ShowsCommitIndex() {
		heads = heads[:4]
	}
	for _, h := range heads {
		fmt.Fprintf(&b, `<th style="padding:2px 6px;text-align:left">%s</th>`, escape(h))
	}
	last := q.State.LastIndex()
	for i := 1; i <= last; i++ {
		fmt.Fprintf(&b, `<th style="padding:2px;min-width:2em">%d</th>`, i)
	}
	b.WriteString("</tr>\n")
	for _, s := range q.State.Servers {
		role := map[engine.Role]string{engine.Follower: lbl.Follower, engine.Candidate: lbl.Candidate, engine.Leader: lbl.Leader}[s.Role]
		if !s.Up {
			role = xl.Down
		}
		vote := s.VotedFor
		if vote == "" {
			vote = lbl.None
		}
		fmt.Fprintf(&b, `<tr><td style="padding:2px 6px"><b>%s</b></td><td style="padding:2px 6px">%s</td><td style="padding:2px 6px">%d</td><td style="padding:2px 6px">%s</td>`,
			escape(s.ID), escape(role), s.Term, escape(vote))
		if q.ShowsCommitIndex() {
			fmt.Fprintf(&b, `<td style="padding:2px 6px">%d</td>`, s.Commit)
		}
		for i := 1; i <= last; i++ {
			if i > s.Log.LastIndex() {
				b.WriteString("<td></td>")
				continue
			}
			e := s.Log.At(i)
			grey := []int{248, 222, 196, 170}[(max(e.Term, 1)-1)%4]
			value := ""
			if e.Value != "" {
				value = "<br><small>" + escape(e.Value) + "</small>"
			}
			fmt.Fprintf(&b, `<td style="border:1px solid #333;background:rgb(%d,%d,%d);text-align:center;padding:2px"><b>%d</b>%s</td>`, grey, grey, grey, e.Term, value)
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
	if !q.State.Written {
		if len(q.State.InFlight) == 0 {
			b.WriteString(para(xl.NoInFlight))
		} else {
			b.WriteString("<p>" + escape(xl.InFlight) + ":</p>\n<ul>\n")
			for _, m := range q.State.InFlight {
				b.WriteString("<li>" + escape(exam.MessageWords(m)) + "</li>\n")
			}
			b.WriteString("</ul>\n")
		}
	}
	return b.String()
}

// answers are the question's boxes as embedded answers.
func answers(q *exam.Question, tpl *templates.Template) string {
	lbl, xl := &tpl.Labels, &tpl.Exam
	yesNo := []string{lbl.Yes, lbl.No}
	var b strings.Builder
	onPaper := func(prompt string) {
		b.WriteString("<p><i>" + escape(prompt) + " — " + escape(xl.OnPaper) + "</i></p>\n")
	}
	switch q.Kind {
	case "who-can-win":
		b.WriteString(`<table style="border-collapse:collapse"><tr><th style="padding:2px 6px">` + escape(xl.Candidate) + "</th>")
		for _, v := range q.Voters {
			b.WriteString(`<th style="padding:2px 6px">` + escape(v) + "</th>")
		}
		b.WriteString(`<th style="padding:2px 6px">` + escape(xl.Wins) + `</th><th style="padding:2px 6px">` + escape(xl.VoteCount) + "</th></tr>\n")
		var winners []string
		for _, c := range q.Candidates {
			fmt.Fprintf(&b, `<tr><td style="padding:2px 6px"><b>%s</b></td>`, escape(c.Server))
			votes := 1
			for _, v := range c.Votes {
				if v == nil {
					b.WriteString(`<td style="padding:2px 6px">` + escape(xl.Self) + "</td>")
					continue
				}
				if v.Answer == exam.Yes {
					votes++
				}
				b.WriteString(`<td style="padding:2px 6px">` + multichoice(yesNo, []string{keyWord(v, tpl)}) + "</td>")
			}
			if c.Wins.Answer == exam.Yes {
				winners = append(winners, c.Server)
			}
			fmt.Fprintf(&b, `<td style="padding:2px 6px">%s</td><td style="padding:2px 6px">%s</td></tr>`+"\n",
				multichoice(yesNo, []string{keyWord(c.Wins, tpl)}), numerical(votes))
		}
		b.WriteString("</table>\n")
		if len(winners) > 0 {
			b.WriteString("<p>" + escape(xl.NameAWinner) + " " + shortAnswer(winners) + "</p>\n")
		}
		for _, c := range q.Candidates {
			if c.Events != nil {
				onPaper(strings.ReplaceAll(xl.EventsWin, "{server}", c.Server))
			}
		}
	case "committed":
		choices := []string{xl.CommittedWord, xl.AtRiskWord}
		b.WriteString("<ul>\n")
		for _, e := range q.Entries {
			label := strings.NewReplacer("{index}", fmt.Sprint(e.Index), "{term}", fmt.Sprint(e.Term)).Replace(xl.Entry)
			if e.Value != "" {
				label += " (" + e.Value + ")"
			}
			b.WriteString("<li>" + escape(label) + ": " + multichoice(choices, []string{keyWord(e.Verdict, tpl)}) + "</li>\n")
		}
		b.WriteString("</ul>\n")
		for _, e := range q.Entries {
			if e.Events != nil {
				onPaper(strings.NewReplacer("{index}", fmt.Sprint(e.Index), "{term}", fmt.Sprint(e.Term)).Replace(xl.EventsLost))
			}
		}
	case "reachable", "goal":
		prompt := xl.Possible
		if q.Kind == "reachable" {
			prompt = xl.PossibleState
		}
		b.WriteString("<p>" + escape(prompt) + " " + multichoice(yesNo, []string{keyWord(q.Possible, tpl)}) + "</p>\n")
		b.WriteString("<p>" + escape(xl.RuleIfNot) + " " + ruleChoice(q.Rule, true, tpl) + "</p>\n")
		if q.Events != nil {
			onPaper(xl.Events)
		}
	case "mutant":
		onPaper(xl.EventsBreak)
		b.WriteString("<p>" + escape(xl.Property) + " " + ruleChoice(q.Property, false, tpl) + "</p>\n")
	}
	return b.String()
}

// keyWord is a box's answer in the template's words.
func keyWord(b *exam.Box, tpl *templates.Template) string {
	switch b.Answer {
	case exam.Yes:
		return tpl.Labels.Yes
	case exam.No:
		return tpl.Labels.No
	case exam.Committed:
		return tpl.Exam.CommittedWord
	case exam.AtRisk:
		return tpl.Exam.AtRiskWord
	}
	return b.Answer
}

// ruleChoice is a rule box as a choice among the menu (the five safety
// properties alone for a mutant's property), "–" first where a box may be
// left at none.
func ruleChoice(b *exam.Box, orNone bool, tpl *templates.Template) string {
	menu := field.RuleMenu
	if !orNone {
		menu = menu[:5]
	}
	var choices, right []string
	if orNone {
		choices = append(choices, tpl.Labels.None)
		if b.None() {
			right = append(right, tpl.Labels.None)
		}
	}
	for _, r := range menu {
		c := r.Letter + ". " + r.Name
		choices = append(choices, c)
		if r.Letter == b.Answer || contains(b.Accept, r.Key) {
			right = append(right, c)
		}
	}
	return multichoice(choices, right)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// multichoice is {1:MULTICHOICE:…}: every choice in the given order (the
// same for every question, so the order gives nothing away), the right
// ones marked =.
func multichoice(choices, right []string) string {
	parts := make([]string, len(choices))
	for i, c := range choices {
		parts[i] = clozeText(c)
		if contains(right, c) {
			parts[i] = "=" + parts[i]
		}
	}
	return "{1:MULTICHOICE:" + strings.Join(parts, "~") + "}"
}

// numerical is {1:NUMERICAL:=n:0}: exactly n.
func numerical(n int) string { return fmt.Sprintf("{1:NUMERICAL:=%d:0}", n) }

// shortAnswer is {1:SHORTANSWER:=a~=b}: any of the answers is right.
func shortAnswer(right []string) string {
	parts := make([]string, len(right))
	for i, r := range right {
		parts[i] = "=" + clozeText(r)
	}
	return "{1:SHORTANSWER:" + strings.Join(parts, "~") + "}"
}

// clozeText writes an answer inside an embedded answer: HTML-escaped (the
// parser decodes entities), with the characters that end an answer (}, #
// and ~) escaped or, for ~, which the parser does not unescape, replaced.
// An & is written &#38;: the parser never ends an answer just after & or
// &amp; (so that &#…; entities stay whole), and an answer ending in &amp;
// would run on past its closing brace.
func clozeText(s string) string {
	s = strings.NewReplacer("\\", "/", "}", `\}`, "#", `\#`, "~", "-").Replace(s)
	return strings.ReplaceAll(escape(s), "&amp;", "&#38;")
}

// feedback is the general feedback: every answer with its rule, and the
// witnesses, as the key's notes give them.
func feedback(e *exam.Exam, tpl *templates.Template) string {
	var b strings.Builder
	xl := &tpl.Exam
	for _, q := range e.Questions {
		fmt.Fprintf(&b, "<p><b>%s</b></p>\n<ul>\n", escape(strings.NewReplacer("{n}", fmt.Sprint(q.N), "{points}", fmt.Sprint(q.Points())).Replace(xl.Question)))
		item := func(s string) { b.WriteString("<li>" + escape(s) + "</li>\n") }
		witness := func(events []string) {
			if len(events) > 0 {
				item(xl.Witness + ": " + strings.Join(events, "; "))
			}
		}
		switch q.Kind {
		case "who-can-win":
			for _, c := range q.Candidates {
				item(c.Server + " · " + xl.Wins + " " + keyWord(c.Wins, tpl) + " · " + c.Because + " — " + c.Wins.Rule.String())
				witness(c.Witness)
			}
		case "committed":
			for _, en := range q.Entries {
				item(fmt.Sprintf("%d:%d · %s · %s — %s", en.Index, en.Term, keyWord(en.Verdict, tpl), en.Because, en.Verdict.Rule.String()))
				witness(en.Witness)
			}
		default:
			item(q.Because)
			if q.Events != nil {
				witness(q.Events.Events)
			}
		}
		b.WriteString("</ul>\n")
	}
	return b.String()
}
