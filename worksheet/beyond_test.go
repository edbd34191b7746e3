package worksheet

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
)

// state is a server's state with a snapshot through base (none for 0)
// and the log after it, entries as term:value.
func state(base, baseTerm int, entries ...engine.LogEntry) engine.ServerState {
	s := engine.ServerState{Log: entries}
	if base > 0 {
		s.Snapshot = &engine.SnapshotState{LastIncludedIndex: base, LastIncludedTerm: baseTerm}
	}
	for i := range s.Log {
		s.Log[i].Index = base + i + 1
	}
	return s
}

func ent(term int, value string) engine.LogEntry { return engine.LogEntry{Term: term, Value: value} }

// TestLogChangeAcrossSnapshots: a trace step's "log: from" counts Raft's
// indexes across the snapshot (§7): compacting entries changes the
// snapshot's boxes, not the log's; Figure 13's discard deletes what
// followed the snapshot's last entry; an append after a snapshot starts
// past it.
func TestLogChangeAcrossSnapshots(t *testing.T) {
	cases := []struct {
		name          string
		before, after engine.ServerState
		ok            bool
		from          int
		added, gone   int
	}{
		{"compaction", state(0, 0, ent(1, "a"), ent(1, "b"), ent(1, "c")), state(3, 1), false, 0, 0, 0},
		{"partial compaction", state(0, 0, ent(1, "a"), ent(1, "b"), ent(1, "c")), state(2, 1, ent(1, "c")), false, 0, 0, 0},
		{"install discards a conflicting suffix", state(0, 0, ent(1, "a"), ent(1, "b"), ent(2, "x"), ent(2, "y")), state(3, 1), true, 4, 0, 1},
		{"install over a short log", state(0, 0, ent(1, "a")), state(3, 1), false, 0, 0, 0},
		{"append after the snapshot", state(2, 1, ent(1, "c")), state(2, 1, ent(1, "c"), ent(1, "d")), true, 4, 1, 0},
		{"append after an installed snapshot", state(3, 1), state(3, 1, ent(1, "d")), true, 4, 1, 0},
	}
	for _, c := range cases {
		lc, ok := newLogChange(c.before, c.after)
		if ok != c.ok || lc.from != c.from || len(lc.added) != c.added || len(lc.deleted) != c.gone {
			t.Errorf("%s: change %v from %d, %d added, %d deleted; want %v from %d, %d added, %d deleted",
				c.name, ok, lc.from, len(lc.added), len(lc.deleted), c.ok, c.from, c.added, c.gone)
		}
	}
}

// TestFeaturesBeyondOnlyWhereShown: the sheets add their slips, boxes and
// columns beyond Figure 2 only for a run that shows them: every built-in
// of Figure 2 shows none, and each exercise beyond it shows its own.
func TestFeaturesBeyondOnlyWhereShown(t *testing.T) {
	want := map[string]func(features) bool{
		"snapshot":        func(f features) bool { return f.snapshots },
		"client-retry":    func(f features) bool { return f.sessions },
		"stale-read":      func(f features) bool { return f.reads },
		"add-servers":     func(f features) bool { return f.config },
		"joint-consensus": func(f features) bool { return f.config },
		"prevote":         func(f features) bool { return f.prevote },
		"check-quorum":    func(f features) bool { return f.prevote }, // CheckQuorum itself shows as a role; its pre-candidates as P
		"fast-backup":     func(f features) bool { return f.hints },
	}
	for _, name := range exercises.Names() {
		b := buildExercise(t, name, templates.KindTrace, "a4")
		f := featuresOf(b.tr)
		shows, beyond := want[name]
		switch {
		case !beyond && f != (features{}):
			t.Errorf("%s: an exercise of Figure 2 shows %+v beyond it", name, f)
		case beyond && !shows(f):
			t.Errorf("%s: shows %+v, not its own feature", name, f)
		}
	}
}
