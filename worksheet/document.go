package worksheet

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exam"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// Options choose the template and the paper of a build, and for a
// class set, what marks one student's copy.
type Options struct {
	Template *templates.Template
	Paper    page.Paper
	Stamp    Stamp
	Part     *Part // nil: every section
	// Rooms, if set, carries what the Raft State sheets' layout works out
	// (their rows and the height of the write-in rows) from one layout of
	// a variant to the next: a class set lays out the key and each
	// student's part from the same run, and the answer is the same for
	// every part. Layouts sharing it are of one run, template and paper,
	// one at a time.
	Rooms *Rooms
	exam  *exam.Exam // the exam template: its answers worked out already (tests); nil works them out

	blaming bool // a layout of blameTemplate's: no blaming again
	// noReuse lays every pass out whole, until the page numbers stand
	// still, whether or not a text read them (tests: taking the previous
	// pass's pages, and stopping when nothing reads the numbers, change
	// nothing); passes, if set, is told how many passes were laid out.
	noReuse bool
	passes  *int
	// drawScratch draws the State sheets' scratch sheets instead of only
	// measuring them, and asked, if set, is given every answer sheetRoom
	// gave (tests: measuring answers as drawing does).
	drawScratch bool
	asked       map[roomKey]room
	inTurn      bool // sections laid out one after the other (tests: laying them out at once changes nothing)
}

// Rooms is what the Raft State sheets' layout of one run works out once;
// the zero value knows nothing yet.
type Rooms struct {
	sheetCell   float64
	logRows     int
	leaderLines int
}

// Part is part of the sheets: in a role-play class set a group of
// students shares one variant, and each student's pack holds the cover
// and their own server's Raft State sheets, the group's the slips and the
// debrief. Pages are numbered within the part.
type Part struct {
	Sections []string // the template's sections to lay out, in the template's order
	Server   string   // whose Raft State sheets to lay out; "" every server's
}

// has reports whether the part holds a section (a nil part holds all).
func (p *Part) has(section string) bool { return p == nil || slices.Contains(p.Sections, section) }

// hasServer reports whether the part holds a server's Raft State sheets.
func (p *Part) hasServer(id string) bool { return p == nil || p.Server == "" || p.Server == id }

// Stamp marks a variant's sheets: its code on every page of worksheet and
// key, and the student's name in the worksheet's Name box. The key
// carries no name, so that the code alone rebuilds it byte for byte.
type Stamp struct {
	Code  string // "" for the exercise itself
	Name  string // "" when no roster names the student
	Group string // a role-play class set's group, printed after the code ("group 3"); "" for none
}

// Layout makes the pages of the worksheet and key and checks them: an
// error if any box or text breaks the layout's promises (a bug), or if the
// exercise has text the fonts cannot print.
func Layout(ex *exercise.Exercise, tr *engine.Trace, opt Options) (*page.Document, error) {
	if opt.Template == nil {
		return nil, errors.New("no template")
	}
	m, err := fonts.BorrowMeasurer()
	if err != nil {
		return nil, err
	}
	defer fonts.ReturnMeasurer(m)
	if err := checkPrintable(ex, tr, opt.Template, m); err != nil {
		return nil, err
	}
	if err := checkRoleLetters(ex, opt.Template); err != nil {
		return nil, err
	}
	fates, err := matchReplies(tr)
	if err != nil {
		return nil, fmt.Errorf("%s: the trace breaks the engine's contract: %w", ex.File, err)
	}
	var doc *page.Document
	var tooTall []page.TooTall
	ranges := pageRanges{}
	shared := &passShared{debriefRoom: -1, drawScratch: opt.drawScratch, inTurn: opt.inTurn}
	defer func() { fonts.ReturnMeasurer(shared.helperM) }()
	if r := opt.Rooms; r != nil && r.sheetCell != 0 {
		shared.sheetCell, shared.logRows, shared.leaderLines = r.sheetCell, r.logRows, r.leaderLines
	}
	if opt.Template.Kind == templates.KindExam {
		if shared.exam, err = buildExam(ex, opt, m); err != nil {
			return nil, err
		}
	}
	// The cover says which pages hold what, which depends on how long the
	// cover is: lay out until the page numbers stand still.
	var prev *pass
	for n := 0; ; n++ {
		prev = layoutOnce(ex, tr, opt, m, fates, ranges, shared, prev)
		doc, tooTall = prev.doc, prev.tooTall
		if opt.passes != nil {
			*opt.passes = n + 1
		}
		got := rangesOf(doc)
		if (!prev.readRanges() && !opt.noReuse) || maps.Equal(got, ranges) {
			break // nothing on the pages reads their numbers, or they stood still
		}
		if n == 5 {
			return nil, fmt.Errorf("%s: the cover's page numbers do not settle (a bug in raftsheet, please report it)", ex.File)
		}
		if prev.restReads {
			// The State sheets were fitted to their pages with "How to
			// fill in" boxes that cite page numbers, which now change:
			// fit them again with the new ones.
			shared.forgetSheetFit()
		}
		ranges = got
	}
	prev.l.frame() // headers and footers, on the last pass alone
	if r := opt.Rooms; r != nil && shared.sheetCell != 0 {
		r.sheetCell, r.logRows, r.leaderLines = shared.sheetCell, shared.logRows, shared.leaderLines
	}
	if opt.asked != nil {
		maps.Copy(opt.asked, shared.rooms)
	}
	if len(tooTall) > 0 {
		parts := make([]string, len(tooTall))
		for i, t := range tooTall {
			parts[i] = t.String()
		}
		return nil, &TooSmallError{File: ex.File, Template: opt.Template.Source, Parts: parts}
	}
	if problems := doc.Problems(m); len(problems) > 0 {
		if opt.blaming {
			return nil, errors.New("does not fit")
		}
		if err := blameTemplate(ex, tr, opt); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s: the layout does not fit (a bug in raftsheet, please report it):\n  %s",
			ex.File, strings.Join(problems, "\n  "))
	}
	return doc, nil
}

// TooSmallError is an exercise the template's pages are too small for:
// parts of it are taller than a page.
type TooSmallError struct {
	File, Template string
	Parts          []string // what does not fit, and where
}

func (e *TooSmallError) Error() string {
	return fmt.Sprintf("%s: with the template %s, the pages are too small for this exercise (make cell_mm, the fonts or margin_mm smaller):\n  %s",
		e.File, e.Template, strings.Join(e.Parts, "\n  "))
}

// ErrUnprintable is the cause of a diagnostic about a text of the
// exercise that the sheets' fonts cannot print.
var ErrUnprintable = errors.New("a character the fonts cannot print")

// layoutOnce lays out one pass: the template's sections in order, the
// cover's page numbers from the pass before (prev, nil at first), whose
// pages after the cover it takes when it may (pass.go).
func layoutOnce(ex *exercise.Exercise, tr *engine.Trace, opt Options, m *fonts.Measurer, fates map[int]outcome, ranges pageRanges, shared *passShared, prev *pass) *pass {
	p := opt.Paper
	sz := opt.Template.Sizes
	area := page.Rect{X: sz.MarginMM, Y: sz.MarginMM, W: p.W - 2*sz.MarginMM, H: p.H - 2*sz.MarginMM}
	l := &layout{ex: ex, tr: tr, tpl: opt.Template, lbl: &opt.Template.Labels, m: m,
		values: newValueBook(tr, sz.ValueChars), st: newStyle(sz), ranges: ranges, shared: shared, rules: ruleBook{tr: tr, names: opt.Template.Rules}, stamp: opt.Stamp, part: opt.Part,
		has: featuresOf(tr), howTo: &howToMemo{}, reads: &rangeReads{},
		Flow: page.Flow{Doc: &page.Document{Title: tr.Title, Paper: p, Area: area}}}
	l.Body = page.Rect{X: area.X, Y: area.Y + l.st.headerH, W: area.W, H: area.H - l.st.headerH - l.st.footH}
	l.st.cell = l.writeCell()
	out := &pass{l: l}
	var run []string // sections after the cover, laid out at once (sections.go)
	for _, s := range opt.Template.Sections {
		if !opt.Part.has(s) {
			continue
		}
		if opt.Template.Kind != templates.KindExam && s != "cover" {
			run = append(run, s)
			continue
		}
		l.sectionsAtOnce(run, fates)
		run = nil
		l.inCover = s == "cover"
		if opt.Template.Kind == templates.KindExam {
			l.examSection(s)
		} else {
			l.section(s, fates)
		}
		l.inCover = false
		if s == "cover" {
			out.cover = l.mark()
			if !opt.noReuse && prev.sameAfter(out.cover) {
				out.reuse(prev)
				return out
			}
		}
	}
	l.sectionsAtOnce(run, fates)
	out.end()
	return out
}

// section lays out one of the template's sections.
func (l *layout) section(s string, fates map[int]outcome) {
	switch s {
	case "cover":
		l.cover()
	case "state":
		l.stateSheets()
	case "slips":
		l.slipPages(slipsOf(l.tr, fates))
	case "debrief":
		l.debrief()
	case "steps":
		l.traceSteps()
	case "notes":
		l.teacherNotes()
	}
}

// checkPrintable refuses an exercise with characters the fonts cannot
// draw (the loader already refuses those gofpdf cannot handle at all).
func checkPrintable(ex *exercise.Exercise, tr *engine.Trace, tpl *templates.Template, m *fonts.Measurer) error {
	texts := []string{tr.Title, tr.Summary}
	texts = append(texts, tr.Servers...)
	for _, st := range tr.Steps {
		texts = append(texts, st.Note, st.Words)
		for _, r := range st.Why {
			texts = append(texts, tpl.ReasonText(r))
		}
		for _, m := range st.Messages {
			for _, e := range m.Entries {
				texts = append(texts, e.Value)
			}
		}
		for _, s := range st.Servers {
			for _, e := range s.Log {
				texts = append(texts, e.Value, e.Client)
			}
		}
		for _, r := range st.ReadResults {
			texts = append(texts, r.ID, r.Value)
		}
	}
	for _, s := range tr.Initial {
		for _, e := range s.Log {
			texts = append(texts, e.Value)
		}
	}
	for _, t := range texts {
		if msg := m.Unprintable(t, true); msg != "" {
			d := diag.Diagnostic{File: ex.File, Msg: fmt.Sprintf("the text %q %s", clip(t, 40), msg),
				Hint: "the Go fonts have Latin, Greek and Cyrillic letters and common symbols; write it with those", Err: ErrUnprintable}
			for _, r := range t {
				if m.Unprintable(string(r), true) != "" {
					d.Line, d.Col = ex.Position(string(r))
					break
				}
			}
			return diag.Diagnostics{d}
		}
	}
	return nil
}

// clip shortens a text quoted in an error message.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// checkRoleLetters refuses a server named like one of the role letters a
// role-play sheet writes in its Terms grid (F, C, L, ×): "L" in a vote box
// would read as the leader's role. Case tells them apart (Figure 7's
// followers a–f keep their names). The trace template writes roles in
// words, and no name can be mistaken for them.
func checkRoleLetters(ex *exercise.Exercise, tpl *templates.Template) error {
	if tpl.Kind != templates.KindRoleplay {
		return nil
	}
	lbl := tpl.Labels
	letters := map[string]string{lbl.FollowerShort: lbl.Follower, lbl.CandidateShort: lbl.Candidate,
		lbl.LeaderShort: lbl.Leader, lbl.DownShort: lbl.Down}
	if ex.Config.Options.PreVote {
		letters[lbl.PreCandidateShort] = lbl.PreCandidate
	}
	for _, id := range ex.Config.Servers {
		if role, ok := letters[id]; ok {
			line, col := ex.Position(id)
			return diag.Diagnostics{{File: ex.File, Line: line, Col: col,
				Msg:  fmt.Sprintf("the server %q has the name of the role letter for %s, which the Raft State sheets write in the same boxes", id, role),
				Hint: "rename the server (for example " + strconv.Quote(strings.ToLower(role)[:min(4, len(role))]) + ")"}}
		}
	}
	return nil
}
