package explore

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercises"
)

// committedAt collects the answers by (server, index).
func committedAt(t *testing.T, a *Answers) map[[2]any]Committed {
	out := map[[2]any]Committed{}
	for _, x := range a.Answers {
		c := must[Committed](t, x)
		out[[2]any{c.Server, c.Index}] = c
	}
	return out
}

// Figure 8 (c): "b" (index 2, term 2) is on a majority yet not committed,
// since S5 can still be elected and overwrite it; "a" is committed.
func TestCommittedFigure8(t *testing.T) {
	ex := builtin(t, "figure8")
	a := ask(t, ex, 18, Question{Kind: "committed"})
	got := committedAt(t, a)
	a1 := got[[2]any{"S2", 1}]
	if a1.Committed == nil || !*a1.Committed || a1.Rule == nil {
		t.Errorf("entry 1 on S2: %+v, want committed with a rule", a1)
	}
	b := got[[2]any{"S3", 2}]
	if b.Term != 2 || b.Value != "b" || b.Committed == nil || *b.Committed || b.Leader != "S5" {
		t.Fatalf("entry 2 on S3: %+v, want not committed, S5 electable", b)
	}
	shows(t, ex, 18, b.Witness, "S5 leads without b", func(st map[string]engine.ServerState) bool {
		return st["S5"].Role == engine.Leader && st["S5"].Term > 2 && lacks(st["S5"], 2, 2)
	})
	c := got[[2]any{"S5", 2}]
	if c.Term != 3 || c.Committed == nil || *c.Committed {
		t.Fatalf("entry 2 (term 3) on S5: %+v, want not committed", c)
	}
	shows(t, ex, 18, c.Witness, c.Leader+" leads without c", func(st map[string]engine.ServerState) bool {
		return st[c.Leader].Role == engine.Leader && lacks(st[c.Leader], 2, 3)
	})
}

// Figure 6, before the leader has heard any answer: entries 5–7, of the
// current term 3, are on a majority (S1, S3, S5) and nothing can bring a
// leader without them, so they are committed though no server knows it yet
// (the Figure 8 condition); 1–4 are known committed.
func TestCommittedFigure6ByTheFigure8Rule(t *testing.T) {
	ex := builtin(t, "figure6")
	a := ask(t, ex, 1, Question{Kind: "committed"})
	for _, x := range a.Answers {
		c := x.(Committed)
		if c.Committed == nil || !*c.Committed {
			t.Errorf("%s entry %d: %+v, want committed", c.Server, c.Index, c)
			continue
		}
		want := "§5.4.2"
		if c.Index <= 4 {
			want = "Figure 2, §5.3"
		}
		if c.Rule == nil || c.Rule.Section != want {
			t.Errorf("%s entry %d: rule %+v, want %s", c.Server, c.Index, c.Rule, want)
		}
	}
}

// Figure 6's logs (step 9): entry 8 is on S1 and S3 only; S5 can still be
// elected with S2's and S4's votes, so it is not committed. Entries 1–7 are.
func TestCommittedFigure6(t *testing.T) {
	ex := builtin(t, "figure6")
	a := ask(t, ex, 9, Question{Kind: "committed"})
	for _, x := range a.Answers {
		c := x.(Committed)
		if c.Committed == nil {
			t.Errorf("%s entry %d undecided: %s", c.Server, c.Index, c.Because)
			continue
		}
		if want := c.Index <= 7; *c.Committed != want {
			t.Errorf("%s entry %d: committed %v, want %v (%s)", c.Server, c.Index, *c.Committed, want, c.Because)
		}
		if c.Index == 8 {
			leader := c.Leader
			shows(t, ex, 9, c.Witness, leader+" leads without entry 8", func(st map[string]engine.ServerState) bool {
				return st[leader].Role == engine.Leader && lacks(st[leader], 8, 3)
			})
		}
	}
}

// Figure 8 (e): once "d", of the current term, is on a majority, "b" below
// it is committed too, though S5, which holds "c", is still around.
func TestCommittedFigure8e(t *testing.T) {
	ex := builtin(t, "figure8-e")
	a := ask(t, ex, 4, Question{Kind: "committed"}) // d on S1, S2, S3; no answer read yet
	for _, x := range a.Answers {
		c := x.(Committed)
		if c.Server == "S5" && c.Index == 2 {
			if c.Committed == nil || *c.Committed {
				t.Errorf("S5's c: %+v, want not committed", c)
			}
			continue
		}
		if c.Committed == nil || !*c.Committed {
			t.Errorf("%s entry %d (term %d): %+v, want committed", c.Server, c.Index, c.Term, c)
		}
	}
}

// ArgueFromLogs proves from the logs what a commitIndex would prove, for
// an exam whose figure leaves commitIndex out: after Figure 8 (e), where
// S1's commitIndex is 3, entries 2 and 3 are committed either way, by the
// commitIndex without it and by the Figure 8 rule with it.
func TestCommittedArguesFromLogs(t *testing.T) {
	ex := builtin(t, "exam-figure8")
	for _, fromLogs := range []bool{false, true} {
		a := ask(t, ex, 5, Question{Kind: "committed", ArgueFromLogs: fromLogs})
		for _, i := range []int{2, 3} {
			c := committedAt(t, a)[[2]any{"S1", i}]
			want := ruleCommitIndex.Key
			if fromLogs {
				want = ruleCommitCounting.Key
			}
			if c.Committed == nil || !*c.Committed || c.Rule == nil || c.Rule.Key != want {
				t.Errorf("from the logs %v: S1's entry %d: %+v, want committed by %s", fromLogs, i, c, want)
			}
		}
	}
}

// What the Figure 8 condition calls committed survives every future the
// search can reach: no leader of a later term lacks it. (By default two
// figures, 3 events deep; -explore.depth N checks every built-in deeper.)
func TestCommittedClaimsSurvive(t *testing.T) {
	names, depth := []string{"figure6", "figure8-e"}, 3
	if raceEnabled {
		depth = 2
	}
	if *truthDepth > 0 {
		names, depth = exercises.Names(), *truthDepth
	}
	checked := 0
	for _, name := range names {
		ex := builtin(t, name)
		if ex.Timing != nil || ex.BeyondFigure2() != nil { // the explorer covers Figure 2's rules
			continue
		}
		for n := 0; n <= len(ex.Steps); n++ {
			c, _, err := engine.RunTo(&ex.Script, n)
			if err != nil {
				t.Fatal(err)
			}
			done := map[[2]int]bool{}
			for _, x := range ask(t, ex, n, Question{Kind: "committed"}).Answers {
				e := x.(Committed)
				k := [2]int{e.Index, e.Term}
				if e.Committed == nil || !*e.Committed || (e.Rule.Key != ruleCommitCounting.Key && e.Rule.Key != ruleNoLeaderLacks.Key) || done[k] {
					continue
				}
				done[k] = true
				g := &condition{clauses: []clause{{kind: "leader-lacks", n: e.Index, term: e.Term}}}
				s := newSearch(c, Bounds{Depth: depth, Crashes: 1}, g)
				s.onlyDeepest = true
				if r := s.run(c, nil); r.Found {
					t.Errorf("%s after step %d: entry %d (term %d) was called committed, yet %s", name, n, e.Index, e.Term, r.Witness.Words())
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Error("no entry was called committed by the Figure 8 condition")
	}
	t.Logf("%d entries checked, %d events deep", checked, depth)
}

// exam-figure8 after step 1 (Figure 8 (d) before S5 returns): "a", of term
// 1, is on every server and committed, but not by the Figure 8 commit rule,
// which commits by counting only a leader's current-term entries: S1
// leads term 4. It is cited as no later leader can lack it. "c" (term 3,
// only on the crashed S5) is at risk because S1, the leader, lacks it now.
// Argued from the logs, as the exam does (its figure has no commitIndex).
func TestCommittedOldTermIsNotCounted(t *testing.T) {
	ex := builtin(t, "exam-figure8")
	got := committedAt(t, ask(t, ex, 1, Question{Kind: "committed", ArgueFromLogs: true}))
	a := got[[2]any{"S1", 1}]
	if a.Term != 1 || a.Committed == nil || !*a.Committed || a.Rule == nil || a.Rule.Key != ruleNoLeaderLacks.Key {
		t.Errorf("entry 1 (term 1) on S1: %+v (rule %+v), want committed under %s", a, a.Rule, ruleNoLeaderLacks.Key)
	}
	c := got[[2]any{"S5", 2}]
	if c.Term != 3 || c.Committed == nil || *c.Committed || c.Leader != "S1" || !strings.HasPrefix(c.Because, "S1, leader of term 4, lacks entry 2 (term 3) already") {
		t.Errorf("entry 2 (term 3) on S5: %+v, want at risk because S1 leads without it now", c)
	}
}

// The rule depends on who can have sent the copies, not on who leads now.
// A stale leader of term 2, cut off, leads still while the leader of term
// 3 has copied its entry to every server: not the Figure 8 commit rule
// (that is Figure 8 (c)'s mistake). The creator of an entry of term 2 that
// put it on a majority and crashed, with no later term begun: the Figure 8
// commit rule, though no one leads.
func TestCommittedRuleFollowsWhoSentTheCopies(t *testing.T) {
	for _, c := range []struct {
		name, initial, step string
		want                Rule
	}{
		{"stale leader", `
  S1: {term: 2, role: leader, log: ["1:a", "2:x"]}
  S2: {term: 3, voted_for: S2, role: leader, log: ["1:a", "2:x"], commit: 1}
  S3: {term: 3, voted_for: S2, log: ["1:a", "2:x"], commit: 1}
  S4: {term: 3, voted_for: S2, log: ["1:a", "2:x"], commit: 1}
  S5: {term: 3, voted_for: S2, log: ["1:a", "2:x"], commit: 1}`, "partition: [[S1], [S2, S3, S4, S5]]", ruleNoLeaderLacks},
		{"creator crashed", `
  S1: {term: 2, role: leader, log: ["1:a", "2:x"], commit: 1}
  S2: {term: 2, voted_for: S1, log: ["1:a", "2:x"], commit: 1}
  S3: {term: 2, voted_for: S1, log: ["1:a", "2:x"], commit: 1}
  S4: {term: 2, voted_for: S1, log: ["1:a"], commit: 1}
  S5: {term: 2, voted_for: S1, log: ["1:a"], commit: 1}`, "crash: S1", ruleCommitCounting},
	} {
		ex := load(t, "title: t\nservers: 5\ninitial:"+c.initial+"\nsteps:\n  - "+c.step+"\n")
		x := committedAt(t, ask(t, ex, 1, Question{Kind: "committed", ArgueFromLogs: true}))[[2]any{"S2", 2}]
		if x.Committed == nil || !*x.Committed || x.Rule == nil || x.Rule.Key != c.want.Key {
			t.Errorf("%s: entry 2 (term 2): %+v (rule %+v), want committed under %s", c.name, x, x.Rule, c.want.Key)
		}
	}
}
