package engine

// Every change to a server's log goes through these two methods, so that the
// invariant checker knows the lowest index rewritten since it last looked
// and re-checks only from there.

func (s *Server) appendToLog(e Entry) {
	s.Log = append(s.Log, e)
}

// truncateLog deletes the entry at index i and all that follow it.
func (s *Server) truncateLog(i int) {
	s.Log = s.Log[:i-1]
	if s.rewrittenFrom == 0 || i < s.rewrittenFrom {
		s.rewrittenFrom = i
	}
}
