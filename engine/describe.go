package engine

import (
	"fmt"
	"strings"
)

// Event is the step in the trace's short notation: "timeout S1",
// "deliver #7", `client S1 "sally"`, "partition {S1, S2} | {S3, S4, S5}".
func (st Step) Event(servers []string) string {
	switch st.Kind {
	case StepTimeout, StepHeartbeat, StepCrash, StepRestart:
		return st.Kind.String() + " " + st.Server
	case StepDeliver, StepDrop, StepDuplicate:
		return st.Kind.String() + " " + st.Selection.String()
	case StepClient:
		if st.Session != "" {
			return fmt.Sprintf("client %s %q (%s command %d)", st.Server, st.Value, st.Session, st.Seq)
		}
		return fmt.Sprintf("client %s %q", st.Server, st.Value)
	case StepPartition:
		return "partition " + DescribeGroups(st.Groups, servers)
	case StepRun:
		if st.RunIsUntil {
			return fmt.Sprintf("run until %dms", st.RunUntil)
		}
		return fmt.Sprintf("run %dms", st.RunFor)
	case StepRead:
		if st.Key != "" {
			return fmt.Sprintf("read %s %s", st.Server, st.Key)
		}
		return "read " + st.Server
	case StepConfig:
		return "config " + st.Server + " " + st.Change.String()
	case StepSnapshot:
		if st.Index == 0 {
			return "snapshot " + st.Server
		}
		return fmt.Sprintf("snapshot %s through %d", st.Server, st.Index)
	}
	return st.Kind.String()
}

// Words says the step in plain words for a cover page: "a network partition
// separates S1, S2 from S3, S4, S5". A message picked by its number is
// "message #7".
func (st Step) Words(servers []string) string {
	return st.WordsAbout(servers, func(id int) string { return fmt.Sprintf("message #%d", id) })
}

// WordsAbout is Words with the messages picked by number said by
// message: a sheet says "the message S3 sent to S1 in step 5", since
// numbers are answers a student works out.
func (st Step) WordsAbout(servers []string, message func(id int) string) string {
	switch st.Kind {
	case StepDeliver:
		return "the network delivers " + st.Selection.words(message)
	case StepDrop:
		return "the network drops " + st.Selection.words(message)
	case StepDuplicate:
		return "the network duplicates " + st.Selection.words(message)
	}
	switch st.Kind {
	case StepTimeout:
		return st.Server + "'s election timer fires"
	case StepClient:
		if st.Session != "" {
			return fmt.Sprintf("client %s asks %s to store %q (its command %d)", st.Session, st.Server, st.Value, st.Seq)
		}
		return fmt.Sprintf("a client asks %s to store %q", st.Server, st.Value)
	case StepHeartbeat:
		return st.Server + " sends a heartbeat (AppendEntries) to every peer"
	case StepStabilize:
		return "the network delivers messages, round after round, until none is left in flight"
	case StepPartition:
		return "a network partition separates " + partitionWords(st.Groups, servers)
	case StepHeal:
		return "the network heals: every server can reach every other"
	case StepCrash:
		return st.Server + " crashes"
	case StepRestart:
		return st.Server + " restarts"
	case StepRun:
		if st.RunIsUntil {
			return fmt.Sprintf("time passes until %dms", st.RunUntil)
		}
		return fmt.Sprintf("time passes: %dms", st.RunFor)
	case StepConfig:
		return fmt.Sprintf("an administrator asks %s to %s", st.Server, st.Change.Words())
	case StepRead:
		if st.Key != "" {
			return fmt.Sprintf("a client asks %s to read %s", st.Server, st.Key)
		}
		return fmt.Sprintf("a client asks %s to read the register", st.Server)
	case StepSnapshot:
		if st.Index == 0 {
			return st.Server + " snapshots its state machine and compacts its log"
		}
		return fmt.Sprintf("%s snapshots its state machine through index %d and compacts its log", st.Server, st.Index)
	}
	return st.Kind.String()
}

func (s Selection) words(message func(id int) string) string {
	parts := make([]string, len(s))
	for i, sel := range s {
		parts[i] = sel.words(message)
	}
	return strings.Join(parts, " and ")
}

func (sel Selector) words(message func(id int) string) string {
	switch {
	case sel.All:
		return "every message in flight"
	case sel.ID != 0:
		return message(sel.ID)
	}
	what := "the messages"
	if sel.HasType {
		what = "the " + sel.Type.String() + " messages"
	}
	if sel.From != "" {
		what += " from " + sel.From
	}
	if sel.To != "" {
		what += " to " + sel.To
	}
	return what
}

func partitionWords(groups [][]string, all []string) string {
	var parts []string
	for _, g := range withLoners(groups, all) {
		parts = append(parts, strings.Join(g, ", "))
	}
	switch len(parts) {
	case 1:
		return "no one: every server is in the one group " + parts[0]
	case 2:
		return parts[0] + " from " + parts[1]
	}
	return "the cluster into " + strings.Join(parts[:len(parts)-1], "; ") + "; and " + parts[len(parts)-1]
}
