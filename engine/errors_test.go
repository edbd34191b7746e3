package engine

import (
	"strings"
	"testing"
)

// Bad input gets "file:line:col: what is wrong", never a panic.
func TestBadInputErrors(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string // fragments, the first being the place
	}{
		{"yaml syntax", "title: [unclosed\nservers: 3\n", []string{"test.yaml:", "not valid YAML"}},
		{"unknown top key", "titel: x\nservers: 3\nsteps: [heal]\n", []string{"test.yaml:1:1:", "unknown key `titel`", "did you mean `title`?"}},
		{"unknown step kind", "title: x\nservers: 3\nsteps:\n  - timout: S1\n", []string{"test.yaml:4:5:", "unknown step `timout`", "did you mean `timeout`?"}},
		{"unknown server", "title: x\nservers: 3\nsteps:\n  - timeout: S9\n", []string{"test.yaml:4:14:", `timeout names "S9", which is not a server`, "the servers are S1, S2, S3"}},
		{"unknown server in selector", "title: x\nservers: 3\nsteps:\n  - timeout: S1\n  - deliver: {from: S1, to: S4}\n", []string{"test.yaml:5:29:", `deliver to names "S4"`}},
		{"timeout on a leader", "title: x\nservers: 1\nsteps:\n  - timeout: S1\n  - timeout: S1\n",
			[]string{"test.yaml:5:5:", "step 2 (timeout S1)", "S1 is the leader of term 1; only followers and candidates time out"}},
		{"timeout on a crashed server", "title: x\nservers: 3\nsteps:\n  - crash: S2\n  - timeout: S2\n",
			[]string{"test.yaml:5:5:", "S2 is down (crashed); restart it before it can time out"}},
		{"heartbeat from a follower", "title: x\nservers: 3\nsteps:\n  - heartbeat: S2\n",
			[]string{"test.yaml:4:5:", "S2 is a follower in term 0; only a leader sends heartbeats"}},
		{"restart of a running server", "title: x\nservers: 3\nsteps:\n  - restart: S3\n",
			[]string{"test.yaml:4:5:", "S3 is running; only a crashed server can restart"}},
		{"deliver with nothing in flight", "title: x\nservers: 3\nsteps:\n  - deliver: all\n",
			[]string{"test.yaml:4:5:", "nothing in flight matches all to deliver; nothing is in flight"}},
		{"missing title and steps", "servers: 3\n", []string{"test.yaml:1:1:", "no `title`", "no `steps`"}},
		{"too many servers", "title: x\nservers: 12\nsteps: [heal]\n", []string{"test.yaml:2:10:", "servers must be between 1 and 9", "at most 9 servers"}},
		{"two kinds in a step", "title: x\nservers: 3\nsteps:\n  - {timeout: S1, crash: S2}\n", []string{"test.yaml:4:19:", "both `timeout` and `crash`"}},
		{"impossible initial state", "title: x\nservers: 3\ninitial:\n  S1: {term: 1, log: [2]}\nsteps: [heal]\n",
			[]string{"test.yaml:4:14:", "S1's term 1 is below the term 2 of its last log entry"}},
		{"initial breaks Log Matching", "title: x\nservers: 2\ninitial:\n  S1: {term: 2, log: [\"1:a\", 2]}\n  S2: {term: 2, log: [\"1:b\", 2]}\nsteps: [heal]\n",
			[]string{"test.yaml:4:", "could never happen in Raft", "Log Matching"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg := runError(t, c.src)
			if !strings.HasPrefix(msg, c.want[0]) {
				t.Errorf("error %q does not start with %q", msg, c.want[0])
			}
			for _, w := range c.want[1:] {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
		})
	}
}

// Every independent mistake in a file is reported, not only the first.
func TestAllLoadErrorsAtOnce(t *testing.T) {
	msg := runError(t, "title: x\nservers: 3\nstate_machine: kvv\nsteps:\n  - timeout: S7\n  - delivr: all\n")
	lines := strings.Split(msg, "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 errors, got %d:\n%s", len(lines), msg)
	}
	for i, w := range []string{"test.yaml:3:", "test.yaml:5:", "test.yaml:6:"} {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d = %q, want it at %s", i+1, lines[i], w)
		}
	}
}
