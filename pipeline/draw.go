package pipeline

import (
	"errors"
	"fmt"
	"sync"

	"github.com/raftsheet/raftsheet/pdf"
)

// PDFs are a drawn worksheet and its key.
type PDFs struct {
	Worksheet, Key []byte
	Pages          int // of the worksheet; the key has the same pages, then its own
	KeyPages       int // of the key: the worksheet's and the teacher's notes
}

// DrawInto draws the sheet as the worksheet and as the key, both at once,
// and puts them into dir together as worksheet.pdf and key.pdf: each is
// written (into a staging folder) as soon as it is drawn, while the other
// may still be drawing, and dir gets both or, on any failure, neither.
func (s *Sheet) DrawInto(dir string) (*PDFs, error) {
	stage, err := StageFiles(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Variant.File, err)
	}
	defer stage.Abort()
	var out PDFs
	var errs [2]error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); out.Worksheet, errs[0] = s.drawFile(stage, "worksheet.pdf", false) }()
	go func() { defer wg.Done(); out.Key, errs[1] = s.drawFile(stage, "key.pdf", true) }()
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, fmt.Errorf("%s: %w", s.Variant.File, err)
	}
	if err := stage.Commit(); err != nil {
		return nil, fmt.Errorf("%s: %w", s.Variant.File, err)
	}
	out.Pages, out.KeyPages = len(s.Doc.Of(false)), len(s.Doc.Of(true))
	return &out, nil
}

// drawFile draws the worksheet or the key and stages it as name.
func (s *Sheet) drawFile(stage *Staging, name string, key bool) ([]byte, error) {
	b, err := pdf.Render(s.Doc, key)
	if err != nil {
		return nil, err
	}
	return b, stage.WriteFile(name, b)
}
