package worksheet

import "github.com/raftsheet/raftsheet/page"

// pass is one layout pass of a document (Layout lays out until the
// page numbers the texts read stand still; a pass whose texts read none
// is the last). The cover reads them; the built-in templates' other texts
// do not, so when a pass's cover ends where the previous pass's did, and
// nothing after it read the numbers, everything after it would come out
// as it did then: the pass takes those pages instead of laying them out
// again (TestPassesReuseWhatTheyMay checks the result is the same
// document; range_reads.go says who read the numbers).
type pass struct {
	l       *layout
	doc     *page.Document
	tooTall []page.TooTall
	cover   mark // where the cover ended; zero without a cover
	// coverAlone: nothing after the cover was drawn on its last page
	// (the exam's questions start there), so the rest starts a page.
	coverAlone bool
	// restReads: a text after the cover read the page numbers (a
	// template's "How to fill in" box may), in this pass or in the one
	// whose pages it took.
	restReads bool
}

// mark is where the flow stands: how many pages, how far down the last,
// and what that page holds.
type mark struct {
	pages, texts, boxes, tooTall int
	y                            float64
	section                      string
}

func (l *layout) mark() mark {
	m := mark{pages: len(l.Doc.Pages), y: l.Y, tooTall: len(l.TooTall), section: l.Section}
	if l.Page != nil {
		m.texts, m.boxes = len(l.Page.Texts), len(l.Page.Boxes)
	}
	return m
}

// end closes a pass laid out to its end.
func (p *pass) end() {
	p.doc, p.tooTall = p.l.Doc, p.l.TooTall
	p.restReads = p.l.reads.rest.Load()
	if c := p.cover; c.pages > 0 {
		last := p.doc.Pages[c.pages-1]
		p.coverAlone = len(last.Texts) == c.texts && len(last.Boxes) == c.boxes
	}
}

// sameAfter reports whether a cover that ended at c leaves the rest of
// this pass as it was: the cover ended at the same place, and nothing
// after it was drawn onto its last page.
func (p *pass) sameAfter(c mark) bool {
	return p != nil && p.coverAlone && p.cover == c && !p.restReads
}

// readRanges reports whether any text of the pass read the page numbers
// it was laid out with (range_reads.go): if none did, another pass would
// lay out the same pages.
func (p *pass) readRanges() bool {
	return p.restReads || p.l.reads.cover.Load()
}

// reuse takes prev's pages after the cover, and its rows that did not fit.
func (p *pass) reuse(prev *pass) {
	l := p.l
	l.Doc.Pages = append(l.Doc.Pages, prev.doc.Pages[p.cover.pages:]...)
	l.TooTall = append(l.TooTall, prev.tooTall[p.cover.tooTall:]...)
	p.doc, p.tooTall = l.Doc, l.TooTall
	p.coverAlone = true          // as in prev, or it would not be reused
	p.restReads = prev.restReads // false, or it would not be reused
}
