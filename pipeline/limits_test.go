package pipeline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
	"github.com/raftsheet/raftsheet/worksheet"
)

// longest is a text of n characters: wide capitals in words, or one word.
func longest(n int, oneWord bool) string {
	if oneWord {
		return strings.Repeat("W", n)
	}
	return strings.TrimSpace(strings.Repeat("WWWWWWW ", n/8+1)[:n])
}

// Every text at the longest the loader allows, of the widest letters,
// (a question's text too) lays out in every built-in template on both papers: the loader's limits
// are what the sheets can hold, so such an exercise never fails only when
// its sheets are made.
func TestLongestTextsLayOut(t *testing.T) {
	for _, oneWord := range []bool{false, true} {
		note := fmt.Sprintf("%q\n    explain: %q", longest(exercise.MaxNoteRunes, oneWord), longest(exercise.MaxExplainRunes, oneWord))
		question := longest(exercise.MaxQuestionRunes, oneWord)
		src := fmt.Sprintf("title: %q\ngoal: %q\nsummary: %q\nbrief: %q\nservers: 3\nsteps:\n  - timeout: S1\n    note: %s\n  - deliver: all\n    note: %s\n  - deliver: all\n    note: %s\n"+
			"questions:\n  - {ask: who-can-win, after: 1, text: %q}\n  - {ask: goal, goal: two-leaders, after: 3, text: %q}\n",
			longest(exercise.MaxTitleRunes, oneWord), longest(exercise.MaxGoalRunes, oneWord), longest(exercise.MaxSummaryRunes, oneWord),
			longest(exercise.MaxBriefRunes, oneWord), note, note, note, question, question)
		ex, err := exercise.Load("longest.yaml", "longest", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range templates.Names() {
			tpl, err := templates.Builtin(kind)
			if err != nil {
				t.Fatal(err)
			}
			for _, paper := range []string{"a4", "letter"} {
				p, _ := page.ParsePaper(paper)
				if _, err := (Target{Exercise: ex, Ref: "longest.yaml"}).LayOut(worksheet.Options{Template: tpl, Paper: p}, ""); err != nil {
					t.Errorf("one word %v, %s on %s: %v", oneWord, kind, paper, err)
				}
			}
		}
	}
}
