package worksheet

import (
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

func TestValueBookShortensLongValuesApart(t *testing.T) {
	tr := &engine.Trace{Servers: []string{"S1"}, Initial: map[string]engine.ServerState{
		"S1": {Log: []engine.LogEntry{
			{Index: 1, Term: 1, Value: "short"},
			{Index: 2, Term: 1, Value: "exactly12chr"},
			{Index: 3, Term: 1, Value: "value-number-01-long"},
			{Index: 4, Term: 1, Value: "value-number-02-long"},
			{Index: 5, Term: 1, Value: "another-long-value"},
		}, StateMachine: "state-machine-value"},
	}}
	b := newValueBook(tr, 12)
	for v, want := range map[string]string{
		"short":                "short",
		"exactly12chr":         "exactly12chr",
		"value-number-01-long": "value-numb…1",
		"value-number-02-long": "value-numb…2",
		"another-long-value":   "another-lon…",
		"state-machine-value":  "state-machi…",
	} {
		if got := b.short(v); got != want {
			t.Errorf("short(%q) = %q, want %q", v, got, want)
		}
		if n := len([]rune(b.short(v))); n > 12 {
			t.Errorf("short(%q) has %d characters", v, n)
		}
	}
	want := []string{"value-number-01-long", "value-number-02-long", "another-long-value", "state-machine-value"}
	if len(b.long) != len(want) {
		t.Fatalf("long values %q, want %q", b.long, want)
	}
	for i := range want {
		if b.long[i] != want[i] {
			t.Errorf("long values %q, want %q", b.long, want)
		}
	}
}
