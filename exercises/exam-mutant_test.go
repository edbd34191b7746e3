package exercises

import "testing"

// exam-mutant: Figure 8 on three servers with the Figure 8 rule broken
// (commit-old-terms-by-counting). S1 leads term 4 with [2:b], S2 holds
// [2:b], S3 [3:c]. Worked out by hand, the shortest counterexample has six
// events: S1's heartbeat reaches S2 and S2's answer makes S1 count b on a
// majority and commit it (the broken rule); S3 times out into term 5 and
// S2 votes for it, since S3's log ends in term 3, later than S2's term 2
// (§5.4.1): S3 leads without the committed b — Leader Completeness (D).
// And S1 can commit b in three events: heartbeat, S2's ack, its count.
func TestExamMutant(t *testing.T) {
	e := examOf(t, "exam-mutant")
	expectKey(t, e, 1, "q1.events=events q1.property=D")
	if w := e.Questions[0].Events.Events; len(w) != 6 {
		t.Errorf("the shortest counterexample has %d events, want 6: %v", len(w), w)
	}
	expectKey(t, e, 2, "q2.possible=yes q2.rule=- q2.events=events")
	if w := e.Questions[1].Events.Events; len(w) != 3 {
		t.Errorf("S1 commits b in %d events, want 3: %v", len(w), w)
	}
	broken := "heartbeat S1; deliver S1→S2; deliver S2→S1; timeout S3; deliver S3→S2; deliver S2→S3"
	if !judge(t, e, 1, "q1.events", broken) {
		t.Errorf("%q is judged wrong", broken)
	}
	if judge(t, e, 1, "q1.events", "heartbeat S1; deliver all; deliver all") {
		t.Error("a schedule that breaks nothing is judged right")
	}
	// The property box follows the student's own schedule.
	q := e.Questions[0]
	written := func(id string) string {
		if id == q.Events.ID {
			return broken
		}
		return ""
	}
	for letter, right := range map[string]bool{"D": true, "leader completeness": true, "A": false, "E": false} {
		if ok, why := q.Property.Claim.Judge(letter, written); ok != right {
			t.Errorf("property %q is judged %v (%s), want %v", letter, ok, why, right)
		}
	}
}
