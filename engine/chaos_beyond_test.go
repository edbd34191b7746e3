package engine

import (
	"fmt"
	"testing"
)

// The options beyond Figure 2 under random schedules: the same random
// events as Figure 2's test, and now and then one of theirs (a snapshot
// step, …), with the safety properties, stated over snapshots, checked
// after every step, and recovery to one leader and equal logs at the end.

func (ch *chaos) beyond() bool { return ch.extras }

// beyondEvent performs one random event of the options beyond Figure 2,
// or none ("") when none is possible now.
func (ch *chaos) beyondEvent() (string, error) {
	c := ch.c
	o := c.cfg.Options
	up := ch.where(func(s *Server) bool { return s.Up })
	switch k := ch.r.IntN(5); {
	case k == 4 && o.CheckQuorum:
		if leaders := ch.where(func(s *Server) bool { return s.Up && s.Role == Leader }); len(leaders) > 0 {
			s := ch.pick(leaders)
			return "timeout " + s.ID + " (check quorum)", c.Timeout(s.ID)
		}
	case k == 3 && c.cfg.membershipChanges() && len(up) > 0:
		return ch.membershipChange(ch.towardsLeader(up))
	case k == 0 && o.Sessions && len(up) > 0: // a client command, or a retry of one
		s := ch.towardsLeader(up)
		client := fmt.Sprintf("c%d", 1+ch.r.IntN(3))
		if ch.seqs == nil {
			ch.seqs = map[string]int{}
		}
		if ch.r.IntN(2) == 0 || ch.seqs[client] == 0 {
			ch.seqs[client]++
		}
		seq := ch.seqs[client]
		if ch.r.IntN(4) == 0 && seq > 1 {
			seq-- // a retry that arrives after the client's next command
		}
		// A command and its retries carry the same value.
		cmd := Command{Value: fmt.Sprintf("%s-%d", client, seq), Session: client, Seq: seq}
		return fmt.Sprintf("client %s %s #%d", s.ID, client, cmd.Seq), c.ClientCommand(s.ID, cmd)
	case k == 1 && o.Reads != ReadsOff && len(up) > 0:
		s := ch.towardsLeader(up)
		return "read " + s.ID, c.Read(s.ID, "")
	}
	ready := ch.where(func(s *Server) bool { return s.Up && s.LastApplied > s.base() })
	if len(ready) == 0 {
		return "", nil
	}
	s := ch.pick(ready)
	index := s.base() + 1 + ch.r.IntN(s.LastApplied-s.base())
	return fmt.Sprintf("snapshot %s through %d", s.ID, index), c.Compact(s.ID, index)
}

// membershipChange asks s for a random change that makes sense against
// its configuration: add a server, remove one, or a joint change to a
// random new configuration.
func (ch *chaos) membershipChange(s *Server) (string, error) {
	c := ch.c
	cur := s.config()
	if cur.IsZero() || cur.Joint() {
		return "", nil
	}
	var in, out []string
	for _, id := range c.cfg.Servers {
		if cur.Contains(id) {
			in = append(in, id)
		} else {
			out = append(out, id)
		}
	}
	var ch2 Change
	switch k := ch.r.IntN(3); {
	case k == 0 && len(out) > 0:
		ch2.Add = out[ch.r.IntN(len(out))]
	case k == 1 && len(in) > 1:
		ch2.Remove = in[ch.r.IntN(len(in))]
	default:
		for _, id := range c.cfg.Servers { // outsiders more often: new servers to catch up
			if cur.Contains(id) && ch.r.IntN(2) == 0 || !cur.Contains(id) && ch.r.IntN(4) > 0 {
				ch2.Joint = append(ch2.Joint, id)
			}
		}
		if len(ch2.Joint) == 0 {
			ch2.Joint = []string{c.cfg.Servers[ch.r.IntN(len(c.cfg.Servers))]}
		}
	}
	return "config " + s.ID + " " + ch2.String(), c.ChangeConfig(s.ID, ch2)
}

// towardsLeader picks a leader three times in four, if there is one: most
// clients find the leader.
func (ch *chaos) towardsLeader(up []*Server) *Server {
	var leaders []*Server
	for _, s := range up {
		if s.Role == Leader {
			leaders = append(leaders, s)
		}
	}
	if len(leaders) > 0 && ch.r.IntN(4) > 0 {
		return ch.pick(leaders)
	}
	return ch.pick(up)
}

func TestRandomSchedulesBeyondFigure2(t *testing.T) {
	const runs, stepsPerRun = 64, 800
	total := 0
	seen := map[Sentence]int{}
	for seed := uint64(1); seed <= runs; seed++ {
		servers := []int{3, 5}[seed%2]
		opts := beyondOptions[seed%uint64(len(beyondOptions))]
		ch := newChaos(servers, opts, seed)
		ch.extras, ch.seen = true, seen
		if seed%2 == 0 { // membership changes, from the first three servers
			ch = newChaos(5, opts, seed)
			ch.extras, ch.seen = true, seen
			ch.c.cfg.Members = ch.c.cfg.Servers[:3]
		}
		for len(ch.log) < stepsPerRun {
			if err := ch.step(); err != nil {
				t.Fatalf("seed %d, %d servers, %+v, step %d: %v\nlast events: %s", seed, servers, opts, len(ch.log), err, ch.tail())
			}
		}
		total += len(ch.log)
		ch.recover(t)
	}
	t.Logf("%d random steps over %d seeds", total, runs)
	for _, say := range beyondSentences {
		if seen[say] == 0 {
			t.Errorf("no random schedule said %s", say)
		}
	}
}

// beyondSentences are what the random schedules must have done at least
// once: every case of the options' rules.
var beyondSentences = []Sentence{
	SaySnapshot, SaySnapshotAuto, SaySendSnapshot, SayRejectSnapshotOld, SaySnapshotStale, SaySnapshotRetain,
	SaySnapshotDiscard, SaySnapshotSave, SaySnapshotLoad, SayAcceptCompacted, SayCrashSnapshot, SayRestartSnapshot,
	SaySnapshotReplyOld, SaySnapshotReplyNotLead,
	SaySessionAppend, SayDuplicateAnswered, SayDuplicateOutdated, SayDuplicateSkipped,
	SayReadWaits, SayReadRound, SayReadAck, SayReadConfirmed, SayReadAbandoned, SayReadRefused,
	SayChangeInProgress, SayChangeNeedsCommit, SayCatchUpStart, SayCatchUpStartOne, SayCaughtUp, SayCaughtUpOne,
	SayConfigAppend, SayJointAppend, SayJointCommitted, SayLeaderRemoved, SayConfigRefused, SayReplyNotPeer,
	SayVoteCountedConfig, SayVoteCountedAgainConfig, SayRefusalNotedConfig, SayWinConfig,
	SayDisregardVote, SayDisregardVoteLeader,
	SayPreVoteStart, SayPreVoteWon, SayPreVoteDenyOld, SayPreVoteDenyLeader, SayPreVoteDenyHeard, SayPreVoteDenyLog,
	SayPreVoteDenyVoted, SayPreVoteGrant, SayPreVoteReplyOld, SayPreVoteReplyLate, SayPreVoteRefused, SayPreVoteAgain,
	SayPreVoteCounted, SayCheckQuorumOK, SayCheckQuorumLost,
	SayBackUpShort, SayBackUpTermFound, SayBackUpTermMissing,
}

// Timed random schedules with the options that need the clock: reads on
// a lease (and the vote guard that keeps it safe).
func TestTimedRandomSchedulesBeyondFigure2(t *testing.T) {
	const runs, stepsPerRun = 20, 1000
	seen := map[Sentence]int{}
	for seed := uint64(1); seed <= runs; seed++ {
		servers := []int{3, 5}[seed%2]
		opts := timedBeyondOptions[seed%uint64(len(timedBeyondOptions))]
		ch := newChaos(servers, opts, seed)
		ch.extras, ch.seen = true, seen
		timing := &Timing{ElectionTimeout: map[string]TimeoutPlan{}, Heartbeat: 50, Latency: Span{1, 20}, Seed: seed}
		for _, id := range ch.c.Config().Servers {
			timing.ElectionTimeout[id] = TimeoutPlan{{150, 300}}
		}
		ch.c.SetTiming(timing)
		for len(ch.log) < stepsPerRun {
			if err := ch.step(); err != nil {
				t.Fatalf("seed %d, %+v, step %d: %v\nlast events: %s", seed, opts, len(ch.log), err, ch.tail())
			}
		}
		ch.recover(t)
	}
	for _, say := range timedBeyondSentences {
		if seen[say] == 0 {
			t.Errorf("no timed random schedule said %s", say)
		}
	}
}

var timedBeyondOptions = []Options{
	{Reads: ReadLease, VoteGuard: true, NoopOnElection: true},
	{Reads: ReadLease, VoteGuard: true, Sessions: true, SnapshotAfter: 3},
	{PreVote: true, CheckQuorum: true, Reads: ReadLease, VoteGuard: true},
}

var timedBeyondSentences = []Sentence{
	SayReadLease, SayLeaseExpired, SayLeaseNone, SayDisregardVoteTimed, SayDisregardVoteLeader,
	SayPreVoteDenyTimed, SayCheckQuorumOK, SayCheckQuorumLost,
}
