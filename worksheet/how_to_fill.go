package worksheet

import (
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// howToFill is the "How to fill in" box for a student page: the
// template's paragraphs on the notation (entries as term:value, the role
// letters, the answers of a response grid, "–" for none and that a blank
// counts as "–"), small, framed, kept together. The sheets place it where
// students write. first are paragraphs that go before the template's (a
// sheet's own: the trace's rows ask for changes or for full rows).
func (l *layout) howToFill(first ...string) []page.Row {
	paragraphs := append(append([]string(nil), first...), l.tpl.Text.HowToFill...)
	paragraphs = append(paragraphs, l.beyondHowToFill()...)
	if len(paragraphs) == 0 {
		return nil
	}
	size, inset := l.st.small, 1.5
	x, w := l.Body.X+inset, l.Body.W-2*inset
	box := l.howTo.wrapped(strings.Join(paragraphs, "\x00"), func() wrappedHowTo {
		title := l.wrapIn(page.Words(l.lbl.HowToFill, page.Print), fonts.Bold, size, w)
		out := wrappedHowTo{title: title, h: inset + l.textH(len(title), size)}
		for _, p := range paragraphs {
			ls := l.wrapIn(page.Words(l.instruction(p), page.Print), fonts.Regular, size, w)
			out.lines = append(out.lines, ls)
			out.h += float64(len(ls)) * lh(size)
		}
		out.h += inset
		return out
	})
	title, lines, h := box.title, box.lines, box.h
	return []page.Row{{H: h + l.st.gap, Draw: func(p *page.Page, y float64) {
		p.AddBox(page.Box{R: page.Rect{X: l.Body.X, Y: y, W: l.Body.W, H: h}, Stroke: page.Thin})
		cy := y + inset/2
		th := l.textH(len(title), size)
		l.text(p, page.Rect{X: x, Y: cy, W: w, H: th}, title, fonts.Bold, size, page.Left, false)
		cy += th
		for _, ls := range lines {
			ph := float64(len(ls)) * lh(size)
			p.AddText(page.Text{R: page.Rect{X: x, Y: cy, W: w, H: ph}, Lines: ls, Face: fonts.Regular, Size: size, LineH: lh(size), PadX: l.st.pad})
			cy += ph
		}
	}}}
}

// wrappedHowTo is a "How to fill in" box's text wrapped to its width, and
// how tall the box is.
type wrappedHowTo struct {
	title []page.Line
	lines [][]page.Line
	h     float64
}

// howToMemo keeps the "How to fill in" boxes of a layout pass: every
// State sheet has the same one, and the scratch sheets ask for it again
// and again (from two goroutines). Within a pass it depends only on its
// paragraphs (they read the pass's page ranges).
type howToMemo struct {
	mu    sync.Mutex
	boxes map[string]wrappedHowTo
}

// wrapped is the box of the paragraphs key, made by wrap the first time.
func (m *howToMemo) wrapped(key string, wrap func() wrappedHowTo) wrappedHowTo {
	if m == nil {
		return wrap()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.boxes[key]
	if !ok {
		b = wrap()
		if m.boxes == nil {
			m.boxes = map[string]wrappedHowTo{}
		}
		m.boxes[key] = b
	}
	return b
}
