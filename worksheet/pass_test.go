package worksheet

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// A layout pass takes the previous pass's pages after the cover when its
// cover ends where that one's did (pass.go). Every built-in, with every
// template and a class set's part, must come out exactly as when every
// pass is laid out whole.
func TestPassesReuseWhatTheyMay(t *testing.T) {
	forEveryLayout(t, true, func(t *testing.T, ex *exercise.Exercise, tr *engine.Trace, opt Options) {
		reused, err := Layout(ex, tr, opt)
		if err != nil {
			t.Fatal(err)
		}
		opt.noReuse = true
		whole, err := Layout(ex, tr, opt)
		if err != nil {
			t.Fatal(err)
		}
		if diff := firstDocDiff(reused, whole); diff != "" {
			t.Errorf("part %v: the layout that reuses pages differs from the one laid out whole: %s", opt.Part, diff)
		}
	})
}

// firstDocDiff says where two documents first differ, "" if nowhere.
// Fields are compared as they print (a field's Judge is a function, which
// reflect.DeepEqual never finds equal).
func firstDocDiff(a, b *page.Document) string {
	if a.Title != b.Title || a.Paper != b.Paper || a.Area != b.Area || len(a.Pages) != len(b.Pages) {
		return fmt.Sprintf("%d pages, not %d (or title, paper, area)", len(a.Pages), len(b.Pages))
	}
	for i := range a.Pages {
		pa, pb := a.Pages[i], b.Pages[i]
		if pa.Section != pb.Section || pa.Server != pb.Server || pa.KeyOnly != pb.KeyOnly {
			return fmt.Sprintf("page %d: section %s/%s, not %s/%s", i+1, pa.Section, pa.Server, pb.Section, pb.Server)
		}
		if !reflect.DeepEqual(pa.Texts, pb.Texts) {
			return fmt.Sprintf("page %d: its texts", i+1)
		}
		if !reflect.DeepEqual(pa.Boxes, pb.Boxes) {
			return fmt.Sprintf("page %d: its boxes", i+1)
		}
		if len(pa.Fields) != len(pb.Fields) {
			return fmt.Sprintf("page %d: %d fields, not %d", i+1, len(pa.Fields), len(pb.Fields))
		}
		for j := range pa.Fields {
			if fa, fb := fmt.Sprintf("%+v", *pa.Fields[j]), fmt.Sprintf("%+v", *pb.Fields[j]); fa != fb {
				return fmt.Sprintf("page %d, field %d: %s, not %s", i+1, j, fa, fb)
			}
		}
	}
	return ""
}

// No built-in's cover changes length with its page numbers, so the
// guard that the cover ended where it did before is held here directly.
func TestPassReusesOnlyWhereTheCoverEnded(t *testing.T) {
	at := mark{pages: 2, texts: 40, boxes: 12, tooTall: 0, y: 120, section: "cover"}
	prev := &pass{cover: at, coverAlone: true}
	if !prev.sameAfter(at) {
		t.Error("a cover ending where it did is not reused")
	}
	for _, other := range []mark{
		{pages: 3, texts: 40, boxes: 12, y: 120, section: "cover"},
		{pages: 2, texts: 40, boxes: 12, y: 131.5, section: "cover"},
		{pages: 2, texts: 41, boxes: 12, y: 120, section: "cover"},
	} {
		if prev.sameAfter(other) {
			t.Errorf("a cover ending at %+v reuses pages laid out after one ending at %+v", other, at)
		}
	}
	if (&pass{cover: at}).sameAfter(at) {
		t.Error("a pass that drew after the cover on its last page is reused")
	}
	if (*pass)(nil).sameAfter(at) {
		t.Error("the first pass reuses nothing")
	}
}

// A layout is laid out again only while a text reads the page numbers:
// the cover does (it says which pages hold what), so a whole worksheet
// takes two passes; a class set's slips, alone, read none and take one.
func TestPassesOnlyWhileThePageNumbersAreRead(t *testing.T) {
	ex, tr := loadRun(t, "partition")
	for _, c := range []struct {
		kind   string
		part   *Part
		passes int
	}{
		{templates.KindRoleplay, nil, 2},
		{templates.KindRoleplay, &Part{Sections: []string{"slips"}}, 1},
		{templates.KindRoleplay, &Part{Sections: []string{"state"}, Server: "S1"}, 1},
		{templates.KindTrace, nil, 2},
	} {
		tpl, err := templates.Builtin(c.kind)
		if err != nil {
			t.Fatal(err)
		}
		passes := 0
		opt := Options{Template: tpl, Paper: a4(t), Part: c.part, passes: &passes}
		if _, err := Layout(ex, tr, opt); err != nil {
			t.Fatal(err)
		}
		if passes != c.passes {
			t.Errorf("%s, part %v: %d layout passes, want %d", c.kind, c.part, passes, c.passes)
		}
	}
}

// A template's "How to fill in" box may say which pages hold what: it
// prints the pages of the finished document, as the cover does, not "–"
// (the pages after the cover used to be taken from the first pass, laid
// out before the numbers were known).
func TestHowToFillReadsThePageNumbers(t *testing.T) {
	ex, tr := loadRun(t, "election")
	tpl, err := templates.Builtin(templates.KindTrace)
	if err != nil {
		t.Fatal(err)
	}
	tpl.Text.HowToFill = append([]string{"The steps are on pages {step_pages} of the worksheet ({steps_at})."}, tpl.Text.HowToFill...)
	opt := Options{Template: tpl, Paper: a4(t)}
	doc, err := Layout(ex, tr, opt)
	if err != nil {
		t.Fatal(err)
	}
	steps := rangesOf(doc).text("steps", "–")
	if steps == "–" {
		t.Fatal("the document has no steps pages")
	}
	// {steps_at} is the numbers alone: the trace template has no word for
	// "pages".
	want := "The steps are on pages " + steps + " of the worksheet (" + steps + ")."
	found := 0
	for _, p := range doc.Pages {
		for _, tx := range p.Texts {
			if strings.Contains(printedText(tx), "The steps are on pages") {
				found++
				if got := printedText(tx); !strings.Contains(got, want) {
					t.Errorf("page %s: %q, want %q", p.Section, got, want)
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no How to fill in box has the paragraph")
	}
	opt.noReuse = true
	whole, err := Layout(ex, tr, opt)
	if err != nil {
		t.Fatal(err)
	}
	if diff := firstDocDiff(doc, whole); diff != "" {
		t.Errorf("differs from the layout laid out whole until the numbers stand still: %s", diff)
	}
}

// A template whose "How to fill in" box cites page numbers gets the
// document it would get with those numbers written into the box: the
// Raft State sheets are fitted to their pages with the box as it prints
// (fitted with the first pass's "–", a box grown by the numbers ran every
// sheet onto a second page).
func TestHowToFillCitingPagesLaysOutAsWrittenOut(t *testing.T) {
	for _, name := range []string{"figure7-repair", "election", "partition", "snapshot"} {
		for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
			ex, tr := loadRun(t, name)
			paragraphs := func(at func(section string) string) []string {
				p := strings.Repeat("word ", 20) + "sheets " + at("state") + " and " + at("debrief") + " and " + at("steps") + " and " + at("cover") + "."
				return []string{p, p, p}
			}
			layout := func(howToFill []string) *page.Document {
				tpl, err := templates.Builtin(kind)
				if err != nil {
					t.Fatal(err)
				}
				tpl.Text.HowToFill = append(howToFill, tpl.Text.HowToFill...)
				doc, err := Layout(ex, tr, Options{Template: tpl, Paper: a4(t)})
				if err != nil {
					t.Fatal(err)
				}
				return doc
			}
			citing := layout(paragraphs(func(section string) string { return "{" + section + "_at}" }))
			r := rangesOf(citing)
			written := layout(paragraphs(func(section string) string { // as the template's page_one and page_many say
				n := r.text(section, "–")
				switch {
				case kind == templates.KindTrace || r.count(section) == 0: // the trace's template has no such words
					return n
				case r.count(section) == 1:
					return "page " + n
				}
				return "pages " + n
			}))
			if diff := firstDocDiff(citing, written); diff != "" {
				t.Errorf("%s, %s: the box citing page numbers lays out otherwise than with them written in: %s", name, kind, diff)
			}
			for _, id := range tr.Servers {
				if n := r.count("state/" + id); kind == templates.KindRoleplay && n != 1 {
					t.Errorf("%s: %s's Raft State sheet takes %d pages, not 1", name, id, n)
				}
			}
		}
	}
}
