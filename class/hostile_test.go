package class

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
)

// More students than there are variants (65,536) used to send Assign
// looking for a free number for ever; now it returns, and Build refuses
// more than MaxStudents before assigning anything.
func TestAssignEndsPastEveryVariant(t *testing.T) {
	a := Assign("partition", 1, Numbered(65_537))
	if len(a) != 65_537 {
		t.Fatalf("%d assignments", len(a))
	}
	seen := map[uint16]bool{}
	for _, x := range a[:65_536] {
		seen[x.Number] = true
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
	want := "'=1+1,'+cmd|' /C calc'!A0,ELEC-0000,'-w.pdf,'@k.pdf,'\\ta.yaml\n"
	if got := strings.SplitN(string(b), "\n", 2)[1]; got != want {
		t.Errorf("manifest row %q, want %q", got, want)
	}
	g := &Grade{File: "=f.yaml", Header: Header{Code: "ELEC-0000", Student: Student{ID: "@s", Name: "-Ada"}}}
	b, err = ScoresCSV([]*Grade{g})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.SplitN(string(b), "\n", 2)[1]; !strings.HasPrefix(got, "'@s,'-Ada,ELEC-0000,'=f.yaml,0,0,0,") {
		t.Errorf("scores row %q", got)
	}
}
