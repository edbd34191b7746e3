package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// The RPC slips are the classic stack: blank AppendEntries and RequestVote
// slips, numbered per kind (AE 1, AE 2, … RV 1, …). The sender takes the
// next slip of its kind and fills in from, to and the arguments; every
// receiver fills in its column of the response grid, which has a column
// for every server. Nothing on a worksheet's slip says who sends it, to
// whom, or what became of it: the key fills the slips in sending order.
// There are as many as the key uses rounded up to whole pages of each
// kind, a spare page of each, and spare ones to fill the last page.

// slipStyle is the geometry all slips of an exercise share: every slip of
// a kind is as high as every other.
type slipStyle struct {
	cols          int
	w, gap        float64 // a slip's width, the gap between slips
	inner         float64 // width inside the slip's padding
	labelW        [2]float64
	boxW          float64 // a box of a line of two
	toLines       int     // lines of the "to" box: the longest list of receivers
	entriesLines  int     // lines of the entries box: the longest entries of the run
	dataLines     int     // lines of an InstallSnapshot's data box: the longest data of the run (§7)
	gridLabelW    float64
	gridColW      float64
	gridSize      float64 // font size of the response grid's answers
	responseAbove bool    // "Response" on a line above the grid, not in its corner
	gridPerBand   int     // servers' columns side by side; more go in a band below
}

const (
	slipPad  = 2.5 // room inside a slip's cut line
	slipLine = 0.6 // room between its lines of boxes
)

func (l *layout) newSlipStyle(st stack) slipStyle {
	lbl, sz := l.lbl, l.st
	ss := slipStyle{gap: 3.5}
	ss.labelW = [2]float64{
		l.fitWidth(fonts.Regular, sz.small, lbl.From, lbl.Term, lbl.PrevLogIndex, lbl.LastLogIndex, lbl.Entries, lbl.LeaderCommit, lbl.Sent),
		l.fitWidth(fonts.Regular, sz.small, lbl.To, lbl.LeaderID, lbl.CandidateID, lbl.PrevLogTerm, lbl.LastLogTerm, lbl.Sent),
	}
	if len(st.is) > 0 || st.snapshots { // InstallSnapshot's arguments (Figure 13)
		ss.labelW[0] = max(ss.labelW[0], l.fitWidth(fonts.Regular, sz.small, lbl.LastIncludedIndex, lbl.Data))
		ss.labelW[1] = max(ss.labelW[1], l.fitWidth(fonts.Regular, sz.small, lbl.LastIncludedTerm))
	}
	rowLabels := []string{lbl.Term, lbl.OK}
	if l.tr.Timing != nil {
		rowLabels = append(rowLabels, lbl.Arrives)
	}
	if l.has.hints { // the fast backup's hints in an AppendEntries reply (§5.3)
		rowLabels = append(rowLabels, lbl.ConflictTerm, lbl.ConflictIndex)
	}
	k := st.count() + 50 // as many digits as any slip's number, spare ones too
	var gridIDs, argIDs []string
	for _, t := range st.kinds() {
		kind := slipKindID(t)
		parts := []string{"term"}
		if t == engine.AppendEntries && l.has.hints {
			parts = append(parts, "conflictIndex")
		}
		for _, to := range l.tr.Servers {
			for _, part := range parts {
				gridIDs = append(gridIDs, field.ResponseID(kind, k, to, part))
			}
			if l.tr.Timing != nil {
				gridIDs = append(gridIDs, field.ResponseID(kind, k, to, "arrives"))
			}
		}
		names := []string{"from", "to", "sentAt", "term", "leaderId", "prevLogIndex", "prevLogTerm", "leaderCommit", "candidateId", "lastLogIndex", "lastLogTerm"}
		if t == engine.InstallSnapshot {
			names = append(names, "lastIncludedIndex", "lastIncludedTerm")
		}
		for _, name := range names {
			argIDs = append(argIDs, field.SlipID(kind, k, name))
		}
	}
	gridIDW, argIDW := l.idWidth(gridIDs...), l.idWidth(argIDs...)
	answers := []string{lbl.Yes, lbl.No, lbl.None, lbl.Lost, lbl.Dropped, lbl.InFlight, itoa(l.tr.MaxTerm()), itoa(l.lastTime() + 1000)}
	names := l.fitWidth(fonts.Bold, sz.small, l.tr.Servers...)
	// The most slips side by side that leave every column of the grid
	// room for its name, ids and answers: "Response" in the grid's corner,
	// or on a line above it, or the servers' columns in two bands.
	try := func(cols int, above bool, bands int) bool {
		ss.cols, ss.responseAbove = cols, above
		ss.w = (l.Body.W - ss.gap*float64(cols-1)) / float64(cols)
		ss.inner = ss.w - 2*slipPad
		ss.boxW = (ss.inner - ss.labelW[0] - ss.labelW[1]) / 2
		ss.gridLabelW = l.fitWidth(fonts.Bold, sz.small, rowLabels...)
		if !above {
			ss.gridLabelW = max(ss.gridLabelW, l.fitWidth(fonts.Bold, sz.small, lbl.Response))
		}
		ss.gridPerBand = (len(l.tr.Servers) + bands - 1) / bands
		ss.gridColW = (ss.inner - ss.gridLabelW) / float64(ss.gridPerBand)
		ss.gridSize = sz.body
		if l.fitWidth(fonts.Italic, sz.body, answers...) > ss.gridColW {
			ss.gridSize = sz.small
		}
		return names <= ss.gridColW && gridIDW <= ss.gridColW && l.fitWidth(fonts.Italic, ss.gridSize, answers...) <= ss.gridColW &&
			argIDW <= ss.boxW && l.fitWidth(fonts.Italic, sz.body, itoa(l.tr.MaxLogLength()+100), itoa(l.lastTime()+1000)) <= ss.boxW
	}
	fitted := false
	for cols := l.tpl.Sizes.SlipColumns; cols > 1 && !fitted; cols-- {
		fitted = try(cols, false, 1) || try(cols, true, 1) || try(cols, false, 2)
	}
	for bands := 1; !fitted && bands <= len(l.tr.Servers); bands++ {
		fitted = try(1, false, bands)
	}
	ss.toLines, ss.entriesLines, ss.dataLines = 1, 1, 1
	for _, t := range st.kinds() {
		for _, s := range st.of(t) {
			ss.toLines = max(ss.toLines, len(l.wrapIn(l.receivers(s).runs, fonts.Regular, sz.body, ss.boxW)))
			switch s.msg.Type {
			case engine.AppendEntries:
				ss.entriesLines = max(ss.entriesLines, len(l.wrapIn(l.entries(s.msg).runs, fonts.Regular, sz.body, ss.inner-ss.labelW[0])))
			case engine.InstallSnapshot:
				ss.dataLines = max(ss.dataLines, len(l.wrapIn(l.snapshotBox(s.msg).runs, fonts.Regular, sz.body, ss.inner-ss.labelW[0])))
			}
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
		box.add(l.values.logEntry(e), page.Answer, false)
	}
	return box
}

// snapshotBox is an InstallSnapshot's data as answers (§7).
func (l *layout) snapshotBox(m engine.Message) held {
	var box held
	for _, v := range l.snapshotData(m.Data.Record()) {
		box.add(v, page.Answer, false)
	}
	return box
}

// receivers are whom a slip goes to, as the key writes them: "S2, S3".
func (l *layout) receivers(s *slip) held {
	return holding(strings.Join(s.to, ", "), page.Answer)
}

// slipPages lays out the stack: the key's RequestVote slips, then its
// AppendEntries slips, then spare slips until the last page is full; cols
// to a row, cut lines around each.
func (l *layout) slipPages(slips []*slip) {
	if len(slips) == 0 {
		return
	}
	st := stackOf(slips).givenKinds(l.ex, l.tr)
	ss := l.newSlipStyle(st)
	l.StartPage("slips")
	rows := l.heading(l.lbl.SlipsTitle, l.st.heading)
	intro := l.lbl.SlipsIntro
	if more := st.kinds()[2:]; len(more) > 0 { // the stacks beyond Figure 2
		var names []string
		for _, t := range more {
			names = append(names, l.slipKind(t))
		}
		intro += " " + fill(l.lbl.SlipsIntroBeyond, "kinds", strings.Join(names, ", "))
	}
	rows = append(rows, l.paragraph(page.Words(intro, page.Print), fonts.Regular, l.st.small, l.Body.X, l.Body.W)...)
	rows = append(rows, page.Gap(2))
	rows = append(rows, l.howToFill()...)
	l.Place(page.Block{Rows: rows})
	numbers := map[int]string{} // message number → its slip's, for the copies a duplicate step makes
	for _, t := range st.kinds() {
		for k, s := range st.of(t) {
			for _, id := range s.ids {
				numbers[id] = l.slipNumber(t, k+1)
			}
		}
	}
	// The key's slips kind by kind (RequestVote, AppendEntries, then those
	// beyond Figure 2), each kind with spare ones after it: as many slips of a kind as the key uses,
	// rounded up to whole pages of that kind, and a page more. The stack
	// so tells nothing of how many the run uses (only a page's worth), and
	// students who send more than the key still find blank slips.
	type place struct {
		t engine.MessageType
		k int
		s *slip
	}
	var queue []place
	for _, t := range st.kinds() {
		used := st.of(t)
		for k := range stackSize(len(used), l.slipsPerPage(ss, t)) {
			var s *slip
			if k < len(used) {
				s = used[k]
			}
			queue = append(queue, place{t, k + 1, s})
		}
	}
	spare := engine.AppendEntries
	spares := stackSize(len(st.ae), l.slipsPerPage(ss, spare))
	nextSpare := func() place { spares++; return place{spare, spares, nil} }
	row := func(ps []place, spare bool) {
		var drawers []func(p *page.Page, x, y float64)
		h := 0.0
		for _, pl := range ps {
			sh, draw := l.slip(ss, pl.t, pl.k, pl.s, numbers)
			h = max(h, sh)
			drawers = append(drawers, draw)
		}
		slips := page.Row{H: h + ss.gap, Draw: func(p *page.Page, y float64) {
			for c, d := range drawers {
				d(p, l.Body.X+float64(c)*(ss.w+ss.gap), y)
			}
		}}
		if spare { // the gap under a spare row is dropped at the page's foot: it needs room for its slips alone
			slips.H = h
			l.Place(page.Block{Rows: []page.Row{slips, page.Gap(ss.gap)}})
			return
		}
		l.Place(page.Block{Rows: []page.Row{slips}})
	}
	for i := 0; i < len(queue); i += ss.cols {
		row(queue[i:i+ss.cols], false)
	}
	for h, _ := l.slip(ss, spare, 1, nil, nil); l.Room() >= h-page.Eps; {
		var ps []place
		for c := 0; c < ss.cols; c++ {
			ps = append(ps, nextSpare())
		}
		row(ps, true)
	}
}

// stackSize is how many slips of a kind the stack holds when the key
// uses the given number: that many rounded up to a whole page's worth
// (a page at least: none used says no more than one), and a page more.
func stackSize(used, perPage int) int {
	return max(1, (used+perPage-1)/perPage)*perPage + perPage
}

// slipsPerPage is how many slips of a kind a page of slips holds: rows
// of cols, as many rows as fit the page's body.
func (l *layout) slipsPerPage(ss slipStyle, t engine.MessageType) int {
	h, _ := l.slip(ss, t, 1, nil, nil)
	return max(1, int((l.Body.H+page.Eps)/(h+ss.gap))) * ss.cols
}

// slipNumber is a slip's number as printed: "AE 3".
func (l *layout) slipNumber(t engine.MessageType, k int) string {
	switch t {
	case engine.RequestVote:
		return fill(l.lbl.RVSlip, "n", itoa(k))
	case engine.InstallSnapshot:
		return fill(l.lbl.ISSlip, "n", itoa(k))
	case engine.PreVote:
		return fill(l.lbl.PVSlip, "n", itoa(k))
	}
	return fill(l.lbl.AESlip, "n", itoa(k))
}

// slipKindID is how a kind of slip's field ids begin.
func slipKindID(t engine.MessageType) string {
	switch t {
	case engine.RequestVote:
		return field.SlipRequestVote
	case engine.InstallSnapshot:
		return field.SlipInstallSnapshot
	case engine.PreVote:
		return field.SlipPreVote
	}
	return field.SlipAppendEntries
}

// slipBox is one box of a slip with its label.
type slipBox struct {
	label string
	f     *field.Field
	box   held
	lines int
	wide  bool // as wide as the slip: the entries
}

// slip measures slip k of a kind and returns how to draw it at x, y; s is
// the key's slip, or nil for a spare one. numbers name the slips by
// message, for the key's note on a copy.
func (l *layout) slip(ss slipStyle, t engine.MessageType, k int, s *slip, numbers map[int]string) (float64, func(p *page.Page, x, y float64)) {
	lbl, st := l.lbl, l.st
	kind, number := l.slipKind(t), l.slipNumber(t, k)
	numW := l.fitWidth(fonts.Bold, 11, number)
	kindW := ss.inner - numW
	kindLines := l.wrapIn(page.Words(kind, page.Print), fonts.Bold, st.body+1, kindW)
	titleH := max(l.textH(1, 11), l.textH(len(kindLines), st.body+1))
	copyNote := ""
	if s != nil && s.msg.DuplicateOf != 0 {
		copyNote = fill(lbl.CopyOf, "id", numbers[s.msg.DuplicateOf])
	}

	lines := l.slipLines(ss, t, k, s, number)
	height := slipPad + titleH
	for _, line := range lines {
		height += l.slipLineH(line) + slipLine
	}
	responseH := 0.0
	if ss.responseAbove {
		responseH = l.textH(1, st.small)
	}
	grid := l.responseGrid(ss, t, k, s, number, 0)
	height += responseH + page.Block{Rows: grid}.Height() + slipPad

	return height, func(p *page.Page, x, y float64) {
		p.AddBox(page.Box{R: page.Rect{X: x, Y: y, W: ss.w, H: height}, Stroke: page.Dashed})
		ix, cy := x+slipPad, y+slipPad
		l.text(p, page.Rect{X: ix, Y: cy, W: kindW, H: titleH}, kindLines, fonts.Bold, st.body+1, page.Left, true)
		l.text(p, page.Rect{X: ix + kindW, Y: cy, W: numW, H: titleH}, []page.Line{plain(number)}, fonts.Bold, 11, page.RightAlign, true)
		if copyNote != "" { // the key's note: the network copied this slip
			free := kindW - l.fitWidth(fonts.Bold, st.body+1, kind)
			if l.fitWidth(fonts.Regular, st.small, copyNote) <= free {
				l.text(p, page.Rect{X: ix + kindW - free, Y: cy, W: free, H: titleH}, []page.Line{inked(copyNote, page.KeyOnly)}, fonts.Regular, st.small, page.RightAlign, true)
			}
		}
		cy += titleH
		for _, line := range lines {
			l.drawSlipLine(p, ss, line, ix, cy)
			cy += l.slipLineH(line) + slipLine
		}
		if ss.responseAbove {
			l.text(p, page.Rect{X: ix, Y: cy, W: ss.inner, H: responseH}, []page.Line{plain(lbl.Response)}, fonts.Bold, st.small, page.Center, true)
			cy += responseH
		}
		for _, r := range l.responseGrid(ss, t, k, s, number, ix) {
			r.Draw(p, cy)
			cy += r.H
		}
	}
}

// slipLines are a slip's boxes, line by line: one or two boxes a line, and
// the entries alone on theirs.
func (l *layout) slipLines(ss slipStyle, t engine.MessageType, k int, s *slip, number string) [][]slipBox {
	lbl := l.lbl
	id := slipKindID(t)
	part := l.slipKind(t) + " " + number
	var m engine.Message
	server, step := "", 0
	if s != nil {
		m, server, step = s.msg, s.msg.From, s.step
	}
	sent := l.rules.named(engine.RuleArguments)
	if s != nil {
		sent = l.rules.messageRule(s.step, s.ids[0])
	}
	box := func(label, name string, kind field.Kind, answer func() held, rule field.Rule, lines int) slipBox {
		var b held
		if s != nil {
			b = answer()
		}
		return slipBox{label: label, f: l.newField(field.SlipID(id, k, name), kind, b, server, step, rule, part, label), box: b, lines: lines}
	}
	num := func(n *int) func() held { return func() held { return holding(itoa(*n), page.Answer) } }
	name := func(n *string) func() held { return func() held { return holding(*n, page.Answer) } }
	from := box(lbl.From, "from", field.KindServer, name(&m.From), sent, 1)
	to := box(lbl.To, "to", field.KindServers, func() held { return l.receivers(s) }, sent, ss.toLines)
	term := box(lbl.Term, "term", field.KindNumber, num(&m.Term), l.rules.named(engine.RuleSenderTerm), 1)
	var sentAt []slipBox
	if l.tr.Timing != nil {
		sentAt = []slipBox{box(lbl.Sent, "sentAt", field.KindTime, num(&m.SentMs), sent, 1)}
	}
	switch t {
	case engine.PreVote: // RequestVote's arguments, for the term it would stand in (§9.6)
		term.f.Rule = l.rules.named(engine.RulePreVote)
		lines := [][]slipBox{{from, to},
			{term, box(lbl.CandidateID, "candidateId", field.KindServer, name(&m.CandidateID), l.rules.named(engine.RulePreVote), 1)},
			{box(lbl.LastLogIndex, "lastLogIndex", field.KindNumber, num(&m.LastLogIndex), l.rules.named(engine.RuleLastLogArg), 1),
				box(lbl.LastLogTerm, "lastLogTerm", field.KindNumber, num(&m.LastLogTerm), l.rules.named(engine.RuleLastLogArg), 1)}}
		if len(sentAt) > 0 {
			lines = append(lines, sentAt)
		}
		return lines
	case engine.InstallSnapshot: // Figure 13's arguments, the snapshot in one chunk
		snap := l.rules.named(engine.RuleSendSnapshot)
		data := box(lbl.Data, "data", field.KindValues, func() held { return l.snapshotBox(m) }, snap, ss.dataLines)
		data.wide = true
		lines := [][]slipBox{{from, to},
			{term, box(lbl.LeaderID, "leaderId", field.KindServer, name(&m.LeaderID), snap, 1)},
			{box(lbl.LastIncludedIndex, "lastIncludedIndex", field.KindNumber, num(&m.LastIncludedIndex), snap, 1),
				box(lbl.LastIncludedTerm, "lastIncludedTerm", field.KindNumber, num(&m.LastIncludedTerm), snap, 1)},
			{data}}
		if len(sentAt) > 0 {
			lines = append(lines, sentAt)
		}
		return lines
	}
	if t == engine.RequestVote {
		lines := [][]slipBox{{from, to},
			{term, box(lbl.CandidateID, "candidateId", field.KindServer, name(&m.CandidateID), l.rules.named(engine.RuleRequestVoteArg), 1)},
			{box(lbl.LastLogIndex, "lastLogIndex", field.KindNumber, num(&m.LastLogIndex), l.rules.named(engine.RuleLastLogArg), 1),
				box(lbl.LastLogTerm, "lastLogTerm", field.KindNumber, num(&m.LastLogTerm), l.rules.named(engine.RuleLastLogArg), 1)}}
		if len(sentAt) > 0 {
			lines = append(lines, sentAt)
		}
		return lines
	}
	entries := box(lbl.Entries, "entries", field.KindEntries, func() held { return l.entries(m) }, l.rules.named(engine.RuleSendEntries), ss.entriesLines)
	entries.wide = true
	return [][]slipBox{{from, to},
		{term, box(lbl.LeaderID, "leaderId", field.KindServer, name(&m.LeaderID), l.rules.named(engine.RuleAppendEntriesArg), 1)},
		{box(lbl.PrevLogIndex, "prevLogIndex", field.KindNumber, num(&m.PrevLogIndex), l.rules.named(engine.RulePrevLogIndex), 1),
			box(lbl.PrevLogTerm, "prevLogTerm", field.KindNumber, num(&m.PrevLogTerm), l.rules.named(engine.RulePrevLogTerm), 1)},
		{entries},
		append([]slipBox{box(lbl.LeaderCommit, "leaderCommit", field.KindNumber, num(&m.LeaderCommit), l.rules.named(engine.RuleLeaderCommitArg), 1)}, sentAt...)}
}

// slipLineH is the height of a line of a slip's boxes.
func (l *layout) slipLineH(line []slipBox) float64 {
	n := 1
	for _, b := range line {
		n = max(n, b.lines)
	}
	return l.rowH(n)
}

// drawSlipLine draws a line of boxes at x, y: a box alone is as wide as
// the slip when it is the entries, else as a box of a line of two.
func (l *layout) drawSlipLine(p *page.Page, ss slipStyle, line []slipBox, x, y float64) {
	h := l.slipLineH(line)
	for i, b := range line {
		w := ss.boxW
		if b.wide {
			w = ss.inner - ss.labelW[0]
		}
		l.text(p, page.Rect{X: x, Y: y, W: ss.labelW[i], H: l.rowH(1)}, []page.Line{plain(b.label)}, fonts.Regular, l.st.small, page.RightAlign, true)
		r := page.Rect{X: x + ss.labelW[i], Y: y, W: w, H: h}
		p.AddBox(page.Box{R: r, Stroke: page.Thin, Write: true})
		l.fixedFieldText(p, r, b.f, l.wrapIn(b.box.runs, fonts.Regular, l.st.body, r.W), fonts.Regular, l.st.body)
		x += ss.labelW[i] + w
	}
}

// responseGrid is the seed's response grid at x, "Response" in its corner
// (or above it): a column for every server, none shaded, in two bands when
// they are many; each receiver fills in its term and its answer
// (and, in a timed exercise, first when the request arrived).
func (l *layout) responseGrid(ss slipStyle, t engine.MessageType, k int, s *slip, number string, x float64) []page.Row {
	lbl, st := l.lbl, l.st
	var rows []page.Row
	for first := 0; first < len(l.tr.Servers); first += ss.gridPerBand {
		band := l.tr.Servers[first:min(len(l.tr.Servers), first+ss.gridPerBand)]
		corner := lbl.Response
		if ss.responseAbove || first > 0 {
			corner = ""
		}
		widths := []float64{ss.gridLabelW}
		ids := []cell{boldLabel(corner).sized(st.small)}
		arrives := []cell{leftLabel(lbl.Arrives).sized(st.small)}
		terms := []cell{leftLabel(lbl.Term).sized(st.small)}
		oks := []cell{leftLabel(lbl.OK).sized(st.small)}
		hints := t == engine.AppendEntries && l.has.hints
		cTerms := []cell{leftLabel(lbl.ConflictTerm).sized(st.small)}
		cIndexes := []cell{leftLabel(lbl.ConflictIndex).sized(st.small)}
		for _, id := range band {
			widths = append(widths, ss.gridColW)
			ids = append(ids, boldLabel(id).sized(st.small))
			fs, term, ok, at := l.responseFields(t, k, s, number, id)
			if l.tr.Timing != nil {
				arrives = append(arrives, ask(at).changeable(fs[2]))
			}
			terms = append(terms, ask(term).changeable(fs[0]))
			oks = append(oks, ask(ok).changeable(fs[1]))
			if hints {
				hf, ct, ci := l.hintFields(k, s, number, id)
				cTerms = append(cTerms, ask(ct).changeable(hf[0]))
				cIndexes = append(cIndexes, ask(ci).changeable(hf[1]))
			}
		}
		if first > 0 {
			rows = append(rows, page.Gap(1))
		}
		rows = append(rows, l.tableRow(x, widths, ids, ss.gridSize, l.textH(1, st.small)))
		if l.tr.Timing != nil {
			rows = append(rows, l.tableRow(x, widths, arrives, ss.gridSize, st.cell))
		}
		rows = append(rows,
			l.tableRow(x, widths, terms, ss.gridSize, st.cell),
			l.tableRow(x, widths, oks, ss.gridSize, st.cell))
		if hints {
			rows = append(rows, l.tableRow(x, widths, cTerms, ss.gridSize, st.cell),
				l.tableRow(x, widths, cIndexes, ss.gridSize, st.cell))
		}
	}
	return rows
}

// hintFields are the fields of server to's conflictTerm and conflictIndex
// in an AppendEntries slip's response grid, with the fast backup on
// (§5.3), and the key's answers: a rejection's hints, "–" for a success
// or a request that got no reply.
func (l *layout) hintFields(k int, s *slip, number, to string) (fs [2]*field.Field, term, index held) {
	part, box := l.slipKind(engine.AppendEntries)+" "+number, l.lbl.Response+" of "+to+", "
	rule, step := l.rules.named(engine.RuleFastBackup), 0
	if f, addressed := s.fateOf(to); addressed {
		step = f.step
		term, index = holding(l.lbl.None, page.Answer), holding(l.lbl.None, page.Answer)
		if f.fate == answered && f.reply.Hinted && !f.reply.Success {
			term, index = holding(itoa(f.reply.ConflictTerm), page.Answer), holding(itoa(f.reply.ConflictIndex), page.Answer)
		} else if f.fate != answered {
			rule = l.rules.networkRule(f.step, s.idOf[to])
		}
	}
	fs = [2]*field.Field{
		l.newField(field.ResponseID(field.SlipAppendEntries, k, to, "conflictTerm"), field.KindNumber, term, to, step, rule, part, box+l.lbl.ConflictTerm),
		l.newField(field.ResponseID(field.SlipAppendEntries, k, to, "conflictIndex"), field.KindNumber, index, to, step, rule, part, box+l.lbl.ConflictIndex),
	}
	return fs, term, index
}

// responseFields are the fields of server to's column of a response grid
// (term, ok, arrives) and the key's answers: the receiver's, or what became
// of the request; spare for a server the slip did not go to. The rule is
// the receiver's reason in the step that delivered the request, or the
// network's for a lost one.
func (l *layout) responseFields(t engine.MessageType, k int, s *slip, number, to string) (fs [3]*field.Field, term, ok, at held) {
	part, box := l.slipKind(t)+" "+number, l.lbl.Response+" of "+to+", "
	id := slipKindID(t)
	rb := l.rules
	termRule, okRule, atRule := rb.named(engine.RuleReplyTerm), rb.named(engine.RuleResults), rb.named(engine.RuleArguments)
	step := 0
	if f, addressed := s.fateOf(to); addressed {
		step = f.step
		term, ok, at = l.responseAnswers(s, to, f)
		okRule, termRule = rb.responseRules(f.step, to, s.idOf[to], f.reply.ID)
		atRule = rb.messageRule(s.step, s.idOf[to])
		if f.fate != answered {
			okRule = rb.networkRule(f.step, s.idOf[to])
			termRule, atRule = okRule, okRule
		}
	}
	fs = [3]*field.Field{
		l.newField(field.ResponseID(id, k, to, "term"), field.KindNumber, term, to, step, termRule, part, box+l.lbl.Term),
		l.newField(field.ResponseID(id, k, to, "ok"), field.KindAnswer, ok, to, step, okRule, part, box+l.lbl.OK),
		l.newField(field.ResponseID(id, k, to, "arrives"), field.KindTime, at, to, step, atRule, part, box+l.lbl.Arrives),
	}
	return fs, term, ok, at
}

// fateOf is what became of the slip's copy to a server, if it went there.
func (s *slip) fateOf(to string) (outcome, bool) {
	if s == nil {
		return outcome{}, false
	}
	f, ok := s.fate[to]
	return f, ok
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

// responseAnswers are what a receiver writes in its column: its term and
// its answer, and when the request arrived; or what became of the
// request (a lost or dropped one never arrives).
func (l *layout) responseAnswers(s *slip, to string, f outcome) (term, ok, at held) {
	lbl := l.lbl
	a := func(s string) held { return holding(s, page.Answer) }
	if l.tr.Timing != nil {
		at = a(itoa(s.arrives[to]))
	}
	switch f.fate {
	case lost:
		return a(lbl.None), a(lbl.Lost), a(lbl.None)
	case dropped:
		return a(lbl.None), a(lbl.Dropped), a(lbl.None)
	case pending:
		return a(lbl.None), a(lbl.InFlight), at
	}
	r := f.reply
	okWord := lbl.No
	if r.VoteGranted || r.Success || r.Type == engine.InstallSnapshotReply && r.MatchIndex > 0 {
		okWord = lbl.Yes // an InstallSnapshot taken: its term was not stale (Figure 13)
	}
	return a(itoa(r.Term)), a(okWord), at
}
