package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/page"
)

func renderBlank(t *testing.T) ([]byte, error) {
	t.Helper()
	a4, err := page.ParsePaper("a4")
	if err != nil {
		t.Fatal(err)
	}
	return Render(&page.Document{Title: "t", Paper: a4, Pages: []*page.Page{{}}}, false)
}

// The PDFs' dates are fixed, or SOURCE_DATE_EPOCH's when it is set; a
// value that is not a time is an error that says what to do, not a PDF
// dated by chance.
func TestDatesFollowSourceDateEpoch(t *testing.T) {
	for _, c := range []struct{ env, want string }{
		{"", "/CreationDate (D:20240101000000"},
		{"1700000000", "/CreationDate (D:20231114221320"},
		{"0", "/CreationDate (D:19700101000000"},
	} {
		t.Setenv("SOURCE_DATE_EPOCH", c.env)
		b, err := renderBlank(t)
		if err != nil {
			t.Fatalf("SOURCE_DATE_EPOCH=%q: %v", c.env, err)
		}
		if !bytes.Contains(b, []byte(c.want)) || !bytes.Contains(b, []byte(strings.Replace(c.want, "Creation", "Mod", 1))) {
			t.Errorf("SOURCE_DATE_EPOCH=%q: the PDF lacks %s and its ModDate", c.env, c.want)
		}
	}
	for _, bad := range []string{"yesterday", "-1", "1e9", "99999999999999"} {
		t.Setenv("SOURCE_DATE_EPOCH", bad)
		if _, err := renderBlank(t); err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH must be a number of seconds") {
			t.Errorf("SOURCE_DATE_EPOCH=%q: error %v", bad, err)
		}
	}
}
