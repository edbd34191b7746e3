package explore

import "github.com/raftsheet/raftsheet/engine"

// dead reports a message in flight whose delivery, now or at any later
// time, changes nothing: its receiver ignores it without a word. Such a
// message is as good as dropped, so the search never delivers it and its
// state keys leave it out (doc.go, "Messages that can only be ignored").
// Terms never decrease, and a server is a candidate or leader of a term at
// most once, so these stay true forever once true:
//   - a vote reply of an earlier term than its receiver's, or of the same
//     term to a receiver that is not a candidate (a follower of term t can
//     become a candidate only of a later term), or a refusal, or a vote
//     already counted (handleRequestVoteReply);
//   - an AppendEntries reply of an earlier term, or of the same term to a
//     follower, which cannot become leader of its current term
//     (handleAppendEntriesReply).
func dead(c *engine.Cluster, m engine.Message) bool {
	to := c.Server(m.To)
	switch m.Type {
	case engine.RequestVoteReply:
		if m.Term != to.CurrentTerm {
			return m.Term < to.CurrentTerm
		}
		return to.Role != engine.Candidate || !m.VoteGranted || to.VotesGranted[m.From]
	case engine.AppendEntriesReply:
		if m.Term != to.CurrentTerm {
			return m.Term < to.CurrentTerm
		}
		return to.Role == engine.Follower
	}
	return false
}
