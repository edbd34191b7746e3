package explore

import (
	"fmt"
	"slices"

	"github.com/raftsheet/raftsheet/engine"
)

// construct builds, term by term, a schedule that takes an empty cluster
// to the wanted state (docs/EXPLORE.md, "reachable"):
//
//  1. Each term that has a leader or log entries gets a leader: the server
//     leading it in the state, else a server that holds the term's last
//     entry and is past the term or voted for itself in it; servers that
//     lead no other term are preferred.
//  2. For every server, what it must hold and by when: the log before its
//     own term when it leads one, the entries up to its commitIndex in the
//     term that commits them, its whole log at the end. Each is delivered
//     as late as it can be — by the leader of the entries' term, or by a
//     later leader whose log then is exactly those entries — so that
//     voters' logs stay short enough to vote (§5.4.1).
//  3. Term by term: the candidates that lose collect their votes; the
//     leader times out into the term, wins with the votes of the servers
//     that voted for it there and of servers that move on to later terms,
//     tells the servers that only learned the term, appends the term's
//     entries one client request at a time, brings each server up to what
//     it must hold at the moment its own log has exactly that length
//     (backing nextIndex up as far as needed, §5.3), and commits by
//     counting acknowledgements when a commitIndex asks for it (§5.4.2).
//  4. Last, servers that still lead or stand, or know a commit they should
//     not, crash and restart (Figure 2); everything in flight is dropped.
//
// The result is replayed and compared with the wanted state; a schedule
// that does not reach it is not offered. Entries drawn by their term only
// (no value) are made with stand-in values ("t4i5": term 4, index 5).
type constructor struct {
	cfg     engine.Config
	ids     []string
	want    map[string]engine.InitialState
	phases  []int
	leader  map[int]string
	first   map[int]int              // first index of term t's entries
	last    map[int]int              // last index of term t's entries
	needs   map[int][]need           // phase → what servers must be brought up to
	counts  map[int][]int            // phase → commit indexes its leader commits
	tell    map[int]map[int][]string // phase → commit index → servers told it
	b       *builder
	noValue map[string]bool // stand-in values
}

type need struct {
	server string
	upTo   int
}

func newConstructor(cfg engine.Config, want map[string]engine.InitialState) *constructor {
	return &constructor{cfg: cfg, ids: cfg.Servers, want: want, leader: map[int]string{},
		first: map[int]int{}, last: map[int]int{}, needs: map[int][]need{}, counts: map[int][]int{},
		tell: map[int]map[int][]string{}, noValue: map[string]bool{}}
}

// run plans and plays the schedule, returning it and the cluster it ends in.
func (k *constructor) run() (Witness, *engine.Cluster, error) {
	if err := k.plan(); err != nil {
		return nil, nil, err
	}
	k.b = newBuilder(engine.NewCluster(k.cfg))
	for _, t := range k.phases {
		if err := k.phase(t); err != nil {
			return nil, nil, fmt.Errorf("term %d: %w", t, err)
		}
	}
	if err := k.finish(); err != nil {
		return nil, nil, err
	}
	return k.b.w, k.b.c, nil
}

func (k *constructor) plan() error {
	terms := map[int]bool{}
	for _, id := range k.ids {
		st := k.want[id]
		if st.Term > 0 {
			terms[st.Term] = true
		}
		for i, e := range st.Log {
			terms[e.Term] = true
			if k.first[e.Term] == 0 || i+1 < k.first[e.Term] {
				k.first[e.Term] = i + 1
			}
			k.last[e.Term] = max(k.last[e.Term], i+1)
		}
		if st.Role == engine.Leader {
			k.leader[st.Term] = id
		}
	}
	for t := range terms {
		k.phases = append(k.phases, t)
	}
	slices.Sort(k.phases)
	if err := k.chooseLeaders(); err != nil {
		return err
	}
	return k.planDeliveries()
}

// chooseLeaders picks the writer of each term's entries, latest term first
// so that earlier terms can avoid the later ones' leaders.
func (k *constructor) chooseLeaders() error {
	leads := map[string]int{}
	for _, id := range k.leader {
		leads[id]++
	}
	for x := len(k.phases) - 1; x >= 0; x-- {
		t := k.phases[x]
		if _, ok := k.leader[t]; ok || k.last[t] == 0 {
			continue
		}
		var best string
		for _, id := range k.ids {
			st := k.want[id]
			if !logHolds(st.Log, k.last[t], t) || !(st.Term > t || (st.Term == t && st.VotedFor == id)) {
				continue
			}
			if best == "" || leads[id] < leads[best] {
				best = id
			}
		}
		if best == "" {
			var why []string
			for _, id := range k.ids {
				if st := k.want[id]; logHolds(st.Log, k.last[t], t) {
					why = append(why, fmt.Sprintf("%s is in term %d without having voted for itself", id, st.Term))
				}
			}
			return fmt.Errorf("the entries of term %d were written by its leader, which held them all, up to index %d; of the servers holding entry %d, %s, so none of them led term %d, and this builder does not construct a leader whose own entries were overwritten later", t, k.last[t], k.last[t], joinAnd(why), t)
		}
		k.leader[t] = best
		leads[best]++
	}
	for t, id := range k.leader {
		if k.last[t] > 0 {
			k.first[t] = firstOfTerm(k.want[id].Log, t)
		} else {
			k.first[t] = len(k.prefixBefore(id, t)) + 1
		}
	}
	return nil
}

func firstOfTerm(l engine.Log, t int) int {
	for i, e := range l {
		if e.Term == t {
			return i + 1
		}
	}
	return 0
}

func logHolds(l engine.Log, i, t int) bool { return i >= 1 && i <= len(l) && l[i-1].Term == t }

// prefixBefore is id's wanted log up to its entries of term t.
func (k *constructor) prefixBefore(id string, t int) engine.Log {
	l := k.want[id].Log
	n := 0
	for n < len(l) && l[n].Term < t {
		n++
	}
	return l[:n]
}

// planDeliveries decides what each server must hold by which phase, and
// the phase that delivers it.
func (k *constructor) planDeliveries() error {
	maj := len(k.ids)/2 + 1
	for _, id := range k.ids {
		st := k.want[id]
		held := 0 // entries the plan has given id so far
		lastPhase := 0
		// must is (prefix length, deadline phase); 0 deadline: the end.
		type must struct{ upTo, before int }
		var musts []must
		for _, t := range k.phases {
			if k.leader[t] == id {
				musts = append(musts, must{len(k.prefixBefore(id, t)), t})
			}
		}
		musts = append(musts, must{len(st.Log), 0})
		// commit: told in the phase of the committed entry's term
		if st.Commit > 0 {
			u := st.Log.At(st.Commit).Term
			if k.leader[u] != id {
				musts = append(musts, must{st.Commit, -u})
			}
			k.addCount(u, st.Commit)
			if k.leader[u] != id {
				k.addTell(u, st.Commit, id)
			}
		}
		slices.SortStableFunc(musts, func(a, b must) int { return a.upTo - b.upTo })
		for _, m := range musts {
			if m.upTo <= held {
				continue
			}
			if t := st.Log.At(m.upTo).Term; k.leader[t] == id && (m.before == 0 || (m.before > 0 && t < m.before) || m.before == -t) {
				held = m.upTo // it writes them itself, as the leader of their term
				continue
			}
			p, err := k.deliveryPhase(id, m.upTo, m.before, lastPhase)
			if err != nil {
				return err
			}
			k.needs[p] = append(k.needs[p], need{id, m.upTo})
			held, lastPhase = m.upTo, p
			// entries id writes itself as leader of later phases need no delivery
			for _, t := range k.phases {
				if k.leader[t] == id && t >= p {
					held = max(held, k.ownUpTo(id, t))
				}
			}
		}
	}
	// counting needs a majority holding the entry: add holders.
	for u, cs := range k.counts {
		for _, c := range cs {
			have := 1 // the leader
			for _, n := range k.needs[u] {
				if n.upTo >= c {
					have++
				}
			}
			for _, id := range k.ids {
				if have >= maj {
					break
				}
				if id == k.leader[u] || k.hasNeed(u, id, c) || !logHolds(k.want[id].Log, c, u) {
					continue
				}
				k.needs[u] = append(k.needs[u], need{id, c})
				have++
			}
			if have < maj {
				return fmt.Errorf("commitIndex %d (an entry of term %d) needs a majority holding it when term %d's leader counts it, and only %d servers hold it", c, u, u, have)
			}
		}
	}
	return nil
}

// ownUpTo is how far id's wanted log runs in term t's entries, which it
// writes itself as t's leader.
func (k *constructor) ownUpTo(id string, t int) int {
	n := 0
	for i, e := range k.want[id].Log {
		if e.Term <= t {
			n = i + 1
		}
	}
	return n
}

func (k *constructor) hasNeed(p int, id string, upTo int) bool {
	for _, n := range k.needs[p] {
		if n.server == id && n.upTo >= upTo {
			return true
		}
	}
	return false
}

func (k *constructor) addCount(u, c int) {
	if !slices.Contains(k.counts[u], c) {
		k.counts[u] = append(k.counts[u], c)
		slices.Sort(k.counts[u])
	}
}

func (k *constructor) addTell(u, c int, id string) {
	if k.tell[u] == nil {
		k.tell[u] = map[int][]string{}
	}
	k.tell[u][c] = append(k.tell[u][c], id)
}

// deliveryPhase is the latest phase, not before from, in which id can be
// given its wanted log up to upTo: by the leader of the last entry's term,
// or by a later leader whose log at its election is exactly those entries
// (and whose term id may reach). before > 0: it must be strictly before
// that phase; before < 0: exactly in phase -before.
func (k *constructor) deliveryPhase(id string, upTo, before, from int) (int, error) {
	st := k.want[id]
	if upTo == 0 {
		return from, nil
	}
	term := st.Log.At(upTo).Term
	if before < 0 {
		return -before, nil
	}
	best := 0
	for _, p := range k.phases {
		ld := k.leader[p]
		if p < from || ld == "" || ld == id || (before > 0 && p >= before) || p > st.Term {
			continue
		}
		if p == term {
			best = p
			continue
		}
		if p > term && slices.Equal(k.prefixBefore(ld, p), st.Log[:upTo]) {
			best = p
		}
	}
	if best == 0 {
		return 0, fmt.Errorf("no leader can give %s its entries up to index %d in time", id, upTo)
	}
	return best, nil
}
