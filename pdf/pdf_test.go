package pdf

import (
	"strings"
	"testing"
)

// gofpdf panics on a character above U+FFFF; Render refuses it with an
// error instead, should the layout's own check ever let one through.
func TestRenderRefusesCharactersBeyondTheBMP(t *testing.T) {
	for _, key := range []bool{false, true} {
		_, err := Render(doc(t, "a4", false, "fine", "a smile 😀 here"), key)
		if err == nil || !strings.Contains(err.Error(), "U+1F600") || !strings.Contains(err.Error(), "page 2") {
			t.Errorf("key %v: %v", key, err)
		}
	}
}
