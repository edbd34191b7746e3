package exercises

import "testing"

// exam-could-it-occur: states and events Raft's rules allow or forbid, in
// the style of the Raft user study; the letters are the rule menu's.
// Worked out by hand:
//
//  1. S1's log [1, 1, 3, 2]: terms in a log never decrease (F). S2 and
//     S3 are in term 0, so term 1's leader was elected by a majority of
//     servers no longer before it — not shown (L, also right).
//  2. S1 in term 2 holds an entry of term 3: currentTerm covers the log
//     (G); nobody is past term 3 or voted for itself there, so term 3 had
//     no leader to write it (L).
//  3. Two leaders of term 2: Election Safety (A), nothing else.
//  4. S1 and S2 agree at index 2 (term 2) but differ at index 1: Log
//     Matching (C), nothing else.
//  5. S1 leads term 2 with S2's vote and has stored y on S2; S3 is still
//     in term 1: it can occur.
//  6. From an empty cluster, two leaders at once (of different terms):
//     yes, six events (the shortest: S1 wins term 1 with S2's vote, then
//     S2 times out and wins term 2 with S3's).
//  7. Two servers applying different entries at one index: never, State
//     Machine Safety (E).
func TestExamCouldItOccur(t *testing.T) {
	e := examOf(t, "exam-could-it-occur")
	for n, want := range []string{
		"q1.possible=no q1.rule=F|leader-elected",
		"q2.possible=no q2.rule=G|leader-elected",
		"q3.possible=no q3.rule=A",
		"q4.possible=no q4.rule=C",
		"q5.possible=yes q5.rule=-",
		"q6.possible=yes q6.rule=- q6.events=events",
		"q7.possible=no q7.rule=E q7.events=-",
	} {
		expectKey(t, e, n+1, want)
	}
	if w := e.Questions[5].Events.Events; len(w) != 6 {
		t.Errorf("the shortest schedule to two leaders has %d events, want 6: %v", len(w), w)
	}
	if len(e.Questions[4].Witness) == 0 {
		t.Error("question 5 has no schedule from an empty cluster")
	}
	// Two leaders, the student's way: S1 wins term 1; S3 times out twice
	// (term 2) and wins with S2's vote before S1's heartbeat reaches anyone.
	two := "timeout S1; deliver S1→S2; deliver S2→S1; timeout S3; timeout S3; deliver S3→S2; deliver S2→S3"
	if !judge(t, e, 6, "q6.events", two) {
		t.Errorf("%q is judged wrong", two)
	}
	for _, wrong := range []string{
		"timeout S1; deliver all; deliver all",                                               // one election
		"timeout S1; deliver S1→S2; deliver S2→S1; timeout S3; deliver S3→S2; deliver S2→S3", // S3 in term 1: S2 already voted
	} {
		if judge(t, e, 6, "q6.events", wrong) {
			t.Errorf("%q is judged to show two leaders", wrong)
		}
	}
	if !judge(t, e, 7, "q7.events", "-") || judge(t, e, 7, "q7.events", "timeout S1; stabilize") {
		t.Error("question 7's events: – must be right, a schedule wrong")
	}
}
