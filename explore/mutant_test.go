package explore

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// mutantCases: for each rule broken on purpose, a state from which the
// classic counterexample is short, the property it breaks, and the length
// of the shortest schedule, worked out by hand.
var mutantCases = []struct {
	mutation engine.Mutation
	src      string
	property engine.Property
	steps    int
	needs    Bounds // what its counterexample needs beyond timeouts and deliveries
}{
	{engine.ForgetVoteOnRestart, `
title: S2 forgets it voted for S1
servers: 3
initial:
  S1: {term: 1, role: leader}
  S2: {term: 1, voted_for: S1}
steps: [heal]
`, engine.ElectionSafety, 5, Bounds{Crashes: 1}}, // timeout S3; crash, restart S2; S3's request; S2's vote
	{engine.ForgetLogOnRestart, `
title: x is committed on S1 and S2
servers: 3
initial:
  S1: {term: 1, role: leader, log: ["1:x"], commit: 1}
  S2: {term: 1, voted_for: S1, log: ["1:x"], commit: 1}
  S3: {term: 1, voted_for: S1}
steps: [heal]
`, engine.LeaderCompleteness, 5, Bounds{Crashes: 1}}, // crash, restart S2; timeout S3; its request; S2's vote
	{engine.VoteWithoutLogCheck, `
title: x is committed on S1 and S2
servers: 3
initial:
  S1: {term: 1, role: leader, log: ["1:x"], commit: 1}
  S2: {term: 1, voted_for: S1, log: ["1:x"], commit: 1}
  S3: {term: 1, voted_for: S1}
steps: [heal]
`, engine.LeaderCompleteness, 3, Bounds{}}, // timeout S3; its request; S2's vote
	{engine.CommitOldTermsByCounting, `
title: Figure 8 on three servers
servers: 3
initial:
  S1: {term: 4, role: leader, log: ["2:b"]}
  S2: {term: 4, voted_for: S1, log: ["2:b"]}
  S3: {term: 4, log: ["3:c"]}
steps: [heal]
`, engine.LeaderCompleteness, 6, Bounds{}}, // heartbeat; S2 acks b, S1 counts it; S3 elected with S2's vote
	{engine.CommitWithoutMin, `
title: S2 holds a stale entry past the ones it is sent
servers: 3
options: {max_entries: 1}
initial:
  S1: {term: 3, role: leader, log: ["1:a", "1:c", "3:z"], commit: 3}
  S2: {term: 2, voted_for: S2, log: ["1:a", "1:c", "2:s"]}
  S3: {term: 3, voted_for: S1, log: ["1:a", "1:c", "3:z"], commit: 3}
steps: [heal]
`, engine.StateMachineSafety, 6, Bounds{Duplicates: 1}}, // heartbeat; rejection copied and both delivered; AE with c alone
	{engine.NoTruncateOnConflict, `
title: S2 holds entries of terms 2 and 4 that S1 lacks
servers: 3
initial:
  S1: {term: 5, role: leader, log: ["1:a", "3:z"]}
  S2: {term: 4, voted_for: S2, log: ["1:a", "2:s", "4:y"]}
  S3: {term: 5, voted_for: S1, log: ["1:a", "3:z"]}
steps: [heal]
`, engine.LogMatching, 4, Bounds{}}, // heartbeat; rejection; retry with z; S2 keeps y after z
}

// Each mutation yields a counterexample: the shortest schedule to the
// property it breaks, which the runner confirms; the engine without the
// mutation breaks nothing within the same bounds.
func TestMutantsBreakSafety(t *testing.T) {
	for _, c := range mutantCases {
		t.Run(string(c.mutation), func(t *testing.T) {
			ex := load(t, c.src)
			ex.Config.Options.Mutate = engine.Mutations{c.mutation}
			b := defaultMutantBounds
			if raceEnabled { // only what the counterexample needs
				b.Clients, b.Crashes, b.Duplicates = c.needs.Clients, c.needs.Crashes, c.needs.Duplicates
			}
			m := must[Mutant](t, ask(t, ex, 0, Question{Kind: "mutant", Bounds: &b}).Answers[0])
			if m.Broken == nil || !*m.Broken {
				t.Fatalf("no counterexample: %s", m.Because)
			}
			if m.Property != string(c.property) || len(m.Witness) != c.steps || m.Step != c.steps {
				t.Errorf("broke %s at step %d after %d events:\n%s\nwant %s after %d", m.Property, m.Step, len(m.Witness), words(m.Witness), c.property, c.steps)
			}
			if _, err := viaYAML(t, ex, 0, m.Witness); err == nil || !mentions(err, c.property) {
				t.Errorf("the runner does not stop the counterexample with %s: %v", c.property, err)
			}
			if raceEnabled {
				return // the race detector adds nothing to the search below; the plain run does it
			}
			ex.Config.Options.Mutate = nil
			b.Depth = len(m.Witness)
			sound := must[Mutant](t, ask(t, ex, 0, Question{Kind: "mutant", Bounds: &b}).Answers[0])
			if sound.Broken != nil {
				t.Errorf("the engine without %s breaks %s: %s", c.mutation, sound.Property, words(sound.Witness))
			}
			if sound.Explored == nil || sound.Explored.Depth < len(m.Witness) {
				t.Errorf("the engine without the mutation was explored less deep than the counterexample: %+v", sound.Explored)
			}
		})
	}
}
