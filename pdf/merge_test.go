package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// doc is a document of one page per text, each text in the regular face
// and, if bold is set, a word of it in bold too.
func doc(t *testing.T, paper string, bold bool, texts ...string) *page.Document {
	t.Helper()
	p, err := page.ParsePaper(paper)
	if err != nil {
		t.Fatal(err)
	}
	d := &page.Document{Title: "test", Paper: p}
	for _, s := range texts {
		pg := &page.Page{}
		pg.AddBox(page.Box{R: page.Rect{X: 20, Y: 20, W: 120, H: 12}, Stroke: page.Thin})
		pg.AddText(page.Text{R: page.Rect{X: 20, Y: 20, W: 120, H: 12}, Lines: []page.Line{{{S: s}}}, Face: fonts.Regular, Size: 12, LineH: 6})
		if bold {
			pg.AddText(page.Text{R: page.Rect{X: 20, Y: 40, W: 120, H: 12}, Lines: []page.Line{{{S: "Bold"}}}, Face: fonts.Bold, Size: 12, LineH: 6})
		}
		d.Pages = append(d.Pages, pg)
	}
	return d
}

func render(t *testing.T, d *page.Document) []byte {
	t.Helper()
	b, err := Render(d, false)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// merge merges parts (those marked one-sided get a blank back per page),
// with a blank page after the part when told, and closes the merger.
type step struct {
	pdf      []byte
	oneSided bool
	blank    bool
}

func merge(t *testing.T, paper string, steps ...step) []byte {
	t.Helper()
	p, _ := page.ParsePaper(paper)
	var out bytes.Buffer
	m := NewMerger(&out, "merged · test", p)
	for _, s := range steps {
		var err error
		if s.oneSided {
			err = m.AddOneSided(s.pdf)
		} else {
			err = m.Add(s.pdf)
		}
		if err == nil && s.blank {
			err = m.Blank()
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// The merged PDF has every part's pages in order, blank pages where they
// were asked for and after each one-sided page; it is itself a PDF the
// merger reads, whose cross-reference table points at every object, and
// which qpdf and poppler read, with the fonts embedded.
func TestMergerKeepsPagesInOrder(t *testing.T) {
	a := render(t, doc(t, "a4", true, "alpha one"))
	b := render(t, doc(t, "a4", false, "beta one", "beta two"))
	c := render(t, doc(t, "a4", true, "gamma one", "gamma two"))
	merged := merge(t, "a4", step{pdf: a, blank: true}, step{pdf: b}, step{pdf: c, oneSided: true})
	want := []string{"alpha one", "", "beta one", "beta two", "gamma one", "", "gamma two", ""}

	p, err := readPart(merged)
	if err != nil {
		t.Fatalf("the merged PDF does not read back: %v", err)
	}
	if len(p.pages) != len(want) {
		t.Fatalf("%d pages, want %d", len(p.pages), len(want))
	}
	for i, n := range p.pages {
		pg, _ := p.object(n)
		if !bytes.Contains(pg.head, []byte("/Parent 1 0 R")) {
			t.Errorf("page %d (object %d) is not a child of the page tree: %q", i+1, n, pg.head)
		}
		if c := partContents().FindSubmatch(pg.head); (c == nil) != (want[i] == "") {
			t.Errorf("page %d: contents %q, want text %q", i+1, c, want[i])
		}
	}
	xref, _, err := readXref(merged)
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n < len(xref); n++ {
		if !bytes.HasPrefix(merged[xref[n]:], []byte(fmt.Sprintf("%d 0 obj\n", n))) {
			t.Errorf("the cross-reference table puts object %d at byte %d, where %q starts", n, xref[n], merged[xref[n]:xref[n]+12])
		}
	}

	if !hasTools("qpdf", "pdftotext", "pdffonts") {
		t.Skip("install qpdf and poppler-utils to check the merged PDF with them")
	}
	path := filepath.Join(t.TempDir(), "merged.pdf")
	os.WriteFile(path, merged, 0o644)
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	for i, w := range want {
		if got := strings.TrimSpace(strings.ReplaceAll(pages[i], "Bold", "")); got != w {
			t.Errorf("page %d reads %q, want %q", i+1, got, w)
		}
	}
	fonts, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")[2:]
	embedded := regexp.MustCompile(`^utf8go\S+\s+CID TrueType\s+Identity-H\s+yes\s`)
	for _, l := range lines {
		if !embedded.MatchString(l) {
			t.Errorf("a font is not embedded: %q", l)
		}
	}
	if len(lines) < 3 {
		t.Errorf("pdffonts lists %d fonts, want the parts' regular and bold:\n%s", len(lines), fonts)
	}
}

// A font subset that an earlier part had, byte for byte, is written once:
// the same part merged twice adds its pages and their contents, not its
// fonts; a part with other characters brings its own subset.
func TestMergerSharesIdenticalFonts(t *testing.T) {
	a := render(t, doc(t, "a4", true, "the same text"))
	fontFiles := func(pdf []byte) int { return bytes.Count(pdf, []byte("/Length1 ")) }
	if fontFiles(a) != 2 {
		t.Fatalf("a part has %d font files, want regular and bold", fontFiles(a))
	}
	once, twice := merge(t, "a4", step{pdf: a}), merge(t, "a4", step{pdf: a}, step{pdf: a})
	if fontFiles(twice) != 2 {
		t.Errorf("the same part twice: %d font files, want 2", fontFiles(twice))
	}
	if grew := len(twice) - len(once); grew > len(a)/4 {
		t.Errorf("the second copy of a %d-byte part added %d bytes", len(a), grew)
	}
	other := render(t, doc(t, "a4", true, "quite another text: ΑΒΓ"))
	if n := fontFiles(merge(t, "a4", step{pdf: a}, step{pdf: other})); n != 3 {
		t.Errorf("a part with other characters: %d font files, want 3 (its own regular, the shared bold)", n)
	}
}

// Merging is deterministic, and the merged PDF's dates are the fixed
// date or SOURCE_DATE_EPOCH's, as a part's are.
func TestMergerIsRepeatable(t *testing.T) {
	a := render(t, doc(t, "letter", true, "one", "two", "three"))
	b := render(t, doc(t, "letter", false, "four"))
	first := merge(t, "letter", step{pdf: a, blank: true}, step{pdf: b, oneSided: true})
	if !bytes.Equal(first, merge(t, "letter", step{pdf: a, blank: true}, step{pdf: b, oneSided: true})) {
		t.Error("merging the same parts twice gave other bytes")
	}
	if !bytes.Contains(first, []byte("/CreationDate (D:20240101000000)")) {
		t.Error("the merged PDF lacks the fixed creation date")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	if m := merge(t, "letter", step{pdf: b}); !bytes.Contains(m, []byte("/ModDate (D:20231114221320)")) {
		t.Error("the merged PDF does not take SOURCE_DATE_EPOCH's date")
	}
}

// A part on another paper, or that is not gofpdf's output, is refused
// with an error, never a panic, whatever the bytes.
func TestMergerRefusesWhatItCannotRead(t *testing.T) {
	a4 := render(t, doc(t, "a4", true, "text"))
	letter, _ := page.ParsePaper("letter")
	if err := NewMerger(&bytes.Buffer{}, "t", letter).Add(a4); err == nil || !strings.Contains(err.Error(), "/MediaBox") {
		t.Errorf("an A4 part in a letter PDF: %v", err)
	}
	a, _ := page.ParsePaper("a4")
	for _, bad := range [][]byte{nil, []byte("%PDF-1.3\n"), []byte("not a PDF at all"), bytes.Replace(a4, []byte("xref\n0 "), []byte("xref\n1 "), 1),
		bytes.Replace(a4, []byte("/Type /Catalog"), []byte("/Type /Catalogue"), 1), bytes.Replace(a4, []byte("%PDF-1.3"), []byte("%PDF-1.7"), 1)} {
		if err := NewMerger(&bytes.Buffer{}, "t", a).Add(bad); err == nil {
			t.Errorf("a part of %d bytes that is not gofpdf's output was merged", len(bad))
		}
	}
	for cut := 0; cut < len(a4); cut += 97 { // every truncation: an error, not a panic
		if _, err := readPart(a4[:cut]); err == nil {
			t.Errorf("a part cut at byte %d of %d was read", cut, len(a4))
		}
	}
	for i := 0; i < len(a4); i += 89 { // a byte changed anywhere: read or refused, never a panic
		b := slices.Clone(a4)
		b[i] ^= 0x55
		readPart(b)
	}
}

// References are found in dictionaries and arrays, not inside strings or
// names, nor in numbers that merely look like one.
func TestScanRefs(t *testing.T) {
	src := []byte("<</A (1 0 R and \\) 9 0 R) /B 2 0 R /F1 3 0 R /K [4 0 R 5 0 R] /H <31 30 20 52> /M [0 0 595.28 841.89] /N 6 1 R /O 7 0 Rx /P 8 0 R>>")
	var got []int
	for _, r := range scanRefs(src) {
		got = append(got, r.num)
		if !bytes.HasSuffix(src[r.at:r.end], []byte(" 0 R")) {
			t.Errorf("reference %d spans %q", r.num, src[r.at:r.end])
		}
	}
	if want := []int{2, 3, 4, 5, 8}; !slices.Equal(got, want) {
		t.Errorf("references %v, want %v", got, want)
	}
}

func hasTools(tools ...string) bool {
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			return false
		}
	}
	return true
}
