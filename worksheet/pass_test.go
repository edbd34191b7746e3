package worksheet

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/page"
)

// A layout pass takes the previous pass's pages after the cover when its
// cover ends where that one's did (pass.go). Every built-in, with every
// template and a class set's part, must come out exactly as when every
// pass is laid out whole.
func TestPassesReuseWhatTheyMay(t *testing.T) {
	forEveryLayout(t, true, func(t *testing.T, ex *exercise.Exercise, tr *engine.Trace, opt Options) {
		reused, err := Layout(ex, tr, opt)
		if err != nil {
			t.Fatal(err)
		}
		opt.noReuse = true
		whole, err := Layout(ex, tr, opt)
		if err != nil {
			t.Fatal(err)
		}
		if diff := firstDocDiff(reused, whole); diff != "" {
			t.Errorf("part %v: the layout that reuses pages differs from the one laid out whole: %s", opt.Part, diff)
		}
	})
}

// firstDocDiff says where two documents first differ, "" if nowhere.
// Fields are compared as they print (a field's Judge is a function, which
// reflect.DeepEqual never finds equal).
func firstDocDiff(a, b *page.Document) string {
	if a.Title != b.Title || a.Paper != b.Paper || a.Area != b.Area || len(a.Pages) != len(b.Pages) {
		return fmt.Sprintf("%d pages, not %d (or title, paper, area)", len(a.Pages), len(b.Pages))
	}
	for i := range a.Pages {
		pa, pb := a.Pages[i], b.Pages[i]
		if pa.Section != pb.Section || pa.Server != pb.Server || pa.KeyOnly != pb.KeyOnly {
			return fmt.Sprintf("page %d: section %s/%s, not %s/%s", i+1, pa.Section, pa.Server, pb.Section, pb.Server)
		}
		if !reflect.DeepEqual(pa.Texts, pb.Texts) {
			return fmt.Sprintf("page %d: its texts", i+1)
		}
		if !reflect.DeepEqual(pa.Boxes, pb.Boxes) {
			return fmt.Sprintf("page %d: its boxes", i+1)
		}
		if len(pa.Fields) != len(pb.Fields) {
			return fmt.Sprintf("page %d: %d fields, not %d", i+1, len(pa.Fields), len(pb.Fields))
		}
		for j := range pa.Fields {
			if fa, fb := fmt.Sprintf("%+v", *pa.Fields[j]), fmt.Sprintf("%+v", *pb.Fields[j]); fa != fb {
				return fmt.Sprintf("page %d, field %d: %s, not %s", i+1, j, fa, fb)
			}
		}
	}
	return ""
}

// No built-in's cover changes length with its page numbers, so the
// guard that the cover ended where it did before is held here directly.
func TestPassReusesOnlyWhereTheCoverEnded(t *testing.T) {
	at := mark{pages: 2, texts: 40, boxes: 12, tooTall: 0, y: 120, section: "cover"}
	prev := &pass{cover: at, coverAlone: true}
	if !prev.sameAfter(at) {
		t.Error("a cover ending where it did is not reused")
	}
	for _, other := range []mark{
		{pages: 3, texts: 40, boxes: 12, y: 120, section: "cover"},
		{pages: 2, texts: 40, boxes: 12, y: 131.5, section: "cover"},
		{pages: 2, texts: 41, boxes: 12, y: 120, section: "cover"},
	} {
		if prev.sameAfter(other) {
			t.Errorf("a cover ending at %+v reuses pages laid out after one ending at %+v", other, at)
		}
	}
	if (&pass{cover: at}).sameAfter(at) {
		t.Error("a pass that drew after the cover on its last page is reused")
	}
	if (*pass)(nil).sameAfter(at) {
		t.Error("the first pass reuses nothing")
	}
}
