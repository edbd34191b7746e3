package explore

import (
	"fmt"
	"slices"

	"github.com/raftsheet/raftsheet/engine"
)

// electionWitness builds a schedule in which cand wins an election with the
// votes of voters (cand among them), in a term of at least minTerm, and no
// log changes on the way: restart whoever of them is down; if cand leads
// now, make it step down with another server's RequestVote; let cand's
// timer fire until its term passes every voter's (§5.1: then no voter has
// voted in it yet, §5.2); deliver its RequestVote to each voter and their
// replies back (healing a partition first). Every voter must hold a log no more up-to-date than cand's
// (§5.4.1); the caller checks that. The schedule is built on a copy of c
// and returned with the cluster it ends in.
func electionWitness(c *engine.Cluster, cand string, voters []string, minTerm int) (Witness, *engine.Cluster, error) {
	b := newBuilder(c)
	if b.c.Partitioned() {
		if err := b.play(heal()); err != nil {
			return nil, nil, err
		}
	}
	for _, id := range append([]string{cand}, voters...) {
		if s := b.c.Server(id); !s.Up {
			if err := b.play(restart(id)); err != nil {
				return nil, nil, err
			}
		}
	}
	if b.c.Server(cand).Role == engine.Leader {
		if err := stepDown(b, cand); err != nil {
			return nil, nil, err
		}
	}
	target := max(b.c.Server(cand).CurrentTerm+1, minTerm)
	for _, id := range voters {
		target = max(target, b.c.Server(id).CurrentTerm+1)
	}
	for b.c.Server(cand).CurrentTerm < target {
		if err := b.play(timeout(cand)); err != nil {
			return nil, nil, err
		}
	}
	var others []string
	for _, id := range voters {
		if id != cand {
			others = append(others, id)
		}
	}
	replies, err := b.deliverEach(others, engine.RequestVote)
	if err != nil {
		return nil, nil, err
	}
	var ids []int
	for _, m := range replies {
		if m.Type == engine.RequestVoteReply && m.To == cand {
			ids = append(ids, m.ID)
		}
	}
	if len(ids) > 0 {
		if err := b.play(deliver(ids...)); err != nil {
			return nil, nil, err
		}
	}
	if s := b.c.Server(cand); s.Role != engine.Leader {
		return nil, nil, fmt.Errorf("%s did not win: it holds %d votes", cand, len(s.VotesGranted))
	}
	return b.w, b.c, nil
}

// stepDown makes leader id a follower: another server times out and its
// RequestVote, of a later term, reaches id (§5.1).
func stepDown(b *builder, id string) error {
	for _, s := range b.c.Servers() {
		if s.ID == id || !s.Up || s.Role == engine.Leader {
			continue
		}
		for s.CurrentTerm <= b.c.Server(id).CurrentTerm {
			if err := b.play(timeout(s.ID)); err != nil {
				return err
			}
		}
		return b.deliverTo(id, engine.RequestVote)
	}
	return fmt.Errorf("no other server is up to make %s step down", id)
}

// willingVoters are the servers that would vote for cand in an election it
// holds with the logs as they are, cand first, then the running servers in
// cluster order, then those that are down.
func willingVoters(c *engine.Cluster, cand *engine.Server) []string {
	out := []string{cand.ID}
	var down []string
	for _, v := range voteRow(c, cand) {
		if !v.Grants {
			continue
		}
		if c.Server(v.Voter).Up {
			out = append(out, v.Voter)
		} else {
			down = append(down, v.Voter)
		}
	}
	return append(out, down...)
}

// inClusterOrder sorts ids as the cluster lists its servers.
func inClusterOrder(c *engine.Cluster, ids []string) []string {
	out := slices.Clone(ids)
	slices.SortFunc(out, func(a, b string) int { return c.Index(a) - c.Index(b) })
	return out
}
