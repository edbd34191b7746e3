package yaml_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/yaml"
)

// What the loaders rely on, and what a switch to another library must
// keep: nodes with their lines and columns, mappings as alternating keys
// and values, aliases resolved through Alias, a decoder that says io.EOF
// for an empty stream, and errors whose lines diag.FromYAML can read.
func TestTheLibraryGivesWhatTheLoadersRelyOn(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("title: x\nsteps:\n  - &t {timeout: S1}\n  - *t\n"), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		t.Fatalf("document: kind %v, %d children", doc.Kind, len(doc.Content))
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || len(root.Content) != 4 || root.Content[2].Value != "steps" {
		t.Fatalf("root: kind %v, %d children", root.Kind, len(root.Content))
	}
	steps := root.Content[3]
	if steps.Kind != yaml.SequenceNode || len(steps.Content) != 2 {
		t.Fatalf("steps: kind %v, %d children", steps.Kind, len(steps.Content))
	}
	first, alias := steps.Content[0], steps.Content[1]
	if k := first.Content[0]; k.Kind != yaml.ScalarNode || k.Value != "timeout" || k.Line != 3 || k.Column != 9 {
		t.Errorf("key %q (kind %v) at %d:%d, want timeout at 3:9", k.Value, k.Kind, k.Line, k.Column)
	}
	if alias.Kind != yaml.AliasNode || alias.Alias != first {
		t.Errorf("alias: kind %v, points at %p, want %p", alias.Kind, alias.Alias, first)
	}

	var none yaml.Node
	if err := yaml.NewDecoder(strings.NewReader("")).Decode(&none); !errors.Is(err, io.EOF) {
		t.Errorf("an empty stream gives %v, want io.EOF", err)
	}

	var n struct{ A, B int }
	err := yaml.Unmarshal([]byte("a: 1\nb: two\n"), &n)
	ds := diag.FromYAML("f.yaml", err, "")
	if len(ds) != 1 || ds[0].Line != 2 || !strings.Contains(ds[0].Msg, "`two`") {
		t.Errorf("a decoding error reads as %q, want one diagnostic on line 2 naming `two`", ds)
	}
}
