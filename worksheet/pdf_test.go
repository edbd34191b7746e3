package worksheet

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
)

// TestBuiltinExercisesMakeValidPDFs builds every built-in exercise in both
// templates on both papers and checks the PDFs with qpdf and poppler: a
// valid file, every font embedded, the chosen paper, and a worksheet and a
// key with the same pages.
func TestBuiltinExercisesMakeValidPDFs(t *testing.T) {
	needTools(t, "qpdf", "pdffonts", "pdfinfo")
	type build struct{ name, kind, paper string }
	var builds []build
	for _, name := range exercises.Names() {
		builds = append(builds, build{name, templates.KindRoleplay, "a4"}, build{name, templates.KindTrace, "letter"})
	}
	builds = append(builds, build{"partition", templates.KindRoleplay, "letter"}, build{"partition", templates.KindTrace, "a4"})
	for _, c := range builds {
		t.Run(c.name+"/"+c.kind+"/"+c.paper, func(t *testing.T) {
			t.Parallel()
			checkPDFs(t, buildExercise(t, c.name, c.kind, c.paper), c.paper)
		})
	}
}

// checkPDFs checks a build's two PDFs with qpdf, pdffonts and pdfinfo.
func checkPDFs(t *testing.T, b built, paper string) {
	sizes := map[string]string{"a4": "595.28 x 841.89 pts (A4)", "letter": "612 x 792 pts (letter)"}
	dir := t.TempDir()
	for _, pdf := range []struct {
		name  string
		bytes []byte
		key   bool
	}{{"worksheet.pdf", b.pdfs.Worksheet, false}, {"key.pdf", b.pdfs.Key, true}} {
		path := writePDF(t, dir, pdf.name, pdf.bytes)
		run(t, "qpdf", "--check", path)
		checkFontsEmbedded(t, path)
		info := run(t, "pdfinfo", path)
		if !strings.Contains(info, "Page size:       "+sizes[paper]) {
			t.Errorf("%s: pdfinfo does not show %s:\n%s", pdf.name, sizes[paper], info)
		}
		if n := len(b.doc.Of(pdf.key)); !strings.Contains(info, fmt.Sprintf("Pages:           %d\n", n)) {
			t.Errorf("%s: pdfinfo shows another page count than the layout's %d:\n%s", pdf.name, n, info)
		}
	}
}

var fontLine = regexp.MustCompile(`(?m)^(\S+)\s+CID TrueType\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no)`)

func checkFontsEmbedded(t *testing.T, path string) {
	t.Helper()
	out := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")[2:]
	if len(lines) == 0 {
		t.Fatalf("%s: pdffonts lists no fonts", path)
	}
	for _, l := range lines {
		m := fontLine.FindStringSubmatch(l)
		if m == nil || m[2] != "yes" {
			t.Errorf("%s: font not embedded (or not the Go fonts as expected): %q", path, l)
		}
	}
}
