package worksheet

import (
	"regexp"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// TestKeyHoldsEachServersFinalState reads the PDFs back as text: on each
// server's Raft State sheet the key holds that server's final term and
// the values of its final log, and the worksheet holds none of the values
// that only the key gives (the ones not in the initial state).
func TestKeyHoldsEachServersFinalState(t *testing.T) {
	needTools(t, "pdftotext")
	for _, name := range exercises.Names() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b := buildExercise(t, name, templates.KindRoleplay, "a4") // as the PDF test builds it
			dir := t.TempDir()
			keyPages := pageTexts(t, writePDF(t, dir, "key.pdf", b.pdfs.Key))
			sheetPages := pageTexts(t, writePDF(t, dir, "worksheet.pdf", b.pdfs.Worksheet))
			if len(keyPages) != len(b.doc.Of(true)) || len(sheetPages) != len(b.doc.Of(false)) {
				t.Fatalf("pdftotext finds %d and %d pages; the layout has %d and %d", len(sheetPages), len(keyPages), len(b.doc.Of(false)), len(b.doc.Of(true)))
			}
			values := newValueBook(b.tr, 12)
			for _, id := range b.tr.Servers {
				key, sheet := sheetText(b.doc, keyPages, id), sheetText(b.doc, sheetPages, id)
				final := b.tr.Final()[id]
				if !regexp.MustCompile(`currentTerm\s+` + itoa(final.Term) + `\b`).MatchString(key) {
					t.Errorf("%s's key sheet does not say currentTerm %d:\n%s", id, final.Term, key)
				}
				for _, e := range final.Log {
					v := values.short(e.Value)
					if v != "" && !containsWord(key, v) {
						t.Errorf("%s's key sheet lacks the value %q of its final log", id, v)
					}
				}
				for _, v := range answerOnlyValues(b.tr, id, values) {
					if containsWord(sheet, v) {
						t.Errorf("%s's worksheet sheet shows %q, which only the key should", id, v)
					}
				}
			}
		})
	}
}

// TestPartitionKeyShowsTomOnlyInTheKey is the example of the brief: on
// S1's sheet, "tom" (which replaces "bob") is an answer.
func TestPartitionKeyShowsTomOnlyInTheKey(t *testing.T) {
	needTools(t, "pdftotext")
	b := buildExercise(t, "partition", templates.KindRoleplay, "a4")
	dir := t.TempDir()
	key := sheetText(b.doc, pageTexts(t, writePDF(t, dir, "key.pdf", b.pdfs.Key)), "S1")
	sheet := sheetText(b.doc, pageTexts(t, writePDF(t, dir, "worksheet.pdf", b.pdfs.Worksheet)), "S1")
	for _, want := range []string{"tom", "bob", "sally"} {
		if !containsWord(key, want) {
			t.Errorf("S1's key sheet lacks %q", want)
		}
		if containsWord(sheet, want) {
			t.Errorf("S1's worksheet shows %q", want)
		}
	}
}

// sheetText is the text of the pages of id's Raft State sheet, without
// the running head and foot (the title and the exercise's name) and the
// "How to fill in" box at its foot (its examples are made-up values).
func sheetText(doc *page.Document, pages []string, id string) string {
	var out []string
	for i, p := range doc.Pages {
		if p.Section == "state" && p.Server == id {
			for _, line := range strings.Split(pages[i], "\n") {
				if strings.TrimSpace(line) == "How to fill in" {
					break
				}
				if !strings.Contains(line, "raftsheet ·") && !strings.Contains(line, doc.Title) {
					out = append(out, line)
				}
			}
		}
	}
	return strings.Join(out, "\n")
}

// answerOnlyValues are the values id's log ever holds that its initial
// log does not: the worksheet must not print them.
func answerOnlyValues(tr *engine.Trace, id string, values *valueBook) []string {
	given := map[string]bool{}
	for _, e := range tr.Initial[id].Log {
		given[values.short(e.Value)] = true
	}
	seen := map[string]bool{}
	var out []string
	for _, st := range tr.Steps {
		for _, e := range st.Servers[id].Log {
			v := values.short(e.Value)
			if v != "" && !given[v] && !seen[v] && !isLabelWord(v) {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out
}

// isLabelWord reports whether v is a word the sheets print as a label
// anyway, so its presence says nothing.
func isLabelWord(v string) bool {
	for _, w := range []string{"term", "vote", "role", "index", "value", "applied", "log", "id", "ok", "match"} {
		if strings.EqualFold(v, w) {
			return true
		}
	}
	return false
}

func containsWord(text, w string) bool {
	return regexp.MustCompile(`(^|[^\pL\pN])` + regexp.QuoteMeta(w) + `($|[^\pL\pN])`).MatchString(text)
}
