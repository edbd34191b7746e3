package pdf

import (
	"math"
	"testing"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/pdf/internal/gofpdf"
)

// TestMeasurerAgreesWithGofpdf: the layout measures text without a PDF;
// its widths must be gofpdf's, or a text that fits in the model could
// overflow on paper.
func TestMeasurerAgreesWithGofpdf(t *testing.T) {
	m, err := fonts.NewMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	pdf := gofpdf.New("P", "mm", "A4", "")
	for f := fonts.Face(0); f < fonts.NumFaces; f++ {
		pdf.AddUTF8FontFromBytes(f.Family(), "", append([]byte(nil), f.TTF()...))
	}
	texts := []string{"S1", "AppendEntries RPC", "commitIndex", "1:sally 2:tom", "C→L", "“quoted” — §5.3 …", "Ünïcödé ΑΒΓ жизнь", "WWWWMMMM iiii", " "}
	for f := fonts.Face(0); f < fonts.NumFaces; f++ {
		for _, size := range []float64{7.5, 9, 12, 18} {
			pdf.SetFont(f.Family(), "", size)
			for _, s := range texts {
				want := pdf.GetStringWidth(s)
				if got := m.Width(f, size, s); math.Abs(got-want) > 1e-9 {
					t.Errorf("%s %gpt %q: measurer %.4f mm, gofpdf %.4f mm", f.Family(), size, s, got, want)
				}
			}
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
}
