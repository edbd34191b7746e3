package class

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/raftsheet/raftsheet/engine"
)

// hashRecipe names how ContentHash reads a trace; a change of what it
// reads is a new recipe, so old hashes never match new ones by chance.
const hashRecipe = "raftsheet answers 1"

// ContentHash names the answers of a run: what happened at every step
// (the event, the messages and their fates, every server's state after
// it, whom the step asks and the rules that decided it), as the engine
// played the exercise. The answer file and the manifest of a class set
// keep it with each variant code: when the exercise's file, the built-in
// or the engine's answers change, the code's sheet gives another hash,
// and check and key refuse to grade or rebuild against it. Words alone
// (the title, a note, a comment in the YAML, a reason's phrasing) do not
// change it.
func ContentHash(tr *engine.Trace) string {
	type step struct {
		Event                    string
		Messages                 []engine.Message
		Delivered, Lost, Dropped []int
		Refused                  string
		Servers                  map[string]engine.ServerState
		Ask                      []string
		Rules                    []string
		TimeMs                   *int
	}
	content := struct {
		Recipe       string
		Servers      []string
		StateMachine string
		Options      engine.TraceOptions
		Timing       *engine.TraceTiming
		Initial      map[string]engine.ServerState
		Steps        []step
	}{Recipe: hashRecipe, Servers: tr.Servers, StateMachine: tr.StateMachine, Options: tr.Options, Initial: tr.Initial}
	if tr.Timing != nil {
		t := *tr.Timing
		t.Words = nil
		content.Timing = &t
	}
	for _, s := range tr.Steps {
		st := step{Event: s.Event, Messages: s.Messages, Delivered: s.Delivered, Lost: s.Lost, Dropped: s.Dropped,
			Refused: s.Refused, Servers: s.Servers, Ask: s.Ask, TimeMs: s.TimeMs}
		for _, r := range s.Why {
			st.Rules = append(st.Rules, r.Server+" "+r.Rule.Key())
		}
		content.Steps = append(content.Steps, st)
	}
	// Maps go in sorted order: the same run, the same bytes. A trace is
	// plain data (no floats, no channels): it always has a JSON form.
	b, _ := json.Marshal(content)
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:8])
}
