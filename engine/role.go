package engine

// Role is a server's state in Figure 4: every server is a follower, a
// candidate or a leader (or, with PreVote, a pre-candidate).
type Role int

const (
	Follower Role = iota
	Candidate
	Leader
	// PreCandidate asks for pre-votes before it stands for election (the
	// dissertation's §9.6, option prevote); its term does not change.
	PreCandidate
)

func (r Role) String() string {
	switch r {
	case Candidate:
		return "candidate"
	case Leader:
		return "leader"
	case PreCandidate:
		return "pre-candidate"
	default:
		return "follower"
	}
}

// ParseRole reads the names String prints.
func ParseRole(s string) (Role, bool) {
	switch s {
	case "follower":
		return Follower, true
	case "candidate":
		return Candidate, true
	case "leader":
		return Leader, true
	case "pre-candidate":
		return PreCandidate, true
	}
	return Follower, false
}

// MarshalText writes the role as the trace spells it.
func (r Role) MarshalText() ([]byte, error) { return []byte(r.String()), nil }
