package engine

// MessageType names the messages: the two RPCs of Figure 2 and their
// replies, and those of the options beyond it.
type MessageType int

const (
	RequestVote MessageType = iota
	RequestVoteReply
	AppendEntries
	AppendEntriesReply
	InstallSnapshot // §7, Figure 13
	InstallSnapshotReply
	PreVote // the dissertation's §9.6: RequestVote's arguments, for the next term, changing nothing
	PreVoteReply
)

var messageTypeNames = [...]string{"RequestVote", "RequestVoteReply", "AppendEntries", "AppendEntriesReply",
	"InstallSnapshot", "InstallSnapshotReply", "PreVote", "PreVoteReply"}

// MessageTypeNames are the names of the message types, in order, as
// String gives them.
func MessageTypeNames() []string { return append([]string(nil), messageTypeNames[:]...) }

func (t MessageType) String() string { return messageTypeNames[t] }

// ParseMessageType reads the names String prints.
func ParseMessageType(s string) (MessageType, bool) {
	for i, n := range messageTypeNames {
		if n == s {
			return MessageType(i), true
		}
	}
	return 0, false
}

// IsReply reports whether t answers an RPC.
func (t MessageType) IsReply() bool {
	return t == RequestVoteReply || t == AppendEntriesReply || t == InstallSnapshotReply || t == PreVoteReply
}

// ReplyType is the type of the reply to a request of type t.
func (t MessageType) ReplyType() MessageType {
	switch t {
	case RequestVote:
		return RequestVoteReply
	case InstallSnapshot:
		return InstallSnapshotReply
	case PreVote:
		return PreVoteReply
	}
	return AppendEntriesReply
}

// Message is one RPC or reply in flight, with the arguments and results of
// Figure 2. Only the fields of its Type are meaningful.
type Message struct {
	ID   int // sequence number, #1, #2, … in the order messages are sent
	Type MessageType
	From string
	To   string
	Term int // every message carries its sender's currentTerm (§5.1)

	// RequestVote arguments (§5.2).
	CandidateID  string
	LastLogIndex int
	LastLogTerm  int
	// RequestVote result.
	VoteGranted bool

	// AppendEntries arguments (§5.3).
	LeaderID     string
	PrevLogIndex int
	PrevLogTerm  int
	Entries      []Entry // entries[i] goes at index PrevLogIndex+1+i
	LeaderCommit int
	// AppendEntries results; MatchIndex (= PrevLogIndex+len(Entries) of the
	// request) tells the leader what the follower now holds, since replies
	// may arrive late, twice, or not at all.
	Success    bool
	MatchIndex int

	// InstallSnapshot arguments (Figure 13), the snapshot in one chunk;
	// its reply carries MatchIndex = LastIncludedIndex, as an
	// AppendEntries reply does.
	LastIncludedIndex int
	LastIncludedTerm  int
	Data              Snapshot

	// With the fast backup (§5.3), a rejection's hints: the term of the
	// follower's entry at prevLogIndex (0 if it has none) and the first
	// index it holds of that term (or the index past its log).
	ConflictTerm  int
	ConflictIndex int
	Hinted        bool

	// With reads on: the heartbeat round an AppendEntries confirms
	// leadership for, echoed by its reply (§8); with a lease, the reply
	// also echoes when the request was sent.
	ReadRound     int
	RequestSentMs int
	EchoesSent    bool // RequestSentMs is set

	// InReplyTo is, on a reply, the ID of the request it answers.
	InReplyTo int

	// DuplicateOf is the ID of the message this one copies (0 if none).
	DuplicateOf int

	// In a timed cluster: when it was sent and when it arrives.
	Timed     bool
	SentMs    int
	ArrivesMs int
}

// IsHeartbeat reports whether m is an AppendEntries carrying no entries.
func (m Message) IsHeartbeat() bool { return m.Type == AppendEntries && len(m.Entries) == 0 }

// MarshalText writes the type as the trace spells it.
func (t MessageType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }
