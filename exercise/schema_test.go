package exercise

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("exercise.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("exercise.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return sch
}

// schemaAccepts validates YAML source against the schema, as an editor
// would: YAML read into plain values, then checked as JSON.
func schemaAccepts(t *testing.T, sch *jsonschema.Schema, src string) error {
	t.Helper()
	var v any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// The schema and the loader agree: every built-in exercise and every form
// the format allows pass both; every structural mistake of the catalogue
// fails both; mistakes only a run can find (unknown servers, impossible
// events and states) pass the schema.
func TestSchemaAgreesWithLoader(t *testing.T) {
	sch := compileSchema(t)
	builtins, _ := filepath.Glob("../exercises/*.yaml")
	if len(builtins) == 0 {
		t.Fatal("no built-in exercises found")
	}
	for _, f := range builtins {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemaAccepts(t, sch, string(src)); err != nil {
			t.Errorf("%s: schema rejects a built-in exercise: %v", f, err)
		}
	}
	for _, src := range everyForm {
		if _, err := Load("form.yaml", "form", []byte(src)); err != nil {
			t.Errorf("loader rejects %q: %v", src, err)
		}
		if err := schemaAccepts(t, sch, src); err != nil {
			t.Errorf("schema rejects %q: %v", src, err)
		}
	}
	for _, c := range Catalogue {
		if _, err := Load("bad.yaml", "bad", []byte(c.src)); err == nil && c.structural {
			t.Errorf("%s: the loader accepts it", c.name)
		}
		err := schemaAccepts(t, sch, c.src)
		switch {
		case c.structural && err == nil:
			t.Errorf("%s: the schema accepts a structural mistake", c.name)
		case !c.structural && err != nil && !isYAMLError(c.src):
			t.Errorf("%s: the schema rejects what only a run can find: %v", c.name, err)
		}
	}
}

func isYAMLError(src string) bool {
	var v any
	return yaml.Unmarshal([]byte(src), &v) != nil
}

// everyForm uses every key, step kind, selector form and log notation.
var everyForm = []string{`
title: a rule broken on purpose
servers: 3
options: {mutate: [forget-vote-on-restart, commit-without-min]}
steps: [heal]
`, `
title: every form
goal: g
summary: s
servers: [alice, bob, carol]
state_machine: kv
options: {noop_on_election: true, max_entries: 2, replicate: immediate}
initial:
  alice: {term: 2, voted_for: alice, role: leader, log: [1, "1:x=1", {term: 2, value: y←2}, "2"], commit: 0}
  bob: {term: 2, voted_for: alice, role: follower, log: [1], commit: 0}
worksheet: {template: trace, paper: letter}
variants: {names: false, timing: false}
steps:
  - heartbeat: alice
    vary: [alice, bob]
  - duplicate: {id: 1}
  - drop: [{from: alice, to: bob}, 3]
  - deliver: {type: AppendEntries}
    note: n
    ask: [bob]
  - deliver: all
    ask: none
    why: [grant-vote, win-election]
  - client: {server: alice, value: x=3}
    why: true
  - partition: [[alice], [bob, carol]]
  - heal:
    ask: all
  - crash: carol
  - restart: carol
  - timeout: bob
  - stabilize
  - heal
`, `
title: timed, with every timing form
servers: 4
timing:
  election_timeout: {S1: [150ms, 150ms..300ms], S2: 1.5s, default: 150ms..300ms}
  heartbeat: 50ms
  latency: {default: 2ms..8ms, S1-S3: 1ms}
  seed: 7
steps:
  - run: 300ms
  - client: {server: S1, value: x}
    at: 320ms
  - run: {until: 500ms}
`, `
title: timed with defaults
servers: 3
timing:
steps:
  - run: 1s
`, `
title: a count of servers
servers: 3
variants: false
steps:
  - timeout: S2
    ask: S2
  - stabilize:
`, `
title: the options beyond Figure 2
servers: [S1, S2, S3, S4]
members: [S1, S2, S3]
options: {snapshot_after: 4, sessions: true, reads: read_index, ignore_disruptive_votes: true, prevote: true, check_quorum: true, backup: conflict_term}
steps:
  - timeout: S1
  - stabilize
  - client: {server: S1, value: x, session: c1}
  - client: {server: S1, value: x, session: c1, seq: 1}
  - heartbeat: S1
  - stabilize
  - read: S1
  - snapshot: S1
  - snapshot: {server: S2, index: 1}
  - deliver: {type: PreVote}
  - config: {server: S1, add: S4}
  - config: {server: S1, remove: S2}
  - config: {server: S1, joint: [[S1, S2, S3], [S1, S3, S4]]}
`, `
title: reads on a lease, a kv store
servers: 3
state_machine: kv
options: {reads: lease}
timing:
steps:
  - run: 400ms
  - read: {server: S1, key: x}
`}

// The schema's rule keys (why: [keys]) are the engine's catalogue.
func TestSchemaRuleKeysAreTheCatalogue(t *testing.T) {
	var doc struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Schema, &doc); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, r := range engine.Rules() {
		keys = append(keys, r.Key())
	}
	if got := doc.Defs["ruleKey"].Enum; !slices.Equal(got, keys) {
		t.Errorf("the schema's rule keys are\n%v\nthe engine's\n%v", got, keys)
	}
}
