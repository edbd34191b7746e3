package field

import (
	"fmt"
	"testing"

	"github.com/raftsheet/raftsheet/templates"
)

// Equivalent spellings a teacher accepts read as the key's words.
func TestSpellings(t *testing.T) {
	tpl, err := templates.Builtin("trace")
	if err != nil {
		t.Fatal(err)
	}
	labels := &tpl.Labels
	same := []struct {
		kind  Kind
		forms []string
	}{
		{KindNumber, []string{"3", " 3 ", "03", `"3"`, "'3'", "+3"}},
		{KindNumber, []string{"1 2 3", "1, 2, 3", "1→2→3", "[1, 2, 3]", "~~1~~ ~~2~~ 3"}},
		{KindNumber, []string{"-", "–", "none", "None", `""`, "n/a"}},
		{KindTime, []string{"325", "325ms", "325 ms", "at 325 ms", "election at 325ms"}},
		{KindServer, []string{"S1", "s1", " S1 ", "'S1'", "server S1"}},
		{KindServer, []string{"-", "none", "—", "nobody", `""`}},
		{KindServers, []string{"S2, S3", "s3 s2", "S3 and S2", "[S2, S3]", "S2,S3,S2"}},
		{KindServers, []string{"-", "none"}},
		{KindRoles, []string{"L", "l", "leader", "Leader", "LEADER"}},
		{KindRoles, []string{"C→L", "C->L", "c > l", "C, L", "candidate leader", "candidate→leader"}},
		{KindRoles, []string{"F", "follower"}},
		{KindRoles, []string{"×", "x", "down", "crashed"}},
		{KindAnswer, []string{"yes", "Yes", "y", "true", "ok", "OK", "✓", "granted", "success"}},
		{KindAnswer, []string{"no", "false", "denied", "failure", "✗"}},
		{KindAnswer, []string{"drop", "dropped", "drops"}},
		{KindAnswer, []string{"…", "...", "in flight"}},
		{KindValues, []string{"sally", "Sally", "1:sally", `"sally"`, "“sally”"}},
		{KindValues, []string{"bob tom", "~~bob~~ tom", "(bob) tom", "bob, tom", "1:bob 2:tom"}},
		{KindEntries, []string{"1:x 2:y", "1:x, 2:y", "[1:x, 2:y]", "1:X 2:Y"}},
		{KindEntries, []string{"none", "-", "[]", "none (heartbeat)", "heartbeat"}},
		{KindMessage, []string{
			"AppendEntries S1 → S2, S3 · term 1 · prevLogIndex 1 · prevLogTerm 1 · entries 1:x · leaderCommit 0",
			"appendentries S1 -> S3, S2; leaderCommit 0; entries [1:x]; term 1; prevLogTerm 1; prevLogIndex 1",
			"AppendEntries from s1 to s2 s3 | term 1 | prev log index 1 | prev log term 1 | entries 1:x | leader commit 0",
		}},
		{KindMessage, []string{"RequestVoteReply S2 → S1 · term 1 · vote granted", "RequestVoteReply S2->S1; term 1; granted"}},
		{KindServers, []string{"S2, S3", "S3 S2", "s3 and s2", "S2,S3,S2", "servers S3, S2"}},
		{KindServers, []string{"S1", "s1", "server S1"}},
		{KindRPC, []string{"AppendEntries", "appendentries", "Append Entries", "AE", "ae"}},
		{KindRPC, []string{"RequestVoteReply", "RVR", "RV reply", "request vote reply"}},
		{KindEvent, []string{"heartbeat S1", "S1 heartbeat", "S1's heartbeat timer fires", "hb s1"}},
		{KindEvent, []string{"timeout S3", "S3's election timer fires", "S3 times out", "election timeout S3"}},
		{KindEvent, []string{"arrive at S2, S3", "messages arrive at S3 and S2", "arrivals S2 S3", "delivered to S2, S3"}},
	}
	for _, c := range same {
		want := Normalize(c.kind, c.forms[0], labels)
		for _, form := range c.forms[1:] {
			if got := Normalize(c.kind, form, labels); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s %q reads %v, %q reads %v", c.kind, c.forms[0], want, form, got)
			}
		}
	}
	differ := []struct {
		kind Kind
		a, b string
	}{
		{KindNumber, "1 2", "2 1"},
		{KindRoles, "C→L", "L→C"},
		{KindAnswer, "yes", "no"},
		{KindValues, "sally", "sal"},
		{KindServer, "S1", "S11"},
		{KindServers, "S1, S2", "S1, S3"},
		{KindServers, "S1, S2", "S1"},
		{KindMessage, "RequestVoteReply S2 → S1 · term 1 · vote granted", "RequestVoteReply S2 → S1 · term 1 · vote denied"},
		{KindServers, "S2, S3", "S2"},
		{KindRPC, "AppendEntries", "AppendEntriesReply"},
		{KindRPC, "AE", "RV"},
		{KindEvent, "heartbeat S1", "timeout S1"},
		{KindEvent, "arrive at S2", "arrive at S2, S3"},
		{KindEvent, "heartbeat S1", "heartbeat S2"},
	}
	for _, c := range differ {
		if a, b := Normalize(c.kind, c.a, labels), Normalize(c.kind, c.b, labels); fmt.Sprint(a) == fmt.Sprint(b) {
			t.Errorf("%s %q and %q both read %v", c.kind, c.a, c.b, a)
		}
	}
}

// A log entry deleted at the end is written "deleted" (the role-play's
// label) or "–" after it: the same.
func TestDeletedReadsAsNone(t *testing.T) {
	tpl, err := templates.Builtin("roleplay")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprint(Normalize(KindValues, "z –", &tpl.Labels))
	for _, form := range []string{"z deleted", "~~z~~ Deleted", "z, -"} {
		if got := fmt.Sprint(Normalize(KindValues, form, &tpl.Labels)); got != want {
			t.Errorf("%q reads %s, want %s", form, got, want)
		}
	}
	if got := fmt.Sprint(Normalize(KindValues, "z deleted", &tpl.Labels)); got != "[z -]" {
		t.Errorf(`"z deleted" reads %s`, got)
	}
}
