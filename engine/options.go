package engine

import "slices"

// Replicate says when a leader sends a new client entry to its followers.
type Replicate int

const (
	// ReplicateOnHeartbeat: the entry leaves with the next heartbeat, as in
	// "The Secret Lives of Data" walkthrough.
	ReplicateOnHeartbeat Replicate = iota
	// ReplicateImmediately: the leader sends AppendEntries at once.
	ReplicateImmediately
)

func (r Replicate) String() string {
	if r == ReplicateImmediately {
		return "immediate"
	}
	return "heartbeat"
}

// ParseReplicate reads the names String prints.
func ParseReplicate(s string) (Replicate, bool) {
	switch s {
	case "heartbeat":
		return ReplicateOnHeartbeat, true
	case "immediate":
		return ReplicateImmediately, true
	}
	return ReplicateOnHeartbeat, false
}

// Options are the exercise's choices where the paper leaves room.
type Options struct {
	// NoopOnElection: a new leader appends a command-less entry of its
	// term, so that earlier entries can commit without a client (§8).
	NoopOnElection bool
	// MaxEntries caps the entries in one AppendEntries; 0 means no cap.
	// 1 gives the one-entry paper slips of a classroom role-play.
	MaxEntries int
	Replicate  Replicate

	// SnapshotAfter is the automatic snapshot policy (§7): a server
	// snapshots at lastApplied once its log holds this many applied
	// entries beyond its snapshot; 0 means only the script's snapshot
	// steps compact a log.
	SnapshotAfter int

	// Sessions: client commands may name their client and serial number,
	// and state machines keep a session per client so that a retried
	// command is executed once (§8).
	Sessions bool

	// Reads: how a leader serves read-only requests (§8): ReadIndex, or
	// a lease on the clock.
	Reads Reads

	// VoteGuard: a server that believes a current leader exists
	// disregards RequestVote (§6, against removed servers' disruption).
	VoteGuard bool

	// PreVote: a server whose election timer fires first asks whether a
	// majority would vote for it, and stands only if so (the
	// dissertation's §9.6).
	PreVote bool

	// CheckQuorum: a leader that has not heard from a majority within an
	// election timeout steps down (the dissertation's §9.6).
	CheckQuorum bool

	// Backup: how a leader backs up nextIndex after a rejection: by one
	// (Figure 2), or by the follower's conflict hints (§5.3).
	Backup Backup

	// Mutate breaks the named rules on purpose (mutate.go); empty for Raft.
	Mutate Mutations
}

// Beyond lists the options beyond Figure 2 that o turns on (log
// compaction, client sessions and reads, the vote guard, PreVote,
// CheckQuorum, the fast backup), by their exercise keys; nil when none.
func (o Options) Beyond() []string {
	var out []string
	add := func(on bool, key string) {
		if on {
			out = append(out, key)
		}
	}
	add(o.SnapshotAfter > 0, "snapshot_after")
	add(o.Sessions, "sessions")
	add(o.Reads != ReadsOff, "reads")
	add(o.VoteGuard, "ignore_disruptive_votes")
	add(o.PreVote, "prevote")
	add(o.CheckQuorum, "check_quorum")
	add(o.Backup != BackupDecrement, "backup")
	return out
}

// BeyondFigure2 lists what a script uses beyond Figure 2: the options
// (Options.Beyond), membership changes, snapshot, read and config steps.
func (s *Script) BeyondFigure2() []string {
	out := s.Config.Options.Beyond()
	if s.Config.Members != nil {
		out = append(out, "members")
	}
	for _, st := range s.Steps {
		switch st.Kind {
		case StepSnapshot, StepRead, StepConfig:
			if k := st.Kind.String(); !slices.Contains(out, k) {
				out = append(out, k)
			}
		case StepClient:
			if st.Session != "" && !slices.Contains(out, "session") {
				out = append(out, "session")
			}
		}
	}
	return out
}

// Config is what every server knows about its cluster.
type Config struct {
	Servers      []string // names, in the order every listing uses
	StateMachine StateMachineKind
	Options      Options
	// Members is the initial configuration (§6) when the exercise changes
	// membership: servers of Servers not in it join later. nil when the
	// membership never changes: every server is a member, always.
	Members []string
}

// Majority is the number of servers that form a quorum (§5.2).
func (c *Config) Majority() int { return len(c.Servers)/2 + 1 }
