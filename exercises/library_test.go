package exercises

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
)

// Every built-in exercise loads and runs, with a title and a summary.
func TestEveryBuiltinRuns(t *testing.T) {
	for _, name := range Names() {
		ex, err := Builtin(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if ex.Summary == "" {
			t.Errorf("%s has no summary", name)
		}
		if _, err := exercise.Run(ex); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func traceJSON(t *testing.T, name string) []byte {
	ex, err := Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	b, err := tr.JSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The same exercise gives byte-identical JSON every run, also when runs
// happen at once (no shared state).
func TestRunsAreDeterministic(t *testing.T) {
	for _, name := range Names() {
		want := traceJSON(t, name)
		var wg sync.WaitGroup
		got := make([][]byte, 4)
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[i] = traceJSON(t, name)
			}()
		}
		wg.Wait()
		for i := range got {
			if !bytes.Equal(got[i], want) {
				t.Errorf("%s: run %d differs", name, i)
			}
		}
	}
}

// The JSON trace has exactly the field names of docs/ARCHITECTURE.md, "The
// trace".
func TestTraceJSONFollowsDesign(t *testing.T) {
	var tr map[string]any
	if err := json.Unmarshal(traceJSON(t, "partition"), &tr); err != nil {
		t.Fatal(err)
	}
	need := func(obj map[string]any, what string, keys ...string) {
		t.Helper()
		for _, k := range keys {
			if _, ok := obj[k]; !ok {
				t.Errorf("%s lacks %q", what, k)
			}
		}
	}
	need(tr, "trace", "title", "servers", "steps")
	steps := tr["steps"].([]any)
	seen := map[string]bool{}
	for _, s := range steps {
		step := s.(map[string]any)
		need(step, "step", "n", "event", "line", "note", "messages", "delivered", "lost", "dropped", "refused", "reasons", "servers")
		for _, st := range step["servers"].(map[string]any) {
			need(st.(map[string]any), "server state", "up", "role", "term", "voted_for", "log", "commit_index",
				"last_applied", "state_machine", "next_index", "match_index")
		}
		for _, m := range step["messages"].([]any) {
			msg := m.(map[string]any)
			typ := msg["type"].(string)
			seen[typ] = true
			need(msg, typ, "id", "type", "from", "to", "term")
			switch typ {
			case "RequestVote":
				need(msg, typ, "candidate_id", "last_log_index", "last_log_term")
			case "RequestVoteReply":
				need(msg, typ, "vote_granted")
			case "AppendEntries":
				need(msg, typ, "leader_id", "prev_log_index", "prev_log_term", "entries", "leader_commit")
				for _, e := range msg["entries"].([]any) {
					need(e.(map[string]any), "entry", "index", "term", "value")
				}
			case "AppendEntriesReply":
				need(msg, typ, "success")
				if msg["success"] == true {
					need(msg, typ, "match_index")
				}
			}
		}
	}
	if len(seen) != 4 {
		t.Errorf("partition's trace shows message types %v; want all four", seen)
	}
	first := steps[0].(map[string]any)["servers"].(map[string]any)["S2"].(map[string]any)
	if first["voted_for"] != nil || first["role"] != "follower" || first["state_machine"] != "" {
		t.Errorf("S2 after step 1 = %v; want voted_for null, role follower, state_machine \"\"", first)
	}
}

// A note that says messages arrive "oldest first" is true of the run: a
// delivery goes by receiver, then by number (engine.Network.Take), so a
// note on a delivery to several servers says each server's come oldest
// first, and a plain "oldest first" is only for one receiver's messages.
func TestOldestFirstNotesAreTrue(t *testing.T) {
	for _, name := range Names() {
		g := play(t, name)
		for _, s := range g.tr.Steps {
			if !strings.Contains(s.Note, "oldest first") || strings.Contains(s.Note, "each server's oldest first") {
				continue
			}
			if !slices.IsSorted(s.Delivered) {
				t.Errorf("%s step %d: the note says %q, but the messages arrive in the order %v", name, s.N, s.Note, s.Delivered)
			}
		}
	}
}
