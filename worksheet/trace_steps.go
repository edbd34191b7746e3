package worksheet

import (
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// traceColumn is a column of a trace step's server table: the field it
// holds (its id's last part), its heading and its width.
type traceColumn struct {
	attr  string // role, term, votedFor, log, commitIndex, stateMachine, timer
	head  string
	w     float64
	left  bool // values read left to right (a log), not centred
	kind  field.Kind
	topic ruleTopic
}

// traceColumns are the columns of a trace step's server table, after the
// server's name.
type traceColumns struct {
	serverW float64
	cols    []traceColumn
}

func (l *layout) newTraceColumns() traceColumns {
	lbl, st := l.lbl, l.st
	n := len(l.tr.Steps)
	w := func(attr string, texts ...string) float64 {
		return max(l.fitWidth(fonts.Bold, st.small, texts[0]), l.fitWidth(fonts.Italic, st.body, texts[1:]...),
			l.idWidth(l.stepIDs(n, attr)...))
	}
	roles := []string{lbl.Role, lbl.Follower, lbl.Candidate, lbl.Leader, lbl.Down}
	if l.has.prevote {
		roles = append(roles, lbl.PreCandidate)
	}
	c := traceColumns{serverW: max(l.fitWidth(fonts.Bold, st.small, append([]string{lbl.Server}, l.tr.Servers...)...), 10)}
	// Wide enough for the key's answers, for handwriting and for the ids.
	c.cols = []traceColumn{
		{attr: "role", head: lbl.Role, w: max(w("role", roles...), 20), kind: field.KindRoles, topic: topicRole},
		{attr: "term", head: lbl.Term, w: max(w("term", lbl.Term, itoa(l.tr.MaxTerm())), 12), kind: field.KindNumber, topic: topicTerm},
		{attr: "votedFor", head: lbl.VotedFor, w: max(w("votedFor", append([]string{lbl.VotedFor, lbl.None}, l.tr.Servers...)...), 15), kind: field.KindServer, topic: topicVote},
		{attr: "log", head: lbl.Log, left: true, kind: field.KindEntries, topic: topicLog},
		{attr: "commitIndex", head: lbl.CommitIndex, w: max(w("commitIndex", lbl.CommitIndex, itoa(l.tr.MaxLogLength())), 16), kind: field.KindNumber, topic: topicCommit},
	}
	if l.tr.Timing != nil {
		c.cols = append(c.cols, traceColumn{attr: "timer", head: lbl.NextTimer,
			w: max(w("timer", lbl.NextTimer, itoa(l.lastTime()+1000)), 16), kind: field.KindTime, topic: topicTimer})
	}
	used := c.serverW
	for _, col := range c.cols {
		used += col.w
	}
	if rest := l.Body.W - used; rest >= 90 {
		c.cols = append(c.cols, traceColumn{attr: "stateMachine", head: lbl.StateMachine, left: true,
			w: max(26, l.fitWidth(fonts.Bold, st.small, lbl.StateMachine), l.idWidth(l.stepIDs(n, "stateMachine")...)), kind: field.KindValues, topic: topicStateMachine})
		used += c.cols[len(c.cols)-1].w
	}
	c.cols[3].w = l.Body.W - used // the log takes the rest
	return c
}

// stepIDs are the ids of attr after step n of every server: what a
// column must be wide enough for.
func (l *layout) stepIDs(n int, attr string) []string {
	return l.everyServer(func(s string) []string { return []string{field.StepID(n, s, attr)} })
}

// widths are the table's column widths, the server's first.
func (c traceColumns) widths() []float64 {
	out := []float64{c.serverW}
	for _, col := range c.cols {
		out = append(out, col.w)
	}
	return out
}

// traceSteps lays out the trace template: a block per step with the
// servers' state after it, the messages it sends and why.
func (l *layout) traceSteps() {
	l.StartPage("steps")
	cols := l.newTraceColumns()
	extra := l.beyondColumns()
	for i, s := range l.tr.Steps {
		if i > 0 {
			l.Space(l.st.gap + 1)
		}
		rows := l.stepHeading(s.N, s.TimeMs, s.Words, s.Note, true)
		rows = append(rows, page.Gap(1))
		rows = append(rows, l.serverTable(cols, s)...)
		if len(extra.cols) > 0 {
			rows = append(rows, page.Gap(1))
			rows = append(rows, l.serverTable(extra, s)...)
		}
		rows = append(rows, page.Gap(1.5))
		rows = append(rows, l.messageRows(s)...)
		rows = append(rows, page.Gap(1.5))
		rows = append(rows, l.whyBox(l.stepReasons(s), l.Body.X, l.Body.W)...)
		n := s.N
		l.Place(page.Block{Rows: rows, Keep: true, Repeat: func() []page.Row { return l.continuedHeading(n) }})
	}
}

// serverTable is a row per server: what the step asks about is blank on
// the worksheet; the other servers' state is printed, shaded.
func (l *layout) serverTable(cols traceColumns, s engine.StepRecord) []page.Row {
	st := l.st
	head := []cell{label(l.lbl.Server).sized(st.small)}
	for _, col := range cols.cols {
		head = append(head, label(col.head).sized(st.small))
	}
	rows := []page.Row{l.tableRow(l.Body.X, cols.widths(), head, st.body, 5)}
	rows[0].KeepNext = true
	asked := map[string]bool{}
	for _, id := range s.Ask {
		asked[id] = true
	}
	for _, id := range l.tr.Servers {
		cells := []cell{boldLabel(id).sized(st.small)}
		for _, col := range cols.cols {
			box := l.traceValue(col.attr, id, s, asked[id])
			c := ask(box)
			if col.left {
				c = c.left()
			}
			if !box.asked() { // printed: not asked, or not for the student to work out
				c = cell{runs: box.runs, fill: page.Shade, align: c.align}
			} else {
				c = c.asking(l.traceField(s.N, id, col, box.answer))
			}
			cells = append(cells, c)
		}
		rows = append(rows, l.tableRow(l.Body.X, cols.widths(), cells, st.body, st.cell))
	}
	return rows
}

// traceValue is what a server's cell of a column holds after a step, as
// answers when the step asks about the server, else as print.
func (l *layout) traceValue(attr, id string, s engine.StepRecord, asked bool) held {
	lbl, sv := l.lbl, s.Servers[id]
	ink := page.Print
	if asked {
		ink = page.Answer
	}
	switch attr {
	case "role":
		return holding(roleWord(lbl, sv), ink)
	case "term":
		return holding(itoa(sv.Term), ink)
	case "votedFor":
		return holding(votedFor(lbl, sv), ink)
	case "log":
		box := l.logValues(sv.Log, ink)
		if sv.Snapshot != nil { // the log after the snapshot's boundary (§7)
			var withBase held
			withBase.addWords(l.lbl.InSnapshot+" ≤"+itoa(sv.Base()), ink)
			if len(sv.Log) > 0 {
				withBase.runs, withBase.answer = append(withBase.runs, box.runs...), append(withBase.answer, box.answer...)
			}
			box = withBase
		}
		return box
	case "commitIndex":
		return holding(itoa(sv.CommitIndex), ink)
	case "timer":
		t, due := l.nextTimer(id, sv)
		if !due {
			ink = page.Print // a drawn timeout: the worksheet gives when it fires
		}
		return holding(t, ink)
	case "lastIncludedIndex", "lastIncludedTerm", "data", "config", "sessions", "reads":
		return l.beyondValue(attr, id, s, ink)
	}
	sm := l.values.stateMachine(sv.StateMachine)
	if len(sm) == 0 {
		sm = []string{lbl.None}
	}
	var box held
	for i, v := range sm {
		if i < len(sm)-1 {
			v += "," // a list, as a student writes it: x=1, y=2
		}
		box.add(v, ink, false)
	}
	return box
}

// nextTimer is when a server's next timer fires: a leader's heartbeat,
// anyone else's election timer, "–" for a crashed server. asked says
// whether a student can work it out (a heartbeat, or a fixed timeout).
func (l *layout) nextTimer(id string, sv engine.ServerState) (string, bool) {
	switch {
	case sv.HeartbeatMs != nil:
		return itoa(*sv.HeartbeatMs), true
	case sv.ElectionTimerMs != nil:
		return itoa(*sv.ElectionTimerMs), l.fixedTimeout(id)
	}
	return l.lbl.None, true
}

// traceField is the field stepN.server.attr, its rule the reason for the
// change that gave the value (in this step or the last one that changed
// it), or this step's reason for keeping it ("does not commit": Figure 8).
func (l *layout) traceField(n int, id string, col traceColumn, answer []string) *field.Field {
	at := l.traceChanges().lastChange(id, col.attr, n)
	topic := col.topic
	if col.attr == "timer" && l.tr.Steps[n-1].Servers[id].Role == engine.Leader {
		topic = topicHeartbeat
	}
	if _, ok := l.rules.reason(n, id, topic); ok {
		at = n
	}
	return l.newField(field.StepID(n, id, col.attr), col.kind, answer, id, at, l.rules.rule(at, id, topic),
		fill(l.lbl.Step, "n", itoa(n)), id+", "+col.head)
}

// logValues are a log as term:value entries, "–" when empty.
func (l *layout) logValues(log []engine.LogEntry, ink page.Ink) held {
	if len(log) == 0 {
		return holding(l.lbl.None, ink)
	}
	var box held
	for _, e := range log {
		box.add(l.values.logEntry(entryOf(e)), ink, false)
	}
	return box
}

// messageRows are the messages the step sends, a row per group with its
// numbers given; one blank row (key: "none") when it sends nothing.
func (l *layout) messageRows(s engine.StepRecord) []page.Row {
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
	idW := l.fitWidth(fonts.Bold, st.small, ids...)
	widths := []float64{idW, l.Body.W - idW}
	rows := l.paragraph(page.Words(lbl.Messages, page.Print), fonts.Bold, st.small, l.Body.X, l.Body.W)
	rows[len(rows)-1].KeepNext = true
	if len(groups) == 0 {
		ink := page.Answer
		if len(s.Ask) == 0 {
			ink = page.Print
		}
		var box held
		box.addWords(lbl.NoMessages, ink)
		f := l.newField(field.StepNoMessageID(s.N), field.KindMessage, box.answer, "", s.N, l.rules.named(engine.RuleArguments), fill(lbl.Step, "n", itoa(s.N)), lbl.Messages)
		return append(rows, l.tableRow(l.Body.X, widths, []cell{label(""), ask(box).left().asking(f)}, st.body, st.cell))
	}
	for _, g := range groups {
		ink := page.Print
		for _, from := range g.from {
			if asked[from] {
				ink = page.Answer
			}
		}
		var box held
		box.addWords(l.describe(g), ink)
		c := ask(box).left()
		if ink == page.Print {
			c = cell{runs: c.runs, fill: page.Shade}
		} else {
			f := l.newField(field.StepMessageID(s.N, g.ids[0]), field.KindMessage, box.answer, g.from[0], s.N,
				l.rules.messageRule(s.N, g.ids[0]), fill(lbl.Step, "n", itoa(s.N)), lbl.Messages+" "+idList(g.ids))
			f.Canon, f.Alt = l.messageCanon(g, false), l.messageCanon(g, true)
			c = c.asking(f)
		}
		rows = append(rows, l.tableRow(l.Body.X, widths, []cell{boldLabel(idList(g.ids)).sized(st.small), c}, st.body, st.cell))
	}
	return rows
}

// reasonTexts are the step's reasons in the template's words.
func (l *layout) reasonTexts(s engine.StepRecord) []string {
	out := make([]string, len(s.Why))
	for i, r := range s.Why {
		out[i] = l.tpl.ReasonText(r)
	}
	return out
}

// stepReasons are what the key's Why? box says for a step: what was
// delivered, the engine's reasons, and what is still in flight.
func (l *layout) stepReasons(s engine.StepRecord) []string {
	var out []string
	if len(s.Delivered) > 0 {
		out = append(out, l.lbl.Delivered+": "+idList(slices.Sorted(slices.Values(s.Delivered))))
	}
	out = append(out, l.reasonTexts(s)...)
	if len(s.InFlight) > 0 {
		out = append(out, l.lbl.InFlightAfter+": "+idList(slices.Sorted(slices.Values(s.InFlight))))
	}
	if len(out) == 0 {
		out = append(out, strings.TrimSpace(l.lbl.None))
	}
	return out
}

// messageCanon is a message group as grading compares it, its entries'
// values in full or as printed.
func (l *layout) messageCanon(g *sentGroup, printed bool) []string {
	m := g.msg
	if printed {
		m.Entries = append([]engine.Entry(nil), m.Entries...)
		for i := range m.Entries {
			m.Entries[i].Value = l.values.short(m.Entries[i].Value)
		}
	}
	return []string{field.MessageCanon(m.Type, g.from, g.to, l.messageFields(m))}
}
