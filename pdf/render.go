package pdf

import (
	"strings"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf/internal/gofpdf"
)

// Colours, as RGB.
var (
	answerColour = [3]int{16, 58, 170}   // dark blue: reads apart in colour, prints dark in grey
	faintColour  = [3]int{105, 105, 105} // field ids: legible, yet quieter than anything written
	lineColour   = [3]int{60, 60, 60}
	fillColours  = map[page.Fill][3]int{page.Shade: {222, 222, 222}, page.Header: {240, 240, 240}, page.Band: {232, 236, 244}, page.Bar: {110, 130, 175}}
)

// Render draws a laid-out document as the worksheet (answers left blank)
// or as the key (answers in the answer face and colour).
func Render(doc *page.Document, key bool) ([]byte, error) {
	p, err := New(doc.Title, doc.Paper, key)
	if err != nil {
		return nil, err
	}
	if err := p.Add(doc); err != nil {
		return nil, err
	}
	return p.Bytes()
}

func drawBox(pdf *gofpdf.Fpdf, pen *pen, b page.Box) {
	r := b.R
	if c, ok := fillColours[b.Fill]; ok {
		pen.fillColour(pdf, c)
		pdf.Rect(r.X, r.Y, r.W, r.H, "F")
	}
	if b.Stroke == page.NoStroke {
		return
	}
	pen.drawColour(pdf, lineColour)
	switch b.Stroke {
	case page.Thick:
		pen.lineWidth(pdf, 0.45)
	case page.Dashed:
		pen.lineWidth(pdf, 0.25)
		pdf.SetDashPattern([]float64{2, 1.5}, 0)
	default:
		pen.lineWidth(pdf, 0.2)
	}
	if r.H == 0 {
		pdf.Line(r.X, r.Y, r.Right(), r.Y)
	} else {
		pdf.Rect(r.X, r.Y, r.W, r.H, "D")
	}
	if b.Stroke == page.Dashed {
		pdf.SetDashPattern([]float64{}, 0)
	}
}

// drawText draws a text's lines; runs not printed on this PDF keep their
// room, so everything else stands where it stands on the other PDF.
func drawText(pdf *gofpdf.Fpdf, pen *pen, m *fonts.Measurer, t page.Text, key bool) {
	top := t.R.Y + t.PadY
	if t.Middle {
		top = t.R.Y + (t.R.H-float64(len(t.Lines))*t.LineH)/2
	}
	sizeMM := t.Size * fonts.MMPerPt
	for i, line := range t.Lines {
		baseline := top + float64(i)*t.LineH + t.LineH/2 + 0.34*sizeMM
		x := t.R.X + t.PadX
		if t.Align != page.Left {
			free := t.R.W - 2*t.PadX - page.LineWidth(m, line, t.Face, t.Size)
			if t.Align == page.Center {
				free /= 2
			}
			x += free
		}
		for _, seg := range pen.segmenter.segments(line, t.Face, key) {
			w := m.Width(seg.face, t.Size, seg.s)
			if seg.ink.PrintedOn(key) && strings.TrimSpace(seg.s) != "" {
				pen.drawSegment(pdf, seg, x, baseline, w, t.Size)
			}
			x += w
		}
	}
}

// segment is runs drawn in one go: same face, same ink, not struck.
type segment struct {
	s      string
	face   fonts.Face
	ink    page.Ink
	strike bool
}

// segmenter joins a line's runs into as few pieces as can be drawn each
// with one call (the PDF is smaller and quicker to make). Spaces are drawn
// too, so that text extraction and copying see the words apart; a space
// after a struck run starts the next segment, so the strike stops short
// of it. A given value is struck only on the key: that it is replaced
// later is an answer, which the worksheet must not give away. It reuses
// its memory from line to line: a line's segments are drawn before the
// next line's are made.
type segmenter struct {
	segs []segment
	text []byte // the last segment's text, until it is complete
}

// segments are line's segments, valid until the next call.
func (sg *segmenter) segments(line page.Line, base fonts.Face, key bool) []segment {
	out, cur := sg.segs[:0], sg.text[:0]
	done := func() { // the last segment's text is complete
		if n := len(out); n > 0 {
			out[n-1].s = string(cur)
		}
	}
	for _, r := range line {
		r.Strike = r.Strike && key
		face := page.FaceOf(r, base)
		if n := len(out); n > 0 && !r.Strike && !out[n-1].strike && out[n-1].face == face &&
			(out[n-1].ink == r.Ink || r.S == " ") {
			cur = append(cur, r.S...)
			continue
		}
		if n := len(out); n > 0 && string(cur) == " " && !r.Strike && out[n-1].face == face {
			cur = append(cur, r.S...) // a space that began a segment takes the run after it
			out[n-1].ink = r.Ink
			continue
		}
		done()
		cur = append(cur[:0], r.S...)
		out = append(out, segment{face: face, ink: r.Ink, strike: r.Strike})
	}
	done()
	sg.segs, sg.text = out, cur
	return out
}

// pen remembers the font, colours and line width last set, and sets
// each only when it changes: gofpdf writes an operator for every call,
// and a page has hundreds of boxes and field ids. (gofpdf sets them all
// again at the top of every page, so what the pen remembers holds across
// pages.)
type pen struct {
	segmenter
	font             setting[face]
	text, draw, fill setting[[3]int]
	width            setting[float64]
}

// face is a font at a size.
type face struct {
	face fonts.Face
	size float64
}

// setting is a value last set, if any.
type setting[T comparable] struct {
	v   T
	set bool
}

// change records v and reports whether it differs from the value last
// set (or none was).
func (s *setting[T]) change(v T) bool {
	if s.set && s.v == v {
		return false
	}
	s.v, s.set = v, true
	return true
}

func (p *pen) setFont(pdf *gofpdf.Fpdf, f fonts.Face, size float64) {
	if p.font.change(face{f, size}) {
		pdf.SetFont(f.Family(), "", size)
	}
}

func (p *pen) textColour(pdf *gofpdf.Fpdf, c [3]int) {
	if p.text.change(c) {
		pdf.SetTextColor(c[0], c[1], c[2])
	}
}

func (p *pen) drawColour(pdf *gofpdf.Fpdf, c [3]int) {
	if p.draw.change(c) {
		pdf.SetDrawColor(c[0], c[1], c[2])
	}
}

func (p *pen) fillColour(pdf *gofpdf.Fpdf, c [3]int) {
	if p.fill.change(c) {
		pdf.SetFillColor(c[0], c[1], c[2])
	}
}

func (p *pen) lineWidth(pdf *gofpdf.Fpdf, w float64) {
	if p.width.change(w) {
		pdf.SetLineWidth(w)
	}
}

func (p *pen) drawSegment(pdf *gofpdf.Fpdf, seg segment, x, baseline, w, size float64) {
	colour := [3]int{0, 0, 0}
	switch seg.ink {
	case page.Answer, page.KeyOnly:
		colour = answerColour
	case page.Faint:
		colour = faintColour
	}
	p.setFont(pdf, seg.face, size)
	p.textColour(pdf, colour)
	pdf.Text(x, baseline, seg.s)
	if seg.strike { // striking a value out is the student's answer: in the answer's colour, given or not
		p.drawColour(pdf, answerColour)
		p.lineWidth(pdf, 0.3)
		y := baseline - 0.3*size*fonts.MMPerPt
		pdf.Line(x-0.3, y, x+w+0.3, y)
	}
}
