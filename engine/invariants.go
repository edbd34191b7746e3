package engine

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
)

// The five safety properties of Figure 3, checked after every step. Like the
// Raft TLA+ spec, the checker keeps history variables no server can see: who
// won each term, which entry was ever committed or applied at each index,
// and which entry each (index, term) names. It checks incrementally — only
// what changed since its last look — so long runs stay fast: log entries
// below a server's rewrittenFrom mark are unchanged and need no second look.

// Property names a safety property of Figure 3.
type Property string

const (
	ElectionSafety     Property = "Election Safety"
	LeaderAppendOnly   Property = "Leader Append-Only"
	LogMatching        Property = "Log Matching"
	LeaderCompleteness Property = "Leader Completeness"
	StateMachineSafety Property = "State Machine Safety"
	// LinearizableReads: a read answered reflects every write committed
	// before it arrived (§8).
	LinearizableReads Property = "Linearizable reads"
	// EngineConsistency is bookkeeping every correct engine keeps, such as
	// lastApplied ≤ commitIndex ≤ last log index.
	EngineConsistency Property = "engine consistency"
)

// InvariantError reports a broken property. A correct engine never returns
// one for any script; it exists so that a bug cannot print a wrong key.
type InvariantError struct {
	Property Property
	Detail   string
}

func (e *InvariantError) Error() string {
	return fmt.Sprintf("safety property %s broken: %s", e.Property, e.Detail)
}

func broken(p Property, format string, args ...any) *InvariantError {
	return &InvariantError{Property: p, Detail: fmt.Sprintf(format, args...)}
}

type committedEntry struct {
	Entry
	seenInTerm int // an upper bound on the term in which it was committed
}

type indexTerm struct{ index, term int }

// namedEntry is what an (index, term) pair stands for: by Log Matching, one
// command and one predecessor term, wherever and whenever it appears.
type namedEntry struct {
	entry    Entry
	prevTerm int
	holder   string // the first server seen holding it
}

// progress is how far the checker has verified one server's state.
type progress struct {
	snapshot  string // the snapshot last checked (Snapshot.key)
	matched   int    // log[1..matched] are in history.names
	committed int    // log[1..committed] agree with history.committed
	applied   int    // log[1..applied] agree with history.applied
	// While the server leads term leaderTerm: its log length at the last
	// look, and how many of history.committed its log was checked against.
	leaderTerm, leaderLen, complete int
}

type history struct {
	electedIn map[int]string
	committed []committedEntry // index-1 → the entry known committed there
	applied   []Entry          // index-1 → the entry first applied there
	names     map[indexTerm]namedEntry
	progress  map[string]*progress
}

func newHistory() *history {
	return &history{electedIn: map[int]string{}, names: map[indexTerm]namedEntry{}, progress: map[string]*progress{}}
}

// recordElection is Election Safety, checked the moment a server wins:
// at most one leader can be elected in a given term.
func (h *history) recordElection(id string, term int) *InvariantError {
	if other, ok := h.electedIn[term]; ok && other != id {
		return broken(ElectionSafety, "%s and %s were both elected leader of term %d", other, id, term)
	}
	h.electedIn[term] = id
	return nil
}

// check verifies every property over the servers' current state.
func (h *history) check(servers []*Server) *InvariantError {
	for _, s := range servers {
		p := h.progressOf(s)
		if err := h.rewind(s, p); err != nil {
			return err
		}
		if err := h.checkCompacted(s, p); err != nil {
			return err
		}
		for _, check := range []func(*Server, *progress) *InvariantError{
			checkBookkeeping, h.checkLogMatching, h.checkCommitted, h.checkApplied, h.checkSnapshot,
		} {
			if err := check(s, p); err != nil {
				return err
			}
		}
	}
	for _, s := range servers {
		if err := h.checkLeader(s, h.progress[s.ID]); err != nil {
			return err
		}
	}
	return nil
}

func (h *history) progressOf(s *Server) *progress {
	p, ok := h.progress[s.ID]
	if !ok {
		p = &progress{}
		h.progress[s.ID] = p
	}
	return p
}

// rewind forgets what was verified at or above the lowest rewritten index.
// Leader Append-Only: a leader never overwrites or deletes its entries.
func (h *history) rewind(s *Server, p *progress) *InvariantError {
	r := s.rewrittenFrom
	s.rewrittenFrom = 0
	if r == 0 {
		return nil
	}
	if s.Role == Leader && p.leaderTerm == s.CurrentTerm && r <= p.leaderLen {
		return broken(LeaderAppendOnly, "leader %s of term %d deleted its entries from index %d on", s.ID, s.CurrentTerm, r)
	}
	p.matched = min(p.matched, r-1)
	p.committed = min(p.committed, r-1)
	p.applied = min(p.applied, r-1)
	return nil
}

func checkBookkeeping(s *Server, p *progress) *InvariantError {
	if s.LastApplied > s.CommitIndex || s.CommitIndex > s.lastIndex() {
		return broken(EngineConsistency, "%s has lastApplied %d, commitIndex %d and %d log entries",
			s.ID, s.LastApplied, s.CommitIndex, s.lastIndex())
	}
	if s.Up && s.LastApplied < s.base() {
		return broken(EngineConsistency, "%s has lastApplied %d below its snapshot's lastIncludedIndex %d", s.ID, s.LastApplied, s.base())
	}
	for i := max(p.matched, s.base()) + 1; i <= s.lastIndex(); i++ {
		if t, prev := s.termAt(i), s.termAt(i-1); t < prev {
			return broken(EngineConsistency, "%s's log has term %d after term %d at index %d", s.ID, t, prev, i)
		}
	}
	return nil
}

// checkCompacted checks the entries snapshots replaced since the last
// look as if they were still in the log: Log Matching, and agreement with
// what was committed and applied there. A server compacts only entries it
// has applied, so they are committed.
func (h *history) checkCompacted(s *Server, p *progress) *InvariantError {
	compacted := s.compactedEntries
	s.compactedEntries = nil
	if len(compacted) == 0 {
		return nil
	}
	for _, i := range slices.Sorted(maps.Keys(compacted)) {
		e := compacted[i].Entry
		if i > p.matched {
			if err := h.name(s, i, e, compacted[i].prevTerm); err != nil {
				return err
			}
		}
		if err := h.commit(s, i, e); err != nil {
			return err
		}
		if err := h.apply(s, i, e); err != nil {
			return err
		}
	}
	return nil
}

// checkLogMatching: if two logs contain an entry with the same index and
// term, the logs are identical in all entries up through that index. It is
// checked in its inductive form: every (index, term) ever seen names one
// command and one predecessor term; two logs that share (i, t) then share
// (i-1, t') and so on down to index 1.
//
// Over a compacted log the induction starts at the snapshot: the entry
// after it follows the snapshot's lastIncludedTerm, and the snapshot
// itself stands for committed entries (checkSnapshot).
func (h *history) checkLogMatching(s *Server, p *progress) *InvariantError {
	for i := max(p.matched, s.base()) + 1; i <= s.lastIndex(); i++ {
		if err := h.name(s, i, s.entryAt(i), s.termAt(i-1)); err != nil {
			return err
		}
	}
	p.matched = s.lastIndex()
	return nil
}

// name records or checks what (i, e.Term) names: one entry, after one
// term.
func (h *history) name(s *Server, i int, e Entry, prevTerm int) *InvariantError {
	here := namedEntry{entry: e, prevTerm: prevTerm, holder: s.ID}
	key := indexTerm{i, e.Term}
	seen, ok := h.names[key]
	if !ok {
		h.names[key] = here
		return nil
	}
	if seen.entry != here.entry {
		a, b := strconv.Quote(seen.entry.Value), strconv.Quote(here.entry.Value)
		if a == b {
			a, b = showEntry(seen.entry), showEntry(here.entry)
		}
		return broken(LogMatching, "%s and %s both hold an entry of term %d at index %d, but with different commands (%s and %s); entries with the same index and term are the same entry",
			seen.holder, s.ID, e.Term, i, a, b)
	}
	if seen.prevTerm != here.prevTerm {
		return broken(LogMatching, "%s and %s both hold an entry of term %d at index %d, but the entries before it differ (terms %d and %d); logs that share an entry are identical up to it",
			seen.holder, s.ID, e.Term, i, seen.prevTerm, here.prevTerm)
	}
	return nil
}

// checkCommitted notes every entry at or below some commitIndex. Two
// different entries committed at one index would be applied differently.
// Entries in a snapshot were checked when they were compacted, or stand
// for committed entries (checkSnapshot).
func (h *history) checkCommitted(s *Server, p *progress) *InvariantError {
	for i := max(p.committed, s.base()) + 1; i <= s.CommitIndex; i++ {
		if err := h.commit(s, i, s.entryAt(i)); err != nil {
			return err
		}
	}
	p.committed = max(p.committed, s.CommitIndex)
	return nil
}

func (h *history) commit(s *Server, i int, e Entry) *InvariantError {
	if i > len(h.committed)+1 {
		return broken(StateMachineSafety, "%s has committed index %d, but index %d was never committed", s.ID, i, len(h.committed)+1)
	}
	if i > len(h.committed) {
		h.committed = append(h.committed, committedEntry{Entry: e, seenInTerm: s.CurrentTerm})
	} else if c := h.committed[i-1]; c.Entry != e {
		return broken(StateMachineSafety, "%s has committed %s at index %d, but %s was committed there before",
			s.ID, showEntry(e), i, showEntry(c.Entry))
	}
	return nil
}

// checkApplied: no server applies a different entry at an index where
// another server has applied one.
func (h *history) checkApplied(s *Server, p *progress) *InvariantError {
	for i := max(p.applied, s.base()) + 1; i <= s.LastApplied; i++ {
		if err := h.apply(s, i, s.entryAt(i)); err != nil {
			return err
		}
	}
	p.applied = max(p.applied, s.LastApplied)
	return nil
}

func (h *history) apply(s *Server, i int, e Entry) *InvariantError {
	if i > len(h.applied)+1 {
		return broken(StateMachineSafety, "%s has applied index %d, but index %d was never applied", s.ID, i, len(h.applied)+1)
	}
	if i > len(h.applied) {
		h.applied = append(h.applied, e)
	} else if h.applied[i-1] != e {
		return broken(StateMachineSafety, "%s applied %s at index %d, but %s was applied there before",
			s.ID, showEntry(e), i, showEntry(h.applied[i-1]))
	}
	return nil
}

// checkSnapshot: a snapshot stands for committed entries (§7). Its last
// entry is the one committed at lastIncludedIndex, and its state machine
// is what applying the committed entries up to it in order gives (State
// Machine Safety over snapshots). Checked when the snapshot changes.
func (h *history) checkSnapshot(s *Server, p *progress) *InvariantError {
	key := s.Snap.key()
	if key == p.snapshot {
		return nil
	}
	p.snapshot = key
	if key == "" {
		return nil
	}
	i := s.Snap.LastIncludedIndex
	if i > len(h.committed) || h.committed[i-1].Term != s.Snap.LastIncludedTerm {
		return broken(StateMachineSafety, "%s holds a snapshot through index %d of term %d, which is not a committed entry", s.ID, i, s.Snap.LastIncludedTerm)
	}
	want := StateMachine{Kind: s.cfg.StateMachine}
	for _, c := range h.committed[:i] {
		want.Apply(c.Entry)
	}
	if want.key() != s.Snap.State.key() {
		return broken(StateMachineSafety, "%s's snapshot through index %d holds %q, but the committed entries up to it give %q",
			s.ID, i, s.Snap.State.key(), want.key())
	}
	return nil
}

// checkLeader is Leader Completeness: an entry committed in a term is
// present in the logs of the leaders of all later terms.
func (h *history) checkLeader(s *Server, p *progress) *InvariantError {
	if s.Role != Leader {
		p.leaderTerm = 0
		return nil
	}
	if p.leaderTerm != s.CurrentTerm {
		p.leaderTerm, p.complete = s.CurrentTerm, 0
	}
	p.leaderLen = s.lastIndex()
	for i := max(p.complete, s.base()); i < len(h.committed); i++ {
		c := h.committed[i]
		if c.seenInTerm <= s.CurrentTerm && (i >= s.lastIndex() || s.entryAt(i+1) != c.Entry) {
			return broken(LeaderCompleteness, "leader %s of term %d lacks the committed entry %s at index %d",
				s.ID, s.CurrentTerm, showEntry(c.Entry), i+1)
		}
	}
	p.complete = len(h.committed)
	return nil
}

func showEntry(e Entry) string {
	if e.Value == "" {
		return fmt.Sprintf("(term %d)", e.Term)
	}
	return fmt.Sprintf("(term %d, %q)", e.Term, e.Value)
}
