package exercises

import "testing"

// split-vote: two candidates of term 1 split the four votes 2–2; nobody
// wins (§5.2); S3's next timeout starts term 2, which every server adopts
// (§5.1), and S3 wins it. Worked out by hand: four servers, majority 3.
func TestSplitVote(t *testing.T) {
	g := play(t, "split-vote")
	g.expect(1, "S1", "candidate 1 [-] 0 -")
	g.expect(2, "S3", "candidate 1 [-] 0 -")
	// S2 hears S1 first, S4 hears S3 first; each votes once in term 1 (§5.2).
	g.expectAll(3, map[string]string{"S2": "follower 1 [-] 0 -", "S4": "follower 1 [-] 0 -"})
	if g.votedFor(3, "S2") != "S1" || g.votedFor(3, "S4") != "S3" {
		t.Errorf("S2 votes %s, S4 votes %s; want S1 and S3", g.votedFor(3, "S2"), g.votedFor(3, "S4"))
	}
	// Every second request meets a vote already cast in term 1: the
	// candidates voted for themselves, S2 and S4 for the first they heard.
	g.reason(4, "S1 denies S3 its vote: already voted for S1 in term 1")
	g.reason(4, "S2 denies S3 its vote: already voted for S1 in term 1")
	g.reason(4, "S3 denies S1 its vote: already voted for S3 in term 1")
	g.reason(4, "S4 denies S1 its vote: already voted for S3 in term 1")
	// 2 votes each, 3 needed: a split vote, both stay candidates of term 1.
	g.expectAll(5, map[string]string{"S1": "candidate 1 [-] 0 -", "S3": "candidate 1 [-] 0 -"})
	g.reason(5, "S1 notes S4's refusal: it still has 2 of the 3 votes it needs")
	g.reason(5, "S3 notes S2's refusal: it still has 2 of the 3 votes it needs")
	// Term 2: S1, a candidate of term 1, sees the higher term, steps down
	// (§5.1) and, with no vote cast in term 2 yet, votes for S3.
	g.expect(6, "S3", "candidate 2 [-] 0 -")
	g.reason(7, "S1 sees term 2 in S3's RequestVote: adopts term 2 and steps down from candidate to follower")
	for _, id := range []string{"S1", "S2", "S4"} {
		g.expect(7, id, "follower 2 [-] 0 -")
		if g.votedFor(7, id) != "S3" {
			t.Errorf("%s votes %s in term 2, want S3", id, g.votedFor(7, id))
		}
	}
	// Replies are counted in cluster order: S1's and S2's make 3 of 3.
	g.expect(8, "S3", "leader 2 [-] 0 -")
	g.reason(8, "S3 wins the election for term 2 with the votes of S1, S2, S3")
	g.reason(8, "S3 is already leader of term 2: S4's reply is not needed")
	if l := g.leaders(); l != "S3@2" {
		t.Errorf("leaders %s, want S3@2 only: nobody leads term 1", l)
	}
}
