package explore

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestMain collects garbage as `raftsheet ask` does (it copies states by
// the million but keeps few alive); results do not depend on it.
func TestMain(m *testing.M) {
	debug.SetGCPercent(400)
	os.Exit(m.Run())
}
