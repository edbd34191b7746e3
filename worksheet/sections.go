package worksheet

import (
	"sync"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// sectionsAtOnce lays out sections that follow one another, each of
// which starts a page of its own (every section but the exam's questions
// does): what one lays out never depends on where the one before ended,
// so the first is laid out here and the others meanwhile on a second
// goroutine, each in a flow of its own, and their pages are joined in
// order as if laid out one after the other. (What sections share is
// worked out under passShared.mu; each flow measures with its own
// measurer.)
func (l *layout) sectionsAtOnce(sections []string, fates map[int]outcome) {
	var m *fonts.Measurer
	if len(sections) > 1 && !l.shared.inTurn {
		m, _ = fonts.BorrowMeasurer() // it reads the fonts the first one read: cannot fail
	}
	if m == nil { // one section, in turn (tests), or no measurer
		for _, s := range sections {
			l.section(s, fates)
		}
		return
	}
	others := make([]*layout, len(sections)-1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fonts.ReturnMeasurer(m)
		for i, s := range sections[1:] {
			others[i] = l.alone(s, fates, m)
		}
	}()
	first := l.alone(sections[0], fates, l.m)
	wg.Wait()
	l.join(first)
	for _, o := range others {
		l.join(o)
	}
}

// alone lays out section s in a flow of its own, measuring with m.
func (l *layout) alone(s string, fates map[int]outcome, m *fonts.Measurer) *layout {
	sub := *l
	sub.m = m
	sub.Flow = page.Flow{Doc: &page.Document{Title: l.Doc.Title, Paper: l.Doc.Paper, Area: l.Doc.Area}, Body: l.Body}
	sub.section(s, fates)
	return &sub
}

// join puts a section laid out alone after the pages of l, where it would
// have been laid out.
func (l *layout) join(sub *layout) {
	before := len(l.Doc.Pages)
	l.Doc.Pages = append(l.Doc.Pages, sub.Doc.Pages...)
	for _, t := range sub.TooTall {
		t.Page += before
		l.TooTall = append(l.TooTall, t)
	}
	if sub.Page != nil {
		l.Page, l.Y, l.Section = sub.Page, sub.Y, sub.Section
	}
}
