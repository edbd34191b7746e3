package textsafe

import "strings"

// formulaStarts are the first characters that make a spreadsheet
// (Excel, LibreOffice, Google Sheets) read a cell as a formula, or that
// it strips before doing so (tab, carriage return): OWASP's list.
const formulaStarts = "=+-@\t\r"

// Cell is s as a CSV cell that a spreadsheet shows as text and never
// runs: a value starting with = + - @ tab or carriage return gets a
// leading ' (which spreadsheets take as "text follows" and do not show),
// and control and invisible characters are escaped as Line does.
func Cell(s string) string {
	if s != "" && strings.ContainsRune(formulaStarts, rune(s[0])) {
		s = "'" + s
	}
	return Line(s)
}

// Row is every cell of a CSV row made safe with Cell.
func Row(cells ...string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = Cell(c)
	}
	return out
}
