package pdf

import (
	"testing"

	"github.com/raftsheet/raftsheet/fonts"
)

// TestMeasurerAgreesWithTheFonts: the layout measures text without a
// PDF; its widths must be the ones the PDF's fonts declare, or a text
// that fits in the model could overflow on paper.
func TestMeasurerAgreesWithTheFonts(t *testing.T) {
	m, err := fonts.NewMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"S1", "AppendEntries RPC", "commitIndex", "1:sally 2:tom", "C→L", "“quoted” — §5.3 …", "Ünïcödé ΑΒΓ жизнь", "WWWWMMMM iiii", " "}
	for f := fonts.Face(0); f < fonts.NumFaces; f++ {
		tt, err := fontOf(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range []float64{7.5, 9, 12, 18} {
			for _, s := range texts {
				units := 0
				for _, r := range s {
					units += tt.width(tt.glyph(r))
				}
				want := float64(units) * size * fonts.MMPerPt / 1000
				if got := m.Width(f, size, s); got != want {
					t.Errorf("%s %gpt %q: measurer %.4f mm, the PDF's font %.4f mm", f.Family(), size, s, got, want)
				}
			}
		}
	}
}
