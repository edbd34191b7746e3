package worksheet

import (
	"regexp"
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// timerKind is which of a server's two timers: the election timer of a
// follower or candidate, or the heartbeat of a leader.
type timerKind int

const (
	electionTimer timerKind = iota
	heartbeatTimer
)

// timers are the successive times a timer is due to fire: the first, set
// before the run, given; every later one an answer. A timer that stops
// before it fires — the election timer of a server that becomes leader,
// the heartbeat of a leader that steps down, both when a server crashes
// (Figure 2, §5.2) — leaves its time struck through: nothing fires then.
// A timer that fires or restarts just gets its next time in the next box.
func (h *history) timers(kind timerKind) []change {
	var out []change
	running := false
	for i, s := range h.snaps {
		t := s.ElectionTimerMs
		if kind == heartbeatTimer {
			t = s.HeartbeatMs
		}
		if t == nil || !s.Up {
			if running { // cancelled in step i
				out[len(out)-1].struck, out[len(out)-1].at = true, i
			}
			running = false
			continue
		}
		if v := itoa(*t); !running || out[len(out)-1].s != v {
			out = append(out, change{s: v, ink: inkAt(i), at: i})
		}
		running = true
	}
	return out
}

// fixedTimeout matches an election timeout that is one time, not drawn.
var fixedTimeout = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d+ms$`) })

// fixedTimeout reports whether server's election timeout is one fixed
// time, so that a student can work out when its timer fires.
func (l *layout) fixedTimeout(server string) bool {
	return l.tr.Timing != nil && fixedTimeout().MatchString(l.tr.Timing.ElectionTimeout[server])
}

// timeoutWords is server's election timeout as the sheets print it:
// "145 ms", "150–300 ms at random".
func (l *layout) timeoutWords(server string) string {
	s := l.tr.Timing.ElectionTimeout[server]
	s = strings.NewReplacer("ms..", "–", "ms", " ms", "[", "", "]", "").Replace(s)
	return s
}

// lastTime is the clock at the end of a timed run, 0 for an untimed one.
func (l *layout) lastTime() int {
	t := 0
	for _, st := range l.tr.Steps {
		if st.TimeMs != nil {
			t = max(t, *st.TimeMs)
		}
		for _, s := range st.Servers {
			for _, p := range []*int{s.ElectionTimerMs, s.HeartbeatMs} {
				if p != nil {
					t = max(t, *p)
				}
			}
		}
	}
	return t
}

// clockBlock is a timed exercise's Clock on a Raft State sheet: the
// server's timeouts, and the times its timers fire, one box per restart.
func (l *layout) clockBlock(g *sheetGrid, h *history) {
	if l.tr.Timing == nil {
		return
	}
	lbl, st := l.lbl, l.st
	// Every sheet's paragraph takes as many lines as the longest, so the
	// boxes below sit alike on every sheet.
	lines := 0
	for _, other := range g.histories {
		lines = max(lines, len(l.wrapIn(page.Words(l.clockText(other), page.Print), fonts.Regular, st.small, l.Body.W)))
	}
	rows := l.heading(lbl.ClockTitle, st.body)
	text := l.paragraph(page.Words(l.clockText(h), page.Print), fonts.Regular, st.small, l.Body.X, l.Body.W)
	rows = append(rows, text...)
	rows[len(rows)-1].KeepNext = true
	rows = append(rows, page.Gap(1+float64(lines-len(text))*lh(st.small)))
	rows = append(rows, l.historyBoxes(g, h, lbl.ClockTitle, lbl.ElectionAt, "electionAt", g.timerCells, orNone(h.timers(electionTimer), lbl), field.KindTime, topicTimer)...)
	rows = append(rows, l.historyBoxes(g, h, lbl.ClockTitle, lbl.HeartbeatAt, "heartbeatAt", g.timerCells, orNone(h.timers(heartbeatTimer), lbl), field.KindTime, topicHeartbeat)...)
	l.Place(page.Block{Rows: rows})
	l.Space(st.gap)
}

// clockText is the Clock's paragraph on h's sheet: its election timeout
// and the heartbeat interval. A timeout drawn at random is told as it is
// drawn, in class: printing the draws here would say how often the timer
// restarts.
func (l *layout) clockText(h *history) string {
	text := l.lbl.ClockRandom
	if l.fixedTimeout(h.id) {
		text = l.lbl.ClockFixed
	}
	return fill(text, "timeout", l.timeoutWords(h.id), "heartbeat", itoa(l.tr.Timing.HeartbeatMs))
}

// orNone is "–" for a timer that never runs (a server that never leads
// has no heartbeat), so the key says so.
func orNone(cs []change, lbl *templates.Labels) []change {
	if len(cs) == 0 {
		return []change{{s: lbl.None, ink: page.Answer}}
	}
	return cs
}
