package worksheet

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
)

// The role-play's steps are the teacher's, read out one at a time from
// the teacher's notes at the end of the key: the students' cover lists
// none of them, since a later step's words can answer an earlier step's
// question (leader-crash asks "Does S3 win?" at step 8, and step 11 reads
// "A client asks S3 to store c"), and the key's notes list every one. A
// template with steps_on_cover: true lists them on the cover too, a timed
// exercise's with their given times.
func TestRoleplayStepsAreTheTeachers(t *testing.T) {
	for _, name := range exercises.Names() {
		b := buildExercise(t, name, templates.KindRoleplay, "a4")
		if len(b.doc.Pages) == 0 || b.doc.Pages[0].Section != "cover" {
			continue // an exam: its cover is the exam's own
		}
		cover := studentText(b.doc, []string{"cover"})
		notes := sheetTexts(b.doc, "notes")
		for _, st := range b.tr.Steps {
			said := squash(strings.TrimSuffix(st.Words, "."))
			if len(said) < 16 {
				continue
			}
			if strings.Contains(strings.ToLower(cover), strings.ToLower(said)) {
				t.Errorf("%s: the students' cover lists step %d (%q)", name, st.N, said)
			}
			if !strings.Contains(strings.ToLower(squash(notes)), strings.ToLower(said)) {
				t.Errorf("%s: the teacher's notes miss step %d (%q)", name, st.N, said)
			}
		}
	}
	tpl, err := templates.Builtin(templates.KindRoleplay)
	if err != nil {
		t.Fatal(err)
	}
	listing := *tpl
	listing.StepsOnCover = true
	ex, tr := loadRun(t, "partition-timed")
	doc, err := Layout(ex, tr, Options{Template: &listing, Paper: a4(t)})
	if err != nil {
		t.Fatal(err)
	}
	if cover := sheetTexts(doc, "cover"); !strings.Contains(cover, "Steps 6–8\n60 ms\n") {
		t.Errorf("steps_on_cover: true: the cover of partition-timed lists no \"Steps 6–8 60 ms\":\n%s", cover)
	}
}
