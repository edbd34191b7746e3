package engine

// Entry is one log entry: the term in which a leader received it and the
// client command it carries (§5.3). An empty Value is a command-less entry,
// such as the no-op a new leader may append (§8) or a term-only entry of a
// Figure 6/7/8-style initial log; it leaves the state machine unchanged.
type Entry struct {
	Term  int
	Value string
	// Client and Seq name a command's client session and serial number
	// (§8, with the option sessions); "" and 0 otherwise.
	Client string
	Seq    int
	// Config is a configuration entry's configuration (§6), as
	// Membership.String writes it; "" for every other entry.
	Config string
}

// Log is a server's log. Raft indexes entries from 1 (Figure 2); index 0 is
// the empty prefix, whose term is 0.
type Log []Entry

// LastIndex is the index of the last entry, 0 for an empty log.
func (l Log) LastIndex() int { return len(l) }

// LastTerm is the term of the last entry, 0 for an empty log.
func (l Log) LastTerm() int { return l.TermAt(len(l)) }

// TermAt is the term of the entry at index i, 0 for index 0.
// The caller guarantees 0 ≤ i ≤ LastIndex.
func (l Log) TermAt(i int) int {
	if i == 0 {
		return 0
	}
	return l[i-1].Term
}

// At is the entry at index i (1-based).
func (l Log) At(i int) Entry { return l[i-1] }

// Has reports whether the log holds an entry at index i whose term is term;
// index 0 always matches (the AppendEntries consistency check, §5.3).
func (l Log) Has(i, term int) bool {
	return i == 0 || (i <= len(l) && l[i-1].Term == term)
}

// Clone returns a copy that shares no memory with l.
func (l Log) Clone() Log { return append(Log(nil), l...) }

// AtLeastAsUpToDate is the election restriction of §5.4.1: a log whose last
// entry has a later term is more up-to-date; with equal last terms, the
// longer log is.
func AtLeastAsUpToDate(lastTerm, lastIndex int, than Log) bool {
	if lastTerm != than.LastTerm() {
		return lastTerm > than.LastTerm()
	}
	return lastIndex >= than.LastIndex()
}
