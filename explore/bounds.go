package explore

import (
	"fmt"
	"strings"
)

// Bounds limit a search: how many events a schedule may have, how many
// distinct states may be visited, and how often a schedule may use the
// events that would otherwise make the space of schedules infinite. A
// "no" from a bounded search means "not within these bounds", never more.
type Bounds struct {
	Depth      int  // events in a schedule
	MaxStates  int  // distinct states visited at most; 0: no limit
	Clients    int  // client requests in a schedule, each with a new value
	Crashes    int  // crashes in a schedule (restarts are free)
	Duplicates int  // message copies in a schedule
	Partitions int  // partitions in a schedule (healing is free)
	Drops      bool // whether the network may drop messages
}

// String states the bounds in words, for answers that depend on them.
func (b Bounds) String() string {
	var some []string
	for _, c := range []struct {
		n         int
		one, many string
	}{{b.Clients, "client request", "client requests"}, {b.Crashes, "crash", "crashes"}, {b.Duplicates, "copied message", "copied messages"}} {
		if c.n > 0 {
			some = append(some, count(c.n, c.one, c.many))
		}
	}
	s := fmt.Sprintf("schedules of up to %d events with ", b.Depth)
	switch len(some) {
	case 0:
		s += "no client requests, crashes or copied messages"
	case 1:
		s += "at most " + some[0]
	default:
		s += "at most " + strings.Join(some[:len(some)-1], ", ") + " and " + some[len(some)-1]
	}
	if b.Partitions > 0 {
		s += ", " + count(b.Partitions, "partition", "partitions")
	}
	if b.Drops {
		s += "; messages may also be dropped"
	}
	if b.MaxStates > 0 {
		s += fmt.Sprintf("; at most %d distinct states", b.MaxStates)
	}
	return s
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// used is how much of the bounded budgets a schedule has spent. It is part
// of a search state: two schedules that reach one cluster state with
// different budgets left have different futures.
type used struct {
	clients, crashes, duplicates, partitions int
}
