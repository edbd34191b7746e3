module github.com/raftsheet/raftsheet/etcdcheck

go 1.26

require (
	github.com/raftsheet/raftsheet v0.0.0
	go.etcd.io/raft/v3 v3.7.0
	google.golang.org/protobuf v1.36.11
)

replace github.com/raftsheet/raftsheet => ../
