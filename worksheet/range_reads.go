package worksheet

import (
	"strings"
	"sync/atomic"
)

// rangeReads records, for one layout pass, whether its texts read the
// page numbers of the pass before (a template's {state_pages}, {cover_at},
// …): the cover's, and those of the sections after it (a "How to fill in"
// box may have them too). A pass whose texts read none is final at once;
// one whose sections after the cover read none may take the previous
// pass's pages after the cover when its cover ends where that one's did.
// Sections are laid out at once, so the marks are atomic.
type rangeReads struct {
	cover, rest atomic.Bool
}

// pagePlaceholders are the placeholders instruction fills from the page
// numbers.
var pagePlaceholders = []string{
	"{state_pages}", "{slip_pages}", "{debrief_pages}", "{step_pages}", "{cover_pages}", "{sheet_pages}",
	"{class_pages}", "{class_sheets}", "{cover_at}", "{debrief_at}", "{state_at}", "{slips_at}", "{steps_at}",
}

// notePageReads marks the pass's page numbers read, by the cover or by
// the rest, when s has a placeholder filled from them.
func (l *layout) notePageReads(s string) {
	if l.reads == nil || !strings.Contains(s, "{") {
		return
	}
	for _, p := range pagePlaceholders {
		if strings.Contains(s, p) {
			if l.inCover {
				l.reads.cover.Store(true)
			} else {
				l.reads.rest.Store(true)
			}
			return
		}
	}
}
