package worksheet

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// The role-play's part of the leak test (issue 11): a student hunting for
// shortcuts learns nothing from where a value is printed, how big a box
// is, or what a slip says before it is filled in. Each test reads the
// layout model (the boxes, texts and fields of page.Document) of every
// built-in exercise on both papers.

var papers = []string{"a4", "letter"}

// writeBox is a box a student writes in and what the worksheet prints in it.
type writeBox struct {
	r      page.Rect
	id     string      // the field id printed in its corner, "" if none
	given  []page.Text // texts with something the worksheet prints
	page   int
	server string
}

// writeBoxes are the boxes to write in of a section's pages of the
// worksheet, in order, with their ids and printed texts.
func writeBoxes(doc *page.Document, section string) []writeBox {
	var out []writeBox
	for i, p := range doc.Of(false) {
		if p.Section != section {
			continue
		}
		for _, b := range p.Boxes {
			if !b.Write || b.Free {
				continue
			}
			wb := writeBox{r: b.R, page: i + 1, server: p.Server}
			for _, t := range p.Texts {
				if !inside(t.R, b.R) {
					continue
				}
				if t.IsFieldID() && near(t.R.X, b.R.X) && near(t.R.Y, b.R.Y) {
					wb.id = t.String()
				} else if !t.IsFieldID() && printsOnWorksheet(t) {
					wb.given = append(wb.given, t)
				}
			}
			out = append(out, wb)
		}
	}
	return out
}

func inside(r, b page.Rect) bool {
	return r.X >= b.X-page.Tolerance && r.Y >= b.Y-page.Tolerance && r.Right() <= b.Right()+page.Tolerance && r.Bottom() <= b.Bottom()+page.Tolerance
}

func near(a, b float64) bool { return math.Abs(a-b) < page.Tolerance }

// printsOnWorksheet reports whether the worksheet prints some of t.
func printsOnWorksheet(t page.Text) bool {
	for _, l := range t.Lines {
		for _, r := range l {
			if r.Ink.PrintedOn(false) && r.Ink != page.Faint && strings.TrimSpace(r.S) != "" {
				return true
			}
		}
	}
	return false
}

// givenAt is where the worksheet's print begins in t, relative to box b:
// the left end of the first line's first run, and the top of that line.
// ok is false if the print does not come first (a given value after an
// answer would move with the answer).
func givenAt(t page.Text, b page.Rect) (x, y float64, ok bool) {
	if len(t.Lines) == 0 || len(t.Lines[0]) == 0 || !t.Lines[0][0].Ink.PrintedOn(false) || t.Align != page.Left {
		return 0, 0, false
	}
	top := t.R.Y + t.PadY
	if t.Middle {
		top = t.R.Y + (t.R.H-float64(len(t.Lines))*t.LineH)/2
	}
	return t.R.X + t.PadX - b.X, top - b.Y, true
}

// TestGivenValuesSitAlike: on every role-play worksheet, every box to
// write in has its field id in its corner, and a value the worksheet
// prints in such a box sits in the same place as in any other box of its
// height: whether the key strikes it, adds to it or leaves it alone
// cannot be read from where it is.
func TestGivenValuesSitAlike(t *testing.T) {
	checked := 0
	for _, name := range exercises.Names() {
		for _, paper := range papers {
			b := buildExercise(t, name, templates.KindRoleplay, paper)
			type class struct{ h, size float64 }
			at := map[class]string{}
			for _, section := range []string{"state", "slips"} {
				for _, wb := range writeBoxes(b.doc, section) {
					if wb.id == "" {
						t.Errorf("%s/%s page %d: a box to write in at %s has no field id", name, paper, wb.page, wb.r)
					}
					for _, g := range wb.given {
						x, y, ok := givenAt(g, wb.r)
						if !ok {
							t.Errorf("%s/%s page %d: in %s the given %q is not drawn first and left", name, paper, wb.page, wb.id, g.String())
							continue
						}
						c := class{math.Round(wb.r.H*100) / 100, g.Size}
						pos := fmt.Sprintf("(%.2f, %.2f)", x, y)
						if want, seen := at[c]; seen && want != pos {
							t.Errorf("%s/%s page %d: the given %q of %s sits at %s in its box; other boxes as high have theirs at %s", name, paper, wb.page, g.String(), wb.id, pos, want)
						}
						at[c] = pos
					}
				}
			}
			checked += len(at)
		}
	}
	if checked == 0 {
		t.Error("no given value in a box to write in anywhere: the test checks nothing")
	}
}

// TestStateSheetsAreDrawnAlike: every server's Raft State sheet has the
// same boxes at the same places and of the same sizes (which are shaded
// or printed is the initial state's to say), so that no box's size tells
// what the key writes in it (a back-off's long history, a story of roles,
// a log value struck twice).
func TestStateSheetsAreDrawnAlike(t *testing.T) {
	for _, name := range exercises.Names() {
		for _, paper := range papers {
			b := buildExercise(t, name, templates.KindRoleplay, paper)
			sheets := map[string][]string{}
			for _, p := range b.doc.Of(false) {
				if p.Section == "state" {
					for _, box := range p.Boxes {
						sheets[p.Server] = append(sheets[p.Server], box.R.String())
					}
				}
			}
			first := b.tr.Servers[0]
			for _, id := range b.tr.Servers[1:] {
				if got, want := strings.Join(sheets[id], " "), strings.Join(sheets[first], " "); got != want {
					t.Errorf("%s/%s: %s's sheet has boxes to write in of other sizes or places than %s's", name, paper, id, first)
				}
			}
		}
	}
}

var slipNumber = regexp.MustCompile(`^(AE|RV|IS|PV) (\d+)$`)

// TestSlipsAreBlank: a worksheet's slips are blank: nothing in a box to
// write in, nothing shaded, no message number, sender, receiver or time;
// each names its kind and its number in its kind's stack (1, 2, …, no
// gaps), and its response grid has a column for every server. There are
// at least as many of each kind as the key fills in, and the last page is
// full: no room is left for another row of slips.
func TestSlipsAreBlank(t *testing.T) {
	for _, name := range exercises.Names() {
		for _, paper := range papers {
			b := buildExercise(t, name, templates.KindRoleplay, paper)
			where := name + "/" + paper
			numbers := map[string]int{}
			var last *page.Page
			tallest := 0.0
			for i, p := range b.doc.Of(false) {
				if p.Section != "slips" {
					continue
				}
				last = p
				for _, box := range p.Boxes {
					if box.Fill == page.Shade {
						t.Errorf("%s page %d: a shaded box on a slip", where, i+1)
					}
					if box.Stroke != page.Dashed {
						continue
					}
					tallest = max(tallest, box.R.H)
					checkBlankSlip(t, fmt.Sprintf("%s page %d", where, i+1), p, box.R, b.tr.Servers, numbers)
				}
				for _, wb := range writeBoxes(&page.Document{Pages: []*page.Page{p}}, "slips") {
					if len(wb.given) > 0 {
						t.Errorf("%s page %d: the slip's box %s prints %q", where, i+1, wb.id, wb.given[0].String())
					}
				}
			}
			key := stackOf(slipsOf(b.tr, mustFates(t, b.tr)))
			if numbers["RV"] < len(key.rv) || numbers["AE"] < len(key.ae) {
				t.Errorf("%s: %d RequestVote and %d AppendEntries slips; the key fills in %d and %d", where, numbers["RV"], numbers["AE"], len(key.rv), len(key.ae))
			}
			if numbers["IS"] < len(key.is) || numbers["PV"] < len(key.pv) {
				t.Errorf("%s: %d InstallSnapshot and %d PreVote slips; the key fills in %d and %d", where, numbers["IS"], numbers["PV"], len(key.is), len(key.pv))
			}
			if last == nil {
				t.Fatalf("%s: no slip pages", where)
			}
			bottom := 0.0
			for _, box := range last.Boxes {
				if box.Stroke == page.Dashed {
					bottom = max(bottom, box.R.Bottom())
				}
			}
			if free := b.doc.Area.Bottom() - newStyle(mustTemplate(t, templates.KindRoleplay).Sizes).footH - bottom; free > tallest+3.5 {
				t.Errorf("%s: the last page of slips leaves %.0f mm free, room for another row of slips (%.0f mm)", where, free, tallest)
			}
		}
	}
}

// checkBlankSlip checks the worksheet's print inside one slip r.
func checkBlankSlip(t *testing.T, where string, p *page.Page, r page.Rect, servers []string, numbers map[string]int) {
	t.Helper()
	names := map[string]int{}
	numbered := false
	for _, tx := range p.Texts {
		if !inside(tx.R, r) || tx.IsFieldID() || !printsOnWorksheet(tx) {
			continue
		}
		s := printedText(tx)
		if slices.Contains(servers, s) { // a column of the response grid
			names[s]++
			continue
		}
		if m := slipNumber.FindStringSubmatch(s); m != nil {
			numbers[m[1]]++
			if want := fmt.Sprint(numbers[m[1]]); m[2] != want {
				t.Errorf("%s: slip %s follows %s %d", where, s, m[1], numbers[m[1]]-1)
			}
			numbered = true
			continue
		}
		if strings.ContainsAny(s, "0123456789#") {
			t.Errorf("%s: a slip prints %q: a number, a time or a message number", where, s)
		}
	}
	if !numbered {
		t.Errorf("%s: a slip at %s has no number", where, r)
	}
	for _, id := range servers {
		if names[id] != 1 {
			t.Errorf("%s: the slip %s prints the server %s %d times: its response grid has one column for each server, and nothing else names one", where, r, id, names[id])
		}
	}
}

// printedText is what the worksheet prints of t.
func printedText(t page.Text) string {
	var b strings.Builder
	for i, l := range t.Lines {
		if i > 0 {
			b.WriteString(" ")
		}
		for _, r := range l {
			if r.Ink.PrintedOn(false) && r.Ink != page.Faint {
				b.WriteString(r.S)
			}
		}
	}
	return strings.TrimSpace(b.String())
}

func mustFates(t *testing.T, tr *engine.Trace) map[int]outcome {
	t.Helper()
	f, err := matchReplies(tr)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestStateSheetsFillOnePage: every built-in's Raft State sheets take
// one page each on both papers, and their write-in rows grow into what
// would be left blank.
func TestStateSheetsFillOnePage(t *testing.T) {
	for _, name := range exercises.Names() {
		for _, paper := range papers {
			b := buildExercise(t, name, templates.KindRoleplay, paper)
			pages := map[string]int{}
			for _, p := range b.doc.Pages {
				if p.Section == "state" {
					pages[p.Server]++
				}
			}
			for _, id := range b.tr.Servers {
				if pages[id] != 1 {
					t.Errorf("%s/%s: %s's Raft State sheet takes %d pages", name, paper, id, pages[id])
				}
			}
		}
	}
}

// TestFieldIDsCanBeHidden: with field_ids: false neither PDF prints an
// id, the boxes lose the id's strip, and every field the key fills in
// keeps its id and answer, in both templates (spare boxes may be more or
// fewer: the narrower columns fit more spare terms and slips).
func TestFieldIDsCanBeHidden(t *testing.T) {
	for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
		with := buildExercise(t, "figure7-repair", kind, "a4")
		tpl := *mustTemplate(t, kind)
		tpl.FieldIDs = false
		doc, err := Layout(with.ex, with.tr, Options{Template: &tpl, Paper: page.Papers()[0]})
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range doc.Pages {
			for _, tx := range p.Texts {
				if tx.IsFieldID() {
					t.Fatalf("%s page %d prints the field id %s", kind, i+1, tx.String())
				}
			}
		}
		a, b := keyFilled(with.doc.Fields()), keyFilled(doc.Fields())
		if len(a) != len(b) {
			t.Fatalf("%s: %d fields with ids printed, %d without", kind, len(a), len(b))
		}
		for id, key := range a { // the order may differ: a grid needs no bands without ids
			if got, ok := b[id]; !ok || got != key {
				t.Errorf("%s: field %s (%q) is %q without printed ids", kind, id, key, got)
			}
		}
		if kind == templates.KindRoleplay {
			short, tall := minWriteH(doc), minWriteH(with.doc)
			if strip := lh(tpl.Sizes.IDPt) + 2*idPadY; short > tall-strip+page.Tolerance && short > 6+page.Tolerance {
				t.Errorf("without ids the lowest box to write in is %.2f mm, with them %.2f: the id strip (%.2f) is not saved", short, tall, strip)
			}
		}
	}
}

// keyFilled are the fields the key fills in: their answers by id.
func keyFilled(fs []*field.Field) map[string]string {
	out := map[string]string{}
	for _, f := range fs {
		if !f.Spare() {
			out[f.ID] = f.KeyText()
		}
	}
	return out
}

// minWriteH is the height of the lowest box to write in of the slips,
// whose rows do not grow to fill the page.
func minWriteH(doc *page.Document) float64 {
	h := math.Inf(1)
	for _, p := range doc.Pages {
		if p.Section != "slips" {
			continue
		}
		for _, b := range p.Boxes {
			if b.Write && b.R.H > 0 {
				h = min(h, b.R.H)
			}
		}
	}
	return h
}
