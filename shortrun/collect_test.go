package shortrun

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// read returns the runtime's collector settings and how many collections
// it has completed.
func read() (percent, limit int64, cycles uint64) {
	m := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}, {Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(m)
	return int64(m[0].Value.Uint64()), int64(m[1].Value.Uint64()), m[2].Value.Uint64()
}

// sink keeps allocations from being optimised away.
var sink []byte

// garbage allocates n bytes that are garbage at once.
func garbage(n int) {
	for ; n > 0; n -= 64 << 10 {
		sink = make([]byte, 64<<10)
	}
	sink = nil
}

// settle returns the collector's settings as the test starts (Go's, or
// the environment's) and puts them back when it ends.
func settle(t *testing.T) (percent, limit int64) {
	percent, limit, _ = read()
	t.Cleanup(func() {
		debug.SetGCPercent(int(percent))
		debug.SetMemoryLimit(limit)
		runtime.GC()
	})
	return percent, limit
}

// Nothing is collected while the memory grows by less than n; the first
// collection, at n, puts the collector back as it was.
func TestNoCollectionForHoldsBackTheFirstCollection(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent0, limit0 := settle(t)
	runtime.GC()
	_, _, before := read()
	NoCollectionFor(64 << 20)
	if percent, limit, _ := read(); percent >= 0 || limit == math.MaxInt64 {
		t.Fatalf("after NoCollectionFor: GOGC %d, memory limit %d; want off, and a limit", percent, limit)
	}
	garbage(32 << 20) // eight times what Go's default lets a young heap grow
	if _, _, cycles := read(); cycles != before {
		t.Errorf("%d collections while the memory grew by half the allowance; want none", cycles-before)
	}
	garbage(128 << 20)
	if _, _, cycles := read(); cycles == before {
		t.Fatal("no collection when the memory grew past the allowance")
	}
	for deadline := time.Now().Add(10 * time.Second); ; {
		if percent, limit, _ := read(); percent == percent0 && limit == limit0 && !holding.Load() {
			break
		}
		if time.Now().After(deadline) {
			percent, limit, _ := read()
			t.Fatalf("after the first collection GOGC %d, memory limit %d; want them as before, %d and %d", percent, limit, percent0, limit0)
		}
		garbage(1 << 20)
		time.Sleep(time.Millisecond)
	}
}

// A second call while the first holds the collector back does nothing:
// after the first collection the settings are those from before both.
func TestNoCollectionForTwiceRestoresTheFirst(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent0, limit0 := settle(t)
	NoCollectionFor(64 << 20)
	NoCollectionFor(32 << 20)
	for deadline := time.Now().Add(10 * time.Second); ; {
		runtime.GC()
		if percent, limit, _ := read(); percent == percent0 && limit == limit0 && !holding.Load() {
			break
		}
		if time.Now().After(deadline) {
			percent, limit, _ := read()
			t.Fatalf("after a collection GOGC %d, memory limit %d; want them as before both calls, %d and %d", percent, limit, percent0, limit0)
		}
		time.Sleep(time.Millisecond)
	}
}

// GOGC or GOMEMLIMIT in the environment: the person running raftsheet
// decides, and the collector is left as it is.
func TestUserSettingsWin(t *testing.T) {
	percent0, limit0 := settle(t)
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv("GOGC", "")
			t.Setenv("GOMEMLIMIT", "")
			t.Setenv(env, "off")
			NoCollectionFor(64 << 20)
			CollectLess(400)
			if percent, limit, _ := read(); percent != percent0 || limit != limit0 {
				t.Errorf("with %s set: GOGC %d, memory limit %d; want them untouched (%d, %d)", env, percent, limit, percent0, limit0)
			}
		})
	}
}

func TestCollectLess(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	settle(t)
	CollectLess(400)
	if percent, _, _ := read(); percent != 400 {
		t.Errorf("GOGC %d after CollectLess(400)", percent)
	}
}
