package engine

import (
	"fmt"
	"slices"
	"strings"
)

// Client sessions (§8; the dissertation's §6.3): each client numbers its
// commands, and each server's state machine remembers, per client, the
// last serial number it executed and its response. A command retried
// after a lost reply may be committed twice; it is executed once.

// Session is what a state machine keeps for one client.
type Session struct {
	Seq      int    `json:"seq"`      // the serial number of the last command executed
	Response string `json:"response"` // what that command returned
}

// Command is a client's request: its value and, with sessions, the client
// and the command's serial number.
type Command struct {
	Value   string
	Session string // the client; "" for a command outside any session
	Seq     int
}

// Executed reports whether the client's command seq is already executed
// (the session's serial number has reached it), with the session.
func (sm *StateMachine) Executed(client string, seq int) (Session, bool) {
	last, ok := sm.sessions[client]
	return last, ok && last.Seq >= seq
}

// Sessions is a copy of the session table.
func (sm *StateMachine) Sessions() map[string]Session {
	out := make(map[string]Session, len(sm.sessions))
	for k, v := range sm.sessions {
		out[k] = v
	}
	return out
}

// response is what a command returns once executed: the value it wrote.
func (sm *StateMachine) response(cmd string) string {
	if sm.Kind == Register {
		return cmd
	}
	_, v, _ := ParseKV(cmd)
	return v
}

// SessionsText writes a session table as "c1 #2 → x, c2 #1 → y", clients
// in order.
func SessionsText(sessions map[string]Session) string {
	ids := make([]string, 0, len(sessions))
	for id := range sessions {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("%s #%d → %s", id, sessions[id].Seq, sessions[id].Response)
	}
	return strings.Join(parts, ", ")
}

// answerDuplicate is the leader's check before it appends a command (§8):
// a command its state machine has already executed is answered at once
// from the session, and nothing is appended. It reports whether it was.
func (s *Server) answerDuplicate(cmd Command) bool {
	if cmd.Session == "" {
		return false
	}
	last, done := s.StateMachine.Executed(cmd.Session, cmd.Seq)
	if !done {
		return false
	}
	args := []Arg{text("client", cmd.Session), number("seq", cmd.Seq), number("last", last.Seq), quoted("response", last.Response)}
	say := SayDuplicateAnswered
	if last.Seq > cmd.Seq {
		say = SayDuplicateOutdated
	}
	s.keep(s.explain(RuleDuplicateCommand, say, args...), whole(AttrStateMachine), logAttr(s.lastIndex()+1, s.lastIndex()+1))
	return true
}
