package worksheet

import (
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// TestEveryBlankBoxHasAnID lays out every built-in exercise in both
// templates and checks each box a student writes in: if the worksheet
// leaves it blank, or the key writes in it, it has a field id in its
// corner, and the field is the page's; ids are unique. In the trace
// template a box the worksheet fills and the key adds nothing to has
// none; in the role-play every box to write in has one, given value or
// not (a value that could change is drawn alike whatever the key does).
func TestEveryBlankBoxHasAnID(t *testing.T) {
	for _, name := range exercises.Names() {
		for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
			b := buildExercise(t, name, kind, "a4")
			seen := map[string]bool{}
			for i, p := range b.doc.Pages {
				ids := map[page.Rect]string{}
				for _, tx := range p.Texts {
					if tx.IsFieldID() {
						ids[page.Rect{X: tx.R.X, Y: tx.R.Y, W: 0, H: 0}] = tx.String()
					}
				}
				onPage := map[string]bool{}
				for _, f := range p.Fields {
					onPage[f.ID] = true
					if seen[f.ID] {
						t.Errorf("%s/%s: the id %s is used twice", name, kind, f.ID)
					}
					seen[f.ID] = true
					if f.Page != i+1 {
						t.Errorf("%s/%s: %s says page %d, is on page %d", name, kind, f.ID, f.Page, i+1)
					}
				}
				for _, box := range p.Boxes {
					if !box.Write || box.Free {
						continue
					}
					id, has := ids[page.Rect{X: box.R.X, Y: box.R.Y, W: 0, H: 0}]
					blank := !printsInside(p, box.R, false)
					asked := blank || printsInside(p, box.R, true)
					switch {
					case (asked || kind == templates.KindRoleplay) && !has:
						t.Errorf("%s/%s page %d: a box to fill in at %s has no field id", name, kind, i+1, box.R)
					case !asked && has && kind == templates.KindTrace:
						t.Errorf("%s/%s page %d: the box of %s is filled in by the worksheet", name, kind, i+1, id)
					case has && !onPage[id] && !(kind == templates.KindTrace && endsAFieldID(p, id)):
						t.Errorf("%s/%s page %d: %s is printed but not a field of the page", name, kind, i+1, id)
					}
				}
			}
			if len(seen) == 0 {
				t.Errorf("%s/%s has no fields", name, kind)
			}
		}
	}
}

// endsAFieldID reports whether label is the last part of the id of a
// field of the page: the trace prints "term" in the box of step7.S2.term,
// the step and the server being written beside it.
func endsAFieldID(p *page.Page, label string) bool {
	for _, f := range p.Fields {
		if strings.HasSuffix(f.ID, "."+label) {
			return true
		}
	}
	return false
}

// printsInside reports whether the worksheet prints something in r other
// than a field id; answers, whether the key adds an answer.
func printsInside(p *page.Page, r page.Rect, answers bool) bool {
	for _, tx := range p.Texts {
		if tx.IsFieldID() || tx.R.X < r.X-page.Tolerance || tx.R.Y < r.Y-page.Tolerance || tx.R.Right() > r.Right()+page.Tolerance || tx.R.Bottom() > r.Bottom()+page.Tolerance {
			continue
		}
		for _, l := range tx.Lines {
			for _, run := range l {
				if (answers && run.Ink == page.Answer || !answers && run.Ink.PrintedOn(false)) && strings.TrimSpace(run.S) != "" {
					return true
				}
			}
		}
	}
	return false
}

// TestFieldIDsFollowTheScheme spot-checks the ids of both templates.
func TestFieldIDsFollowTheScheme(t *testing.T) {
	want := map[string][]string{
		templates.KindRoleplay: {"S1.vote[1]", "S1.role[1]", "S3.log[2].term", "S3.log[2].value", "S3.log[2].applied",
			"S1.commitIndex[2]", "S1.lastApplied[2]", "S1.stateMachine", "S1.nextIndex[S2]", "S1.matchIndex[S5]",
			"S1.end.role", "S1.end.term", "S1.end.votedFor", "S1.end.commitIndex",
			"rv1.from", "rv1.to", "rv1.term", "rv1.candidateId", "rv1.lastLogIndex", "rv1.lastLogTerm", "rv1.S1.term", "rv1.S2.ok",
			"ae1.leaderId", "ae1.prevLogIndex", "ae1.prevLogTerm", "ae1.entries", "ae1.leaderCommit", "ae1.S3.ok", "ae10.to"},
		templates.KindTrace: {"step1.S1.role", "step1.S1.term", "step1.S1.votedFor", "step1.S1.log.from", "step1.S1.log.entries",
			"step1.S1.commitIndex", "step1.msg[1].type", "step1.msg[1].from", "step1.msg[1].to", "step1.msg[1].term",
			"step1.msg[1].logIndex", "step1.msg[1].logTerm", "step1.msg[1].entries", "step1.msg[1].commit", "step6.msg[2].ok"},
	}
	for kind, ids := range want {
		b := buildExercise(t, "partition", kind, "a4")
		have := map[string]*field.Field{}
		for _, f := range b.doc.Fields() {
			have[f.ID] = f
		}
		for _, id := range ids {
			if have[id] == nil {
				t.Errorf("%s: no field %s", kind, id)
			}
		}
	}
	timed := buildExercise(t, "partition-timed", templates.KindRoleplay, "a4")
	trace := buildExercise(t, "partition-timed", templates.KindTrace, "a4")
	for _, c := range []struct {
		b  built
		id string
	}{{timed, "S3.electionAt[2]"}, {timed, "S1.heartbeatAt[2]"}, {timed, "ae1.sentAt"}, {timed, "ae1.S2.arrives"}, {trace, "step22.S3.timer"},
		{trace, "step30.time"}, {trace, "step30.event"}} {
		found := false
		for _, f := range c.b.doc.Fields() {
			found = found || f.ID == c.id
		}
		if !found {
			t.Errorf("partition-timed has no field %s", c.id)
		}
	}
}

// TestFieldAnswersAndRules checks a few answers of the partition key and
// the rules behind them, as the engine's reasons give them.
func TestFieldAnswersAndRules(t *testing.T) {
	b := buildExercise(t, "partition", templates.KindRoleplay, "a4")
	fields := map[string]*field.Field{}
	for _, f := range b.doc.Fields() {
		fields[f.ID] = f
	}
	for _, c := range []struct{ id, key, rule string }{
		{"S1.role[1]", "C→L", "A majority of votes wins the election (§5.2)"},
		{"S2.vote[1]", "S1", "Vote for a candidate with an up-to-date log (§5.2, §5.4.1)"},
		{"S1.commitIndex[2]", "1", "Figure 8 commit rule (§5.4.2)"},
		{"S2.commitIndex[2]", "1", "Follower commitIndex = min(leaderCommit, last new entry) (§5.3)"},
		{"S1.log[2].value", "bob tom", "A conflicting entry and all after it are deleted (§5.3)"},
		{"S1.role[2]", "F", "Higher term seen: adopt it, become follower (§5.1)"},
		{"S1.end.votedFor", "–", "Higher term seen: adopt it, become follower (§5.1)"},
		{"rv1.S2.ok", "yes", "Vote for a candidate with an up-to-date log (§5.2, §5.4.1)"},
		{"rv1.to", "S2, S3, S4, S5", "Election timeout: new term, vote for itself (§5.2)"},
		{"ae1.prevLogIndex", "0", "prevLogIndex = nextIndex − 1 for this follower (§5.3)"},
		{"ae1.from", "S1", "A majority of votes wins the election (§5.2)"},
	} {
		f := fields[c.id]
		if f == nil {
			t.Errorf("no field %s", c.id)
			continue
		}
		if f.KeyText() != c.key || f.Rule.String() != c.rule {
			t.Errorf("%s: key %q, rule %q; want %q, %q", c.id, f.KeyText(), f.Rule, c.key, c.rule)
		}
	}
	f8 := buildExercise(t, "figure8", templates.KindTrace, "a4")
	figure8 := 0
	for _, f := range f8.doc.Fields() {
		if f.Rule.Name == "Figure 8 commit rule" {
			figure8++
		}
	}
	if figure8 == 0 {
		t.Error("no field of figure8's trace names the Figure 8 commit rule")
	}
}

// TestRoleHistoriesFitOneLine: "C→L" and the other role stories of the
// Terms grid are printed on one line.
func TestRoleHistoriesFitOneLine(t *testing.T) {
	for _, name := range exercises.Names() {
		b := buildExercise(t, name, templates.KindRoleplay, "a4")
		for _, p := range b.doc.Pages {
			for _, tx := range p.Texts {
				raw := "" // a story is one word: the "How to fill in" box has arrows too
				for _, ln := range tx.Lines {
					for _, r := range ln {
						raw += r.S
					}
				}
				if strings.Contains(raw, "→") && p.Section == "state" && len(tx.Lines) > 1 && !strings.Contains(raw, " ") {
					t.Errorf("%s: the role story %q takes %d lines", name, tx.String(), len(tx.Lines))
				}
			}
		}
	}
}

// TestOverlappingIDIsAProblem makes sure the overlap check can fail.
func TestOverlappingIDIsAProblem(t *testing.T) {
	m, err := fonts.NewMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	id := page.Text{R: page.Rect{X: 20, Y: 20, W: 30, H: 3}, Lines: []page.Line{inked("S1.log[1].term", page.Faint)}, Size: 4.5, LineH: lh(4.5), PadX: idPadX}
	answer := page.Text{R: page.Rect{X: 20, Y: 19, W: 30, H: 6}, Lines: []page.Line{answer("12")}, Size: 9, LineH: lh(9), PadX: 1}
	doc := &page.Document{Area: page.Rect{X: 12, Y: 12, W: 186, H: 273}, Pages: []*page.Page{{Texts: []page.Text{id, answer}}}}
	if got := strings.Join(doc.Problems(m), "\n"); !strings.Contains(got, "runs into") {
		t.Errorf("an id under an answer is not reported: %q", got)
	}
	answer.R.Y += 6
	doc.Pages[0].Texts[1] = answer
	if got := doc.Problems(m); len(got) > 0 {
		t.Errorf("an id above its answer is reported: %v", got)
	}
}

// TestDuplicateFieldIDIsAProblem: two boxes with one id break answer files.
func TestDuplicateFieldIDIsAProblem(t *testing.T) {
	m, _ := fonts.NewMeasurer()
	doc := &page.Document{Area: page.Rect{X: 12, Y: 12, W: 186, H: 273}, Pages: []*page.Page{{Fields: []*field.Field{{ID: "S1.vote[1]", Page: 1}, {ID: "S1.vote[1]", Page: 1}}}}}
	if got := strings.Join(doc.Problems(m), "\n"); !strings.Contains(got, "S1.vote[1] is also on page 1") {
		t.Errorf("a repeated id is not reported: %q", got)
	}
}
