package engine

// A server's log after log compaction (§7): the snapshot stands for the
// entries up to lastIncludedIndex, and Log holds those after it, so
// Log[0] is the entry at index Snap.LastIncludedIndex+1. These methods
// read the log by Raft's index, whatever has been compacted; with no
// snapshot they are the Log's own methods.

// base is the index the log starts after: the snapshot's
// lastIncludedIndex, 0 when there is none.
func (s *Server) base() int { return s.Snap.LastIncludedIndex }

// lastIndex is the index of the last entry, in the log or the snapshot.
func (s *Server) lastIndex() int { return s.base() + len(s.Log) }

// lastTerm is the term of the last entry, in the log or the snapshot.
func (s *Server) lastTerm() int {
	if len(s.Log) == 0 {
		return s.Snap.LastIncludedTerm
	}
	return s.Log[len(s.Log)-1].Term
}

// termAt is the term of the entry at index i; the snapshot's
// lastIncludedTerm at its lastIncludedIndex. The caller guarantees
// base ≤ i ≤ lastIndex.
func (s *Server) termAt(i int) int {
	if i == s.base() {
		return s.Snap.LastIncludedTerm
	}
	return s.Log[i-s.base()-1].Term
}

// entryAt is the entry at index i; the caller guarantees base < i ≤
// lastIndex.
func (s *Server) entryAt(i int) Entry { return s.Log[i-s.base()-1] }

// entriesFrom are the entries from index i on (base < i ≤ lastIndex+1),
// sharing memory with the log.
func (s *Server) entriesFrom(i int) []Entry { return s.Log[i-s.base()-1:] }

// compacted reports whether index i is covered by the snapshot. The
// snapshot holds only committed entries, so such an entry matches the
// leader's (Leader Completeness, §5.4.3).
func (s *Server) compacted(i int) bool { return i > 0 && i <= s.base() }

// hasEntry is the AppendEntries consistency check (§5.3): the log holds
// an entry at prevLogIndex i with term t. Index 0 always matches, and so
// does an index the snapshot covers.
func (s *Server) hasEntry(i, t int) bool {
	if i <= s.base() {
		return i < s.base() || t == s.Snap.LastIncludedTerm
	}
	return i <= s.lastIndex() && s.termAt(i) == t
}

// upToDate is the election restriction (§5.4.1) against this server's
// last entry, which may be the snapshot's.
func (s *Server) upToDate(lastTerm, lastIndex int) bool {
	if lastTerm != s.lastTerm() {
		return lastTerm > s.lastTerm()
	}
	return lastIndex >= s.lastIndex()
}
