package explore

import (
	"fmt"
	"slices"

	"github.com/raftsheet/raftsheet/engine"
)

// phase plays term t: the losing candidates' elections, the leader's
// election, then its entries, deliveries and commits, breakpoint by
// breakpoint (construct's step 3).
func (k *constructor) phase(t int) error {
	if err := k.losers(t); err != nil {
		return err
	}
	ld := k.leader[t]
	if ld == "" {
		return k.teachTerm(t)
	}
	if err := k.elect(t, ld); err != nil {
		return err
	}
	breaks := map[int]bool{k.last[t]: true}
	for _, n := range k.needs[t] {
		breaks[n.upTo] = true
	}
	for _, c := range k.counts[t] {
		breaks[c] = true
	}
	var points []int
	for b := range breaks {
		points = append(points, b)
	}
	slices.Sort(points)
	for _, b := range points {
		if b == 0 {
			continue
		}
		if err := k.appendUpTo(ld, b); err != nil {
			return err
		}
		var due []string
		for _, n := range k.needs[t] {
			if n.upTo == b && !slices.Contains(due, n.server) {
				due = append(due, n.server)
			}
		}
		if err := k.sync(ld, due, false); err != nil {
			return err
		}
		if slices.Contains(k.counts[t], b) {
			if err := k.commit(t, ld, b); err != nil {
				return err
			}
		}
	}
	return nil
}

// teachTerm brings the servers that end in term t, which had no leader,
// with no vote, into it: a server that moves on past t (the messenger)
// times out into t, and its RequestVote reaches each of them. A learner
// whose log is more up-to-date refuses it (§5.4.1) and keeps no vote; any
// other first times out itself, into a term below t, and learns t from the
// messenger's refusal of its own RequestVote (§5.1).
func (k *constructor) teachTerm(t int) error {
	var learners []string
	for _, id := range k.ids {
		if k.want[id].Term == t && k.want[id].VotedFor == "" && k.b.c.Server(id).CurrentTerm < t {
			learners = append(learners, id)
		}
	}
	if len(learners) == 0 {
		return nil
	}
	var z string
	for _, id := range k.ids {
		s := k.b.c.Server(id)
		if k.want[id].Term > t && s.CurrentTerm < t && s.Role != engine.Leader && (z == "" || !upToDate(s, k.b.c.Server(z))) {
			z = id
		}
	}
	requests := k.b.last
	var refuse []string // learners that would grant z's vote: they learn t from its refusal instead
	switch {
	case z != "":
		if err := k.standIn(z, t); err != nil {
			return err
		}
		requests = k.b.last
		for _, id := range learners {
			if upToDate(k.b.c.Server(z), k.b.c.Server(id)) {
				refuse = append(refuse, id)
			}
		}
	default: // a candidate of t that lost, already in t, can refuse requests
		for _, id := range k.ids {
			if s := k.b.c.Server(id); s.CurrentTerm == t && s.Role != engine.Leader && z == "" {
				z = id
			}
		}
		if z == "" {
			return fmt.Errorf("%s must learn term %d, which had no leader, and no server passes through it to bring it", joinAnd(learners), t)
		}
		refuse = learners
	}
	var deny []string
	for _, id := range learners {
		if !slices.Contains(refuse, id) {
			deny = append(deny, id)
		}
	}
	if len(deny) > 0 {
		if _, err := k.b.deliverEach(deny, engine.RequestVote); err != nil {
			return err
		}
	}
	for _, id := range refuse {
		s := k.b.c.Server(id)
		if s.Role == engine.Leader || s.CurrentTerm+1 >= t {
			return fmt.Errorf("%s must learn term %d without voting in it, and neither refuses %s's vote nor can stand in an earlier term first", id, t, z)
		}
		if err := k.b.play(timeout(id)); err != nil {
			return err
		}
		if err := k.b.deliverTo(z, engine.RequestVote); err != nil {
			return err
		}
		if err := k.b.deliverTo(id, engine.RequestVoteReply); err != nil {
			return err
		}
	}
	k.b.last = requests
	return nil
}

// losers are the servers that stood in term t and did not win — that
// voted for themselves there, or that others voted for there — each times
// out into t (passing through it, if it ends in a later term) and collects
// the votes the state says it got.
func (k *constructor) losers(t int) error {
	for _, x := range k.ids {
		stood := k.want[x].Term == t && k.want[x].VotedFor == x
		for _, v := range k.ids {
			stood = stood || (k.want[v].Term == t && k.want[v].VotedFor == x)
		}
		if !stood || k.leader[t] == x {
			continue
		}
		if err := k.standIn(x, t); err != nil {
			return err
		}
		var voters []string
		for _, v := range k.ids {
			if v != x && k.want[v].Term == t && k.want[v].VotedFor == x {
				voters = append(voters, v)
			}
		}
		if len(voters) > 0 {
			if _, err := k.b.deliverEach(voters, engine.RequestVote); err != nil {
				return err
			}
		}
	}
	return nil
}

// standIn makes x a candidate of term t: it must be a follower or
// candidate before t (a leader of an earlier term crashes and restarts
// first, which keeps its term, vote and log).
func (k *constructor) standIn(x string, t int) error {
	s := k.b.c.Server(x)
	if s.Role == engine.Leader {
		if err := k.bounce(x); err != nil {
			return err
		}
	}
	if s.CurrentTerm >= t {
		return fmt.Errorf("%s must stand in term %d but is already in term %d", x, t, s.CurrentTerm)
	}
	for s.CurrentTerm < t {
		if err := k.b.play(timeout(x)); err != nil {
			return err
		}
	}
	return nil
}

func (k *constructor) bounce(id string) error {
	if err := k.b.play(crash(id)); err != nil {
		return err
	}
	return k.b.play(restart(id))
}

// elect makes ld leader of term t with the votes of the servers that voted
// for it there, and of servers that move on to later terms as needed; the
// servers that only learned term t hear it from the new leader.
func (k *constructor) elect(t int, ld string) error {
	s := k.b.c.Server(ld)
	if w := k.want[ld]; w.Term == t && s.CommitIndex > w.Commit {
		if err := k.bounce(ld); err != nil { // forget a commit it must not know
			return err
		}
	}
	if !slices.Equal(s.Log, k.built(k.prefixBefore(ld, t))) {
		return fmt.Errorf("%s, leader of term %d, would need its log to be %s at its election, not %s", ld, t, termsOf(k.prefixBefore(ld, t)), termsOf(s.Log))
	}
	voters := []string{}
	for _, v := range k.ids {
		if v != ld && k.want[v].Term == t && k.want[v].VotedFor == ld {
			voters = append(voters, v)
		}
	}
	for _, v := range voters {
		if !upToDate(s, k.b.c.Server(v)) {
			return fmt.Errorf("%s voted for %s in term %d, but its log (%s) would then be more up-to-date than %s's (%s)", v, ld, t, lastOf(k.b.c.Server(v).Log), ld, lastOf(s.Log))
		}
	}
	need := len(k.ids) / 2
	for _, v := range k.ids {
		if len(voters) >= need {
			break
		}
		vs := k.b.c.Server(v)
		if v == ld || slices.Contains(voters, v) || k.want[v].Term <= t || vs.CurrentTerm >= t || !upToDate(s, vs) {
			continue
		}
		voters = append(voters, v)
	}
	if len(voters) < need {
		return fmt.Errorf("%s cannot gather a majority for term %d: too few servers with logs no more up-to-date than its own (%s) can vote in it", ld, t, lastOf(s.Log))
	}
	if err := k.standIn(ld, t); err != nil {
		return err
	}
	sent, err := k.b.deliverEach(voters, engine.RequestVote)
	if err != nil {
		return err
	}
	var replies []int
	for _, m := range sent {
		if m.Type == engine.RequestVoteReply && m.To == ld {
			replies = append(replies, m.ID)
		}
	}
	if err := k.b.play(deliver(replies...)); err != nil {
		return err
	}
	if s.Role != engine.Leader {
		return fmt.Errorf("%s did not win term %d", ld, t)
	}
	hello := k.b.last // its first AppendEntries
	for _, v := range k.ids {
		if v == ld || k.want[v].Term != t || k.want[v].VotedFor != "" || k.b.c.Server(v).CurrentTerm == t || k.hasNeed(t, v, 0) {
			continue
		}
		k.b.last = hello
		if err := k.b.deliverTo(v, engine.AppendEntries); err != nil {
			return err
		}
	}
	return nil
}

// built is a wanted log with stand-in values where it has none.
func (k *constructor) built(l engine.Log) engine.Log {
	out := l.Clone()
	for i := range out {
		if out[i].Value == "" && !k.cfg.Options.NoopOnElection {
			out[i].Value = k.standInValue(i+1, out[i].Term)
		}
	}
	return out
}

func (k *constructor) standInValue(index, term int) string {
	v := fmt.Sprintf("t%di%d", term, index)
	if k.cfg.StateMachine == engine.KV {
		v = "e=" + v
	}
	k.noValue[v] = true
	return v
}

// appendUpTo has leader ld take client requests until its log is b long.
func (k *constructor) appendUpTo(ld string, b int) error {
	s := k.b.c.Server(ld)
	want := k.want[ld].Log
	for s.Log.LastIndex() < b {
		i := s.Log.LastIndex() + 1
		if i > len(want) {
			return fmt.Errorf("%s's log would need an entry at index %d", ld, i)
		}
		v := want[i-1].Value
		if v == "" {
			v = k.standInValue(i, want[i-1].Term)
		}
		if err := k.b.play(client(ld, v)); err != nil {
			return err
		}
	}
	return nil
}

// sync brings each of ids up to ld's log, which is as long as they must
// hold now: one heartbeat, its AppendEntries to them delivered together,
// then, while some reject, the rejections back to ld, which backs each
// nextIndex up and retries at once (§5.3), and the retries delivered
// together. With ack, the successes are delivered too, so that ld counts
// them; they are also delivered when max_entries leaves more to send.
func (k *constructor) sync(ld string, ids []string, ack bool) error {
	if len(ids) == 0 {
		return nil
	}
	if err := k.b.play(heartbeat(ld)); err != nil {
		return err
	}
	pending := slices.Clone(ids)
	for round := 0; len(pending) > 0; round++ {
		if round > 400 {
			return fmt.Errorf("the logs of %s did not catch up with %s's", joinAnd(pending), ld)
		}
		sent, err := k.b.deliverEach(pending, engine.AppendEntries)
		if err != nil {
			return err
		}
		var back []int
		var more []string
		for _, m := range sent {
			if m.Type != engine.AppendEntriesReply || m.To != ld {
				continue
			}
			switch last := k.b.c.Server(ld).Log.LastIndex(); {
			case !m.Success:
				back = append(back, m.ID)
				more = append(more, m.From)
			case m.MatchIndex < last:
				back = append(back, m.ID) // max_entries: the success moves nextIndex on
				more = append(more, m.From)
			case ack:
				back = append(back, m.ID)
			}
		}
		if len(back) > 0 {
			if err := k.b.play(deliver(back...)); err != nil {
				return err
			}
		}
		pending = more
	}
	return nil
}

// commit has ld count acknowledgements of index c, then tells the servers
// that must learn it.
func (k *constructor) commit(t int, ld string, c int) error {
	s := k.b.c.Server(ld)
	var holders []string
	for _, id := range k.ids {
		if id != ld && (logHolds(k.b.c.Server(id).Log, c, t) || k.hasNeed(t, id, c)) && len(holders)+1 < len(k.ids)/2+1 {
			holders = append(holders, id)
		}
	}
	if err := k.sync(ld, holders, true); err != nil {
		return err
	}
	if s.CommitIndex < c {
		return fmt.Errorf("%s could not commit index %d", ld, c)
	}
	return k.sync(ld, k.tell[t][c], false)
}

// finish leaves every server in its wanted role and commitIndex where a
// crash can do it, and drops whatever is still in flight.
func (k *constructor) finish() error {
	for _, id := range k.ids {
		s, w := k.b.c.Server(id), k.want[id]
		stepDown := s.Role != w.Role && w.Role == engine.Follower
		if stepDown || (s.CommitIndex > w.Commit && w.Commit == 0 && w.Role == engine.Follower) {
			if stepDown && w.Commit > 0 {
				return fmt.Errorf("%s is the %s of term %d here and must end a follower of term %d with commitIndex %d: only a crash makes it a follower without a later term (§5.1), the crash resets commitIndex to 0 (Figure 2), and only a leader of term %d could raise it again", id, s.Role, s.CurrentTerm, w.Term, w.Commit, w.Term)
			}
			if err := k.bounce(id); err != nil {
				return err
			}
		}
	}
	if len(k.b.c.InFlight()) > 0 {
		if err := k.b.play(Event{Kind: engine.StepDrop, Selection: engine.Selection{{All: true}}}); err != nil {
			return err
		}
	}
	return k.compare()
}

// compare checks the cluster against the wanted state.
func (k *constructor) compare() error {
	for _, id := range k.ids {
		s, w := k.b.c.Server(id), k.want[id]
		switch {
		case s.CurrentTerm != w.Term:
			return fmt.Errorf("%s ends in term %d, not %d", id, s.CurrentTerm, w.Term)
		case s.VotedFor != w.VotedFor:
			return fmt.Errorf("%s ends having voted for %q, not %q", id, s.VotedFor, w.VotedFor)
		case s.Role != w.Role:
			return fmt.Errorf("%s ends a %s, not a %s", id, s.Role, w.Role)
		case s.CommitIndex != w.Commit:
			return fmt.Errorf("%s ends with commitIndex %d, not %d", id, s.CommitIndex, w.Commit)
		case !k.sameLog(s.Log, w.Log):
			return fmt.Errorf("%s ends with log %s, not %s", id, termsOf(s.Log), termsOf(w.Log))
		}
	}
	return nil
}

// sameLog: terms equal, values equal where the wanted log gives one.
func (k *constructor) sameLog(got, want engine.Log) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i].Term != want[i].Term || (want[i].Value != "" && got[i].Value != want[i].Value) ||
			(want[i].Value == "" && got[i].Value != "" && !k.noValue[got[i].Value]) {
			return false
		}
	}
	return true
}

func termsOf(l engine.Log) string {
	if len(l) == 0 {
		return "[]"
	}
	out := "["
	for i, e := range l {
		if i > 0 {
			out += " "
		}
		out += fmt.Sprint(e.Term)
	}
	return out + "]"
}
