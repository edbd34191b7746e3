package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"testing"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// A page of many boxes and ids in one style sets the style once: gofpdf
// writes an operator for every call, so the pen must skip the calls that
// change nothing (and still set what does change).
func TestThePenSetsEachStyleOnce(t *testing.T) {
	p, _ := page.ParsePaper("a4")
	d := &page.Document{Title: "pen", Paper: p}
	pg := &page.Page{}
	for i := 0; i < 40; i++ {
		r := page.Rect{X: 20, Y: 20 + float64(i)*6, W: 60, H: 5}
		pg.AddBox(page.Box{R: r, Stroke: page.Thin})
		pg.AddText(page.Text{R: r, Lines: []page.Line{{{S: "S1.term", Ink: page.Faint}}}, Face: fonts.Regular, Size: 6, LineH: 3})
	}
	pg.AddBox(page.Box{R: page.Rect{X: 100, Y: 20, W: 60, H: 5}, Stroke: page.Thick})
	d.Pages = append(d.Pages, pg)
	b, err := Render(d, false)
	if err != nil {
		t.Fatal(err)
	}
	content := inflated(t, b)
	count := func(re string) int { return len(regexp.MustCompile(re).FindAll(content, -1)) }
	if n := count(`(?m)^0\.235 G$`); n != 1 { // lineColour, a grey
		t.Errorf("the line colour is set %d times, want once", n)
	}
	if n := count(`BT /F[0-9a-f]+ [\d.]+ Tf ET`); n != 1 {
		t.Errorf("the font is set %d times, want once", n)
	}
	if n := count(`(?m)^[\d.]+ w$`); n != 1+2 { // gofpdf's own at the page's top, thin, thick
		t.Errorf("the line width is set %d times, want 3", n)
	}
}

// inflated is every compressed stream of a PDF, inflated, one after the
// other (the page contents among them).
func inflated(t *testing.T, pdf []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	for _, m := range regexp.MustCompile(`(?s)/FlateDecode /Length (\d+)>>\nstream\n`).FindAllSubmatchIndex(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(pdf[m[1]:]))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(&out, r) // reads to the stream's end
		out.WriteByte('\n')
	}
	return out.Bytes()
}
