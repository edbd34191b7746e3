package class

import (
	"fmt"
	"math"
	"strings"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/variant"
)

// Plan is who gets which sheets in a class set. In the role-play a group
// of students plays one cluster together, so a group shares one variant
// and each student plays one of its servers; in the trace template each
// student works alone, a group of one, on a variant of their own.
type Plan struct {
	Roleplay bool
	Groups   []Group
	Note     string // how the students were grouped, in words (the manifest and the build say it)
}

// Group is students who share one variant.
type Group struct {
	N        int // from 1
	Number   uint16
	Code     string
	Players  []Player // in server order; the network player and second players of a server after them
	Unplayed []string // the variant's servers nobody plays: fewer students than servers
}

// Player is a student and what they play.
type Player struct {
	Student
	Role   Role
	Server string // the server played, as the variant names it; "" for the network and the whole cluster
	Part   string // the exercise's server whose part that server plays (S3): reports line variants up by it
}

// Role is what a student plays.
type Role int

const (
	PlaysServer  Role = iota // a server of the group's cluster: its Raft State sheet
	PlaysNetwork             // the group's network: the RPC slips
	PlaysCluster             // the whole cluster, alone (the trace template)
)

// Plays is what a player plays, as the manifest says it: a server's
// name, "network" or "cluster".
func (p Player) Plays() string {
	switch p.Role {
	case PlaysNetwork:
		return "network"
	case PlaysCluster:
		return "cluster"
	}
	return p.Server
}

// MakePlan groups the students, in roster order, and gives each group a
// variant, deterministic from the exercise, the seed and (trace) the
// student's id or (role-play) the group's number; no two groups share one.
//
// Role-play: groups of as many students as the exercise has servers.
// Students left over (42 students, 5 servers: 2) join the last groups,
// one each, to play the network (they keep the slips and carry them);
// should there be more left over than groups, the rest join as second
// players of a server, from the first server on, each with their own copy
// of its sheet. A class smaller than a cluster is one group whose
// remaining servers nobody plays: their sheets come unnamed, for the
// teacher (or students playing two servers).
func MakePlan(ex *exercise.Exercise, roleplay bool, seed uint64, students []Student) Plan {
	taken := map[uint16]bool{}
	number := func(key string) uint16 {
		n := variant.NumberFor(ex.Name, seed, key)
		for tries := 0; taken[n] && tries <= math.MaxUint16; tries++ { // past 65,536 groups numbers repeat (Build refuses more than MaxStudents)
			n++
		}
		taken[n] = true
		return n
	}
	if !roleplay {
		p := Plan{Note: fmt.Sprintf("%d students, each on a variant of their own", len(students))}
		for i, s := range students {
			n := number(s.ID)
			p.Groups = append(p.Groups, Group{N: i + 1, Number: n, Code: variant.Code(ex.Name, n),
				Players: []Player{{Student: s, Role: PlaysCluster}}})
		}
		return p
	}
	servers := ex.Config.Servers
	k := len(servers)
	count := max(1, len(students)/k)
	p := Plan{Roleplay: true, Groups: make([]Group, count)}
	for g := range p.Groups {
		n := number(groupKey(g + 1))
		p.Groups[g] = Group{N: g + 1, Number: n, Code: variant.Code(ex.Name, n)}
	}
	seat := func(g *Group, s Student, i int, role Role) {
		orig := servers[i]
		v := variant.Servers(ex, g.Number)[orig]
		if role == PlaysNetwork {
			orig, v = "", ""
		}
		g.Players = append(g.Players, Player{Student: s, Role: role, Server: v, Part: orig})
	}
	next := 0
	for g := range p.Groups {
		for i := 0; i < k && next < len(students); i++ {
			seat(&p.Groups[g], students[next], i, PlaysServer)
			next++
		}
	}
	left := students[next:]
	for i, s := range left {
		g := &p.Groups[count-1-i%count] // the last groups first
		if round := i / count; round == 0 {
			seat(g, s, 0, PlaysNetwork)
		} else {
			seat(g, s, (round-1)%k, PlaysServer)
		}
	}
	if len(students) < k {
		g := &p.Groups[0]
		for i := len(students); i < k; i++ {
			g.Unplayed = append(g.Unplayed, variant.Servers(ex, g.Number)[servers[i]])
		}
	}
	p.Note = p.describe(len(students), servers, len(left))
	return p
}

// groupKey is what a role-play group's variant is drawn from, with the
// exercise and the seed.
func groupKey(n int) string { return fmt.Sprint("group ", n) }

// GroupCode is the variant code of group 1 of a role-play class set built
// with seed (its students' code; a later group's code moves on when an
// earlier one took its number).
func GroupCode(exercise string, seed uint64) string {
	return variant.Code(exercise, variant.NumberFor(exercise, seed, groupKey(1)))
}

// describe says how the students were grouped.
func (p Plan) describe(students int, servers []string, left int) string {
	k, count := len(servers), len(p.Groups)
	if students < k {
		return fmt.Sprintf("%d students, %d servers: one group; nobody plays %s (their sheets come unnamed: the teacher plays them, or students play two servers each)",
			students, k, andList(p.Groups[0].Unplayed))
	}
	s := fmt.Sprintf("%d students, %d servers: %d %s of %d, each student playing one server",
		students, k, count, plural(count, "group", "groups"), k)
	if left == 0 {
		return s + "; in each group a student or the teacher plays the network"
	}
	var network []string
	for _, g := range p.Groups {
		for _, pl := range g.Players {
			if pl.Role == PlaysNetwork {
				network = append(network, fmt.Sprint(g.N))
			}
		}
	}
	s += fmt.Sprintf("; %s %s %s a student more, who plays the network (keeps the slips and carries them)",
		plural(len(network), "group", "groups"), andList(network), plural(len(network), "has", "have"))
	if left > count {
		s += fmt.Sprintf("; %d more play a server a second time, each with their own copy of its sheet", left-count)
	}
	if len(network) < count {
		s += "; in the other groups a student or the teacher plays the network"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// andList is "1", "1 and 2", "1, 2 and 3".
func andList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// NoVariation is the policy of an exercise that forbids variants: its
// class set gives every student the same sheets, under different codes.
var NoVariation = exercise.VariantPolicy{}
