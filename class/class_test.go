package class

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
)

func TestReadRoster(t *testing.T) {
	src := "\ufeffStudent Number,Name,ID,email\n1,Ada Lovelace,s101,a@x\n\n2,\"Hopper, Grace\",s102,g@x\n"
	got, err := ReadRoster("class.csv", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].Name != "Hopper, Grace" || got[1].ID != "s102" || got[1].Line != 4 {
		t.Fatalf("roster = %+v", got)
	}
}

// Bad rosters get an error naming the file, the line and what to do.
func TestRosterErrors(t *testing.T) {
	cases := map[string]struct{ src, want string }{
		"empty":           {"", "class.csv: the roster is empty (write a header line `name,id` and then one line per student)"},
		"no id column":    {"name,number\nAda,1\n", "class.csv:1: the roster has no \"id\" column (its columns: \"name\", \"number\") (the first line must name the columns, e.g. `name,id`)"},
		"no name column":  {"id\n1\n", "class.csv:1: the roster has no \"name\" column"},
		"duplicate id":    {"name,id\nAda,7\nBob,8\nCy,7\n", "class.csv:4: the id \"7\" is also on line 2 (ids tell students' answer files apart; make each unique)"},
		"missing id":      {"name,id\nAda,\n", "class.csv:2: this student has no id"},
		"short row":       {"name,id\nAda\n", "class.csv:2: this student has no id"},
		"bad quotes":      {"name,id\n\"Ada,1\n", "class.csv:2:8: not valid CSV: extraneous or missing \" in quoted-field (check the quotes on this line)"},
		"no students":     {"name,id\n", "class.csv:1: the roster lists no students"},
		"unprintable row": {"name,id\nAda 🚀,1\n", "class.csv:2: this row has a character the sheets cannot print"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := ReadRoster("class.csv", strings.NewReader(c.src))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %v\nwant   %s…", err, c.want)
			}
		})
	}
}

// In the trace template every student gets a variant of their own, the
// same for the same seed and a different one for another seed.
func TestPlanTraceGivesEachStudentAVariant(t *testing.T) {
	ex := mustLoad(t, "partition")
	students := Numbered(2000)
	a := MakePlan(ex, false, 2026, students)
	seen := map[uint16]bool{}
	for _, g := range a.Groups {
		if seen[g.Number] {
			t.Fatalf("two students share variant %d", g.Number)
		}
		seen[g.Number] = true
		if len(g.Players) != 1 || g.Players[0].Role != PlaysCluster {
			t.Fatalf("group %d: %+v, want one student playing the whole cluster", g.N, g.Players)
		}
	}
	b := MakePlan(ex, false, 2026, students)
	c := MakePlan(ex, false, 2027, students)
	same := 0
	for i := range a.Groups {
		if a.Groups[i].Code != b.Groups[i].Code {
			t.Fatal("the same seed gave another plan")
		}
		if a.Groups[i].Number == c.Groups[i].Number {
			same++
		}
	}
	if same > 20 {
		t.Errorf("%d of 2000 students kept their variant under another seed", same)
	}
}

// In the role-play a group of as many students as servers shares a
// variant, each playing another server; students left over play the
// network in the last groups, then a server a second time; a class
// smaller than the cluster leaves servers unplayed. The manifest's note
// says which.
func TestPlanRoleplayGroups(t *testing.T) {
	ex := mustLoad(t, "partition") // 5 servers
	cases := []struct {
		students                int
		groups                  int
		sizes, network, seconds string
		note                    string
	}{
		{10, 2, "5 5", "", "", "10 students, 5 servers: 2 groups of 5, each student playing one server; in each group a student or the teacher plays the network"},
		{42, 8, "5 5 5 5 5 5 6 6", "7 8", "", "groups 7 and 8 have a student more, who plays the network"},
		{13, 2, "6 7", "1 2", "2", "1 more play a server a second time"},
		{3, 1, "3", "", "", "one group; nobody plays"},
	}
	for _, c := range cases {
		p := MakePlan(ex, true, 1, Numbered(c.students))
		if len(p.Groups) != c.groups {
			t.Fatalf("%d students: %d groups, want %d", c.students, len(p.Groups), c.groups)
		}
		var sizes, network, seconds []string
		codes := map[string]bool{}
		for _, g := range p.Groups {
			sizes = append(sizes, fmt.Sprint(len(g.Players)))
			if codes[g.Code] {
				t.Errorf("%d students: two groups share %s", c.students, g.Code)
			}
			codes[g.Code] = true
			played := map[string]int{}
			for _, pl := range g.Players {
				switch pl.Role {
				case PlaysNetwork:
					network = append(network, fmt.Sprint(g.N))
				case PlaysServer:
					if played[pl.Server]++; played[pl.Server] == 2 {
						seconds = append(seconds, fmt.Sprint(g.N))
					}
				}
			}
			if len(played)+len(g.Unplayed) != 5 {
				t.Errorf("%d students, group %d: servers played %v, unplayed %v", c.students, g.N, played, g.Unplayed)
			}
		}
		if strings.Join(sizes, " ") != c.sizes || strings.Join(network, " ") != c.network || strings.Join(seconds, " ") != c.seconds {
			t.Errorf("%d students: sizes %v, network in %v, second players in %v; want %s, %q, %q", c.students, sizes, network, seconds, c.sizes, c.network, c.seconds)
		}
		if !strings.Contains(p.Note, c.note) {
			t.Errorf("%d students: note %q, want it to say %q", c.students, p.Note, c.note)
		}
	}
}

func mustLoad(t testing.TB, name string) *exercise.Exercise {
	t.Helper()
	ex, err := exercises.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}
