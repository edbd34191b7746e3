package engine

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteText writes the trace as a step-by-step table for a person at a
// terminal: each step's event, note, messages, reasons, and the servers'
// state after it, with a * on the servers the step changed.
func (t *Trace) WriteText(w io.Writer) error {
	p := &textPrinter{w: w}
	p.line("%s", t.Title)
	p.line("%s", t.Setup())
	if t.Timing != nil {
		p.line("clock: %s", strings.Join(t.Timing.Words, " · "))
	}
	if hasState(t.Initial) {
		p.line("")
		p.line("Initial state")
		p.servers(t, nil, t.Initial)
	}
	prev := t.Initial
	for _, st := range t.Steps {
		p.line("")
		if st.TimeMs != nil {
			p.line("Step %d  at %dms  %s   (line %d)", st.N, *st.TimeMs, st.Event, st.Line)
		} else {
			p.line("Step %d  %s   (line %d)", st.N, st.Event, st.Line)
		}
		if st.Note != "" {
			p.wrapped("  ", "“"+strings.TrimSpace(st.Note)+"”")
		}
		p.list("sent", messagesText(st.Messages))
		p.list("delivered", idsText(st.Delivered))
		p.list("lost", idsText(st.Lost))
		p.list("dropped", idsText(st.Dropped))
		p.list("reads", readResultsText(st.ReadResults))
		p.list("why", st.Reasons)
		p.servers(t, prev, st.Servers)
		if len(st.InFlight) > 0 {
			p.line("  in flight: %s", strings.Join(idsText(st.InFlight), " "))
		}
		prev = st.Servers
	}
	return p.err
}

// Setup says the cluster and options in one line.
func (t *Trace) Setup() string {
	o := t.Options
	limit := "any number of entries per AppendEntries"
	if o.MaxEntries > 0 {
		limit = plural(o.MaxEntries, "entry", "entries") + " per AppendEntries at most"
	}
	noop := "no no-op on election"
	if o.NoopOnElection {
		noop = "a new leader appends a no-op (§8)"
	}
	setup := fmt.Sprintf("%d servers (%s) · %s state machine · new entries leave %s · %s · %s",
		len(t.Servers), strings.Join(t.Servers, ", "), t.StateMachine, replicateWords(o.Replicate), limit, noop)
	for _, w := range t.beyondWords() {
		setup += " · " + w
	}
	return setup
}

// beyondWords say the options beyond Figure 2 that the run turns on, and
// an initial configuration that leaves servers out; none for a run of
// Figure 2, whose setup line stays as it was.
func (t *Trace) beyondWords() []string {
	o := t.Options
	var out []string
	for _, id := range t.Servers {
		if c := t.Initial[id].Config; c != nil && !c.IsZero() && len(c.New) < len(t.Servers) {
			out = append(out, "initial configuration {"+strings.Join(c.New, ", ")+"} (§6)")
			break
		}
	}
	if o.SnapshotAfter > 0 {
		out = append(out, fmt.Sprintf("a server snapshots once %s beyond its snapshot are applied (§7)", plural(o.SnapshotAfter, "entry", "entries")))
	}
	if o.Sessions {
		out = append(out, "client sessions (§8)")
	}
	switch o.Reads {
	case ReadIndex.String():
		out = append(out, "reads by ReadIndex (§8)")
	case ReadLease.String():
		out = append(out, "reads on a leader's lease (§8)")
	}
	if o.VoteGuard {
		out = append(out, "a server that hears from a leader disregards RequestVote (§6)")
	}
	if o.PreVote {
		out = append(out, "PreVote (dissertation §9.6)")
	}
	if o.CheckQuorum {
		out = append(out, "CheckQuorum (dissertation §9.6)")
	}
	if o.Backup != "" {
		out = append(out, "fast backup by conflict term (§5.3)")
	}
	return out
}

func replicateWords(r string) string {
	if r == "immediate" {
		return "at once"
	}
	return "with the next heartbeat"
}

func hasState(states map[string]ServerState) bool {
	for _, s := range states {
		if s.Term > 0 || len(s.Log) > 0 || s.Role != Follower || !s.Up {
			return true
		}
	}
	return false
}

type textPrinter struct {
	w   io.Writer
	err error
}

func (p *textPrinter) line(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
	}
}

func (p *textPrinter) wrapped(indent, s string) {
	for _, l := range wrap(s, 96-len(indent)) {
		p.line("%s%s", indent, l)
	}
}

func (p *textPrinter) list(label string, items []string) {
	for i, it := range items {
		if i > 0 {
			label = ""
		}
		lines := wrap(it, 84)
		for j, l := range lines {
			if j > 0 {
				label = ""
				l = "  " + l
			}
			p.line("  %-10s %s", label, l)
		}
	}
}

func (p *textPrinter) servers(t *Trace, prev, now map[string]ServerState) {
	if p.err != nil {
		return
	}
	tw := tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
	timed := t.Timing != nil
	header := "  \tserver\trole\tterm\tvotedFor\tcommit\tapplied\tlog (term:value)\tstate machine"
	if timed {
		header += "\ttimer"
	}
	config := now[t.Servers[0]].Config != nil
	if config {
		header += "\tconfiguration"
	}
	fmt.Fprintln(tw, header)
	for _, id := range t.Servers {
		s := now[id]
		mark := " "
		if prev != nil && !sameState(prev[id], s) {
			mark = "*"
		}
		role := s.Role.String()
		if !s.Up {
			role = "down"
		}
		row := fmt.Sprintf("  %s\t%s\t%s\t%d\t%s\t%d\t%d\t%s\t%s", mark, id, role, s.Term, votedText(s.VotedFor),
			s.CommitIndex, s.LastApplied, SnapshotLogText(s), StateMachineText(s.StateMachine))
		if len(s.Sessions) > 0 {
			row += " · sessions " + SessionsText(s.Sessions)
		}
		if timed {
			row += "\t" + TimerText(s)
		}
		if config {
			row += "\t" + ConfigText(s)
		}
		fmt.Fprintln(tw, row)
	}
	p.err = tw.Flush()
	for _, id := range t.Servers {
		if s := now[id]; s.Role == Leader && len(t.Servers) > 1 {
			p.line("     %s leads term %d: nextIndex %s · matchIndex %s", id, s.Term,
				indexMapText(t.Servers, s.NextIndex), indexMapText(t.Servers, s.MatchIndex))
		}
	}
}

// ConfigText says the configuration a server uses, and for a leader the
// new servers it is catching up: "{S1, S2, S3} +S4 catching up".
func ConfigText(s ServerState) string {
	if s.Config == nil {
		return "-"
	}
	out := s.Config.Words()
	if len(s.Config.New) == 0 && len(s.Config.Old) == 0 {
		out = "none yet"
	}
	if len(s.CatchingUp) > 0 {
		out += " (catching up " + strings.Join(s.CatchingUp, ", ") + ")"
	}
	return out
}

// TimerText says when a server's timer fires next: "election at 312ms" or
// "heartbeat at 250ms"; "-" when it has none.
func TimerText(s ServerState) string {
	switch {
	case s.HeartbeatMs != nil:
		return fmt.Sprintf("heartbeat at %dms", *s.HeartbeatMs)
	case s.ElectionTimerMs != nil:
		return fmt.Sprintf("election at %dms", *s.ElectionTimerMs)
	}
	return "-"
}

func sameState(a, b ServerState) bool {
	return a.Up == b.Up && a.Role == b.Role && a.Term == b.Term && votedText(a.VotedFor) == votedText(b.VotedFor) &&
		a.CommitIndex == b.CommitIndex && a.LastApplied == b.LastApplied && SnapshotLogText(a) == SnapshotLogText(b) &&
		ConfigText(a) == ConfigText(b) &&
		indexMapText(nil, a.NextIndex) == indexMapText(nil, b.NextIndex) && indexMapText(nil, a.MatchIndex) == indexMapText(nil, b.MatchIndex) &&
		SessionsText(a.Sessions) == SessionsText(b.Sessions) &&
		strings.Join(a.Votes, ",") == strings.Join(b.Votes, ",")
}

func votedText(v *string) string {
	if v == nil {
		return "-"
	}
	return *v
}

// SnapshotLogText writes a server's log after its snapshot, if it has
// one: "[≤3 t1: c] 1:d" is a snapshot through index 3 of term 1 holding
// c, then entry 4.
func SnapshotLogText(s ServerState) string {
	if s.Snapshot == nil {
		return LogText(s.Log)
	}
	sn := s.Snapshot
	head := fmt.Sprintf("[≤%d t%d: %s]", sn.LastIncludedIndex, sn.LastIncludedTerm, SnapshotDataText(sn))
	if len(s.Log) == 0 {
		return head
	}
	return head + " " + LogText(s.Log)
}

// SnapshotDataText writes a snapshot's data: its state machine, and its
// configuration when it has one.
func SnapshotDataText(sn *SnapshotState) string {
	out := StateMachineText(sn.StateMachine)
	if len(sn.Sessions) > 0 {
		out += "; sessions " + SessionsText(sn.Sessions)
	}
	if sn.Config != nil {
		out += "; config " + sn.Config.Words()
	}
	return out
}

// LogText writes a log as "1:sally 1:bob 2" (term:value, or the term alone).
func LogText(log []LogEntry) string {
	if len(log) == 0 {
		return "-"
	}
	parts := make([]string, len(log))
	for i, e := range log {
		parts[i] = LogEntryText(e)
	}
	return strings.Join(parts, " ")
}

// LogEntryText writes an entry as EntryText does, with its client session
// ("1:x[c1#2]") or, for a configuration entry, the configuration
// ("2:C{S1, S2, S3}").
func LogEntryText(e LogEntry) string {
	switch {
	case e.Config != "":
		return fmt.Sprintf("%d:C%s", e.Term, ParseMembership(e.Config).Words())
	case e.Client != "":
		return fmt.Sprintf("%s[%s#%d]", EntryText(e.Term, e.Value), e.Client, e.Seq)
	}
	return EntryText(e.Term, e.Value)
}

// EntryText writes one entry as "term:value", or the term alone.
func EntryText(term int, value string) string {
	if value == "" {
		return fmt.Sprint(term)
	}
	return fmt.Sprintf("%d:%s", term, value)
}

// StateMachineText writes a state machine's value as a person would.
func StateMachineText(v any) string {
	switch sm := v.(type) {
	case string:
		if sm == "" {
			return "-"
		}
		return sm
	case map[string]string:
		m := StateMachine{Kind: KV, kv: sm}
		if s := m.String(); s != "" {
			return s
		}
	}
	return "-"
}

// indexMapText writes nextIndex or matchIndex as "S2=3 S3=1" in cluster order.
func indexMapText(order []string, m map[string]int) string {
	if order == nil {
		order = make([]string, 0, len(m))
		for k := range m {
			order = append(order, k)
		}
		sortStrings(order)
	}
	var parts []string
	for _, id := range order {
		if v, ok := m[id]; ok {
			parts = append(parts, fmt.Sprintf("%s=%d", id, v))
		}
	}
	return strings.Join(parts, " ")
}

func messagesText(ms []Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = MessageText(m)
	}
	return out
}

// MessageText writes a message with its Figure 2 fields in a line.
func MessageText(m Message) string {
	head := fmt.Sprintf("#%d %s %s→%s term %d", m.ID, m.Type, m.From, m.To, m.Term)
	if m.InReplyTo != 0 {
		head += fmt.Sprintf(" (reply to #%d)", m.InReplyTo)
	}
	if m.DuplicateOf != 0 {
		head += fmt.Sprintf(" (copy of #%d)", m.DuplicateOf)
	}
	if m.Timed {
		head += fmt.Sprintf(" (arrives at %dms)", m.ArrivesMs)
	}
	if m.ReadRound > 0 {
		head += fmt.Sprintf(" (read round %d)", m.ReadRound)
	}
	switch m.Type {
	case RequestVote:
		return fmt.Sprintf("%s lastLogIndex %d lastLogTerm %d", head, m.LastLogIndex, m.LastLogTerm)
	case RequestVoteReply:
		return fmt.Sprintf("%s voteGranted %t", head, m.VoteGranted)
	case AppendEntries:
		return fmt.Sprintf("%s prevLogIndex %d prevLogTerm %d entries [%s] leaderCommit %d",
			head, m.PrevLogIndex, m.PrevLogTerm, strings.TrimPrefix(LogText(indexed(m.PrevLogIndex, m.Entries)), "-"), m.LeaderCommit)
	case InstallSnapshot:
		return fmt.Sprintf("%s lastIncludedIndex %d lastIncludedTerm %d data [%s]",
			head, m.LastIncludedIndex, m.LastIncludedTerm, SnapshotDataText(m.Data.Record()))
	case InstallSnapshotReply:
		return fmt.Sprintf("%s matchIndex %d", head, m.MatchIndex)
	}
	if m.Success {
		return fmt.Sprintf("%s success true matchIndex %d", head, m.MatchIndex)
	}
	if m.Hinted {
		return fmt.Sprintf("%s success false conflictTerm %d conflictIndex %d", head, m.ConflictTerm, m.ConflictIndex)
	}
	return head + " success false"
}

func readResultsText(rs []ReadResult) []string {
	var out []string
	for _, r := range rs {
		what := "the register"
		if r.Key != "" {
			what = r.Key
		}
		if r.Served {
			out = append(out, fmt.Sprintf("%s at %s: %s = %q as of index %d", r.ID, r.Server, what, r.Value, r.ReadIndex))
		} else {
			out = append(out, fmt.Sprintf("%s at %s: not served, the client must retry", r.ID, r.Server))
		}
	}
	return out
}

func idsText(ids []int) []string {
	if len(ids) == 0 {
		return nil
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("#%d", id)
	}
	return []string{strings.Join(parts, " ")}
}

// wrap breaks s into lines of at most width runes, at spaces.
func wrap(s string, width int) []string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for _, w := range words {
		if cur != "" && len([]rune(cur))+1+len([]rune(w)) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// plural is a count with its noun: "1 log entry", "3 log entries".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
