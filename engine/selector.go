package engine

import (
	"fmt"
	"strings"
)

// Selector picks messages in flight: all of them, one by number, or those
// matching every given field of from, to and type.
type Selector struct {
	All     bool
	ID      int
	From    string
	To      string
	Type    MessageType
	HasType bool
}

// Matches reports whether m is picked by sel.
func (sel Selector) Matches(m Message) bool {
	switch {
	case sel.All:
		return true
	case sel.ID != 0:
		return m.ID == sel.ID
	}
	return (sel.From == "" || m.From == sel.From) &&
		(sel.To == "" || m.To == sel.To) &&
		(!sel.HasType || m.Type == sel.Type)
}

// String is the selector in the words of the trace: "all", "#7",
// "S1→S3", "to S1", "RequestVote from S2".
func (sel Selector) String() string {
	switch {
	case sel.All:
		return "all"
	case sel.ID != 0:
		return fmt.Sprintf("#%d", sel.ID)
	}
	var parts []string
	if sel.HasType {
		parts = append(parts, sel.Type.String())
	}
	switch {
	case sel.From != "" && sel.To != "":
		parts = append(parts, sel.From+"→"+sel.To)
	case sel.From != "":
		parts = append(parts, "from "+sel.From)
	case sel.To != "":
		parts = append(parts, "to "+sel.To)
	}
	if len(parts) == 0 {
		return "all"
	}
	return strings.Join(parts, " ")
}

// Selection is a list of selectors; a message is picked if any picks it.
type Selection []Selector

func (s Selection) String() string {
	parts := make([]string, len(s))
	for i, sel := range s {
		parts[i] = sel.String()
	}
	return strings.Join(parts, ", ")
}
