package engine

import (
	"fmt"
	"sort"
	"strings"
)

// Network is the multiset of messages in flight and the current partition.
// Messages stay in flight until a step delivers, drops or duplicates them;
// a delivery across the partition or to a crashed server is lost.
type Network struct {
	inFlight []Message      // in increasing ID order
	lastID   int            // IDs are #1, #2, … in sending order
	group    map[string]int // partition group of each server; nil when healed
	stamp    func(*Message) // a timed cluster's arrival times; nil otherwise
}

// Send gives m the next sequence number and puts it in flight.
func (n *Network) Send(m Message) Message {
	n.lastID++
	m.ID = n.lastID
	if n.stamp != nil {
		n.stamp(&m)
	}
	n.inFlight = append(n.inFlight, m)
	return m
}

// InFlight is every message in flight, by number.
func (n *Network) InFlight() []Message { return append([]Message(nil), n.inFlight...) }

// Take removes and returns the messages sel picks, ordered for delivery: by
// receiver in cluster order, then by number.
func (n *Network) Take(sel Selection, order map[string]int) []Message {
	var picked []Message
	kept := n.inFlight[:0] // filter in place: kept never overtakes the reader
	for _, m := range n.inFlight {
		if sel.picks(m) {
			picked = append(picked, m)
		} else {
			kept = append(kept, m)
		}
	}
	clear(n.inFlight[len(kept):]) // drop references to the taken messages' entries
	n.inFlight = kept
	sort.SliceStable(picked, func(i, j int) bool {
		if a, b := order[picked[i].To], order[picked[j].To]; a != b {
			return a < b
		}
		return picked[i].ID < picked[j].ID
	})
	return picked
}

func (s Selection) picks(m Message) bool {
	for _, sel := range s {
		if sel.Matches(m) {
			return true
		}
	}
	return false
}

// Unmatched lists the selectors of s that pick nothing in flight.
func (n *Network) Unmatched(s Selection) []Selector {
	var out []Selector
	for _, sel := range s {
		found := false
		for _, m := range n.inFlight {
			if sel.Matches(m) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, sel)
		}
	}
	return out
}

// Partition splits the servers into groups; a server in no group is alone.
func (n *Network) Partition(groups [][]string) {
	n.group = map[string]int{}
	for i, g := range groups {
		for _, id := range g {
			n.group[id] = i + 1
		}
	}
}

// Heal joins every server again.
func (n *Network) Heal() { n.group = nil }

// Connected reports whether a message from a can reach b.
func (n *Network) Connected(a, b string) bool {
	if n.group == nil {
		return true
	}
	ga, gb := n.group[a], n.group[b]
	return ga != 0 && ga == gb
}

// Describe names a message in a line: "#3 RequestVote S1→S2 (term 1)".
func Describe(m Message) string {
	return fmt.Sprintf("#%d %s %s→%s (term %d)", m.ID, m.Type, m.From, m.To, m.Term)
}

// describeAll lists messages for an error that must say what is in flight.
func describeAll(ms []Message) string {
	if len(ms) == 0 {
		return "nothing is in flight"
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = Describe(m)
	}
	return "in flight: " + strings.Join(parts, "; ")
}
