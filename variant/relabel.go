package variant

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// relabel copies ex with every server reference mapped through server
// (who plays each part), the cluster order renamed through name, and
// client values mapped through value.
func relabel(ex *exercise.Exercise, server, name, value map[string]string) *exercise.Exercise {
	out := *ex
	sv := func(id string) string {
		if id == "" {
			return ""
		}
		return server[id]
	}
	vals := func(v string) string {
		if nv, ok := value[v]; ok {
			return nv
		}
		return v
	}
	list := func(ids []string) []string {
		if ids == nil {
			return nil
		}
		o := make([]string, len(ids))
		for i, id := range ids {
			o[i] = sv(id)
		}
		return o
	}
	cfg := ex.Config
	cfg.Servers = make([]string, len(ex.Config.Servers))
	for i, id := range ex.Config.Servers {
		cfg.Servers[i] = name[id]
	}
	if ex.Config.Members != nil { // the initial configuration (§6), in cluster order
		members := list(ex.Config.Members)
		cfg.Members = nil
		for _, id := range cfg.Servers {
			if slices.Contains(members, id) {
				cfg.Members = append(cfg.Members, id)
			}
		}
	}
	out.Config = cfg

	order := map[string]int{}
	for i, id := range cfg.Servers {
		order[id] = i
	}
	out.Initial = nil
	for _, in := range ex.Initial {
		in.ID, in.VotedFor = sv(in.ID), sv(in.VotedFor)
		in.Log = append(engine.Log(nil), in.Log...)
		for i := range in.Log {
			in.Log[i].Value = vals(in.Log[i].Value)
		}
		out.Initial = append(out.Initial, in)
	}
	sort.SliceStable(out.Initial, func(i, j int) bool { return order[out.Initial[i].ID] < order[out.Initial[j].ID] })

	out.Steps = make([]engine.Step, len(ex.Steps))
	for i, st := range ex.Steps {
		st.Server, st.Value = sv(st.Server), vals(st.Value)
		st.Ask = list(st.Ask)
		st.Change.Add, st.Change.Remove = sv(st.Change.Add), sv(st.Change.Remove)
		st.Change.Joint, st.Change.From = list(st.Change.Joint), list(st.Change.From)
		if st.NoteOn != nil {
			on := *st.NoteOn
			on.Server = sv(on.Server)
			st.NoteOn = &on
		}
		st.Selection = append(engine.Selection(nil), st.Selection...)
		for j := range st.Selection {
			st.Selection[j].From, st.Selection[j].To = sv(st.Selection[j].From), sv(st.Selection[j].To)
		}
		groups := make([][]string, len(st.Groups))
		for j, g := range st.Groups {
			groups[j] = list(g)
		}
		if st.Groups != nil {
			st.Groups = groups
		}
		out.Steps[i] = st
	}
	out.Questions = relabelQuestions(ex.Questions, func(id string) string { return server[id] }, vals, order)
	out.Vary = make([][]string, len(ex.Vary))
	for i, vary := range ex.Vary {
		out.Vary[i] = list(vary)
	}
	if ex.Timing != nil {
		t := *ex.Timing
		t.ElectionTimeout = map[string]engine.TimeoutPlan{}
		for id, p := range ex.Timing.ElectionTimeout {
			t.ElectionTimeout[sv(id)] = p
		}
		t.LinkLatency = map[engine.Link]engine.Span{}
		for l, s := range ex.Timing.LinkLatency {
			a, b := sv(l.A), sv(l.B)
			if order[b] < order[a] {
				a, b = b, a
			}
			t.LinkLatency[engine.Link{A: a, B: b}] = s
		}
		out.Timing = &t
	}
	return &out
}

// retext rewrites the title, goal, summary, brief, notes and
// explanations for the variant: server names as whole words, client
// values where quoted ("sally", “sally”).
func retext(out, ex *exercise.Exercise, server, value map[string]string) {
	r := textReplacer(server, value)
	out.Title, out.Goal, out.Summary, out.Brief = r(ex.Title), r(ex.Goal), r(ex.Summary), r(ex.Brief)
	for i := range out.Steps {
		out.Steps[i].Note, out.Steps[i].Explain = r(ex.Steps[i].Note), r(ex.Steps[i].Explain)
	}
	for i := range out.Questions {
		out.Questions[i].Text = r(ex.Questions[i].Text)
	}
}

func textReplacer(server, value map[string]string) func(string) string {
	repl := map[string]string{}
	var alts []string
	for from, to := range server {
		if from != to {
			repl[from] = to
			alts = append(alts, wordBounded(from))
		}
	}
	for from, to := range value {
		if from == to {
			continue
		}
		if _, _, kv := engine.ParseKV(from); kv {
			// A command such as x←4 is distinctive: replace it anywhere.
			repl[from] = to
			alts = append(alts, wordBounded(from))
			continue
		}
		for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}} {
			repl[q[0]+from+q[1]] = q[0] + to + q[1]
			alts = append(alts, regexp.QuoteMeta(q[0]+from+q[1]))
		}
	}
	if len(alts) == 0 {
		return func(s string) string { return s }
	}
	// Longer alternatives first, so S10 is never read as S1.
	sort.Slice(alts, func(i, j int) bool {
		if len(alts[i]) != len(alts[j]) {
			return len(alts[i]) > len(alts[j])
		}
		return alts[i] < alts[j]
	})
	re := regexp.MustCompile(strings.Join(alts, "|"))
	return func(s string) string {
		return re.ReplaceAllStringFunc(s, func(m string) string { return repl[m] })
	}
}

// wordBounded matches s only as a whole token: not S1 inside S12, nor x=3
// inside x=37.
func wordBounded(s string) string {
	re := regexp.QuoteMeta(s)
	isWord := regexp.MustCompile(`^\w$`).MatchString
	if isWord(s[:1]) {
		re = `\b` + re
	}
	if isWord(s[len(s)-1:]) {
		re += `\b`
	}
	return re
}
