package templates

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/textsafe"
)

// FuzzParse feeds arbitrary bytes to the template loader. It never
// panics; an error is diagnostics at a line of the file that print
// nothing a terminal must not see; a template read has every size within
// its limits (not NaN), every label it prints set, and every text
// printable, visible and within its length.
func FuzzParse(f *testing.F) {
	for _, name := range Names() {
		src, _ := builtinSource(name)
		f.Add(src)
	}
	hostile, _ := filepath.Glob(filepath.Join("testdata", "hostile", "*.yaml"))
	for _, p := range hostile {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("kind: trace\nlabels: {name: Nom, page: \"p. {page}\"}\nsizes: {body_pt: 9}\nrules: {vote-once: une voix}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		tpl, err := Parse("t.yaml", src)
		if err != nil {
			var ds diag.Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("not diagnostics: %T %v", err, err)
			}
			lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) - bytes.Count(src, []byte("\r\n")) + 2
			for _, d := range ds {
				if d.File != "t.yaml" || d.Line < 0 || d.Line > lines {
					t.Fatalf("diagnostic %q is not at a line of the file", d.Error())
				}
			}
			for _, r := range ds.Error() {
				if textsafe.Unsafe(r) && r != '\n' && r != '\t' { // a diagnostic keeps its layout (textsafe.Terminal)
					t.Fatalf("the error prints U+%04X raw: %q", r, ds.Error())
				}
			}
			return
		}
		sizes := reflect.ValueOf(tpl.Sizes)
		for i := 0; i < sizes.NumField(); i++ {
			tag := sizes.Type().Field(i).Tag.Get("yaml")
			if tpl.Kind != KindRoleplay && roleplayOnlySizes[tag] || tpl.Kind != KindExam && examOnlySizes[tag] {
				continue
			}
			x := 0.0
			if f := sizes.Field(i); f.CanInt() {
				x = float64(f.Int())
			} else {
				x = f.Float()
			}
			if lim := sizeLimits[tag]; !(x >= lim[0] && x <= lim[1]) {
				t.Fatalf("sizes.%s = %g", tag, x)
			}
		}
		labels := reflect.ValueOf(tpl.Labels)
		used := labelsUsedBy(tpl.Kind)
		for i := 0; i < labels.NumField(); i++ {
			tag := labels.Type().Field(i).Tag.Get("yaml")
			s := labels.Field(i).String()
			if used[tag] && strings.TrimSpace(s) == "" {
				t.Fatalf("labels.%s is empty", tag)
			}
			checkText(t, "labels."+tag, s, MaxLabelRunes)
		}
		for _, p := range append(append([]string{}, tpl.Text.HowToRun...), tpl.Text.KeyLegend...) {
			checkText(t, "text", p, MaxParagraphRunes)
		}
		for k, v := range tpl.Rules {
			checkText(t, "rules."+k, v, MaxLabelRunes)
		}
		words := reflect.ValueOf(tpl.Exam)
		for i := 0; i < words.NumField(); i++ {
			if f := words.Field(i); f.Kind() == reflect.String {
				checkText(t, "exam."+words.Type().Field(i).Tag.Get("yaml"), f.String(), MaxLabelRunes)
			}
		}
		for k, v := range tpl.Exam.Mutations {
			checkText(t, "exam.mutations."+k, v, MaxLabelRunes)
		}
	})
}

func checkText(t *testing.T, what, s string, limit int) {
	t.Helper()
	if utf8.RuneCountInString(s) > limit {
		t.Fatalf("%s has %d characters", what, utf8.RuneCountInString(s))
	}
	for _, r := range s {
		if textsafe.Invisible(r) || (textsafe.Control(r) && !(what == "text" && (r == '\n' || r == '\t'))) {
			t.Fatalf("%s has U+%04X", what, r)
		}
	}
}
