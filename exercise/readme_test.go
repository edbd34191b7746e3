package exercise

import (
	"encoding/json"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// The README's exercise format documents every key the format has, as
// the schema lists them (and the schema agrees with the loader): the top
// level, options, initial, worksheet, variants, timing, and every step
// kind and what may stand beside it.
func TestReadmeDocumentsEveryKey(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n## The exercise format\n")
	if !ok {
		t.Fatal(`README.md has no "## The exercise format" section`)
	}
	section, _, _ = strings.Cut(section, "\n## Checking exercises\n") // through "Timing"

	var schema struct {
		Properties map[string]json.RawMessage
		Defs       map[string]json.RawMessage `json:"$defs"`
	}
	if err := json.Unmarshal(Schema, &schema); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for k := range schema.Properties {
		keys[k] = true
	}
	for _, raw := range []json.RawMessage{schema.Properties["options"], schema.Properties["worksheet"],
		schema.Properties["variants"], schema.Properties["timing"], schema.Defs["initialState"], schema.Defs["step"], schema.Defs["question"]} {
		for _, k := range propertyNames(t, raw) {
			keys[k] = true
		}
	}
	if len(keys) < 40 {
		t.Fatalf("found only %d keys in the schema", len(keys))
	}
	var missing []string
	for k := range keys {
		if !regexp.MustCompile("`" + k + "`|(?m)^\\s*(- )?" + k + ":").MatchString(section) {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("README.md's exercise format does not document %s", strings.Join(missing, ", "))
	}
}

// propertyNames are the keys of the object schema raw describes: its
// properties, or those of an object among its oneOf, anyOf or else.
func propertyNames(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var s struct {
		Properties map[string]json.RawMessage
		OneOf      []json.RawMessage
		Else       json.RawMessage
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	var out []string
	for k := range s.Properties {
		out = append(out, k)
	}
	for _, alt := range s.OneOf {
		out = append(out, propertyNames(t, alt)...)
	}
	if s.Else != nil {
		out = append(out, propertyNames(t, s.Else)...)
	}
	return out
}

// The README lists the keys of every rule why: may name.
func TestReadmeListsEveryRuleKey(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, list, ok := strings.Cut(string(b), "The rules' keys, as the engine's catalogue orders them:")
	if !ok {
		t.Fatal("README.md does not list the rules' keys under why:")
	}
	list, _, _ = strings.Cut(list, ".\n")
	var got []string
	for _, m := range regexp.MustCompile("`([a-z0-9-]+)`").FindAllStringSubmatch(list, -1) {
		got = append(got, m[1])
	}
	var want []string
	for _, r := range engine.Rules() {
		want = append(want, r.Key())
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("README lists the rules\n%v\nthe engine has\n%v", got, want)
	}
}
