package engine

import "math/rand/v2"

// clock is a timed cluster's simulated time: when each message in flight
// arrives, when each server's election timer fires, and when each leader
// sends its next heartbeat. Timers follow Figure 2: a follower's election
// timer restarts when it grants a vote or hears from the current leader, a
// candidate's with each new election; a leader has a heartbeat timer and
// no election timer; a crashed server has no timers.
type clock struct {
	t        *Timing
	now      int
	rng      *rand.Rand
	timers   map[string]int // election timers started so far, per server
	election map[string]int // when the election timer fires
	beat     map[string]int // when the leader's next heartbeat is due
	arrival  map[int]int    // message number → arrival time
}

func newClock(t *Timing) *clock {
	return &clock{
		t:      t,
		rng:    rand.New(rand.NewPCG(t.Seed, 0x5241_4654)), // "RAFT"
		timers: map[string]int{}, election: map[string]int{},
		beat: map[string]int{}, arrival: map[int]int{},
	}
}

func (k *clock) draw(s Span) int {
	if s.Hi <= s.Lo {
		return s.Lo
	}
	return s.Lo + k.rng.IntN(s.Hi-s.Lo+1)
}

// sent stamps a message put in flight now with its arrival time.
func (k *clock) sent(m *Message) {
	m.Timed = true
	m.SentMs = k.now
	m.ArrivesMs = k.now + k.draw(k.t.latency(m.From, m.To))
	k.arrival[m.ID] = m.ArrivesMs
}

// sync brings s's timers in line with its state after an event, consuming
// the reset flags its handlers set.
func (k *clock) sync(s *Server) {
	reset, beat := s.timerReset, s.heartbeatSent
	s.timerReset, s.heartbeatSent = false, false
	switch {
	case !s.Up:
		delete(k.election, s.ID)
		delete(k.beat, s.ID)
	case s.Role == Leader:
		if s.cfg.Options.CheckQuorum { // its election timer checks the quorum
			if _, ok := k.election[s.ID]; !ok || reset {
				k.election[s.ID] = k.now + k.t.ElectionTimeout[s.ID].least()
			}
		} else {
			delete(k.election, s.ID)
		}
		if _, ok := k.beat[s.ID]; !ok || beat {
			k.beat[s.ID] = k.now + k.t.Heartbeat
		}
	case s.config().IsZero(): // joined no configuration yet: it waits for a leader
		delete(k.election, s.ID)
		delete(k.beat, s.ID)
	default:
		delete(k.beat, s.ID)
		if _, ok := k.election[s.ID]; !ok || reset {
			k.election[s.ID] = k.now + k.draw(k.t.ElectionTimeout[s.ID].span(k.timers[s.ID]))
			k.timers[s.ID]++
		}
	}
}

// minElectionTimeout is the shortest election timeout any server can
// draw: how long a follower that heard from a leader waits at least.
func (k *clock) minElectionTimeout() int {
	least := -1
	for _, plan := range k.t.ElectionTimeout {
		for _, s := range plan {
			if least < 0 || s.Lo < least {
				least = s.Lo
			}
		}
	}
	return max(least, 0)
}

// timedEvent is what happens next on the clock.
type timedEvent struct {
	At     int
	Kind   timedKind
	Server string // for timers
}

type timedKind int

// At one instant, arrivals come first, then election timers, then
// heartbeats; servers in cluster order.
const (
	arrivals timedKind = iota
	electionTimer
	heartbeatTimer
)

// next is the earliest event, if any.
func (k *clock) next(servers []*Server, inFlight []Message) (timedEvent, bool) {
	best, found := timedEvent{}, false
	consider := func(e timedEvent) {
		if !found || e.At < best.At || (e.At == best.At && e.Kind < best.Kind) {
			best, found = e, true
		}
	}
	for _, m := range inFlight {
		if at, ok := k.arrival[m.ID]; ok {
			consider(timedEvent{At: at, Kind: arrivals})
		}
	}
	for _, s := range servers {
		if at, ok := k.election[s.ID]; ok {
			consider(timedEvent{At: at, Kind: electionTimer, Server: s.ID})
		}
		if at, ok := k.beat[s.ID]; ok {
			consider(timedEvent{At: at, Kind: heartbeatTimer, Server: s.ID})
		}
	}
	return best, found
}

// arrived lists the messages in flight due at time at.
func (k *clock) arrived(inFlight []Message, at int) Selection {
	var sel Selection
	for _, m := range inFlight {
		if a, ok := k.arrival[m.ID]; ok && a == at {
			sel = append(sel, Selector{ID: m.ID})
		}
	}
	return sel
}

// TimerState is a server's timers as the trace shows them.
func (k *clock) timerState(id string) (election, heartbeat *int) {
	if at, ok := k.election[id]; ok {
		election = &at
	}
	if at, ok := k.beat[id]; ok {
		heartbeat = &at
	}
	return
}
