package worksheet

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// The trace template's page budget (issue 11), worksheet pages on A4
// counted from the layout: the teacher's notes come on top.
func TestTracePageTargets(t *testing.T) {
	for name, most := range map[string]int{"partition": 10, "partition-timed": 12, "figure7-repair": 9} {
		b := buildExercise(t, name, templates.KindTrace, "a4")
		if n := len(b.doc.Of(false)); n > most {
			t.Errorf("%s: the trace worksheet has %d pages on A4, at most %d wanted", name, n, most)
		}
	}
}

// worksheetRuns are the texts a worksheet prints on a page, line by
// line: the runs of every ink the worksheet shows, field ids aside.
func worksheetLines(p *page.Page) []string {
	var out []string
	for _, tx := range p.Texts {
		for _, ln := range tx.Lines {
			var b strings.Builder
			for _, r := range ln {
				if r.Ink.PrintedOn(false) && r.Ink != page.Faint {
					b.WriteString(r.S)
				}
			}
			if s := strings.TrimSpace(b.String()); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// derivedTimes are the times a timed run works out (its events' times,
// the timers' next firings) that nothing the sheet gives states: not a
// scripted step's time, not a timeout drawn at random.
func derivedTimes(l *layout) map[int]bool {
	given := map[int]bool{}
	for _, s := range l.tr.Steps {
		if s.TimeMs != nil && !l.derived(s) {
			given[*s.TimeMs] = true
		}
	}
	for _, d := range regexp.MustCompile(`\d+`).FindAllString(l.drawnTimeouts(), -1) {
		given[atoi(d)] = true
	}
	out := map[int]bool{}
	add := func(p *int) {
		if p != nil && !given[*p] {
			out[*p] = true
		}
	}
	for _, s := range l.tr.Steps {
		if l.derived(s) {
			add(s.TimeMs)
		}
		for _, sv := range s.Servers {
			add(sv.ElectionTimerMs)
			add(sv.HeartbeatMs)
		}
	}
	return out
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = 10*n + int(c-'0')
	}
	return n
}

// testLayout is a layout of b's exercise, for the helpers that say what
// the sheets make of a trace.
func testLayout(t *testing.T, b built, tpl *templates.Template) *layout {
	t.Helper()
	m, err := fonts.NewMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	return &layout{ex: b.ex, tr: b.tr, tpl: tpl, lbl: &tpl.Labels, m: m, values: newValueBook(b.tr, tpl.Sizes.ValueChars),
		st: newStyle(tpl.Sizes), shared: &passShared{}, rules: ruleBook{tr: b.tr, names: tpl.Rules}}
}

// Nothing on a trace worksheet's steps gives an answer away: no message
// number, no time or timer a timed run derives, no text of the key
// alone (explanations, story, goal, the engine's reasons, rule names);
// no box to fill in holds print; and every step that asks has the same
// message rows, whatever it sends.
func TestTraceWorksheetLeaksNothing(t *testing.T) {
	tpl := mustTemplate(t, templates.KindTrace)
	number := regexp.MustCompile(`#\d`)
	ms := regexp.MustCompile(`(\d+) ?ms\b`)
	bare := regexp.MustCompile(`^\d+$`)
	for _, name := range exercises.Names() {
		for _, paper := range []string{"a4", "letter"} {
			b := buildExercise(t, name, templates.KindTrace, paper)
			b.doc = withoutNotes(t, b, tpl, paper)
			l := testLayout(t, b, tpl)
			derived := derivedTimes(l)
			var keyOnly []string
			for _, s := range b.tr.Steps {
				keyOnly = append(keyOnly, s.Explain)
				for _, r := range s.Why {
					switch r.Rule {
					case engine.RulePartition, engine.RuleHeal, engine.RuleQuiet:
						continue // the event as the script gives it
					}
					keyOnly = append(keyOnly, l.rules.named(r.Rule).String(), l.tpl.ReasonText(r))
				}
			}
			keyOnly = append(keyOnly, b.tr.Summary, b.tr.Goal)
			rows := map[int]int{} // message-row fields of each step
			for i, p := range b.doc.Of(false) {
				if p.Section != "steps" {
					continue
				}
				lines := worksheetLines(p)
				text := strings.Join(lines, "\n")
				if m := number.FindString(text); m != "" {
					t.Errorf("%s/%s page %d prints a message number: %q", name, paper, i+1, m)
				}
				for _, m := range ms.FindAllStringSubmatch(text, -1) {
					if derived[atoi(m[1])] {
						t.Errorf("%s/%s page %d prints the derived time %q", name, paper, i+1, m[0])
					}
				}
				for _, ln := range lines {
					if bare.MatchString(ln) && derived[atoi(ln)] && atoi(ln) > 20 {
						t.Errorf("%s/%s page %d prints %s, a time the run derives", name, paper, i+1, ln)
					}
				}
				for _, k := range keyOnly {
					if k = strings.TrimSpace(k); len(k) > 12 && strings.Contains(strings.Join(strings.Fields(text), " "), k) {
						t.Errorf("%s/%s page %d prints the key's %q", name, paper, i+1, k)
					}
				}
				for _, f := range p.Fields {
					if id := f.ID; strings.Contains(id, ".msg[") && strings.HasSuffix(id, ".type") {
						rows[f.Step]++
					}
				}
				for _, box := range p.Boxes {
					if box.Write && !box.Free && printsInside(p, box.R, false) {
						t.Errorf("%s/%s page %d: the box to fill in at %s holds print", name, paper, i+1, box.R)
					}
				}
			}
			var counts []int
			for _, s := range b.tr.Steps {
				if len(s.Ask) > 0 {
					counts = append(counts, rows[s.N])
				}
			}
			if slices.Min(counts) != slices.Max(counts) || slices.Min(counts) == 0 {
				t.Errorf("%s/%s: the steps that ask have %d to %d message rows, want the same number, at least one", name, paper, slices.Min(counts), slices.Max(counts))
			}
		}
	}
}

// withoutNotes lays b out again with its steps' notes left out: what the
// teacher writes in a note is the exercise's text, checked by the tests
// of every template; what is left is what the trace's layout prints.
func withoutNotes(t *testing.T, b built, tpl *templates.Template, paper string) *page.Document {
	t.Helper()
	tr := *b.tr
	tr.Steps = slices.Clone(tr.Steps)
	for i := range tr.Steps {
		tr.Steps[i].Note = ""
	}
	p, err := page.ParsePaper(paper)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Layout(b.ex, &tr, Options{Template: tpl, Paper: p})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Every box a trace step may ask about is drawn alike, whatever the key
// puts in it: one column's boxes have one size in every step, the id's
// last part sits in the same corner strip, and what the box holds (a
// given value or the key's answer) in the same place under it.
func TestTraceBoxesDrawnAlike(t *testing.T) {
	type shape struct{ w, h float64 }
	kind := regexp.MustCompile(`^step\d+\.(msg\[\d+\]\.|[^.]+\.)?`)
	for _, name := range exercises.Names() {
		b := buildExercise(t, name, templates.KindTrace, "a4")
		strip := lh(mustTemplate(t, templates.KindTrace).Sizes.IDPt) + 2*idPadY
		shapes := map[string]shape{}
		for i, p := range b.doc.Pages {
			if p.Section != "steps" {
				continue
			}
			// A box's label is printed right after its field is noted:
			// the k-th label is the k-th field's.
			labels := map[page.Rect]string{}
			k := 0
			for _, tx := range p.Texts {
				if !tx.IsFieldID() {
					continue
				}
				id := p.Fields[k].ID
				k++
				if !strings.HasSuffix(id, "."+tx.String()) {
					t.Fatalf("%s page %d: the label %q is not the end of %s", name, i+1, tx.String(), id)
				}
				what := kind.ReplaceAllStringFunc(id, func(prefix string) string {
					if strings.Contains(prefix, ".msg[") {
						return "msg."
					}
					return ""
				})
				labels[page.Rect{X: tx.R.X, Y: tx.R.Y}] = what
				if math.Abs(tx.R.H-strip) > page.Tolerance {
					t.Errorf("%s page %d: the label %q is %.2f mm high, the strip %.2f", name, i+1, tx.String(), tx.R.H, strip)
				}
			}
			for _, box := range p.Boxes {
				what, isField := labels[page.Rect{X: box.R.X, Y: box.R.Y}]
				if box.Free || !(box.Write || box.Fill == page.Shade) {
					continue
				}
				if box.Write && !isField {
					t.Errorf("%s page %d: a box to fill in at %s has no label in its corner", name, i+1, box.R)
				}
				if isField {
					s := shape{round(box.R.W), round(box.R.H)}
					if old, seen := shapes[what]; seen && old != s {
						t.Errorf("%s page %d: a %s box is %v, another %v", name, i+1, what, s, old)
					}
					shapes[what] = s
				}
				for _, tx := range p.Texts {
					if tx.R.X < box.R.X-page.Tolerance || tx.R.Right() > box.R.Right()+page.Tolerance ||
						tx.R.Y < box.R.Y-page.Tolerance || tx.R.Bottom() > box.R.Bottom()+page.Tolerance {
						continue
					}
					if math.Abs(tx.R.Y-box.R.Y) < page.Tolerance && math.Abs(tx.R.H-strip) < page.Tolerance {
						continue // the strip: the label, the key's numbers
					}
					want := page.Rect{X: box.R.X, Y: box.R.Y + strip, W: box.R.W, H: box.R.H - strip}
					if math.Abs(tx.R.X-want.X)+math.Abs(tx.R.Y-want.Y)+math.Abs(tx.R.W-want.W)+math.Abs(tx.R.H-want.H) > page.Tolerance {
						t.Errorf("%s page %d: %q sits at %s in its box, not at %s", name, i+1, tx.String(), tx.R, want)
					}
				}
			}
		}
		if len(shapes) < 10 {
			t.Errorf("%s: %d kinds of labelled box on the steps' pages", name, len(shapes))
		}
	}
}

func round(x float64) float64 { return math.Round(x*100) / 100 }

// The template's options: field_ids: false leaves every id off and the
// boxes shrink by the id strip; trace_rows: full asks every server's
// whole state, so every box it asks has an answer.
func TestTraceTemplateOptions(t *testing.T) {
	ex, err := exercises.Load("restart")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	parse := func(src string) *templates.Template {
		tpl, err := templates.Parse("t.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return tpl
	}
	a4, err := page.ParsePaper("a4")
	if err != nil {
		t.Fatal(err)
	}
	with := func(tpl *templates.Template) *page.Document {
		doc, _, err := draw(ex, tr, Options{Template: tpl, Paper: a4})
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	ids, noIDs := with(parse("kind: trace\n")), with(parse("kind: trace\nfield_ids: false\n"))
	rowH := func(doc *page.Document) float64 {
		for _, p := range doc.Pages {
			for _, box := range p.Boxes {
				if box.Write && !box.Free && p.Section == "steps" {
					return box.R.H
				}
			}
		}
		return 0
	}
	if got, want := rowH(noIDs), rowH(ids)-(lh(4.5)+2*idPadY); math.Abs(got-max(want, 6)) > page.Tolerance {
		t.Errorf("without ids a box is %.2f mm high, want %.2f", got, max(want, 6))
	}
	for _, p := range noIDs.Pages {
		for _, tx := range p.Texts {
			if tx.IsFieldID() {
				t.Fatalf("field_ids: false prints the id %q", tx.String())
			}
		}
	}
	if len(noIDs.Fields()) != len(ids.Fields()) {
		t.Errorf("without ids the sheet has %d fields, with them %d", len(noIDs.Fields()), len(ids.Fields()))
	}
	full := with(parse("kind: trace\ntrace_rows: full\n"))
	asked := 0
	for _, f := range full.Fields() {
		if strings.Contains(f.ID, ".msg[") || strings.HasSuffix(f.ID, ".time") || strings.HasSuffix(f.ID, ".event") {
			continue
		}
		asked++
		if f.Spare() {
			t.Errorf("full rows: %s has no answer", f.ID)
		}
	}
	if asked == 0 || !slices.ContainsFunc(full.Fields(), func(f *field.Field) bool { return f.ID == "step1.S1.stateMachine" }) {
		t.Errorf("full rows ask %d boxes, and no step1.S1.stateMachine", asked)
	}
	if _, err := templates.Parse("t.yaml", []byte("kind: trace\ntrace_rows: some\n")); err == nil || !strings.Contains(err.Error(), "trace_rows must be changes or full") {
		t.Errorf("trace_rows: some reads as %v", err)
	}
	if _, err := templates.Parse("t.yaml", []byte("kind: roleplay\ntrace_rows: full\n")); err == nil {
		t.Error("a role-play template takes trace_rows")
	}
}

// What a step changes, as the key of the changes rows has it: a blank
// where nothing changed, the new value where something did; a log from
// its first changed index, the deleted entries struck and marked.
func TestTraceAsksWhatChanges(t *testing.T) {
	fields := func(name string) map[string]*field.Field {
		out := map[string]*field.Field{}
		for _, f := range buildExercise(t, name, templates.KindTrace, "a4").doc.Fields() {
			out[f.ID] = f
		}
		return out
	}
	p := fields("partition")
	for id, want := range map[string]string{
		"step1.S1.role": "candidate", "step1.S1.term": "1", "step1.S2.term": "", "step2.S2.votedFor": "S1",
		"step1.msg[1].type": "RV", "step1.msg[1].to": "S2, S3, S4, S5", "step1.msg[2].type": "", "step6.S1.log.from": "1",
		"step6.S1.log.entries": "1:sally", "step6.msg[1].type": "",
	} {
		if f := p[id]; f == nil || f.KeyText() != want {
			t.Errorf("partition %s: %+v, want %q", id, f, want)
		}
	}
	// f's log at figure7-repair: entries 4–11 of terms 2 and 3 give way
	// to 4 4 5 5 6 6 6; the key strikes them and says so.
	b := buildExercise(t, "figure7-repair", templates.KindTrace, "a4")
	l := testLayout(t, b, mustTemplate(t, templates.KindTrace))
	found := false
	for _, s := range b.tr.Steps {
		lc, ok := newLogChange(l.before(s.N)["f"], s.Servers["f"])
		if !ok || lc.from != 4 {
			continue
		}
		found = true
		box := l.logChangeValues(lc, 1000)
		var struck, marked bool
		for _, r := range box.runs {
			struck = struck || r.Strike && r.Ink == page.Answer
			marked = marked || r.S == l.lbl.Deleted+":" && r.Ink == page.Answer
		}
		if !struck || !marked || len(lc.deleted) != 8 {
			t.Errorf("figure7-repair step %d: the key does not strike and mark f's %d deleted entries: %v", s.N, len(lc.deleted), box.runs)
		}
		if got := strings.Join(box.answer, " "); got != "4 4 5 5 6 6 6" {
			t.Errorf("figure7-repair step %d: f's new entries read %q", s.N, got)
		}
		f := fields("figure7-repair")[field.StepID(s.N, "f", "log.entries")]
		if f == nil || f.KeyText() != "4 4 5 5 6 6 6" {
			t.Errorf("figure7-repair step %d: f's log.entries is %+v", s.N, f)
		}
	}
	if !found {
		t.Error("figure7-repair: no step writes f's log from index 4")
	}
}

// The timeouts drawn at random are given before step 1, as many for
// every server: how often a server draws would tell how often its timer
// restarts, and so who wins. The run's own draws come first, in order.
func TestDrawnTimeoutsSayNothingOfTheRun(t *testing.T) {
	tpl := mustTemplate(t, templates.KindTrace)
	for _, name := range []string{"election-timed", "split-vote-timed"} {
		b := buildExercise(t, name, templates.KindTrace, "a4")
		l := testLayout(t, b, tpl)
		list := l.drawnTimeouts()
		counts := map[int]bool{}
		for _, part := range strings.Split(strings.TrimSuffix(list, "."), "; ") {
			counts[strings.Count(part, ",")+1] = true
		}
		if len(counts) != 1 {
			t.Errorf("%s: the servers draw different numbers of timeouts: %s", name, list)
		}
		first := b.tr.Initial[b.tr.Servers[0]].ElectionTimerMs
		if first == nil || !strings.HasPrefix(list, b.tr.Servers[0]+": "+l.msText(*first)+",") {
			t.Errorf("%s: the list %q does not start with the run's first draw %v", name, list, first)
		}
	}
}

// No page of steps is near-empty: the last one takes steps from the one
// before it rather than carry one step alone (a quarter of a page at
// least, from the layout model).
func TestTraceStepPagesAreNotNearEmpty(t *testing.T) {
	for _, name := range exercises.Names() {
		for _, paper := range []string{"a4", "letter"} {
			b := buildExercise(t, name, templates.KindTrace, paper)
			st := newStyle(mustTemplate(t, templates.KindTrace).Sizes)
			body := page.Rect{Y: b.doc.Area.Y + st.headerH, H: b.doc.Area.H - st.headerH - st.footH}
			for i, p := range b.doc.Of(false) {
				if p.Section != "steps" {
					continue
				}
				bottom := body.Y
				for _, box := range p.Boxes {
					if box.R.Bottom() < body.Bottom()-page.Tolerance {
						bottom = max(bottom, box.R.Bottom())
					}
				}
				if share := (bottom - body.Y) / body.H; share < 0.25 {
					t.Errorf("%s/%s: page %d of steps is %.0f%% full", name, paper, i+1, 100*share)
				}
			}
		}
	}
}

// A Why? box only where the script asks why (why: true), one for a
// script step however many trace steps it makes (a run's events, a
// stabilize step's rounds), all of the same height.
func TestTraceWhyOnlyWhereAsked(t *testing.T) {
	for _, name := range exercises.Names() {
		b := buildExercise(t, name, templates.KindTrace, "a4")
		asked := map[int]bool{}
		for _, s := range b.tr.Steps {
			if s.AskWhy {
				asked[s.ScriptStep] = true
			}
		}
		boxes, heights := 0, map[float64]bool{}
		for _, p := range b.doc.Of(false) {
			for _, box := range p.Boxes {
				if p.Section == "steps" && box.Write && box.Free && box.R.Y > b.doc.Area.Y+1 { // not the Name box
					boxes++
					heights[round(box.R.H)] = true
				}
			}
		}
		if boxes != len(asked) || len(heights) > 1 {
			t.Errorf("%s: %d Why? boxes of %d heights for %d script steps that ask why", name, boxes, len(heights), len(asked))
		}
	}
}

// The cover says steps may happen by themselves (their time and event
// boxes to fill in) on a timed exercise only.
func TestTimedStepsSaidOfTimedRunsOnly(t *testing.T) {
	tpl := mustTemplate(t, templates.KindTrace)
	for _, name := range []string{"election", "election-timed", "replication", "partition-timed"} {
		b := buildExercise(t, name, templates.KindTrace, "a4")
		var text []string
		for _, p := range b.doc.Of(false) {
			text = append(text, worksheetLines(p)...)
		}
		said := strings.Contains(strings.Join(text, " "), "by itself")
		if timed := b.tr.Timing != nil; said != timed {
			t.Errorf("%s (timed: %t): the worksheet says steps happen by themselves: %t", name, timed, said)
		}
	}
	if strings.Contains(strings.Join(tpl.Text.HowToRun, " "), "by itself") {
		t.Errorf("how_to_run says steps happen by themselves outright; it goes in {timed_steps}")
	}
}

// The key's "(= 2)" marks (a box a rule weighed but left unchanged) are
// explained in print where the key says how to read it.
func TestKeptValuesExplained(t *testing.T) {
	b := buildExercise(t, "leader-crash", templates.KindTrace, "a4")
	marked, explained := false, false
	for _, p := range b.doc.Of(true) {
		for _, tx := range p.Texts {
			for _, ln := range tx.Lines {
				for _, r := range ln {
					if strings.HasPrefix(r.S, "(=") {
						if r.Ink == page.Answer {
							marked = true
						} else if r.Ink == page.Print {
							explained = true
						}
					}
				}
			}
		}
	}
	if !marked {
		t.Fatalf("leader-crash's key marks no box (= …); pick an exercise that does")
	}
	if !explained {
		t.Errorf("the key marks boxes (= …) but its legend never says what they mean")
	}
}

// A trace's Why? boxes are all as tall, on worksheet and key, and hold
// the rules the key names in them: none is cut short for the teacher's
// notes (leader-crash's step 17 lost two of its three rules on A4).
func TestTraceWhyBoxesHoldTheirRules(t *testing.T) {
	tpl := mustTemplate(t, templates.KindTrace)
	cut := "… (" + tpl.Labels.TeacherNotes + ")"
	for _, name := range exercises.Names() {
		for _, paper := range []string{"a4", "letter"} {
			b := buildExercise(t, name, templates.KindTrace, paper)
			heights := map[float64]bool{}
			for _, key := range []bool{false, true} {
				for _, p := range b.doc.Of(key) {
					if p.Section != "steps" {
						continue
					}
					for _, bx := range p.Boxes {
						if bx.Free && bx.Stroke == page.Thin {
							heights[math.Round(bx.R.H*100)/100] = true
						}
					}
					for _, tx := range p.Texts {
						for _, ln := range tx.Lines {
							var s strings.Builder
							for _, r := range ln {
								s.WriteString(r.S + " ")
							}
							if strings.Contains(strings.Join(strings.Fields(s.String()), " "), cut) {
								t.Errorf("%s on %s: a Why? box is cut short: %q", name, paper, s.String())
							}
						}
					}
				}
			}
			if len(heights) > 1 {
				t.Errorf("%s on %s: Why? boxes of different heights %v", name, paper, heights)
			}
		}
	}
}

// Which server rows a trace step leaves open is a given: the servers its
// script step asks about (all when it says nothing), whatever the run
// does there; every other row is shaded. (replication's step 17 opens
// the leader S1 alone because its script says ask: [S1].)
func TestTraceOpenRowsAreTheScriptsAsk(t *testing.T) {
	tpl := mustTemplate(t, templates.KindTrace)
	for _, name := range exercises.Names() {
		b := buildExercise(t, name, templates.KindTrace, "a4")
		l := testLayout(t, b, tpl)
		g := l.newTraceGrid()
		for _, s := range b.tr.Steps {
			st := b.ex.Script.Steps[s.ScriptStep-1]
			for _, id := range b.tr.Servers {
				open := !st.AskSet || slices.Contains(st.Ask, id)
				boxes := l.serverBoxes(g, s, id)
				for _, bx := range boxes[1:] {
					if shaded := bx.fill == page.Shade; shaded == open {
						t.Errorf("%s step %d: %s's %s box shaded %t, but the script asks about it: %t", name, s.N, id, bx.label, shaded, open)
						break
					}
				}
			}
		}
	}
}

// Message rows follow the sheet's instructions: in sending order, a
// message goes on the first row that writes the same (the same request
// to another peer, the same reply from another), else on a row of its
// own; rows go in the order of their first message. Alike is what a row
// shows: replication's step 13 sends S2's reply (matchIndex 3), then
// S3's two (matchIndex 2, then 3), which read alike: rows {S2, S3} and
// {S3}, in sending order (the rows once split on matchIndex, writing
// #14 and #16 first and #15, sent before #16, second).
func TestMessageRowsFollowTheInstructions(t *testing.T) {
	tpl := mustTemplate(t, templates.KindTrace)
	for _, name := range exercises.Names() {
		b := buildExercise(t, name, templates.KindTrace, "a4")
		l := testLayout(t, b, tpl)
		for _, s := range b.tr.Steps {
			groups := sentGroups(s.Messages)
			n := 0
			for i, g := range groups {
				n += len(g.ids)
				if i > 0 && groups[i-1].ids[0] > g.ids[0] {
					t.Errorf("%s step %d: row %d starts with #%d, after row %d's #%d", name, s.N, i+1, g.ids[0], i, groups[i-1].ids[0])
				}
				shown := func(g *sentGroup) string {
					parts := l.messageParts(g, true)
					delete(parts, "from")
					delete(parts, "to")
					var b strings.Builder
					for _, k := range slices.Sorted(maps.Keys(parts)) {
						b.WriteString(k + "=" + strings.Join(parts[k].answer, " ") + ";")
					}
					return b.String()
				}
				for _, id := range g.ids {
					m := s.Messages[slices.IndexFunc(s.Messages, func(m engine.Message) bool { return m.ID == id })]
					if one := (&sentGroup{ids: []int{id}, msg: m, from: []string{m.From}, to: []string{m.To}}); shown(one) != shown(g) {
						t.Errorf("%s step %d: #%d reads %s on a row that shows %s", name, s.N, id, shown(one), shown(g))
					}
				}
			}
			if n != len(s.Messages) {
				t.Errorf("%s step %d: rows hold %d messages of %d", name, s.N, n, len(s.Messages))
			}
		}
	}
	reply := func(id int, from string, match int) engine.Message {
		return engine.Message{ID: id, Type: engine.AppendEntriesReply, From: from, To: "S1", Term: 1, Success: true, MatchIndex: match}
	}
	groups := sentGroups([]engine.Message{reply(14, "S2", 3), reply(15, "S3", 2), reply(16, "S3", 3)})
	var got [][]int
	for _, g := range groups {
		got = append(got, g.ids)
	}
	if want := [][]int{{14, 15}, {16}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("replies #14 S2 (match 3), #15 S3 (match 2), #16 S3 (match 3) make rows %v, want %v", got, want)
	}
	groups = sentGroups([]engine.Message{reply(1, "S2", 1), reply(2, "S2", 1), reply(3, "S3", 1)})
	got = nil
	for _, g := range groups {
		got = append(got, g.ids)
	}
	if want := [][]int{{1, 3}, {2}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("replies #1 S2, #2 S2, #3 S3, alike, make rows %v, want %v (#3 on the first row that lacks S3)", got, want)
	}
}

// Message rows in the servers' places start a line of their own unless
// that takes one more line: they read msg[1], msg[2] left to right under
// the servers (leader-crash, 5 servers two to a line, had msg[1] beside
// S5 and msg[2] under S5).
func TestMessageRowsStartTheirLine(t *testing.T) {
	tpl := mustTemplate(t, templates.KindTrace)
	for _, name := range exercises.Names() {
		for _, paper := range []string{"a4", "letter"} {
			b := buildExercise(t, name, templates.KindTrace, paper)
			l := testLayout(t, b, tpl)
			l.Body = b.doc.Area
			g := l.newTraceGrid()
			if g.msgLine {
				continue
			}
			for _, s := range b.tr.Steps {
				lines, _ := l.stepBlocks(g, s)
				msgs := len(l.messageSlots(g, s))
				free := ceilDiv(len(b.tr.Servers), g.perLine)+ceilDiv(msgs, g.perLine) == ceilDiv(len(b.tr.Servers)+msgs, g.perLine)
				for _, line := range lines {
					server, message := false, false
					for _, blk := range line {
						if len(blk) > 0 && blk[0].fill == page.Header {
							server = true
						} else if len(blk) > 0 {
							message = true
						}
					}
					if server && message && free {
						t.Errorf("%s on %s step %d: a message row shares a line with a server though it could start its own", name, paper, s.N)
					}
				}
			}
		}
	}
}
