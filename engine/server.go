package engine

import "slices"

// Server is one Raft server: the state of Figure 2 and the rules that change
// it. It is a pure state machine in the manner of etcd raft: a handler never
// touches the network; it queues the messages it sends in outbox and the
// reason for each change in reasons, and the Cluster collects both.
//
// Every handler explains each change right after making it: the reason's
// changes are what differs from the state at the reason before (marked).
type Server struct {
	ID  string
	cfg *Config
	Up  bool

	Role Role

	// Persistent state on all servers (Figure 2): survives a crash.
	CurrentTerm int
	VotedFor    string   // "" when none
	Log         Log      // the entries after the snapshot: Log[0] is at index Snap.LastIncludedIndex+1
	Snap        Snapshot // §7: what the log's compacted prefix became; zero when none

	// Volatile state on all servers: lost in a crash.
	CommitIndex  int
	LastApplied  int
	StateMachine StateMachine

	// Volatile state on candidates: who has granted a vote this term.
	VotesGranted map[string]bool

	// Volatile state on leaders, reinitialized after election.
	NextIndex  map[string]int
	MatchIndex map[string]int

	// Timer signals for a timed cluster (Figure 2): the election timer
	// restarts, or the leader has just sent a heartbeat.
	timerReset, heartbeatSent bool

	// What it knows of a current leader (lease.go): whether it heard from
	// one since its election timer last fired, and when.
	leaderContact bool
	contactMs     int
	clock         *clock // the cluster's, when it runs on one

	// Read-only requests a leader holds (read.go), the last heartbeat
	// round it started for them, the round the AppendEntries being sent
	// belong to, and the sending times of the heartbeats each follower has
	// acknowledged, for a lease.
	change *pendingChange // a leader's membership change waiting for new servers to catch up (§6)

	reads     []*pendingRead
	readRound int
	roundTag  int
	leaseAcks map[string]int
	served    []ReadResult // reads answered or failed since the cluster looked

	recentActive map[string]bool // CheckQuorum: the peers a leader heard from since its last check

	outbox        []outgoing
	rewrittenFrom int // lowest log index deleted since the checker looked; 0 if none
	// compactedEntries are the entries snapshots replaced since the
	// checker looked, by index, so that it checks them all the same.
	compactedEntries map[int]compactedEntry
	reasons          []Reason
	marked           mark  // the state when the last reason was given
	handling         int   // the message being handled; 0 for any other event
	elected          []int // terms this server won since the cluster last looked
}

// outgoing is a queued message and the reason that sent it (its index in
// reasons).
type outgoing struct {
	msg   Message
	cause int
}

// NewServer is a follower in term 0 with an empty log, as in the paper.
func NewServer(id string, cfg *Config) *Server {
	return &Server{ID: id, cfg: cfg, Up: true, StateMachine: StateMachine{Kind: cfg.StateMachine}}
}

// peers are the other servers, in cluster order: with membership changes,
// the other members of its configuration, both halves of a joint one,
// and for a leader the new servers it is catching up (§6).
func (s *Server) peers() []string {
	out := make([]string, 0, len(s.cfg.Servers)-1)
	if !s.cfg.membershipChanges() {
		for _, id := range s.cfg.Servers {
			if id != s.ID {
				out = append(out, id)
			}
		}
		return out
	}
	c := s.config()
	for _, id := range s.cfg.Servers {
		if id != s.ID && (c.Contains(id) || s.change != nil && slices.Contains(s.change.catchingUp, id)) {
			out = append(out, id)
		}
	}
	return out
}

// begin starts an event: the message it handles (0 if none), and the
// state its first reason's changes are measured from.
func (s *Server) begin(message int) {
	s.handling = message
	s.marked = s.mark()
}

// explain records why the server just changed what it changed (or why it
// changed nothing) by rule, and returns the reason's number, for the
// messages it sends and the attributes it keeps.
func (s *Server) explain(rule Rule, say Sentence, args ...Arg) int {
	args = append([]Arg{text("server", s.ID)}, args...)
	s.reasons = append(s.reasons, Reason{Server: s.ID, Rule: rule, Message: s.handling,
		Changes: s.changesSince(s.marked), Sentence: say, Args: args, Text: fillPattern(sentences[say], args, English)})
	s.marked = s.mark()
	return len(s.reasons) - 1
}

// keep adds to reason why the attributes its rule sets or weighs that it
// left as they were: a timeout votes for the server again, a crash leaves
// a commitIndex of 0 at 0. Those it changed are already its changes.
func (s *Server) keep(why int, attrs ...Attr) {
	r := &s.reasons[why]
	for _, a := range attrs {
		if !r.Changed(a) {
			r.Keeps = append(r.Keeps, a)
		}
	}
}

// persistent and volatile are the state Figure 2 keeps on stable storage,
// and the rest.
func (s *Server) persistent() []Attr {
	out := []Attr{whole(AttrCurrentTerm), whole(AttrVotedFor)}
	if len(s.Log) > 0 {
		out = append(out, logAttr(s.base()+1, s.lastIndex()))
	}
	if s.base() > 0 {
		out = append(out, whole(AttrSnapshot))
	}
	return out
}

func volatile() []Attr {
	return []Attr{whole(AttrRole), whole(AttrVotes), whole(AttrCommitIndex), whole(AttrLastApplied), whole(AttrStateMachine),
		whole(AttrNextIndex), whole(AttrMatchIndex)}
}

// send queues m, sent because of reason why. Every message carries the
// sender's currentTerm, but a PreVote the term it proposes and a granted
// pre-vote the term it is granted for.
func (s *Server) send(why int, m Message) {
	m.From = s.ID
	if m.Term == 0 || m.Type != PreVote && m.Type != PreVoteReply {
		m.Term = s.CurrentTerm
	}
	s.outbox = append(s.outbox, outgoing{m, why})
}

// Step handles one delivered message: the receiver's side of Figure 2.
func (s *Server) Step(m Message) {
	s.begin(m.ID)
	if s.disregardVote(m) {
		return
	}
	s.adoptNewerTerm(m) // then the message is handled in the new term
	switch m.Type {
	case RequestVote:
		s.handleRequestVote(m)
	case RequestVoteReply:
		s.handleRequestVoteReply(m)
	case PreVote:
		s.handlePreVote(m)
	case PreVoteReply:
		s.handlePreVoteReply(m)
	case AppendEntries:
		s.handleAppendEntries(m)
	case AppendEntriesReply:
		s.handleAppendEntriesReply(m)
	case InstallSnapshot:
		s.handleInstallSnapshot(m)
	case InstallSnapshotReply:
		s.handleInstallSnapshotReply(m)
	}
}

// adoptNewerTerm is the rule for all servers (§5.1): a request or reply
// with a term above currentTerm makes the receiver adopt that term and
// become a follower, with no vote cast yet in the new term.
func (s *Server) adoptNewerTerm(m Message) {
	if m.Term <= s.CurrentTerm || m.Type == PreVote || m.Type == PreVoteReply && m.VoteGranted {
		return // a pre-vote's term is only proposed
	}
	was := s.Role
	s.CurrentTerm, s.VotedFor = m.Term, ""
	s.becomeFollower()
	if m.Type != AppendEntries && m.Type != InstallSnapshot {
		s.leaderContact = false // it knows no leader of the new term yet
	}
	args := []Arg{number("term", m.Term), text("from", m.From), text("type", m.Type.String())}
	if was == Follower {
		// "convert to follower" and a fresh vote hold even when they were so.
		s.keep(s.explain(RuleNewerTerm, SayAdoptTerm, args...), whole(AttrRole), whole(AttrVotedFor))
	} else {
		s.keep(s.explain(RuleNewerTerm, SayAdoptStepDown, append(args, role("role", was))...), whole(AttrVotedFor))
		s.abandonReads()
	}
}

// becomeFollower drops the state only candidates and leaders keep.
func (s *Server) becomeFollower() {
	s.Role = Follower
	s.VotesGranted = nil
	s.NextIndex, s.MatchIndex = nil, nil
	s.leaseAcks = nil
	s.change = nil
	s.recentActive = nil
}

// Crash stops the server. currentTerm, votedFor and the log are on stable
// storage and survive; everything volatile is lost (Figure 2).
func (s *Server) Crash() {
	s.begin(0)
	s.Up = false
	s.becomeFollower()
	s.reads, s.readRound, s.leaderContact = nil, 0, false
	s.CommitIndex, s.LastApplied = 0, 0
	s.StateMachine.Reset()
	var why int
	if s.base() > 0 {
		why = s.explain(RuleCrash, SayCrashSnapshot, number("term", s.CurrentTerm), server("votedFor", s.VotedFor),
			number("index", s.base()), number("log", len(s.Log)))
	} else {
		why = s.explain(RuleCrash, SayCrash, number("term", s.CurrentTerm), server("votedFor", s.VotedFor), number("log", len(s.Log)))
	}
	s.keep(why, append(s.persistent(), volatile()...)...)
}

// Restart brings a crashed server back as a follower with what it kept.
func (s *Server) Restart() {
	s.begin(0)
	s.Up = true
	var why int
	if s.base() > 0 {
		s.restoreSnapshot()
		why = s.explain(RuleRestart, SayRestartSnapshot, number("term", s.CurrentTerm), number("index", s.base()),
			state("state", s.StateMachine.String()), number("log", len(s.Log)))
	} else {
		why = s.explain(RuleRestart, SayRestart, number("term", s.CurrentTerm), number("log", len(s.Log)))
	}
	s.keep(why, append(s.persistent(), volatile()...)...)
	s.forgetOnRestart() // Mutation hook (mutate.go): off unless options.mutate names it
}

// drain hands the queued messages, reasons and election wins to the caller.
func (s *Server) drain() (out []outgoing, reasons []Reason, elected []int) {
	out, reasons, elected = s.outbox, s.reasons, s.elected
	s.outbox, s.reasons, s.elected = nil, nil, nil
	return
}

// drainReads hands the caller the reads answered or failed.
func (s *Server) drainReads() []ReadResult {
	out := s.served
	s.served = nil
	return out
}
