package engine

import (
	"strconv"
	"strings"
	"testing"
)

// RunYAML loads an exercise from YAML and runs it, as `raftsheet run`
// does. The loader is package exercise, which imports this package, so
// these internal tests cannot call it: script_test.go (package
// engine_test) sets RunYAML.
var RunYAML func(file string, src []byte) (*Trace, error)

// runScript loads and runs an exercise given as YAML, failing the test on
// any error.
func runScript(t testing.TB, src string) *Trace {
	t.Helper()
	tr, err := RunYAML("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("%v", err)
	}
	return tr
}

// runError loads and runs a script that must fail, returning the message.
func runError(t testing.TB, src string) string {
	t.Helper()
	_, err := RunYAML("test.yaml", []byte(src))
	if err == nil {
		t.Fatalf("expected an error, got none")
	}
	return err.Error()
}

// last is the state of server id after the last step.
func last(tr *Trace, id string) ServerState { return tr.Final()[id] }

// terms writes a log as its terms only: "1 1 4 4".
func terms(log []LogEntry) string {
	parts := make([]string, len(log))
	for i, e := range log {
		parts[i] = strconv.Itoa(e.Term)
	}
	return strings.Join(parts, " ")
}

func hasReason(st StepRecord, fragment string) bool {
	for _, r := range st.Reasons {
		if strings.Contains(r, fragment) {
			return true
		}
	}
	return false
}

func allReasons(tr *Trace) string {
	var b strings.Builder
	for _, st := range tr.Steps {
		for _, r := range st.Reasons {
			b.WriteString(r)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// after is the trace record of script step n (its last round, for a
// stabilize).
func after(t testing.TB, tr *Trace, n int) StepRecord {
	t.Helper()
	var found *StepRecord
	for i := range tr.Steps {
		if tr.Steps[i].ScriptStep == n {
			found = &tr.Steps[i]
		}
	}
	if found == nil {
		t.Fatalf("no trace record for script step %d", n)
	}
	return *found
}
