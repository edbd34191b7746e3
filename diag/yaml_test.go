package diag

import (
	"errors"
	"testing"

	"github.com/raftsheet/raftsheet/yaml"
)

// A syntax error is one diagnostic at its line; a decoding error is one
// per problem, each at its own line.
func TestFromYAML(t *testing.T) {
	var v any
	err := yaml.Unmarshal([]byte("a: 1\n  b: 2\n"), &v)
	ds := FromYAML("f.yaml", err, "not valid YAML: ")
	if len(ds) != 1 || ds[0].Error() != "f.yaml:2: not valid YAML: mapping values are not allowed in this context" {
		t.Errorf("syntax error: got %q", ds)
	}
	var n struct{ A, B int }
	err = yaml.Unmarshal([]byte("a: x\nb: y\n"), &n)
	ds = FromYAML("t.yaml", err, "not a valid template: ")
	if len(ds) != 2 || ds[0].Line != 1 || ds[1].Line != 2 || ds[1].Msg != "not a valid template: cannot unmarshal !!str `y` into int" {
		t.Errorf("decoding errors: got %q", ds)
	}
	if ds := FromYAML("e.yaml", errors.New("yaml: "), "p: "); len(ds) != 1 {
		t.Errorf("an error without words gives %d diagnostics, want 1", len(ds))
	}
}
