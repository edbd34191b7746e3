package exercises

import "testing"

// exam-figure7: Figure 7's logs with lead down (after step 1). By §5.4.1 a
// voter grants only a candidate whose log is at least as up-to-date (a
// later last term, or the same and at least as long). Last (term, index),
// worked out by hand: lead (6, 10), a (6, 9), b (4, 4), c (6, 11), d (7, 12),
// e (4, 7), f (3, 11). Seven servers: four votes win; lead, though down,
// votes after a restart.
//
//	a: b, e, f grant; lead, c, d hold longer or later logs → 4, wins
//	b: only f → 2;  e: b, f → 3;  f: nobody → 1
//	c: everyone but d (7 > 6) → 6, wins;  d: everyone → 7, wins
//
// Entry 9 (term 6) is on lead, a, c, d; only b, e, f lack it and none of
// them can win: committed. 10 (on lead, c, d), 11 of term 6 (c) and 11 of
// term 7 (d) are at risk: a, which lacks them, can win.
func TestExamFigure7(t *testing.T) {
	e := examOf(t, "exam-figure7")
	const voters = "lead a b c d e f"
	expectKey(t, e, 1, votes(1, "a", voters, "- . + - - + +", "yes")+" "+
		votes(1, "b", voters, "- - . - - - +", "no")+" "+
		votes(1, "c", voters, "+ + + . - + +", "yes")+" "+
		votes(1, "d", voters, "+ + + + . + +", "yes")+" "+
		votes(1, "e", voters, "- - + - - . +", "no")+" "+
		votes(1, "f", voters, "- - - - - - .", "no")+" "+
		"q1.d.events=events q1.e.events=-")
	expectKey(t, e, 2, "q2.entry[9,6]=committed q2.entry[10,6]=at-risk q2.entry[11,6]=at-risk q2.entry[11,7]=at-risk q2.entry[9,6].events=- q2.entry[11,6].events=events")
	// A student's own election of d is right when it shows d leading with
	// the logs as they are; e cannot win, so events for it are wrong.
	if !judge(t, e, 1, "q1.d.events", "timeout d\ndeliver all\ndeliver all") {
		t.Error("d's election by timeout, deliver all, deliver all is judged wrong")
	}
	if judge(t, e, 1, "q1.e.events", "timeout e; deliver all; deliver all") {
		t.Error("e is judged elected")
	}
	if !judge(t, e, 1, "q1.e.events", "–") {
		t.Error("– for e, which cannot win, is judged wrong")
	}
	// a's entry 9 (term 6) is committed: no sequence loses it.
	if !judge(t, e, 2, "q2.entry[9,6].events", "–") || judge(t, e, 2, "q2.entry[9,6].events", "restart lead; timeout lead; deliver all; deliver all") {
		t.Error("q2.entry[9,6].events: want only – right")
	}
	// a wins by these events, but that does not lose entry 11 of term 6:
	// the box asks for a leader without it, and a lacks it only if it wins.
	if !judge(t, e, 2, "q2.entry[11,6].events", "timeout a; deliver a→b, a→e, a→f; deliver all") {
		t.Error("a's election, a leader without entry 11, is judged wrong")
	}
	// c's election keeps it: c holds entry 11 of term 6.
	if judge(t, e, 2, "q2.entry[11,6].events", "timeout c; deliver all; deliver all") {
		t.Error("c's election is judged to lose entry 11 of term 6, which c holds")
	}
}
