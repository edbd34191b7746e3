package worksheet

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf"
)

// The class report is one valid page with the fonts embedded, the same
// bytes for the same grades, and it says how many rules it left out.
func TestReportPDF(t *testing.T) {
	needTools(t, "qpdf", "pdffonts", "pdfinfo", "pdftotext")
	r := Report{Title: "Leader cut off by a partition", Files: 40, Mean: 81.25}
	for i := 0; i < 40; i++ {
		r.Rules = append(r.Rules, ReportRule{Rule: field.Rule{Name: fmt.Sprintf("Rule number %d with a long name", i), Cite: "§5.3"}, Wrong: 40 - i, Blank: 2, Of: 80,
			Fields: []ReportField{{ID: "S1.commitIndex[2]", Wrong: 23, Blank: 3, Of: 40}, {ID: "S2.log[1].term", Wrong: 3, Of: 40}}})
	}
	r.Rules[0].Rule = field.Rule{Name: "Figure 8 commit rule", Cite: "§5.4.2"}
	r.History = []ReportField{{ID: "S3.log[2].value", Partial: 5}}
	r.Blank, r.Absent = []string{"Bob (s102)"}, []string{"Cy (s103)", "Di (s104)"}
	for _, paper := range page.Papers() {
		a, err := reportPDF(r, paper)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := reportPDF(r, paper)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two reports of the same grades differ", paper.Name)
		}
		path := writePDF(t, t.TempDir(), "report.pdf", a)
		run(t, "qpdf", "--check", path)
		checkFontsEmbedded(t, path)
		if info := run(t, "pdfinfo", path); !strings.Contains(info, "Pages:           1\n") {
			t.Errorf("%s: not one page:\n%s", paper.Name, info)
		}
		text := strings.Join(pageTexts(t, path), "")
		for _, want := range []string{"Figure 8 commit rule (§5.4.2)", "40 wrong · 2 blank of 80", "S1.commitIndex[2] 23 wrong, 3 blank of 40", "more rules, missed less often",
			"history missing", "S3.log[2].value 5", "Blank answer files", "Bob (s102)", "No answer file: 2", "Cy (s103) · Di (s104)"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the report lacks %q", paper.Name, want)
			}
		}
	}
}

// reportPDF lays out the report and draws it, as check --report does.
func reportPDF(r Report, paper page.Paper) ([]byte, error) {
	doc, err := ReportPage(r, paper)
	if err != nil {
		return nil, err
	}
	return pdf.Render(doc, false)
}
