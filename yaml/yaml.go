// Package yaml is raftsheet's one door to a YAML library: every file
// format it reads (exercises, templates, answer files) goes through it, so
// that moving to another library is a change of one import, here.
//
// The formats are read as trees of nodes rather than straight into
// structs: a node keeps the line and column of every key and value, which
// every diagnostic names. The library is gopkg.in/yaml.v3, archived
// upstream; its maintained continuation, go.yaml.in/yaml/v3, has the same
// API (see docs/ARCHITECTURE.md, "Dependencies").
package yaml

import (
	"io"

	yaml3 "gopkg.in/yaml.v3"
)

// Node is one node of a YAML document: its Kind, Tag, Value, Content (the
// children: a mapping's keys and values alternate), Line and Column.
type Node = yaml3.Node

// Kind is what a node is.
type Kind = yaml3.Kind

// The kinds of node.
const (
	DocumentNode = yaml3.DocumentNode
	SequenceNode = yaml3.SequenceNode
	MappingNode  = yaml3.MappingNode
	ScalarNode   = yaml3.ScalarNode
	AliasNode    = yaml3.AliasNode
)

// Decoder reads YAML documents one after the other from a stream; Decode
// returns io.EOF when there is none left (or none at all).
type Decoder = yaml3.Decoder

// NewDecoder reads YAML documents from r.
func NewDecoder(r io.Reader) *Decoder { return yaml3.NewDecoder(r) }

// Unmarshal reads the first YAML document in src into out: a *Node for
// the tree, or a Go value. Its errors name lines as "line N: …", which
// diag.FromYAML reads.
func Unmarshal(src []byte, out any) error { return yaml3.Unmarshal(src, out) }
