package variant

import (
	"fmt"
	"math/rand/v2"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// revalue maps each distinct client value of the exercise to a new one: a
// word from the list for a register; for a kv store, the same key with a
// new value (numbers stay numbers).
func revalue(ex *exercise.Exercise, rng *rand.Rand) map[string]string {
	var values []string
	seen := map[string]bool{}
	add := func(v string) {
		if v != "" && !seen[v] {
			seen[v] = true
			values = append(values, v)
		}
	}
	for _, in := range ex.Initial {
		for _, e := range in.Log {
			add(e.Value)
		}
	}
	for _, st := range ex.Steps {
		if st.Kind == engine.StepClient {
			add(st.Value)
		}
	}
	for _, q := range ex.Questions { // last, so that exercises without questions vary as before
		for _, in := range q.State {
			for _, e := range in.Log {
				add(e.Value)
			}
		}
	}
	out := map[string]string{}
	if ex.Config.StateMachine == engine.KV {
		return kvValues(values, rng)
	}
	words := rng.Perm(len(Words))
	for i, v := range values {
		if i < len(words) {
			out[v] = Words[words[i]]
		} else {
			out[v] = v // more values than words: keep the rest
		}
	}
	return out
}

// kvValues keeps each command's key and operator and gives each distinct
// right-hand side a new number from 1 to 99.
func kvValues(cmds []string, rng *rand.Rand) map[string]string {
	rhs := map[string]string{}
	used := map[string]bool{}
	out := map[string]string{}
	for _, cmd := range cmds {
		key, val, ok := engine.ParseKV(cmd)
		if !ok {
			continue
		}
		nv, done := rhs[val]
		for !done {
			nv = fmt.Sprint(1 + rng.IntN(99))
			done = !used[nv]
		}
		rhs[val], used[nv] = nv, true
		out[cmd] = key + operator(cmd, key) + nv
	}
	return out
}

// operator is the assignment the command was written with.
func operator(cmd, key string) string {
	for _, op := range []string{"←", "<-", "="} {
		if len(cmd) > len(key) {
			rest := cmd[len(key):]
			for len(rest) > 0 && rest[0] == ' ' {
				rest = rest[1:]
			}
			if len(rest) >= len(op) && rest[:len(op)] == op {
				return op
			}
		}
	}
	return "="
}
