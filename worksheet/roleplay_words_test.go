package worksheet

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
)

// The role under At the end is written in the letters the how-to-fill
// and the key's legend define (F, C, L, ×), as in the Terms grid.
func TestEndRoleInTheLegendsLetters(t *testing.T) {
	lbl := &mustTemplate(t, templates.KindRoleplay).Labels
	letters := []string{lbl.FollowerShort, lbl.CandidateShort, lbl.LeaderShort, lbl.DownShort}
	checked := 0
	for _, name := range exercises.Names() {
		b := buildExercise(t, name, templates.KindRoleplay, "a4")
		for _, f := range b.doc.Fields() {
			if !strings.HasSuffix(f.ID, ".end.role") {
				continue
			}
			checked++
			if len(f.Answer) != 1 || !slices.Contains(letters, f.Answer[0]) {
				t.Errorf("%s: %s is %q, not one of the legend's %v", name, f.ID, f.Answer, letters)
			}
		}
	}
	if checked == 0 {
		t.Error("no end.role field: the test checks nothing")
	}
}

// What the how-to-fill tells a student to write for a deleted log entry
// is what the key writes: the struck entry, then the entry that replaced
// it, or – in term and "deleted" in value when none did.
func TestDeletedEntriesAsTheHowToFillSays(t *testing.T) {
	tpl := mustTemplate(t, templates.KindRoleplay)
	lbl := &tpl.Labels
	text := strings.Join(tpl.Text.HowToFill, " ")
	for _, want := range []string{lbl.None + " (term) and " + lbl.Deleted + " (value)", "the entry that replaces it"} {
		if !strings.Contains(text, want) {
			t.Errorf("the how-to-fill does not say %q for a deleted entry: %s", want, text)
		}
	}
	// The key: figure7-repair deletes d's entries 11 and 12, and nothing
	// replaces them; partition-timed replaces S1's entry 2.
	fields := map[string][]string{}
	for _, name := range []string{"figure7-repair", "partition-timed"} {
		for _, f := range buildExercise(t, name, templates.KindRoleplay, "a4").doc.Fields() {
			fields[name+" "+f.ID] = f.Answer
		}
	}
	for id, want := range map[string]string{
		"figure7-repair d.log[12].term":   lbl.None,
		"figure7-repair d.log[12].value":  lbl.Deleted,
		"partition-timed S1.log[2].value": "bob tom",
	} {
		got := strings.Join(fields[id], " ")
		if id != "partition-timed S1.log[2].value" {
			if a := fields[id]; len(a) > 0 {
				got = a[len(a)-1]
			}
		}
		if got != want {
			t.Errorf("%s: the key ends with %q, want %q", id, got, want)
		}
	}
}

// The cover's print plan names one page "page 6", never "pages 6".
func TestPrintPlanSaysPageForOnePage(t *testing.T) {
	lonePages := regexp.MustCompile(`pages \d+[);,.]`)
	checked := 0
	for _, name := range exercises.Names() {
		b := buildExercise(t, name, templates.KindRoleplay, "a4")
		cover := sheetTexts(b.doc, "cover")
		if m := lonePages.FindString(cover); m != "" {
			t.Errorf("%s: the cover says %q of one page", name, m)
		}
		if strings.Contains(cover, "(page ") {
			checked++
		}
	}
	if checked == 0 {
		t.Error("no cover names a single page: the test checks nothing")
	}
}
