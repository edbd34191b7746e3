package explore

import (
	"fmt"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// Committed answers, for one entry of one server's log, whether it is
// committed: held by every leader of every later term in every possible
// future, so that it is safe to apply.
type Committed struct {
	Server    string  `json:"server"`
	Index     int     `json:"index"`
	Term      int     `json:"term"`
	Value     string  `json:"value"`
	Committed *bool   `json:"committed"`
	Because   string  `json:"because"`
	Rule      *Rule   `json:"rule,omitempty"`
	Witness   Witness `json:"witness,omitempty"` // a future whose leader lacks it
	Leader    string  `json:"leader,omitempty"`  // that leader
}

// defaultCommittedBounds bound the search for a future that loses an
// entry, when no server can be elected without it right away.
var defaultCommittedBounds = Bounds{Depth: 8, MaxStates: 20_000, Clients: 1, Crashes: 1}

// committed decides every entry of every log (docs/EXPLORE.md,
// "committed"). An entry (index i, term t) is one entry wherever it
// appears (Log Matching, §5.3), so each is decided once:
//
//  1. Committed, if a server holding it has commitIndex ≥ i: commitIndex
//     only ever covers committed entries (Figure 2), and Leader
//     Completeness puts them in every later leader's log (§5.4.3).
//  2. Committed, if it or a later entry j of a log holding it meets the
//     Figure 8 condition (figure8Holds): then every later leader holds
//     entry j and, by Log Matching, entry i.
//  3. Not committed, if a server lacking it can win an election now in a
//     term after t (whoCanWin's exact test), with the schedule as witness.
//  4. Not committed, if a bounded search finds a future whose leader, of a
//     term after t, lacks it; the shortest such schedule is the witness.
//  5. Otherwise unknown (null), with the bounds searched.
//
// 1 and 2 are proofs and 3 and 4 are replayed counterexamples, so no
// answer is a guess.
func committed(ex *exercise.Exercise, after int, c *engine.Cluster, b Bounds, fromLogs bool) ([]Committed, error) {
	type it struct{ index, term int }
	decided := map[it]Committed{}
	var out []Committed
	for _, s := range c.Servers() {
		for i := 1; i <= s.Log.LastIndex(); i++ {
			e := s.Log.At(i)
			k := it{i, e.Term}
			a, ok := decided[k]
			if !ok {
				var err error
				if a, err = decideEntry(ex, after, c, i, e, b, fromLogs); err != nil {
					return nil, err
				}
				decided[k] = a
			}
			a.Server, a.Index, a.Term, a.Value = s.ID, i, e.Term, e.Value
			out = append(out, a)
		}
	}
	return out, nil
}

// decideEntry decides one entry by the steps above; fromLogs tries step 2
// before step 1 (Question.ArgueFromLogs).
func decideEntry(ex *exercise.Exercise, after int, c *engine.Cluster, i int, e engine.Entry, b Bounds, fromLogs bool) (Committed, error) {
	var a Committed
	byCommitIndex := func() bool {
		s := knownCommitted(c, i, e.Term)
		if s == nil {
			return false
		}
		a.Committed = boolPtr(true)
		a.Rule = ruleCommitIndex.with(fmt.Sprintf("%s holds entry %d (term %d) and its commitIndex is %d ≥ %d: commitIndex covers only committed entries (Figure 2), and every later leader holds them (Leader Completeness, §5.4.3)",
			s.ID, i, e.Term, s.CommitIndex, i))
		a.Because = a.Rule.Text
		return true
	}
	if !fromLogs && byCommitIndex() {
		return a, nil
	}
	if why, rule, ok := figure8Proof(c, i, e.Term); ok {
		a.Committed, a.Rule = boolPtr(true), rule.with(why)
		a.Because = why
		return a, nil
	}
	if fromLogs && byCommitIndex() {
		return a, nil
	}
	lacks := func(s *engine.Server) bool { return !holds(s, i, e.Term) }
	leader := currentLeader(c)
	for _, y := range leaderFirst(c.Servers(), leader) {
		if !lacks(y) {
			continue
		}
		voters := willingVoters(c, y)
		if len(voters) < majority(c) {
			continue
		}
		voters = voters[:majority(c)]
		w, end, err := electionWitness(c, y.ID, voters, e.Term+1)
		if err != nil {
			continue
		}
		term := end.Server(y.ID).CurrentTerm
		if err := mustShow(ex, after, w, fmt.Sprintf("%s leads without entry %d", y.ID, i), func(c *engine.Cluster, _ *engine.Trace) bool {
			s := c.Server(y.ID)
			return s.Role == engine.Leader && s.CurrentTerm > e.Term && lacks(s)
		}); err != nil {
			return a, err
		}
		a.Committed, a.Witness, a.Leader = boolPtr(false), w, y.ID
		a.Because = fmt.Sprintf("%s lacks entry %d (term %d) and can still be elected, in term %d, with the votes of %s (§5.4.1): as leader it would overwrite the entry on every follower",
			y.ID, i, e.Term, term, joinAnd(voters))
		if y == leader && y.CurrentTerm > e.Term {
			a.Because = fmt.Sprintf("%s, leader of term %d, lacks entry %d (term %d) already: it overwrites the entry on every follower it brings into line with its log (§5.3); it can also be elected again, in term %d, with the votes of %s (§5.4.1)",
				y.ID, y.CurrentTerm, i, e.Term, term, joinAnd(voters))
		}
		return a, nil
	}
	return searchLeaderLacking(ex, after, c, i, e, b)
}

// currentLeader is the leader of the latest term any server has reached,
// or nil: a leader of an earlier term is stale, and the servers of the
// later term refuse what it sends (§5.1).
func currentLeader(c *engine.Cluster) *engine.Server {
	var leader *engine.Server
	latest := 0
	for _, s := range c.Servers() {
		latest = max(latest, s.CurrentTerm)
	}
	for _, s := range c.Servers() {
		if s.Role == engine.Leader && s.CurrentTerm == latest {
			leader = s
		}
	}
	return leader
}

// leaderFirst is the servers with the current leader, if any, first: the
// one whose lack of an entry matters now.
func leaderFirst(servers []*engine.Server, leader *engine.Server) []*engine.Server {
	if leader == nil {
		return servers
	}
	out := []*engine.Server{leader}
	for _, s := range servers {
		if s != leader {
			out = append(out, s)
		}
	}
	return out
}

// searchLeaderLacking is step 4: the shortest future, within b, in which a
// leader of a term after the entry's lacks it.
func searchLeaderLacking(ex *exercise.Exercise, after int, c *engine.Cluster, i int, e engine.Entry, b Bounds) (Committed, error) {
	var a Committed
	g := &condition{text: fmt.Sprintf("leader-lacks %d term %d", i, e.Term), clauses: []clause{{kind: "leader-lacks", n: i, term: e.Term}}}
	r := newSearch(c, b, g).run(c, nil)
	if r.Violation != nil {
		return a, fmt.Errorf("explore: a safety property broke while deciding entry %d: %v (schedule: %s)", i, r.Violation, r.Witness.Words())
	}
	if !r.Found {
		a.Because = fmt.Sprintf("not established: it is not on a majority in a way that proves it committed (commitIndex or the Figure 8 condition), no server lacking it can be elected with the logs as they are, and no future within %s (%d distinct states) brings a leader without it", b, r.States)
		return a, nil
	}
	var leader string
	if err := mustShow(ex, after, r.Witness, "a leader lacks entry "+fmt.Sprint(i), func(c *engine.Cluster, _ *engine.Trace) bool {
		for _, s := range c.Servers() {
			if s.Role == engine.Leader && s.CurrentTerm > e.Term && !holds(s, i, e.Term) {
				leader = s.ID
				return true
			}
		}
		return false
	}); err != nil {
		return a, err
	}
	a.Committed, a.Witness, a.Leader = boolPtr(false), r.Witness, leader
	a.Because = fmt.Sprintf("in the shortest future that loses it (%d steps), %s becomes leader without entry %d (term %d) and would overwrite it on every follower", len(r.Witness), leader, i, e.Term)
	return a, nil
}

// knownCommitted is a server holding entry (i, term) with commitIndex ≥ i.
func knownCommitted(c *engine.Cluster, i, term int) *engine.Server {
	for _, s := range c.Servers() {
		if holds(s, i, term) && s.CommitIndex >= i {
			return s
		}
	}
	return nil
}

func holds(s *engine.Server, i, term int) bool {
	return i >= 1 && i <= s.Log.LastIndex() && s.Log.TermAt(i) == term
}

// figure8Proof looks for an entry j ≥ i, in a log holding entry (i, term),
// that meets the Figure 8 condition; then entry i is committed too.
func figure8Proof(c *engine.Cluster, i, term int) (string, Rule, bool) {
	for _, s := range c.Servers() {
		if !holds(s, i, term) {
			continue
		}
		for j := i; j <= s.Log.LastIndex(); j++ {
			if why, ok := figure8Holds(c, j, s.Log.TermAt(j)); ok {
				if j != i {
					why += fmt.Sprintf("; every log holding entry %d holds entry %d too (Log Matching, §5.3)", j, i)
				}
				return why, figure8Rule(c, s.Log.TermAt(j)), true
			}
		}
	}
	return "", Rule{}, false
}

// figure8Rule is the rule a committed entry is cited under when the logs
// prove it (j, T): the Figure 8 commit rule while no server has reached a
// term after T, for then every copy of (j, T) was sent by the leader that
// created it, and an entry of the current term on a majority is committed
// (§5.3; the leader counts it, and the entries before it with it, §5.4.2).
// Once a later term has begun, copies may come from a later leader, which
// may not commit an earlier term's entry by counting (Figure 8 (c)): the
// entry is committed by the argument of Figure 8 that no later leader can
// lack it.
func figure8Rule(c *engine.Cluster, T int) Rule {
	for _, s := range c.Servers() {
		if s.CurrentTerm > T {
			return ruleNoLeaderLacks
		}
	}
	return ruleCommitCounting
}

// figure8Holds checks a sufficient condition for entry (j, T) to be
// committed in the current state, the argument of §5.4.2 and Figure 8
// made to fit any state:
//
//	(a) a majority M of the servers hold entry (j, T);
//	(b) every log holding an entry of a term after T holds (j, T);
//	(c) every leader of a term after T holds (j, T);
//	(d) no AppendEntries in flight of term T or later carries, at an index
//	    up to j, an entry other than the one every holder has there, and
//	    any carrying entries of terms after T is anchored at or past (j, T)
//	    (prevLogTerm T at prevLogIndex ≥ j, or a later (prevLogIndex,
//	    prevLogTerm) held by a log that holds (j, T));
//	(e) every candidate of a term after T lacking (j, T) has, with the votes
//	    already cast for it, left enough of M unasked that any majority
//	    needs one of them.
//
// Proof (docs/EXPLORE.md gives it in full). Suppose a leader of some term
// U > T lacks (j, T) in some future; take the smallest such U. Its winning
// majority meets M in a server v whose vote was cast in the future, by
// (e). v still held (j, T) then: only an AppendEntries of a term ≥ T can
// change its log, by (d) and the minimality of U none sent it a different
// entry at or below j, and one that conflicts above j deletes only above
// j. v's log was not more up-to-date than the leader's (§5.4.1), so the
// leader's last term is at least v's ≥ T; if it equals T, the leader has an
// entry of term T at an index ≥ j, written by the one leader of term T
// after (j, T), so it holds (j, T); if it is later, that entry was written
// by a leader of a term in (T, U) or exists now, and by the minimality of
// U, (b), (c) and (d) its writer held (j, T) below it — by Log Matching the
// leader of U holds it either way. A contradiction.
func figure8Holds(c *engine.Cluster, j, T int) (string, bool) {
	var ref *engine.Server
	var m []string
	for _, s := range c.Servers() {
		if holds(s, j, T) {
			m = append(m, s.ID)
			if ref == nil {
				ref = s
			}
		}
	}
	if len(m) < majority(c) {
		return "", false
	}
	for _, s := range c.Servers() {
		if holds(s, j, T) {
			continue
		}
		if s.Log.LastTerm() > T {
			return "", false // (b)
		}
		if s.Role == engine.Leader && s.CurrentTerm > T {
			return "", false // (c)
		}
	}
	for _, msg := range c.InFlight() {
		if msg.Type == engine.AppendEntries && msg.Term >= T && !anchored(c, ref, msg, j, T) {
			return "", false // (d)
		}
	}
	inM := map[string]bool{}
	for _, id := range m {
		inM[id] = true
	}
	for _, y := range c.Servers() {
		if y.Role != engine.Candidate || y.CurrentTerm <= T || holds(y, j, T) {
			continue
		}
		cast := map[string]bool{}
		for id, ok := range y.VotesGranted {
			if ok {
				cast[id] = true
			}
		}
		for _, msg := range c.InFlight() {
			if msg.Type == engine.RequestVoteReply && msg.To == y.ID && msg.VoteGranted && msg.Term == y.CurrentTerm {
				cast[msg.From] = true
			}
		}
		left := 0
		for _, id := range m {
			if !cast[id] {
				left++
			}
		}
		if left < len(c.Servers())-majority(c)+1 {
			return "", false // (e)
		}
	}
	return fmt.Sprintf("entry %d (term %d) is stored on %s, a majority, and no future can bring a leader of a later term that lacks it: no log has an entry of a later term without it, no leader or candidate of a later term lacks it with votes enough, and no AppendEntries in flight can remove it; so every later leader holds it (Figure 8's argument, §5.4.2, made for these logs; why these conditions suffice: raftsheet's docs/EXPLORE.md)",
		j, T, joinAnd(m)), true
}

// anchored is condition (d) for one AppendEntries msg: ref holds (j, T).
func anchored(c *engine.Cluster, ref *engine.Server, msg engine.Message, j, T int) bool {
	later := false
	for k, e := range msg.Entries {
		idx := msg.PrevLogIndex + 1 + k
		if idx <= j && ref.Log.At(idx) != e {
			return false
		}
		if e.Term > T {
			later = true
		}
	}
	if !later || msg.PrevLogIndex < j {
		return true // an entry after T then sits past index j, behind (j, T)
	}
	if msg.PrevLogTerm == T {
		return true
	}
	if msg.PrevLogTerm < T {
		return false
	}
	for _, s := range c.Servers() {
		if holds(s, msg.PrevLogIndex, msg.PrevLogTerm) && holds(s, j, T) {
			return true
		}
	}
	return false
}
