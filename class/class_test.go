package class

import (
	"strings"
	"testing"
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

// Every student gets a distinct variant, the same for the same seed and a
// different one for another seed.
func TestAssign(t *testing.T) {
	students := Numbered(2000)
	a := Assign("partition", 2026, students)
	seen := map[uint16]bool{}
	for _, s := range a {
		if seen[s.Number] {
			t.Fatalf("two students share variant %d", s.Number)
		}
		seen[s.Number] = true
	}
	b := Assign("partition", 2026, students)
	c := Assign("partition", 2027, students)
	same := 0
	for i := range a {
		if a[i] != b[i] {
			t.Fatal("the same seed gave another assignment")
		}
		if a[i].Number == c[i].Number {
			same++
		}
	}
	if same > 20 {
		t.Errorf("%d of 2000 students kept their variant under another seed", same)
	}
}
