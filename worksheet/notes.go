package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// teacherNotes are the key's own pages, after all that the worksheet
// shares: the goal, the story, how to read the key, and for every step
// what happens (the exercise's explanation) and the engine's reasons in
// full. Nothing here is on a worksheet, so nothing a student gets depends
// on it.
func (l *layout) teacherNotes() {
	l.KeyOnly = true
	defer func() { l.KeyOnly = false }()
	l.notesOpening()
	b, st, lbl := l.Body, l.st, l.lbl
	l.coverSection(lbl.Steps, nil)
	for i, s := range l.tr.Steps {
		if i > 0 {
			l.Space(1.5)
		}
		rows := l.stepHeading(s.N, s.TimeMs, s.Words, s.Note, false)
		if ex := strings.TrimSpace(s.Explain); ex != "" {
			rows = append(rows, l.paragraph(page.Words(lbl.Explanation+": "+ex, page.Print), fonts.Italic, st.small, b.X+4, b.W-4)...)
		}
		rows = append(rows, l.reasonList(s)...)
		l.Place(page.Block{Rows: rows, Keep: true})
	}
}

// reasonList is a step's reasons, one paragraph each, with what was
// delivered and what is still in flight: what the engine did and why; in
// a timed exercise also each election timer the step restarted, with its
// drawn timeout, which the teacher announces to the server's player.
func (l *layout) reasonList(s engine.StepRecord) []page.Row {
	var rows []page.Row
	for _, r := range append(l.stepReasons(s), l.timerDraws(s)...) {
		rows = append(rows, l.paragraph(page.Words("· "+r, page.Print), fonts.Regular, l.st.small, l.Body.X+4, l.Body.W-4)...)
	}
	return rows
}

// timerDraws are the election timers a step (re)started: "S3's election
// timer restarts with a timeout of 163 ms: it fires at 353 ms".
func (l *layout) timerDraws(s engine.StepRecord) []string {
	if s.TimeMs == nil {
		return nil
	}
	before := l.tr.Initial
	if s.N > 1 {
		before = l.tr.Steps[s.N-2].Servers
	}
	var out []string
	for _, id := range l.tr.Servers {
		now, was := s.Servers[id].ElectionTimerMs, before[id].ElectionTimerMs
		if now != nil && (was == nil || *was != *now) {
			out = append(out, fill(l.lbl.TimerDraw, "server", id, "timeout", itoa(*now-*s.TimeMs), "at", itoa(*now)))
		}
	}
	return out
}

// notesOpening starts the key's own pages: their heading and what they
// are, the goal, the story and how to read the key.
func (l *layout) notesOpening() {
	l.StartPage("notes")
	b, st, lbl := l.Body, l.st, l.lbl
	rows := l.heading(lbl.TeacherNotes, st.heading+2)
	rows = append(rows, l.paragraph(page.Words(lbl.NotesIntro, page.Print), fonts.Regular, st.body, b.X, b.W)...)
	if goal := strings.TrimSpace(l.tr.Goal); goal != "" {
		rows = append(rows, page.Gap(2))
		rows = append(rows, l.paragraph(page.Words(fill(lbl.Goal, "goal", goal), page.Print), fonts.Bold, st.body, b.X, b.W)...)
	}
	l.Place(page.Block{Rows: rows})
	if story := strings.TrimSpace(l.tr.Summary); story != "" {
		l.coverSection(lbl.Story, l.paragraph(page.Words(story, page.Print), fonts.Regular, st.body, b.X, b.W))
	}
	l.coverSection(lbl.ReadingKey, l.paragraphs(l.tpl.Text.KeyLegend))
}
