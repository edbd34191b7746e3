package engine

// The fast log backup (§5.3, option backup: conflict_term). "If desired,
// the protocol can be optimized to reduce the number of rejected
// AppendEntries RPCs. For example, when rejecting an AppendEntries
// request, the follower can include the term of the conflicting entry and
// the first index it stores for that term. With this information, the
// leader can decrement nextIndex to bypass all of the conflicting entries
// in that term." As MIT 6.5840 teaches it, a leader that holds entries of
// the conflicting term backs up only to just past its last one; a
// follower whose log is too short says where it ends.

// Backup is how a leader backs up nextIndex after a rejection.
type Backup int

const (
	// BackupDecrement: nextIndex goes down by one (Figure 2).
	BackupDecrement Backup = iota
	// BackupConflictTerm: nextIndex jumps by the follower's hints.
	BackupConflictTerm
)

var backupNames = [...]string{"decrement", "conflict_term"}

func (b Backup) String() string { return backupNames[b] }

// ParseBackup reads the names String prints.
func ParseBackup(s string) (Backup, bool) {
	for i, n := range backupNames {
		if n == s {
			return Backup(i), true
		}
	}
	return BackupDecrement, false
}

// conflictHints are what a follower's rejection says with the fast
// backup: the term of its entry at prevLogIndex and the first index it
// holds of that term; or, when it has no entry there, term 0 and the
// index just past its log.
func (s *Server) conflictHints(m Message) (term, index int) {
	if m.PrevLogIndex > s.lastIndex() {
		return 0, s.lastIndex() + 1
	}
	term = s.termAt(m.PrevLogIndex)
	index = m.PrevLogIndex
	for index-1 > s.base() && s.termAt(index-1) == term {
		index--
	}
	return term, index
}

// lastIndexOfTerm is the index of the leader's last entry of term, 0 if
// its log (after the snapshot) has none.
func (s *Server) lastIndexOfTerm(term int) int {
	for i := s.lastIndex(); i > s.base(); i-- {
		switch t := s.termAt(i); {
		case t == term:
			return i
		case t < term:
			return 0
		}
	}
	return 0
}

// backUpByHints sets nextIndex from a rejection's hints: past the leader's
// last entry of the conflicting term if it has one, else to the first
// index the follower holds of that term (or just past its log). It never
// goes to or below matchIndex, nor up.
func (s *Server) backUpByHints(m Message) {
	p := m.From
	peer := text("peer", p)
	var next int
	var why int
	switch j := s.lastIndexOfTerm(m.ConflictTerm); {
	case m.ConflictTerm == 0:
		next = m.ConflictIndex
		s.NextIndex[p] = s.clampNext(p, next)
		why = s.explain(RuleFastBackup, SayBackUpShort, peer, number("end", m.ConflictIndex-1), number("nextIndex", s.NextIndex[p]))
	case j > 0:
		next = j + 1
		s.NextIndex[p] = s.clampNext(p, next)
		why = s.explain(RuleFastBackup, SayBackUpTermFound, peer, number("conflictTerm", m.ConflictTerm),
			number("conflictIndex", m.ConflictIndex), number("last", j), number("nextIndex", s.NextIndex[p]))
	default:
		next = m.ConflictIndex
		s.NextIndex[p] = s.clampNext(p, next)
		why = s.explain(RuleFastBackup, SayBackUpTermMissing, peer, number("conflictTerm", m.ConflictTerm),
			number("conflictIndex", m.ConflictIndex), number("nextIndex", s.NextIndex[p]))
	}
	s.sendAppendEntries(why, p)
}

// clampNext keeps a hinted nextIndex above matchIndex and below the
// nextIndex that was rejected.
func (s *Server) clampNext(p string, next int) int {
	return max(s.MatchIndex[p]+1, min(next, s.NextIndex[p]-1))
}
