package explore

import (
	"fmt"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
)

// BenchmarkTruth explores every schedule of an empty cluster to the depth
// in its name, with the safety properties checked in every state, and
// reports the distinct states and the events played:
//
//	go test ./explore -run - -bench Truth -benchtime 1x
func BenchmarkTruth(b *testing.B) {
	cases := []struct {
		servers, depth int
		variant        int // index into variants
	}{
		{3, 7, 0}, {3, 8, 0}, {3, 9, 0},
		{3, 8, 1}, {3, 8, 2}, {3, 8, 3},
		{5, 6, 0}, {5, 7, 0},
	}
	for _, c := range cases {
		v := variants[c.variant]
		b.Run(fmt.Sprintf("servers=%d/depth=%d/%s", c.servers, c.depth, v.name), func(b *testing.B) {
			var r Result
			for b.Loop() {
				cfg := engine.Config{Options: v.opt}
				for i := 1; i <= c.servers; i++ {
					cfg.Servers = append(cfg.Servers, fmt.Sprintf("S%d", i))
				}
				start := engine.NewCluster(cfg)
				bounds := truthBounds(c.depth)
				bounds.Clients = v.clients
				s := newSearch(start, bounds, nil)
				s.onlyDeepest = true
				r = s.run(start, nil)
				if r.Violation != nil {
					b.Fatalf("%v: %s", r.Violation, r.Witness.Words())
				}
			}
			b.ReportMetric(float64(r.States), "states")
			b.ReportMetric(float64(r.Events), "events")
		})
	}
}

// BenchmarkQuestions times every question the tests ask of the built-in
// exercises and of the mutant scenarios; each should take well under 2 s.
func BenchmarkQuestions(b *testing.B) {
	type q struct {
		name  string
		ex    func(testing.TB) *exercise.Exercise
		after int
		q     Question
	}
	named := func(n string) func(testing.TB) *exercise.Exercise {
		return func(t testing.TB) *exercise.Exercise { return builtin(t, n) }
	}
	qs := []q{
		{"figure7-election/1/who-can-win", named("figure7-election"), 1, Question{Kind: "who-can-win"}},
		{"figure8/18/committed", named("figure8"), 18, Question{Kind: "committed"}},
		{"figure6/1/committed", named("figure6"), 1, Question{Kind: "committed"}},
		{"figure6/9/committed", named("figure6"), 9, Question{Kind: "committed"}},
		{"figure8-e/4/committed", named("figure8-e"), 4, Question{Kind: "committed"}},
		{"figure6/reachable", named("figure6"), 0, Question{Kind: "reachable"}},
		{"figure7-election/reachable", named("figure7-election"), 0, Question{Kind: "reachable"}},
		{"figure8/reachable", named("figure8"), 0, Question{Kind: "reachable"}},
		{"election/goal two-leaders", named("election"), 0, Question{Kind: "goal", Goal: "two-leaders"}},
		{"figure8/27/goal lost-acked", named("figure8"), 27, Question{Kind: "goal", Goal: "lost-acked"}},
	}
	for _, c := range mutantCases {
		c := c
		qs = append(qs, q{"mutant/" + string(c.mutation), func(t testing.TB) *exercise.Exercise {
			ex := load(t, c.src)
			ex.Config.Options.Mutate = engine.Mutations{c.mutation}
			return ex
		}, 0, Question{Kind: "mutant"}})
	}
	for _, c := range qs {
		b.Run(c.name, func(b *testing.B) {
			ex := c.ex(b)
			for b.Loop() {
				if _, err := Ask(ex, c.after, c.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
