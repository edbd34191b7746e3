package worksheet

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// No student page says what only the key may: the story, the goal, a
// step's explanation, a message's number, a time the run works out.
func TestWorksheetsLeakNothing(t *testing.T) {
	for _, name := range exercises.Names() {
		for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
			t.Run(name+"/"+kind, func(t *testing.T) {
				t.Parallel()
				b := buildExercise(t, name, kind, "a4")
				text := studentText(b.doc, leakChecked)
				secret := []string{b.tr.Summary, b.tr.Goal}
				for _, st := range b.tr.Steps {
					secret = append(secret, st.Explain)
				}
				for _, s := range secret {
					if s = squash(s); len(s) >= 12 && strings.Contains(text, s) {
						t.Errorf("a student page prints a key-only text: %q", s)
					}
				}
				if m := messageNumber.FindString(text); m != "" {
					t.Errorf("a student page prints the message number %s", m)
				}
				given := givenTimes(b.ex)
				if kind == templates.KindTrace { // the timeouts drawn at random, listed before step 1
					for _, d := range regexp.MustCompile(`\d+`).FindAllString(testLayout(t, b, mustTemplate(t, kind)).drawnTimeouts(), -1) {
						n, _ := strconv.Atoi(d)
						given[n] = true
					}
				}
				for _, m := range timeMs.FindAllStringSubmatch(text, -1) {
					if n, _ := strconv.Atoi(m[1]); !given[n] {
						t.Errorf("a student page prints %q, a time the run works out", m[0])
					}
				}
			})
		}
	}
}

// The leak test can fail: an explanation or a message number on the
// cover is caught.
func TestLeakCheckCanFail(t *testing.T) {
	doc := &page.Document{Pages: []*page.Page{{Section: "cover", Texts: []page.Text{{Lines: []page.Line{
		{{S: "Step"}, {S: "3:"}, {S: "S1"}, {S: "wins"}, {S: "the"}, {S: "election"}, {S: "with"}, {S: "#4"}},
	}}}}}}
	text := studentText(doc, leakChecked)
	if !strings.Contains(text, squash("S1 wins the election")) || messageNumber.FindString(text) != "#4" {
		t.Fatalf("the student text %q does not read what the page prints", text)
	}
}

// leakChecked are the sections whose student pages the leak tests read.
var leakChecked = []string{"cover", "debrief", "state", "slips", "steps"}

// studentText is what a worksheet prints on the pages of the given
// sections: every run in an ink the worksheet prints, a space between
// runs, so that wrapped lines read as one text.
func studentText(doc *page.Document, sections []string) string {
	var b strings.Builder
	for _, p := range doc.Of(false) {
		if !slices.Contains(sections, p.Section) {
			continue
		}
		for _, t := range p.Texts {
			for _, ln := range t.Lines {
				for _, r := range ln {
					if r.Ink == page.Print || r.Ink == page.WorksheetOnly {
						if !r.Glue {
							b.WriteByte(' ')
						}
						b.WriteString(r.S)
					}
				}
			}
		}
	}
	return squash(b.String())
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// givenTimes are the times a timed exercise's script gives: `at:` times,
// run lengths and ends, timeouts, the heartbeat interval, latencies.
func givenTimes(ex *exercise.Exercise) map[int]bool {
	out := map[int]bool{}
	for _, st := range ex.Steps {
		if st.At != nil {
			out[*st.At] = true
		}
		out[st.RunFor], out[st.RunUntil] = true, true
	}
	if t := ex.Timing; t != nil {
		out[t.Heartbeat] = true
		for _, p := range t.ElectionTimeout {
			for _, s := range p {
				out[s.Lo], out[s.Hi] = true, true
			}
		}
		out[t.Latency.Lo], out[t.Latency.Hi] = true, true
		for _, s := range t.LinkLatency {
			out[s.Lo], out[s.Hi] = true, true
		}
	}
	return out
}

var (
	messageNumber = regexp.MustCompile(`#\d+`)
	timeMs        = regexp.MustCompile(`\b(\d+) ?ms\b`)
)
