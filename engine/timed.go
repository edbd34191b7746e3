package engine

import (
	"fmt"
	"strings"
)

// SetTiming puts the cluster on a clock at 0 ms and starts every server's
// timers. Call it after SetInitial.
func (c *Cluster) SetTiming(t *Timing) {
	c.clock = newClock(t)
	c.net.stamp = c.clock.sent
	for _, s := range c.servers {
		s.clock = c.clock
		c.clock.sync(s)
	}
}

// Timed reports whether the cluster runs on a clock.
func (c *Cluster) Timed() bool { return c.clock != nil }

// Now is the simulated time in milliseconds.
func (c *Cluster) Now() int {
	if c.clock == nil {
		return 0
	}
	return c.clock.now
}

// nextEvent is the next timed event, if any.
func (c *Cluster) nextEvent() (timedEvent, bool) {
	return c.clock.next(c.servers, c.net.inFlight)
}

// advanceTo moves the clock forward to t.
func (c *Cluster) advanceTo(t int) {
	if t > c.clock.now {
		c.clock.now = t
	}
}

// fire performs a timed event at the current time and says what it was,
// as the trace's event and in plain words.
func (c *Cluster) fire(e timedEvent) (event, words string, err error) {
	switch e.Kind {
	case arrivals:
		sel := c.clock.arrived(c.net.inFlight, e.At)
		ids := make([]string, len(sel))
		for i, s := range sel {
			ids[i] = fmt.Sprintf("#%d", s.ID)
		}
		list := strings.Join(ids, " ")
		words = "message " + list + " arrives"
		if len(ids) > 1 {
			words = "messages " + list + " arrive"
		}
		return "arrive " + list, words, c.Deliver(sel)
	case electionTimer:
		if s := c.byID[e.Server]; s.Role == Leader {
			return "timeout " + e.Server + " (timer)", e.Server + "'s election timer fires: it checks that it heard from a majority", c.Timeout(e.Server)
		}
		return "timeout " + e.Server + " (timer)", e.Server + "'s election timer fires", c.Timeout(e.Server)
	default:
		return "heartbeat " + e.Server + " (timer)", e.Server + "'s heartbeat timer fires: it sends AppendEntries to every peer", c.Heartbeat(e.Server)
	}
}

// arrivingAt are the servers messages arrive at in an arrivals event, in
// cluster order; none for a timer.
func (c *Cluster) arrivingAt(e timedEvent) []string {
	if e.Kind != arrivals {
		return nil
	}
	seen := map[string]bool{}
	for _, m := range c.net.inFlight {
		if a, ok := c.clock.arrival[m.ID]; ok && a == e.At {
			seen[m.To] = true
		}
	}
	var out []string
	for _, id := range c.cfg.Servers {
		if seen[id] {
			out = append(out, id)
		}
	}
	return out
}
