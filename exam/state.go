package exam

import (
	"fmt"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// State is the cluster a question is about, as the sheet draws it: every
// server's persistent state, role and commitIndex, and the messages in
// flight. It is the question's given: the run up to the step, or the
// state a reachable question writes out.
type State struct {
	Servers  []Server
	InFlight []engine.Message
	Written  bool // the question's own state (reachable), not one the run reached
}

// Server is one server's row of the drawing.
type Server struct {
	ID       string
	Up       bool
	Role     engine.Role
	Term     int
	VotedFor string
	Log      engine.Log
	Commit   int
}

// stateAfter is the cluster after script step n, as the runner leaves it.
func stateAfter(c *engine.Cluster) State {
	var st State
	for _, s := range c.Servers() {
		st.Servers = append(st.Servers, Server{ID: s.ID, Up: s.Up, Role: s.Role, Term: s.CurrentTerm, VotedFor: s.VotedFor,
			Log: s.Log.Clone(), Commit: s.CommitIndex})
	}
	st.InFlight = c.InFlight()
	return st
}

// writtenState is a state as an exercise writes it (initial:, or a
// reachable question's state:); servers it leaves out start empty.
func writtenState(ex *exercise.Exercise, in []engine.InitialServer) State {
	byID := map[string]engine.InitialState{}
	for _, s := range in {
		byID[s.ID] = s.InitialState
	}
	st := State{Written: true}
	for _, id := range ex.Config.Servers {
		s := byID[id]
		st.Servers = append(st.Servers, Server{ID: id, Up: true, Role: s.Role, Term: s.Term, VotedFor: s.VotedFor, Log: s.Log, Commit: s.Commit})
	}
	return st
}

// LastIndex is the longest log's length: the ruler's last index.
func (st State) LastIndex() int {
	n := 0
	for _, s := range st.Servers {
		n = max(n, s.Log.LastIndex())
	}
	return n
}

// Server is the row of id.
func (st State) Server(id string) (Server, bool) {
	for _, s := range st.Servers {
		if s.ID == id {
			return s, true
		}
	}
	return Server{}, false
}

// MessageWords is a message in flight in words, without its number (the
// numbers are the key's): "AppendEntries S1→S3 · term 4 · prev index 1
// term 1 · entries 2:b · commit 1".
func MessageWords(m engine.Message) string {
	parts := []string{fmt.Sprintf("%s %s→%s", m.Type, m.From, m.To), fmt.Sprintf("term %d", m.Term)}
	switch m.Type {
	case engine.RequestVote:
		parts = append(parts, fmt.Sprintf("last log index %d term %d", m.LastLogIndex, m.LastLogTerm))
	case engine.RequestVoteReply:
		parts = append(parts, map[bool]string{true: "granted", false: "denied"}[m.VoteGranted])
	case engine.AppendEntries:
		parts = append(parts, fmt.Sprintf("prev index %d term %d", m.PrevLogIndex, m.PrevLogTerm))
		if len(m.Entries) > 0 {
			es := make([]string, len(m.Entries))
			for i, e := range m.Entries {
				es[i] = engine.EntryText(e.Term, e.Value)
			}
			parts = append(parts, "entries "+strings.Join(es, " "))
		}
		parts = append(parts, fmt.Sprintf("commit %d", m.LeaderCommit))
	case engine.AppendEntriesReply:
		if m.Success {
			parts = append(parts, fmt.Sprintf("success, match %d", m.MatchIndex))
		} else {
			parts = append(parts, "failure")
		}
	}
	return strings.Join(parts, " · ")
}
