package exercise

import (
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/yaml"
)

// mutations reads options.mutate: a list of the rules to break on purpose
// (engine/mutate.go), each named once.
func (l *loader) mutations(n *yaml.Node) engine.Mutations {
	names := make([]string, len(engine.AllMutations))
	for i, m := range engine.AllMutations {
		names[i] = string(m)
	}
	hint := "write `mutate: [forget-vote-on-restart]`; the mutations are " + strings.Join(names, ", ")
	if n.Kind != yaml.SequenceNode {
		l.at(n, hint, "mutate must list mutations, not %s", kindName(n))
		return nil
	}
	var out engine.Mutations
	for _, c := range n.Content {
		c = l.resolve(c)
		s, ok := l.choice(c, "mutate", names)
		if !ok {
			continue
		}
		m, _ := engine.ParseMutation(s)
		if out.Has(m) {
			l.errorf(c, "mutate names %s twice", s)
			continue
		}
		out = append(out, m)
	}
	return out
}
