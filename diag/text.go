package diag

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// CheckText reports a file that is not text a YAML reader takes, at the
// line and column of the first offending byte: UTF-16 (a BOM), bytes that
// are not UTF-8, or a control character YAML does not allow (a NUL, an
// ESC, DEL, C1; tab, line feed and carriage return are fine). yaml.v3
// gives such errors no line. nil when the text is fine.
func CheckText(file string, src []byte) *Diagnostic {
	const saveUTF8 = "save it as UTF-8 (in most editors: Save As, encoding UTF-8)"
	if bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) {
		return &Diagnostic{File: file, Msg: "the file is encoded in UTF-16", Hint: saveUTF8}
	}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return &Diagnostic{File: file, Line: line, Col: col, Msg: "the file is not valid UTF-8 text here", Hint: saveUTF8}
		case r == '\n':
			line, col = line+1, 0
		case yamlForbids(r):
			return &Diagnostic{File: file, Line: line, Col: col, Msg: fmt.Sprintf("the file has the control character U+%04X here, which YAML does not allow", r),
				Hint: "remove it; is this a text file?"}
		}
		col++
		i += size
	}
	return nil
}

// yamlForbids reports the characters outside YAML's printable set
// (YAML 1.2, c-printable) that a text editor may still save.
func yamlForbids(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		return false
	case r < 0x20, r >= 0x7F && r < 0xA0:
		return true
	case r == 0xFFFE || r == 0xFFFF:
		return true
	}
	return false
}
