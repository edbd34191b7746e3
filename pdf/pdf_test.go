package pdf

import (
	"bytes"
	"hash/crc32"
	"strings"
	"sync"
	"testing"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf/internal/gofpdf"
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

// Documents drawn at once share each font's parse (internal/gofpdf's
// cache): each must come out as it does alone, and under -race nothing
// may write what another reads.
func TestDocumentsDrawnAtOnceAreAsAlone(t *testing.T) {
	docs := []*page.Document{
		doc(t, "a4", false, "S1 term 2"),
		doc(t, "a4", true, "José García", "Ωμέγα × → ≥"),
		doc(t, "letter", true, "AppendEntries(term 3, prevLogIndex 2)"),
	}
	alone := map[int][]byte{}
	for i, d := range docs {
		b, err := Render(d, i%2 == 1)
		if err != nil {
			t.Fatal(err)
		}
		alone[i] = b
	}
	var wg sync.WaitGroup
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 3; k++ {
				i := (g + k) % len(docs)
				b, err := Render(docs[i], i%2 == 1)
				if err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(b, alone[i]) {
					t.Errorf("document %d drawn beside others differs from it drawn alone", i)
				}
			}
		}()
	}
	wg.Wait()
}

// The ids knownFonts gives are the ones gofpdf works out for the fonts
// embedded: when the Go fonts change, this says what to write there.
func TestKnownFontIDsAreGofpdfs(t *testing.T) {
	for f := range fonts.NumFaces {
		id, err := gofpdf.UTF8FontID(f.Family(), "", f.TTF())
		if err != nil {
			t.Fatal(err)
		}
		if got := knownID(f); got != id {
			t.Errorf("%s: knownFonts gives %q; its font is now {%d, %d, %q}", f.Family(), got, len(f.TTF()), crc32.ChecksumIEEE(f.TTF()), id)
		}
	}
}
