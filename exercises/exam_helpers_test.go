package exercises

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exam"
)

// examOf works out a built-in exam: every question's boxes and the key's
// answers (exam.Build judges each key witness as a student's would be).
func examOf(t *testing.T, name string) *exam.Exam {
	t.Helper()
	ex, err := Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	e, err := exam.Build(ex)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// keyOf is question n's boxes as "id=answer", in the sheet's order, with
// the other rules accepted after a "|" ("q1.rule=F|leader-elected"),
// spaces as "-" ("at-risk"); an events box reads "id=events" when the key
// has a witness.
func keyOf(t *testing.T, e *exam.Exam, n int) string {
	t.Helper()
	if n > len(e.Questions) {
		t.Fatalf("the exam has %d questions, not %d", len(e.Questions), n)
	}
	var out []string
	for _, b := range e.Questions[n-1].Boxes() {
		a := strings.ReplaceAll(b.Answer, " ", "-")
		if len(b.Events) > 0 {
			a = "events"
		}
		if len(b.Accept) > 0 {
			a += "|" + strings.Join(b.Accept, ",")
		}
		out = append(out, b.ID+"="+a)
	}
	return strings.Join(out, " ")
}

// expectKey checks question n's key against hand-worked answers, given as
// "id=answer" words in any order.
func expectKey(t *testing.T, e *exam.Exam, n int, want string) {
	t.Helper()
	got := strings.Fields(keyOf(t, e, n))
	w := strings.Fields(want)
	slices.Sort(got)
	slices.Sort(w)
	if !slices.Equal(got, w) {
		t.Errorf("question %d:\n got %s\nwant %s", n, strings.Join(got, " "), strings.Join(w, " "))
	}
}

// judge grades a written answer to a box of question n as check does.
func judge(t *testing.T, e *exam.Exam, n int, id, written string) bool {
	t.Helper()
	for _, b := range e.Questions[n-1].Boxes() {
		if b.ID == id {
			if b.Claim == nil {
				t.Fatalf("%s is not judged by running it", id)
			}
			ok, _ := b.Claim.Judge(written, func(string) string { return "" })
			return ok
		}
	}
	t.Fatalf("question %d has no box %s", n, id)
	return false
}

// votes is a who-can-win row as "id=answer" words: the candidate c's votes
// from each voter in order ("+" grants, "-" refuses, "." for c itself)
// and whether it wins.
func votes(n int, c, voters, grants, wins string) string {
	var out []string
	vs := strings.Fields(voters)
	for i, g := range strings.Fields(grants) {
		if vs[i] == c {
			continue
		}
		a := "no"
		if g == "+" {
			a = "yes"
		}
		out = append(out, "q"+strconv.Itoa(n)+"."+c+".vote["+vs[i]+"]="+a)
	}
	return strings.Join(append(out, "q"+strconv.Itoa(n)+"."+c+".wins="+wins), " ")
}
