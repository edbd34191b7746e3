package engine

import (
	"fmt"
	"sort"
	"strings"
)

// Span is a time in milliseconds, fixed (Lo == Hi) or drawn uniformly from
// Lo…Hi by the exercise's seeded generator each time it is used.
type Span struct{ Lo, Hi int }

func (s Span) String() string {
	if s.Lo == s.Hi {
		return fmt.Sprintf("%dms", s.Lo)
	}
	return fmt.Sprintf("%dms..%dms", s.Lo, s.Hi)
}

// TimeoutPlan is a server's election timeouts: the first timer uses the
// first span, the second the second, and so on; the last span repeats.
type TimeoutPlan []Span

func (p TimeoutPlan) String() string {
	parts := make([]string, len(p))
	for i, s := range p {
		parts[i] = s.String()
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// least is the shortest timeout the plan allows: a leader's CheckQuorum
// interval, a baseline election timeout.
func (p TimeoutPlan) least() int {
	out := p[0].Lo
	for _, s := range p {
		out = min(out, s.Lo)
	}
	return out
}

// span is the span of the n-th timer (0-based).
func (p TimeoutPlan) span(n int) Span { return p[min(n, len(p)-1)] }

// Timing makes an exercise run on a simulated clock that starts at 0 ms
// (§5.2: randomized election timeouts; §5.6: timing and availability).
type Timing struct {
	ElectionTimeout map[string]TimeoutPlan // every server has one
	Heartbeat       int                    // a leader's heartbeat interval
	Latency         Span                   // message delay on every link…
	LinkLatency     map[Link]Span          // …unless its link has its own
	Seed            uint64
}

// Link is an unordered pair of servers, stored in cluster order.
type Link struct{ A, B string }

// Defaults of a timing section: the paper's 150–300 ms election timeouts
// (§9.3), a heartbeat every 50 ms as in "The Secret Lives of Data", and
// 5 ms messages.
var (
	DefaultElectionTimeout = Span{150, 300}
	DefaultHeartbeat       = 50
	DefaultLatency         = Span{5, 5}
	DefaultSeed            = uint64(1)
)

// latency is the span for a message from a to b.
func (t *Timing) latency(a, b string) Span {
	if s, ok := t.LinkLatency[Link{a, b}]; ok {
		return s
	}
	if s, ok := t.LinkLatency[Link{b, a}]; ok {
		return s
	}
	return t.Latency
}

// Describe says the timing in words, for the cover and the text trace.
func (t *Timing) Describe(servers []string) []string {
	var lines []string
	same := true
	for _, id := range servers {
		if t.ElectionTimeout[id].String() != t.ElectionTimeout[servers[0]].String() {
			same = false
		}
	}
	if same {
		lines = append(lines, "election timeout "+t.ElectionTimeout[servers[0]].String()+" on every server")
	} else {
		var parts []string
		for _, id := range servers {
			parts = append(parts, id+" "+t.ElectionTimeout[id].String())
		}
		lines = append(lines, "election timeouts: "+strings.Join(parts, ", "))
	}
	lines = append(lines, fmt.Sprintf("heartbeat every %dms", t.Heartbeat))
	lat := "message latency " + t.Latency.String()
	if len(t.LinkLatency) > 0 {
		var links []string
		for l, s := range t.LinkLatency {
			links = append(links, l.A+"–"+l.B+" "+s.String())
		}
		sort.Strings(links)
		lat += " (" + strings.Join(links, ", ") + ")"
	}
	lines = append(lines, lat, fmt.Sprintf("random draws from seed %d", t.Seed))
	return lines
}
