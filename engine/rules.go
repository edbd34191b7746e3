package engine

// Rule is one rule of the Raft paper (or of the simulated network) that
// explains a change, or the value of a box on the sheets. The engine names
// the rule of every reason it records; the sheets and grading take the
// rule behind an answer from there, never from a reason's words.
type Rule int

// The catalogue. The order is the one a teacher reads them in: terms,
// election, replication, commitment, the client, crashes, the network; and
// then the rules that only the sheets name, for boxes no change explains.
const (
	RuleNone Rule = iota

	// Terms (§5.1).
	RuleNewerTerm        // a higher term in any RPC or reply: adopt it, become follower
	RuleOlderTermRequest // an RPC from an older term is rejected
	RuleOlderTermReply   // a reply from an older term is ignored

	// Leader election (§5.2, §5.4.1).
	RuleElectionTimeout // a follower or candidate times out: new term, votes for itself
	RuleOneVote         // at most one vote per term, first come first served
	RuleUpToDate        // the election restriction: vote only for an up-to-date log
	RuleGrantVote       // a vote for a candidate whose log is up-to-date
	RuleCountVote       // a candidate counts each voter once
	RuleWinElection     // votes from a majority win the election
	RuleLateVote        // a vote reply that comes too late is not needed
	RuleAcceptLeader    // a candidate that hears from the leader of its term returns to follower
	RuleLeaderInit      // a new leader's nextIndex = last index + 1, matchIndex = 0
	RuleHeartbeat       // a leader sends AppendEntries with no entries to keep its authority

	// Log replication (§5.3).
	RuleClientAppend     // the leader appends a client's command to its log
	RuleSendEntries      // a leader sends each follower the entries from its nextIndex on
	RuleConsistencyCheck // AppendEntries succeeds only if the log matches at prevLogIndex
	RuleTruncate         // a conflicting entry and all that follow it are deleted
	RuleAppendNew        // the new entries are appended
	RuleKeepPresent      // entries already present are kept
	RuleFollowerCommit   // a follower's commitIndex = min(leaderCommit, index of last new entry)
	RuleLeaderIndexes    // on success the leader updates matchIndex and nextIndex
	RuleStaleRejection   // a rejection at or below matchIndex is stale and ignored
	RuleBackUp           // on a rejection the leader decrements nextIndex and retries
	RuleNotLeader        // a reply to a leader that has stepped down is ignored

	// Commitment (§5.4.2) and the state machine.
	RuleCommit // the leader commits by counting replicas only entries of its current term (Figure 8)
	RuleApply  // committed entries are applied in log order

	// Clients (§8).
	RuleNoop          // a new leader's no-op entry
	RuleClientRefused // a server that is not the leader refuses a client's command

	// Crashes (Figure 2).
	RuleCrash   // a crash keeps currentTerm, votedFor and the log, and loses the rest
	RuleRestart // a restarted server is a follower with what it kept

	// The network.
	RuleLostDown      // a message to a crashed server is lost
	RuleLostPartition // a message across a partition is lost
	RuleDropped       // the network drops a message
	RuleDuplicated    // the network delivers a copy of a message
	RulePartition     // the network splits
	RuleHeal          // the network heals
	RuleQuiet         // nothing happens
	RuleInFlight      // a message still in flight when the run ends

	// Log compaction (§7, Figure 13), an option beyond Figure 2.
	RuleSnapshot        // a server snapshots its applied state and discards the log up to it
	RuleSendSnapshot    // a leader sends InstallSnapshot to a follower that needs compacted entries
	RuleInstallSnapshot // the receiver rules of Figure 13

	// Client interaction (§8), options beyond Figure 2.
	RuleDuplicateCommand // a command its client's session shows executed is not executed again
	RuleReadIndex        // a leader answers a read once it has committed in its term and confirmed it still leads
	RuleLease            // a leader answers reads without a round only while its lease lasts

	// Membership changes (§6; the dissertation's §4), beyond Figure 2.
	RuleConfigEntry   // a server uses the latest configuration in its log, committed or not
	RuleCatchUp       // new servers join as non-voting members until they catch up
	RuleOneChange     // one configuration change at a time
	RuleLeaderRemoved // a leader not in C_new steps down once C_new is committed
	RuleVoteGuard     // a server that heard from a current leader disregards RequestVote

	// PreVote and CheckQuorum (the dissertation's §9.6), beyond Figure 2.
	RulePreVote     // a pre-candidate stands only if a majority would vote for it
	RuleCheckQuorum // a leader that has not heard from a majority within an election timeout steps down

	// The fast log backup (§5.3), beyond Figure 2.
	RuleFastBackup // a rejection's conflict hints let the leader skip a whole conflicting term

	// Rules the sheets name for boxes no reason explains: values that held
	// from the start, that nothing in the run changed, or that an RPC's
	// arguments and results carry by definition.
	RuleTerms            // a server's currentTerm
	RuleElection         // leader election
	RuleReplication      // log replication
	RuleCommitted        // when an entry is committed
	RuleLeaderState      // only a leader keeps nextIndex and matchIndex
	RuleElectionTimer    // when the election timer restarts
	RuleHeartbeatTimer   // a leader sends heartbeats every interval
	RuleResults          // an RPC's results
	RuleReplyTerm        // a reply carries the receiver's currentTerm
	RuleMatchIndex       // matchIndex = prevLogIndex + entries sent
	RuleArguments        // an RPC's arguments
	RuleSenderTerm       // every RPC carries the sender's currentTerm
	RuleAppendEntriesArg // the arguments of AppendEntries
	RulePrevLogIndex     // prevLogIndex = nextIndex − 1
	RulePrevLogTerm      // prevLogTerm = term of the entry at prevLogIndex
	RuleLeaderCommitArg  // leaderCommit = the leader's commitIndex
	RuleRequestVoteArg   // the arguments of RequestVote
	RuleLastLogArg       // RequestVote carries the candidate's last log entry

	ruleCount
)

// RuleInfo is what the catalogue says of a rule: a stable key (in the
// trace's JSON and in templates that rename rules), its name, and where the
// paper states it.
type RuleInfo struct {
	Key  string
	Name string
	Cite string
}

var rules = [ruleCount]RuleInfo{
	RuleNone: {"none", "", ""},

	RuleNewerTerm:        {"newer-term", "Higher term seen: adopt it, become follower", "§5.1"},
	RuleOlderTermRequest: {"older-term-request", "Reject an RPC from an older term", "§5.1"},
	RuleOlderTermReply:   {"older-term-reply", "Ignore a reply from an older term", "§5.1"},

	RuleElectionTimeout: {"election-timeout", "Election timeout: new term, vote for itself", "§5.2"},
	RuleOneVote:         {"one-vote", "One vote per term", "§5.2"},
	RuleUpToDate:        {"up-to-date", "Election restriction: vote only for an up-to-date log", "§5.4.1"},
	RuleGrantVote:       {"grant-vote", "Vote for a candidate with an up-to-date log", "§5.2, §5.4.1"},
	RuleCountVote:       {"count-vote", "A candidate counts each voter once", "§5.2"},
	RuleWinElection:     {"win-election", "A majority of votes wins the election", "§5.2"},
	RuleLateVote:        {"late-vote", "A vote that comes after the election is not needed", "§5.2"},
	RuleAcceptLeader:    {"accept-leader", "A candidate accepts the leader of its term", "§5.2"},
	RuleLeaderInit:      {"leader-init", "New leader: nextIndex = last index + 1, matchIndex = 0", "Figure 2"},
	RuleHeartbeat:       {"heartbeat", "Leader sends heartbeats", "§5.2"},

	RuleClientAppend:     {"client-append", "Leader appends the client's command", "§5.3"},
	RuleSendEntries:      {"send-entries", "Send the entries from nextIndex on", "§5.3"},
	RuleConsistencyCheck: {"consistency-check", "AppendEntries consistency check", "§5.3"},
	RuleTruncate:         {"truncate", "A conflicting entry and all after it are deleted", "§5.3"},
	RuleAppendNew:        {"append-new", "Append the new entries", "§5.3"},
	RuleKeepPresent:      {"keep-present", "Entries already present are kept", "§5.3"},
	RuleFollowerCommit:   {"follower-commit", "Follower commitIndex = min(leaderCommit, last new entry)", "§5.3"},
	RuleLeaderIndexes:    {"leader-indexes", "Leader updates matchIndex and nextIndex", "Figure 2"},
	RuleStaleRejection:   {"stale-rejection", "A rejection at or below matchIndex is stale: ignore it", "§5.3"},
	RuleBackUp:           {"back-up", "Back up nextIndex after a rejection", "§5.3"},
	RuleNotLeader:        {"not-leader", "A server that no longer leads ignores replies", "Figure 2"},

	RuleCommit: {"commit", "Figure 8 commit rule", "§5.4.2"},
	RuleApply:  {"apply", "Apply committed entries in order", "§5.3"},

	RuleNoop:          {"noop", "No-op entry at the start of a term", "§8"},
	RuleClientRefused: {"client-refused", "Only the leader takes client commands", "§8"},

	RuleCrash:   {"crash", "Crash: term, vote and log survive, the rest is lost", "Figure 2"},
	RuleRestart: {"restart", "Restart as a follower", "Figure 2"},

	RuleLostDown:      {"lost-down", "Lost: a crashed server receives nothing", "Figure 2"},
	RuleLostPartition: {"lost-partition", "Lost: a partition cuts the receiver off", ""},
	RuleDropped:       {"dropped", "Dropped by the network", ""},
	RuleDuplicated:    {"duplicated", "Duplicated by the network", ""},
	RulePartition:     {"partition", "The network is partitioned", ""},
	RuleHeal:          {"heal", "The network heals", ""},
	RuleQuiet:         {"quiet", "Nothing happens", ""},
	RuleInFlight:      {"in-flight", "Still in flight when the run ends", ""},

	RuleSnapshot:        {"snapshot", "Snapshot the applied state, discard the log up to it", "§7"},
	RuleSendSnapshot:    {"send-snapshot", "A follower that needs compacted entries gets InstallSnapshot", "§7"},
	RuleInstallSnapshot: {"install-snapshot", "InstallSnapshot: keep a following suffix, else discard the log", "§7, Figure 13"},

	RuleDuplicateCommand: {"duplicate-command", "A command already executed for its client is not executed again", "§8"},
	RuleReadIndex:        {"read-index", "Read: commit in the term, confirm leadership with a majority, then answer", "§8"},
	RuleLease:            {"lease", "Read on a lease: only while a majority's last acknowledgement is recent", "§8"},

	RuleConfigEntry:   {"config-entry", "A server uses the latest configuration in its log, committed or not", "§6"},
	RuleCatchUp:       {"catch-up", "New servers join as non-voting members until they catch up", "§6"},
	RuleOneChange:     {"one-change", "One configuration change at a time", "§6"},
	RuleLeaderRemoved: {"leader-removed", "A leader not in C_new steps down once C_new is committed", "§6"},
	RuleVoteGuard:     {"vote-guard", "A server that hears from a leader disregards RequestVote", "§6"},

	RulePreVote:     {"pre-vote", "PreVote: stand for election only if a majority would vote", "dissertation §9.6"},
	RuleCheckQuorum: {"check-quorum", "CheckQuorum: a leader not hearing from a majority steps down", "dissertation §9.6"},

	RuleFastBackup: {"fast-backup", "Fast backup: skip a whole conflicting term by the follower's hints", "§5.3"},

	RuleTerms:            {"terms", "Terms: a server's currentTerm", "§5.1"},
	RuleElection:         {"election", "Leader election", "§5.2"},
	RuleReplication:      {"replication", "Log replication", "§5.3"},
	RuleCommitted:        {"committed", "When an entry is committed", "§5.3, §5.4.2"},
	RuleLeaderState:      {"leader-state", "Only a leader keeps nextIndex and matchIndex", "Figure 2"},
	RuleElectionTimer:    {"election-timer", "Election timer: restarts on a granted vote, a heartbeat, a new election", "§5.2, Figure 2"},
	RuleHeartbeatTimer:   {"heartbeat-timer", "Leader sends heartbeats every interval", "§5.2"},
	RuleResults:          {"results", "RPC results", "Figure 2"},
	RuleReplyTerm:        {"reply-term", "Replies carry the receiver's currentTerm", "Figure 2"},
	RuleMatchIndex:       {"match-index", "matchIndex = prevLogIndex + entries sent", "§5.3"},
	RuleArguments:        {"arguments", "RPC arguments", "Figure 2"},
	RuleSenderTerm:       {"sender-term", "Every RPC carries the sender's currentTerm", "Figure 2"},
	RuleAppendEntriesArg: {"append-entries-args", "AppendEntries arguments", "Figure 2"},
	RulePrevLogIndex:     {"prev-log-index", "prevLogIndex = nextIndex − 1 for this follower", "§5.3"},
	RulePrevLogTerm:      {"prev-log-term", "prevLogTerm = term of the entry at prevLogIndex", "§5.3"},
	RuleLeaderCommitArg:  {"leader-commit", "leaderCommit = the leader's commitIndex", "Figure 2"},
	RuleRequestVoteArg:   {"request-vote-args", "RequestVote arguments", "Figure 2"},
	RuleLastLogArg:       {"last-log", "RequestVote carries the candidate's last log entry", "§5.4.1"},
}

// Info is the catalogue's entry for r.
func (r Rule) Info() RuleInfo {
	if r < 0 || r >= ruleCount {
		return RuleInfo{}
	}
	return rules[r]
}

// Key is r's stable key, as the trace's JSON and templates spell it.
func (r Rule) Key() string { return r.Info().Key }

// Name is r's name in English.
func (r Rule) Name() string { return r.Info().Name }

// Cite is where the paper states r: "§5.4.2", "Figure 2"; "" for rules of
// the simulated network.
func (r Rule) Cite() string { return r.Info().Cite }

// String is the name with its citation: "Figure 8 commit rule (§5.4.2)".
func (r Rule) String() string {
	if r.Cite() == "" {
		return r.Name()
	}
	return r.Name() + " (" + r.Cite() + ")"
}

// Rules lists the catalogue in order, RuleNone left out.
func Rules() []Rule {
	out := make([]Rule, 0, ruleCount-1)
	for r := RuleNone + 1; r < ruleCount; r++ {
		out = append(out, r)
	}
	return out
}

// RuleByKey finds a rule by its key.
func RuleByKey(key string) (Rule, bool) {
	for r := RuleNone + 1; r < ruleCount; r++ {
		if rules[r].Key == key {
			return r, true
		}
	}
	return RuleNone, false
}
