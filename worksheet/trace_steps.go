package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/engine"
)

// traceColumns are the widths of a trace step's server table.
type traceColumns struct {
	widths []float64
	withSM bool // room for the state machine column
}

func (l *layout) newTraceColumns() traceColumns {
	lbl, st := l.lbl, l.st
	roles := []string{lbl.Role, lbl.Follower, lbl.Candidate, lbl.Leader, lbl.Down}
	terms := []string{lbl.Term, itoa(l.tr.MaxTerm())}
	voted := append([]string{lbl.VotedFor, lbl.None}, l.tr.Servers...)
	commits := []string{lbl.CommitIndex, itoa(l.tr.MaxLogLength())}
	w := func(texts []string) float64 {
		return max(l.fitWidth(Bold, st.small, texts[0]), l.fitWidth(Italic, st.body, texts[1:]...))
	}
	server := max(l.fitWidth(Bold, st.small, append([]string{lbl.Server}, l.tr.Servers...)...), 10)
	// Wide enough for the key's answers and for handwriting.
	fixed := []float64{server, max(w(roles), 20), max(w(terms), 12), max(w(voted), 15), max(w(commits), 16)}
	used := 0.0
	for _, f := range fixed {
		used += f
	}
	rest := l.body.W - used
	c := traceColumns{}
	if rest >= 90 {
		sm := max(26, l.fitWidth(Bold, st.small, lbl.StateMachine))
		c.widths = append(fixed[:4:4], rest-sm, fixed[4], sm)
		c.withSM = true
		return c
	}
	c.widths = append(fixed[:4:4], rest, fixed[4])
	return c
}

// traceSteps lays out the trace template: a block per step with the
// servers' state after it, the messages it sends and why.
func (l *layout) traceSteps() {
	l.startPage("steps")
	cols := l.newTraceColumns()
	for i, s := range l.tr.Steps {
		if i > 0 {
			l.space(l.st.gap + 1)
		}
		rows := l.stepHeading(s.N, l.timed(s.Words, s.TimeMs), s.Note, true)
		rows = append(rows, gapRow(1))
		rows = append(rows, l.serverTable(cols, s)...)
		rows = append(rows, gapRow(1.5))
		rows = append(rows, l.messageRows(s)...)
		rows = append(rows, gapRow(1.5))
		rows = append(rows, l.whyBox(l.stepReasons(s), l.body.X, l.body.W)...)
		n := s.N
		l.place(block{rows: rows, keep: true, repeat: func() []row { return l.continuedHeading(n) }})
	}
}

// serverTable is a row per server: what the step asks about is blank on
// the worksheet; the other servers' state is printed, shaded.
func (l *layout) serverTable(cols traceColumns, s engine.StepRecord) []row {
	lbl, st := l.lbl, l.st
	heads := []string{lbl.Server, lbl.Role, lbl.Term, lbl.VotedFor, lbl.Log, lbl.CommitIndex}
	if cols.withSM {
		heads = append(heads, lbl.StateMachine)
	}
	head := make([]cell, len(heads))
	for i, h := range heads {
		head[i] = label(h).sized(st.small)
	}
	rows := []row{l.tableRow(l.body.X, cols.widths, head, st.body, 5)}
	rows[0].keepNext = true
	asked := map[string]bool{}
	for _, id := range s.Ask {
		asked[id] = true
	}
	for _, id := range l.tr.Servers {
		sv := s.Servers[id]
		ink := Answer
		if !asked[id] {
			ink = Print
		}
		logRuns := l.logRuns(sv.Log, ink)
		values := [][]Run{
			{{S: roleWord(lbl, sv), Ink: ink}}, {{S: itoa(sv.Term), Ink: ink}}, {{S: votedFor(lbl, sv), Ink: ink}},
			logRuns, {{S: itoa(sv.CommitIndex), Ink: ink}},
		}
		if cols.withSM {
			sm := l.values.stateMachine(sv.StateMachine)
			if len(sm) == 0 {
				sm = []string{lbl.None}
			}
			values = append(values, inkedWords(sm, ink))
		}
		cells := []cell{boldLabel(id).sized(st.small)}
		for i, v := range values {
			c := ask(v)
			if !asked[id] {
				c = cell{runs: v, fill: Shade, align: Center}
			}
			if i == 3 || i == 5 {
				c = c.left()
			}
			cells = append(cells, c)
		}
		rows = append(rows, l.tableRow(l.body.X, cols.widths, cells, st.body, st.cell))
	}
	return rows
}

// logRuns are a log as term:value tokens, "–" when empty.
func (l *layout) logRuns(log []engine.LogEntry, ink Ink) []Run {
	if len(log) == 0 {
		return []Run{{S: l.lbl.None, Ink: ink}}
	}
	out := make([]Run, len(log))
	for i, e := range log {
		out[i] = Run{S: l.values.entry(e.Term, e.Value), Ink: ink}
	}
	return out
}

func inkedWords(texts []string, ink Ink) []Run {
	out := make([]Run, len(texts))
	for i, t := range texts {
		out[i] = Run{S: t, Ink: ink}
		if i < len(texts)-1 {
			out[i].S += ","
		}
	}
	return out
}

// messageRows are the messages the step sends, a row per group with its
// numbers given; one blank row (key: "none") when it sends nothing.
func (l *layout) messageRows(s engine.StepRecord) []row {
	lbl, st := l.lbl, l.st
	groups := sentGroups(s.Messages)
	asked := map[string]bool{}
	for _, id := range s.Ask {
		asked[id] = true
	}
	ids := []string{"#000"}
	for _, g := range groups {
		ids = append(ids, idList(g.ids))
	}
	idW := l.fitWidth(Bold, st.small, ids...)
	widths := []float64{idW, l.body.W - idW}
	rows := l.paragraph(words(lbl.Messages, Print), Bold, st.small, l.body.X, l.body.W)
	rows[len(rows)-1].keepNext = true
	if len(groups) == 0 {
		ink := Answer
		if len(s.Ask) == 0 {
			ink = Print
		}
		return append(rows, l.tableRow(l.body.X, widths, []cell{label(""), ask(words(lbl.NoMessages, ink)).left()}, st.body, st.cell))
	}
	for _, g := range groups {
		ink := Print
		for _, from := range g.from {
			if asked[from] {
				ink = Answer
			}
		}
		c := ask(words(l.describe(g), ink)).left()
		if ink == Print {
			c = cell{runs: c.runs, fill: Shade}
		}
		rows = append(rows, l.tableRow(l.body.X, widths, []cell{boldLabel(idList(g.ids)).sized(st.small), c}, st.body, st.cell))
	}
	return rows
}

// stepReasons are what the key's Why? box says for a step: what was
// delivered, the engine's reasons, and what is still in flight.
func (l *layout) stepReasons(s engine.StepRecord) []string {
	var out []string
	if len(s.Delivered) > 0 {
		out = append(out, l.lbl.Delivered+": "+idList(sortedInts(s.Delivered)))
	}
	out = append(out, s.Reasons...)
	if len(s.InFlight) > 0 {
		out = append(out, l.lbl.InFlightAfter+": "+idList(sortedInts(s.InFlight)))
	}
	if len(out) == 0 {
		out = append(out, strings.TrimSpace(l.lbl.None))
	}
	return out
}
