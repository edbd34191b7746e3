package class

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/raftsheet/raftsheet/textsafe"
)

// Manifest is a class set's record, written by the build into the class
// set's folder: the exercise and where its file is, which fields are
// graded, how the students were grouped, who plays what with which
// variant, and the files. It is the teacher's file: check and key trust
// it where they never trust an answer file.
type Manifest struct {
	Exercise     string          `json:"exercise"`                // its NAME
	ExerciseFile string          `json:"exercise_file,omitempty"` // an exercise of the teacher's own: its file, absolute
	Title        string          `json:"title"`
	Seed         uint64          `json:"seed"`
	Template     string          `json:"template"` // roleplay, trace, or a course template's file, absolute
	Paper        string          `json:"paper"`
	Grade        string          `json:"grade"`    // the fields graded (a Selection)
	Grouping     string          `json:"grouping"` // how the students were grouped, in words
	Worksheets   string          `json:"worksheets"`
	Keys         string          `json:"keys"`
	Groups       []ManifestGroup `json:"groups"`
	Students     []ManifestEntry `json:"students"`
}

// ManifestGroup is one variant of the class set: a role-play group, or
// one student's variant in the trace template.
type ManifestGroup struct {
	Group    int      `json:"group"`
	Code     string   `json:"code"`
	Hash     string   `json:"hash"` // the variant's answers (ContentHash)
	Key      string   `json:"key"`
	Slips    string   `json:"slips,omitempty"`    // role-play: the group's slips and debrief
	Answers  string   `json:"answers,omitempty"`  // role-play: the slips' answer file
	Unplayed []string `json:"unplayed,omitempty"` // servers nobody plays
	// AnswersSum is the slips' answer file's SHA-256 as written.
	AnswersSum string `json:"answers_sha256,omitempty"`
}

// ManifestEntry is one student's line: their group and what they play,
// their variant and their files. Paths are relative to the class set's
// folder.
type ManifestEntry struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Group     int    `json:"group"`
	Plays     string `json:"plays"` // a server's name, "network", or "cluster" (trace)
	Code      string `json:"code"`
	Hash      string `json:"hash"`
	Exercise  string `json:"exercise"`
	Worksheet string `json:"worksheet"`
	Key       string `json:"key"`
	Answers   string `json:"answers"` // the student's answer template
	// AnswersSum is the answer template's SHA-256 as written: a rebuild
	// refuses to replace one that was edited since (a student's answers).
	AnswersSum string `json:"answers_sha256"`
}

// CSV is the manifest as a spreadsheet: one row per student. Cells are
// made safe (textsafe.Cell): a name or id that starts like a formula is
// shown as text, never run.
func (m *Manifest) CSV() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"id", "name", "group", "plays", "code", "worksheet", "key", "answers"})
	for _, s := range m.Students {
		w.Write(textsafe.Row(s.ID, s.Name, strconv.Itoa(s.Group), s.Plays, s.Code, s.Worksheet, s.Key, s.Answers))
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// JSON is the manifest as indented JSON.
func (m *Manifest) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	return append(b, '\n'), err
}

// ManifestFile is a class set's manifest file: path is the class set's
// folder or the manifest itself.
func ManifestFile(path string) string {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return filepath.Join(path, "manifest.json")
	}
	return path
}

// ReadManifest reads a class set's manifest.json; path is the class set's
// folder or the file.
func ReadManifest(path string) (*Manifest, error) {
	file := ManifestFile(path)
	b, err := os.ReadFile(file)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("%s: no class set's manifest here (a class set's folder has manifest.json)", file)
		}
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: not a class set's manifest: %v", file, err)
	}
	if m.Exercise == "" {
		return nil, fmt.Errorf("%s: not a class set's manifest (it names no exercise)", file)
	}
	return &m, nil
}

// Group is the group whose variant has the code, if the class set has it.
func (m *Manifest) Group(code string) (ManifestGroup, bool) {
	for _, g := range m.Groups {
		if g.Code == code {
			return g, true
		}
	}
	return ManifestGroup{}, false
}

// Student is a student's line, by id.
func (m *Manifest) Student(id string) (ManifestEntry, bool) {
	for _, s := range m.Students {
		if s.ID == id {
			return s, true
		}
	}
	return ManifestEntry{}, false
}

// files are every file the class set's build wrote, by name.
func (m *Manifest) files() map[string]bool {
	out := map[string]bool{"manifest.json": true, "manifest.csv": true, m.Worksheets: true, m.Keys: true}
	for _, g := range m.Groups {
		for _, f := range []string{g.Key, g.Slips, g.Answers} {
			out[f] = true
		}
	}
	for _, s := range m.Students {
		for _, f := range []string{s.Worksheet, s.Key, s.Answers} {
			out[f] = true
		}
	}
	for _, g := range m.Groups {
		for _, u := range g.Unplayed {
			out[unplayedFile(g.Group, len(m.Groups), u)] = true
		}
	}
	delete(out, "")
	return out
}
