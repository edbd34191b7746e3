package exercise

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
)

// badExercise is one entry of the catalogue of bad input (issue 5): a file
// and the errors it must produce, each as "line:col: message (hint)"
// fragments checked in order.
type badExercise struct {
	name   string
	src    string
	errors []string // one per expected error: "LINE:COL: fragment", col may be omitted
	// structural: a JSON Schema of the format must reject it too.
	structural bool
}

// Catalogue is shared with the JSON Schema test (schema_test.go) and the
// fuzz test's seeds.
var Catalogue = []badExercise{
	{name: "why names an unknown rule", src: "title: x\nservers: 3\nsteps:\n  - timeout: S1\n    why: [election-timout]\n", structural: true,
		errors: []string{"5:11: a rule of why cannot be \"election-timout\" (did you mean `election-timeout`?)"}},
	{name: "why lists no rule", src: "title: x\nservers: 3\nsteps:\n  - timeout: S1\n    why: []\n", structural: true,
		errors: []string{"5:10: why lists no rule: name at least one by its key (win-election, committed, …: the README lists them), or write why: true"}},
	{name: "not YAML", src: "title: x\n  servers: 3\n", errors: []string{"2: not valid YAML: mapping values are not allowed in this context"}},
	{name: "bare step with note", src: "title: x\nservers: 3\nsteps:\n  - heal\n    note: n\n",
		errors: []string{"5: not valid YAML: mapping values are not allowed in this context (a step followed by note or ask needs a colon: write `- heal:` on line 4)"}},
	{name: "colon in a value", src: "title: Raft: the sequel\nservers: 3\nsteps: [heal]\n",
		errors: []string{"1: not valid YAML: mapping values are not allowed in this context (the value of `title` contains \": \"; put the whole value in quotes)"}},
	{name: "not a mapping", src: "- timeout: S1\n- heal\n", structural: true,
		errors: []string{"1:1: an exercise must be a YAML mapping of keys to values, not a list (the file should start with keys such as `title:`, `servers:` and `steps:`)"}},
	{name: "a scalar", src: "hello\n", structural: true, errors: []string{"1:1: an exercise must be a YAML mapping of keys to values, not \"hello\""}},
	{name: "UTF-16", src: "\xfe\xff\x00t\x00i", structural: true, errors: []string{": the file is encoded in UTF-16 (save it as UTF-8"}},
	{name: "not UTF-8", src: "title: caf\xe9\nservers: 3\n", errors: []string{"1:11: the file is not valid UTF-8 text here"}},
	{name: "empty file", src: "", structural: true, errors: []string{": the file is empty"}},
	{name: "only comments", src: "# nothing yet\n", structural: true, errors: []string{": the file is empty"}},
	{name: "unknown key", src: "title: x\nservers: 3\nstep:\n  - heal\n", structural: true,
		errors: []string{"3:1: unknown key `step` in the exercise (did you mean `steps`?)"}},
	{name: "swapped letters", src: "titel: x\nservers: 3\nsteps: [heal]\n", structural: true,
		errors: []string{"1:1: unknown key `titel` in the exercise (did you mean `title`?)"}},
	{name: "unknown mutation", src: "title: x\nservers: 3\noptions: {mutate: [forget-votes-on-restart]}\nsteps: [heal]\n", structural: true,
		errors: []string{"3:20: mutate cannot be \"forget-votes-on-restart\" (did you mean `forget-vote-on-restart`?)"}},
	{name: "unknown option", src: "title: x\nservers: 3\noptions: {max_entry: 1}\nsteps: [heal]\n", structural: true,
		errors: []string{"3:11: unknown key `max_entry` in options (did you mean `max_entries`?)"}},
	{name: "unknown step", src: "title: x\nservers: 3\nsteps:\n  - hearbeat: S1\n", structural: true,
		errors: []string{"4:5: unknown step `hearbeat` (did you mean `heartbeat`?)"}},
	{name: "wrong type: servers", src: "title: x\nservers: three\nsteps: [heal]\n", structural: true,
		errors: []string{"2:10: servers must be a whole number, not \"three\""}},
	{name: "wrong type: title", src: "title: [a, b]\nservers: 3\nsteps: [heal]\n", structural: true,
		errors: []string{"1:8: title must be text, not a list"}},
	{name: "wrong type: option", src: "title: x\nservers: 3\noptions: {noop_on_election: yes please}\nsteps: [heal]\n", structural: true,
		errors: []string{"3:29: noop_on_election must be true or false, not \"yes please\""}},
	{name: "wrong type: steps", src: "title: x\nservers: 3\nsteps: {timeout: S1}\n", structural: true,
		errors: []string{"3:8: steps must be a list of events, not a mapping"}},
	{name: "missing title and steps", src: "servers: 3\n", structural: true,
		errors: []string{"1:1: the exercise has no `title` (add a line such as `title: ...`)", "1:1: the exercise has no `steps`"}},
	{name: "servers 0", src: "title: x\nservers: 0\nsteps: [heal]\n", structural: true,
		errors: []string{"2:10: servers must be between 1 and 9, not 0 (the sheets have room for at most 9 servers)"}},
	{name: "servers 10", src: "title: x\nservers: 10\nsteps: [heal]\n", structural: true,
		errors: []string{"2:10: servers must be between 1 and 9, not 10 (the sheets have room for at most 9 servers)"}},
	{name: "ten names", src: "title: x\nservers: [a, b, c, d, e, f, g, h, i, j]\nsteps: [heal]\n", structural: true,
		errors: []string{"2:10: servers lists 10 names (the sheets have room for 1 to 9 servers)"}},
	{name: "duplicate name", src: "title: x\nservers: [alice, bob, alice]\nsteps: [heal]\n", structural: true,
		errors: []string{"2:23: server name \"alice\" appears twice"}},
	{name: "empty name", src: "title: x\nservers: [alice, \"\"]\nsteps: [heal]\n", structural: true,
		errors: []string{"2:18: a server name is empty"}},
	{name: "long name", src: "title: x\nservers: [alice, bartholomew]\nsteps: [heal]\n", structural: true,
		errors: []string{"2:18: server name \"bartholomew\" is longer than 8 characters (the sheets print names in small boxes)"}},
	{name: "name with a space", src: "title: x\nservers: [alice, \"bob smith\"]\nsteps: [heal]\n", structural: true,
		errors: []string{"2:18: server name \"bob smith\" is not a plain name (use a letter, then letters, digits, - or _)"}},
	{name: "unknown server in a step", src: "title: x\nservers: 3\nsteps:\n  - crash: S4\n",
		errors: []string{"4:12: crash names \"S4\", which is not a server of this exercise (the servers are S1, S2, S3)"}},
	{name: "unknown server in a selector", src: "title: x\nservers: [alice, bob]\nsteps:\n  - timeout: alice\n  - drop: {from: alcie}\n",
		errors: []string{"5:18: drop from names \"alcie\", which is not a server of this exercise (did you mean alice? the servers are alice, bob)"}},
	{name: "unknown server in ask", src: "title: x\nservers: 3\nsteps:\n  - timeout: S1\n    ask: [S1, S5]\n",
		errors: []string{"5:15: ask names \"S5\""}},
	{name: "step with no kind", src: "title: x\nservers: 3\nsteps:\n  - note: something happens\n", structural: true,
		errors: []string{"4:5: this step says no event (the kinds are timeout, deliver, drop, duplicate, client, heartbeat, stabilize, partition, heal, crash, restart, run, snapshot, read, config)"}},
	{name: "step with two kinds", src: "title: x\nservers: 3\nsteps:\n  - timeout: S1\n    crash: S2\n", structural: true,
		errors: []string{"5:5: a step holds one event, but this one has both `timeout` and `crash` (split them into two steps, one after the other)"}},
	{name: "timeout on a leader", src: "title: x\nservers: 3\ninitial:\n  S1: {term: 3, voted_for: S2}\n  S2: {term: 3, role: leader}\nsteps:\n  - timeout: S2\n",
		errors: []string{"7:5: step 1 (timeout S2): S2 is the leader of term 3; only followers and candidates time out (§5.2)"}},
	{name: "timeout on a down server", src: "title: x\nservers: 3\nsteps:\n  - crash: S1\n  - timeout: S1\n",
		errors: []string{"5:5: step 2 (timeout S1): S1 is down (crashed); restart it before it can time out"}},
	{name: "heartbeat from a candidate", src: "title: x\nservers: 3\nsteps:\n  - timeout: S1\n  - heartbeat: S1\n",
		errors: []string{"5:5: step 2 (heartbeat S1): S1 is a candidate in term 1; only a leader sends heartbeats (§5.2)"}},
	{name: "client to a down server", src: "title: x\nservers: 3\nsteps:\n  - crash: S1\n  - client: {server: S1, value: v}\n",
		errors: []string{"5:5: step 2 (client S1 \"v\"): S1 is down (crashed); restart it before it can take a client request"}},
	{name: "restart of a running server", src: "title: x\nservers: 3\nsteps:\n  - restart: S1\n",
		errors: []string{"4:5: step 1 (restart S1): S1 is running; only a crashed server can restart"}},
	{name: "crash of a down server", src: "title: x\nservers: 3\nsteps:\n  - crash: S1\n  - crash: S1\n",
		errors: []string{"5:5: step 2 (crash S1): S1 is already down; it cannot crash again"}},
	{name: "selector matches nothing", src: "title: x\nservers: 3\nsteps:\n  - timeout: S1\n  - deliver: {from: S2}\n",
		errors: []string{"5:5: step 2 (deliver from S2): nothing in flight matches from S2 to deliver; in flight: #1 RequestVote S1→S2 (term 1); #2 RequestVote S1→S3 (term 1)"}},
	{name: "deliver with nothing in flight", src: "title: x\nservers: 3\nsteps:\n  - deliver: all\n",
		errors: []string{"4:5: step 1 (deliver all): nothing in flight matches all to deliver; nothing is in flight"}},
	{name: "drop matches nothing", src: "title: x\nservers: 3\nsteps:\n  - timeout: S1\n  - drop: 9\n",
		errors: []string{"5:5: step 2 (drop #9): nothing in flight matches #9 to drop; in flight: #1"}},
	{name: "partition names a server twice", src: "title: x\nservers: 3\nsteps:\n  - partition: [[S1, S2], [S2, S3]]\n",
		errors: []string{"4:28: partition names S2 twice (each server belongs to exactly one group)"}},
	{name: "two leaders in one term", src: "title: x\nservers: 3\ninitial:\n  S1: {term: 2, role: leader}\n  S2: {term: 2, role: leader}\nsteps: [heal]\n",
		errors: []string{"4:3: initial makes both S1 and S2 leader of term 2 (Election Safety allows one leader per term (§5.2))"}},
	{name: "Log Matching broken", src: "title: x\nservers: 3\ninitial:\n  S1: {term: 2, log: [\"1:a\", 2]}\n  S2: {term: 2, log: [\"1:b\", 2]}\n  S3: {term: 2}\nsteps: [heal]\n",
		errors: []string{"4: the initial state could never happen in Raft: safety property Log Matching broken: S1 and S2 both hold an entry of term 1 at index 1, but with different commands (\"a\" and \"b\")"}},
	{name: "commit beyond the log", src: "title: x\nservers: 3\ninitial:\n  S1: {term: 1, log: [1], commit: 2}\nsteps: [heal]\n",
		errors: []string{"4:35: S1's commit 2 is beyond its log of 1 entries (commitIndex counts entries of the server's own log)"}},
	{name: "commit without a majority", src: "title: x\nservers: 3\ninitial:\n  S1: {term: 1, log: [1], commit: 1}\n  S2: {term: 1}\n  S3: {term: 1}\nsteps: [heal]\n",
		errors: []string{"4:3: S1's commit 1 covers entry 1, which only S1 hold (an entry is committed only once a majority (2 of 3) stores it"}},
	{name: "committed entry missing from a leader", src: "title: x\nservers: 3\ninitial:\n  S1: {term: 2, log: [\"1:a\"], commit: 1}\n  S2: {term: 2, log: [\"1:a\"], commit: 1}\n  S3: {term: 2, role: leader, log: []}\nsteps: [heal]\n",
		errors: []string{"4: the initial state could never happen in Raft: safety property Leader Completeness broken: leader S3 of term 2 lacks the committed entry (term 1, \"a\") at index 1"}},
	{name: "entry of a term nobody was elected in", src: "title: x\nservers: 3\ninitial:\n  S1: {term: 2, log: [1]}\nsteps: [heal]\n",
		errors: []string{"4:3: S1's log has an entry of term 1, which only a leader of term 1 could have written, elected by a majority (2 of 3), yet S2 and S3 are still before term 1 and too few servers voted in it: a second leader of term 1 could be elected (give a majority of the servers term 1 and voted_for: that leader, or a later term)"}},
	{name: "leader nobody voted for", src: "title: x\nservers: 3\ninitial:\n  S2: {term: 3, role: leader}\n  S3: {term: 1}\nsteps: [heal]\n",
		errors: []string{"4:3: S2 leads term 3, elected by a majority (2 of 3), yet S1 and S3 are still before term 3 and too few servers voted in it: a second leader of term 3 could be elected (give a majority of the servers term 3 and voted_for: S2, or a later term)"}},
	{name: "voted_for an unknown server", src: "title: x\nservers: 3\ninitial:\n  S1: {term: 1, voted_for: S7}\nsteps: [heal]\n",
		errors: []string{"4:28: S1's voted_for names \"S7\", which is not a server of this exercise"}},
	{name: "log terms decrease", src: "title: x\nservers: 3\ninitial:\n  S1: {term: 3, log: [1, 3, 2]}\nsteps: [heal]\n",
		errors: []string{"4:29: S1's log entry 3 has term 2, after an entry of term 3 (terms in a log never decrease (§5.3))"}},
	{name: "term below the log's last term", src: "title: x\nservers: 3\ninitial:\n  S1: {term: 1, log: [1, 2]}\nsteps: [heal]\n",
		errors: []string{"4:14: S1's term 1 is below the term 2 of its last log entry"}},
	{name: "negative term", src: "title: x\nservers: 3\ninitial:\n  S1: {term: -1}\nsteps: [heal]\n", structural: true,
		errors: []string{"4:14: S1's term must be between 0 and 999, not -1"}},
	{name: "term too large to print", src: "title: x\nservers: 3\ninitial:\n  S1: {term: 1000}\nsteps: [heal]\n", structural: true,
		errors: []string{"4:14: S1's term must be between 0 and 999, not 1000"}},
	{name: "negative message id", src: "title: x\nservers: 3\nsteps:\n  - timeout: S1\n  - deliver: {id: -2}\n", structural: true,
		errors: []string{"5:19: deliver: the message id must be between 1 and"}},
	{name: "character beyond U+FFFF", src: "title: Raft 🚣\nservers: 3\nsteps: [heal]\n",
		errors: []string{"1:8: title has the character '🚣' (U+1F6A3) at position 6, which the sheets cannot print (use a character from the Basic Multilingual Plane, or a word)"}},
	{name: "control character", src: "title: x\nservers: 3\nsteps:\n  - client: {server: S1, value: \"a\\u0007b\"}\n",
		errors: []string{"4:33: the client's value has the control character U+0007 at position 2, which the sheets cannot print"}},
	{name: "kv command without a key", src: "title: x\nservers: 3\nstate_machine: kv\nsteps:\n  - client: {server: S1, value: seven}\n",
		errors: []string{"5:33: the client's value \"seven\" is not a key-value command (a kv state machine takes commands such as \"x=3\" or \"x←3\")"}},
	{name: "stabilize that does not settle", src: "title: x\nservers: 2\noptions: {max_entries: 1, replicate: immediate}\ninitial:\n  S1: {term: 1, role: leader, log: [" + strings.Repeat("1, ", 120) + "1]}\n  S2: {term: 1, voted_for: S1}\nsteps:\n  - heartbeat: S1\n  - stabilize\n",
		errors: []string{"9:5: step 2 (stabilize, round 201): messages are still in flight after 200 rounds of delivery"}},
	{name: "too many steps", src: "title: x\nservers: 3\nsteps:\n" + strings.Repeat("  - heal\n", engine.MaxScriptSteps+1), structural: true,
		errors: []string{fmt.Sprintf("%d:5: the exercise has %d steps; the sheets hold at most %d (split it into several exercises)", engine.MaxScriptSteps+4, engine.MaxScriptSteps+1, engine.MaxScriptSteps)}},
	{name: "run too long for the sheets", src: "title: x\nservers: 1\nsteps:\n  - timeout: S1\n" + strings.Repeat("  - client: {server: S1, value: v}\n", 301),
		errors: []string{"305:5: step 302 (client S1 \"v\"): S1's log has 301 entries; the sheets hold at most 300"}},
	{name: "run without a clock", src: "title: x\nservers: 3\nsteps:\n  - run: 100ms\n",
		errors: []string{"4:5: `run:` needs a clock, but this exercise has no `timing:` section (add a `timing:` section, e.g. `timing: {election_timeout: 150ms..300ms, heartbeat: 50ms}`, or `timing:` alone for the defaults)"}},
	{name: "at without a clock", src: "title: x\nservers: 3\nsteps:\n  - heal:\n    at: 50ms\n",
		errors: []string{"4:5: `at:` needs a clock"}},
	{name: "a time without a unit", src: "title: x\nservers: 3\ntiming:\nsteps:\n  - run: 100\n", structural: true,
		errors: []string{"5:10: run \"100\" is not a time in whole milliseconds up to 1000s (give the unit: 100ms)"}},
	{name: "a range backwards", src: "title: x\nservers: 3\ntiming: {election_timeout: 300ms..150ms}\nsteps: [heal]\n",
		errors: []string{"3:28: election_timeout \"300ms..150ms\" is not a valid range (the first time must be at least 1ms and not above the second)"}},
	{name: "a heartbeat range", src: "title: x\nservers: 3\ntiming: {heartbeat: 40ms..60ms}\nsteps: [heal]\n", structural: true,
		errors: []string{"3:21: heartbeat \"40ms..60ms\" is not a time"}},
	{name: "zero latency", src: "title: x\nservers: 3\ntiming: {latency: 0ms}\nsteps: [heal]\n",
		errors: []string{"3:19: latency must be at least 1ms, not 0ms"}},
	{name: "unknown server's timeout", src: "title: x\nservers: 3\ntiming:\n  election_timeout: {S1: 150ms, S9: 200ms}\nsteps: [heal]\n",
		errors: []string{"4:33: election_timeout names \"S9\", which is not a server of this exercise"}},
	{name: "a link that is not one", src: "title: x\nservers: 3\ntiming:\n  latency: {S1S2: 3ms}\nsteps: [heal]\n", structural: true,
		errors: []string{"4:13: latency key \"S1S2\" is not a link between two servers of this exercise (name a link by two servers, such as S1-S2, or use `default`)"}},
	{name: "a step in the past", src: "title: x\nservers: 3\ntiming:\nsteps:\n  - run: 100ms\n  - crash: S1\n    at: 40ms\n",
		errors: []string{"6:5: step 2 (crash S1, at 100ms): this step is set at 40ms, but the clock is already at 100ms"}},
	{name: "vary without the step's server", src: "title: x\nservers: 3\nsteps:\n  - timeout: S1\n    vary: [S2, S3]\n",
		errors: []string{"4:5: vary does not include S1, the server of this step (list S1 too: vary names the servers that may take its place)"}},
	{name: "vary with one server", src: "title: x\nservers: 3\nsteps:\n  - timeout: S1\n    vary: [S1]\n", structural: true,
		errors: []string{"5:11: vary lists 1 server; list two or more (write `vary: [S1, S2, S3]`: the servers that may take each other's place)"}},
	{name: "several errors at once", src: "title: x\nservers: 3\nstate_machine: kvv\nsteps:\n  - timeout: S7\n  - delivr: all\n", structural: true,
		errors: []string{"3:16: state_machine cannot be \"kvv\" (did you mean `kv`?)", "5:14: timeout names \"S7\"", "6:5: unknown step `delivr` (did you mean `deliver`?)"}},

	// The options beyond Figure 2.
	{name: "a session without sessions", src: "title: x\nservers: 3\nsteps:\n  - client: {server: S1, value: v, session: c1}\n",
		errors: []string{"4:36: client sessions are off in this exercise (turn them on with `options: {sessions: true}`)"}},
	{name: "a serial number without a session", src: "title: x\nservers: 3\noptions: {sessions: true}\nsteps:\n  - client: {server: S1, value: v, seq: 2}\n",
		errors: []string{"5:13: seq needs a session (add `session: c1`"}},
	{name: "a read without reads", src: "title: x\nservers: 3\nsteps:\n  - read: S1\n",
		errors: []string{"4:5: read steps need reads on (turn them on with `options: {reads: read_index}` (or `lease`))"}},
	{name: "a lease without a clock", src: "title: x\nservers: 3\noptions: {reads: lease}\nsteps:\n  - read: S1\n",
		errors: []string{"3:10: reads: lease needs a clock, but this exercise has no `timing:` section"}},
	{name: "a kv read without a key", src: "title: x\nservers: 3\nstate_machine: kv\noptions: {reads: read_index}\nsteps:\n  - read: S1\n",
		errors: []string{"6:11: a kv store is read by key (write `read: {server: S1, key: x}`)"}},
	{name: "an unknown backup", src: "title: x\nservers: 3\noptions: {backup: fast}\nsteps: [heal]\n", structural: true,
		errors: []string{"3:19: backup cannot be \"fast\" (choose one of: decrement, conflict_term)"}},
	{name: "two changes in one config step", src: "title: x\nservers: 3\nsteps:\n  - config: {server: S1, add: S2, remove: S3}\n", structural: true,
		errors: []string{"4:13: config needs exactly one of add, remove and joint"}},
	{name: "joint with one configuration", src: "title: x\nservers: 3\nsteps:\n  - config: {server: S1, joint: [[S1, S2]]}\n", structural: true,
		errors: []string{"4:33: joint must be a list of two configurations, C_old and C_new"}},
	{name: "members names an unknown server", src: "title: x\nservers: 3\nmembers: [S1, S4]\nsteps: [heal]\n",
		errors: []string{"3:15: members names \"S4\", which is not a server of this exercise"}},
	{name: "adding a member", src: "title: x\nservers: 3\noptions: {noop_on_election: true}\nsteps:\n  - timeout: S1\n  - stabilize\n  - config: {server: S1, add: S2}\n",
		errors: []string{"7:5: step 3 (config S1 add S2): S2 is already a member of {S1, S2, S3}"}},
	{name: "a joint change from another configuration", src: "title: x\nservers: 3\nsteps:\n  - timeout: S1\n  - stabilize\n  - config: {server: S1, joint: [[S1, S2], [S2, S3]]}\n",
		errors: []string{"6:5: step 3 (config S1 joint {S2, S3}): the joint change starts from {S1, S2}, but S1's configuration is {S1, S2, S3}"}},
	{name: "a server that has not joined times out", src: "title: x\nservers: 4\nmembers: [S1, S2, S3]\nsteps:\n  - timeout: S4\n",
		errors: []string{"5:5: step 1 (timeout S4): S4 has joined no configuration yet"}},
	{name: "a snapshot beyond lastApplied", src: "title: x\nservers: 3\nsteps:\n  - snapshot: {server: S1, index: 2}\n",
		errors: []string{"4:5: step 1 (snapshot S1 through 2): S1 has applied entries up to index 0 only; a snapshot covers applied entries (§7)"}},
}

func TestCatalogueOfBadInput(t *testing.T) {
	for _, c := range Catalogue {
		t.Run(c.name, func(t *testing.T) {
			msg := loadAndRunError(t, c.src)
			lines := strings.Split(msg, "\n")
			if len(lines) != len(c.errors) {
				t.Fatalf("want %d errors, got %d:\n%s", len(c.errors), len(lines), msg)
			}
			for i, want := range c.errors {
				if !strings.Contains(lines[i], "test.yaml"+want) && !strings.Contains(lines[i], "test.yaml:"+want) {
					t.Errorf("error %d:\n got  %s\n want test.yaml:%s…", i+1, lines[i], want)
				}
			}
		})
	}
}

// loadAndRunError loads and runs a script that must fail, returning the
// message.
func loadAndRunError(t testing.TB, src string) string {
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
