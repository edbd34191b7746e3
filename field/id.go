package field

import "strconv"

// The field ids (FIELDS.md), one function for each kind of box. The
// layout makes every field's id with them, and sizes every column with
// them too, for the longest id the column may hold, so that an id always
// fits its box. X is a server, P a peer, t a term, i a log index, k a box
// in a row of boxes or a message row (from 1) or a slip's number in its
// kind's stack, n a trace step, m a message number.

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

// The kinds of RPC slip in the stack, as their ids begin: AppendEntries
// and RequestVote slips are numbered apart, each from 1.
const (
	SlipAppendEntries = "ae"
	SlipRequestVote   = "rv"
	// Beyond Figure 2: InstallSnapshot (§7) and PreVote (§9.6) slips.
	SlipInstallSnapshot = "is"
	SlipPreVote         = "pv"
)

// SlipID is aek.name or rvk.name: a box of the k-th AppendEntries or
// RequestVote slip of the stack (from, to, sentAt, an argument).
func SlipID(kind string, k int, name string) string { return kind + strconv.Itoa(k) + "." + name }

// ResponseID is aek.P.part: P's term, ok or arrival time in the k-th
// slip's response grid.
func ResponseID(kind string, k int, to, part string) string { return SlipID(kind, k, to+"."+part) }

// StepID is stepn.X.attr: what X's attribute is after trace step n (a
// full row), or what the step changes it to (log.from, log.entries: the
// first index that changes and the entries from there to the end).
func StepID(n int, server, attr string) string { return step(n) + "." + server + "." + attr }

// StepTimeID is stepn.time: when the event of a timed run's step n
// happens, for the student to work out.
func StepTimeID(n int) string { return step(n) + ".time" }

// StepEventID is stepn.event: what happens at step n of a timed run.
func StepEventID(n int) string { return step(n) + ".event" }

// StepMessageID is stepn.msg[k].part: a part of the k-th message row
// (from 1) of step n: type, from, to, term, logIndex, logTerm, entries,
// leaderCommit or ok.
func StepMessageID(n, row int, part string) string {
	return step(n) + "." + indexed("msg", strconv.Itoa(row)) + "." + part
}

func step(n int) string { return "step" + strconv.Itoa(n) }

// indexed is name[index]: "vote[3]", "nextIndex[S2]".
func indexed(name, index string) string { return name + "[" + index + "]" }
