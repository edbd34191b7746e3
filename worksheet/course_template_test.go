package worksheet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// frenchRoleplay is what a course might write: a few labels translated,
// the rest kept from the built-in roleplay template.
const frenchRoleplay = `kind: roleplay
sections: [cover, state, slips]
sizes:
  cell_mm: 8
labels:
  name: "Nom"
  state_title: "État Raft"
  terms: "Mandats"
  answer_key: "CORRIGÉ"
  page: "page {page} sur {pages}"
text:
  how_to_run:
    - "Chaque élève joue un serveur parmi {servers} (pages {state_pages})."
`

func TestCourseTemplateTranslatesTheSheets(t *testing.T) {
	needTools(t, "pdftotext")
	dir := t.TempDir()
	path := filepath.Join(dir, "francais.yaml")
	if err := os.WriteFile(path, []byte(frenchRoleplay), 0o644); err != nil {
		t.Fatal(err)
	}
	tpl, err := templates.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if tpl.Labels.Vote != "vote" || tpl.Sizes.CellMM != 8 || tpl.Sizes.ValueChars != 12 {
		t.Errorf("labels and sizes left out should keep the built-in values: %+v %+v", tpl.Labels.Vote, tpl.Sizes)
	}
	ex, _ := exercises.Load("election")
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	_, pdfs, err := draw(ex, tr, Options{Template: tpl, Paper: page.Papers()[0]})
	if err != nil {
		t.Fatal(err)
	}
	sheet := strings.Join(pageTexts(t, writePDF(t, dir, "w.pdf", pdfs.Worksheet)), "\n")
	key := strings.Join(pageTexts(t, writePDF(t, dir, "k.pdf", pdfs.Key)), "\n")
	for _, want := range []string{"Nom", "État Raft", "Mandats", "page 1 sur", "Chaque élève joue un serveur parmi S1, S2, S3 (pages 2–4)"} {
		if !strings.Contains(sheet, want) {
			t.Errorf("the worksheet lacks %q", want)
		}
	}
	if !strings.Contains(key, "CORRIGÉ") || strings.Contains(sheet, "CORRIGÉ") {
		t.Errorf("the key, and only the key, should say CORRIGÉ")
	}
	if strings.Contains(sheet, "Why? Step by step") {
		t.Errorf("the debrief section was left out of the template but is printed")
	}
}
