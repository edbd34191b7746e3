package engine

import "sort"

// Sentence is the key of a reason's sentence pattern. A pattern writes
// {name} for an argument's value, and {name:one|many} for a count or a run
// of indexes with its noun ("3 log entries", "entries 4–7"). A template
// may give its own pattern for any key, in its own language.
type Sentence string

// The sentences of the engine's reasons, by the rule they apply.
const (
	SayAdoptTerm     Sentence = "adopt-term"
	SayAdoptStepDown Sentence = "adopt-term-step-down"
	SayCrash         Sentence = "crash"
	SayRestart       Sentence = "restart"

	SayTimeout          Sentence = "timeout"
	SayDenyOlderTerm    Sentence = "deny-older-term"
	SayDenyVoted        Sentence = "deny-already-voted"
	SayDenyUpToDate     Sentence = "deny-not-up-to-date"
	SayGrantAgain       Sentence = "grant-again"
	SayGrant            Sentence = "grant"
	SayVoteReplyOld     Sentence = "vote-reply-older-term"
	SayVoteReplyLeader  Sentence = "vote-reply-already-leader"
	SayVoteReplyNotCand Sentence = "vote-reply-not-candidate"
	SayRefusalNoted     Sentence = "vote-refused"
	SayVoteCountedAgain Sentence = "vote-counted-already"
	SayVoteCounted      Sentence = "vote-counted"
	SayWin              Sentence = "win"
	SayLeaderInit       Sentence = "leader-init"
	SayNoop             Sentence = "noop"

	SayClientAppend    Sentence = "client-append"
	SayHeartbeat       Sentence = "heartbeat"
	SaySendEntries     Sentence = "send-entries"
	SayRejectOlderTerm Sentence = "reject-older-term"
	SayRecognize       Sentence = "recognize-leader"
	SayAcceptHeartbeat Sentence = "accept-heartbeat"
	SayRejectNoEntry   Sentence = "reject-no-entry"
	SayRejectTerm      Sentence = "reject-term-mismatch"
	SayDelete          Sentence = "delete"
	SayAppend          Sentence = "append"
	SayAlreadyHolds    Sentence = "already-holds"
	SayFollowerCommit  Sentence = "follower-commit"
	SayHeartbeatCommit Sentence = "follower-commit-heartbeat"
	SayAEReplyOld      Sentence = "append-reply-older-term"
	SayAEReplyNotLead  Sentence = "append-reply-not-leader"
	SaySuccess         Sentence = "success"
	SayNothingNew      Sentence = "success-nothing-new"
	SayStaleAtOne      Sentence = "stale-rejection-at-one"
	SayStaleRejection  Sentence = "stale-rejection"
	SayBackUp          Sentence = "back-up"

	SayNoCommit       Sentence = "no-commit"
	SayCommit         Sentence = "commit"
	SayCommitWithOne  Sentence = "commit-with-one"
	SayCommitWithMany Sentence = "commit-with-many"
	SayApply          Sentence = "apply"

	SayRefused       Sentence = "client-refused"
	SayLostDown      Sentence = "lost-down"
	SayLostPartition Sentence = "lost-partition"
	SayDropped       Sentence = "dropped"
	SayDuplicated    Sentence = "duplicated"
	SayPartition     Sentence = "partition"
	SayHeal          Sentence = "heal"
	SayQuietUntil    Sentence = "quiet-until"
	SayQuiet         Sentence = "quiet"

	SaySnapshot          Sentence = "snapshot"
	SaySnapshotAuto      Sentence = "snapshot-auto"
	SaySendSnapshot      Sentence = "send-snapshot"
	SayRejectSnapshotOld Sentence = "reject-snapshot-older-term"
	SaySnapshotStale     Sentence = "snapshot-stale"
	SaySnapshotRetain    Sentence = "snapshot-retain"
	SaySnapshotDiscard   Sentence = "snapshot-discard"
	SaySnapshotSave      Sentence = "snapshot-save"
	SaySnapshotLoad      Sentence = "snapshot-load"
	SayAcceptCompacted   Sentence = "accept-compacted"
	SayCrashSnapshot     Sentence = "crash-snapshot"
	SayRestartSnapshot   Sentence = "restart-snapshot"

	SaySessionAppend     Sentence = "session-append"
	SayDuplicateAnswered Sentence = "duplicate-answered"
	SayDuplicateOutdated Sentence = "duplicate-outdated"
	SayDuplicateSkipped  Sentence = "duplicate-skipped"

	SayReadWaits        Sentence = "read-waits"
	SayReadRound        Sentence = "read-round"
	SayReadAck          Sentence = "read-ack"
	SayReadConfirmed    Sentence = "read-confirmed"
	SayReadConfirmedKey Sentence = "read-confirmed-key"
	SayReadAlone        Sentence = "read-alone"
	SayReadAloneKey     Sentence = "read-alone-key"
	SayReadLease        Sentence = "read-lease"
	SayReadLeaseKey     Sentence = "read-lease-key"
	SayLeaseExpired     Sentence = "lease-expired"
	SayLeaseNone        Sentence = "lease-none"
	SayReadAbandoned    Sentence = "read-abandoned"
	SayReadRefused      Sentence = "read-refused"

	SayDisregardVote       Sentence = "disregard-vote"
	SayDisregardVoteTimed  Sentence = "disregard-vote-timed"
	SayDisregardVoteLeader Sentence = "disregard-vote-leader"

	SayChangeInProgress       Sentence = "change-in-progress"
	SayChangeNeedsCommit      Sentence = "change-needs-commit"
	SayCatchUpStart           Sentence = "catch-up-start"
	SayCaughtUp               Sentence = "caught-up"
	SayCatchUpStartOne        Sentence = "catch-up-start-one"
	SayCaughtUpOne            Sentence = "caught-up-one"
	SayConfigAppend           Sentence = "config-append"
	SayJointAppend            Sentence = "joint-append"
	SayJointCommitted         Sentence = "joint-committed"
	SayLeaderRemoved          Sentence = "leader-removed"
	SayConfigRefused          Sentence = "config-refused"
	SayReplyNotPeer           Sentence = "reply-not-peer"
	SayVoteCountedConfig      Sentence = "vote-counted-config"
	SayVoteCountedAgainConfig Sentence = "vote-counted-already-config"
	SayRefusalNotedConfig     Sentence = "vote-refused-config"
	SayWinConfig              Sentence = "win-config"

	SayPreVoteStart      Sentence = "pre-vote-start"
	SayPreVoteWon        Sentence = "pre-vote-won"
	SayPreVoteDenyOld    Sentence = "pre-vote-deny-older-term"
	SayPreVoteDenyLeader Sentence = "pre-vote-deny-leader"
	SayPreVoteDenyTimed  Sentence = "pre-vote-deny-heard-timed"
	SayPreVoteDenyHeard  Sentence = "pre-vote-deny-heard"
	SayPreVoteDenyLog    Sentence = "pre-vote-deny-not-up-to-date"
	SayPreVoteDenyVoted  Sentence = "pre-vote-deny-voted"
	SayPreVoteGrant      Sentence = "pre-vote-grant"
	SayPreVoteReplyOld   Sentence = "pre-vote-reply-older-term"
	SayPreVoteReplyStale Sentence = "pre-vote-reply-stale"
	SayPreVoteReplyLate  Sentence = "pre-vote-reply-late"
	SayPreVoteRefused    Sentence = "pre-vote-refused"
	SayPreVoteAgain      Sentence = "pre-vote-counted-already"
	SayPreVoteCounted    Sentence = "pre-vote-counted"
	SayCheckQuorumOK     Sentence = "check-quorum-ok"
	SayCheckQuorumLost   Sentence = "check-quorum-lost"

	SayBackUpShort          Sentence = "back-up-short"
	SayBackUpTermFound      Sentence = "back-up-term-found"
	SayBackUpTermMissing    Sentence = "back-up-term-missing"
	SaySnapshotReplyOld     Sentence = "snapshot-reply-older-term"
	SaySnapshotReplyNotLead Sentence = "snapshot-reply-not-leader"
)

// sentences are the English patterns.
var sentences = map[Sentence]string{
	SayAdoptTerm:     "{server} sees term {term} in {from}'s {type}: adopts term {term} (§5.1)",
	SayAdoptStepDown: "{server} sees term {term} in {from}'s {type}: adopts term {term} and steps down from {role} to follower (§5.1)",
	SayCrash:         "{server} crashes: it keeps currentTerm {term}, votedFor {votedFor} and its {log:log entry|log entries} on disk; commitIndex, lastApplied, its state machine and any candidate or leader state are lost (Figure 2)",
	SayRestart:       "{server} restarts as a follower in term {term} with {log:log entry|log entries}; commitIndex and lastApplied start again at 0 until a leader says more (Figure 2)",

	SayTimeout:          "{server} times out, becomes candidate for term {term} and votes for itself (§5.2)",
	SayDenyOlderTerm:    "{server} denies {from} its vote: request term {requestTerm} < currentTerm {term} (§5.1)",
	SayDenyVoted:        "{server} denies {candidate} its vote: already voted for {votedFor} in term {term} (§5.2)",
	SayDenyUpToDate:     "{server} denies {candidate} its vote: candidate's log (last term {candidateLastTerm}, index {candidateLastIndex}) is less up-to-date than its own (last term {lastTerm}, index {lastIndex}) (§5.4.1)",
	SayGrantAgain:       "{server} grants {candidate} its vote again: it already voted for {candidate} in term {term} (§5.2)",
	SayGrant:            "{server} grants its vote for term {term} to {candidate}, whose log is at least as up-to-date (§5.2, §5.4.1)",
	SayVoteReplyOld:     "{server} ignores {from}'s vote reply from term {replyTerm}: it is in term {term} now (§5.1)",
	SayVoteReplyLeader:  "{server} is already leader of term {term}: {from}'s reply is not needed",
	SayVoteReplyNotCand: "{server} is no longer a candidate: it ignores {from}'s reply",
	SayRefusalNoted:     "{server} notes {from}'s refusal: it still has {votes} of the {needed} votes it needs",
	SayVoteCountedAgain: "{server} has already counted {from}'s vote ({votes} of {needed} needed)",
	SayVoteCounted:      "{server} counts {from}'s vote: {votes} of the {needed} it needs (§5.2)",
	SayWin:              "{server} wins the election for term {term} with the votes of {voters} (a majority of {servers}) and becomes leader (§5.2)",
	SayLeaderInit:       "{server} sets nextIndex to {nextIndex} (its last log index + 1) and matchIndex to 0 for every peer (Figure 2)",
	SayNoop:             "{server} appends a no-op entry at index {index} in term {term}, so entries of earlier terms can commit (§8)",

	SayClientAppend:    "{server} appends {value} to its log at index {index} in term {term} (§5.3)",
	SayHeartbeat:       "{server} sends AppendEntries to every peer (heartbeat, §5.2)",
	SaySendEntries:     "{server} sends AppendEntries to every peer, with the entries from each one's nextIndex on (§5.3)",
	SayRejectOlderTerm: "{server} rejects AppendEntries from {from}: term {requestTerm} < currentTerm {term} (§5.1)",
	SayRecognize:       "{server} recognizes {from} as the leader of term {term} and returns to follower (§5.2)",
	SayAcceptHeartbeat: "{server} accepts {from}'s heartbeat: its log matches at prevLogIndex {prevLogIndex} (§5.3)",
	SayRejectNoEntry:   "{server} rejects AppendEntries from {from}: its log has no entry at prevLogIndex {prevLogIndex} (§5.3)",
	SayRejectTerm:      "{server} rejects AppendEntries from {from}: its entry at prevLogIndex {prevLogIndex} has term {term}, not prevLogTerm {prevLogTerm} (§5.3)",
	SayDelete:          "{server} deletes {count:entry|entries} from index {index} on: its entry {index} has term {term}, the leader's has term {leaderTerm} (§5.3)",
	SayAppend:          "{server} appends {entries:entry|entries} (§5.3)",
	SayAlreadyHolds:    "{server} already holds {entries:entry|entries}: nothing to change (§5.3)",
	SayFollowerCommit:  "{server} sets commitIndex to {commitIndex} = min(leaderCommit {leaderCommit}, index of last new entry {lastNew}) (§5.3)",
	SayHeartbeatCommit: "{server} sets commitIndex to {commitIndex} = min(leaderCommit {leaderCommit}, prevLogIndex {lastNew}): a heartbeat vouches for the log up to prevLogIndex (§5.3)",
	SayAEReplyOld:      "{server} ignores {from}'s AppendEntries reply from term {replyTerm}: it is in term {term} now (§5.1)",
	SayAEReplyNotLead:  "{server} ignores {from}'s AppendEntries reply: it is no longer leader",
	SaySuccess:         "{server} sets matchIndex[{peer}] = {matchIndex} and nextIndex[{peer}] = {nextIndex} (Figure 2)",
	SayNothingNew:      "{server} learns nothing new from {peer}'s success: matchIndex[{peer}] stays {matchIndex}",
	SayStaleAtOne:      "{server} ignores a stale rejection from {peer}: nextIndex[{peer}] is already 1, and prevLogIndex 0 always matches (§5.3)",
	SayStaleRejection:  "{server} ignores a stale rejection from {peer}: {peer} has confirmed the entries up to matchIndex {matchIndex}, so nextIndex[{peer}] stays {nextIndex} (§5.3)",
	SayBackUp:          "{server} decrements nextIndex[{peer}] to {nextIndex} and retries (§5.3)",

	SayNoCommit:       "{server} does not commit index {index}: it is stored on a majority ({holders}) but its term {entryTerm} is not the current term {term}; only an entry of the current term commits by counting replicas (§5.4.2, Figure 8)",
	SayCommit:         "{server} commits index {index}: stored on a majority ({holders}) and of the current term {term} (§5.4.2)",
	SayCommitWithOne:  "{server} commits index {index}: stored on a majority ({holders}) and of the current term {term} (§5.4.2); {earlier:entry|entries} commits with it",
	SayCommitWithMany: "{server} commits index {index}: stored on a majority ({holders}) and of the current term {term} (§5.4.2); {earlier:entry|entries} commit with it",
	SayApply:          "{server} applies {entries:entry|entries} to its state machine, which now holds {state} (§5.3)",

	SayRefused:       "{server} is a {role} in term {term}, not the leader: it refuses {value} and the client must retry at the leader (§8)",
	SayLostDown:      "{message} is lost: {to} is down",
	SayLostPartition: "{message} is lost: the partition separates {from} from {to}",
	SayDropped:       "{message} is dropped by the network",
	SayDuplicated:    "the network duplicates #{id}: #{copy} is a copy",
	SayPartition:     "the network is partitioned: {groups}",
	SayHeal:          "the network heals: every server can reach every other",
	SayQuietUntil:    "nothing happens until {until}ms",
	SayQuiet:         "nothing is in flight: the network is already quiet",

	SaySnapshot:             "{server} snapshots its state machine through index {index} (term {term}) and discards {count:log entry|log entries} up to it (§7)",
	SaySnapshotAuto:         "{server} has {count:applied entry|applied entries} beyond its snapshot (snapshot_after {after}): it snapshots through index {index} (term {term}) and discards them from its log (§7)",
	SaySendSnapshot:         "{server}'s log starts after index {base}, its snapshot: nextIndex[{peer}] = {nextIndex} needs compacted entries, so it sends {peer} InstallSnapshot (§7)",
	SayRejectSnapshotOld:    "{server} rejects InstallSnapshot from {from}: term {requestTerm} < currentTerm {term} (Figure 13)",
	SaySnapshotStale:        "{server} ignores {from}'s snapshot through index {index}: its own snapshot already reaches index {base} (Figure 13)",
	SaySnapshotRetain:       "{server} holds entry {index} of term {term}, the snapshot's last: it saves the snapshot, discards its entries up to {index} and keeps the {count:entry|entries} after it (Figure 13, step 6)",
	SaySnapshotDiscard:      "{server} saves the snapshot through index {index} (term {term}) and discards its entire log, {count:entry|entries} (Figure 13, step 7)",
	SaySnapshotSave:         "{server} saves the snapshot through index {index} (term {term}); its log holds nothing to keep (Figure 13, steps 5 and 7)",
	SaySnapshotLoad:         "{server} resets its state machine from the snapshot, which holds {state}; commitIndex and lastApplied become {index} (Figure 13, step 8)",
	SayAcceptCompacted:      "{server} accepts AppendEntries from {from}: its snapshot covers prevLogIndex {prevLogIndex} (up to {base}), and committed entries match the leader's (§7, §5.4.3)",
	SayCrashSnapshot:        "{server} crashes: it keeps currentTerm {term}, votedFor {votedFor}, its snapshot through index {index} and its {log:log entry|log entries} on disk; commitIndex, lastApplied, its state machine and any candidate or leader state are lost (Figure 2, §7)",
	SaySnapshotReplyOld:     "{server} ignores {from}'s InstallSnapshot reply from term {replyTerm}: it is in term {term} now (§5.1)",
	SaySnapshotReplyNotLead: "{server} ignores {from}'s InstallSnapshot reply: it is no longer leader",
	SayRestartSnapshot:      "{server} restarts as a follower in term {term} with {log:log entry|log entries}: it loads its snapshot into its state machine, which holds {state}, so commitIndex and lastApplied start at {index} (§7)",

	SaySessionAppend:     "{server} appends {value}, {client}'s command #{seq}, to its log at index {index} in term {term} (§5.3, §8)",
	SayDuplicateAnswered: "{server}'s state machine has already executed {client}'s command #{seq}: it answers with the saved response {response} at once and appends nothing (§8)",
	SayDuplicateOutdated: "{server}'s state machine has already executed {client}'s commands up to #{last}: command #{seq} is an old retry, answered without appending anything (§8)",
	SayDuplicateSkipped:  "{server} does not execute entry {index} again: its session for {client} shows command #{seq} already executed, so the retried command applies once (§8)",

	SayReadWaits:        "{server} has committed no entry of its term {term} yet (commitIndex {commitIndex}), so its commitIndex may lag the cluster's: read {read} waits until one commits (§8)",
	SayReadRound:        "{server} records readIndex {readIndex}, its commitIndex, for read {read} and sends a heartbeat round ({round}) to check that it is still the leader (§8)",
	SayReadAck:          "{server} counts {from}'s answer to the heartbeat round for read {read}; not yet a majority (§8)",
	SayReadConfirmed:    "{server} has heard from a majority ({acks}) since read {read} arrived, so no newer leader can have committed anything: it answers {value} as of readIndex {readIndex} (§8)",
	SayReadConfirmedKey: "{server} has heard from a majority ({acks}) since read {read} arrived, so no newer leader can have committed anything: it answers {key} = {value} as of readIndex {readIndex} (§8)",
	SayReadAlone:        "{server} is a majority on its own: it answers read {read} with {value} as of readIndex {readIndex} (§8)",
	SayReadAloneKey:     "{server} is a majority on its own: it answers read {read} with {key} = {value} as of readIndex {readIndex} (§8)",
	SayReadLease:        "{server}'s lease lasts until {until}ms, and no other leader can be elected before then: it answers read {read} with {value} as of readIndex {readIndex} without a heartbeat round (§8)",
	SayReadLeaseKey:     "{server}'s lease lasts until {until}ms, and no other leader can be elected before then: it answers read {read} with {key} = {value} as of readIndex {readIndex} without a heartbeat round (§8)",
	SayLeaseExpired:     "{server}'s lease ended at {until}ms (it is now {now}ms): a newer leader may have been elected since and committed writes it lacks, so it cannot serve read {read}; the client must retry (§8)",
	SayLeaseNone:        "{server} has no lease: no majority has acknowledged its heartbeats in this term, so it cannot serve read {read}; the client must retry (§8)",
	SayReadAbandoned:    "{server} is no longer the leader: it cannot answer {reads}, as its state may be stale; the clients must retry at the new leader (§8)",
	SayReadRefused:      "{server} is a {role} in term {term}, not the leader: it refuses read {read}, and the client must retry at the leader (§8)",

	SayDisregardVote:       "{server} disregards {candidate}'s RequestVote for term {requestTerm}: it has heard from a current leader since its election timer last fired, so it neither adopts the term nor votes (§6)",
	SayDisregardVoteTimed:  "{server} disregards {candidate}'s RequestVote for term {requestTerm}: it heard from a current leader at {contactMs}ms, within the minimum election timeout of {minTimeout}ms, so it neither adopts the term nor votes (§6)",
	SayDisregardVoteLeader: "{server} disregards {candidate}'s RequestVote for term {requestTerm}: it is the current leader, so it neither adopts the term nor votes (§6)",

	SayChangeInProgress:       "{server} refuses the change: its configuration {config} is not yet committed, or new servers are still catching up; one change at a time (§6)",
	SayChangeNeedsCommit:      "{server} refuses the change: it has committed no entry of its term {term} yet, and a single-server change must wait for one (dissertation §4.1, as corrected)",
	SayCatchUpStart:           "{server} adds {servers} as non-voting members: it replicates its log to them first, and will use {config} once they have caught up (§6)",
	SayCaughtUp:               "{server}'s new servers {servers} hold its log up to index {index}: they have caught up (§6)",
	SayCatchUpStartOne:        "{server} adds {servers} as a non-voting member: it replicates its log to {servers} first, and will use {config} once {servers} has caught up (§6)",
	SayCaughtUpOne:            "{server}'s new server {servers} holds its log up to index {index}: it has caught up (§6)",
	SayConfigAppend:           "{server} appends the configuration {config} at index {index} and uses it at once, committed or not (§6)",
	SayJointAppend:            "{server} appends C_old,new = {config} at index {index} and uses it at once: from now on elections and commitment need a majority of each (§6)",
	SayJointCommitted:         "{server} has committed C_old,new {config} (index {index}): it now appends C_new (§6)",
	SayLeaderRemoved:          "{server} has committed the configuration {config} (index {index}), which does not include it: it steps down (§6)",
	SayConfigRefused:          "{server} is a {role} in term {term}, not the leader: it refuses the configuration change (§6)",
	SayReplyNotPeer:           "{server} ignores {from}'s reply: {from} is not in its configuration (§6)",
	SayVoteCountedConfig:      "{server} counts {from}'s vote: it has the votes of {votes} (§5.2, §6)",
	SayVoteCountedAgainConfig: "{server} has already counted {from}'s vote: it has the votes of {votes}",
	SayRefusalNotedConfig:     "{server} notes {from}'s refusal: it has the votes of {votes}",
	SayWinConfig:              "{server} wins the election for term {term} with the votes of {votes}, a majority of its configuration, and becomes leader (§5.2, §6)",

	SayPreVoteStart:      "{server}'s election timer fires: it becomes a pre-candidate and asks every peer whether it would vote for it in term {term}, without changing its own term (dissertation §9.6)",
	SayPreVoteWon:        "{server} has the pre-votes of {votes}, a majority: it becomes candidate for term {term} and votes for itself (§5.2, dissertation §9.6)",
	SayPreVoteDenyOld:    "{server} would not vote for {candidate}: term {requestTerm} is below its currentTerm {term} (§5.1)",
	SayPreVoteDenyLeader: "{server} would not vote for {candidate} in term {requestTerm}: it is the leader itself (dissertation §9.6)",
	SayPreVoteDenyTimed:  "{server} would not vote for {candidate} in term {requestTerm}: it heard from the leader at {contactMs}ms, within the minimum election timeout of {minTimeout}ms (dissertation §9.6)",
	SayPreVoteDenyHeard:  "{server} would not vote for {candidate} in term {requestTerm}: it has heard from the leader since its election timer last fired (dissertation §9.6)",
	SayPreVoteDenyLog:    "{server} would not vote for {candidate}: the candidate's log (last term {candidateLastTerm}, index {candidateLastIndex}) is less up-to-date than its own (last term {lastTerm}, index {lastIndex}) (§5.4.1)",
	SayPreVoteDenyVoted:  "{server} would not vote for {candidate}: it has voted for {votedFor} in term {term} (§5.2)",
	SayPreVoteGrant:      "{server} would vote for {candidate} in term {requestTerm}: its log is at least as up-to-date and it has not heard from a leader lately; its own term and vote do not change (dissertation §9.6)",
	SayPreVoteReplyOld:   "{server} ignores {from}'s pre-vote reply from term {replyTerm}: it is in term {term} now (§5.1)",
	SayPreVoteReplyStale: "{server} ignores {from}'s pre-vote for term {replyTerm}: it now asks for term {term}",
	SayPreVoteReplyLate:  "{server} is no longer a pre-candidate: it ignores {from}'s pre-vote reply",
	SayPreVoteRefused:    "{server} notes {from}'s refusal: its pre-votes so far are {votes}",
	SayPreVoteAgain:      "{server} has already counted {from}'s pre-vote: its pre-votes so far are {votes}",
	SayPreVoteCounted:    "{server} counts {from}'s pre-vote: its pre-votes so far are {votes} (dissertation §9.6)",
	SayCheckQuorumOK:     "{server}'s election timer fires: it has heard from {heard} since the last check, a majority, so it stays leader (dissertation §9.6)",
	SayCheckQuorumLost:   "{server}'s election timer fires: it has heard only from {heard} since the last check, not a majority, so it steps down to follower in term {term} (dissertation §9.6)",

	SayBackUpShort:       "{server} learns that {peer}'s log ends at index {end}: it sets nextIndex[{peer}] to {nextIndex} and retries (§5.3, fast backup)",
	SayBackUpTermFound:   "{server} learns that {peer}'s conflicting entry has term {conflictTerm} (its first of that term at index {conflictIndex}); its own last entry of term {conflictTerm} is at index {last}, so it sets nextIndex[{peer}] to {nextIndex} and retries (§5.3, fast backup)",
	SayBackUpTermMissing: "{server} learns that {peer}'s conflicting entry has term {conflictTerm}, which its own log lacks: it skips the whole term, sets nextIndex[{peer}] to {nextIndex}, the first index of that term at {peer}, and retries (§5.3, fast backup)",
}

// Sentences lists the sentence keys, sorted.
func Sentences() []Sentence {
	out := make([]Sentence, 0, len(sentences))
	for k := range sentences {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Pattern is a sentence's English pattern, and whether the key exists.
func (s Sentence) Pattern() (string, bool) {
	p, ok := sentences[s]
	return p, ok
}
