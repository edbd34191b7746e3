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
	ready := ch.where(func(s *Server) bool { return s.Up && s.LastApplied > s.base() })
	if len(ready) == 0 {
		return "", nil
	}
	s := ch.pick(ready)
	index := s.base() + 1 + ch.r.IntN(s.LastApplied-s.base())
	return fmt.Sprintf("snapshot %s through %d", s.ID, index), c.Compact(s.ID, index)
}

func TestRandomSchedulesBeyondFigure2(t *testing.T) {
	const runs, stepsPerRun = 40, 1000
	total := 0
	seen := map[Sentence]int{}
	for seed := uint64(1); seed <= runs; seed++ {
		servers := []int{3, 5}[seed%2]
		opts := beyondOptions[seed%uint64(len(beyondOptions))]
		ch := newChaos(servers, opts, seed)
		ch.extras, ch.seen = true, seen
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
}
