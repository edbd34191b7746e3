package worksheet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
)

func TestBuiltinTemplatesLoad(t *testing.T) {
	for _, name := range templates.Names() {
		tpl, err := LoadTemplate(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if tpl.Kind != name {
			t.Errorf("%s: kind %q", name, tpl.Kind)
		}
	}
	if _, err := LoadTemplate("nonesuch"); err == nil || !strings.Contains(err.Error(), "roleplay, trace") {
		t.Errorf("an unknown template: %v", err)
	}
}

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
	tpl, err := LoadTemplate(path)
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
	pdfs, err := Build(ex, tr, Options{Template: tpl, Paper: Papers()[0]})
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

func TestTemplateErrorsNameFileAndLine(t *testing.T) {
	cases := []struct{ src, want string }{
		{"kind: roleplay\nlabels:\n  nmae: Name\n", "t.yaml:3:3: unknown key `nmae` in labels (did you mean `name`?)"},
		{"kind: roleplay\nlabels:\n  name: \"N\U0001F600\"\n", "t.yaml:3:9: labels.name has the character"},
		{"kind: roleplay\nlabels:\n  name: \"日本\"\n", "t.yaml:3:9: labels.name has the character '日' (U+65E5), which the sheets' Go fonts have no glyph for"},
		{"kind: roleplay\nlabels:\n  page: \"page {pg}\"\n", "t.yaml:3:9: labels.page has {pg}, which raftsheet does not know"},
		{"kind: roleplay\nsizes:\n  cell_mm: 4\n", "t.yaml:3:12: sizes.cell_mm must be between 6 and 20, not 4"},
		{"kind: roleplay\nsections: [cover, slipz]\n", `t.yaml:2:11: unknown section "slipz"`},
		{"kind: trace\nsections: [cover, slips]\n", `t.yaml:2:11: unknown section "slips" (a trace template has: cover, steps)`},
		{"labels: {name: Nom}\n", "t.yaml:1:1: the template does not say its kind"},
		{"kind: poster\n", `t.yaml:1:7: kind must be roleplay or trace, not "poster"`},
		{"kind: roleplay\nlabels:\n  name: \"\"\n", "t.yaml:3:9: labels.name must not be empty"},
		{"kind: roleplay\nsizes:\n  body_pt: big\n", "t.yaml:3: not a valid template: cannot unmarshal"},
		{"kind: roleplay\nlabels: [\n", "t.yaml:2: not a valid template"},
	}
	for _, c := range cases {
		_, err := ParseTemplate("t.yaml", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.want)
		}
	}
}
