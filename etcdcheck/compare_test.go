package etcdcheck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	pb "go.etcd.io/raft/v3/raftpb"
)

// converge brings both systems to a quiescent state that can be compared:
// the network heals, every server restarts, one member leads the highest
// term in both, and its heartbeats bring every member up to date.
func (p *pair) converge() {
	p.t.Helper()
	p.event("heal")
	must(p.e.Heal())
	p.x.group = nil
	for _, name := range p.names {
		if s, _ := p.both(name); !s.Up {
			p.event("restart " + name)
			must(p.e.Restart(name))
			p.x.restart(idOf(name))
		}
	}
	p.settle()
	for range 3 {
		leader := p.elect()
		for range 3 {
			p.heartbeat(leader)
			p.settle()
		}
		// A quorum check among the heartbeats may depose it; then again.
		if s, x := p.both(leader); s.Role == engine.Leader && x.role == "leader" {
			p.compare(leader)
			return
		}
	}
	p.fail("no leader lasts three heartbeats")
}

// elect brings one member to lead the highest term in both.
func (p *pair) elect() string {
	p.t.Helper()
	leader := ""
	for try := 0; leader == ""; try++ {
		if try == 20 {
			p.fail("no member leads in both after %d tries", try)
		}
		leader = p.leader()
		if leader != "" {
			break
		}
		// A leader of an older term learns of the newer one from its
		// heartbeat's answers (both answer it with CheckQuorum or PreVote).
		if stale := p.staleLeader(); stale != "" {
			p.depose(stale)
			continue
		}
		// Campaign the most up-to-date member; with PreVote, the others in
		// turn too, since each trusts its old leader until its own timer
		// fires (as both systems have it without a clock).
		name := p.best()
		if !p.canCampaign(name) {
			name = p.highest()
		}
		if try%3 == 2 {
			// Each member in turn, to end its trust in an old leader, even
			// if a voter in a later term then answers it differently in
			// the two (its terms part until the next election, which both
			// then hold in the same term).
			name = p.names[(try/3)%len(p.names)]
			if s := p.e.Server(name); !p.agrees(name) || s.Role == engine.Leader || !p.member(name) {
				continue
			}
			p.diffs["older-term request: a campaign to end a lease"]++
		} else if !p.canCampaign(name) {
			continue
		}
		p.event("campaign " + name)
		must(p.e.Timeout(name))
		p.x.campaign(idOf(name))
		p.settle()
	}
	return leader
}

// staleLeader is a leader, in both, that some server has passed by.
// (Only with CheckQuorum or PreVote does etcd answer a stale leader.)
func (p *pair) staleLeader() string {
	if !p.o.CheckQuorum && !p.o.PreVote {
		return ""
	}
	for _, name := range p.names {
		s, x := p.both(name)
		if s.Role == engine.Leader && x.role == "leader" && p.agrees(name) && !p.latest(name) {
			return name
		}
	}
	return ""
}

// depose lets a stale leader learn of the newer term the same way in both.
// Its heartbeats first bring its followers up to date with the servers in
// later terms cut off (in etcd a heartbeat carries no entries, and an
// answer in a later term could depose it before it sends them); then,
// healed, one more heartbeat meets the later term.
func (p *pair) depose(leader string) {
	s := p.e.Server(leader)
	var followers []string
	for _, o := range p.e.Servers() {
		if o.CurrentTerm <= s.CurrentTerm {
			followers = append(followers, o.ID)
		}
	}
	p.event("partition {" + strings.Join(followers, ", ") + "} (to depose " + leader + ")")
	must(p.e.Partition([][]string{followers}))
	p.x.group = map[uint64]int{}
	for _, f := range followers {
		p.x.group[idOf(f)] = 1
	}
	p.settle()
	for range 2 {
		if p.e.Server(leader).Role == engine.Leader {
			p.heartbeat(leader)
			p.settle()
		}
	}
	p.event("heal")
	must(p.e.Heal())
	p.x.group = nil
	p.settle()
	if p.e.Server(leader).Role == engine.Leader && p.agrees(leader) {
		p.heartbeat(leader)
		p.settle()
	}
}

// leader is the member that leads the highest term in both, if any.
func (p *pair) leader() string {
	for _, name := range p.names {
		s, x := p.both(name)
		if s.Role == engine.Leader && x.role == "leader" && p.agrees(name) && p.member(name) && p.latest(name) {
			return name
		}
	}
	return ""
}

// highest is the member with the highest term: it can always campaign
// with no voter in a later term.
func (p *pair) highest() string {
	best := ""
	for _, name := range p.names {
		if p.member(name) && (best == "" || p.e.Server(name).CurrentTerm > p.e.Server(best).CurrentTerm) {
			best = name
		}
	}
	return best
}

// latest reports whether no up server has a term above name's.
func (p *pair) latest(name string) bool {
	for _, o := range p.e.Servers() {
		if o.Up && o.CurrentTerm > p.e.Server(name).CurrentTerm {
			return false
		}
	}
	return true
}

// best is the up member with the most up-to-date log in the engine.
func (p *pair) best() string {
	best := ""
	var bt, bi int
	for _, name := range p.names {
		s := p.e.Server(name)
		if !p.member(name) {
			continue
		}
		t, i := s.Snap.LastIncludedTerm, s.Snap.LastIncludedIndex+len(s.Log)
		if len(s.Log) > 0 {
			t = s.Log[len(s.Log)-1].Term
		}
		if best == "" || t > bt || t == bt && i > bi {
			best, bt, bi = name, t, i
		}
	}
	return best
}

// compare checks the two systems' quiescent states: the same leader of the
// same term; for every member of its configuration the same term, role,
// commit index, log (after both snapshots) and state machine; and the
// same configuration.
func (p *pair) compare(leader string) {
	p.t.Helper()
	states := p.e.Snapshot()
	cfg := states[leader].Config
	for _, name := range p.names {
		if cfg != nil && !slices.Contains(cfg.New, name) && !slices.Contains(cfg.Old, name) {
			continue // outside the configuration, a server may lag for ever (§6)
		}
		s, x := p.both(name)
		st := states[name]
		if s.Role.String() != x.role || uint64(s.CurrentTerm) != x.term {
			p.fail("%s: the engine has a %s of term %d, etcd a %s of term %d", name, s.Role, s.CurrentTerm, x.role, x.term)
		}
		if uint64(s.CommitIndex)+p.x.offset != x.commit {
			p.fail("%s: commit index %d in the engine, %d in etcd", name, s.CommitIndex, x.commit-p.x.offset)
		}
		last := s.Snap.LastIncludedIndex + len(s.Log)
		if uint64(last)+p.x.offset != x.lastIndex {
			p.fail("%s: last index %d in the engine, %d in etcd", name, last, x.lastIndex-p.x.offset)
		}
		from := max(uint64(s.Snap.LastIncludedIndex)+p.x.offset+1, x.firstIndex)
		for i, xe := range p.x.entries(idOf(name), from, x.lastIndex+1) {
			idx := int(from-p.x.offset) + i
			ee := s.Log[idx-s.Snap.LastIncludedIndex-1]
			if d := entryDiff(ee, xe); d != "" {
				p.fail("%s: entry %d differs: %s", name, idx, d)
			}
		}
		if v, _ := st.StateMachine.(string); v != x.value {
			p.fail("%s: state machine %q in the engine, %q in etcd", name, v, x.value)
		}
		if st.Config != nil && (!sameIDs(st.Config.New, x.voters) || !sameIDs(st.Config.Old, x.outgoing)) {
			p.fail("%s: configuration %s in the engine, %v/%v in etcd", name, st.Config.Words(), x.voters, x.outgoing)
		}
	}
	p.counts["compared"]++
}

// entryDiff says how an engine entry differs from etcd's at the same index.
func entryDiff(e engine.Entry, x *pb.Entry) string {
	if uint64(e.Term) != x.GetTerm() {
		return fmt.Sprintf("term %d in the engine, %d in etcd", e.Term, x.GetTerm())
	}
	xConfig := x.GetType() == pb.EntryConfChange || x.GetType() == pb.EntryConfChangeV2
	switch {
	case (e.Config != "") != xConfig:
		return fmt.Sprintf("configuration entry %t in the engine, %t in etcd", e.Config != "", xConfig)
	case !xConfig && e.Value != string(x.GetData()):
		return fmt.Sprintf("command %q in the engine, %q in etcd", e.Value, x.GetData())
	}
	return ""
}

func sameIDs(names []string, ids []uint64) bool {
	if len(names) != len(ids) {
		return false
	}
	for _, n := range names {
		if !slices.Contains(ids, idOf(n)) {
			return false
		}
	}
	return true
}
