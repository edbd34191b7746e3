package exercises

import "testing"

// figure7-election: Figure 7's logs with lead down. By §5.4.1 (later last
// term wins, then the longer log), worked out by hand from the last
// (term, index) of each log — a (6, 9), b (4, 4), c (6, 11), d (7, 12),
// e (4, 7), f (3, 11) — a candidate gets the votes of the servers whose
// log is no more up-to-date than its own:
//
//	f: nobody (every other last term is above 3) → 1 of 4;
//	b: f → 2; e: b, f → 3; a: b, e, f → 4, wins;
//	c: a, b, e, f (a is down by then: b, e, f) → wins;
//	d: everybody (b, e, f still up) → wins.
//
// Each candidate's term is above every voter's, so only the logs decide.
// The numbers are script steps.
func TestFigure7Election(t *testing.T) {
	g := play(t, "figure7-election")
	g.expect(1, "lead", "down 8 [1 1 1 4 4 5 5 6 6 6] 0 -")
	// f: term 9, refused by all five.
	g.reason(3, "a denies f its vote: candidate's log (last term 3, index 11) is less up-to-date than its own (last term 6, index 9)")
	g.reason(3, "b denies f its vote: candidate's log (last term 3, index 11) is less up-to-date than its own (last term 4, index 4)")
	g.reason(4, "f notes e's refusal: it still has 1 of the 4 votes it needs")
	g.expect(4, "f", "candidate 9 [1 1 1 2 2 2 3 3 3 3 3] 0 -")
	// b: term 10, f's vote only (4 > 3); e's log (4, 7) is longer.
	g.reason(6, "e denies b its vote: candidate's log (last term 4, index 4) is less up-to-date than its own (last term 4, index 7)")
	g.reason(6, "f sees term 10 in b's RequestVote: adopts term 10 and steps down from candidate to follower")
	g.reason(7, "b counts f's vote: 2 of the 4 it needs")
	g.expect(7, "b", "candidate 10 [1 1 1 4] 0 -")
	// e: term 11, b's and f's votes: 3 of 4.
	g.reason(10, "e counts f's vote: 3 of the 4 it needs")
	g.expect(10, "e", "candidate 11 [1 1 1 4 4 4 4] 0 -")
	// a: term 12; c's log (6, 11) is longer than a's (6, 9).
	g.reason(12, "c denies a its vote: candidate's log (last term 6, index 9) is less up-to-date than its own (last term 6, index 11)")
	g.reason(12, "d denies a its vote: candidate's log (last term 6, index 9) is less up-to-date than its own (last term 7, index 12)")
	g.reason(13, "a wins the election for term 12 with the votes of a, b, e, f")
	// c: term 13 with b, e, f; d (7, 12) refuses.
	g.reason(17, "d denies c its vote: candidate's log (last term 6, index 11) is less up-to-date than its own (last term 7, index 12)")
	g.reason(18, "c wins the election for term 13 with the votes of b, c, e, f")
	// d: term 14 with b, e, f.
	g.reason(23, "d wins the election for term 14 with the votes of b, d, e, f")
	g.expect(23, "d", "leader 14 [1 1 1 4 4 5 5 6 6 6 7 7] 0 -")
	if l := g.leaders(); l != "a@12 c@13 d@14" {
		t.Errorf("leaders %s, want a@12 c@13 d@14: b, e and f never win", l)
	}
	// Elections change no log.
	for id, want := range map[string]string{"b": "1 1 1 4", "e": "1 1 1 4 4 4 4", "f": "1 1 1 2 2 2 3 3 3 3 3"} {
		if got := terms(g.tr.Final()[id].Log); got != want {
			t.Errorf("%s ends with %s, want %s", id, got, want)
		}
	}
}
