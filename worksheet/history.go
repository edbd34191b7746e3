package worksheet

import (
	"strconv"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// history is one server's states through the run: the initial state (what
// the worksheet gives), then its state after every step (what the key
// answers). The Raft State sheet's answers are read from it.
type history struct {
	id       string
	snaps    []engine.ServerState // [0] is the initial state
	logCells []logCell            // the Raft Log's rows, worked out once
}

func newHistory(tr *engine.Trace, id string) *history {
	h := &history{id: id, snaps: []engine.ServerState{tr.Initial[id]}}
	for _, st := range tr.Steps {
		h.snaps = append(h.snaps, st.Servers[id])
	}
	return h
}

func (h *history) initial() engine.ServerState { return h.snaps[0] }
func (h *history) final() engine.ServerState   { return h.snaps[len(h.snaps)-1] }

// inkAt is the ink of a value first seen in snapshot i: given if the
// worksheet already knows it (the initial state), an answer otherwise.
func inkAt(i int) page.Ink {
	if i == 0 {
		return page.Print
	}
	return page.Answer
}

// change is one value in a sequence of values, with the ink it prints in
// and the snapshot it first holds in (the step that made it; 0: given).
type change struct {
	s   string
	ink page.Ink
	at  int
}

// changes are the distinct successive values of f through the run;
// values for which skip is true (empty ones, say) are passed over.
func (h *history) changes(f func(engine.ServerState) (string, bool)) []change {
	var out []change
	for i, s := range h.snaps {
		v, ok := f(s)
		if !ok || (len(out) > 0 && out[len(out)-1].s == v) {
			continue
		}
		out = append(out, change{v, inkAt(i), i})
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// roleShort is a role as the Terms grid abbreviates it.
func roleShort(lbl *templates.Labels, s engine.ServerState) string {
	if !s.Up {
		return lbl.DownShort
	}
	switch s.Role {
	case engine.Leader:
		return lbl.LeaderShort
	case engine.Candidate:
		return lbl.CandidateShort
	case engine.PreCandidate:
		return lbl.PreCandidateShort
	}
	return lbl.FollowerShort
}

// roleWord is a role in full, "down" for a crashed server.
func roleWord(lbl *templates.Labels, s engine.ServerState) string {
	if !s.Up {
		return lbl.Down
	}
	switch s.Role {
	case engine.Leader:
		return lbl.Leader
	case engine.Candidate:
		return lbl.Candidate
	case engine.PreCandidate:
		return lbl.PreCandidate
	}
	return lbl.Follower
}

func votedFor(lbl *templates.Labels, s engine.ServerState) string {
	if s.VotedFor == nil {
		return lbl.None
	}
	return *s.VotedFor
}

// termCell is what the Terms grid holds for one term, and the steps that
// decided the vote and the last role.
type termCell struct {
	before         bool // the server was past this term when the run began
	after          bool // a spare column: the server never got this far
	vote           held
	role           held
	voteAt, roleAt int
}

// termCell says what the server did in term t: its vote (the last it held
// in t) and its roles in t, in order ("C→L": a candidate that won).
func (h *history) termCell(lbl *templates.Labels, t int) termCell {
	if t < h.initial().Term {
		return termCell{before: true}
	}
	if t > h.final().Term {
		return termCell{after: true}
	}
	var in []int
	for i, s := range h.snaps {
		if s.Term == t {
			in = append(in, i)
		}
	}
	if len(in) == 0 { // jumped over t: saw a higher term in a message
		jump := h.firstAbove(t)
		return termCell{vote: holding(lbl.None, page.Answer), role: holding(lbl.None, page.Answer), voteAt: jump, roleAt: jump}
	}
	last := in[len(in)-1]
	vote := votedFor(lbl, h.snaps[last])
	voteInk, voteAt := page.Answer, in[0]
	for _, i := range in {
		if votedFor(lbl, h.snaps[i]) == vote {
			voteAt = i // the first snapshot of t with the final vote: the step that cast it
			break
		}
	}
	if votedFor(lbl, h.snaps[in[0]]) == vote {
		voteInk = inkAt(in[0])
	}
	c := termCell{vote: holding(vote, voteInk), voteAt: voteAt}
	// The role story is one value, its roles glued by arrows; the student
	// writes the part of it the worksheet does not give.
	prev, asked := "", ""
	for _, i := range in {
		r := roleShort(lbl, h.snaps[i])
		if r == prev {
			continue
		}
		part := r
		if prev != "" {
			part = "→" + r
			c.role.runs = append(c.role.runs, page.Run{S: "→", Ink: inkAt(i), Glue: true})
		}
		c.role.runs = append(c.role.runs, page.Run{S: r, Ink: inkAt(i), Glue: prev != ""})
		if inkAt(i) == page.Answer {
			asked += part
		}
		prev, c.roleAt = r, i
	}
	if asked != "" {
		c.role.answer = []string{asked}
	}
	return c
}

// firstAbove is the first snapshot in which the server is past term t.
func (h *history) firstAbove(t int) int {
	for i, s := range h.snaps {
		if s.Term > t {
			return i
		}
	}
	return 0
}

// logCell is what the Raft Log table holds at one index, and the steps
// that put its last entry there (or deleted it) and applied it.
type logCell struct {
	term, value, applied held
	at, appliedAt        int
}

// logCell is the history of index i: every entry it held (replaced ones
// struck, as the student strikes them), "–" and "deleted" when the entry
// is gone at the end and nothing replaced it, and whether the server ever
// applied it. An index that never held an entry is blank. An entry a
// snapshot replaced is struck too, and the value column then says
// "snapshot" (§7): the boundary of the snapshot in the log.
func (h *history) logCell(lbl *templates.Labels, b *valueBook, i int) logCell {
	type entry struct {
		e   engine.LogEntry
		ink page.Ink
	}
	var seen []entry
	var c logCell
	present, compacted := false, false
	for k, s := range h.snaps {
		switch {
		case i <= s.Base():
			if !compacted {
				c.at = k // into the snapshot here
			}
			present, compacted = false, true
			continue
		case i > s.LastIndex():
			if present {
				c.at = k // deleted here
			}
			present = false
			continue
		}
		e := s.Log[i-s.Base()-1]
		switch {
		case len(seen) == 0 || seen[len(seen)-1].e != e:
			seen = append(seen, entry{e, inkAt(k)})
			c.at = k
		case !present:
			c.at = k // the same entry, appended again
		}
		present = true
	}
	if len(seen) == 0 && !compacted {
		return logCell{}
	}
	fin := h.final()
	holds := i > fin.Base() && i <= fin.LastIndex()
	for k, en := range seen {
		strike := k < len(seen)-1 || !holds
		value := b.command(entryOf(en.e))
		if value == "" {
			value = lbl.None
		}
		c.term.add(itoa(en.e.Term), en.ink, strike)
		c.value.add(value, en.ink, strike)
	}
	switch {
	case i <= fin.Base(): // compacted into the snapshot (§7)
		c.value.add(lbl.InSnapshot, inkAt(c.at), false)
	case !holds: // deleted, and nothing took its place: the key says so
		c.term.add(lbl.None, page.Answer, false)
		c.value.add(lbl.Deleted, page.Answer, false)
	}
	c.term, c.value = c.term.widened(), c.value.widened()
	c.applied, c.appliedAt = holding(lbl.None, page.Answer), c.at
	if k, ok := h.firstReached(func(s engine.ServerState) bool { return s.LastApplied >= i }); ok {
		// Applied is for ever: a crash forgets lastApplied, not that the
		// entry reached the state machine (and a committed entry stays).
		c.applied, c.appliedAt = holding(lbl.Yes, inkAt(k)), k
	}
	return c
}

// firstReached is the first snapshot in which ok holds, if any.
func (h *history) firstReached(ok func(engine.ServerState) bool) (int, bool) {
	for i, s := range h.snaps {
		if ok(s) {
			return i, true
		}
	}
	return 0, false
}

// lastReached is the snapshot from which on ok holds to the end.
func (h *history) lastReached(ok func(engine.ServerState) bool) int {
	at := 0
	for i, s := range h.snaps {
		if !ok(s) {
			at = i + 1
		}
	}
	return min(at, len(h.snaps)-1)
}

// numbers are the successive values of an index such as commitIndex.
func (h *history) numbers(f func(engine.ServerState) int) []change {
	return h.changes(func(s engine.ServerState) (string, bool) { return itoa(f(s)), true })
}

// stateMachine is the history of the state machine's value, struck as it
// is replaced; "–" ends it if the value is lost (a crash) at the end. at
// is the step of its last change.
func (h *history) stateMachine(lbl *templates.Labels, b *valueBook) (box held, at int) {
	cs := h.changes(func(s engine.ServerState) (string, bool) {
		v := b.stateMachineText(s.StateMachine)
		return v, v != ""
	})
	holds := b.stateMachineText(h.final().StateMachine) != ""
	box = sequence(cs, holds)
	if len(cs) > 0 {
		at = cs[len(cs)-1].at
	}
	if !holds {
		box.add(lbl.None, page.Answer, false)
		at = h.lastReached(func(s engine.ServerState) bool { return b.stateMachineText(s.StateMachine) == "" })
	}
	return box.widened(), at
}

// leaderIndex is the history of nextIndex or matchIndex for a peer over
// every time the server led; "–" if it never did. at is the step of its
// last change.
func (h *history) leaderIndex(lbl *templates.Labels, peer string, next bool) (box held, at int) {
	cs := h.changes(func(s engine.ServerState) (string, bool) {
		if s.Role != engine.Leader || !s.Up {
			return "", false
		}
		m := s.MatchIndex
		if next {
			m = s.NextIndex
		}
		v, ok := m[peer]
		return itoa(v), ok
	})
	if len(cs) == 0 {
		return holding(lbl.None, page.Answer), 0
	}
	return sequence(cs, true).widened(), cs[len(cs)-1].at
}
