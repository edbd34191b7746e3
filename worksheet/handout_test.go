package worksheet

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// A worksheet does not depend on anything only the key prints: changing
// the story, the goal and every step's explanation leaves its bytes as
// they were.
func TestWorksheetIgnoresKeyOnlyTexts(t *testing.T) {
	for _, name := range exercises.Names() {
		for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
			t.Run(name+"/"+kind, func(t *testing.T) {
				t.Parallel()
				b := buildExercise(t, name, kind, "a4")
				ex := *b.ex
				ex.Summary = strings.Repeat("A much longer story for the teacher alone. ", 40)
				ex.Goal = "Another goal entirely, for the teacher's notes."
				ex.Steps = slices.Clone(ex.Steps)
				for i := range ex.Steps {
					ex.Steps[i].Explain = fmt.Sprintf("Explanation %d, long enough to fill a line or two of the teacher's notes by itself.", i)
				}
				other, err := buildLoaded(&ex, kind, "a4")
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(other.pdfs.Worksheet, b.pdfs.Worksheet) {
					t.Error("the worksheet changed when only key-only texts did")
				}
				if bytes.Equal(other.pdfs.Key, b.pdfs.Key) {
					t.Error("the key did not change with its texts: the test shows nothing")
				}
			})
		}
	}
}

// fillChecked are the sections whose pages the fill test reads.
var fillChecked = []string{"cover", "debrief", "state", "slips", "steps"}

// No student page is blank or nearly so: its content reaches at least a
// fifth of the way down the body, computed from the layout.
func TestNoNearEmptyPages(t *testing.T) {
	for _, name := range exercises.Names() {
		for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
			for _, paper := range []string{"a4", "letter"} {
				t.Run(name+"/"+kind+"/"+paper, func(t *testing.T) {
					t.Parallel()
					b := buildExercise(t, name, kind, paper)
					for i, p := range b.doc.Of(false) {
						if !slices.Contains(fillChecked, p.Section) {
							continue
						}
						if f := filled(b.doc, p); f < 0.2 {
							t.Errorf("page %d (%s) is %.0f%% filled", i+1, p.Section, 100*f)
						}
					}
				})
			}
		}
	}
}

// filled is how far down a page's body its content reaches, 0 to 1: the
// body lies between the running head (13 mm) and the footer (8 mm).
func filled(doc *page.Document, p *page.Page) float64 {
	top, bottom := doc.Area.Y+13, doc.Area.Bottom()-8
	low := top
	for _, bx := range p.Boxes {
		if bx.R.Y >= top-page.Tolerance && bx.R.Bottom() <= bottom+page.Tolerance {
			low = max(low, bx.R.Bottom())
		}
	}
	for _, t := range p.Texts {
		if t.R.Y >= top-page.Tolerance && t.R.Bottom() <= bottom+page.Tolerance {
			low = max(low, t.R.Bottom())
		}
	}
	return (low - top) / (bottom - top)
}

// A step said in words starts with a capital, except a server's own
// lower-case name: Figure 7's "a" does not keep "a client asks" lower.
func TestSentencesStartRight(t *testing.T) {
	l := &layout{tr: &engine.Trace{Servers: []string{"lead", "a", "b"}}}
	for in, want := range map[string]string{
		`a client asks lead to store "x"`: `A client asks lead to store "x".`,
		"a's election timer fires":        "a's election timer fires.",
		"a crashes":                       "a crashes.",
		"the network heals":               "The network heals.",
	} {
		if got := l.sentence(in); got != want {
			t.Errorf("sentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// A step that names the rules its question is about (why: [keys]) gets
// those in the key's Why? box, and not every rule the engine applied in
// it: partition-timed's partition asks which side holds a majority.
func TestWhyGivesTheRulesTheStepNames(t *testing.T) {
	needTools(t, "pdftotext")
	b := buildExercise(t, "partition-timed", templates.KindRoleplay, "a4")
	path := writePDF(t, t.TempDir(), "key.pdf", b.pdfs.Key)
	text := strings.Join(pageTexts(t, path), "\n")
	const q = "holds a majority of the five servers?"
	at := strings.Index(text, q) // the cover's; the debrief's is next
	if at >= 0 {
		if next := strings.Index(text[at+len(q):], q); next >= 0 {
			at += len(q) + next
		} else {
			at = -1
		}
	}
	block, _, _ := strings.Cut(text[max(at, 0):], "Steps 12–14")
	if at < 0 || !strings.Contains(text[:max(at, 0)], "Why? Step by step") {
		t.Fatal("the key has no Why? box for the partition's question")
	}
	block = strings.Join(strings.Fields(block), " ")
	for _, want := range []string{"A majority of votes wins the election (§5.2)", "When an entry is committed (§5.3, §5.4.2)"} {
		if !strings.Contains(block, want) {
			t.Errorf("the Why? box lacks %q: %s", want, block)
		}
	}
	if strings.Contains(block, "Leader updates matchIndex") {
		t.Errorf("the Why? box gives a rule the question is not about: %s", block)
	}
}
