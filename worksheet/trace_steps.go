package worksheet

import (
	"hash/fnv"
	"math/rand/v2"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// traceSteps lays out the trace template: how to fill it in, then a
// block per step. A block asks what the step changes (or, with full
// rows, every server's state after it), the messages it sends, and why
// where the script asks; every block has the same shape, so the page
// says nothing about which servers change or how many messages go.
func (l *layout) traceSteps() {
	l.StartPage("steps")
	g := l.newTraceGrid()
	l.Place(page.Block{Rows: l.stepsLegend()})
	l.placeHeads(g)
	blocks := make([][]page.Row, len(l.tr.Steps))
	for i, s := range l.tr.Steps {
		blocks[i] = l.stepBlock(g, s)
	}
	l.placeSteps(g, blocks, l.balancedBreak(g, blocks))
}

// placeSteps places the steps' blocks from where the flow is, starting a
// page before block breakAt (-1: none).
func (l *layout) placeSteps(g *traceGrid, blocks [][]page.Row, breakAt int) {
	for i, rows := range blocks {
		if i == breakAt {
			l.StartPage("steps")
			l.placeHeads(g)
		} else {
			l.Space(stepGap)
		}
		l.placeStep(g, i+1, rows)
	}
}

// balancedBreak is where to start the last page earlier than it would
// start, so that it is not near-empty (a third of a page at least) and
// the page before it keeps as much: -1 when it need not, or cannot.
func (l *layout) balancedBreak(g *traceGrid, blocks [][]page.Row) int {
	pages, fill, _ := l.dryRun(g, blocks, -1)
	if pages == 1 || fill >= minLastFill {
		return -1
	}
	for k := len(blocks) - 1; k > 0 && k >= len(blocks)-maxMoved; k-- {
		p, f, before := l.dryRun(g, blocks, k)
		if p > pages || before < minLastFill {
			return -1
		}
		if f >= minLastFill {
			return k
		}
	}
	return -1
}

// minLastFill is how full the last page of steps is at least, if the
// page before can spare it; maxMoved how many steps may move there.
const (
	minLastFill = 1.0 / 3
	maxMoved    = 8
)

// dryRun places the blocks on pages of their own, as placeSteps would
// from here: how many pages they take, how full the last is, and how
// full the one before it (both as a share of a page's body).
func (l *layout) dryRun(g *traceGrid, blocks [][]page.Row, breakAt int) (pages int, last, before float64) {
	s := *l
	s.Flow = page.Flow{Doc: &page.Document{Paper: l.Doc.Paper, Area: l.Doc.Area}, Body: l.Body}
	s.StartPage("steps")
	s.Y = l.Y
	s.placeSteps(g, blocks, breakAt)
	pages = len(s.Doc.Pages)
	if pages > 1 {
		before = usedShare(s.Doc.Pages[pages-2], l.Body)
	}
	return pages, (s.Y - l.Body.Y) / l.Body.H, before
}

// usedShare is how much of a page's body its boxes reach down to.
func usedShare(p *page.Page, body page.Rect) float64 {
	bottom := body.Y
	for _, b := range p.Boxes {
		bottom = max(bottom, b.R.Bottom())
	}
	return (bottom - body.Y) / body.H
}

// stepGap is the room between two steps' blocks.
const stepGap = 2.5

// stepsLegend is what the students read before step 1: how to fill in
// the blocks and, in a timed run with random timeouts, the timeouts each
// server draws.
func (l *layout) stepsLegend() []page.Row {
	rows := l.howToFill(choose(l.tpl.TraceRows == templates.TraceFull, l.lbl.RowsFull, l.lbl.RowsChanges))
	if note := l.beyondLegend(); note != "" { // what the message columns hold beyond Figure 2
		rows = append(rows, l.paragraph(page.Words(note, page.Print), fonts.Regular, l.st.small, l.Body.X, l.Body.W)...)
		rows = append(rows, page.Gap(l.st.gap))
	}
	if drawn := l.drawnTimeouts(); drawn != "" {
		rows = append(rows, l.paragraph(page.Words(l.lbl.DrawnTimeouts+" "+drawn, page.Print), fonts.Regular, l.st.small, l.Body.X, l.Body.W)...)
		rows = append(rows, page.Gap(l.st.gap))
	}
	return rows
}

// stepBlock is one step's rows: its heading, the servers' boxes, the
// message rows, the Why? box if the script asks why.
func (l *layout) stepBlock(g *traceGrid, s engine.StepRecord) []page.Row {
	rows := l.traceHeading(s, g.rowH)
	rows = append(rows, page.Gap(0.5))
	rows = append(rows, l.stepLines(g, s)...)
	if steps := l.whyAsked(s); len(steps) > 0 {
		rows = append(rows, page.Gap(1))
		rows = append(rows, l.ruleBox(steps, l.Body.X, l.Body.W)...)
	}
	return rows
}

// whyAsked are the trace steps a Why? box after step s asks about: a
// script step that says why: true gets one box, after the last of its
// steps (a stabilize step's rounds, a run's events), for all of them.
func (l *layout) whyAsked(s engine.StepRecord) []int {
	if !s.AskWhy || s.N < len(l.tr.Steps) && l.tr.Steps[s.N].ScriptStep == s.ScriptStep {
		return nil
	}
	first := s.N
	for first > 1 && l.tr.Steps[first-2].ScriptStep == s.ScriptStep {
		first--
	}
	var steps []int
	for n := first; n <= s.N; n++ {
		steps = append(steps, n)
	}
	return steps
}

// placeHeads puts the column headings atop the page.
func (l *layout) placeHeads(g *traceGrid) {
	for _, r := range l.gridHeads(g) {
		r.Draw(l.Page, l.Y)
		l.Y += r.H
	}
	l.Y += 1
}

// placeStep places a step's block: whole on a new page if it does not
// fit and less than a third of the page is left, else split across
// pages, the rest under the headings and "Step n (continued)". A step's
// heading never ends a page alone.
func (l *layout) placeStep(g *traceGrid, n int, rows []page.Row) {
	head := 0.0 // the heading and what must stay with it
	for _, r := range rows {
		head += r.H
		if !r.KeepNext {
			break
		}
	}
	total := page.Block{Rows: rows}.Height()
	if l.Y > l.Body.Y+page.Eps && (head > l.Room()+page.Eps || total > l.Room()+page.Eps && l.Room() < l.Body.H/3) {
		l.StartPage("steps")
		l.placeHeads(g)
	}
	l.Place(page.Block{Rows: rows, Repeat: func() []page.Row {
		heads := l.gridHeads(g)
		heads[len(heads)-1].H += 1
		return append(heads, l.continuedHeading(n)...)
	}})
}

// drawnTimeouts lists, for each server whose election timeout is drawn
// at random, the timeouts it draws in turn ("S1: 237 ms, 188 ms"): givens
// the student needs to say when its timer fires. Every list is as long as
// the longest: how often a server draws tells how often its timer
// restarts, and so who won an election; what the run never uses is drawn
// from the same spans by a generator of the exercise's seed.
func (l *layout) drawnTimeouts() string {
	if l.tr.Timing == nil || l.ex.Script.Timing == nil {
		return ""
	}
	drawn := map[string][]int{}
	longest := 0
	for _, id := range l.tr.Servers {
		if l.fixedTimeout(id) {
			continue
		}
		var ds []int
		prev := l.tr.Initial[id].ElectionTimerMs
		if prev != nil {
			ds = append(ds, *prev)
		}
		for _, s := range l.tr.Steps {
			t := s.Servers[id].ElectionTimerMs
			if t != nil && (prev == nil || *t != *prev) && s.TimeMs != nil {
				ds = append(ds, *t-*s.TimeMs)
			}
			prev = t
		}
		drawn[id] = ds
		longest = max(longest, len(ds))
	}
	var parts []string
	for _, id := range l.tr.Servers {
		ds, ok := drawn[id]
		if !ok {
			continue
		}
		plan := l.ex.Script.Timing.ElectionTimeout[id]
		rng := rand.New(rand.NewPCG(l.ex.Script.Timing.Seed, serverSeed(id)))
		var texts []string
		for k := 0; k < longest; k++ {
			if k >= len(ds) {
				span := plan[min(k, len(plan)-1)]
				ds = append(ds, span.Lo+rng.IntN(span.Hi-span.Lo+1))
			}
			texts = append(texts, l.msText(ds[k]))
		}
		parts = append(parts, id+": "+strings.Join(texts, ", "))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + "."
}

// serverSeed is a number of a server's name, to seed its own draws.
func serverSeed(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}
