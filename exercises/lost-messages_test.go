package exercises

import "testing"

// lost-messages: AppendEntries over a network that drops, duplicates and
// reorders (§5.3, §5.5). Worked out by hand, with the message numbers the
// script names: #1/#2 carry [a] to S2/S3 (#1 dropped, #3 a copy of #2);
// #6 carries [a, b] and #8 [a, b, c] to S2 (nextIndex[S2] stays 1 as S2
// never answered). Script steps.
func TestLostMessages(t *testing.T) {
	g := play(t, "lost-messages")
	// The duplicate finds a already there: no change, a second success.
	g.reason(5, "S3 already holds entry 1: nothing to change")
	g.expect(5, "S3", "follower 1 [1:a] 0 -")
	if n := len(g.at(5).Messages); n != 2 {
		t.Errorf("S3 answers %d times, want 2", n)
	}
	// S1, S3: a majority; the second success changes nothing.
	g.expect(6, "S1", "leader 1 [1:a] 1 a")
	g.reason(6, "S1 learns nothing new from S3's success: matchIndex[S3] stays 1")
	// The check the script relies on: #6 and #8 are the two for S2.
	msgs := map[int][2]int{} // id → prevLogIndex, number of entries
	for _, st := range g.tr.Steps {
		for _, m := range st.Messages {
			if m.To == "S2" {
				msgs[m.ID] = [2]int{m.PrevLogIndex, len(m.Entries)}
			}
		}
	}
	if msgs[6] != [2]int{0, 2} || msgs[8] != [2]int{0, 3} {
		t.Fatalf("#6 = %v, #8 = %v; want prevLogIndex 0 with 2 and 3 entries", msgs[6], msgs[8])
	}
	// The newer one first: a, b, c; commit min(1, 3) = 1.
	g.expect(11, "S2", "follower 1 [1:a 1:b 1:c] 1 a")
	// The late, shorter one conflicts with nothing: c stays (§5.3).
	g.reason(12, "S2 already holds entries 1–2: nothing to change")
	g.expect(12, "S2", "follower 1 [1:a 1:b 1:c] 1 a")
	// Successes with matchIndex 3, then 2: matchIndex stays 3; S1, S2 hold 3.
	g.expect(13, "S1", "leader 1 [1:a 1:b 1:c] 3 c")
	g.reason(13, "S1 learns nothing new from S2's success: matchIndex[S2] stays 3")
	if m := g.at(13).Servers["S1"].MatchIndex["S2"]; m != 3 {
		t.Errorf("matchIndex[S2] = %d after the late success, want 3", m)
	}
	all := "follower 1 [1:a 1:b 1:c] 3 c"
	g.expectAll(17, map[string]string{"S2": all, "S3": all})
}
