package engine

import "testing"

// §5.4.1: a voter denies a candidate whose last log term is lower, even if
// the candidate's log is longer.
func TestVoteDeniedForLowerLastTerm(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
initial:
  S1: {term: 3, log: [1, 1, 1]}
  S2: {term: 3, log: [1, 2]}
steps:
  - timeout: S1
  - deliver: {to: S2}
`)
	s2 := last(tr, "S2")
	if s2.VotedFor != nil {
		t.Fatalf("S2 voted for %s; it must deny S1, whose last term 1 < 2", *s2.VotedFor)
	}
	if s2.Term != 4 {
		t.Errorf("S2's term = %d, want 4 (it still adopts the candidate's term, §5.1)", s2.Term)
	}
	reply := tr.Steps[1].Messages[0]
	if reply.Type != RequestVoteReply || reply.VoteGranted {
		t.Errorf("reply = %+v, want a denial", reply)
	}
	if !hasReason(tr.Steps[1], "less up-to-date") || !hasReason(tr.Steps[1], "§5.4.1") {
		t.Errorf("reasons %q do not cite the up-to-date rule", tr.Steps[1].Reasons)
	}
}

// §5.4.1: with equal last terms the longer log wins; a shorter one is denied,
// an equally long one granted.
func TestVoteWithEqualLastTermsComparesLength(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
initial:
  S1: {term: 2, log: [1, 2]}
  S2: {term: 2, log: [1, 2, 2]}
  S3: {term: 2, log: [1, 2]}
steps:
  - timeout: S1
  - deliver: all
`)
	if v := last(tr, "S2").VotedFor; v != nil {
		t.Errorf("S2 (3 entries) voted for S1 (2 entries)")
	}
	if v := last(tr, "S3").VotedFor; v == nil || *v != "S1" {
		t.Errorf("S3 (equal log) did not vote for S1")
	}
}

// §5.2: one vote per term, first come first served.
func TestVoteDeniedAfterVotingInSameTerm(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
steps:
  - timeout: S1
  - timeout: S2
  - deliver: {from: S1, to: S3}
  - deliver: {from: S2, to: S3}
`)
	s3 := last(tr, "S3")
	if s3.VotedFor == nil || *s3.VotedFor != "S1" {
		t.Fatalf("S3 votedFor = %v, want S1", s3.VotedFor)
	}
	reply := tr.Steps[3].Messages[0]
	if reply.To != "S2" || reply.VoteGranted {
		t.Errorf("S3's reply to S2 = %+v, want a denial", reply)
	}
	if !hasReason(tr.Steps[3], "already voted for S1 in term 1") {
		t.Errorf("reasons %q", tr.Steps[3].Reasons)
	}
}

// A voter that receives the same RequestVote twice grants again (it is the
// same vote), and the candidate counts that voter once.
func TestDuplicateVoteCountsOnce(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 5
steps:
  - timeout: S1
  - duplicate: {from: S1, to: S2}
  - deliver: {to: S2}
  - deliver: {to: S1}
`)
	s1 := last(tr, "S1")
	if s1.Role != Candidate {
		t.Fatalf("S1 is %s with one voter heard twice; it needs 3 of 5", s1.Role)
	}
	if len(s1.Votes) != 2 {
		t.Errorf("S1 holds votes %v, want [S1 S2]", s1.Votes)
	}
	if !hasReason(tr.Steps[3], "already counted S2's vote") {
		t.Errorf("reasons %q", tr.Steps[3].Reasons)
	}
}

// §5.1: a candidate or leader that sees a higher term steps down; a reply
// from an older term is ignored.
func TestHigherTermStepsDownAndOldRepliesAreIgnored(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
initial:
  S3: {term: 1}
steps:
  - timeout: S1
  - deliver: {to: S2}
  - timeout: S3
  - deliver: {from: S3, to: S1}
  - deliver: {to: S1}
`)
	s1 := last(tr, "S1")
	if s1.Role != Follower || s1.Term != 2 {
		t.Fatalf("S1 is %s in term %d, want follower in term 2", s1.Role, s1.Term)
	}
	if !hasReason(tr.Steps[3], "steps down from candidate to follower") {
		t.Errorf("step 4 reasons %q", tr.Steps[3].Reasons)
	}
	if !hasReason(tr.Steps[4], "ignores S2's vote reply from term 1") {
		t.Errorf("step 5 reasons %q", tr.Steps[4].Reasons)
	}
}

// A one-server cluster is its own majority: its timeout makes it leader,
// and a client entry commits at once.
func TestOneServerCluster(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 1
steps:
  - timeout: S1
  - client: {server: S1, value: x}
`)
	s1 := last(tr, "S1")
	if s1.Role != Leader || s1.CommitIndex != 1 || s1.StateMachine != "x" {
		t.Fatalf("S1 = %+v, want leader with x committed and applied", s1)
	}
}

// A candidate that receives AppendEntries of its own term accepts that
// leader (§5.2).
func TestCandidateAcceptsLeaderOfItsTerm(t *testing.T) {
	tr := runScript(t, `
title: t
servers: 3
steps:
  - timeout: S1
  - deliver: {to: S2}
  - deliver: {to: S1}
  - timeout: S3
  - drop: {from: S3}
  - deliver: {from: S1, to: S3}
`)
	// S3 timed out into term 1 too (it had not heard S1's RequestVote), so
	// S1's heartbeat of term 1 meets a candidate of term 1.
	s3 := last(tr, "S3")
	if s3.Role != Follower || s3.Term != 1 {
		t.Fatalf("S3 is %s in term %d, want follower of term 1", s3.Role, s3.Term)
	}
	if !hasReason(tr.Steps[5], "recognizes S1 as the leader of term 1") {
		t.Errorf("reasons %q", tr.Steps[5].Reasons)
	}
}
