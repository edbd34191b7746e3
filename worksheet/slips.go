package worksheet

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// slip is one paper RPC slip of the key: a request, or identical requests
// one server sent to several peers in one step (a broadcast, as on the
// seed worksheet), with a response column per receiver. The worksheet's
// slips are blank: the sender takes the next one of its kind from the
// stack and fills it in.
type slip struct {
	ids     []int // message numbers, ascending
	msg     engine.Message
	to      []string // receivers, in cluster order
	fate    map[string]outcome
	idOf    map[string]int // the message number each receiver's copy has
	arrives map[string]int // in a timed exercise, when each receiver's copy arrives
	step    int            // the trace step that sent it
}

// stack is the key's slips by kind, each in sending order: the k-th
// RequestVote slip the run sends is RV k, the k-th AppendEntries AE k;
// beyond Figure 2, InstallSnapshot (IS k, §7) and PreVote (PV k, §9.6).
type stack struct {
	rv, ae, is, pv []*slip
	// snapshots and prevote say the exercise allows InstallSnapshot or
	// PreVote slips at all (a snapshot step or policy, PreVote on): their
	// stacks are printed then, used or not, so that whether a stack is
	// there tells nothing of the run.
	snapshots, prevote bool
}

func stackOf(slips []*slip) stack {
	var st stack
	for _, s := range slips {
		switch s.msg.Type {
		case engine.RequestVote:
			st.rv = append(st.rv, s)
		case engine.InstallSnapshot:
			st.is = append(st.is, s)
		case engine.PreVote:
			st.pv = append(st.pv, s)
		default:
			st.ae = append(st.ae, s)
		}
	}
	return st
}

// of is the key's slips of one kind.
func (st stack) of(t engine.MessageType) []*slip {
	switch t {
	case engine.RequestVote:
		return st.rv
	case engine.InstallSnapshot:
		return st.is
	case engine.PreVote:
		return st.pv
	}
	return st.ae
}

// kinds are the kinds of slip the stack has, in the order the slips'
// pages print them: RequestVote and AppendEntries always, then
// InstallSnapshot and PreVote when the run sends them.
func (st stack) kinds() []engine.MessageType {
	out := []engine.MessageType{engine.RequestVote, engine.AppendEntries}
	if len(st.is) > 0 || st.snapshots {
		out = append(out, engine.InstallSnapshot)
	}
	if len(st.pv) > 0 || st.prevote {
		out = append(out, engine.PreVote)
	}
	return out
}

// count is how many slips the key fills in.
func (st stack) count() int { return len(st.rv) + len(st.ae) + len(st.is) + len(st.pv) }

// slipsOf groups the run's requests into slips, in message order. Copies
// made by a duplicate step stay slips of their own.
func slipsOf(tr *engine.Trace, fates map[int]outcome) []*slip {
	order := map[string]int{}
	for i, id := range tr.Servers {
		order[id] = i
	}
	var out []*slip
	for _, st := range tr.Steps {
		groups := map[string]*slip{}
		for _, m := range st.Messages {
			if m.Type.IsReply() {
				continue
			}
			key := requestKey(m)
			s := groups[key]
			if s == nil || m.DuplicateOf != 0 || slices.Contains(s.to, m.To) {
				s = &slip{msg: m, fate: map[string]outcome{}, idOf: map[string]int{}, arrives: map[string]int{}, step: st.N}
				out = append(out, s)
				if m.DuplicateOf == 0 {
					groups[key] = s
				}
			}
			s.ids = append(s.ids, m.ID)
			s.to = append(s.to, m.To)
			s.fate[m.To] = fates[m.ID]
			s.idOf[m.To] = m.ID
			s.arrives[m.To] = m.ArrivesMs
		}
	}
	for _, s := range out {
		slices.Sort(s.ids)
		sort.SliceStable(s.to, func(i, j int) bool { return order[s.to[i]] < order[s.to[j]] })
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ids[0] < out[j].ids[0] })
	return out
}

// requestKey is everything a request says but its receiver and number:
// requests with equal keys can share a slip.
func requestKey(m engine.Message) string {
	var entries strings.Builder
	for _, e := range m.Entries {
		fmt.Fprintf(&entries, "%d:%q@%q.%d{%q} ", e.Term, e.Value, e.Client, e.Seq, e.Config)
	}
	return fmt.Sprintf("%s|%s|%d|%s|%d|%d|%s|%d|%d|%s|%d|%d|%d", m.Type, m.From, m.Term, m.CandidateID, m.LastLogIndex,
		m.LastLogTerm, m.LeaderID, m.PrevLogIndex, m.PrevLogTerm, entries.String(), m.LeaderCommit, m.LastIncludedIndex, m.LastIncludedTerm)
}

// idList writes message numbers with runs joined: "#1–4", "#17, #19–20".
func idList(ids []int) string {
	var parts []string
	for i := 0; i < len(ids); {
		j := i
		for j+1 < len(ids) && ids[j+1] == ids[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, fmt.Sprintf("#%d", ids[i]))
		default:
			parts = append(parts, fmt.Sprintf("#%d–%d", ids[i], ids[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// givenKinds marks the stacks beyond Figure 2 that an exercise allows,
// whatever its run uses: InstallSnapshot when a server may compact its log
// (a snapshot step, a snapshot policy, a snapshot in the initial state),
// PreVote when PreVote is on.
func (st stack) givenKinds(ex *exercise.Exercise, tr *engine.Trace) stack {
	st.prevote = tr.Options.PreVote
	st.snapshots = tr.Options.SnapshotAfter > 0
	for _, step := range ex.Script.Steps {
		st.snapshots = st.snapshots || step.Kind == engine.StepSnapshot
	}
	for _, s := range tr.Initial {
		st.snapshots = st.snapshots || s.Snapshot != nil
	}
	return st
}
