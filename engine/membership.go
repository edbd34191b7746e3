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
	New []string `json:"new"`           // the members; C_new of a joint configuration
	Old []string `json:"old,omitempty"` // C_old of a joint configuration; nil otherwise
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

func sameMembers(a, b []string) bool {
	return len(a) == len(b) && !slices.ContainsFunc(a, func(id string) bool { return !slices.Contains(b, id) })
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

// Change is a client's request to change the cluster's membership: one
// server added or removed (the dissertation's §4.1), or, by joint
// consensus, a new configuration C_new reached through C_old,new (§6).
type Change struct {
	Add, Remove string
	Joint       []string // C_new
	From        []string // with Joint: C_old as the script wrote it, nil if it did not
}

// String is the change in the trace's short notation: "add S6", "remove
// S2", "joint {S2, S3, S4}".
func (ch Change) String() string {
	switch {
	case ch.Add != "":
		return "add " + ch.Add
	case ch.Remove != "":
		return "remove " + ch.Remove
	}
	return "joint " + Membership{New: ch.Joint}.Words()
}

// Words is the change in plain words.
func (ch Change) Words() string {
	switch {
	case ch.Add != "":
		return "add " + ch.Add + " to the cluster"
	case ch.Remove != "":
		return "remove " + ch.Remove + " from the cluster"
	}
	return "change the configuration to " + Membership{New: ch.Joint}.Words() + " by joint consensus"
}

// target is the configuration the change leads to from c: C_new, or for
// joint consensus C_old,new first.
func (ch Change) target(c Membership, order []string) Membership {
	inOrder := func(keep func(string) bool) []string {
		out := []string{}
		for _, id := range order {
			if keep(id) {
				out = append(out, id)
			}
		}
		return out
	}
	switch {
	case ch.Add != "":
		return Membership{New: inOrder(func(id string) bool { return c.Contains(id) || id == ch.Add })}
	case ch.Remove != "":
		return Membership{New: inOrder(func(id string) bool { return c.Contains(id) && id != ch.Remove })}
	}
	return Membership{Old: c.New, New: inOrder(func(id string) bool { return slices.Contains(ch.Joint, id) })}
}

// pendingChange is a change a leader has accepted and not yet put in its
// log: it waits for the new servers to catch up (§6: they join as
// non-voting members first, so that they do not hold up commitment).
type pendingChange struct {
	target     Membership
	catchingUp []string
}

// ChangeConfig is a membership change sent to this leader. One change at
// a time: a leader whose latest configuration is not yet committed, or
// that is still catching up new servers, refuses another; for a
// single-server change it must also have committed an entry of its term
// (the correction to the dissertation's §4.1). It reports whether it
// refused.
func (s *Server) ChangeConfig(ch Change) (refused bool) {
	s.begin(0)
	cur := s.config()
	switch {
	case s.change != nil || s.configIndex() > s.CommitIndex:
		s.explain(RuleOneChange, SayChangeInProgress, text("config", cur.Words()))
		return true
	case ch.Joint == nil && !s.committedInTerm():
		s.explain(RuleOneChange, SayChangeNeedsCommit, number("term", s.CurrentTerm))
		return true
	}
	target := ch.target(cur, s.cfg.Servers)
	var fresh []string
	for _, id := range target.Members() {
		if !cur.Contains(id) && id != s.ID {
			fresh = append(fresh, id)
		}
	}
	if len(fresh) == 0 {
		s.appendConfig(target)
		return false
	}
	s.change = &pendingChange{target: target, catchingUp: fresh}
	for _, id := range fresh {
		s.NextIndex[id], s.MatchIndex[id] = s.lastIndex()+1, 0
	}
	say := SayCatchUpStart
	if len(fresh) == 1 {
		say = SayCatchUpStartOne
	}
	why := s.explain(RuleCatchUp, say, text("servers", strings.Join(fresh, ", ")), text("config", target.Words()))
	for _, id := range fresh {
		s.sendAppendEntries(why, id)
	}
	return false
}

// checkCaughtUp: once every new server holds the leader's whole log, the
// leader puts the pending configuration in its log.
func (s *Server) checkCaughtUp() {
	if s.change == nil {
		return
	}
	for _, id := range s.change.catchingUp {
		if s.MatchIndex[id] < s.lastIndex() {
			return
		}
	}
	ch := s.change
	s.change = nil
	say := SayCaughtUp
	if len(ch.catchingUp) == 1 {
		say = SayCaughtUpOne
	}
	s.explain(RuleCatchUp, say, text("servers", strings.Join(ch.catchingUp, ", ")), number("index", s.lastIndex()))
	s.appendConfig(ch.target)
}

// appendConfig appends a configuration entry; the leader uses the new
// configuration at once, committed or not (§6), and replicates to its
// members.
func (s *Server) appendConfig(c Membership) {
	s.appendToLog(Entry{Term: s.CurrentTerm, Config: c.String()})
	say := SayConfigAppend
	if c.Joint() {
		say = SayJointAppend
	}
	s.fitLeaderState()
	why := s.explain(RuleConfigEntry, say, text("config", c.Words()), number("index", s.lastIndex()))
	if s.cfg.Options.Replicate == ReplicateImmediately {
		for _, p := range s.peers() {
			s.sendAppendEntries(why, p)
		}
	}
	s.advanceCommitIndex("", 0)
}

// fitLeaderState gives the leader nextIndex and matchIndex for exactly
// its peers: a new member starts, like a peer of a new leader, just past
// the log; a server no longer in the configuration is dropped.
func (s *Server) fitLeaderState() {
	peers := s.peers()
	for _, p := range peers {
		if !hasKey(s.NextIndex, p) {
			s.NextIndex[p], s.MatchIndex[p] = s.lastIndex()+1, 0
		}
	}
	for p := range s.NextIndex {
		if !slices.Contains(peers, p) {
			delete(s.NextIndex, p)
			delete(s.MatchIndex, p)
		}
	}
}

// configIndex is the index of the latest configuration entry in the log
// (or the snapshot's lastIncludedIndex, when it holds the latest), 0 when
// there is none.
func (s *Server) configIndex() int {
	if !s.cfg.membershipChanges() {
		return 0
	}
	for j := s.lastIndex(); j > s.base(); j-- {
		if s.entryAt(j).Config != "" {
			return j
		}
	}
	return s.base()
}

// afterConfigCommit: once C_old,new is committed the leader appends C_new
// (§6); once a configuration without the leader is committed, the leader
// steps down (§6: it managed the cluster without counting itself).
func (s *Server) afterConfigCommit() {
	if s.Role != Leader || !s.cfg.membershipChanges() || s.configIndex() > s.CommitIndex || s.configIndex() == 0 {
		return
	}
	c := s.config()
	switch {
	case c.Joint():
		s.explain(RuleConfigEntry, SayJointCommitted, text("config", c.Words()), number("index", s.configIndex()))
		s.appendConfig(Membership{New: c.New})
	case !c.Contains(s.ID):
		s.becomeFollower()
		s.explain(RuleLeaderRemoved, SayLeaderRemoved, text("config", c.Words()), number("index", s.configIndex()))
		s.abandonReads()
	}
}

// majorityWords says which majority holds something: "S1, S2" for a fixed
// cluster; "S1, S2 of {S1, S2, S3}", and both halves for C_old,new.
func (s *Server) majorityWords(has func(string) bool) string {
	if !s.cfg.membershipChanges() {
		var out []string
		for _, id := range s.cfg.Servers {
			if has(id) {
				out = append(out, id)
			}
		}
		return strings.Join(out, ", ")
	}
	c := s.config()
	half := func(ids []string) string {
		var in []string
		for _, id := range ids {
			if has(id) {
				in = append(in, id)
			}
		}
		return strings.Join(in, ", ") + " of {" + strings.Join(ids, ", ") + "}"
	}
	if c.Joint() {
		return half(c.Old) + " and " + half(c.New)
	}
	return half(c.New)
}
