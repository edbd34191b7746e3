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
}

const slipPad = 2.5

func (l *layout) newSlipStyle(slips []*slip) slipStyle {
	lbl, st := l.lbl, l.st
	ss := slipStyle{gap: 5}
	ss.fieldW = l.fitWidth(fonts.Regular, st.small, lbl.Term, lbl.LeaderID, lbl.PrevLogIndex, lbl.PrevLogTerm, lbl.Entries,
		lbl.LeaderCommit, lbl.CandidateID, lbl.LastLogIndex, lbl.LastLogTerm)
	ss.gridLabelW = l.fitWidth(fonts.Bold, st.small, lbl.ID, lbl.Term, lbl.OK, lbl.Match)
	if l.tr.Timing != nil {
		ss.gridLabelW = max(ss.gridLabelW, l.fitWidth(fonts.Bold, st.small, lbl.Arrives))
	}
	var gridIDs []string
	for _, s := range slips {
		for _, to := range s.to {
			gridIDs = append(gridIDs, field.ResponseID(s.ids[0], to, "match"), field.ResponseID(s.ids[0], to, "term"))
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
	for _, s := range slips {
		if s.msg.Type == engine.AppendEntries {
			lines := l.wrapIn(l.entries(s.msg).runs, fonts.Italic, st.body, boxW)
			ss.entriesH = max(ss.entriesH, l.fieldH(len(lines), st.body))
		}
	}
	return ss
}

// entries are an AppendEntries' entries as answers, "none (heartbeat)"
// when it carries none.
func (l *layout) entries(m engine.Message) held {
	var box held
	if len(m.Entries) == 0 {
		box.addWords(l.lbl.Heartbeat, page.Answer)
	}
	for _, e := range m.Entries {
		box.add(l.values.entry(e.Term, e.Value), page.Answer, false)
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
		return slipField{label, box, h, l.newField(field.SlipID(s.ids[0], name), fk, box, m.From, s.step, l.rules.named(rule), kind+" "+idList(s.ids), label)}
	}
	cellH := max(st.cell, l.fieldH(1, st.body))
	fields := []slipField{arg(lbl.Term, "term", field.KindNumber, a(m.Term), engine.RuleSenderTerm, cellH)}
	if m.Type == engine.AppendEntries {
		fields = append(fields,
			arg(lbl.LeaderID, "leaderId", field.KindServer, server(m.LeaderID), engine.RuleAppendEntriesArg, cellH),
			arg(lbl.PrevLogIndex, "prevLogIndex", field.KindNumber, a(m.PrevLogIndex), engine.RulePrevLogIndex, cellH),
			arg(lbl.PrevLogTerm, "prevLogTerm", field.KindNumber, a(m.PrevLogTerm), engine.RulePrevLogTerm, cellH),
			arg(lbl.Entries, "entries", field.KindEntries, l.entries(m), engine.RuleSendEntries, ss.entriesH),
			arg(lbl.LeaderCommit, "leaderCommit", field.KindNumber, a(m.LeaderCommit), engine.RuleLeaderCommitArg, cellH))
	} else {
		fields = append(fields,
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
// index they now match); the other columns are shaded. In a timed
// exercise a printed row says when each receiver's copy arrives.
func (l *layout) responseGrid(ss slipStyle, s *slip, x float64) []page.Row {
	lbl, st := l.lbl, l.st
	colW := (ss.inner - ss.gridLabelW) / float64(len(l.tr.Servers))
	widths := []float64{ss.gridLabelW}
	ids := []cell{boldLabel(lbl.ID).sized(st.small)}
	arrives := []cell{leftLabel(lbl.Arrives).sized(st.small)}
	terms := []cell{leftLabel(lbl.Term).sized(st.small)}
	oks := []cell{leftLabel(lbl.OK).sized(st.small)}
	matches := []cell{leftLabel(lbl.Match).sized(st.small)}
	for _, id := range l.tr.Servers {
		widths = append(widths, colW)
		ids = append(ids, boldLabel(id).sized(st.small))
		f, addressed := s.fate[id]
		if !addressed {
			arrives = append(arrives, shaded())
			terms, oks, matches = append(terms, shaded()), append(oks, shaded()), append(matches, shaded())
			continue
		}
		arrives = append(arrives, given(itoa(s.arrives[id])).sized(st.small))
		term, ok, match := l.responseAnswers(f)
		fs := l.responseFields(s, id, f, term, ok, match)
		terms = append(terms, ask(term).asking(fs[0]))
		oks = append(oks, ask(ok).asking(fs[1]))
		matches = append(matches, ask(match).asking(fs[2]))
	}
	rows := []page.Row{l.tableRow(x, widths, ids, ss.gridSize, 5)}
	if s.msg.Timed {
		rows = append(rows, l.tableRow(x, widths, arrives, ss.gridSize, 5))
	}
	rows = append(rows,
		l.tableRow(x, widths, terms, ss.gridSize, st.cell),
		l.tableRow(x, widths, oks, ss.gridSize, st.cell))
	if s.msg.Type == engine.AppendEntries {
		rows = append(rows, l.tableRow(x, widths, matches, ss.gridSize, st.cell))
	}
	return rows
}

// responseFields are the fields of a receiver's column of a response
// grid: term, ok and match; the rule is the receiver's reason in the step
// that delivered the request, or the network's for a lost one.
func (l *layout) responseFields(s *slip, to string, f outcome, term, ok, match held) [3]*field.Field {
	part, box := l.slipKind(s.msg.Type)+" "+idList(s.ids), l.lbl.Response+" of "+to+", "
	rb := l.rules
	okRule, termRule := rb.responseRules(f.step, to, s.idOf[to], f.reply.ID)
	matchRule := rb.named(engine.RuleMatchIndex)
	if f.fate != answered {
		okRule = rb.networkRule(f.step, s.idOf[to])
		termRule, matchRule = okRule, okRule
	}
	return [3]*field.Field{
		l.newField(field.ResponseID(s.ids[0], to, "term"), field.KindNumber, term, to, f.step, termRule, part, box+l.lbl.Term),
		l.newField(field.ResponseID(s.ids[0], to, "ok"), field.KindAnswer, ok, to, f.step, okRule, part, box+l.lbl.OK),
		l.newField(field.ResponseID(s.ids[0], to, "match"), field.KindNumber, match, to, f.step, matchRule, part, box+l.lbl.Match),
	}
}

// slipKind is the printed name of a slip's kind of RPC.
func (l *layout) slipKind(t engine.MessageType) string {
	if t == engine.AppendEntries {
		return l.lbl.AppendEntries
	}
	return l.lbl.RequestVote
}

// responseAnswers are what a receiver writes in its column: its term, its
// answer, and the index it matches; or what became of the request.
func (l *layout) responseAnswers(f outcome) (term, ok, match held) {
	lbl := l.lbl
	a := func(s string) held { return holding(s, page.Answer) }
	switch f.fate {
	case lost:
		return a(lbl.None), a(lbl.Lost), a(lbl.None)
	case dropped:
		return a(lbl.None), a(lbl.Dropped), a(lbl.None)
	case pending:
		return a(lbl.None), a(lbl.InFlight), a(lbl.None)
	}
	r := f.reply
	okWord, matchWord := lbl.No, lbl.None
	if r.VoteGranted || r.Success {
		okWord = lbl.Yes
	}
	if r.Type == engine.AppendEntriesReply && r.Success {
		matchWord = itoa(r.MatchIndex)
	}
	return a(itoa(r.Term)), a(okWord), a(matchWord)
}
