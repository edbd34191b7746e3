package explore

import (
	"bytes"
	"encoding/binary"
	"hash/fnv"
	"slices"

	"github.com/raftsheet/raftsheet/engine"
)

// symmetry reduces a search by interchangeable servers and values. Two
// servers are interchangeable when swapping their names maps the starting
// state to itself and the question names neither. The engine's events treat
// every server alike (a delivery, timeout or crash changes one server, and
// no rule looks at a server's name or place), so the states reachable from
// a symmetric start are closed under such swaps, and so are the safety
// properties and any question that names neither server: it is enough to
// visit one state of each class of renamings. Client values made up by the
// search are interchangeable in the same way, since the engine treats a
// command as an opaque token.
type symmetry struct {
	classes [][]int         // indexes in cluster order; each class interchangeable
	fresh   map[string]bool // values the search makes up
	buf     []byte
	best    []byte
}

// maxOrders caps the orders tried for one state. Trying fewer only makes
// the key less canonical (fewer states merged), never unsound.
const maxOrders = 720

// findSymmetry groups the servers of c that are interchangeable, leaving
// out those named in fixed.
func findSymmetry(c *engine.Cluster, fixed map[string]bool, fresh map[string]bool) *symmetry {
	n := len(c.Servers())
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	identity := make([]int, n)
	for i := range identity {
		identity[i] = i
	}
	base := c.AppendStateKey(nil, identity, engine.KeyOptions{})
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if fixed[c.Servers()[i].ID] || fixed[c.Servers()[j].ID] || find(i) == find(j) {
				continue
			}
			swapped := slices.Clone(identity)
			swapped[i], swapped[j] = j, i
			if bytes.Equal(base, c.AppendStateKey(nil, swapped, engine.KeyOptions{})) {
				parent[find(j)] = find(i)
			}
		}
	}
	byRoot := map[int][]int{}
	var roots []int
	for i := 0; i < n; i++ {
		r := find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	s := &symmetry{fresh: fresh}
	for _, r := range roots {
		s.classes = append(s.classes, byRoot[r])
	}
	return s
}

// key is a hash of the state of c up to renaming within the classes, with
// extra (the search's own state) appended. Within each class the servers
// are sorted by a signature that names no server; servers whose signatures
// tie are tried in every order and the smallest key wins.
func (s *symmetry) key(c *engine.Cluster, extra []byte) [16]byte {
	var order []int
	var ties [][]int // ranges of order to permute: [start, end)
	for _, class := range s.classes {
		if len(class) == 1 {
			order = append(order, class[0])
			continue
		}
		sigs := make(map[int][]byte, len(class))
		for _, i := range class {
			sigs[i] = c.AppendServerSignature(nil, i)
		}
		members := slices.Clone(class)
		slices.SortStableFunc(members, func(a, b int) int { return bytes.Compare(sigs[a], sigs[b]) })
		start := len(order)
		for k, i := range members {
			if k > 0 && !bytes.Equal(sigs[i], sigs[members[k-1]]) {
				if len(order)-start > 1 {
					ties = append(ties, []int{start, len(order)})
				}
				start = len(order)
			}
			order = append(order, i)
		}
		if len(order)-start > 1 {
			ties = append(ties, []int{start, len(order)})
		}
	}
	opt := engine.KeyOptions{
		Fresh: func(v string) bool { return s.fresh[v] },
		Skip:  func(m engine.Message) bool { return dead(c, m) },
	}
	s.best = s.best[:0]
	tried := 0
	var try func(t int)
	try = func(t int) {
		if tried >= maxOrders {
			return
		}
		if t == len(ties) {
			tried++
			s.buf = c.AppendStateKey(s.buf[:0], order, opt)
			if len(s.best) == 0 || bytes.Compare(s.buf, s.best) < 0 {
				s.best = append(s.best[:0], s.buf...)
			}
			return
		}
		permute(order[ties[t][0]:ties[t][1]], 0, func() { try(t + 1) })
	}
	try(0)
	h := fnv.New128a()
	h.Write(binary.AppendUvarint(nil, uint64(len(s.best))))
	h.Write(s.best)
	h.Write(extra)
	var out [16]byte
	h.Sum(out[:0])
	return out
}

// permute calls f once for every order of p (Heap's algorithm), leaving p
// as it found it.
func permute(p []int, k int, f func()) {
	if k >= len(p)-1 {
		f()
		return
	}
	for i := k; i < len(p); i++ {
		p[k], p[i] = p[i], p[k]
		permute(p, k+1, f)
		p[k], p[i] = p[i], p[k]
	}
}
