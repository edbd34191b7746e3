package templates

import (
	"strings"
	"testing"
)

func TestBuiltinTemplatesLoad(t *testing.T) {
	for _, name := range Names() {
		tpl, err := Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if tpl.Kind != name {
			t.Errorf("%s: kind %q", name, tpl.Kind)
		}
	}
	if _, err := Load("nonesuch"); err == nil || !strings.Contains(err.Error(), "roleplay, trace") {
		t.Errorf("an unknown template: %v", err)
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
		{"kind: trace\nsections: [cover, slips]\n", `t.yaml:2:11: unknown section "slips" (a trace template has: cover, steps, notes)`},
		{"labels: {name: Nom}\n", "t.yaml:1:1: the template does not say its kind"},
		{"kind: poster\n", `t.yaml:1:7: kind must be roleplay, trace or exam, not "poster"`},
		{"kind: roleplay\nlabels:\n  name: \"\"\n", "t.yaml:3:9: labels.name must not be empty"},
		{"kind: roleplay\nsizes:\n  body_pt: big\n", "t.yaml:3: not a valid template: cannot unmarshal"},
		{"kind: roleplay\nlabels: [\n", "t.yaml:2: not a valid template"},
	}
	for _, c := range cases {
		_, err := Parse("t.yaml", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.want)
		}
	}
}
