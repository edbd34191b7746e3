package field

import "strconv"

// The field ids (FIELDS.md), one function for each kind of box. The
// layout makes every field's id with them, and sizes every column with
// them too, for the longest id the column may hold, so that an id always
// fits its box. X is a server, P a peer, t a term, i a log index, k a box
// in a row of boxes (from 1), n a trace step, m a message number.

// VoteID is X.vote[t]: the vote X cast in term t.
func VoteID(server string, term int) string {
	return server + "." + indexed("vote", strconv.Itoa(term))
}

// RoleID is X.role[t]: X's roles in term t, in order.
func RoleID(server string, term int) string {
	return server + "." + indexed("role", strconv.Itoa(term))
}

// BoxID is X.name[k]: the k-th box of a row of boxes a value is written
// in as it changes (commitIndex, lastApplied, electionAt, heartbeatAt).
func BoxID(server, name string, k int) string { return server + "." + indexed(name, strconv.Itoa(k)) }

// StateMachineID is X.stateMachine.
func StateMachineID(server string) string { return server + ".stateMachine" }

// LeaderIndexID is X.name[P]: a leader's nextIndex or matchIndex for P.
func LeaderIndexID(server, name, peer string) string { return server + "." + indexed(name, peer) }

// EndID is X.end.name: where X ends (role, term, votedFor, commitIndex).
func EndID(server, name string) string { return server + ".end." + name }

// SnapshotDataID is X.snapshot: the data of X's snapshot, oldest first
// (§7); its lastIncludedIndex and lastIncludedTerm are rows of boxes
// (BoxID).
func SnapshotDataID(server string) string { return server + ".snapshot" }

// ConfigID is X.config: the configurations X uses, oldest first (§6).
func ConfigID(server string) string { return server + ".config" }

// ReadsID is X.reads: what X answers to the read-only requests it leads
// for, in order (§8).
func ReadsID(server string) string { return server + ".reads" }

// SessionID is X.session[c].part: the serial number (seq) or the answer
// of client c's last command in X's session table (§8).
func SessionID(server, client, part string) string {
	return server + "." + indexed("session", client) + "." + part
}

// LogID is X.log[i].part: the term, value or applied mark of X's log
// entry i.
func LogID(server string, index int, part string) string {
	return server + "." + indexed("log", strconv.Itoa(index)) + "." + part
}

// SlipID is slipm.name: an argument of the RPC slip whose first message
// is m.
func SlipID(first int, name string) string { return "slip" + strconv.Itoa(first) + "." + name }

// ResponseID is slipm.P.part: P's term, ok or match in the slip's
// response grid.
func ResponseID(first int, to, part string) string { return SlipID(first, to+"."+part) }

// StepID is stepn.X.attr: X's attribute after trace step n.
func StepID(n int, server, attr string) string { return step(n) + "." + server + "." + attr }

// StepMessageID is stepn.msg[m]: the line of messages of step n numbered
// from m.
func StepMessageID(n, first int) string { return step(n) + "." + indexed("msg", strconv.Itoa(first)) }

// StepNoMessageID is stepn.msg: the one line of a step that sends nothing.
func StepNoMessageID(n int) string { return step(n) + ".msg" }

func step(n int) string { return "step" + strconv.Itoa(n) }

// indexed is name[index]: "vote[3]", "nextIndex[S2]".
func indexed(name, index string) string { return name + "[" + index + "]" }
