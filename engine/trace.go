package engine

import (
	"encoding/json"
	"sort"
)

// Trace is a whole run: the state before step 1 and, for every step, what
// it sent, delivered and lost, why each change happened, and every
// server's state after it. Its JSON form is normative
// (docs/ARCHITECTURE.md, "The trace"); fields beyond the contract are
// extensions.
type Trace struct {
	Title        string                 `json:"title"`
	Goal         string                 `json:"goal"`
	Summary      string                 `json:"summary"`
	Brief        string                 `json:"brief,omitempty"` // extension: the students' introduction
	Servers      []string               `json:"servers"`
	StateMachine string                 `json:"state_machine"`
	Options      TraceOptions           `json:"options"`
	Timing       *TraceTiming           `json:"timing,omitempty"`
	Initial      map[string]ServerState `json:"initial"`
	Steps        []StepRecord           `json:"steps"`
}

// TraceOptions are the exercise's options as the trace spells them.
type TraceOptions struct {
	NoopOnElection bool   `json:"noop_on_election"`
	MaxEntries     int    `json:"max_entries"`
	Replicate      string `json:"replicate"`
	// Extension: the rules the exercise breaks on purpose (mutate.go).
	Mutate []string `json:"mutate,omitempty"`
	// Extension: the options beyond Figure 2 (options.go), by their
	// exercise keys; absent when off.
	SnapshotAfter int    `json:"snapshot_after,omitempty"`
	Sessions      bool   `json:"sessions,omitempty"`
	Reads         string `json:"reads,omitempty"`
	VoteGuard     bool   `json:"ignore_disruptive_votes,omitempty"`
	PreVote       bool   `json:"prevote,omitempty"`
	CheckQuorum   bool   `json:"check_quorum,omitempty"`
	Backup        string `json:"backup,omitempty"`
}

// traceOptions are the options as the trace records them.
func traceOptions(o Options) TraceOptions {
	t := TraceOptions{NoopOnElection: o.NoopOnElection, MaxEntries: o.MaxEntries, Replicate: o.Replicate.String(),
		Mutate: o.Mutate.Names(), SnapshotAfter: o.SnapshotAfter, Sessions: o.Sessions, VoteGuard: o.VoteGuard,
		PreVote: o.PreVote, CheckQuorum: o.CheckQuorum}
	if o.Reads != ReadsOff {
		t.Reads = o.Reads.String()
	}
	if o.Backup != BackupDecrement {
		t.Backup = o.Backup.String()
	}
	return t
}

// TraceTiming is a timed exercise's clock settings.
type TraceTiming struct {
	ElectionTimeout map[string]string `json:"election_timeout"` // per server: "150ms..300ms", "[150ms, 200ms]"
	HeartbeatMs     int               `json:"heartbeat_ms"`
	Latency         string            `json:"latency"`
	LinkLatency     map[string]string `json:"link_latency"` // "S1-S2": "2ms"
	Seed            uint64            `json:"seed"`
	Words           []string          `json:"words"` // the settings in plain words
}

// StepRecord is one step of the trace. A script's stabilize step becomes
// one record per delivery round.
type StepRecord struct {
	N         int                    `json:"n"`
	TimeMs    *int                   `json:"time_ms,omitempty"` // a timed exercise's clock when it happens
	Event     string                 `json:"event"`
	Line      int                    `json:"line"`
	Note      string                 `json:"note"`
	Explain   string                 `json:"explain,omitempty"` // extension: the key's explanation
	Messages  []Message              `json:"messages"`
	Delivered []int                  `json:"delivered"`
	Lost      []int                  `json:"lost"`
	Dropped   []int                  `json:"dropped"`
	Refused   string                 `json:"refused"`
	Reasons   []string               `json:"reasons"` // the texts of Why, in order
	Servers   map[string]ServerState `json:"servers"`

	// Why is every reason as data: who, by which rule, concerning which
	// message, changing and keeping which attributes, sending what.
	Why []Reason `json:"why"`

	// Extensions.
	ScriptStep int      `json:"script_step"`       // which step of the script (1-based)
	Words      string   `json:"words"`             // the event in plain words
	Ask        []string `json:"ask"`               // servers the student fills in
	AskWhy     bool     `json:"ask_why,omitempty"` // the student writes the rules behind the step
	// WhyRules are the keys of the rules the step's question is about,
	// when the script names them (why: [keys]); else the key gives every
	// rule the engine applied in the step.
	WhyRules []string `json:"why_rules,omitempty"`
	InFlight []int    `json:"in_flight"` // messages still in flight after it
	// Reads are the read-only requests answered or failed in the step (§8).
	ReadResults []ReadResult `json:"reads,omitempty"`
}

// ServerState is one server's state after a step.
type ServerState struct {
	Up           bool           `json:"up"`
	Role         Role           `json:"role"`
	Term         int            `json:"term"`
	VotedFor     *string        `json:"voted_for"`
	Log          []LogEntry     `json:"log"`
	CommitIndex  int            `json:"commit_index"`
	LastApplied  int            `json:"last_applied"`
	StateMachine any            `json:"state_machine"`
	NextIndex    map[string]int `json:"next_index"`
	MatchIndex   map[string]int `json:"match_index"`
	Votes        []string       `json:"votes"` // extension: votes a candidate holds
	// In a timed exercise: when its election timer fires and when, as
	// leader, it sends its next heartbeat (absent when it has no such timer).
	ElectionTimerMs *int `json:"election_timer_ms,omitempty"`
	HeartbeatMs     *int `json:"heartbeat_ms,omitempty"`

	// Snapshot is what the log's prefix was compacted into (§7); log then
	// holds the entries after it. Absent when there is none.
	Snapshot *SnapshotState `json:"snapshot,omitempty"`
	// Sessions is the state machine's session table (§8): per client, the
	// last command executed and its response. Absent when empty.
	Sessions map[string]Session `json:"sessions,omitempty"`
	// Reads are the read-only requests a leader holds (§8), and LeaseUntilMs
	// when its lease ends, with reads on a lease.
	Reads        []PendingRead `json:"reads,omitempty"`
	LeaseUntilMs *int          `json:"lease_until_ms,omitempty"`
	// Config is the configuration the server uses (§6): the latest in its
	// log, committed or not; CatchingUp the new servers a leader
	// replicates to before they count. Only when membership changes.
	Config     *Membership `json:"config,omitempty"`
	CatchingUp []string    `json:"catching_up,omitempty"`
}

// SnapshotState is a snapshot as the trace records it: Figure 13's
// lastIncludedIndex and lastIncludedTerm, and its data: the state machine
// and, when the exercise changes membership, the configuration.
type SnapshotState struct {
	LastIncludedIndex int                `json:"last_included_index"`
	LastIncludedTerm  int                `json:"last_included_term"`
	StateMachine      any                `json:"state_machine"`
	Sessions          map[string]Session `json:"sessions,omitempty"`
	Config            *Membership        `json:"config,omitempty"`
}

// LogEntry is an entry with its index, as the trace prints logs.
type LogEntry struct {
	Index int    `json:"index"`
	Term  int    `json:"term"`
	Value string `json:"value"`
	// A command's client session (§8), and a configuration entry's
	// configuration (§6), when the exercise has them.
	Client string `json:"client,omitempty"`
	Seq    int    `json:"seq,omitempty"`
	Config string `json:"config,omitempty"` // as Membership.String writes it; JSON writes the Membership
}

// MarshalJSON writes a configuration entry's configuration as an object.
func (e LogEntry) MarshalJSON() ([]byte, error) {
	type plain LogEntry
	if e.Config == "" {
		return json.Marshal(plain(e))
	}
	c := ParseMembership(e.Config)
	return json.Marshal(struct {
		plain
		Config *Membership `json:"config"`
	}{plain(e), &c})
}

func indexed(prev int, entries []Entry) []LogEntry {
	out := make([]LogEntry, len(entries))
	for i, e := range entries {
		out[i] = LogEntry{Index: prev + 1 + i, Term: e.Term, Value: e.Value, Client: e.Client, Seq: e.Seq, Config: e.Config}
	}
	return out
}

// Snapshot is s's state as the trace records it.
func (s *Server) Snapshot() ServerState {
	st := ServerState{
		Up: s.Up, Role: s.Role, Term: s.CurrentTerm,
		Log:         indexed(s.base(), s.Log),
		CommitIndex: s.CommitIndex, LastApplied: s.LastApplied,
		StateMachine: s.StateMachine.Value(),
		NextIndex:    copyMap(s.NextIndex), MatchIndex: copyMap(s.MatchIndex),
		Votes: []string{},
	}
	if s.VotedFor != "" {
		v := s.VotedFor
		st.VotedFor = &v
	}
	if s.Role == Candidate || s.Role == PreCandidate {
		st.Votes = s.voters()
	}
	if s.base() > 0 {
		st.Snapshot = s.Snap.Record()
	}
	if len(s.StateMachine.sessions) > 0 {
		st.Sessions = s.StateMachine.Sessions()
	}
	st.Reads = s.pendingReads()
	if s.cfg.membershipChanges() {
		c := s.config()
		st.Config = &c
		if s.change != nil {
			st.CatchingUp = s.change.catchingUp
		}
	}
	if s.cfg.Options.Reads == ReadLease && s.Role == Leader && s.Up {
		until := s.leaseUntil()
		st.LeaseUntilMs = &until
	}
	return st
}

// Record is the snapshot as the trace records it.
func (sn Snapshot) Record() *SnapshotState {
	out := &SnapshotState{LastIncludedIndex: sn.LastIncludedIndex, LastIncludedTerm: sn.LastIncludedTerm,
		StateMachine: sn.State.Value()}
	if len(sn.State.sessions) > 0 {
		out.Sessions = sn.State.Sessions()
	}
	if !sn.Config.IsZero() {
		c := sn.Config
		out.Config = &c
	}
	return out
}

func copyMap(m map[string]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Snapshot is every server's state, keyed by name.
func (c *Cluster) Snapshot() map[string]ServerState {
	out := make(map[string]ServerState, len(c.servers))
	for _, s := range c.servers {
		st := s.Snapshot()
		if c.clock != nil {
			st.ElectionTimerMs, st.HeartbeatMs = c.clock.timerState(s.ID)
		}
		out[s.ID] = st
	}
	return out
}

// MarshalJSON writes a message with the fields of its type only, in the
// order of Figure 2 (docs/ARCHITECTURE.md, "The trace").
func (m Message) MarshalJSON() ([]byte, error) {
	type head struct {
		ID      int         `json:"id"`
		Type    MessageType `json:"type"`
		From    string      `json:"from"`
		To      string      `json:"to"`
		Term    int         `json:"term"`
		TimeMs  *int        `json:"time_ms,omitempty"`
		Arrives *int        `json:"arrives_ms,omitempty"`
	}
	h := head{ID: m.ID, Type: m.Type, From: m.From, To: m.To, Term: m.Term}
	if m.Timed {
		sent, arrives := m.SentMs, m.ArrivesMs
		h.TimeMs, h.Arrives = &sent, &arrives
	}
	var v any
	switch m.Type {
	case RequestVote:
		v = struct {
			head
			CandidateID  string `json:"candidate_id"`
			LastLogIndex int    `json:"last_log_index"`
			LastLogTerm  int    `json:"last_log_term"`
			DuplicateOf  int    `json:"duplicate_of,omitempty"`
		}{h, m.CandidateID, m.LastLogIndex, m.LastLogTerm, m.DuplicateOf}
	case RequestVoteReply:
		v = struct {
			head
			VoteGranted bool `json:"vote_granted"`
			InReplyTo   int  `json:"in_reply_to"`
			DuplicateOf int  `json:"duplicate_of,omitempty"`
		}{h, m.VoteGranted, m.InReplyTo, m.DuplicateOf}
	case AppendEntries:
		v = struct {
			head
			LeaderID     string     `json:"leader_id"`
			PrevLogIndex int        `json:"prev_log_index"`
			PrevLogTerm  int        `json:"prev_log_term"`
			Entries      []LogEntry `json:"entries"`
			LeaderCommit int        `json:"leader_commit"`
			DuplicateOf  int        `json:"duplicate_of,omitempty"`
			ReadRound    int        `json:"read_round,omitempty"`
		}{h, m.LeaderID, m.PrevLogIndex, m.PrevLogTerm, indexed(m.PrevLogIndex, m.Entries), m.LeaderCommit, m.DuplicateOf, m.ReadRound}
	case InstallSnapshot:
		v = struct {
			head
			LeaderID          string         `json:"leader_id"`
			LastIncludedIndex int            `json:"last_included_index"`
			LastIncludedTerm  int            `json:"last_included_term"`
			Offset            int            `json:"offset"`
			Data              *SnapshotState `json:"data"`
			Done              bool           `json:"done"`
			DuplicateOf       int            `json:"duplicate_of,omitempty"`
		}{h, m.LeaderID, m.LastIncludedIndex, m.LastIncludedTerm, 0, m.Data.Record(), true, m.DuplicateOf}
	case InstallSnapshotReply:
		v = struct {
			head
			MatchIndex  int `json:"match_index"`
			InReplyTo   int `json:"in_reply_to"`
			DuplicateOf int `json:"duplicate_of,omitempty"`
		}{h, m.MatchIndex, m.InReplyTo, m.DuplicateOf}
	default:
		r := struct {
			head
			Success       bool `json:"success"`
			MatchIndex    *int `json:"match_index,omitempty"`
			InReplyTo     int  `json:"in_reply_to"`
			DuplicateOf   int  `json:"duplicate_of,omitempty"`
			ReadRound     int  `json:"read_round,omitempty"`
			RequestSentMs *int `json:"request_sent_ms,omitempty"`
			ConflictTerm  *int `json:"conflict_term,omitempty"`
			ConflictIndex *int `json:"conflict_index,omitempty"`
		}{head: h, Success: m.Success, InReplyTo: m.InReplyTo, DuplicateOf: m.DuplicateOf, ReadRound: m.ReadRound}
		if m.Hinted {
			ct, ci := m.ConflictTerm, m.ConflictIndex
			r.ConflictTerm, r.ConflictIndex = &ct, &ci
		}
		if m.EchoesSent {
			sent := m.RequestSentMs
			r.RequestSentMs = &sent
		}
		if m.Success {
			mi := m.MatchIndex
			r.MatchIndex = &mi
		}
		v = r
	}
	return json.Marshal(v)
}

// JSON is the trace as indented JSON. Maps are written with sorted keys,
// so equal traces give equal bytes.
func (t *Trace) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(t, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func traceTiming(t *Timing, servers []string) *TraceTiming {
	if t == nil {
		return nil
	}
	tt := &TraceTiming{ElectionTimeout: map[string]string{}, HeartbeatMs: t.Heartbeat,
		Latency: t.Latency.String(), LinkLatency: map[string]string{}, Seed: t.Seed, Words: t.Describe(servers)}
	for _, id := range servers {
		tt.ElectionTimeout[id] = t.ElectionTimeout[id].String()
	}
	for l, s := range t.LinkLatency {
		tt.LinkLatency[l.A+"-"+l.B] = s.String()
	}
	return tt
}

// Final is every server's state after the last step.
func (t *Trace) Final() map[string]ServerState {
	if len(t.Steps) == 0 {
		return t.Initial
	}
	return t.Steps[len(t.Steps)-1].Servers
}

// MaxTerm is the highest term any server reaches in the run.
func (t *Trace) MaxTerm() int {
	return t.maxOver(func(s ServerState) int { return s.Term })
}

// MaxLogLength is the length of the longest log any server holds: its
// last index, counting the entries a snapshot replaced (§7).
func (t *Trace) MaxLogLength() int {
	return t.maxOver(func(s ServerState) int { return s.LastIndex() })
}

// Base is the index of the last entry the server's snapshot replaced (its
// lastIncludedIndex), 0 without one: its log holds the entries after it.
func (s ServerState) Base() int {
	if s.Snapshot == nil {
		return 0
	}
	return s.Snapshot.LastIncludedIndex
}

// LastIndex is the index of the server's last entry, in its log or, when
// the log after the snapshot is empty, in its snapshot.
func (s ServerState) LastIndex() int { return s.Base() + len(s.Log) }

// maxOver is the largest f over every server's state, initial and after
// every step.
func (t *Trace) maxOver(f func(ServerState) int) int {
	best := 0
	for _, st := range append([]map[string]ServerState{t.Initial}, t.stepStates()...) {
		for _, s := range st {
			best = max(best, f(s))
		}
	}
	return best
}

func (t *Trace) stepStates() []map[string]ServerState {
	out := make([]map[string]ServerState, len(t.Steps))
	for i, st := range t.Steps {
		out[i] = st.Servers
	}
	return out
}

// reasonTexts are the reasons' sentences in English.
func reasonTexts(why []Reason) []string {
	out := make([]string, len(why))
	for i, r := range why {
		out[i] = r.Text
	}
	return out
}

func sortedIDs(ms []Message) []int {
	out := make([]int, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	sort.Ints(out)
	return out
}
