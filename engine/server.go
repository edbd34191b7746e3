package engine

import "fmt"

// Server is one Raft server: the state of Figure 2 and the rules that change
// it. It is a pure state machine in the manner of etcd raft: a handler never
// touches the network; it queues the messages it sends in outbox and the
// reason for each change in reasons, and the Cluster collects both.
type Server struct {
	ID  string
	cfg *Config
	Up  bool

	Role Role

	// Persistent state on all servers (Figure 2): survives a crash.
	CurrentTerm int
	VotedFor    string // "" when none
	Log         Log

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

	outbox        []Message
	rewrittenFrom int // lowest log index deleted since the checker looked; 0 if none
	reasons       []string
	elected       []int // terms this server won since the cluster last looked
}

// NewServer is a follower in term 0 with an empty log, as in the paper.
func NewServer(id string, cfg *Config) *Server {
	return &Server{ID: id, cfg: cfg, Up: true, StateMachine: StateMachine{Kind: cfg.StateMachine}}
}

// peers are the other servers, in cluster order.
func (s *Server) peers() []string {
	out := make([]string, 0, len(s.cfg.Servers)-1)
	for _, id := range s.cfg.Servers {
		if id != s.ID {
			out = append(out, id)
		}
	}
	return out
}

func (s *Server) explain(format string, args ...any) {
	s.reasons = append(s.reasons, fmt.Sprintf(format, args...))
}

func (s *Server) send(m Message) {
	m.From = s.ID
	m.Term = s.CurrentTerm
	s.outbox = append(s.outbox, m)
}

// Step handles one delivered message: the receiver's side of Figure 2.
func (s *Server) Step(m Message) {
	s.adoptNewerTerm(m) // then the message is handled in the new term
	switch m.Type {
	case RequestVote:
		s.handleRequestVote(m)
	case RequestVoteReply:
		s.handleRequestVoteReply(m)
	case AppendEntries:
		s.handleAppendEntries(m)
	case AppendEntriesReply:
		s.handleAppendEntriesReply(m)
	}
}

// adoptNewerTerm is the rule for all servers (§5.1): a request or reply
// with a term above currentTerm makes the receiver adopt that term and
// become a follower, with no vote cast yet in the new term.
func (s *Server) adoptNewerTerm(m Message) {
	if m.Term <= s.CurrentTerm {
		return
	}
	was := s.Role
	s.CurrentTerm, s.VotedFor = m.Term, ""
	s.becomeFollower()
	if was == Follower {
		s.explain("%s sees term %d in %s's %s: adopts term %d (§5.1)", s.ID, m.Term, m.From, m.Type, m.Term)
	} else {
		s.explain("%s sees term %d in %s's %s: adopts term %d and steps down from %s to follower (§5.1)",
			s.ID, m.Term, m.From, m.Type, m.Term, was)
	}
}

// becomeFollower drops the state only candidates and leaders keep.
func (s *Server) becomeFollower() {
	s.Role = Follower
	s.VotesGranted = nil
	s.NextIndex, s.MatchIndex = nil, nil
}

// Crash stops the server. currentTerm, votedFor and the log are on stable
// storage and survive; everything volatile is lost (Figure 2).
func (s *Server) Crash() {
	s.Up = false
	s.becomeFollower()
	s.CommitIndex, s.LastApplied = 0, 0
	s.StateMachine.Reset()
	s.explain("%s crashes: it keeps currentTerm %d, votedFor %s and its %s on disk; commitIndex, lastApplied, its state machine and any candidate or leader state are lost (Figure 2)",
		s.ID, s.CurrentTerm, noneIfEmpty(s.VotedFor), plural(len(s.Log), "log entry", "log entries"))
}

// Restart brings a crashed server back as a follower with what it kept.
func (s *Server) Restart() {
	s.Up = true
	s.explain("%s restarts as a follower in term %d with %s; commitIndex and lastApplied start again at 0 until a leader says more (Figure 2)",
		s.ID, s.CurrentTerm, plural(len(s.Log), "log entry", "log entries"))
}

// drain hands the queued messages, reasons and election wins to the caller.
func (s *Server) drain() (out []Message, reasons []string, elected []int) {
	out, reasons, elected = s.outbox, s.reasons, s.elected
	s.outbox, s.reasons, s.elected = nil, nil, nil
	return
}

func noneIfEmpty(id string) string {
	if id == "" {
		return "none"
	}
	return id
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
