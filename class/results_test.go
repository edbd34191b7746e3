package class

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// gradescopeSchema is the shape Gradescope documents for results.json.
func gradescopeSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "gradescope-results.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource("results.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("results.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// check --format gradescope writes Gradescope's results.json: valid
// against its documented shape; a test per rule with the fields under
// it as points, passed when all are right; the tests' scores sum to the
// total, scaled to --points; a file that cannot be graded scores 0 and
// says why.
func TestGradescopeResults(t *testing.T) {
	sch := gradescopeSchema(t)
	s, err := mustLocate(t, "figure8").Open("trace", "", "")
	if err != nil {
		t.Fatal(err)
	}
	perfect := grade(t, "perfect.yaml", keyFile(t, s))
	mistakes := grade(t, "mistakes.yaml", setAnswer(t, keyFile(t, s), "step3.S5.term", "7"))
	for _, c := range []struct {
		name   string
		grades []*Grade
		failed map[string]error
		points float64
		want   float64
	}{
		{"perfect", []*Grade{perfect}, nil, 0, float64(perfect.Counted())},
		{"perfect of 10", []*Grade{perfect}, nil, 10, 10},
		{"a mistake", []*Grade{mistakes}, nil, 0, float64(mistakes.Counted() - 1)},
		{"unreadable", nil, map[string]error{"bad.yaml": os.ErrNotExist}, 0, 0},
	} {
		res := Gradescope(c.grades, c.failed, c.points)
		b, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: results.json is not of Gradescope's shape: %v\n%s", c.name, err, b)
		}
		sum, failed := 0.0, 0
		for _, test := range res.Tests {
			sum += test.Score
			if test.Score > test.MaxScore || (test.Status == "passed") != (test.Score == test.MaxScore) {
				t.Errorf("%s: test %q scores %v of %v, status %s", c.name, test.Name, test.Score, test.MaxScore, test.Status)
			}
			if test.Status == "failed" {
				failed++
				if !strings.Contains(test.Output, "step3.S5.term: wrote \"7\"") {
					t.Errorf("%s: the failed test %q does not say what was wrong: %q", c.name, test.Name, test.Output)
				}
			}
		}
		if math.Abs(res.Score-c.want) > 0.01 || math.Abs(sum-res.Score) > 0.05 {
			t.Errorf("%s: score %v (tests sum to %v), want %v", c.name, res.Score, sum, c.want)
		}
		if (c.name == "a mistake") != (failed == 1) {
			t.Errorf("%s: %d tests failed", c.name, failed)
		}
		if c.failed != nil && !strings.Contains(res.Output, "bad.yaml could not be graded") {
			t.Errorf("%s: the output does not say why: %q", c.name, res.Output)
		}
	}
}

// A final value written without its history loses half a point in the
// history test, and none under the rule the student applied right.
func TestGradescopeHistoryApart(t *testing.T) {
	s, err := mustLocate(t, "partition").Open("roleplay", "", "")
	if err != nil {
		t.Fatal(err)
	}
	perfect := grade(t, "a.yaml", keyFile(t, s))
	g := grade(t, "b.yaml", setAnswer(t, keyFile(t, s), "S1.log[2].value", `"tom"`))
	res := Gradescope([]*Grade{g}, nil, 0)
	if res.Score != float64(perfect.Counted())-0.5 {
		t.Errorf("score %v, want %v", res.Score, float64(perfect.Counted())-0.5)
	}
	for _, test := range res.Tests {
		history := test.Name == historyTest
		if (test.Status == "failed") != history {
			t.Errorf("%q: %s (%v of %v)", test.Name, test.Status, test.Score, test.MaxScore)
		}
		if history && !strings.Contains(test.Output, `S1.log[2].value: wrote "tom"`) {
			t.Errorf("the history test does not say which box: %q", test.Output)
		}
	}
}
