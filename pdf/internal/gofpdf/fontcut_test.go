package gofpdf

import (
	"bytes"
	"math/rand"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// upstreamChecksum is generateChecksum as gofpdf v1.16.2 has it (on a
// copy: upstream padded the slice it was given).
func upstreamChecksum(data []byte) []int {
	data = append([]byte(nil), data...)
	if (len(data) % 4) != 0 {
		for i := 0; (len(data) % 4) != 0; i++ {
			data = append(data, 0)
		}
	}
	answer := []int{0x0000, 0x0000}
	for i := 0; i < len(data); i += 4 {
		answer[0] += (int(data[i]) << 8) + int(data[i+1])
		answer[1] += (int(data[i+2]) << 8) + int(data[i+3])
		answer[0] += answer[1] >> 16
		answer[1] = answer[1] & 0xFFFF
		answer[0] = answer[0] & 0xFFFF
	}
	return answer
}

// upstreamAssembleTables is assembleTables as gofpdf v1.16.2 has it.
func upstreamAssembleTables(utf *utf8FontFile) []byte {
	answer := make([]byte, 0)
	tablesCount := len(utf.outTablesData)
	findSize := 1
	writer := 0
	for findSize*2 <= tablesCount {
		findSize = findSize * 2
		writer = writer + 1
	}
	findSize = findSize * 16
	rOffset := tablesCount*16 - findSize
	answer = append(answer, packHeader(0x00010000, tablesCount, findSize, writer, rOffset)...)
	tables := utf.outTablesData
	tablesNames := keySortStrings(tables)
	offset := 12 + tablesCount*16
	begin := 0
	for _, name := range tablesNames {
		if name == "head" {
			begin = offset
		}
		answer = append(answer, []byte(name)...)
		checksum := upstreamChecksum(tables[name])
		answer = append(answer, pack2Uint16(checksum[0], checksum[1])...)
		answer = append(answer, pack2Uint32(offset, len(tables[name]))...)
		paddedLength := (len(tables[name]) + 3) &^ 3
		offset = offset + paddedLength
	}
	for _, key := range tablesNames {
		data := append([]byte{}, tables[key]...)
		data = append(data, []byte{0, 0, 0}...)
		answer = append(answer, data[:(len(data)&^3)]...)
	}
	checksum := upstreamChecksum([]byte(answer))
	checksum = utf.calcInt32([]int{0xB1B0, 0xAFBA}, checksum)
	answer = utf.splice(answer, (begin + 8), pack2Uint16(checksum[0], checksum[1]))
	return answer
}

// The checksum pads the last word where it reads it: upstream's sums for
// every length, and the bytes it is given are left as they were.
func TestChecksumAsUpstreams(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	utf := &utf8FontFile{}
	for n := 0; n < 64; n++ {
		data := make([]byte, n, n+8)
		rng.Read(data)
		tail := data[:n+8]
		for i := n; i < n+8; i++ {
			tail[i] = 0xEE // bytes past the end: never read, never written
		}
		if got, want := utf.generateChecksum(data), upstreamChecksum(data); got[0] != want[0] || got[1] != want[1] {
			t.Fatalf("length %d: checksum %v, upstream's %v", n, got, want)
		}
		for i := n; i < n+8; i++ {
			if tail[i] != 0xEE {
				t.Fatalf("length %d: the checksum wrote past the data's end", n)
			}
		}
	}
}

// A subset is made in one array of its final size: the same font file,
// byte for byte, as upstream's assembleTables makes of the same tables,
// for subsets with composite glyphs, odd-length tables and glyphs.
func TestCutFontAsUpstreams(t *testing.T) {
	texts := []string{"S1 term 2", "Ωμέγα × → ≥ José Ǆ ﬁ", "AppendEntries(term=3, prevLogIndex=7) ✓ …"}
	for name, ttf := range map[string][]byte{"goregular": goregular.TTF, "gobold": gobold.TTF, "gomono": gomono.TTF} {
		p, err := cachedUTF8Font(name, ttf, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range texts {
			runes := map[int]int{}
			for _, r := range text {
				runes[int(r)] = int(r)
			}
			for r := 32; r < 127; r++ {
				runes[r] = r
			}
			utf := p.forDocument(runes).utf8File
			got := utf.GenerateCutFont(runes)
			want := upstreamAssembleTables(utf) // from the tables the cut left
			if !bytes.Equal(got, want) {
				t.Errorf("%s %q: the subset differs from upstream's assembly (%d bytes, want %d)", name, text, len(got), len(want))
			}
			if len(got) != cap(got) {
				t.Errorf("%s %q: the subset was not made at its final size (len %d, cap %d)", name, text, len(got), cap(got))
			}
		}
	}
}
