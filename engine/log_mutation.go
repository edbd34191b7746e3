package engine

// Every change to a server's log goes through these methods (and a
// snapshot's compaction, snapshot.go), so that the
// invariant checker knows the lowest index rewritten since it last looked
// and re-checks only from there.

func (s *Server) appendToLog(e Entry) {
	s.Log = append(s.Log, e)
}

// truncateLog deletes the entry at index i and all that follow it.
func (s *Server) truncateLog(i int) {
	s.Log = s.Log[:i-s.base()-1]
	s.noteRewritten(i)
}

// noteRewritten tells the checker that the entries from index i on were
// deleted.
func (s *Server) noteRewritten(i int) {
	if s.rewrittenFrom == 0 || i < s.rewrittenFrom {
		s.rewrittenFrom = i
	}
}
