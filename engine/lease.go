package engine

import "slices"

// Leader contact and leases. Several options beyond Figure 2 rest on one
// belief: a server that has heard from a current leader within the
// minimum election timeout trusts that leader. Its votes then go to no
// one else (§6's guard against disruptive servers, and the PreVote of the
// dissertation's §9.6), which is what lets a leader serve reads on a
// lease (§6.4.1).
//
// On the clock the belief lasts the minimum election timeout from the
// last AppendEntries or InstallSnapshot accepted from the leader. Without
// a clock there is no time to measure: a server believes in the leader it
// last heard from until its own election timer fires (a timeout step).
// A leader believes in itself.

// noteLeaderContact records that the server has just heard from the
// leader of its term.
func (s *Server) noteLeaderContact() {
	s.leaderContact = true
	if s.clock != nil {
		s.contactMs = s.clock.now
	}
}

// believesLeader reports whether the server trusts a current leader:
// itself, or one it heard from within the minimum election timeout.
func (s *Server) believesLeader() bool {
	switch {
	case s.Role == Leader:
		return true
	case !s.leaderContact:
		return false
	case s.clock != nil:
		return s.clock.now-s.contactMs < s.clock.minElectionTimeout()
	}
	return true
}

// contact picks the sentence that says why the server believes in a
// leader: it leads (asLeader), heard from it on the clock (timed), or
// heard from it since its timer fired (untimed); with the values the
// timed one needs.
func (s *Server) contact(asLeader, timed, untimed Sentence) (Sentence, []Arg) {
	switch {
	case s.Role == Leader:
		return asLeader, nil
	case s.clock != nil:
		return timed, []Arg{number("contactMs", s.contactMs), number("minTimeout", s.clock.minElectionTimeout())}
	}
	return untimed, nil
}

// disregardVote is §6's guard (option ignore_disruptive_votes): a server
// that believes a current leader exists disregards a RequestVote, neither
// adopting its term nor granting its vote. A server removed from the
// configuration, which hears from no leader and times out, then cannot
// disrupt the cluster. It reports whether the request was disregarded.
func (s *Server) disregardVote(m Message) bool {
	if !s.cfg.Options.VoteGuard || m.Type != RequestVote || m.Term <= s.CurrentTerm || !s.believesLeader() {
		return false
	}
	say, args := s.contact(SayDisregardVoteLeader, SayDisregardVoteTimed, SayDisregardVote)
	why := s.explain(RuleVoteGuard, say, append([]Arg{text("candidate", m.CandidateID), number("requestTerm", m.Term)}, args...)...)
	s.keep(why, whole(AttrCurrentTerm), whole(AttrVotedFor))
	return true
}

// A leader's lease (§6.4.1): followers that acknowledged a heartbeat sent
// at time t grant no other vote before t plus the minimum election
// timeout, so no other leader can exist until then once a majority has.

// noteLeaseAck records that peer acknowledged an AppendEntries sent at
// sentMs.
func (s *Server) noteLeaseAck(peer string, sentMs int) {
	if s.cfg.Options.Reads != ReadLease || s.Role != Leader {
		return
	}
	if sentMs > s.leaseAcks[peer] || !hasKey(s.leaseAcks, peer) {
		s.leaseAcks[peer] = sentMs
	}
}

// leaseUntil is when the lease ends: the minimum election timeout after
// the latest heartbeat a majority (of each half of a joint configuration)
// has acknowledged, the leader counting as acknowledging now; 0 when no
// majority has.
func (s *Server) leaseUntil() int {
	if s.clock == nil || s.Role != Leader {
		return 0
	}
	start := -1
	for _, half := range [][]string{s.config().New, s.config().Old} {
		if len(half) == 0 {
			continue
		}
		var times []int
		for _, id := range half {
			switch t, ok := s.leaseAcks[id]; {
			case id == s.ID:
				times = append(times, s.clock.now)
			case ok:
				times = append(times, t)
			}
		}
		need := majorityOf(half)
		if len(times) < need {
			return 0
		}
		sortDescending(times)
		if t := times[need-1]; start < 0 || t < start {
			start = t
		}
	}
	if start < 0 {
		return 0
	}
	return start + s.clock.minElectionTimeout()
}

// leaseRead serves r at once while the lease lasts; a leader whose lease
// has ended cannot know that no newer leader exists, and refuses it.
func (s *Server) leaseRead(r *pendingRead) {
	if until := s.leaseUntil(); s.clock.now < until {
		s.serveRead(r, SayReadLease)
		return
	}
	s.dropRead(r)
	s.served = append(s.served, ReadResult{ID: r.ID, Server: s.ID, Key: r.Key, ReadIndex: r.ReadIndex})
	if until := s.leaseUntil(); until > 0 {
		s.explain(RuleLease, SayLeaseExpired, text("read", r.ID), number("until", until), number("now", s.clock.now))
	} else {
		s.explain(RuleLease, SayLeaseNone, text("read", r.ID))
	}
}

func sortDescending(xs []int) {
	slices.Sort(xs)
	slices.Reverse(xs)
}
