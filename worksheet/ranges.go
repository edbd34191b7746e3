package worksheet

import (
	"strconv"
	"strings"

	"github.com/raftsheet/raftsheet/page"
)

// pageRanges are the first and last page (from 1) of each section, so the
// cover can say which pages to print for what.
type pageRanges map[string][2]int

// rangesOf reads the sections' pages from a laid-out document, and each
// server's Raft State sheet's as "state/S1".
func rangesOf(doc *page.Document) pageRanges {
	out := pageRanges{}
	add := func(key string, n int) {
		r, ok := out[key]
		if !ok {
			r[0] = n
		}
		r[1] = n
		out[key] = r
	}
	for i, p := range doc.Pages {
		add(p.Section, i+1)
		if p.Section == "state" && p.Server != "" {
			add("state/"+p.Server, i+1)
		}
	}
	return out
}

// text is "3–7", "3", or none when the section has no pages.
func (r pageRanges) text(section, none string) string {
	pr, ok := r[section]
	switch {
	case !ok:
		return none
	case pr[0] == pr[1]:
		return strconv.Itoa(pr[0])
	}
	return strconv.Itoa(pr[0]) + "–" + strconv.Itoa(pr[1])
}

// sheetPages is how many pages the worksheet has: all but the key's own.
func (r pageRanges) sheetPages() int {
	n := 0
	for section, pr := range r {
		if section != "notes" && !strings.Contains(section, "/") {
			n = max(n, pr[1])
		}
	}
	return n
}

// count is how many pages a section (or one server's state sheet,
// "state/S1") has.
func (r pageRanges) count(section string) int {
	pr, ok := r[section]
	if !ok {
		return 0
	}
	return pr[1] - pr[0] + 1
}
