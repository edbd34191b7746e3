package worksheet

import (
	"strconv"

	"github.com/raftsheet/raftsheet/page"
)

// pageRanges are the first and last page (from 1) of each section, so the
// cover can say which pages to print for what.
type pageRanges map[string][2]int

// rangesOf reads the sections' pages from a laid-out document.
func rangesOf(doc *page.Document) pageRanges {
	out := pageRanges{}
	for i, p := range doc.Pages {
		r, ok := out[p.Section]
		if !ok {
			r[0] = i + 1
		}
		r[1] = i + 1
		out[p.Section] = r
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
