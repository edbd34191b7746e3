package variant

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
)

func TestCodesRoundTripAndCatchTypos(t *testing.T) {
	names := exercises.Names()
	for _, name := range names {
		for _, n := range []uint16{0, 1, 7, 4242, 65535} {
			code := Code(name, n)
			if !regexp.MustCompile(`^[0-9A-Z]{4}-[0-9A-Z]{4}$`).MatchString(code) {
				t.Fatalf("code %q has the wrong form", code)
			}
			got, gotN, err := Resolve(strings.ToLower(code), names)
			if err != nil || got != name || gotN != n {
				t.Fatalf("Resolve(%s) = %s, %d, %v; want %s, %d", code, got, gotN, err, name, n)
			}
		}
	}
	// One mistyped character is caught most of the time by the check bits.
	caught, tried := 0, 0
	code := Code("partition", 4242)
	for i := 5; i < 9; i++ {
		for _, r := range alphabet {
			if byte(r) == code[i] {
				continue
			}
			typo := code[:i] + string(r) + code[i+1:]
			tried++
			if ex, n, err := Resolve(typo, names); err != nil || ex != "partition" || n == 4242 {
				caught++
			}
		}
	}
	if caught*100 < tried*90 {
		t.Errorf("only %d of %d typos caught", caught, tried)
	}
	if _, _, err := Resolve("PAR", names); err == nil || !strings.Contains(err.Error(), "codes have 8 characters") {
		t.Errorf("short code: %v", err)
	}
}

func TestPrefixesTellBuiltinsApart(t *testing.T) {
	seen := map[string]string{}
	for _, name := range exercises.Names() {
		p := Prefix(name)
		if other, ok := seen[p]; ok {
			t.Logf("%s and %s share the prefix %s (the check bits still tell them apart)", other, name, p)
		}
		seen[p] = name
	}
	if Prefix("partition") == Prefix("partition-timed") {
		t.Errorf("partition and partition-timed share a prefix")
	}
}

// shape is a run's outline that a variant must keep: each step's kind of
// event, how many messages it sent, delivered and lost, and the terms and
// log lengths servers end with, in order.
func shape(tr *engine.Trace) string {
	var b strings.Builder
	for _, st := range tr.Steps {
		kind := strings.Fields(st.Event)[0]
		fmt.Fprintf(&b, "%s/%d/%d/%d ", kind, len(st.Messages), len(st.Delivered), len(st.Lost))
	}
	final := tr.Final()
	for _, id := range tr.Servers {
		s := final[id]
		fmt.Fprintf(&b, "|%s %d %d %d", s.Role, s.Term, len(s.Log), s.CommitIndex)
	}
	return b.String()
}

// sortedShape ignores which server plays which part.
func finalShape(tr *engine.Trace) string {
	var parts []string
	for _, s := range tr.Final() {
		parts = append(parts, fmt.Sprintf("%s %d %d %d", s.Role, s.Term, len(s.Log), s.CommitIndex))
	}
	sortStrings(parts)
	return strings.Join(parts, "; ")
}

func run(t *testing.T, ex *exercise.Exercise) *engine.Trace {
	t.Helper()
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatalf("%s: %v", ex.Name, err)
	}
	return tr
}

// Every built-in exercise gives 40 variants that run with every safety
// property holding, keep the run's shape, and differ from each other.
func TestVariantsOfEveryBuiltin(t *testing.T) {
	for _, name := range exercises.Names() {
		ex, err := exercises.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		orig := run(t, ex)
		distinct := map[string]bool{}
		for n := uint16(0); n < 40; n++ {
			v := Apply(ex, n)
			tr := run(t, v)
			if ex.Timing == nil || !ex.Variants.Timing {
				if got, want := finalShape(tr), finalShape(orig); got != want {
					t.Errorf("%s variant %d ends %s; the original ends %s", name, n, got, want)
				}
			}
			if ex.Variants.Roles || ex.Timing == nil {
				if len(tr.Steps) != len(orig.Steps) && ex.Timing == nil {
					t.Errorf("%s variant %d has %d steps, the original %d", name, n, len(tr.Steps), len(orig.Steps))
				}
			}
			b, _ := tr.JSON()
			distinct[string(b)] = true
			again, _ := run(t, Apply(ex, n)).JSON()
			if string(again) != string(b) {
				t.Fatalf("%s variant %d differs between two builds", name, n)
			}
		}
		renames := ex.Variants.Names && !letterNames(ex.Config.Servers)
		varies := renames || ex.Variants.Values || ex.Variants.Roles || (ex.Timing != nil && ex.Variants.Timing)
		switch {
		case renames && len(distinct) < 35:
			t.Errorf("%s: only %d distinct variants of 40", name, len(distinct))
		case varies && len(distinct) < 2:
			t.Errorf("%s: every variant is the same", name)
		case !varies && len(distinct) != 1:
			t.Errorf("%s forbids variation but has %d distinct variants", name, len(distinct))
		}
	}
}

// An untimed exercise's variants keep the run step for step.
func TestUntimedVariantsKeepTheShape(t *testing.T) {
	for _, name := range []string{"election", "partition", "figure8", "replication", "split-vote"} {
		ex, _ := exercises.Builtin(name)
		want := shape(run(t, ex))
		for n := uint16(0); n < 20; n++ {
			if got := shape(run(t, Apply(ex, n))); got != want && !ex.Variants.Roles {
				t.Errorf("%s variant %d changed shape", name, n)
			}
		}
	}
}

// The prose follows the renaming: no old name or value is left in the
// notes and summary, and the new ones appear.
func TestVariantTextFollowsTheRenaming(t *testing.T) {
	ex, _ := exercises.Builtin("partition")
	v := Apply(ex, 3)
	text := v.Summary
	for _, st := range v.Steps {
		text += "\n" + st.Note
	}
	for _, old := range []string{"S1", "S3", `"sally"`, `"bob"`, `"tom"`} {
		if strings.Contains(text, old) {
			t.Errorf("variant text still says %s:\n%s", old, text)
		}
	}
	for _, id := range v.Config.Servers {
		if !strings.Contains(text, id) {
			t.Errorf("variant text never names %s", id)
		}
	}
}

// vary: hints let the server that times out change from variant to
// variant; servers that are never hinted keep their parts.
func TestVaryHintsSwapRoles(t *testing.T) {
	ex, err := exercise.Load("t.yaml", "t", []byte(`
title: t
servers: 5
variants: {names: false}
steps:
  - timeout: S1
    vary: [S1, S2, S3]
  - stabilize
  - crash: S5
`))
	if err != nil {
		t.Fatal(err)
	}
	who := map[string]int{}
	for n := uint16(0); n < 60; n++ {
		v := Apply(ex, n)
		who[v.Steps[0].Server]++
		if v.Steps[2].Server != "S5" {
			t.Fatalf("variant %d crashes %s; S5 is never hinted", n, v.Steps[2].Server)
		}
		run(t, v)
	}
	if len(who) != 3 {
		t.Errorf("the candidate over 60 variants: %v; want S1, S2 and S3 each", who)
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// A timed exercise's variants draw their random timeouts from another
// seed, unless it forbids that.
func TestTimedVariantsReseed(t *testing.T) {
	src := "title: t\nservers: 3\ntiming: {election_timeout: 150ms..300ms}\nsteps:\n  - run: 1000ms\n"
	ex, err := exercise.Load("t.yaml", "t", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	firsts := map[int]bool{}
	for n := uint16(0); n < 20; n++ {
		tr := run(t, Apply(ex, n))
		firsts[*tr.Steps[0].TimeMs] = true
	}
	if len(firsts) < 10 {
		t.Errorf("the first timeout fell at only %d different times over 20 variants", len(firsts))
	}
	ex.Variants.Timing = false
	firsts = map[int]bool{}
	for n := uint16(0); n < 20; n++ {
		firsts[*run(t, Apply(ex, n)).Steps[0].TimeMs] = true
	}
	if len(firsts) != 1 {
		t.Errorf("timing: false still changed the draws: %v", firsts)
	}
}

// A run: step's note_on names a server of the variant, so that the note
// lands on the same event; a variant failed to run when it renamed the
// servers but not note_on's.
func TestNoteOnFollowsTheRenaming(t *testing.T) {
	ex, err := exercise.Load("t.yaml", "t", []byte(`title: t
servers: 3
timing: {election_timeout: {S1: 100ms, S2: 100ms, S3: 400ms}, heartbeat: 50ms, latency: 5ms}
steps:
  - run: {until: 100ms}
    note: S2's timer fires too.
    note_on: S2
`))
	if err != nil {
		t.Fatal(err)
	}
	for n := uint16(0); n < 20; n++ {
		v := Apply(ex, n)
		on := v.Steps[0].NoteOn.Server
		if on != Servers(ex, n)["S2"] || !slices.Contains(v.Config.Servers, on) {
			t.Fatalf("variant %d: note_on names %s, not S2's name %s among %v", n, on, Servers(ex, n)["S2"], v.Config.Servers)
		}
		run(t, v)
	}
}

// the paper's a–f of Figure 7, are its author's choice).
func TestVariantSentencesStartCapitalized(t *testing.T) {
	start := regexp.MustCompile(`(?:^|[.!?:]\s+|“|")(\p{Ll}\w*)`)
	for _, name := range exercises.Names() {
		ex, err := exercises.Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		for n := uint16(1); n <= 3; n++ {
			v := Apply(ex, n)
			texts := []string{v.Title, v.Brief, v.Summary, v.Goal}
			for _, st := range v.Steps {
				texts = append(texts, st.Note, st.Explain)
			}
			for _, s := range texts {
				for _, m := range start.FindAllStringSubmatch(s, -1) {
					if slices.Contains(v.Config.Servers, m[1]) && !slices.Contains(ex.Config.Servers, m[1]) {
						t.Errorf("%s variant %d: a sentence starts with the server %q in lower case: %q", name, n, m[1], s)
					}
				}
			}
		}
	}
}
