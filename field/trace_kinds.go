package field

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/templates"
)

// The spellings of the trace template's kinds: servers (a message's
// senders or receivers, in any order), rpc (a message's type) and event
// (what happens at a step of a timed run).

// ServersCanon is servers as grading compares them: lower case, sorted,
// each once.
func ServersCanon(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id = strings.ToLower(strings.TrimSpace(id)); id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// EventCanon is an event of a timed run as grading compares it: what
// happens (heartbeat, timeout, arrive) and at which servers, sorted.
func EventCanon(what string, servers []string) []string {
	return append([]string{what}, ServersCanon(servers)...)
}

// The events' canonical words.
const (
	EventHeartbeat = "heartbeat"
	EventTimeout   = "timeout"
	EventArrive    = "arrive"
)

var (
	eventWords = map[string]string{
		"heartbeat": EventHeartbeat, "heartbeats": EventHeartbeat, "hb": EventHeartbeat,
		"timeout": EventTimeout, "timeouts": EventTimeout, "election": EventTimeout, "times": EventTimeout,
		"arrive": EventArrive, "arrives": EventArrive, "arrival": EventArrive, "arrivals": EventArrive,
		"deliver": EventArrive, "delivered": EventArrive, "delivery": EventArrive,
	}
	// eventFiller are words a student may write around an event that
	// name neither what happens nor where.
	eventFiller = map[string]bool{"at": true, "fires": true, "fire": true, "timer": true, "timers": true, "message": true,
		"messages": true, "the": true, "to": true, "in": true, "of": true, "on": true, "out": true, "ms": true, "s": true,
		"and": true, "reach": true, "reaches": true, "sends": true, "send": true, "is": true, "are": true, "due": true}
	eventSplit = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^\pL\pN_.-]+`) })
)

// readRPC reads a message type: Figure 2's name, the template's, or
// RV, RVR, AE, AER; spaces and case aside.
func readRPC(s string, labels *templates.Labels) string {
	key := strings.ToLower(strings.NewReplacer(" ", "", "-", "", "_", "").Replace(s))
	short := map[string]engine.MessageType{"rv": engine.RequestVote, "rvr": engine.RequestVoteReply, "rvreply": engine.RequestVoteReply,
		"ae": engine.AppendEntries, "aer": engine.AppendEntriesReply, "aereply": engine.AppendEntriesReply,
		"is": engine.InstallSnapshot, "isr": engine.InstallSnapshotReply, "isreply": engine.InstallSnapshotReply,
		"pv": engine.PreVote, "pvr": engine.PreVoteReply, "pvreply": engine.PreVoteReply}
	if t, ok := short[key]; ok {
		return strings.ToLower(t.String())
	}
	if t, ok := messageType(s, labels); ok {
		return strings.ToLower(t.String())
	}
	for i, label := range []string{labels.RequestVoteShort, labels.RequestVoteReplyShort, labels.AppendEntriesShort, labels.AppendEntriesReplyShort,
		labels.InstallSnapshotShort, labels.InstallSnapshotReplyShort, labels.PreVoteShort, labels.PreVoteReplyShort} {
		if label != "" && key == strings.ToLower(strings.ReplaceAll(label, " ", "")) {
			return strings.ToLower(engine.MessageType(i).String())
		}
	}
	return key
}

// readEvent reads an event as a student writes it: "heartbeat S1",
// "S3's election timer fires", "messages arrive at S2 and S3".
func readEvent(s string, labels *templates.Labels) []string {
	words := map[string]string{}
	for w, c := range eventWords {
		words[w] = c
	}
	for label, c := range map[string]string{labels.EventHeartbeat: EventHeartbeat, labels.EventTimeout: EventTimeout, labels.EventArrive: EventArrive} {
		for _, w := range eventSplit().Split(strings.ToLower(placeholders().ReplaceAllString(label, " ")), -1) {
			if w != "" && words[w] == "" {
				words[w] = c
			}
		}
	}
	what := ""
	var servers []string
	for _, t := range eventSplit().Split(strings.ToLower(strings.ReplaceAll(s, "’", "'")), -1) {
		t = strings.TrimSuffix(strings.TrimSuffix(t, "'s"), ".")
		switch {
		case t == "" || eventFiller[t]:
		case words[t] != "":
			if what == "" {
				what = words[t]
			}
		default:
			servers = append(servers, t)
		}
	}
	if what == "" {
		return []string{strings.ToLower(strings.TrimSpace(s))}
	}
	return EventCanon(what, servers)
}

var placeholders = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{[A-Za-z_]*\}`) })
