package exercises

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// golden runs a built-in exercise for its per-step facts.
type golden struct {
	t  *testing.T
	tr *engine.Trace
}

func play(t *testing.T, name string) golden {
	t.Helper()
	ex, err := Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	return golden{t, tr}
}

// at is the state after script step n (its last round for a stabilize).
func (g golden) at(n int) engine.StepRecord {
	g.t.Helper()
	var rec *engine.StepRecord
	for i := range g.tr.Steps {
		if g.tr.Steps[i].ScriptStep == n {
			rec = &g.tr.Steps[i]
		}
	}
	if rec == nil {
		g.t.Fatalf("no step %d", n)
	}
	return *rec
}

// expect checks one server's role, term, log, commitIndex and state
// machine after script step n, written as "leader 1 [1:sally 2:tom] 2 tom"
// (state "-" for empty).
func (g golden) expect(n int, id, want string) {
	g.t.Helper()
	s := g.at(n).Servers[id]
	role := s.Role.String()
	if !s.Up {
		role = "down"
	}
	got := fmt.Sprintf("%s %d [%s] %d %s", role, s.Term, engine.LogText(s.Log), s.CommitIndex, engine.StateMachineText(s.StateMachine))
	if got != want {
		g.t.Errorf("after step %d %s = %q, want %q", n, id, got, want)
	}
}

// expectAll checks several servers at once.
func (g golden) expectAll(n int, want map[string]string) {
	g.t.Helper()
	for _, id := range g.tr.Servers {
		if w, ok := want[id]; ok {
			g.expect(n, id, w)
		}
	}
}

func (g golden) votedFor(n int, id string) string {
	if v := g.at(n).Servers[id].VotedFor; v != nil {
		return *v
	}
	return "-"
}

func (g golden) reason(n int, fragment string) {
	g.t.Helper()
	for i := range g.tr.Steps {
		if g.tr.Steps[i].ScriptStep != n {
			continue
		}
		for _, r := range g.tr.Steps[i].Reasons {
			if strings.Contains(r, fragment) {
				return
			}
		}
	}
	g.t.Errorf("step %d has no reason containing %q", n, fragment)
}

// leaders lists "S1@1" for each server leading some term, over the run.
func (g golden) leaders() string {
	seen := map[string]bool{}
	var out []string
	for _, st := range g.tr.Steps {
		for _, id := range g.tr.Servers {
			s := st.Servers[id]
			key := fmt.Sprintf("%s@%d", id, s.Term)
			if s.Role == engine.Leader && !seen[key] {
				seen[key] = true
				out = append(out, key)
			}
		}
	}
	return strings.Join(out, " ")
}

// snapLog is a server's log after script step n with its snapshot, as the
// text trace writes it: "[≤3 t1: c] 1:d".
func (g golden) snapLog(n int, id string) string {
	return engine.SnapshotLogText(g.at(n).Servers[id])
}

// message finds the message of type typ from→to sent in script step n.
func (g golden) message(n int, typ engine.MessageType, from, to string) engine.Message {
	g.t.Helper()
	for i := range g.tr.Steps {
		if g.tr.Steps[i].ScriptStep != n {
			continue
		}
		for _, m := range g.tr.Steps[i].Messages {
			if m.Type == typ && m.From == from && m.To == to {
				return m
			}
		}
	}
	g.t.Fatalf("step %d sent no %s from %s to %s", n, typ, from, to)
	return engine.Message{}
}

// config is the configuration server id uses after script step n, as the
// sheets write it ("{S1, S2, S3}"), "-" when the exercise changes no
// membership.
func (g golden) config(n int, id string) string {
	if c := g.at(n).Servers[id].Config; c != nil {
		return c.Words()
	}
	return "-"
}
