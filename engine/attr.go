package engine

import "strconv"

// AttrName names a part of a server's state, in the paper's words
// (Figure 2), plus the engine's own: up, role and the votes a candidate
// holds.
type AttrName int

const (
	AttrUp AttrName = iota
	AttrRole
	AttrCurrentTerm
	AttrVotedFor
	AttrVotes
	AttrLog
	AttrCommitIndex
	AttrLastApplied
	AttrStateMachine
	AttrNextIndex
	AttrMatchIndex
	AttrSnapshot // §7: lastIncludedIndex, lastIncludedTerm and the state in it
	AttrReads    // §8: the read-only requests a leader holds
)

var attrNames = [...]string{"up", "role", "currentTerm", "votedFor", "votes", "log",
	"commitIndex", "lastApplied", "stateMachine", "nextIndex", "matchIndex", "snapshot", "reads"}

func (n AttrName) String() string { return attrNames[n] }

// Attr is one attribute of a server's state: a whole one (currentTerm), a
// run of log indexes (log[3..5]) or one peer's leader index (nextIndex[S2]).
type Attr struct {
	Name     AttrName
	From, To int    // AttrLog: the indexes, From ≤ To
	Peer     string // AttrNextIndex, AttrMatchIndex
}

// String is the attribute as the trace spells it: "currentTerm",
// "log[4]", "log[3..5]", "nextIndex[S2]".
func (a Attr) String() string {
	switch a.Name {
	case AttrLog:
		if a.From == a.To {
			return "log[" + strconv.Itoa(a.From) + "]"
		}
		return "log[" + strconv.Itoa(a.From) + ".." + strconv.Itoa(a.To) + "]"
	case AttrNextIndex, AttrMatchIndex:
		return a.Name.String() + "[" + a.Peer + "]"
	}
	return a.Name.String()
}

// MarshalText writes the attribute as String does.
func (a Attr) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// Overlaps reports whether a and b share some part of the state: log[3..5]
// and log[4..9] do; a peer's index and the same index with no peer named
// (any peer) do.
func (a Attr) Overlaps(b Attr) bool {
	if a.Name != b.Name {
		return false
	}
	switch a.Name {
	case AttrLog:
		return a.From <= b.To && b.From <= a.To
	case AttrNextIndex, AttrMatchIndex:
		return a.Peer == b.Peer || a.Peer == "" || b.Peer == ""
	}
	return true
}

func whole(n AttrName) Attr              { return Attr{Name: n} }
func logAttr(from, to int) Attr          { return Attr{Name: AttrLog, From: from, To: to} }
func peerAttr(n AttrName, p string) Attr { return Attr{Name: n, Peer: p} }

// mark is a copy of what a server's attributes were when it last gave a
// reason: the changes of the next reason are what differs from it.
type mark struct {
	up                    bool
	role                  Role
	term                  int
	votedFor              string
	votes                 string
	log                   Log
	base                  int    // the snapshot's lastIncludedIndex
	snapshot              string // the snapshot, in a word
	commit, applied       int
	stateMachine          string
	nextIndex, matchIndex map[string]int
	reads                 string
}

func (s *Server) mark() mark {
	return mark{up: s.Up, role: s.Role, term: s.CurrentTerm, votedFor: s.VotedFor, votes: joinVoters(s),
		log: s.Log.Clone(), base: s.base(), snapshot: s.Snap.key(), commit: s.CommitIndex, applied: s.LastApplied, stateMachine: s.StateMachine.key(),
		nextIndex: copyMap(s.NextIndex), matchIndex: copyMap(s.MatchIndex), reads: s.readsKey()}
}

func joinVoters(s *Server) string {
	out := ""
	for _, id := range s.voters() {
		out += id + "\x00"
	}
	return out
}

// changesSince lists the attributes of s that differ from m, in the order
// of Figure 2: persistent state, volatile state, leader state.
func (s *Server) changesSince(m mark) []Attr {
	var out []Attr
	add := func(changed bool, n AttrName) {
		if changed {
			out = append(out, whole(n))
		}
	}
	add(m.up != s.Up, AttrUp)
	add(m.role != s.Role, AttrRole)
	add(m.term != s.CurrentTerm, AttrCurrentTerm)
	add(m.votedFor != s.VotedFor, AttrVotedFor)
	add(m.votes != joinVoters(s), AttrVotes)
	if from, to, ok := compactedLogDiff(m.base, m.log, s.base(), s.Log); ok {
		out = append(out, logAttr(from, to))
	}
	add(m.snapshot != s.Snap.key(), AttrSnapshot)
	add(m.commit != s.CommitIndex, AttrCommitIndex)
	add(m.applied != s.LastApplied, AttrLastApplied)
	add(m.stateMachine != s.StateMachine.key(), AttrStateMachine)
	for _, p := range s.cfg.Servers {
		if m.nextIndex[p] != s.NextIndex[p] || hasKey(m.nextIndex, p) != hasKey(s.NextIndex, p) {
			out = append(out, peerAttr(AttrNextIndex, p))
		}
	}
	for _, p := range s.cfg.Servers {
		if m.matchIndex[p] != s.MatchIndex[p] || hasKey(m.matchIndex, p) != hasKey(s.MatchIndex, p) {
			out = append(out, peerAttr(AttrMatchIndex, p))
		}
	}
	add(m.reads != s.readsKey(), AttrReads)
	return out
}

func hasKey(m map[string]int, k string) bool { _, ok := m[k]; return ok }

// compactedLogDiff is logDiff for logs that start after a snapshot's
// lastIncludedIndex (aBase, bBase): the run from the first index held by
// one and not the other, or held differently, to the last such index.
func compactedLogDiff(aBase int, a Log, bBase int, b Log) (from, to int, ok bool) {
	if aBase == 0 && bBase == 0 {
		return logDiff(a, b)
	}
	at := func(base int, l Log, i int) (Entry, bool) {
		if i <= base || i > base+len(l) {
			return Entry{}, false
		}
		return l[i-base-1], true
	}
	for i := min(aBase, bBase) + 1; i <= max(aBase+len(a), bBase+len(b)); i++ {
		ea, ina := at(aBase, a, i)
		eb, inb := at(bBase, b, i)
		if ina != inb || ea != eb {
			if !ok {
				from, ok = i, true
			}
			to = i
		}
	}
	return from, to, ok
}

// logDiff is the run of indexes where two logs differ: from the first
// index that differs to the end of the longer log.
func logDiff(a, b Log) (from, to int, ok bool) {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i + 1, max(len(a), len(b)), true
		}
	}
	if len(a) == len(b) {
		return 0, 0, false
	}
	return n + 1, max(len(a), len(b)), true
}
