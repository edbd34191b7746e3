// Package explore answers exam questions about an exercise by exploring
// what could happen next: who can win an election, which entries are
// committed, whether a state could arise at all, whether a condition can
// be reached, and what goes wrong when a rule is broken on purpose. It is
// a pure, deterministic explicit-state search over the events a script
// could take (engine.Cluster.Clone, engine.Cluster.Perform), with the five
// safety properties checked after every event as the runner checks them.
//
// Every "yes" comes with a witness — steps in the exercise format — that
// has been replayed through the runner before it is given out; every "no"
// names the rule of the paper that forbids it; where neither is
// established the answer says so (null) and what was explored.
// docs/EXPLORE.md states each decision procedure and why it is sound.
//
// One concept per file:
//
//	ask.go           the entry point and the JSON contract
//	event.go         an event, as a step of the exercise format
//	witness.go       a witness: steps to replay, in words and as steps
//	search.go        the search: iterative deepening over the events
//	bounds.go        what a search may try, and how far
//	symmetry.go      interchangeable servers and values: one key per class
//	dead.go          messages that can only be ignored
//	acks.go          what servers acknowledged, for goals that ask
//	builder.go       playing chosen events on a copy, as a witness
//	votes.go         the vote matrix (§5.2, §5.4.1)
//	elect.go         a schedule that elects a given server
//	whocanwin.go     who-can-win
//	committed.go     committed, with the Figure 8 condition
//	reachrules.go    the rules an unreachable initial state breaks
//	construct.go     reachable: planning a schedule term by term
//	construct_play.go  reachable: playing it
//	reachable.go     reachable
//	goal.go          the goal language
//	possibility.go   goal (and the answer reachable shares)
//	mutant.go        mutant
//	verify.go        replaying witnesses through the runner
//	rule.go          the rules answers cite
//	text.go          answers for a teacher to read
//
// What the search need not try. A schedule that drops a message, splits
// the network or delivers a message that is lost reaches, server by
// server, exactly the states of the same schedule without those events,
// where the message just stays in flight: no handler reads the network,
// and a lost or dropped message changes no server. The safety properties
// and every goal read only the servers and the checker's history, so the
// search leaves these events out (Bounds.Drops and Bounds.Partitions put
// them back). For the same reason it never delivers a message whose
// receiver would ignore it without a word (dead.go), nor one of two
// identical copies more than once, and its state keys leave dead messages
// out.
package explore
