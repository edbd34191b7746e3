package engine

import (
	"strconv"
	"strings"
	"testing"
)

// runScript loads and runs an exercise given as YAML, failing the test on
// any error.
func runScript(t testing.TB, src string) *Trace {
	t.Helper()
	ex, err := Load("test.yaml", "test", []byte(src))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	tr, err := Run(ex)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return tr
}

// runError loads and runs a script that must fail, returning the message.
func runError(t testing.TB, src string) string {
	t.Helper()
	ex, err := Load("test.yaml", "test", []byte(src))
	if err == nil {
		_, err = Run(ex)
	}
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
