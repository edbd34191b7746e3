package worksheet

import (
	"fmt"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// sentGroup is messages of one step the trace sheet writes on one line:
// a request sent to several peers, or the same reply from several peers.
type sentGroup struct {
	ids  []int
	msg  engine.Message
	from []string
	to   []string
}

// sentGroups groups a step's messages for the trace sheet as its
// instructions say: in sending order, a message goes on the row of the
// first message the sheet writes alike (the same request to another peer,
// the same reply from another) that does not name its receiver (sender)
// yet, else on a row of its own. Alike is what the row shows: a reply's
// matchIndex is not on the sheet, so it cannot tell rows apart.
func sentGroups(msgs []engine.Message) []*sentGroup {
	msgs = slices.Clone(msgs)
	slices.SortStableFunc(msgs, func(a, b engine.Message) int { return a.ID - b.ID })
	var out []*sentGroup
	keys := map[*sentGroup]string{}
	for _, m := range msgs {
		key := requestKey(m)
		if m.Type.IsReply() {
			key = replyShown(m)
		}
		var g *sentGroup
		if m.DuplicateOf == 0 { // a copy the network makes has a row of its own
			if i := slices.IndexFunc(out, func(o *sentGroup) bool {
				return keys[o] == key && o.msg.DuplicateOf == 0 && !o.repeats(m)
			}); i >= 0 {
				g = out[i]
			}
		}
		if g == nil {
			g = &sentGroup{msg: m}
			out = append(out, g)
			keys[g] = key
		}
		g.ids = append(g.ids, m.ID)
		if !slices.Contains(g.from, m.From) {
			g.from = append(g.from, m.From)
		}
		if !slices.Contains(g.to, m.To) {
			g.to = append(g.to, m.To)
		}
	}
	for _, g := range out {
		slices.Sort(g.ids)
	}
	return out
}

// replyShown is what a reply's row shows, besides its sender: a
// matchIndex is not on the sheet (a snapshot's reply shows only whether
// it was taken), the fast backup's hints are when a reply failed.
func replyShown(m engine.Message) string {
	key := fmt.Sprintf("%s|%s|%d|%t|%t", m.Type, m.To, m.Term, m.VoteGranted, m.Success)
	switch {
	case m.Type == engine.InstallSnapshotReply:
		key += fmt.Sprintf("|%t", m.MatchIndex > 0)
	case m.Type == engine.AppendEntriesReply && m.Hinted && !m.Success:
		key += fmt.Sprintf("|%d|%d", m.ConflictIndex, m.ConflictTerm)
	}
	return key
}

// repeats reports whether m would name a receiver (of a request) or a
// sender (of a reply) twice in the group.
func (g *sentGroup) repeats(m engine.Message) bool {
	if m.Type.IsReply() {
		return slices.Contains(g.from, m.From)
	}
	return slices.Contains(g.to, m.To)
}

func choose[T any](b bool, yes, no T) T {
	if b {
		return yes
	}
	return no
}

// messageColumn is a column of a message row: a part of a message (the
// last part of its field id), its heading and width.
type messageColumn struct {
	part string // type, from, to, term, logIndex, logTerm, entries, commit, ok
	head string
	w    float64
	kind field.Kind
	left bool
}

// messageGrid is the message rows' shape: the columns, and how many
// blank rows every step has.
type messageGrid struct {
	cols []messageColumn
	rows int
}

// newMessageGrid sizes a message row's columns to width w (a server's
// block when two servers share a line, else the page: wide) for
// handwriting and their ids; entries take the rest. Every step gets as many blank rows as the step
// that sends the most different messages needs.
func (l *layout) newMessageGrid(w float64, wide bool) messageGrid {
	lbl := l.lbl
	col := func(part, head string, minW float64, kind field.Kind) messageColumn {
		label := part
		if part == "type" {
			label = "msg[9]." + part
		}
		if l.tpl.FieldIDs {
			minW = max(minW, l.idWidth(label))
		}
		return messageColumn{part: part, head: head, w: minW, kind: kind}
	}
	// to holds every server but one (a request to all its peers), from
	// the same (a reply all send alike): at the smallest size the key
	// writes at.
	all := l.m.Width(fonts.Italic, minFitPt, strings.Join(l.tr.Servers[1:], ", ")) + 2*l.st.pad + 0.4
	entriesW := minEntriesW
	if wide { // on a line of its own a row gives its entries room first;
		// from and to share what is left, on two lines if need be
		entriesW = wideEntriesW
		all = min(all, max(14, (w-entriesW-64)/2))
	}
	mg := messageGrid{cols: []messageColumn{
		col("type", lbl.MessageType, 11, field.KindRPC),
		col("from", lbl.From, max(9, all), field.KindServers),
		col("to", lbl.To, max(14, all), field.KindServers),
		col("term", lbl.Term, 6, field.KindNumber),
		col("logIndex", lbl.MsgLogIndex, 7, field.KindNumber),
		col("logTerm", lbl.MsgLogTerm, 7, field.KindNumber),
		col("entries", lbl.Entries, entriesW, field.KindEntries),
		col("commit", lbl.LeaderCommit, 9, field.KindNumber),
		col("ok", lbl.OK, 6, field.KindAnswer),
	}}
	used := 0.0
	for _, c := range mg.cols {
		used += c.w
	}
	entries := slices.IndexFunc(mg.cols, func(c messageColumn) bool { return c.part == "entries" })
	mg.cols[entries].w += w - used
	mg.cols[entries].left = true
	for _, s := range l.tr.Steps {
		asked, _ := l.splitGroups(s)
		mg.rows = max(mg.rows, len(asked))
	}
	if mg.rows == 0 && slices.ContainsFunc(l.tr.Steps, func(s engine.StepRecord) bool { return len(s.Ask) > 0 }) {
		mg.rows = 1
	}
	return mg
}

// width is a message row's width at least: what its columns need.
func (mg messageGrid) width() float64 {
	w := 0.0
	for _, c := range mg.cols {
		if c.part != "entries" {
			w += c.w
		}
	}
	return w + minEntriesW
}

// minEntriesW is the least width of a message row's entries in a
// server's place, wideEntriesW on a line of its own.
const (
	minEntriesW  = 14.0
	wideEntriesW = 45.0
)

// splitGroups are the step's messages, grouped: those the student
// writes (a sender the step asks about) and those the sheet gives.
func (l *layout) splitGroups(s engine.StepRecord) (asked, given []*sentGroup) {
	for _, g := range sentGroups(s.Messages) {
		if slices.ContainsFunc(g.from, func(id string) bool { return slices.Contains(s.Ask, id) }) {
			asked = append(asked, g)
		} else {
			given = append(given, g)
		}
	}
	return asked, given
}

// messageSlots are a step's message rows: the messages the sheet gives,
// shaded, then the same number of blank rows for every step, which the
// key fills with the messages the step sends, in sending order, a row
// per group, its numbers in the corner.
func (l *layout) messageSlots(g *traceGrid, s engine.StepRecord) [][]traceBox {
	asked, given := l.splitGroups(s)
	var slots [][]traceBox
	for _, grp := range given {
		slots = append(slots, l.messageBoxes(g, s.N, 0, grp))
	}
	if len(s.Ask) == 0 {
		return slots
	}
	for k := 1; k <= g.msg.rows; k++ {
		var grp *sentGroup
		if k <= len(asked) {
			grp = asked[k-1]
		}
		slots = append(slots, l.messageBoxes(g, s.N, k, grp))
	}
	return slots
}

// messageBoxes are one message row: row k (from 1) of boxes to fill in,
// holding grp on the key (nil: a row the key leaves blank), or (k = 0)
// grp given, shaded. Numbers are the key's alone.
func (l *layout) messageBoxes(g *traceGrid, n, k int, grp *sentGroup) []traceBox {
	parts := map[string]held{}
	if grp != nil {
		parts = l.messageParts(grp, k > 0)
	}
	var boxes []traceBox
	for _, c := range g.msg.cols {
		v := parts[c.part]
		b := traceBox{w: c.w, label: c.part, left: c.left, runs: v.runs}
		if c.part == "type" {
			b.label = "msg[" + itoa(k) + "]." + c.part
		}
		if c.part == "entries" && grp != nil {
			b.note = l.messageNumbers(grp) // in the widest box's corner
		}
		if k == 0 {
			b.fill, b.label = page.Shade, ""
		} else {
			b.f = l.messageField(n, k, c, grp, v)
		}
		boxes = append(boxes, b)
	}
	return boxes
}

// messageNumbers are the key's numbers of a group: "#5–8", "#9, #11",
// "#9 (copy of #7)".
func (l *layout) messageNumbers(g *sentGroup) string {
	if d := g.msg.DuplicateOf; d != 0 {
		return numberList(g.ids) + " (" + fill(l.lbl.CopyOf, "id", itoa(d)) + ")"
	}
	return numberList(g.ids)
}

// numberList is message numbers, sorted, with runs as ranges: "#5–8, #11".
func numberList(ids []int) string {
	var parts []string
	for i := 0; i < len(ids); {
		j := i
		for j+1 < len(ids) && ids[j+1] == ids[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, fmt.Sprintf("#%d", ids[i]))
		} else {
			parts = append(parts, fmt.Sprintf("#%d–%d", ids[i], ids[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// shortType is a message type as a narrow box holds it: "AE reply".
func (l *layout) shortType(t engine.MessageType) string {
	lbl := l.lbl
	return [...]string{lbl.RequestVoteShort, lbl.RequestVoteReplyShort, lbl.AppendEntriesShort, lbl.AppendEntriesReplyShort,
		lbl.InstallSnapshotShort, lbl.InstallSnapshotReplyShort, lbl.PreVoteShort, lbl.PreVoteReplyShort}[t]
}

// messageParts are what each box of a message row holds: the message's
// fields of Figure 2 (Ink Answer when the student writes them).
func (l *layout) messageParts(g *sentGroup, asked bool) map[string]held {
	ink := page.Print
	if asked {
		ink = page.Answer
	}
	lbl, m := l.lbl, g.msg
	one := func(s string) held { return holding(s, ink) }
	list := func(ids []string) held {
		var h held
		for i, id := range ids {
			if i < len(ids)-1 {
				id += ","
			}
			h.add(id, ink, false)
		}
		return h
	}
	out := map[string]held{"type": one(l.shortType(m.Type)), "from": list(g.from), "to": list(g.to), "term": one(itoa(m.Term))}
	switch m.Type {
	case engine.RequestVote, engine.PreVote:
		out["logIndex"], out["logTerm"] = one(itoa(m.LastLogIndex)), one(itoa(m.LastLogTerm))
	case engine.RequestVoteReply, engine.PreVoteReply:
		out["ok"] = one(choose(m.VoteGranted, lbl.Yes, lbl.No))
	case engine.InstallSnapshot: // Figure 13: the snapshot's last entry, its data for entries
		out["logIndex"], out["logTerm"] = one(itoa(m.LastIncludedIndex)), one(itoa(m.LastIncludedTerm))
		var data held
		for _, v := range l.snapshotData(m.Data.Record()) {
			data.add(v, ink, false)
		}
		out["entries"] = data
	case engine.InstallSnapshotReply: // taken, unless its term was stale
		out["ok"] = one(choose(m.MatchIndex > 0, lbl.Yes, lbl.No))
	case engine.AppendEntries:
		out["logIndex"], out["logTerm"], out["commit"] = one(itoa(m.PrevLogIndex)), one(itoa(m.PrevLogTerm)), one(itoa(m.LeaderCommit))
		var entries held
		for _, e := range m.Entries {
			entries.add(l.values.logEntry(e), ink, false)
		}
		if len(m.Entries) == 0 {
			entries = one(lbl.None)
		}
		out["entries"] = entries
	case engine.AppendEntriesReply:
		out["ok"] = one(choose(m.Success, lbl.Yes, lbl.No))
		if m.Hinted && !m.Success { // the fast backup's hints (§5.3)
			out["logIndex"], out["logTerm"] = one(itoa(m.ConflictIndex)), one(itoa(m.ConflictTerm))
		}
	}
	return out
}

// argumentRule is the rule behind a message row's log index or log term:
// a vote request's last entry, an AppendEntries' prevLogIndex and
// prevLogTerm, an InstallSnapshot's last included entry (Figure 13), a
// rejection's conflict hints (the fast backup, §5.3).
func argumentRule(t engine.MessageType, part string) engine.Rule {
	switch t {
	case engine.RequestVote, engine.PreVote:
		return engine.RuleLastLogArg
	case engine.InstallSnapshot:
		return engine.RuleSendSnapshot
	case engine.AppendEntriesReply:
		return engine.RuleFastBackup
	}
	return choose(part == "logIndex", engine.RulePrevLogIndex, engine.RulePrevLogTerm)
}

// messageField is the field stepN.msg[k].part, its rule the reason that
// sent the message (the receiver's decision, for a reply) or the
// argument's own rule.
func (l *layout) messageField(n, k int, c messageColumn, g *sentGroup, box held) *field.Field {
	answer := box.answer
	rule, from := l.rules.named(engine.RuleArguments), ""
	if g != nil && len(answer) > 0 { // a part the message has
		reply := g.msg.Type.IsReply()
		switch c.part {
		case "type", "from", "to", "ok":
			rule = l.rules.messageRule(n, g.ids[0])
		case "term":
			rule = l.rules.named(choose(reply, engine.RuleReplyTerm, engine.RuleSenderTerm))
			if t := g.msg.Type; t == engine.PreVote || t == engine.PreVoteReply && g.msg.VoteGranted {
				rule = l.rules.named(engine.RulePreVote) // the term it would stand in (§9.6)
			}
		case "logIndex", "logTerm":
			rule = l.rules.named(argumentRule(g.msg.Type, c.part))
		case "entries":
			rule = l.rules.named(choose(g.msg.Type == engine.InstallSnapshot, engine.RuleSendSnapshot, engine.RuleSendEntries))
		case "commit":
			rule = l.rules.named(engine.RuleLeaderCommitArg)
		}
	}
	if g != nil {
		from = g.from[0]
	}
	f := l.newField(field.StepMessageID(n, k, c.part), c.kind, box, from, n, rule,
		fill(l.lbl.Step, "n", itoa(n)), l.lbl.Messages+" "+itoa(k)+", "+c.head)
	if g != nil && len(answer) > 0 {
		switch c.part {
		case "type":
			f.Canon = []string{strings.ToLower(g.msg.Type.String())}
			f.Alt = f.Canon
		case "from", "to":
			f.Canon = field.ServersCanon(choose(c.part == "from", g.from, g.to))
			f.Alt = f.Canon
		}
	}
	return f
}
