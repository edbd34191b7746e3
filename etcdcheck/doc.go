// Package etcdcheck holds the differential tests of raftsheet's engine
// against etcd raft (go.etcd.io/raft/v3): random schedules of elections,
// proposals, heartbeats, partitions, crashes, snapshots and membership
// changes, played on both, with PreVote and CheckQuorum on and off, and
// their quiescent states compared. It is a module of its own, so raftsheet
// itself never depends on etcd. Run it with `go test ./...` in this
// directory; .ci/run does.
//
// Where the engine follows the paper and etcd differs, the comparison
// either steers clear of the difference or allows it, and says so (see
// differences_test.go and the README, "How the engine reads the paper").
package etcdcheck
