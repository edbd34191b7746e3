package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// slipStyle is the geometry all slips of an exercise share.
type slipStyle struct {
	cols       int
	w          float64 // a slip's width
	gap        float64
	inner      float64 // width inside the slip's padding
	fieldW     float64 // the field labels' column
	gridLabelW float64
	gridSize   float64 // font size of the response grid's answers
	entriesH   float64 // height of the entries box (the longest entries of the run)
	dataH      float64 // height of an InstallSnapshot's data box (the longest data of the run)
}

const slipPad = 2.5

func (l *layout) newSlipStyle(slips []*slip) slipStyle {
	lbl, st := l.lbl, l.st
	ss := slipStyle{gap: 5}
	ss.fieldW = l.fitWidth(fonts.Regular, st.small, lbl.Term, lbl.LeaderID, lbl.PrevLogIndex, lbl.PrevLogTerm, lbl.Entries,
		lbl.LeaderCommit, lbl.CandidateID, lbl.LastLogIndex, lbl.LastLogTerm)
	if l.has.snapshots {
		ss.fieldW = max(ss.fieldW, l.fitWidth(fonts.Regular, st.small, lbl.LastIncludedIndex, lbl.LastIncludedTerm, lbl.Data))
	}
	ss.gridLabelW = l.fitWidth(fonts.Bold, st.small, lbl.ID, lbl.Term, lbl.OK, lbl.Match)
	if l.has.hints {
		ss.gridLabelW = max(ss.gridLabelW, l.fitWidth(fonts.Bold, st.small, lbl.ConflictTerm, lbl.ConflictIndex))
	}
	if l.tr.Timing != nil {
		ss.gridLabelW = max(ss.gridLabelW, l.fitWidth(fonts.Bold, st.small, lbl.Arrives))
	}
	var gridIDs []string
	for _, s := range slips {
		for _, to := range s.to {
			gridIDs = append(gridIDs, field.ResponseID(s.ids[0], to, "match"), field.ResponseID(s.ids[0], to, "term"))
			if l.has.hints {
				gridIDs = append(gridIDs, field.ResponseID(s.ids[0], to, "conflictIndex"))
			}
		}
	}
	idW := l.idWidth(gridIDs...)
	n := float64(len(l.tr.Servers))
	answers := []string{lbl.Yes, lbl.No, lbl.None, lbl.Lost, lbl.Dropped, lbl.InFlight, itoa(l.tr.MaxTerm()), itoa(l.tr.MaxLogLength())}
	for ss.cols = l.tpl.Sizes.SlipColumns; ; ss.cols-- {
		ss.w = (l.Body.W - ss.gap*float64(ss.cols-1)) / float64(ss.cols)
		ss.inner = ss.w - 2*slipPad
		colW := (ss.inner - ss.gridLabelW) / n
		names := l.fitWidth(fonts.Bold, st.small, l.tr.Servers...)
		ss.gridSize = st.body
		if l.fitWidth(fonts.Italic, st.body, answers...) > colW {
			ss.gridSize = st.small
		}
		if ss.cols == 1 || (names <= colW && idW <= colW && l.fitWidth(fonts.Italic, ss.gridSize, answers...) <= colW) {
			break
		}
	}
	boxW := ss.inner - ss.fieldW
	ss.entriesH = st.cell
	ss.dataH = st.cell
	for _, s := range slips {
		switch s.msg.Type {
		case engine.AppendEntries:
			lines := l.wrapIn(l.entries(s.msg).runs, fonts.Italic, st.body, boxW)
			ss.entriesH = max(ss.entriesH, l.fieldH(len(lines), st.body))
		case engine.InstallSnapshot:
			lines := l.wrapIn(l.snapshotBox(s.msg).runs, fonts.Italic, st.body, boxW)
			ss.dataH = max(ss.dataH, l.fieldH(len(lines), st.body))
		}
	}
	return ss
}

// snapshotBox is an InstallSnapshot's data as answers (§7).
func (l *layout) snapshotBox(m engine.Message) held {
	var box held
	for _, v := range l.snapshotData(m.Data.Record()) {
		box.add(v, page.Answer, false)
	}
	return box
}

// entries are an AppendEntries' entries as answers, "none (heartbeat)"
// when it carries none.
func (l *layout) entries(m engine.Message) held {
	var box held
	if len(m.Entries) == 0 {
		box.addWords(l.lbl.Heartbeat, page.Answer)
	}
	for _, e := range m.Entries {
		box.add(l.values.logEntry(e), page.Answer, false)
	}
	return box
}

// slipPages lays out every slip, cols to a row, cut lines around each.
func (l *layout) slipPages(slips []*slip) {
	l.StartPage("slips")
	st := l.st
	rows := l.heading(l.lbl.SlipsTitle, st.heading)
	rows = append(rows, l.paragraph(page.Words(l.lbl.SlipsIntro, page.Print), fonts.Regular, st.small, l.Body.X, l.Body.W)...)
	rows = append(rows, page.Gap(2))
	l.Place(page.Block{Rows: rows})
	ss := l.newSlipStyle(slips)
	for i := 0; i < len(slips); i += ss.cols {
		var drawers []func(p *page.Page, x, y, h float64)
		h := 0.0
		for c := 0; c < ss.cols && i+c < len(slips); c++ {
			sh, draw := l.slip(ss, slips[i+c])
			h = max(h, sh)
			drawers = append(drawers, draw)
		}
		l.Place(page.Block{Rows: []page.Row{{H: h + ss.gap, Draw: func(p *page.Page, y float64) {
			for c, d := range drawers {
				d(p, l.Body.X+float64(c)*(ss.w+ss.gap), y, h)
			}
		}}}})
	}
}

// slip measures one slip and returns how to draw it at x, y with height h
// (the tallest slip of its row, so cut lines align).
func (l *layout) slip(ss slipStyle, s *slip) (float64, func(p *page.Page, x, y, h float64)) {
	lbl, st := l.lbl, l.st
	m := s.msg
	kind := l.slipKind(m.Type)
	number := idList(s.ids)
	numW := l.fitWidth(fonts.Bold, 11, number)
	kindW := ss.inner - numW
	kindLines := l.wrapIn(page.Words(kind, page.Print), fonts.Bold, st.body+1, kindW)
	titleH := max(7, l.textH(len(kindLines), st.body+1))

	route := lbl.From + " " + m.From + " · " + lbl.To + " " + strings.Join(s.to, ", ")
	if m.Timed {
		route += " · " + fill(lbl.SentAt, "ms", itoa(m.SentMs))
	}
	if m.DuplicateOf != 0 {
		route += " · " + fill(lbl.CopyOf, "id", itoa(m.DuplicateOf))
	}
	routeLines := l.wrapIn(page.Words(route, page.Print), fonts.Regular, st.small, ss.inner)
	routeH := l.textH(len(routeLines), st.small)

	type slipField struct {
		name string
		box  held
		h    float64
		f    *field.Field
	}
	a := func(n int) held { return holding(itoa(n), page.Answer) }
	server := func(id string) held { return holding(id, page.Answer) }
	arg := func(label, name string, fk field.Kind, box held, rule engine.Rule, h float64) slipField {
		return slipField{label, box, h, l.newField(field.SlipID(s.ids[0], name), fk, box.answer, m.From, s.step, l.rules.named(rule), kind+" "+idList(s.ids), label)}
	}
	cellH := max(st.cell, l.fieldH(1, st.body))
	var fields []slipField
	switch m.Type {
	case engine.AppendEntries:
		fields = append(fields, arg(lbl.Term, "term", field.KindNumber, a(m.Term), engine.RuleSenderTerm, cellH),
			arg(lbl.LeaderID, "leaderId", field.KindServer, server(m.LeaderID), engine.RuleAppendEntriesArg, cellH),
			arg(lbl.PrevLogIndex, "prevLogIndex", field.KindNumber, a(m.PrevLogIndex), engine.RulePrevLogIndex, cellH),
			arg(lbl.PrevLogTerm, "prevLogTerm", field.KindNumber, a(m.PrevLogTerm), engine.RulePrevLogTerm, cellH),
			arg(lbl.Entries, "entries", field.KindEntries, l.entries(m), engine.RuleSendEntries, ss.entriesH),
			arg(lbl.LeaderCommit, "leaderCommit", field.KindNumber, a(m.LeaderCommit), engine.RuleLeaderCommitArg, cellH))
	case engine.InstallSnapshot: // Figure 13's arguments, the snapshot in one chunk
		fields = append(fields, arg(lbl.Term, "term", field.KindNumber, a(m.Term), engine.RuleSenderTerm, cellH),
			arg(lbl.LeaderID, "leaderId", field.KindServer, server(m.LeaderID), engine.RuleSendSnapshot, cellH),
			arg(lbl.LastIncludedIndex, "lastIncludedIndex", field.KindNumber, a(m.LastIncludedIndex), engine.RuleSendSnapshot, cellH),
			arg(lbl.LastIncludedTerm, "lastIncludedTerm", field.KindNumber, a(m.LastIncludedTerm), engine.RuleSendSnapshot, cellH),
			arg(lbl.Data, "data", field.KindValues, l.snapshotBox(m), engine.RuleSendSnapshot, ss.dataH))
	case engine.PreVote: // RequestVote's arguments for the term it would stand in
		fields = append(fields, arg(lbl.Term, "term", field.KindNumber, a(m.Term), engine.RulePreVote, cellH),
			arg(lbl.CandidateID, "candidateId", field.KindServer, server(m.CandidateID), engine.RulePreVote, cellH),
			arg(lbl.LastLogIndex, "lastLogIndex", field.KindNumber, a(m.LastLogIndex), engine.RuleLastLogArg, cellH),
			arg(lbl.LastLogTerm, "lastLogTerm", field.KindNumber, a(m.LastLogTerm), engine.RuleLastLogArg, cellH))
	default:
		fields = append(fields, arg(lbl.Term, "term", field.KindNumber, a(m.Term), engine.RuleSenderTerm, cellH),
			arg(lbl.CandidateID, "candidateId", field.KindServer, server(m.CandidateID), engine.RuleRequestVoteArg, cellH),
			arg(lbl.LastLogIndex, "lastLogIndex", field.KindNumber, a(m.LastLogIndex), engine.RuleLastLogArg, cellH),
			arg(lbl.LastLogTerm, "lastLogTerm", field.KindNumber, a(m.LastLogTerm), engine.RuleLastLogArg, cellH))
	}
	const fieldGap = 1.2
	fieldsH := 0.0
	for _, f := range fields {
		fieldsH += f.h + fieldGap
	}
	responseH := l.textH(1, st.small)
	gridH := responseH + page.Block{Rows: l.responseGrid(ss, s, 0)}.Height()
	height := slipPad + titleH + routeH + 1 + fieldsH + gridH + slipPad

	return height, func(p *page.Page, x, y, h float64) {
		p.AddBox(page.Box{R: page.Rect{X: x, Y: y, W: ss.w, H: h}, Stroke: page.Dashed})
		ix, cy := x+slipPad, y+slipPad
		l.text(p, page.Rect{X: ix, Y: cy, W: kindW, H: titleH}, kindLines, fonts.Bold, st.body+1, page.Left, true)
		l.text(p, page.Rect{X: ix + kindW, Y: cy, W: numW, H: titleH}, []page.Line{plain(number)}, fonts.Bold, 11, page.RightAlign, true)
		cy += titleH
		l.text(p, page.Rect{X: ix, Y: cy, W: ss.inner, H: routeH}, routeLines, fonts.Regular, st.small, page.Left, false)
		cy += routeH + 1
		for _, f := range fields {
			l.text(p, page.Rect{X: ix, Y: cy, W: ss.fieldW, H: cellH}, []page.Line{plain(f.name)}, fonts.Regular, st.small, page.RightAlign, true)
			r := page.Rect{X: ix + ss.fieldW, Y: cy, W: ss.inner - ss.fieldW, H: f.h}
			p.AddBox(page.Box{R: r, Stroke: page.Thin, Write: true})
			l.fieldText(p, r, f.f, l.wrapIn(f.box.runs, fonts.Italic, st.body, r.W), fonts.Regular, st.body, page.Left)
			cy += f.h + fieldGap
		}
		l.text(p, page.Rect{X: ix, Y: cy, W: ss.inner, H: responseH}, []page.Line{plain(lbl.Response)}, fonts.Bold, st.small, page.Center, true)
		cy += responseH
		for _, r := range l.responseGrid(ss, s, ix) {
			r.Draw(p, cy)
			cy += r.H
		}
	}
}

// responseGrid is the seed's response grid at x: a column per server;
// the receivers fill in their term and answer (and, for AppendEntries, the
// index they now match; with the fast backup, a rejection's hints); the
// other columns are shaded. An InstallSnapshot's receivers fill in their
// term, whether they took it (no only for a stale term) and the index
// they now match. In a timed exercise a printed row
// says when each receiver's copy arrives.
func (l *layout) responseGrid(ss slipStyle, s *slip, x float64) []page.Row {
	lbl, st := l.lbl, l.st
	colW := (ss.inner - ss.gridLabelW) / float64(len(l.tr.Servers))
	widths := []float64{ss.gridLabelW}
	ids := []cell{boldLabel(lbl.ID).sized(st.small)}
	arrives := []cell{leftLabel(lbl.Arrives).sized(st.small)}
	parts := l.responseParts(s.msg.Type)
	grid := make([][]cell, len(parts))
	for i, p := range parts {
		grid[i] = []cell{leftLabel(p.label).sized(st.small)}
	}
	for _, id := range l.tr.Servers {
		widths = append(widths, colW)
		ids = append(ids, boldLabel(id).sized(st.small))
		f, addressed := s.fate[id]
		if !addressed {
			arrives = append(arrives, shaded())
			for i := range grid {
				grid[i] = append(grid[i], shaded())
			}
			continue
		}
		arrives = append(arrives, given(itoa(s.arrives[id])).sized(st.small))
		answers := l.responseAnswers(f)
		for i, p := range parts {
			grid[i] = append(grid[i], ask(answers[p.name]).asking(l.responseField(s, id, f, p, answers[p.name])))
		}
	}
	rows := []page.Row{l.tableRow(x, widths, ids, ss.gridSize, 5)}
	if s.msg.Timed {
		rows = append(rows, l.tableRow(x, widths, arrives, ss.gridSize, 5))
	}
	for _, g := range grid {
		rows = append(rows, l.tableRow(x, widths, g, ss.gridSize, st.cell))
	}
	return rows
}

// responsePart is a row of a response grid: the part of the reply its
// boxes hold (the last part of their ids), its label, kind and the rule
// that explains it when the receiver's decision does not.
type responsePart struct {
	name, label string
	kind        field.Kind
	rule        engine.Rule // 0: the receiver's decision
}

// responseParts are the rows of the response grid of a request of type t.
func (l *layout) responseParts(t engine.MessageType) []responsePart {
	lbl := l.lbl
	term := responsePart{"term", lbl.Term, field.KindNumber, 0}
	ok := responsePart{"ok", lbl.OK, field.KindAnswer, 0}
	switch t {
	case engine.AppendEntries:
		out := []responsePart{term, ok, {"match", lbl.Match, field.KindNumber, engine.RuleMatchIndex}}
		if l.has.hints {
			out = append(out, responsePart{"conflictTerm", lbl.ConflictTerm, field.KindNumber, engine.RuleFastBackup},
				responsePart{"conflictIndex", lbl.ConflictIndex, field.KindNumber, engine.RuleFastBackup})
		}
		return out
	case engine.InstallSnapshot:
		return []responsePart{term, ok, {"match", lbl.Match, field.KindNumber, engine.RuleInstallSnapshot}}
	}
	return []responsePart{term, ok}
}

// responseField is the field of a receiver's box in a response grid; its
// rule is the receiver's reason in the step that delivered the request,
// or the network's for a lost one.
func (l *layout) responseField(s *slip, to string, f outcome, p responsePart, box held) *field.Field {
	where, name := l.slipKind(s.msg.Type)+" "+idList(s.ids), l.lbl.Response+" of "+to+", "+p.label
	rb := l.rules
	okRule, termRule := rb.responseRules(f.step, to, s.idOf[to], f.reply.ID)
	rule := okRule
	switch {
	case f.fate != answered:
		rule = rb.networkRule(f.step, s.idOf[to])
	case p.name == "term":
		rule = termRule
	case p.rule != 0:
		rule = rb.named(p.rule)
	}
	return l.newField(field.ResponseID(s.ids[0], to, p.name), p.kind, box.answer, to, f.step, rule, where, name)
}

// slipKind is the printed name of a slip's kind of RPC.
func (l *layout) slipKind(t engine.MessageType) string {
	switch t {
	case engine.AppendEntries:
		return l.lbl.AppendEntries
	case engine.InstallSnapshot:
		return l.lbl.InstallSnapshot
	case engine.PreVote:
		return l.lbl.PreVote
	}
	return l.lbl.RequestVote
}

// responseAnswers are what a receiver writes in its column, by part: its
// term, its answer, the index it matches and a rejection's hints; or what
// became of the request.
func (l *layout) responseAnswers(f outcome) map[string]held {
	lbl := l.lbl
	a := func(s string) held { return holding(s, page.Answer) }
	none := a(lbl.None)
	out := map[string]held{"term": none, "match": none, "conflictTerm": none, "conflictIndex": none}
	switch f.fate {
	case lost:
		out["ok"] = a(lbl.Lost)
		return out
	case dropped:
		out["ok"] = a(lbl.Dropped)
		return out
	case pending:
		out["ok"] = a(lbl.InFlight)
		return out
	}
	r := f.reply
	out["term"], out["ok"] = a(itoa(r.Term)), a(choose(r.VoteGranted || r.Success, lbl.Yes, lbl.No))
	switch {
	case r.Type == engine.AppendEntriesReply && r.Success, r.Type == engine.InstallSnapshotReply && r.MatchIndex > 0:
		out["match"] = a(itoa(r.MatchIndex))
	case r.Hinted:
		out["conflictTerm"], out["conflictIndex"] = a(itoa(r.ConflictTerm)), a(itoa(r.ConflictIndex))
	}
	if r.Type == engine.InstallSnapshotReply { // accepted unless its term was stale
		out["ok"] = a(choose(r.MatchIndex > 0, lbl.Yes, lbl.No))
	}
	return out
}
