package worksheet

import (
	"slices"
	"unicode"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// traceColumn is a column of a server's boxes in a trace step: the
// attribute it asks for (the last part of its field id), its heading
// and its width.
type traceColumn struct {
	attr  string // role, term, votedFor, log.from, log.entries, commitIndex, timer; full rows: log, stateMachine
	head  string
	w     float64
	left  bool // values read left to right (a log), not centred
	kind  field.Kind
	topic ruleTopic
}

// traceGrid is the shape every step of the trace shares: the servers'
// boxes, perLine servers side by side, and the message rows under them.
// It comes from the template, the cluster and the paper alone, never
// from what a step changes, so every step looks alike.
type traceGrid struct {
	full    bool // every server's whole state (trace_rows: full), else what the step changes
	perLine int
	nameW   float64
	blockW  float64 // one server's boxes, its name included
	gap     float64 // between the servers of a line
	cols    []traceColumn
	rowH    float64
	msg     messageGrid
	msgLine bool // a message row takes a whole line
}

// serverGap is the room between two servers side by side.
const serverGap = 2.0

func (l *layout) newTraceGrid() *traceGrid {
	g := &traceGrid{full: l.tpl.TraceRows == templates.TraceFull, rowH: l.traceRowH(), gap: serverGap}
	if g.full {
		g.rowH = max(g.rowH, l.st.cell)
	}
	lbl, st := l.lbl, l.st
	g.nameW = max(8, l.headWordW(lbl.Server), l.fitWidth(fonts.Bold, st.small, l.tr.Servers...))
	// A column is as wide as handwriting needs and its id's last part,
	// never as wide as some answer; its heading wraps to fit.
	col := func(attr, head string, minW float64, kind field.Kind, topic ruleTopic) traceColumn {
		w := minW // headings wrap, inside a word if need be
		if l.tpl.FieldIDs {
			w = max(w, l.idWidth(attr))
		}
		return traceColumn{attr: attr, head: head, w: w, kind: kind, topic: topic}
	}
	serverW := max(10, l.fitWidth(fonts.Regular, st.body, l.tr.Servers...))
	g.cols = []traceColumn{
		col("role", lbl.Role, l.roleColumnMin(), field.KindRoles, topicRole),
		col("term", lbl.Term, 8, field.KindNumber, topicTerm),
		col("votedFor", lbl.VotedFor, serverW, field.KindServer, topicVote),
	}
	if g.full {
		g.cols = append(g.cols, col("log", lbl.Log, 30, field.KindEntries, topicLog))
	} else {
		g.cols = append(g.cols, col("log.from", lbl.LogFrom, 8, field.KindNumber, topicLog),
			col("log.entries", lbl.LogEntries, 24, field.KindEntries, topicLog))
	}
	g.cols = append(g.cols, col("commitIndex", lbl.CommitIndex, 9, field.KindNumber, topicCommit))
	g.cols = append(g.cols, l.beyondColumns(col)...)
	if g.full {
		g.cols = append(g.cols, col("stateMachine", lbl.StateMachine, 26, field.KindValues, topicStateMachine))
	}
	if l.tr.Timing != nil {
		g.cols = append(g.cols, col("timer", lbl.NextTimer, 11, field.KindTime, topicTimer))
	}
	logCol := slices.IndexFunc(g.cols, func(c traceColumn) bool { return c.kind == field.KindEntries })
	g.cols[logCol].left = true
	if g.full {
		g.cols[len(g.cols)-1-boolInt(l.tr.Timing != nil)].left = true // the state machine
	}
	need := g.nameW
	for _, c := range g.cols {
		need += c.w
	}
	// Two servers to a line when both fit with room for the log; the log
	// takes what is left.
	g.perLine = 1
	if !g.full && 2*need+g.gap <= l.Body.W {
		g.perLine = 2
	}
	g.blockW = (l.Body.W - float64(g.perLine-1)*g.gap) / float64(g.perLine)
	g.cols[logCol].w += g.blockW - need
	// A message row takes a server's place when it fits there: the
	// servers first, then the messages, two to a line.
	g.msg = l.newMessageGrid(g.blockW, false)
	if g.perLine == 1 || g.msg.width() > g.blockW {
		g.msg = l.newMessageGrid(l.Body.W, true)
		g.msgLine = true
	}
	return g
}

// roleColumnMin is the least width of the role column: 11 mm, or, when
// the run has a pre-candidate (§9.6), room for its word at the smallest
// size the key writes at.
func (l *layout) roleColumnMin() float64 {
	if !l.has.prevote {
		return 11
	}
	return max(11, l.m.Width(fonts.Italic, minFitPt, l.lbl.PreCandidate)+2*l.st.pad+0.4)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// headSize is the size of the column headings atop the steps' pages.
func (l *layout) headSize() float64 { return max(l.st.id, l.st.small-2) }

// headWordW is the width of a heading's longest word: a heading wraps
// between words, never inside one.
func (l *layout) headWordW(head string) float64 {
	w := 0.0
	for _, r := range page.Words(head, page.Print) {
		w = max(w, l.fitWidth(fonts.Regular, l.headSize(), r.S))
	}
	return w
}

// stepLines are the lines of a step's boxes: the servers', perLine to a
// line, then its message rows, in the servers' places when they fit
// there, else a line each.
func (l *layout) stepLines(g *traceGrid, s engine.StepRecord) []page.Row {
	blocks, msgs := l.stepBlocks(g, s)
	var rows []page.Row
	for _, line := range blocks {
		rows = append(rows, l.blockLine(g, g.rowH, line))
	}
	for _, m := range msgs {
		rows = append(rows, l.boxLine(l.Body.X, g.rowH, m))
	}
	return rows
}

// stepBlocks are a step's blocks of boxes, line by line, and the message
// rows that take a line each. Message rows in the servers' places start
// a line of their own when that takes no more lines (5 servers and 2
// rows, 2 to a line), so they read msg[1], msg[2] left to right under the
// servers, not msg[1] beside the last server and msg[2] under it.
func (l *layout) stepBlocks(g *traceGrid, s engine.StepRecord) (lines [][][]traceBox, msgLines [][]traceBox) {
	var slots [][]traceBox
	for _, id := range l.tr.Servers {
		slots = append(slots, l.serverBoxes(g, s, id))
	}
	msgs := l.messageSlots(g, s)
	if g.msgLine {
		msgLines = msgs
	} else {
		p, servers := g.perLine, len(slots)
		if ceilDiv(servers, p)+ceilDiv(len(msgs), p) == ceilDiv(servers+len(msgs), p) {
			for len(slots)%p != 0 {
				slots = append(slots, nil) // an empty place: the message rows start a line
			}
		}
		slots = append(slots, msgs...)
	}
	for i := 0; i < len(slots); i += g.perLine {
		lines = append(lines, slots[i:min(i+g.perLine, len(slots))])
	}
	return lines, msgLines
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// blockLine draws blocks of boxes side by side, g.blockW apart.
func (l *layout) blockLine(g *traceGrid, h float64, blocks [][]traceBox) page.Row {
	return page.Row{H: h, Draw: func(p *page.Page, y float64) {
		x := l.Body.X
		for _, b := range blocks {
			l.boxLine(x, h, b).Draw(p, y)
			x += g.blockW + g.gap
		}
	}}
}

// serverBoxes are one server's boxes after step s: a box per column, to
// fill in if the step asks about the server, else given and shaded.
func (l *layout) serverBoxes(g *traceGrid, s engine.StepRecord, id string) []traceBox {
	asked := slices.Contains(s.Ask, id)
	boxes := []traceBox{{w: g.nameW, runs: page.Words(id, page.Print), face: fonts.Bold, fill: page.Header}}
	values := l.stepValues(g, s, id)
	for _, c := range g.cols {
		v := values[c.attr]
		b := traceBox{w: c.w, label: c.attr, left: c.left}
		if !asked {
			for i := range v.runs {
				if v.runs[i].Ink == page.Answer {
					v.runs[i].Ink = page.Print
				}
			}
			b.runs, b.fill = v.runs, page.Shade
			if c.attr == "timer" {
				b.runs = nil // a derived time, never printed
			}
		} else {
			b.runs, b.f = v.runs, l.stepField(s.N, id, c, v)
			if b.f.Spare() && !g.full {
				b.f.Unchanged = l.unchangedValue(s, id, c)
			}
		}
		boxes = append(boxes, b)
	}
	return boxes
}

// stepValues are what each of a server's boxes holds after step s: its
// whole state in full rows; else what the step changed, nothing where it
// changed nothing.
func (l *layout) stepValues(g *traceGrid, s engine.StepRecord, id string) map[string]held {
	sv, ch := s.Servers[id], l.traceChanges()
	out := map[string]held{}
	for _, c := range g.cols {
		changed := ch.changed(id, traceAttr(c.attr), s.N)
		if c.attr == "reads" {
			changed = l.beyondChanged(s, id, c.attr)
		}
		if !g.full && c.kind != field.KindEntries && c.attr != "log.from" && !changed {
			out[c.attr] = l.keptValue(s, id, c)
			continue
		}
		switch c.attr {
		case "role":
			out[c.attr] = holding(roleWord(l.lbl, sv), page.Answer)
		case "term":
			out[c.attr] = holding(itoa(sv.Term), page.Answer)
		case "votedFor":
			out[c.attr] = holding(votedFor(l.lbl, sv), page.Answer)
		case "commitIndex":
			out[c.attr] = holding(itoa(sv.CommitIndex), page.Answer)
		case "timer":
			out[c.attr] = holding(l.nextTimer(sv), page.Answer)
		case "log":
			out[c.attr] = l.fullLog(sv)
		case "lastIncludedIndex", "lastIncludedTerm", "config", "sessions", "reads":
			out[c.attr] = l.beyondValue(c.attr, id, s)
		case "stateMachine":
			out[c.attr] = l.stateMachineValues(sv)
		}
	}
	if !g.full {
		if lc, ok := newLogChange(l.before(s.N)[id], sv); ok {
			out["log.from"] = holding(itoa(lc.from), page.Answer)
			out["log.entries"] = l.logChangeValues(lc, g.cols[slices.IndexFunc(g.cols, func(c traceColumn) bool { return c.attr == "log.entries" })].w)
		}
	}
	return out
}

// keptValue is what the key shows in a box the step left unchanged
// although one of its rules weighed it, "(= 1)": a leader that does not
// commit an entry of an older term (Figure 8), a crash that keeps term
// and vote. The box's answer stays blank: nothing changed.
func (l *layout) keptValue(s engine.StepRecord, id string, c traceColumn) held {
	if _, ok := l.rules.reason(s.N, id, c.topic); !ok || c.attr == "timer" {
		return held{}
	}
	v := map[string]string{"role": roleShort(l.lbl, s.Servers[id]), "term": itoa(s.Servers[id].Term),
		"votedFor": votedFor(l.lbl, s.Servers[id]), "commitIndex": itoa(s.Servers[id].CommitIndex)}[c.attr]
	if v == "" {
		return held{}
	}
	return held{runs: []page.Run{{S: "(= " + v + ")", Ink: page.Answer}}}
}

// unchangedValue is, in grading's words, what a box the step left
// unchanged holds: its role, term, votedFor or commitIndex (nil for the
// other columns, whose blank is the only answer).
func (l *layout) unchangedValue(s engine.StepRecord, id string, c traceColumn) []string {
	sv := s.Servers[id]
	v, ok := map[string]string{"role": roleWord(l.lbl, sv), "term": itoa(sv.Term),
		"votedFor": votedFor(l.lbl, sv), "commitIndex": itoa(sv.CommitIndex)}[c.attr]
	if !ok || v == "" {
		return nil
	}
	return l.canon(c.kind, []string{v})
}

// traceAttr is the attribute of traceChanges a column reads.
func traceAttr(attr string) string {
	if attr == "log.from" || attr == "log.entries" {
		return "log"
	}
	return attr
}

// logChangeValues are the entries a step writes from lc.from on, for a
// box w wide; the key shows the entries it deleted there too, struck,
// and says so, or, when they would not fit, which indexes it deleted.
func (l *layout) logChangeValues(lc logChange, w float64) held {
	box := l.logValues(lc.added, page.Answer)
	if len(lc.deleted) == 0 {
		return box
	}
	full := box
	full.runs = append(append([]page.Run(nil), box.runs...), page.Run{S: l.lbl.Deleted + ":", Ink: page.Answer})
	for _, e := range lc.deleted {
		full.runs = append(full.runs, page.Run{S: l.values.logEntry(entryOf(e)), Ink: page.Answer, Strike: true})
	}
	if len(l.wrapIn(full.runs, fonts.Regular, minReadPt, w)) == 1 {
		return full
	}
	indexes := itoa(lc.from)
	if last := lc.from + len(lc.deleted) - 1; last > lc.from {
		indexes += "–" + itoa(last)
	}
	box.runs = append(box.runs, page.Run{S: l.lbl.Deleted + ":", Ink: page.Answer}, page.Run{S: indexes, Ink: page.Answer, Strike: true})
	return box
}

// minReadPt is the smallest size the key lists deleted entries at; below
// it, it gives their indexes.
const minReadPt = 6.0

// stateMachineValues is a state machine as a list, "–" when empty.
func (l *layout) stateMachineValues(sv engine.ServerState) held {
	sm := l.values.stateMachine(sv.StateMachine)
	if len(sm) == 0 {
		sm = []string{l.lbl.None}
	}
	var box held
	for i, v := range sm {
		if i < len(sm)-1 {
			v += "," // a list, as a student writes it: x=1, y=2
		}
		box.add(v, page.Answer, false)
	}
	return box
}

// nextTimer is when a server's next timer fires: a leader's heartbeat,
// anyone else's election timer, "–" for a crashed server.
func (l *layout) nextTimer(sv engine.ServerState) string {
	switch {
	case sv.HeartbeatMs != nil:
		return itoa(*sv.HeartbeatMs)
	case sv.ElectionTimerMs != nil:
		return itoa(*sv.ElectionTimerMs)
	}
	return l.lbl.None
}

// stepField is the field stepN.server.attr. Its rule is the step's
// reason for the change (or for keeping the value: "does not commit",
// Figure 8), or, for a full row's value the step left alone, the reason
// of the step that last changed it.
func (l *layout) stepField(n int, id string, c traceColumn, answer held) *field.Field {
	topic := c.topic
	if c.attr == "timer" && l.tr.Steps[n-1].Servers[id].Role == engine.Leader {
		topic = topicHeartbeat
	}
	if c.kind == field.KindEntries || c.attr == "log.from" {
		if lc, ok := newLogChange(l.before(n)[id], l.tr.Steps[n-1].Servers[id]); ok {
			topic = logTopic(lc.from)
		}
	}
	at := n
	if _, ok := l.rules.reason(n, id, topic); !ok {
		at = l.traceChanges().lastChange(id, traceAttr(c.attr), n)
	}
	return l.newField(field.StepID(n, id, c.attr), c.kind, answer, id, at, l.rules.rule(at, id, topic),
		fill(l.lbl.Step, "n", itoa(n)), id+", "+c.head)
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

// fullLog is a server's whole log in a full row: after a snapshot,
// "snapshot ≤5" for the entries it replaced (§7), then the entries after.
func (l *layout) fullLog(sv engine.ServerState) held {
	box := l.logValues(sv.Log, page.Answer)
	if sv.Snapshot == nil {
		return box
	}
	var out held
	out.addWords(l.lbl.InSnapshot+" ≤"+itoa(sv.Base()), page.Answer)
	if len(sv.Log) > 0 {
		out.runs, out.answer = append(out.runs, box.runs...), append(out.answer, box.answer...)
	}
	return out
}

// gridHeads are the column headings atop every page of steps: a
// server's boxes and a message row's, side by side when they share a
// line.
func (l *layout) gridHeads(g *traceGrid) []page.Row {
	size := l.headSize()
	server := []traceBox{{w: g.nameW, runs: page.Words(l.lbl.Server, page.Print), fill: page.Header}}
	for _, c := range g.cols {
		server = append(server, traceBox{w: c.w, runs: page.Words(c.head, page.Print), fill: page.Header})
	}
	var msg []traceBox
	for _, c := range g.msg.cols {
		msg = append(msg, traceBox{w: c.w, runs: page.Words(c.head, page.Print), fill: page.Header})
	}
	if g.msgLine {
		return []page.Row{l.headLine(g, size, [][]traceBox{server}), l.headLine(g, size, [][]traceBox{msg})}
	}
	return []page.Row{l.headLine(g, size, [][]traceBox{server, msg})}
}

// headLine is a line of headings, as tall as the tallest wraps.
func (l *layout) headLine(g *traceGrid, size float64, blocks [][]traceBox) page.Row {
	n := 1
	for _, b := range blocks {
		for _, c := range b {
			n = max(n, len(l.headLines(c.runs, size, c.w)))
		}
	}
	h := float64(n)*lh(size) + 2*l.st.padY
	return page.Row{H: h, KeepNext: true, Draw: func(p *page.Page, y float64) {
		x := l.Body.X
		for _, b := range blocks {
			cx := x
			for _, c := range b {
				r := page.Rect{X: cx, Y: y, W: c.w, H: h}
				p.AddBox(page.Box{R: r, Stroke: page.Thin, Fill: c.fill})
				p.AddText(page.Text{R: r, Lines: l.headLines(c.runs, size, c.w), Face: fonts.Regular, Size: size, LineH: lh(size),
					Align: page.Center, Middle: true, PadX: headPad, PadY: l.st.padY})
				cx += c.w
			}
			x += g.blockW + g.gap
		}
	}}
}

// headPad is the room beside a column heading.
const headPad = 0.4

// headLines wraps a column heading to width w: between words, and a word
// too wide between its camel-case parts (commit Index).
func (l *layout) headLines(runs []page.Run, size, w float64) []page.Line {
	var parts []page.Run
	for _, r := range runs {
		if l.m.Width(fonts.Regular, size, r.S) <= w-2*headPad {
			parts = append(parts, r)
			continue
		}
		for _, p := range camelParts(r.S) {
			parts = append(parts, page.Run{S: p, Ink: r.Ink})
		}
	}
	return page.Wrap(l.m, parts, fonts.Regular, size, w-2*headPad)
}

// camelParts splits "commitIndex" into "commit", "Index".
func camelParts(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	for i := 1; i < len(rs); i++ {
		if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return append(out, string(rs[start:]))
}
