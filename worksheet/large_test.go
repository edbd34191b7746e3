package worksheet

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// largeExercise is as big as the sheets promise to hold: 9 servers with
// the longest names allowed, terms past 20, logs past 30 entries, values
// longer than the abbreviation limit, messages sent to all.
func largeExercise(t testing.TB) *exercise.Exercise {
	t.Helper()
	names := []string{"alpha001", "bravo002", "charlie3", "delta004", "echo0005", "foxtrot6", "golf0007", "hotel008", "india009"}
	var log []string
	for i := 1; i <= 32; i++ {
		term := 1 + i*20/32
		log = append(log, fmt.Sprintf(`"%d:value-number-%02d-that-is-long"`, term, i))
	}
	full := "[" + strings.Join(log, ", ") + "]"
	short := "[" + strings.Join(log[:25], ", ") + "]"
	src := fmt.Sprintf(`title: A very large cluster with long logs, long values and a long title that needs more than one line in the running head of every page
summary: Nine servers, terms past twenty, logs past thirty entries. %s
servers: [%s]
initial:
  alpha001: {term: 21, voted_for: alpha001, role: leader, log: %s, commit: 20}
  bravo002: {term: 21, voted_for: alpha001, log: %s, commit: 20}
  charlie3: {term: 21, voted_for: alpha001, log: %s, commit: 20}
  delta004: {term: 21, voted_for: alpha001, log: %s, commit: 20}
  echo0005: {term: 21, voted_for: alpha001, log: %s}
steps:
  - client: {server: alpha001, value: "a-client-value-much-longer-than-twelve-characters"}
    note: A note that is rather long, to see that notes wrap over several lines on the cover and on the step headings of the trace template without ever leaving their box.
  - heartbeat: alpha001
  - deliver: all
  - deliver: all
  - timeout: india009
  - deliver: all
  - deliver: all
  - stabilize
  - timeout: hotel008
  - deliver: all
  - deliver: all
  - timeout: golf0007
  - stabilize
`, strings.Repeat("A long summary sentence. ", 30), strings.Join(names, ", "), full, full, short, short, short)
	ex, err := exercise.Load("large.yaml", "large", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// TestLargeExerciseFitsEverywhere lays the large exercise out in both
// templates on both papers and checks from the layout model that nothing
// leaves the printable area or its box, and that the sheets grew with it.
func TestLargeExerciseFitsEverywhere(t *testing.T) {
	ex := largeExercise(t)
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	if tr.MaxTerm() <= 20 || tr.MaxLogLength() <= 30 || len(tr.Servers) != 9 {
		t.Fatalf("the exercise is not large enough: term %d, log %d, %d servers", tr.MaxTerm(), tr.MaxLogLength(), len(tr.Servers))
	}
	m, err := fonts.NewMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
		for _, paper := range page.Papers() {
			tpl, err := templates.Builtin(kind)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Layout(ex, tr, Options{Template: tpl, Paper: paper})
			if err != nil {
				t.Fatalf("%s/%s: %v", kind, paper.Name, err)
			}
			if problems := doc.Problems(m); len(problems) > 0 {
				t.Errorf("%s/%s:\n%s", kind, paper.Name, strings.Join(problems, "\n"))
			}
			wantArea := page.Rect{X: 12, Y: 12, W: paper.W - 24, H: paper.H - 24}
			if doc.Area != wantArea {
				t.Errorf("%s/%s: printable area %v, want %v", kind, paper.Name, doc.Area, wantArea)
			}
			if kind == templates.KindRoleplay {
				checkGrown(t, doc, tr)
			}
			if _, _, err := draw(ex, tr, Options{Template: tpl, Paper: paper}); err != nil {
				t.Errorf("%s/%s: %v", kind, paper.Name, err)
			}
		}
	}
}

// checkGrown checks that every server's sheet has a log row for every
// entry (and the spare ones) and a Terms column for the highest term.
func checkGrown(t *testing.T, doc *page.Document, tr *engine.Trace) {
	t.Helper()
	want := tr.MaxLogLength() + 3
	for _, id := range tr.Servers {
		rows, terms := 0, false
		for _, p := range doc.Pages {
			if p.Section != "state" || p.Server != id {
				continue
			}
			for _, tx := range p.Texts {
				s := tx.String()
				if tx.Size < 9 && s == itoa(want) {
					rows++
				}
				if s == itoa(tr.MaxTerm()) {
					terms = true
				}
			}
		}
		if rows != 1 {
			t.Errorf("%s's sheet has no log row %d (the longest log plus spare rows)", id, want)
		}
		if !terms {
			t.Errorf("%s's sheet has no Terms column for term %d", id, tr.MaxTerm())
		}
	}
}
