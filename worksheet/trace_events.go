package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/page"
)

// A timed run's events happen by themselves: a timer fires, a leader's
// heartbeat is due, messages arrive. When and which is for the student
// to work out, so a step the script asks about shows its event and time
// as boxes; only what the script gives (`at:` times, the teacher's
// events) is printed.

// derived reports whether step s is an event of a timed run (the
// trace's event "arrive #…", or "… (timer)") rather than one the script
// gives: a run step, and a step with `at:`, first play the timed events
// due before it.
func (l *layout) derived(s engine.StepRecord) bool {
	return strings.HasPrefix(s.Event, "arrive ") || strings.HasSuffix(s.Event, "(timer)")
}

// timeAsked reports whether a step's time and event are the student's
// to work out: an event of a timed run, even one whose servers the
// script does not ask about (derived times are never printed).
func (l *layout) timeAsked(s engine.StepRecord) bool {
	return l.derived(s)
}

// trEvent is a timed run's event as the key writes it: what happens and
// where.
type trEvent struct {
	what    string   // field.EventHeartbeat, EventTimeout, EventArrive
	servers []string // whose timer, or where messages arrive
}

// eventOf reads a timed run's step: "heartbeat S1 (timer)", "timeout S3
// (timer)", "arrive #1 #2".
func (l *layout) eventOf(s engine.StepRecord) trEvent {
	kind, rest, _ := strings.Cut(s.Event, " ")
	switch kind {
	case "heartbeat":
		return trEvent{what: field.EventHeartbeat, servers: []string{strings.Fields(rest)[0]}}
	case "timeout":
		return trEvent{what: field.EventTimeout, servers: []string{strings.Fields(rest)[0]}}
	}
	at := map[string]bool{}
	for _, id := range append(append([]int(nil), s.Delivered...), s.Lost...) { // a message across a partition arrives, and is lost
		if m, ok := l.message(id); ok {
			at[m.msg.To] = true
		}
	}
	var servers []string
	for _, id := range l.tr.Servers {
		if at[id] {
			servers = append(servers, id)
		}
	}
	return trEvent{what: field.EventArrive, servers: servers}
}

// eventText is an event in the template's words: "heartbeat S1",
// "arrive at S2, S3".
func (l *layout) eventText(e trEvent) string {
	switch e.what {
	case field.EventHeartbeat:
		return fill(l.lbl.EventHeartbeat, "server", e.servers[0])
	case field.EventTimeout:
		return fill(l.lbl.EventTimeout, "server", e.servers[0])
	}
	return fill(l.lbl.EventArrive, "servers", strings.Join(e.servers, ", "))
}

// eventRule is the rule behind a timed run's event: the timer's, or,
// for arrivals, the reason the first message to arrive was sent.
func (l *layout) eventRule(s engine.StepRecord, e trEvent) field.Rule {
	switch e.what {
	case field.EventHeartbeat:
		return l.rules.named(engine.RuleHeartbeatTimer)
	case field.EventTimeout:
		return l.rules.named(engine.RuleElectionTimer)
	}
	for _, id := range s.Delivered {
		if m, ok := l.message(id); ok {
			return l.rules.messageRule(m.step, id)
		}
	}
	return l.rules.named(engine.RuleArguments)
}

// eventFields are the time and event boxes of a timed run's step.
func (l *layout) eventFields(s engine.StepRecord) (time, event held, tf, ef *field.Field) {
	e := l.eventOf(s)
	time = holding(itoa(*s.TimeMs), page.Answer)
	event.addWords(l.eventText(e), page.Answer)
	rule := l.eventRule(s, e)
	part := fill(l.lbl.Step, "n", itoa(s.N))
	tf = l.newField(field.StepTimeID(s.N), field.KindTime, time, e.servers[0], s.N, rule, part, l.lbl.Time)
	ef = l.newField(field.StepEventID(s.N), field.KindEvent, event, e.servers[0], s.N, rule, part, l.lbl.Event)
	ef.Canon = field.EventCanon(e.what, e.servers)
	ef.Alt = ef.Canon
	return time, event, tf, ef
}

// sentMessage is a message and the step that sent it.
type sentMessage struct {
	msg  engine.Message
	step int
}

// message is message id as sent, and by which step.
func (l *layout) message(id int) (sentMessage, bool) {
	m, ok := l.traceChanges().sent[id]
	return m, ok
}

// stepWords is what a step does in plain words, as the sheets print it:
// an event of a timed run as the key writes it, else the runner's words
// (which name a message picked by number by what it is, not its number).
func (l *layout) stepWords(s engine.StepRecord) string {
	if l.derived(s) {
		return l.sentence(l.eventText(l.eventOf(s)))
	}
	return l.sentence(s.Words)
}
