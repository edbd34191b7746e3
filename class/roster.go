package class

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/infile"
	"github.com/raftsheet/raftsheet/textsafe"
)

// Student is one row of a roster.
type Student struct {
	ID   string // unique in the class; printed small on the sheets
	Name string // printed in the Name box; "" for an anonymous variant
	Line int    // the roster line, for errors
}

// Limits of a roster.
const (
	// MaxStudents is the most students a class set has (a roster's rows,
	// or --variants): far more than a class, far fewer than the 65,536
	// variants, and a set of them builds in minutes.
	MaxStudents = 2000
	// MaxRosterSize is the largest roster read, checked before reading:
	// 2,000 students with a dozen columns of a school's export each are
	// under 1 MB.
	MaxRosterSize = 5 << 20
	// MaxIDRunes is the longest student id: ids name the student's files
	// (<id>-worksheet.pdf), which must stay well under the 255 bytes a
	// file name may have.
	MaxIDRunes = 64
	// MaxNameRunes is the longest name: it is printed in the Name box.
	MaxNameRunes = 60
)

// ReadRosterFile reads the roster at path: a regular file of at most
// MaxRosterSize bytes.
func ReadRosterFile(path string) ([]Student, error) {
	src, err := infile.Read(path, MaxRosterSize)
	if err != nil {
		return nil, err
	}
	return ReadRoster(path, bytes.NewReader(src))
}

// ReadRoster reads a CSV with a header row naming at least the columns
// `name` and `id` (in any order, any case; other columns are ignored),
// separated by commas, semicolons (as Excel saves CSV where the decimal
// mark is a comma) or tabs, in UTF-8 (with or without a BOM) or UTF-16
// (as Excel saves "Unicode text"). Every problem is reported with its
// line, as diag.Diagnostics.
func ReadRoster(file string, r io.Reader) ([]Student, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxRosterSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", textsafe.Line(file), err)
	}
	if len(src) > MaxRosterSize {
		return nil, diag.Diagnostics{{File: file, Msg: "the roster is larger than " + infile.Size(MaxRosterSize),
			Hint: fmt.Sprintf("a class set has at most %d students; is it the right file?", MaxStudents)}}
	}
	text, d := rosterText(file, src)
	if d != nil {
		return nil, diag.Diagnostics{*d}
	}
	m, err := fonts.NewMeasurer()
	if err != nil {
		return nil, err
	}
	rr := &rosterReader{file: file, m: m}
	return rr.read(text)
}

type rosterReader struct {
	file  string
	m     *fonts.Measurer
	diags diag.Diagnostics
}

func (rr *rosterReader) fail(line int, hint, format string, args ...any) {
	rr.diags = append(rr.diags, diag.Diagnostic{File: rr.file, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func (rr *rosterReader) read(text string) ([]Student, error) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = separator(text)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		rr.fail(0, "write a header line `name,id` and then one line per student", "the roster is empty")
		return nil, rr.diags
	}
	if err != nil {
		return nil, csvError(rr.file, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	for _, need := range []string{"name", "id"} {
		if _, ok := col[need]; !ok {
			rr.fail(1, "the first line must name the columns, e.g. `name,id`", "the roster has no %q column (its columns: %s)", need, columns(header))
		}
	}
	if len(rr.diags) > 0 {
		return nil, rr.diags
	}
	var out []Student
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(rr.file, err)
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(out) == MaxStudents {
			rr.fail(line, "split the class into several rosters, a class set each",
				"the roster lists more than %d students, the most a class set has", MaxStudents)
			break
		}
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		s := Student{ID: get("id"), Name: get("name"), Line: line}
		if rr.check(s, seen) {
			seen[s.ID] = line
			out = append(out, s)
		}
	}
	if len(out) == 0 && len(rr.diags) == 0 {
		rr.fail(1, "add one line per student after the header", "the roster lists no students")
	}
	if len(rr.diags) > 0 {
		return nil, rr.diags
	}
	return out, nil
}

// check reports what is wrong with a student's row, if anything.
func (rr *rosterReader) check(s Student, seen map[string]int) bool {
	line := s.Line
	switch {
	case s.ID == "":
		rr.fail(line, "give every student an id, e.g. a student number", "this student has no id")
	case seen[s.ID] != 0:
		rr.fail(line, "ids tell students' answer files apart; make each unique", "the id %s is also on line %d", textsafe.Quote(s.ID, 40), seen[s.ID])
	case !printable(s.ID) || !printable(s.Name):
		rr.fail(line, "use characters of the Basic Multilingual Plane, without control or invisible characters", "this row has a character the sheets cannot print")
	case utf8.RuneCountInString(s.ID) > MaxIDRunes:
		rr.fail(line, fmt.Sprintf("shorten it to at most %d characters: it names the student's files", MaxIDRunes), "the id is %d characters long", utf8.RuneCountInString(s.ID))
	case utf8.RuneCountInString(s.Name) > MaxNameRunes:
		rr.fail(line, "shorten it; it is printed in the Name box", "the name is %d characters long", utf8.RuneCountInString(s.Name))
	case rr.m.Unprintable(s.Name, false) != "":
		rr.fail(line, "write the name in Latin, Greek or Cyrillic letters", "the name %s %s", textsafe.Quote(s.Name, 60), rr.m.Unprintable(s.Name, false))
	case rr.m.Unprintable(s.ID, false) != "":
		rr.fail(line, "write the id in Latin, Greek or Cyrillic letters and digits", "the id %s %s", textsafe.Quote(s.ID, 60), rr.m.Unprintable(s.ID, false))
	default:
		return true
	}
	return false
}

// rosterText is the roster as UTF-8 text without a BOM: UTF-16 (with a
// BOM, or without one but with the NUL bytes of ASCII letters that give
// it away) is decoded; anything else must be UTF-8.
func rosterText(file string, src []byte) (string, *diag.Diagnostic) {
	const saveUTF8 = "save it as UTF-8 (in Excel: Save As, \"CSV UTF-8\"), or as UTF-16 text"
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return decodeUTF16(src[2:], false), nil
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return decodeUTF16(src[2:], true), nil
	case len(src) >= 4 && src[0] != 0 && src[1] == 0 && src[2] != 0 && src[3] == 0:
		return decodeUTF16(src, false), nil
	case len(src) >= 4 && src[0] == 0 && src[1] != 0 && src[2] == 0 && src[3] != 0:
		return decodeUTF16(src, true), nil
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	line := 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return "", &diag.Diagnostic{File: file, Line: line, Msg: "the roster is not UTF-8 text here (saved in another encoding, such as Windows-1252?)", Hint: saveUTF8}
		case r == '\n':
			line++
		case r == 0:
			return "", &diag.Diagnostic{File: file, Line: line, Msg: "the roster has a NUL byte here: it is not a CSV text file", Hint: saveUTF8}
		}
		i += size
	}
	return string(src), nil
}

// decodeUTF16 decodes UTF-16 text; an odd last byte is dropped, and a
// lone surrogate becomes U+FFFD, which the row checks then refuse.
func decodeUTF16(b []byte, bigEndian bool) string {
	units := make([]uint16, len(b)/2)
	for i := range units {
		hi, lo := b[2*i+1], b[2*i]
		if bigEndian {
			hi, lo = lo, hi
		}
		units[i] = uint16(hi)<<8 | uint16(lo)
	}
	s := string(utf16.Decode(units))
	return strings.TrimPrefix(s, "\ufeff")
}

// separator is the roster's field separator: the one of comma,
// semicolon and tab that makes the header name both the name and the id
// columns, else the one the header line has most of.
func separator(text string) rune {
	header, _, _ := strings.Cut(text, "\n")
	seps := []rune{',', ';', '\t'}
	for _, sep := range seps {
		cr := csv.NewReader(strings.NewReader(header))
		cr.Comma, cr.LazyQuotes = sep, true
		rec, err := cr.Read()
		if err != nil {
			continue
		}
		has := map[string]bool{}
		for _, h := range rec {
			has[strings.ToLower(strings.TrimSpace(h))] = true
		}
		if has["name"] && has["id"] {
			return sep
		}
	}
	best := ','
	for _, sep := range seps[1:] {
		if strings.Count(header, string(sep)) > strings.Count(header, string(best)) {
			best = sep
		}
	}
	return best
}

// columns lists a header's columns for a message, each quoted safely.
func columns(header []string) string {
	var out []string
	for i, h := range header {
		if i == 10 {
			out = append(out, fmt.Sprintf("and %d more", len(header)-10))
			break
		}
		out = append(out, textsafe.Quote(h, 30))
	}
	return strings.Join(out, ", ")
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func printable(s string) bool {
	for _, r := range s {
		if r > 0xFFFF || r < 0x20 || r == 0x7F || r == utf8.RuneError || textsafe.Unsafe(r) {
			return false
		}
	}
	return true
}

func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return diag.Diagnostics{{File: file, Line: pe.Line, Col: pe.Column, Msg: "not valid CSV: " + pe.Err.Error(),
			Hint: "check the quotes on this line"}}
	}
	return fmt.Errorf("%s: %w", textsafe.Line(file), err)
}

// Numbered is a class of n anonymous students, with ids 1 … n.
func Numbered(n int) []Student {
	out := make([]Student, n)
	for i := range out {
		out[i] = Student{ID: fmt.Sprint(i + 1)}
	}
	return out
}
