package engine

import (
	"slices"
	"strconv"
	"strings"
)

// Read-only requests (§8; the dissertation's §6.4). A leader answers a
// read from its state machine only once it knows that state is not stale:
// it must have committed an entry of its own term (so its commitIndex is
// the cluster's), and must still be the leader when the read arrives
// (no newer leader has committed anything it lacks). With ReadIndex it
// confirms the second by a round of heartbeats a majority answers; with a
// lease, by the time since a majority last acknowledged it, which no
// follower lets a new leader undercut (§6.4.1).

// Reads is how a leader serves read-only requests.
type Reads int

const (
	// ReadsOff: the exercise has no read steps.
	ReadsOff Reads = iota
	// ReadIndex: the leader records its commitIndex as the read index and
	// confirms its leadership with a heartbeat round (§6.4).
	ReadIndex
	// ReadLease: the leader serves while its lease lasts: a minimum
	// election timeout from the last heartbeat round a majority
	// acknowledged (§6.4.1). It needs the clock.
	ReadLease
)

var readsNames = [...]string{"off", "read_index", "lease"}

func (r Reads) String() string { return readsNames[r] }

// ParseReads reads the names String prints.
func ParseReads(s string) (Reads, bool) {
	for i, n := range readsNames {
		if n == s {
			return Reads(i), true
		}
	}
	return ReadsOff, false
}

// pendingRead is a read the leader has taken and not yet answered.
type pendingRead struct {
	ID        string          // r1, r2, … in the order reads arrive
	Key       string          // the key read from a kv store; "" for a register
	ReadIndex int             // the commitIndex it must reflect; 0 while waiting for one of this term
	Round     int             // the heartbeat round confirming leadership; 0 before it starts
	Acks      map[string]bool // the servers that answered that round, the leader itself included
}

// ReadResult is what became of a read-only request, as the trace records
// it: served with a value as of an index, or failed.
type ReadResult struct {
	ID        string `json:"id"`
	Server    string `json:"server"`
	Key       string `json:"key,omitempty"`
	Served    bool   `json:"served"`
	Value     string `json:"value"`
	ReadIndex int    `json:"read_index"`
}

// Read is a client's read-only request r to this leader (§8).
func (s *Server) Read(id, key string) {
	s.begin(0)
	r := &pendingRead{ID: id, Key: key}
	if !s.committedInTerm() {
		s.reads = append(s.reads, r)
		s.explain(RuleReadIndex, SayReadWaits, text("read", id), number("term", s.CurrentTerm), number("commitIndex", s.CommitIndex))
		return
	}
	s.reads = append(s.reads, r)
	s.startRead(r)
}

// committedInTerm reports whether the leader has committed an entry of
// its current term: only then is its commitIndex at least the cluster's
// (§6.4, step 1; the no-op of §8 makes this quick).
func (s *Server) committedInTerm() bool {
	return s.CommitIndex > 0 && s.termAt(s.CommitIndex) == s.CurrentTerm
}

// startRead records the read index and confirms leadership: by a
// heartbeat round (ReadIndex), or by the lease.
func (s *Server) startRead(r *pendingRead) {
	r.ReadIndex = s.CommitIndex
	if s.cfg.Options.Reads == ReadLease {
		s.leaseRead(r)
		return
	}
	r.Acks = map[string]bool{s.ID: true}
	if s.readConfirmed(r) {
		s.serveRead(r, SayReadAlone)
		return
	}
	s.readRound++
	r.Round = s.readRound
	why := s.explain(RuleReadIndex, SayReadRound, text("read", r.ID), number("readIndex", r.ReadIndex), number("round", r.Round))
	s.roundTag = r.Round
	for _, p := range s.peers() {
		s.sendAppendEntries(why, p)
	}
	s.roundTag = 0
	s.heartbeatSent = true
}

// startWaitingReads starts the reads that waited for an entry of the
// leader's term to commit, once one has.
func (s *Server) startWaitingReads() {
	if !s.committedInTerm() {
		return
	}
	for _, r := range slices.Clone(s.reads) {
		if r.ReadIndex == 0 {
			s.startRead(r)
		}
	}
}

// confirmReads counts a reply of the leader's term to a heartbeat round:
// it proves the sender still followed this leader then (§6.4, step 3).
func (s *Server) confirmReads(m Message) {
	if m.ReadRound == 0 {
		return
	}
	for _, r := range slices.Clone(s.reads) {
		if r.Round == 0 || r.Round > m.ReadRound || r.Acks[m.From] {
			continue
		}
		r.Acks[m.From] = true
		if s.readConfirmed(r) {
			s.serveRead(r, SayReadConfirmed)
		} else {
			s.explain(RuleReadIndex, SayReadAck, text("read", r.ID), text("from", m.From))
		}
	}
}

// readConfirmed: a majority of the configuration answered the round.
func (s *Server) readConfirmed(r *pendingRead) bool {
	return s.config().quorum(func(id string) bool { return r.Acks[id] })
}

// serveRead answers r from the state machine, which has applied the read
// index (§6.4, steps 4 and 5).
func (s *Server) serveRead(r *pendingRead, say Sentence) {
	s.dropRead(r)
	value := s.readValue(r.Key)
	s.served = append(s.served, ReadResult{ID: r.ID, Server: s.ID, Key: r.Key, Served: true, Value: value, ReadIndex: r.ReadIndex})
	args := []Arg{text("read", r.ID), quoted("value", value), number("readIndex", r.ReadIndex), text("acks", strings.Join(s.ackers(r), ", "))}
	if r.Key != "" {
		args = append(args, text("key", r.Key))
		switch say {
		case SayReadConfirmed:
			say = SayReadConfirmedKey
		case SayReadAlone:
			say = SayReadAloneKey
		case SayReadLease:
			say = SayReadLeaseKey
		}
	}
	if say == SayReadLease || say == SayReadLeaseKey {
		args = append(args, number("until", s.leaseUntil()))
	}
	s.explain(RuleReadIndex, say, args...)
}

func (s *Server) ackers(r *pendingRead) []string {
	var out []string
	for _, id := range s.cfg.Servers {
		if r.Acks[id] {
			out = append(out, id)
		}
	}
	return out
}

// readValue is what the state machine holds: the register, or the key.
func (s *Server) readValue(key string) string {
	if key == "" {
		return s.StateMachine.register
	}
	return s.StateMachine.kv[key]
}

func (s *Server) dropRead(r *pendingRead) {
	s.reads = slices.DeleteFunc(s.reads, func(p *pendingRead) bool { return p == r })
}

// abandonReads: a leader that steps down cannot answer the reads it holds
// (it may be stale); their clients retry at the new leader (§6.4).
func (s *Server) abandonReads() {
	if len(s.reads) == 0 {
		return
	}
	var ids []string
	for _, r := range s.reads {
		ids = append(ids, r.ID)
		s.served = append(s.served, ReadResult{ID: r.ID, Server: s.ID, Key: r.Key, ReadIndex: r.ReadIndex})
	}
	s.reads = nil
	s.explain(RuleReadIndex, SayReadAbandoned, text("reads", strings.Join(ids, ", ")))
}

// PendingRead is a read a leader holds, as the trace shows it.
type PendingRead struct {
	ID        string   `json:"id"`
	Key       string   `json:"key,omitempty"`
	ReadIndex int      `json:"read_index"`
	Round     int      `json:"round"`
	Acks      []string `json:"acks"`
}

func (s *Server) pendingReads() []PendingRead {
	var out []PendingRead
	for _, r := range s.reads {
		out = append(out, PendingRead{ID: r.ID, Key: r.Key, ReadIndex: r.ReadIndex, Round: r.Round, Acks: nonNil(s.ackers(r))})
	}
	return out
}

// readsKey is the pending reads in a word, to tell whether they changed.
func (s *Server) readsKey() string {
	var b strings.Builder
	for _, r := range s.pendingReads() {
		b.WriteString(r.ID + "/" + r.Key + "/" + strconv.Itoa(r.ReadIndex) + "/" + strconv.Itoa(r.Round) + "/" + strings.Join(r.Acks, ",") + ";")
	}
	return b.String()
}
