package explore

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
)

// The goal language: conditions on the cluster's state, joined by "and",
// each negated by a leading "not". SERVER may be left out to mean "some
// server"; CMP is one of = != < <= > >=.
//
//	two-leaders                     two servers lead at once
//	leader [SERVER] [term CMP N]    a server leads (in a term CMP N)
//	term [SERVER] CMP N             a server's currentTerm CMP N
//	commit [SERVER] CMP N           a server's commitIndex CMP N
//	entry [SERVER] I [term N] [value V]   a log holds an entry at index I
//	applied [SERVER] V              a server has applied value V
//	down SERVER / up SERVER         crashed or running
//	leader-lacks I term N           a leader of a term after N lacks entry (I, N)
//	lost-acked                      a server no longer holds an entry it acknowledged
//	applied-diverge                 two servers applied different entries at one index
const goalHelp = "two-leaders | leader [SERVER] [term CMP N] | term [SERVER] CMP N | commit [SERVER] CMP N | entry [SERVER] INDEX [term N] [value V] | applied [SERVER] VALUE | down SERVER | up SERVER | leader-lacks INDEX term N | lost-acked | applied-diverge, joined by `and`, each may start with `not`"

// condition is a parsed goal: a conjunction of clauses.
type condition struct {
	text    string
	clauses []clause
}

type clause struct {
	not    bool
	kind   string
	server string // "" for some server
	cmp    string
	n      int    // the number compared, or the index of entry
	term   int    // entry: 0 for any
	value  string // entry, applied; "" for any
	hasVal bool
}

// parseGoal reads a goal; servers must be the cluster's.
func parseGoal(text string, servers []string) (*condition, error) {
	g := &condition{text: text}
	isServer := map[string]bool{}
	for _, s := range servers {
		isServer[s] = true
	}
	for _, part := range splitAnd(text) {
		toks := strings.Fields(part)
		if len(toks) == 0 {
			return nil, fmt.Errorf("goal %q has an empty clause; the language: %s", text, goalHelp)
		}
		var cl clause
		if toks[0] == "not" {
			cl.not, toks = true, toks[1:]
		}
		if len(toks) == 0 {
			return nil, fmt.Errorf("goal %q: `not` needs a clause after it", text)
		}
		cl.kind, toks = toks[0], toks[1:]
		if len(toks) > 0 && isServer[toks[0]] {
			cl.server, toks = toks[0], toks[1:]
		}
		if err := cl.parseArgs(toks); err != nil {
			return nil, fmt.Errorf("goal %q: %v; the language: %s", text, err, goalHelp)
		}
		g.clauses = append(g.clauses, cl)
	}
	return g, nil
}

func splitAnd(text string) []string {
	var parts, cur []string
	for _, t := range strings.Fields(text) {
		if t == "and" {
			parts, cur = append(parts, strings.Join(cur, " ")), nil
			continue
		}
		cur = append(cur, t)
	}
	return append(parts, strings.Join(cur, " "))
}

func (cl *clause) parseArgs(toks []string) error {
	num := func(s string) (int, error) {
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, fmt.Errorf("%q is not a number", s)
		}
		return n, nil
	}
	compare := func(toks []string) error {
		if len(toks) != 2 || !validCmp(toks[0]) {
			return fmt.Errorf("`%s` needs a comparison such as `>= 3`", cl.kind)
		}
		cl.cmp = toks[0]
		var err error
		cl.n, err = num(toks[1])
		return err
	}
	switch cl.kind {
	case "two-leaders", "lost-acked", "applied-diverge":
		if len(toks) > 0 || cl.server != "" {
			return fmt.Errorf("`%s` takes no arguments", cl.kind)
		}
	case "down", "up":
		if cl.server == "" || len(toks) > 0 {
			return fmt.Errorf("`%s` takes one server", cl.kind)
		}
	case "leader":
		if len(toks) == 0 {
			return nil
		}
		if toks[0] != "term" {
			return fmt.Errorf("`leader` takes a server and `term CMP N`, not %q", toks[0])
		}
		return compare(toks[1:])
	case "term", "commit":
		return compare(toks)
	case "entry", "leader-lacks":
		if len(toks) == 0 {
			return fmt.Errorf("`%s` needs an index", cl.kind)
		}
		var err error
		if cl.n, err = num(toks[0]); err != nil {
			return err
		}
		for toks = toks[1:]; len(toks) > 0; toks = toks[2:] {
			if len(toks) < 2 {
				return fmt.Errorf("`%s` needs a value after it", toks[0])
			}
			switch {
			case toks[0] == "term":
				if cl.term, err = num(toks[1]); err != nil {
					return err
				}
			case toks[0] == "value" && cl.kind == "entry":
				cl.value, cl.hasVal = toks[1], true
			default:
				return fmt.Errorf("`%s` takes `term N`%s, not %q", cl.kind, map[bool]string{true: " and `value V`"}[cl.kind == "entry"], toks[0])
			}
		}
		if cl.kind == "leader-lacks" && (cl.term == 0 || cl.server != "") {
			return fmt.Errorf("`leader-lacks` takes an index and `term N`, and no server")
		}
	case "applied":
		if len(toks) != 1 {
			return fmt.Errorf("`applied` takes a value")
		}
		cl.value, cl.hasVal = toks[0], true
	default:
		return fmt.Errorf("unknown clause %q", cl.kind)
	}
	return nil
}

func validCmp(s string) bool {
	switch s {
	case "=", "!=", "<", "<=", ">", ">=":
		return true
	}
	return false
}

func cmp(a int, op string, b int) bool {
	switch op {
	case "=":
		return a == b
	case "!=":
		return a != b
	case "<":
		return a < b
	case "<=":
		return a <= b
	case ">":
		return a > b
	}
	return a >= b
}

// Holds is whether every clause holds in c.
func (g *condition) Holds(c *engine.Cluster, a *acks) bool {
	for _, cl := range g.clauses {
		if cl.holds(c, a) == cl.not {
			return false
		}
	}
	return true
}

// Names are the servers the goal names.
func (g *condition) Names() []string {
	var out []string
	for _, cl := range g.clauses {
		if cl.server != "" {
			out = append(out, cl.server)
		}
	}
	return out
}

// NeedsAcks: lost-acked reads what servers acknowledged.
func (g *condition) NeedsAcks() bool {
	for _, cl := range g.clauses {
		if cl.kind == "lost-acked" {
			return true
		}
	}
	return false
}

func (cl clause) holds(c *engine.Cluster, a *acks) bool {
	switch cl.kind {
	case "two-leaders":
		n := 0
		for _, s := range c.Servers() {
			if s.Role == engine.Leader {
				n++
			}
		}
		return n >= 2
	case "lost-acked":
		_, lost := a.lost(c)
		return lost
	case "applied-diverge":
		return appliedDiverge(c)
	case "leader-lacks":
		for _, s := range c.Servers() {
			if s.Role == engine.Leader && s.CurrentTerm > cl.term && !holds(s, cl.n, cl.term) {
				return true
			}
		}
		return false
	}
	for _, s := range c.Servers() {
		if (cl.server == "" || s.ID == cl.server) && cl.holdsAt(s) {
			return true
		}
	}
	return false
}

func (cl clause) holdsAt(s *engine.Server) bool {
	switch cl.kind {
	case "down":
		return !s.Up
	case "up":
		return s.Up
	case "leader":
		return s.Role == engine.Leader && (cl.cmp == "" || cmp(s.CurrentTerm, cl.cmp, cl.n))
	case "term":
		return cmp(s.CurrentTerm, cl.cmp, cl.n)
	case "commit":
		return cmp(s.CommitIndex, cl.cmp, cl.n)
	case "entry":
		if cl.n < 1 || cl.n > s.Log.LastIndex() {
			return false
		}
		e := s.Log.At(cl.n)
		return (cl.term == 0 || e.Term == cl.term) && (!cl.hasVal || e.Value == cl.value)
	case "applied":
		for i := 1; i <= s.LastApplied; i++ {
			if s.Log.At(i).Value == cl.value {
				return true
			}
		}
	}
	return false
}

// appliedDiverge: two servers have applied different entries at one index.
func appliedDiverge(c *engine.Cluster) bool {
	ss := c.Servers()
	for x := range ss {
		for y := x + 1; y < len(ss); y++ {
			for i := 1; i <= min(ss[x].LastApplied, ss[y].LastApplied); i++ {
				if ss[x].Log.At(i) != ss[y].Log.At(i) {
					return true
				}
			}
		}
	}
	return false
}

// forbidden is the theorem of Raft that makes the goal impossible, if one
// of its clauses asks for a broken safety property.
func (g *condition) forbidden() *Rule {
	for _, cl := range g.clauses {
		if cl.not {
			continue
		}
		if cl.kind == "applied-diverge" {
			return ruleStateMachine.with("if a server has applied a log entry at a given index, no other server ever applies a different entry for that index (State Machine Safety, §5.4.3)")
		}
	}
	return nil
}
