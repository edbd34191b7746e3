package worksheet

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/templates"
)

// TestRepliesMatchTheirRequests checks the pairing of requests and
// replies on every built-in exercise against what replies say: a reply
// goes back to the request's sender, from its receiver, one step after the
// request was sent at the earliest, and every delivered request has one.
func TestRepliesMatchTheirRequests(t *testing.T) {
	for _, name := range exercises.Names() {
		_, tr := loadRun(t, name)
		fates, err := matchReplies(tr)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sentIn := map[int]int{}
		requests := map[int]engine.Message{}
		for _, st := range tr.Steps {
			for _, m := range st.Messages {
				sentIn[m.ID] = st.N
				if !m.Type.IsReply() {
					requests[m.ID] = m
				}
			}
		}
		replies := map[int]int{}
		for id, req := range requests {
			f := fates[id]
			if f.fate != answered {
				continue
			}
			r := f.reply
			if r.From != req.To || r.To != req.From || r.Type != req.Type.ReplyType() || sentIn[r.ID] <= sentIn[id] {
				t.Errorf("%s: request #%d (%s %s→%s) paired with reply #%d (%s %s→%s)", name, id, req.Type, req.From, req.To, r.ID, r.Type, r.From, r.To)
			}
			replies[r.ID]++
		}
		for id, n := range replies {
			if n > 1 {
				t.Errorf("%s: reply #%d answers %d requests", name, id, n)
			}
		}
	}
}

func TestPartitionFirstVotes(t *testing.T) {
	ex, _ := exercises.Load("partition")
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	fates, err := matchReplies(tr)
	if err != nil {
		t.Fatal(err)
	}
	for req, reply := range map[int]int{1: 5, 2: 6, 3: 7, 4: 8} {
		f := fates[req]
		if f.fate != answered || f.reply.ID != reply || !f.reply.VoteGranted {
			t.Errorf("RequestVote #%d: %+v, want granted by reply #%d", req, f, reply)
		}
	}
	slips := slipsOf(tr, fates)
	if got := idList(slips[0].ids); got != "#1–4" || len(slips[0].to) != 4 {
		t.Errorf("the first slip is %s to %v, want the broadcast #1–4 to four peers", got, slips[0].to)
	}
}

func TestIDList(t *testing.T) {
	for _, c := range []struct {
		ids  []int
		want string
	}{{[]int{7}, "#7"}, {[]int{1, 2, 3, 4}, "#1–4"}, {[]int{17, 19, 20}, "#17, #19–20"}} {
		if got := idList(c.ids); got != c.want {
			t.Errorf("idList(%v) = %q, want %q", c.ids, got, c.want)
		}
	}
}

// A duplicated request's copies each get a reply of their own, and the
// pairing follows InReplyTo, not the order replies are sent in.
func TestDuplicatedRequestsPairByInReplyTo(t *testing.T) {
	ex, err := exercise.Load("dup.yaml", "dup", []byte(`title: dup
servers: 3
steps:
  - timeout: S1
  - duplicate: {id: 1}
  - duplicate: {id: 1}
  - deliver: all
`))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := exercise.Run(ex)
	if err != nil {
		t.Fatal(err)
	}
	fates, err := matchReplies(tr)
	if err != nil {
		t.Fatal(err)
	}
	replies := map[int]bool{}
	for _, st := range tr.Steps {
		for _, m := range st.Messages {
			if m.Type.IsReply() {
				continue
			}
			f := fates[m.ID]
			if f.fate != answered || f.reply.InReplyTo != m.ID || replies[f.reply.ID] {
				t.Errorf("request #%d: %+v", m.ID, f)
			}
			replies[f.reply.ID] = true
		}
	}
	if len(replies) != 4 {
		t.Errorf("%d replies paired, want 4 (two requests and two copies)", len(replies))
	}
	bad := *tr
	bad.Steps = append([]engine.StepRecord(nil), tr.Steps...)
	last := &bad.Steps[len(bad.Steps)-1]
	last.Messages = append([]engine.Message(nil), last.Messages...)
	last.Messages[0].InReplyTo = 99
	if _, err := matchReplies(&bad); err == nil || !strings.Contains(err.Error(), "answers #99") {
		t.Errorf("a reply to no request: %v", err)
	}
}

// A script may duplicate a reply: the copy is the network's, and the
// sheets of both templates build (the vote it carries counts once).
func TestDuplicatedRepliesBuild(t *testing.T) {
	src := `title: A duplicated vote
servers: 3
steps:
  - timeout: S1
  - deliver: {to: S2}
  - duplicate: {from: S2, to: S1}
  - deliver: {to: S1}
  - deliver: all
`
	ex, err := exercise.Load("dup.yaml", "dup", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
		b, err := buildLoaded(ex, kind, "a4")
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if b.pdfs == nil || len(b.pdfs.Worksheet) == 0 {
			t.Fatalf("%s: no PDF", kind)
		}
	}
}

// A server named like a role letter of the Terms grid (L for leader)
// cannot have a role-play sheet: its name in a vote box would read as a
// role. The error names the line and what to do; the trace template,
// which writes roles in words, builds.
func TestServerNamedLikeARoleLetter(t *testing.T) {
	src := "title: t\nservers: [L, a, b]\nsteps:\n  - timeout: a\n"
	ex, err := exercise.Load("l.yaml", "l", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = buildLoaded(ex, templates.KindRoleplay, "a4")
	if err == nil || !strings.Contains(err.Error(), `l.yaml:2:11: the server "L" has the name of the role letter for leader`) {
		t.Errorf("got %v", err)
	}
	if _, err := buildLoaded(ex, templates.KindTrace, "a4"); err != nil {
		t.Errorf("trace: %v", err)
	}
}
