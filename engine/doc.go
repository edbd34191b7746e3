// Package engine is raftsheet's Raft: Figure 2 of the extended Raft paper
// (Ongaro & Ousterhout), with the paper's names, as a pure state machine.
// It reads no files, keeps no clock of its own, starts no goroutines and
// draws no global randomness, so a run is the same byte for byte every
// time. As in etcd raft, a Server handles one message at a time and only
// queues what it sends; as in the Raft TLA+ spec, every exported method of
// Cluster is one event (a timeout, a delivery, a crash…). After every step
// the runner checks the five safety properties of Figure 3, and for every
// change it records a reason citing the rule: the answer keys print them.
//
// Where the paper says each rule, and where the engine does it:
//
//	paper                                           file
//	Figure 2, the state of a server                 server.go
//	§5.1   terms: a higher term makes a follower    server.go (adoptNewerTerm)
//	§5.2   election timeout, RequestVote, votes,    election.go
//	       one vote per term, becoming leader
//	§5.3   client entries, AppendEntries and        replication.go, log_mutation.go
//	       heartbeats, the consistency check,
//	       conflict truncation, backing up nextIndex
//	§5.3   the log: indexes, terms, matching        entry.go
//	§5.4.1 election restriction (up-to-date log)    entry.go (AtLeastAsUpToDate), election.go
//	§5.4.2 commit rule (Figure 8), apply in order   commit.go
//	§2     the replicated state machine             statemachine.go
//	§5.5   crash and restart: what survives         server.go (Crash, Restart), cluster.go
//	§8     no-op of a new leader, client redirect   election.go (becomeLeader), cluster.go (ClientRequest)
//	Figure 2, the RPCs and their results            message.go
//	Figure 3, the five safety properties            invariants.go
//	§5.2, §5.6, §9.3 timers and randomized          timing.go, clock.go, timed.go
//	       timeouts on a simulated clock
//
// Around the rules: network.go and selector.go hold the messages in flight,
// partitions and which messages a step picks; cluster.go the events;
// options.go the choices where the paper leaves room (docs/ARCHITECTURE.md,
// "How the engine reads the paper"); script.go, run.go, describe.go,
// initial.go and limits.go the script the runner plays; trace.go and
// trace_text.go the trace it records, as JSON and as text. For an explorer
// (package explore): clone.go copies a cluster, statekey.go describes its
// state as bytes, perform.go and replay.go play steps on it, view.go
// reads what the servers do not show; mutate.go breaks named rules on
// purpose, each hook marked "Mutation hook" in the handler it changes.
package engine
