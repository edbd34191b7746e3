package class

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
)

// More students than there are variants (65,536) used to send the
// search for a free variant on for ever; now it returns, and Build
// refuses more than MaxStudents before assigning anything.
func TestAssignEndsPastEveryVariant(t *testing.T) {
	partition, err := exercises.Builtin("partition")
	if err != nil {
		t.Fatal(err)
	}
	p := MakePlan(partition, false, 1, Numbered(65_537))
	if len(p.Groups) != 65_537 {
		t.Fatalf("%d groups", len(p.Groups))
	}
	seen := map[uint16]bool{}
	for _, g := range p.Groups[:65_536] {
		seen[g.Number] = true
	}
	if len(seen) != 65_536 {
		t.Errorf("the first 65,536 students share variants: %d distinct", len(seen))
	}
	ex, err := exercises.Builtin("election")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(ex, Numbered(MaxStudents+1), Options{Dir: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "1 to 2000 students") {
		t.Errorf("a class of %d: %v", MaxStudents+1, err)
	}
}

// A roster's cells and a student's answer-file fields that start like a
// formula are written into the manifest and scores as text.
func TestCSVCellsAreNeutralised(t *testing.T) {
	m := &Manifest{Students: []ManifestEntry{{ID: "=1+1", Name: "+cmd|' /C calc'!A0", Code: "ELEC-0000", Worksheet: "-w.pdf", Key: "@k.pdf", Answers: "\ta.yaml"}}}
	b, err := m.CSV()
	if err != nil {
		t.Fatal(err)
	}
	want := "'=1+1,'+cmd|' /C calc'!A0,0,,ELEC-0000,'-w.pdf,'@k.pdf,'\\ta.yaml\n"
	if got := strings.SplitN(string(b), "\n", 2)[1]; got != want {
		t.Errorf("manifest row %q, want %q", got, want)
	}
	g := &Grade{File: "=f.yaml", Header: Header{Code: "ELEC-0000", Student: Student{ID: "@s", Name: "-Ada"}}}
	b, err = ScoresCSV([]*Grade{g}, []ManifestEntry{{ID: "+absent", Name: "=Bo", Code: "ELEC-0001", Plays: "-S1"}})
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(string(b), "\n")
	if !strings.HasPrefix(rows[1], "'@s,'-Ada,ELEC-0000,,'=f.yaml,graded,0,0,0,0,") {
		t.Errorf("scores row %q", rows[1])
	}
	if !strings.HasPrefix(rows[2], "'+absent,'=Bo,ELEC-0001,server -S1,,absent,") {
		t.Errorf("scores row of an absent student %q", rows[2])
	}
}
