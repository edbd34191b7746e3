package exercises

import "testing"

// exam-figure8: Figure 8 at (c) (after step 1): S1 leads term 4 with
// [1:a 2:b]; S2 and S3 hold [1:a 2:b], S4 [1:a]; S5 is down with
// [1:a 3:c]. Worked out by hand:
//
//   - a (1, 1) is committed: every server holds it, so every leader will
//     (the sheet hides commitIndex, which says so too: S2's is 1).
//   - b (2, 2) is at risk, though a majority stores it: S5's log ends in
//     term 3, later than every other's, so every server would vote for it
//     (§5.4.1), and S5 lacks b — Figure 8 (d).
//   - c (2, 3) is at risk: S2 (last 2, 2) wins with S1, S3, S4 and lacks it.
//
// The sheet asks for a sequence losing a or b, and one electing S4 or
// S5, so which of them is asked gives nothing away: a's and S4's are "–".
//
// Who can win: S2 with S1, S3, S4 (S5's log is later); S4 (1, 1) with no
// one; S5 with everyone. After step 5, "d" (3, 4), of S1's own term 4, is
// on S1, S2 and S3, a majority whose last term 4 beats S5's 3, so no
// leader can lack it (the Figure 8 rule, §5.4.2): d and b before it are
// committed (S1's commitIndex, 3, hidden on the sheet, agrees); c is still
// at risk (S1, leading term 4, lacks it).
func TestExamFigure8(t *testing.T) {
	e := examOf(t, "exam-figure8")
	expectKey(t, e, 1, "q1.entry[1,1]=committed q1.entry[2,2]=at-risk q1.entry[2,3]=at-risk q1.entry[1,1].events=- q1.entry[2,2].events=events")
	const voters = "S1 S2 S3 S4 S5"
	expectKey(t, e, 2, votes(2, "S2", voters, "+ . + + -", "yes")+" "+
		votes(2, "S4", voters, "- - - . -", "no")+" "+
		votes(2, "S5", voters, "+ + + + .", "yes")+" q2.S4.events=- q2.S5.events=events")
	expectKey(t, e, 3, "q3.entry[2,2]=committed q3.entry[2,3]=at-risk q3.entry[3,4]=committed")
	// "b" is lost when S5 restarts and wins: S5 down cannot time out.
	for events, right := range map[string]bool{
		"restart S5; timeout S5; timeout S5; deliver all; deliver all": true,
		"restart S5\ntimeout S5\ndeliver all\ndeliver all":             false, // term 4: everyone already voted for S1
		"timeout S5; deliver all; deliver all":                         false, // S5 is down
		"timeout S2; deliver all; deliver all":                         false, // S2 holds b
	} {
		if got := judge(t, e, 1, "q1.entry[2,2].events", events); got != right {
			t.Errorf("%q is judged %v, want %v", events, got, right)
		}
	}
	// "a" cannot be lost (every server holds it), nor can S4 win: a
	// sequence of events written there is wrong, "–" right.
	for _, id := range []string{"q1.entry[1,1].events", "q2.S4.events"} {
		if !judge(t, e, idQuestion(id), id, "–") || judge(t, e, idQuestion(id), id, "timeout S4; deliver all; deliver all") {
			t.Errorf("%s: want only – right", id)
		}
	}
}

// idQuestion is the question number of a field id "qN.…".
func idQuestion(id string) int {
	n := 0
	for _, c := range id[1:] {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}
