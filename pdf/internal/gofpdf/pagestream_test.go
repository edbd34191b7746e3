package gofpdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"
)

// contents are the content streams of a compressed PDF's pages, in order,
// uncompressed.
func contents(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	for _, m := range regexp.MustCompile(`(?s)/Filter /FlateDecode /Length (\d+)>>\nstream\n(.*?)\nendstream`).FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[2]))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(b); strings.Contains(s, " Tj ") || strings.Contains(s, " re ") {
			out = append(out, s) // a page's, not a font's
		}
	}
	return out
}

func streamDoc(t *testing.T, then func(f *Fpdf)) []string {
	t.Helper()
	f := New("P", "mm", "A4", "")
	f.SetCompression(true)
	f.SetCreationDate(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	f.SetFont("Helvetica", "", 12)
	for _, s := range []string{"page {nb} one", "page two", "page three"} {
		f.AddPage()
		f.Text(10, 10, s)
		f.Rect(10, 20, 30, 5, "D")
	}
	then(f)
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return contents(t, buf.Bytes())
}

// Pages are compressed as soon as the next one begins; what may still
// change a finished page puts it back first: writing to it again with
// SetPage, and page-count aliases registered late.
func TestFinishedPagesStayWritable(t *testing.T) {
	plain := streamDoc(t, func(*Fpdf) {})
	if len(plain) != 3 || !strings.Contains(plain[0], "(page {nb} one)") || !strings.Contains(plain[2], "(page three)") {
		t.Fatalf("pages as written: %q", plain)
	}
	again := streamDoc(t, func(f *Fpdf) { f.SetPage(1); f.Text(10, 30, "added later") })
	if !strings.Contains(again[0], "(page {nb} one)") || !strings.Contains(again[0], "(added later)") {
		t.Errorf("page 1 written again after page 3: %q", again[0])
	}
	aliased := streamDoc(t, func(f *Fpdf) { f.AliasNbPages("") })
	if !strings.Contains(aliased[0], "(page 3 one)") {
		t.Errorf("an alias registered after page 1 was finished: %q", aliased[0])
	}
}
