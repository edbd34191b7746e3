package variant

import (
	"math/rand/v2"

	"github.com/raftsheet/raftsheet/exercise"
)

// Apply makes variant n of ex. Variant changes are consistent relabelings,
// so the run keeps its shape: the same events happen to the servers that
// now play each part. The caller runs the result, which checks it.
func Apply(ex *exercise.Exercise, n uint16) *exercise.Exercise {
	p := makePlan(ex, n)
	out := relabel(ex, p.server, p.name, p.value)
	if p.reseed && out.Timing != nil {
		t := *out.Timing
		t.Seed = p.seed
		out.Timing = &t
	}
	retext(out, ex, p.server, p.value)
	return out
}

// Servers says which server of variant n plays each server's part of ex:
// original name → the variant's name. Reports use it to line up the
// answers of different variants.
func Servers(ex *exercise.Exercise, n uint16) map[string]string {
	return makePlan(ex, n).server
}

// plan is what variant n changes: who plays each part, the names, the
// values and the timing seed.
type plan struct {
	server, name, value map[string]string
	reseed              bool
	seed                uint64
}

// makePlan draws variant n's changes from its own generator, in a fixed
// order, so a variant is the same every time.
func makePlan(ex *exercise.Exercise, n uint16) plan {
	rng := rand.New(rand.NewPCG(uint64(n), uint64(hash("variant", ex.Name))))
	policy := ex.Variants
	servers := ex.Config.Servers
	if letterNames(servers) {
		// Single letters are a figure's labels, (a)–(f), and words of the
		// prose ("a log entry"): renaming them would garble the notes.
		policy.Names, policy.Roles = false, false
	}

	swap := identity(servers)
	if policy.Roles && !usesMessageNumbers(ex) {
		swap = permutation(ex, rng)
	}
	name := identity(servers)
	if policy.Names {
		name = renaming(servers, rng)
	}
	server := map[string]string{}
	for _, id := range servers {
		server[id] = name[swap[id]]
	}
	value := map[string]string{}
	if policy.Values {
		value = revalue(ex, rng)
	}
	p := plan{server: server, name: name, value: value, reseed: policy.Timing}
	if policy.Timing && ex.Timing != nil {
		p.seed = uint64(rng.Uint32())
	}
	return p
}

func letterNames(servers []string) bool {
	for _, id := range servers {
		if len([]rune(id)) == 1 {
			return true
		}
	}
	return false
}

func identity(ids []string) map[string]string {
	m := make(map[string]string, len(ids))
	for _, id := range ids {
		m[id] = id
	}
	return m
}

// usesMessageNumbers: a script that picks messages by number depends on
// the order messages are sent in, which follows cluster order; swapping
// servers would point its numbers at other messages.
func usesMessageNumbers(ex *exercise.Exercise) bool {
	for _, st := range ex.Steps {
		for _, sel := range st.Selection {
			if sel.ID != 0 {
				return true
			}
		}
	}
	return false
}

// permutation swaps servers within the sets the steps' vary: hints allow:
// every hinted step's server must land in its own hint. Servers no hint
// names keep their parts.
func permutation(ex *exercise.Exercise, rng *rand.Rand) map[string]string {
	var pool []string
	seen := map[string]bool{}
	for _, vary := range ex.Vary {
		for _, id := range vary {
			if !seen[id] {
				seen[id] = true
				pool = append(pool, id)
			}
		}
	}
	for try := 0; try < 200; try++ {
		shuffled := append([]string(nil), pool...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		p := identity(ex.Config.Servers)
		for i, id := range pool {
			p[id] = shuffled[i]
		}
		if allowed(ex, p) {
			return p
		}
	}
	return identity(ex.Config.Servers)
}

func allowed(ex *exercise.Exercise, p map[string]string) bool {
	for i, vary := range ex.Vary {
		if len(vary) == 0 {
			continue
		}
		ok := false
		for _, id := range vary {
			ok = ok || p[ex.Steps[i].Server] == id
		}
		if !ok {
			return false
		}
	}
	return true
}

// renaming gives the servers distinct names from the pool, by position.
func renaming(servers []string, rng *rand.Rand) map[string]string {
	picked := rng.Perm(len(Names))[:len(servers)]
	m := make(map[string]string, len(servers))
	for i, id := range servers {
		m[id] = Names[picked[i]]
	}
	return m
}
