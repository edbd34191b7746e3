package worksheet

import (
	"slices"
	"testing"

	"github.com/raftsheet/raftsheet/page"
)

// A box's answer is the values the student writes, worked out with the
// runs that draw them: given values are drawn but not asked, replaced ones
// struck, blank ones never asked.
func TestHeldAnswers(t *testing.T) {
	cs := []change{{s: "1", ink: page.Print}, {s: "2", ink: page.Answer, at: 3}, {s: "3", ink: page.Answer, at: 5}}
	b := sequence(cs, true).widened()
	if want := []string{"2", "3"}; !slices.Equal(b.answer, want) {
		t.Errorf("answer %q, want %q", b.answer, want)
	}
	var struck []string
	for _, r := range b.runs {
		if r.Strike {
			struck = append(struck, r.S)
		}
	}
	if want := []string{"1", "2"}; !slices.Equal(struck, want) {
		t.Errorf("struck %q, want %q", struck, want)
	}
	if len(b.runs) != 5 || b.runs[1].S != " " || !b.runs[1].Glue {
		t.Errorf("widened runs %+v: want a glued gap after each struck value", b.runs)
	}
	if lost := sequence(cs[:1], false); lost.asked() || !lost.runs[0].Strike {
		t.Errorf("a given value that no longer holds: %+v", lost)
	}
	var words held
	words.addWords("none (heartbeat)", page.Answer)
	words.add(" ", page.Answer, false)
	if want := []string{"none", "(heartbeat)"}; !slices.Equal(words.answer, want) {
		t.Errorf("words: answer %q, want %q", words.answer, want)
	}
}
