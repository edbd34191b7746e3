package pipeline

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Parallel runs every index once, never more than jobs at once, and
// returns only when all are done.
func TestParallelRunsEachOnceWithinTheLimit(t *testing.T) {
	const n, jobs = 40, 3
	var running, most atomic.Int32
	var mu sync.Mutex
	ran := make([]int, n)
	Parallel(n, jobs, func(i int) {
		now := running.Add(1)
		for {
			m := most.Load()
			if now <= m || most.CompareAndSwap(m, now) {
				break
			}
		}
		time.Sleep(time.Millisecond) // overlap with the others
		mu.Lock()
		ran[i]++
		mu.Unlock()
		running.Add(-1)
	})
	for i, c := range ran {
		if c != 1 {
			t.Errorf("f(%d) ran %d times", i, c)
		}
	}
	if m := most.Load(); m > jobs || m < 2 {
		t.Errorf("at most %d ran at once, want 2…%d", m, jobs)
	}
}
