package worksheet

import (
	"bytes"
	"testing"

	"github.com/raftsheet/raftsheet/templates"
)

// TestRebuildIsByteIdentical: the same exercise gives the same bytes.
func TestRebuildIsByteIdentical(t *testing.T) {
	for _, kind := range []string{templates.KindRoleplay, templates.KindTrace} {
		a := freshBuild(t, "partition", kind, "a4")
		b := freshBuild(t, "partition", kind, "a4")
		if !bytes.Equal(a.pdfs.Worksheet, b.pdfs.Worksheet) || !bytes.Equal(a.pdfs.Key, b.pdfs.Key) {
			t.Errorf("%s: two builds of partition differ", kind)
		}
	}
}
