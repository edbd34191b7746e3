package page

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/fonts"
)

// minWriteHeight is the least height of a box a student writes in, in mm.
const minWriteHeight = 6.0

// Tolerance absorbs floating-point rounding in the checks, in mm.
const Tolerance = 0.01

// Problems checks the layout's promises, from the model alone: every box
// and text lies inside the printable area, every line of text fits its
// box's width and all lines its height, every box a student writes in is
// tall enough, and every character has a glyph in its face.
func (d *Document) Problems(m *fonts.Measurer) []string {
	out := d.fieldProblems()
	for i, p := range d.Pages {
		where := func(format string, args ...any) {
			out = append(out, fmt.Sprintf("page %d (%s): ", i+1, p.Section)+fmt.Sprintf(format, args...))
		}
		for _, b := range p.Boxes {
			if !d.inside(b.R) {
				where("a box at %s lies outside the printable area %s", b.R, d.Area)
			}
			if b.Write && b.R.H < minWriteHeight-Tolerance {
				where("a box to write in at %s is only %.1f mm high", b.R, b.R.H)
			}
		}
		for _, problem := range p.idOverlaps(m) {
			where("%s", problem)
		}
		for _, t := range p.Texts {
			for _, problem := range t.problems(m) {
				where("%s", problem)
			}
			if !d.inside(t.R) {
				where("the text %q at %s lies outside the printable area %s", t.String(), t.R, d.Area)
			}
		}
	}
	return out
}

// fieldProblems reports field ids used twice: answer files could not
// tell the boxes apart.
func (d *Document) fieldProblems() []string {
	var out []string
	seen := map[string]int{}
	for _, f := range d.Fields() {
		if p, dup := seen[f.ID]; dup {
			out = append(out, fmt.Sprintf("page %d: the field id %s is also on page %d (server names that read like field names?)", f.Page, f.ID, p))
		}
		seen[f.ID] = f.Page
	}
	return out
}

func (t Text) problems(m *fonts.Measurer) []string {
	var out []string
	if h := float64(len(t.Lines)) * t.LineH; h > t.R.H-2*t.PadY+Tolerance {
		out = append(out, fmt.Sprintf("%d lines of %q need %.1f mm but the box at %s has %.1f", len(t.Lines), t.String(), h, t.R, t.R.H-2*t.PadY))
	}
	for _, l := range t.Lines {
		if w := LineWidth(m, l, t.Face, t.Size); w > t.R.W-2*t.PadX+Tolerance {
			out = append(out, fmt.Sprintf("%q is %.1f mm wide but the box at %s has %.1f", lineText(l), w, t.R, t.R.W-2*t.PadX))
		}
		for _, r := range l {
			if c, ok := m.Missing(FaceOf(r, t.Face), r.S); ok {
				out = append(out, fmt.Sprintf("%q has %q (U+%04X), which its face has no glyph for", r.S, c, c))
			}
		}
	}
	return out
}

func (d *Document) inside(r Rect) bool {
	a := d.Area
	return r.W >= 0 && r.H >= 0 && r.X >= a.X-Tolerance && r.Y >= a.Y-Tolerance &&
		r.Right() <= a.Right()+Tolerance && r.Bottom() <= a.Bottom()+Tolerance
}

func (r Rect) String() string {
	return fmt.Sprintf("(%.1f, %.1f; %.1f × %.1f mm)", r.X, r.Y, r.W, r.H)
}

// String is the text's lines, for messages.
func (t Text) String() string {
	parts := make([]string, len(t.Lines))
	for i, l := range t.Lines {
		parts[i] = lineText(l)
	}
	return strings.Join(parts, " / ")
}

func lineText(l Line) string {
	var b strings.Builder
	for _, r := range l {
		b.WriteString(r.S)
	}
	return b.String()
}

// idOverlaps reports a field id whose print touches another text's: ids
// sit in a strip of their own, and this checks they stay there.
func (p *Page) idOverlaps(m *fonts.Measurer) []string {
	var out []string
	var ids, others []*Text // a page has hundreds of texts: sort them once
	for i := range p.Texts {
		if t := &p.Texts[i]; t.IsFieldID() {
			ids = append(ids, t)
		} else {
			others = append(others, t)
		}
	}
	for _, id := range ids {
		var idInk []Rect
		for _, t := range others {
			if !t.R.intersects(id.R) {
				continue
			}
			if idInk == nil {
				idInk = id.inked(m)
			}
			for _, r := range t.inked(m) {
				for _, ir := range idInk {
					if r.intersects(ir) {
						out = append(out, fmt.Sprintf("the field id %q runs into %q", id.String(), t.String()))
					}
				}
			}
		}
	}
	return out
}

// IsFieldID reports whether the text is a box's field id.
func (t Text) IsFieldID() bool {
	return len(t.Lines) == 1 && len(t.Lines[0]) == 1 && t.Lines[0][0].Ink == Faint
}

// inked is where each of the text's lines prints: as wide as the line,
// one line high, placed as drawText places it.
func (t Text) inked(m *fonts.Measurer) []Rect {
	top := t.R.Y + t.PadY
	if t.Middle {
		top = t.R.Y + (t.R.H-float64(len(t.Lines))*t.LineH)/2
	}
	out := make([]Rect, len(t.Lines))
	for i, l := range t.Lines {
		w := LineWidth(m, l, t.Face, t.Size)
		x := t.R.X + t.PadX
		switch t.Align {
		case Center:
			x += (t.R.W - 2*t.PadX - w) / 2
		case RightAlign:
			x += t.R.W - 2*t.PadX - w
		}
		out[i] = Rect{x, top + float64(i)*t.LineH, w, t.LineH}
	}
	return out
}

// intersects reports whether r and o share more than an edge.
func (r Rect) intersects(o Rect) bool {
	return r.X < o.Right()-Tolerance && o.X < r.Right()-Tolerance && r.Y < o.Bottom()-Tolerance && o.Y < r.Bottom()-Tolerance
}
