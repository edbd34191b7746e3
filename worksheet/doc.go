// Package worksheet lays out printable Raft worksheets and their answer
// keys from an engine trace, and draws them as PDF.
//
// A build makes one layout model (pages of boxes and texts, in millimetres)
// and draws it twice: the worksheet leaves the answers out, the key prints
// them in the answer face and colour. Both PDFs therefore have the same
// pages with the same boxes in the same places. Before drawing, the model
// is checked: every box lies inside the printable area, every text fits its
// box, every box a student writes in is tall enough to write in.
package worksheet
