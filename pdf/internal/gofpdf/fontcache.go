package gofpdf

// raftsheet patch (see PATCHES.md): what a UTF-8 font is, apart from
// which of its characters a document uses, is worked out once per process
// instead of once per document. Upstream parses the TrueType file in
// AddUTF8FontFromBytes, marshals the widths of 65,536 characters to JSON
// for the font's id, and parses the file's tables again when it cuts the
// subset; that was most of the cost of a small document. The results are
// the same bytes: the cache holds exactly what the parse gave, and the
// font file is never written (fileReader's array is read-only; see
// generateChecksum and getMetrics).

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
)

// parsedUTF8 is a UTF-8 font as every document embedding it sees it.
type parsedUTF8 struct {
	ttf  []byte // the font file, which nobody writes
	name string // the font key the id was made for
	def  fontDefType
	cut  *cutTables
	// charSymbols is the character-to-glyph map the parse read, which
	// the cut tables take instead of reading it again.
	charSymbols map[int]int
}

// cutTables are the tables GenerateCutFont reads whatever the subset: the
// table directory, the character-to-glyph map and where each glyph's
// outline starts. All read-only once made.
type cutTables struct {
	tableDescriptions    map[string]*tableDescription
	charSymbolDictionary map[int]int
	symbolPosition       []int
	metricsCount         int
}

var utf8Fonts struct {
	sync.Mutex
	byKey map[string][]*parsedUTF8
}

// cachedUTF8Font is the font ttf registered under fontkey, parsed once.
// (Upstream printed a parse error to standard output and went on without
// the font; this patch makes it the document's error.)
func cachedUTF8Font(fontkey string, ttf []byte, id string) (*parsedUTF8, error) {
	utf8Fonts.Lock()
	defer utf8Fonts.Unlock()
	for _, p := range utf8Fonts.byKey[fontkey] {
		if bytes.Equal(p.ttf, ttf) {
			return p, nil
		}
	}
	p, err := parseUTF8Font(fontkey, ttf, id)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", fontkey, err)
	}
	if utf8Fonts.byKey == nil {
		utf8Fonts.byKey = map[string][]*parsedUTF8{}
	}
	utf8Fonts.byKey[fontkey] = append(utf8Fonts.byKey[fontkey], p)
	return p, nil
}

// parseUTF8Font is upstream's parse in addFontFromBytes; id is the font's
// id when the caller knows it (UTF8FontID's), "" to work it out. The
// font file is kept as it is given, not copied: the program never writes
// into a font it has added (and this gofpdf never does).
func parseUTF8Font(fontkey string, ttf []byte, id string) (*parsedUTF8, error) {
	utf8File := newUTF8Font(&fileReader{readerPosition: 0, array: ttf})
	if err := utf8File.parseFile(); err != nil {
		return nil, err
	}
	desc := FontDescType{
		Ascent:       int(utf8File.Ascent),
		Descent:      int(utf8File.Descent),
		CapHeight:    utf8File.CapHeight,
		Flags:        utf8File.Flags,
		FontBBox:     utf8File.Bbox,
		ItalicAngle:  utf8File.ItalicAngle,
		StemV:        utf8File.StemV,
		MissingWidth: round(utf8File.DefaultWidth),
	}
	def := fontDefType{
		Tp:   "UTF8",
		Name: fontkey,
		Desc: desc,
		Up:   int(round(utf8File.UnderlinePosition)),
		Ut:   round(utf8File.UnderlineThickness),
		Cw:   utf8File.CharWidths, // read-only from here on
	}
	def.i = id
	if id == "" {
		def.i = utf8FontID(def)
	}
	return &parsedUTF8{ttf: ttf, name: fontkey, def: def, charSymbols: utf8File.charSymbolDictionary}, nil
}

// forDocument is the font's definition for one document: its own reader
// (a reading position) over the shared bytes, its own set of used
// characters.
func (p *parsedUTF8) forDocument(usedRunes map[int]int) fontDefType {
	def := p.def
	def.utf8File = newUTF8Font(&fileReader{readerPosition: 0, array: p.ttf})
	def.utf8File.shared = p
	def.usedRunes = usedRunes
	return def
}

// cutTables gives the tables every subset needs, reading them the first
// time (under the cache's lock: documents are cut in parallel).
func (p *parsedUTF8) cutTables(utf *utf8FontFile) (*cutTables, bool) {
	utf8Fonts.Lock()
	defer utf8Fonts.Unlock()
	if p.cut != nil {
		return p.cut, true
	}
	c, ok := readCutTables(utf, p.charSymbols)
	if ok {
		p.cut = c
	}
	return c, ok
}

// readCutTables is the part of upstream's GenerateCutFont that does not
// depend on the characters used (its call to parseHMTXTable only set
// widths the cut never reads, so it is left out). charSymbols, when the
// parse read it, is the character-to-glyph map generateCMAP would read
// again (from the same cmap subtable: parseCMAPTable picks it as
// generateCMAP does).
func readCutTables(utf *utf8FontFile, charSymbols map[int]int) (*cutTables, bool) {
	utf.fileReader.readerPosition = 0
	utf.skip(4)
	utf.generateTableDescriptions()

	utf.SeekTable("head")
	utf.skip(50)
	locaFormat := utf.readUint16()

	utf.SeekTable("hhea")
	utf.skip(34)
	metricsCount := utf.readUint16()

	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()

	if charSymbols != nil {
		utf.charSymbolDictionary = charSymbols
	} else if utf.generateCMAP() == nil {
		return nil, false
	}
	utf.parseLOCATable(locaFormat, numSymbols)
	return &cutTables{
		tableDescriptions:    utf.tableDescriptions,
		charSymbolDictionary: utf.charSymbolDictionary,
		symbolPosition:       utf.symbolPosition,
		metricsCount:         metricsCount,
	}, true
}

// utf8FontID is generateFontID's id without asking encoding/json to
// reflect over 65,536 widths one by one: the definition is marshalled
// without them and the array written in, the same bytes json.Marshal
// writes (TestUTF8FontIDIsUpstreams).
func utf8FontID(def fontDefType) string {
	cw := def.Cw
	def.File, def.Cw = "", nil
	b, err := json.Marshal(&def)
	at := bytes.Index(b, []byte(`"Cw":null`))
	if err != nil || at < 0 || cw == nil {
		def.Cw = cw
		id, _ := generateFontID(def)
		return id
	}
	out := make([]byte, 0, len(b)+len(cw)*4)
	out = append(out, b[:at]...)
	out = append(out, `"Cw":[`...)
	for i, w := range cw {
		if i > 0 {
			out = append(out, ',')
		}
		out = strconv.AppendInt(out, int64(w), 10)
	}
	out = append(out, ']')
	out = append(out, b[at+len(`"Cw":null`):]...)
	return fmt.Sprintf("%x", sha1.Sum(out))
}

// PrepareUTF8Font parses a UTF-8 font into the cache, with the tables its
// subsets read, before any document asks for it: a program that knows
// which fonts it will embed can parse them while it does other work. A
// document adding the font later takes it from the cache. id is the
// font's id (UTF8FontID's) when the program knows it already, which
// spares working it out (marshalling 65,536 widths and hashing them);
// "" works it out.
func PrepareUTF8Font(familyStr, styleStr string, ttf []byte, id string) error {
	p, err := cachedUTF8Font(getFontKey(familyStr, styleStr), ttf, id)
	if err != nil {
		return err
	}
	p.cutTables(p.forDocument(nil).utf8File)
	return nil
}

// UTF8FontID is the id of the font ttf added as family and style: what
// names it in a PDF's resources, and so part of its bytes.
func UTF8FontID(familyStr, styleStr string, ttf []byte) (string, error) {
	p, err := parseUTF8Font(getFontKey(familyStr, styleStr), ttf, "")
	if err != nil {
		return "", err
	}
	return p.def.i, nil
}
