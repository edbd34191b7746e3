package worksheet

import "github.com/raftsheet/raftsheet/page"

// pass is one layout pass of a document (Layout lays out until the
// cover's page numbers stand still). Only the cover reads the page
// numbers, so when a pass's cover ends where the previous pass's did,
// everything after it would come out as it did then: the pass takes
// those pages instead of laying them out again (TestPassesReuseWhatTheyMay
// checks the result is the same document).
type pass struct {
	l       *layout
	doc     *page.Document
	tooTall []page.TooTall
	cover   mark // where the cover ended; zero without a cover
	// coverAlone: nothing after the cover was drawn on its last page
	// (the exam's questions start there), so the rest starts a page.
	coverAlone bool
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
	if c := p.cover; c.pages > 0 {
		last := p.doc.Pages[c.pages-1]
		p.coverAlone = len(last.Texts) == c.texts && len(last.Boxes) == c.boxes
	}
}

// sameAfter reports whether a cover that ended at c leaves the rest of
// this pass as it was: the cover ended at the same place, and nothing
// after it was drawn onto its last page.
func (p *pass) sameAfter(c mark) bool {
	return p != nil && p.coverAlone && p.cover == c
}

// reuse takes prev's pages after the cover, and its rows that did not fit.
func (p *pass) reuse(prev *pass) {
	l := p.l
	l.Doc.Pages = append(l.Doc.Pages, prev.doc.Pages[p.cover.pages:]...)
	l.TooTall = append(l.TooTall, prev.tooTall[p.cover.tooTall:]...)
	p.doc, p.tooTall = l.Doc, l.TooTall
	p.coverAlone = true // as in prev, or it would not be reused
}
