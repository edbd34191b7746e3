package exercise

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/textsafe"
	"github.com/raftsheet/raftsheet/yaml"
)

const maxMillis = 1_000_000 // 1000 s: far beyond any exercise

var durationText = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s)\s*$`) })

// parseMillis reads "150ms" or "1.5s" as whole milliseconds.
func parseMillis(s string) (int, bool) {
	m := durationText().FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, false
	}
	if m[2] == "s" {
		v *= 1000
	}
	if v != math.Trunc(v) || v > maxMillis {
		return 0, false
	}
	return int(v), true
}

// millis reads a time such as 150ms; min is the smallest allowed.
func (l *loader) millis(n *yaml.Node, what string, min int) (int, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		l.at(n, "write a time such as 150ms or 1.5s", "%s must be a time, not %s", what, kindName(n))
		return 0, false
	}
	v, ok := parseMillis(n.Value)
	if !ok {
		hint := "write a time such as 150ms or 1.5s"
		if n.ShortTag() == "!!int" {
			hint = fmt.Sprintf("give the unit: %sms", n.Value)
		}
		l.at(n, hint, "%s %q is not a time in whole milliseconds up to %ds", what, n.Value, maxMillis/1000)
		return 0, false
	}
	if v < min {
		l.errorf(n, "%s must be at least %dms, not %dms", what, min, v)
		return 0, false
	}
	return v, true
}

// span reads a fixed time (5ms) or a range drawn at random (150ms..300ms).
func (l *loader) span(n *yaml.Node, what string) (engine.Span, bool) {
	if n.Kind == yaml.ScalarNode {
		if lo, hi, ok := strings.Cut(n.Value, ".."); ok {
			a, okA := parseMillis(lo)
			b, okB := parseMillis(hi)
			switch {
			case !okA || !okB:
				l.at(n, "write a range such as 150ms..300ms", "%s %q is not a range of times", what, n.Value)
				return engine.Span{}, false
			case a < 1 || b < a:
				l.at(n, "the first time must be at least 1ms and not above the second", "%s %q is not a valid range", what, n.Value)
				return engine.Span{}, false
			}
			return engine.Span{Lo: a, Hi: b}, true
		}
	}
	v, ok := l.millis(n, what, 1)
	return engine.Span{Lo: v, Hi: v}, ok
}

var timingKeys = []string{"election_timeout", "heartbeat", "latency", "seed"}

func (l *loader) loadTiming(n *yaml.Node) {
	if n == nil {
		return
	}
	t := &engine.Timing{ElectionTimeout: map[string]engine.TimeoutPlan{}, Heartbeat: engine.DefaultHeartbeat,
		Latency: engine.DefaultLatency, LinkLatency: map[engine.Link]engine.Span{}, Seed: engine.DefaultSeed}
	if n.ShortTag() == "!!null" { // `timing:` alone takes every default
		l.ex.Timing = l.withDefaultTimeouts(t, engine.TimeoutPlan{engine.DefaultElectionTimeout}, nil)
		return
	}
	var plans map[string]engine.TimeoutPlan
	fallback := engine.TimeoutPlan{engine.DefaultElectionTimeout}
	for _, p := range l.mapping(n, "timing", timingKeys) {
		switch p.key {
		case "election_timeout":
			plans, fallback = l.electionTimeouts(p.v, fallback)
		case "heartbeat":
			if v, ok := l.millis(p.v, "heartbeat", 1); ok {
				t.Heartbeat = v
			}
		case "latency":
			l.latency(p.v, t)
		case "seed":
			if v, ok := l.integer(p.v, "seed", 0, math.MaxInt32); ok {
				t.Seed = uint64(v)
			}
		}
	}
	l.ex.Timing = l.withDefaultTimeouts(t, fallback, plans)
}

func (l *loader) withDefaultTimeouts(t *engine.Timing, fallback engine.TimeoutPlan, plans map[string]engine.TimeoutPlan) *engine.Timing {
	for _, id := range l.ex.Config.Servers {
		if p, ok := plans[id]; ok {
			t.ElectionTimeout[id] = p
		} else {
			t.ElectionTimeout[id] = fallback
		}
	}
	return t
}

// electionTimeouts reads one plan for every server, or a plan per server
// with `default` for the rest.
func (l *loader) electionTimeouts(n *yaml.Node, fallback engine.TimeoutPlan) (map[string]engine.TimeoutPlan, engine.TimeoutPlan) {
	if n.Kind != yaml.MappingNode {
		if p, ok := l.plan(n, "election_timeout"); ok {
			return nil, p
		}
		return nil, fallback
	}
	plans := map[string]engine.TimeoutPlan{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := l.resolve(n.Content[i]), l.resolve(n.Content[i+1])
		if k.Value == "default" {
			if p, ok := l.plan(v, "election_timeout default"); ok {
				fallback = p
			}
			continue
		}
		id, ok := l.server(k, "election_timeout")
		if !ok {
			continue
		}
		if p, ok := l.plan(v, id+"'s election_timeout"); ok {
			plans[id] = p
		}
	}
	return plans, fallback
}

// plan reads a span, or a list of spans for successive timers.
func (l *loader) plan(n *yaml.Node, what string) (engine.TimeoutPlan, bool) {
	if n.Kind != yaml.SequenceNode {
		s, ok := l.span(n, what)
		return engine.TimeoutPlan{s}, ok
	}
	if len(n.Content) == 0 {
		l.at(n, "list one time or range per timer, such as [150ms, 150ms..300ms]", "%s is an empty list", what)
		return nil, false
	}
	var p engine.TimeoutPlan
	ok := true
	for _, c := range n.Content {
		s, good := l.span(l.resolve(c), what)
		ok = ok && good
		p = append(p, s)
	}
	return p, ok
}

// latency reads one span for every link, or `default` and links "S1-S2".
func (l *loader) latency(n *yaml.Node, t *engine.Timing) {
	if n.Kind != yaml.MappingNode {
		if s, ok := l.span(n, "latency"); ok {
			t.Latency = s
		}
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := l.resolve(n.Content[i]), l.resolve(n.Content[i+1])
		if k.Value == "default" {
			if s, ok := l.span(v, "latency default"); ok {
				t.Latency = s
			}
			continue
		}
		a, b, found := strings.Cut(k.Value, "-")
		if !found || !l.servers[a] || !l.servers[b] || a == b {
			l.at(k, "name a link by two servers, such as S1-S2, or use `default`", "latency key %s is not a link between two servers of this exercise", textsafe.Quote(k.Value, 60))
			continue
		}
		if s, ok := l.span(v, "latency of "+k.Value); ok {
			t.LinkLatency[l.link(a, b)] = s
		}
	}
}

// link orders a pair in cluster order.
func (l *loader) link(a, b string) engine.Link {
	for _, id := range l.ex.Config.Servers {
		if id == a {
			return engine.Link{A: a, B: b}
		}
		if id == b {
			return engine.Link{A: b, B: a}
		}
	}
	return engine.Link{A: a, B: b}
}

// runArgument reads `run: 300ms` or `run: {until: 450ms}`.
func (l *loader) runArgument(st *engine.Step, v *yaml.Node) {
	if v.Kind == yaml.MappingNode {
		for _, p := range l.mapping(v, "run", []string{"until"}) {
			st.RunUntil, _ = l.millis(p.v, "run until", 0)
			st.RunIsUntil = true
		}
		if !st.RunIsUntil {
			l.at(v, "write `run: 300ms` or `run: {until: 450ms}`", "run needs a time")
		}
		return
	}
	st.RunFor, _ = l.millis(v, "run", 1)
}

// checkTimedSteps: run and at need a clock.
func (l *loader) checkTimedSteps(steps []*yaml.Node) {
	if l.ex.Timing != nil {
		return
	}
	for i, st := range l.ex.Steps {
		if st.Kind == engine.StepRun || st.At != nil {
			what := "`at:`"
			if st.Kind == engine.StepRun {
				what = "`run:`"
			}
			l.at(steps[i], "add a `timing:` section, e.g. `timing: {election_timeout: 150ms..300ms, heartbeat: 50ms}`, or `timing:` alone for the defaults",
				"%s needs a clock, but this exercise has no `timing:` section", what)
			return
		}
	}
}
