package engine

// SetInitial puts server id in the given state before the first step, as
// if the run had got there: a leader has just been elected (nextIndex past
// its log, matchIndex 0), a candidate holds its own vote, and entries up to
// Commit are committed and applied.
func (c *Cluster) SetInitial(id string, st InitialState) error {
	s, err := c.lookup(id)
	if err != nil {
		return err
	}
	s.begin(0)
	s.CurrentTerm, s.VotedFor, s.Log = st.Term, st.VotedFor, st.Log.Clone()
	if st.Snapshot != nil {
		s.Snap = st.Snapshot.clone()
		s.restoreSnapshot()
	}
	s.becomeFollower()
	switch st.Role {
	case Candidate:
		s.Role = Candidate
		s.VotesGranted = map[string]bool{id: true}
	case Leader:
		s.Role = Leader
		s.initLeaderState()
		if err := c.hist.recordElection(id, st.Term); err != nil {
			return err
		}
	}
	s.CommitIndex = max(st.Commit, s.CommitIndex)
	s.applyCommitted()
	s.drain() // the initial state needs no reasons
	return nil
}
