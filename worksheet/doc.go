// Package worksheet lays out printable Raft worksheets and their answer
// keys from an engine trace: the cover, a Raft State sheet per server and
// the RPC slips of the role-play, the step-by-step sheets of the trace
// template, the debrief, and a class's report page.
//
// A build makes one layout (a page.Document: pages of boxes and texts, in
// millimetres) that package pdf draws twice: the worksheet leaves the
// answers out, the key prints them in the answer face and colour. Both
// PDFs therefore have the same pages with the same boxes in the same
// places. Every box a student writes in is a field (package field) whose
// answer is worked out from the trace (history.go, values.go) before it
// is drawn, with the rule behind it (rules.go). Before it is drawn, the
// layout is checked (page.Document.Problems): every box lies inside the
// printable area, every text fits its box, every box a student writes in
// is tall enough to write in.
package worksheet
