package engine

import (
	"slices"
	"strings"
)

// Membership is a cluster configuration (§6): the servers whose votes
// count for elections and commitment. During joint consensus it is
// C_old,new: Old holds C_old, New holds C_new, and every decision needs a
// majority of each.
type Membership struct {
	New []string // the members; C_new of a joint configuration
	Old []string // C_old of a joint configuration; nil otherwise
}

// Joint reports whether c is a joint configuration C_old,new.
func (c Membership) Joint() bool { return c.Old != nil }

// IsZero reports whether c names nobody: a server that joined later and
// has learned no configuration yet.
func (c Membership) IsZero() bool { return len(c.New) == 0 && len(c.Old) == 0 }

// Contains reports whether id is a member, of either half when joint.
func (c Membership) Contains(id string) bool {
	return slices.Contains(c.New, id) || slices.Contains(c.Old, id)
}

// Members are the servers of either half, C_old's first, each once.
func (c Membership) Members() []string {
	out := append([]string(nil), c.Old...)
	for _, id := range c.New {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// String is the configuration as a log entry stores it: "S1,S2,S3", or
// "S1,S2,S3/S2,S3,S4" for C_old,new.
func (c Membership) String() string {
	s := strings.Join(c.New, ",")
	if c.Joint() {
		s = strings.Join(c.Old, ",") + "/" + s
	}
	return s
}

// Words is the configuration as the sheets write it: "{S1, S2, S3}", or
// "{S1, S2, S3} + {S2, S3, S4}" for C_old,new.
func (c Membership) Words() string {
	set := func(ids []string) string { return "{" + strings.Join(ids, ", ") + "}" }
	if c.Joint() {
		return set(c.Old) + " + " + set(c.New)
	}
	return set(c.New)
}

// ParseMembership reads what String writes.
func ParseMembership(s string) Membership {
	split := func(s string) []string {
		if s == "" {
			return []string{}
		}
		return strings.Split(s, ",")
	}
	if old, nw, joint := strings.Cut(s, "/"); joint {
		return Membership{New: split(nw), Old: split(old)}
	}
	return Membership{New: split(s)}
}

// majorityOf is the number of votes a majority of ids needs (§5.2).
func majorityOf(ids []string) int { return len(ids)/2 + 1 }

// quorum reports whether the servers for which has is true form a
// majority of the configuration: of both C_old and C_new when joint
// (§6). A half with no members needs none.
func (c Membership) quorum(has func(id string) bool) bool {
	ok := func(ids []string) bool {
		if len(ids) == 0 {
			return true
		}
		n := 0
		for _, id := range ids {
			if has(id) {
				n++
			}
		}
		return n >= majorityOf(ids)
	}
	return ok(c.New) && ok(c.Old)
}

// membershipChanges reports whether the exercise changes the cluster's
// membership: only then is the configuration read from the log.
func (c *Config) membershipChanges() bool { return c.Members != nil }

// config is the configuration this server uses: the latest in its log,
// committed or not (§6), else its snapshot's, else the cluster's initial
// one (nothing, for a server that joined later).
func (s *Server) config() Membership { return s.configAt(s.lastIndex()) }

// configAt is the latest configuration as of index i (base ≤ i ≤
// lastIndex).
func (s *Server) configAt(i int) Membership {
	if !s.cfg.membershipChanges() {
		return Membership{New: s.cfg.Servers}
	}
	for j := i; j > s.base(); j-- {
		if e := s.entryAt(j); e.Config != "" {
			return ParseMembership(e.Config)
		}
	}
	if !s.Snap.Config.IsZero() || s.base() > 0 {
		return s.Snap.Config
	}
	if slices.Contains(s.cfg.Members, s.ID) {
		return Membership{New: s.cfg.Members}
	}
	return Membership{}
}
