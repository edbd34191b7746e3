package exercise

import (
	"strings"
	"testing"
)

const noteOnBase = `title: t
servers: 3
timing: {election_timeout: {S1: 100ms, S2: 100ms, S3: 400ms}, heartbeat: 50ms, latency: 5ms}
steps:
  - run: {until: 100ms}
    note: S2's timer fires too.
`

// A run: step's note goes on the event it describes: the one its
// note_on picks, not the first event of the run (S1's timer fires before
// S2's at the same instant, in cluster order).
func TestNoteOnPicksTheEvent(t *testing.T) {
	for _, c := range []struct{ noteOn, event string }{
		{"", "timeout S1 (timer)"},
		{"    note_on: S2\n", "timeout S2 (timer)"},
		{"    note_on: {server: S2, at: 100ms}\n", "timeout S2 (timer)"},
	} {
		ex, err := Load("t.yaml", "t", []byte(noteOnBase+c.noteOn))
		if err != nil {
			t.Fatal(err)
		}
		tr, err := Run(ex)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, st := range tr.Steps {
			if st.Note != "" {
				got = append(got, st.Event)
			}
		}
		if len(got) != 1 || got[0] != c.event {
			t.Errorf("note_on %q: the note is on %q, want %q", strings.TrimSpace(c.noteOn), got, c.event)
		}
	}
}

// note_on that picks nothing, or that is on a step it cannot be on, is an
// error naming the line.
func TestNoteOnErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{noteOnBase + "    note_on: {server: S3}\n", "t.yaml:5:5: step 1 (run until 100ms, at 100ms): note_on picks none of this run's 2 events (server S3)"},
		{"title: t\nservers: 3\nsteps:\n  - timeout: S1\n    note: x\n    note_on: S1\n", "t.yaml:6:14: note_on is for run: steps"},
		{strings.Replace(noteOnBase, "    note: S2's timer fires too.\n", "    note_on: S2\n", 1), "note_on says where the note goes, but the step has no note"},
		{noteOnBase + "    note_on: S9\n", "S9"},
	} {
		ex, err := Load("t.yaml", "t", []byte(c.src))
		if err == nil {
			_, err = Run(ex)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q:\n got %v\nwant %q", c.src, err, c.want)
		}
	}
}
