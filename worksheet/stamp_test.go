package worksheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/templates"
)

// The stamp puts the code on every page of both PDFs and the name in the
// worksheet's Name box only: a key does not depend on whose it is, so a
// code alone rebuilds it.
func TestStampCodeAndName(t *testing.T) {
	ex, err := exercises.Load("election")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := templates.Builtin(ex.Worksheet.Template)
	if err != nil {
		t.Fatal(err)
	}
	paper, err := page.ParsePaper(ex.Worksheet.Paper)
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Template: tpl, Paper: paper}
	build := func(stamp Stamp) (*page.Document, []byte, []byte) {
		o := opt
		o.Stamp = stamp
		doc, err := Layout(ex, tr, o)
		if err != nil {
			t.Fatal(err)
		}
		w, err := pdf.Render(doc, false)
		if err != nil {
			t.Fatal(err)
		}
		k, err := pdf.Render(doc, true)
		if err != nil {
			t.Fatal(err)
		}
		return doc, w, k
	}
	doc, w1, k1 := build(Stamp{Code: "ELEC-1234", Name: "Ada Lovelace"})
	_, w2, k2 := build(Stamp{Code: "ELEC-1234"})
	plainDoc, _, _ := build(Stamp{})
	if !bytes.Equal(k1, k2) {
		t.Error("the key depends on the student's name")
	}
	if bytes.Equal(w1, w2) {
		t.Error("the worksheet does not show the student's name")
	}
	for i, p := range doc.Pages {
		text := ""
		for _, tx := range p.Texts {
			text += tx.String() + "\n"
		}
		if !strings.Contains(text, "ELEC-1234\n") || !strings.Contains(text, "Ada Lovelace") {
			t.Errorf("page %d lacks the code or the name", i+1)
		}
	}
	if text := sheetTexts(plainDoc, ""); strings.Contains(text, "ELEC") {
		t.Error("a build without a variant shows a code")
	}
}
