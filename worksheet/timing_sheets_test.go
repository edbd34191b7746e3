package worksheet

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// sheetTexts is every text of a layout's pages of a section ("" for all).
func sheetTexts(doc *page.Document, section string) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		if section == "" || p.Section == section {
			for _, t := range p.Texts {
				b.WriteString(t.String() + "\n")
			}
		}
	}
	return b.String()
}

// A timed exercise's sheets show the clock: the time of each step on the
// cover, the trace and the debrief; boxes for when each slip is sent and
// arrives;
// a Clock block on each Raft State sheet; the timers in the trace. An
// untimed exercise's sheets show none of it.
func TestTimedSheetsShowTheClock(t *testing.T) {
	roleplay := buildExercise(t, "partition-timed", templates.KindRoleplay, "a4")
	trace := buildExercise(t, "partition-timed", templates.KindTrace, "a4")
	for _, c := range []struct {
		doc           *page.Document
		section, want string
	}{
		{roleplay.doc, "cover", "Steps 6–8\n60 ms\n"},
		{roleplay.doc, "cover", "Election timeouts: S1 300ms, S2 300ms, S3 145ms, S4 175ms, S5 200ms; heartbeat every 20ms"},
		{roleplay.doc, "state", "Clock\n"},
		{roleplay.doc, "state", "Your election timeout is 145 ms."},
		{roleplay.doc, "state", "election at\n"},
		{roleplay.doc, "slips", "sent at\n"},
		{roleplay.doc, "slips", "arrives\n"},
		{roleplay.doc, "debrief", "Steps 6–8\n60 ms\n"},
		{trace.doc, "steps", "Step 8\n60 ms\n"},
		{trace.doc, "steps", "next timer\n"},
	} {
		if !strings.Contains(sheetTexts(c.doc, c.section), c.want) {
			t.Errorf("partition-timed %s: no %q", c.section, c.want)
		}
	}
	for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
		text := sheetTexts(buildExercise(t, "partition", kind, "a4").doc, "")
		for _, timed := range []string{" ms\n", "Clock", "sent at", "arrives\n", "next timer", "election at", "heartbeat at"} {
			if strings.Contains(text, timed) {
				t.Errorf("partition (untimed), %s: the sheets say %q", kind, timed)
			}
		}
	}
}

// The trace template asks when each timer fires and when each event of
// a timed run happens, and gives only what the student cannot work out:
// the timeouts drawn at random, listed before step 1.
func TestTimersAskedOrGiven(t *testing.T) {
	fields := func(name string) map[string]*field.Field {
		out := map[string]*field.Field{}
		for _, f := range buildExercise(t, name, templates.KindTrace, "a4").doc.Fields() {
			out[f.ID] = f
		}
		return out
	}
	fixed := fields("partition-timed") // every election timeout fixed
	for id, want := range map[string]string{"step30.time": "190", "step30.event": "timeout S3", "step30.S3.timer": "335"} {
		if f := fixed[id]; f == nil || f.KeyText() != want {
			t.Errorf("partition-timed: %s is %+v, want an answer %q", id, f, want)
		}
	}
	if f := fixed["step30.event"]; f == nil || strings.Join(f.Canon, " ") != "timeout s3" {
		t.Errorf("partition-timed: step 30's event reads %v for grading", f)
	}
	drawn := buildExercise(t, "election-timed", templates.KindTrace, "a4") // drawn at random
	asked := 0
	for _, f := range drawn.doc.Fields() {
		if strings.HasSuffix(f.ID, ".timer") && !f.Spare() {
			asked++
		}
	}
	if asked == 0 {
		t.Error("election-timed asks for no timer")
	}
	if text := sheetTexts(drawn.doc, "steps"); !strings.Contains(text, "Election timeouts drawn at random") {
		t.Error("election-timed's steps do not list the timeouts drawn at random")
	}
}
