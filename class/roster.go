package class

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/fonts"
)

// Student is one row of a roster.
type Student struct {
	ID   string // unique in the class; printed small on the sheets
	Name string // printed in the Name box; "" for an anonymous variant
	Line int    // the roster line, for errors
}

// ReadRoster reads a CSV with a header row naming at least the columns
// `name` and `id` (in any order, any case; other columns are ignored).
// Every problem is reported with its line, as diag.Diagnostics.
func ReadRoster(file string, r io.Reader) ([]Student, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var diags diag.Diagnostics
	fail := func(line int, hint, format string, args ...any) {
		diags = append(diags, diag.Diagnostic{File: file, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint})
	}
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		fail(0, "write a header line `name,id` and then one line per student", "the roster is empty")
		return nil, diags
	}
	if err != nil {
		return nil, csvError(file, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"name", "id"} {
		if _, ok := col[need]; !ok {
			fail(1, "the first line must name the columns, e.g. `name,id`", "the roster has no %q column (its columns: %s)", need, strings.Join(header, ", "))
		}
	}
	if len(diags) > 0 {
		return nil, diags
	}
	var out []Student
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(file, err)
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		s := Student{ID: get("id"), Name: get("name"), Line: line}
		switch {
		case s.ID == "":
			fail(line, "give every student an id, e.g. a student number", "this student has no id")
		case seen[s.ID] != 0:
			fail(line, "ids tell students' answer files apart; make each unique", "the id %q is also on line %d", s.ID, seen[s.ID])
		case !printable(s.ID) || !printable(s.Name):
			fail(line, "use characters of the Basic Multilingual Plane, without control characters", "this row has a character the sheets cannot print")
		case fonts.Unprintable(s.Name) != "":
			fail(line, "write the name in Latin, Greek or Cyrillic letters", "the name %q %s", s.Name, fonts.Unprintable(s.Name))
		case utf8.RuneCountInString(s.Name) > 60:
			fail(line, "shorten it; it is printed in the Name box", "the name is %d characters long", utf8.RuneCountInString(s.Name))
		default:
			seen[s.ID] = line
			out = append(out, s)
		}
	}
	if len(out) == 0 && len(diags) == 0 {
		fail(1, "add one line per student after the header", "the roster lists no students")
	}
	if len(diags) > 0 {
		return nil, diags
	}
	return out, nil
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
		if r > 0xFFFF || r < 0x20 || r == 0x7F || r == utf8.RuneError {
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
	return fmt.Errorf("%s: %w", file, err)
}

// Numbered is a class of n anonymous students, with ids 1 … n.
func Numbered(n int) []Student {
	out := make([]Student, n)
	for i := range out {
		out[i] = Student{ID: fmt.Sprint(i + 1)}
	}
	return out
}
