package shortrun

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// userSettings says whether the environment sets the collector
// (GOGC or GOMEMLIMIT): then the person running raftsheet decides, and
// the functions here leave the collector alone.
func userSettings() bool {
	return os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != ""
}

// NoCollectionFor holds the collector back until the memory Go uses
// reaches what it uses now plus n bytes (the runtime's memory limit, which
// counts its own bookkeeping too); from that first collection on, the
// collector runs as it did before. A role-play or trace build of a
// built-in exercise allocates 8–22 MB and ends before it would collect; a
// larger run (many exercises at once, an exam whose questions are
// explored, a long custom script) collects once at the limit and then as
// Go does by default, so it never collects over and over against the
// limit. A call while an earlier one still holds the collector back does
// nothing: the earlier one puts back the settings from before it.
func NoCollectionFor(n int64) {
	if userSettings() || !holding.CompareAndSwap(false, true) {
		return
	}
	percent := debug.SetGCPercent(-1)
	// The memory limit counts free heap pages too (HugePages' region):
	// they are used before the heap grows, so the limit is what is in use
	// now, and n more.
	was := debug.SetMemoryLimit(inUse() + n)
	runtime.AddCleanup(&firstCollection{}, restoreCollector, collector{percent, was})
}

// holding says that NoCollectionFor holds the collector back.
var holding atomic.Bool

// CollectLess has the collector run only when the heap has grown by
// percent since the last collection (Go's default is 100): for a command
// that keeps little alive while it allocates a great deal.
func CollectLess(percent int) {
	if userSettings() {
		return
	}
	debug.SetGCPercent(percent)
}

// inUse is the memory Go uses: all the runtime has mapped, less what it
// has given back to the operating system and the free heap pages it keeps.
func inUse() int64 {
	m := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}, {Name: "/memory/classes/heap/free:bytes"}}
	metrics.Read(m)
	return int64(m[0].Value.Uint64() - m[1].Value.Uint64() - m[2].Value.Uint64())
}

// firstCollection is garbage from the moment it is made, so its cleanup
// runs after the first collection. It holds a pointer so that it is never
// one of the tiny objects the allocator packs together (their cleanups
// may never run).
type firstCollection struct{ _ *int }

// collector is a setting of the collector to return to.
type collector struct {
	percent int
	limit   int64
}

func restoreCollector(c collector) {
	debug.SetGCPercent(c.percent)
	if c.limit == 0 {
		c.limit = math.MaxInt64
	}
	debug.SetMemoryLimit(c.limit)
	holding.Store(false)
}
