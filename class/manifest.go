package class

import (
	"bytes"
	"encoding/csv"
	"encoding/json"

	"github.com/raftsheet/raftsheet/textsafe"
)

// ManifestEntry is one student's line of a class set's manifest.
type ManifestEntry struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Code      string `json:"code"`
	Exercise  string `json:"exercise"`
	Worksheet string `json:"worksheet"` // paths relative to the class set's folder
	Key       string `json:"key"`
	Answers   string `json:"answers"` // the student's answer template
}

// Manifest is the class set's record: who got which variant, in which files.
type Manifest struct {
	Exercise   string          `json:"exercise"`
	Title      string          `json:"title"`
	Seed       uint64          `json:"seed"`
	Template   string          `json:"template"`
	Paper      string          `json:"paper"`
	Worksheets string          `json:"worksheets"` // the merged, print-ready files
	Keys       string          `json:"keys"`
	Students   []ManifestEntry `json:"students"`
}

// CSV is the manifest as a spreadsheet: one row per student. Cells are
// made safe (textsafe.Cell): a name or id that starts like a formula is
// shown as text, never run.
func (m *Manifest) CSV() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"id", "name", "code", "worksheet", "key", "answers"})
	for _, s := range m.Students {
		w.Write(textsafe.Row(s.ID, s.Name, s.Code, s.Worksheet, s.Key, s.Answers))
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// JSON is the manifest as indented JSON.
func (m *Manifest) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	return append(b, '\n'), err
}
