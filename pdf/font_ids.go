package pdf

import (
	"hash/crc32"

	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/pdf/internal/gofpdf"
)

// knownFont is a face's font file as this build embeds it, and the id
// gofpdf gives it: the name of the font in a PDF's resources. Working the
// id out (gofpdf marshals the font's 65,536 widths and hashes them) was a
// third of reading a font, and a build reads three before its first PDF.
// TestKnownFontIDsAreGofpdfs checks them; a font whose size or checksum
// differs has its id worked out.
type knownFont struct {
	size int
	crc  uint32 // crc32.ChecksumIEEE of the file
	id   string
}

var knownFonts = [fonts.NumFaces]knownFont{
	fonts.Regular: {148672, 3035331221, "517958bf3f2e3ce2dd60c30b1588f88ea649f15c"},
	fonts.Bold:    {151748, 365094917, "04cb8b707223e210eb5ab96c270cc3922d99db20"},
	fonts.Italic:  {164764, 4131617575, "dd776a23d9bf1412fa491eac316744ee65c3de96"},
}

// knownID is face's id when its font is the one known, "" if not.
func knownID(f fonts.Face) string {
	k, ttf := knownFonts[f], f.TTF()
	if len(ttf) != k.size || crc32.ChecksumIEEE(ttf) != k.crc {
		return ""
	}
	return k.id
}

// Prepare reads the fonts the PDFs embed, so that the first PDF need not:
// a build calls it on a goroutine of its own while it lays out its
// sheets. A font that does not read is the error of every PDF embedding it.
func Prepare() {
	for f := range fonts.NumFaces {
		prepare(f)
	}
}

// prepare reads face f's font into gofpdf's cache, once per process.
func prepare(f fonts.Face) {
	_ = gofpdf.PrepareUTF8Font(f.Family(), "", f.TTF(), knownID(f))
}
