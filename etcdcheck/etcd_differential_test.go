package etcdcheck

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// The schedules: each plays random events on both systems, settling after
// each, compares the leaders of every term as it goes, and brings both to
// agreement and compares them every 60 events and at the end.
func TestEngineAgreesWithEtcd(t *testing.T) {
	configs := []options{
		{},
		{Snapshots: true},
		{PreVote: true, CheckQuorum: true},
		{PreVote: true, CheckQuorum: true, Snapshots: true, Membership: true},
		{CheckQuorum: true, Membership: true},
		{Snapshots: true, Membership: true},
	}
	const seeds, events = 20, 300
	total := map[string]int{}
	diffs := map[string]int{}
	for _, o := range configs {
		for seed := uint64(1); seed <= seeds; seed++ {
			name := fmt.Sprintf("%+v/seed %d", o, seed)
			p := newPair(t, seed, o)
			p.settle()
			for len(p.log) < events {
				p.step()
				if len(p.log) > 0 && len(p.log)%60 == 0 && p.counts["compared"] < len(p.log)/60 {
					p.converge()
				}
			}
			p.converge()
			for k, v := range p.counts {
				total[k] += v
			}
			for k, v := range p.diffs {
				diffs[k] += v
			}
			if t.Failed() {
				t.Fatalf("%s", name)
			}
		}
	}
	t.Logf("%d configurations × %d seeds; events: %s; allowed differences: %s", len(configs), seeds, counts(total), counts(diffs))
	for _, k := range []string{"campaign", "propose", "heartbeat", "partition", "crash", "restart", "snapshot", "config", "compared"} {
		if total[k] == 0 {
			t.Errorf("no schedule played a %s event", k)
		}
	}
}

func counts(m map[string]int) string {
	var parts []string
	for k, v := range m {
		parts = append(parts, fmt.Sprintf("%s %d", k, v))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}
