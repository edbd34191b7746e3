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

// Draw renders the sheet as the worksheet and as the key, both at once.
func (s *Sheet) Draw() (*PDFs, error) {
	var wg sync.WaitGroup
	var out PDFs
	var errW, errK error
	wg.Add(2)
	go func() { defer wg.Done(); out.Worksheet, errW = pdf.Render(s.Doc, false) }()
	go func() { defer wg.Done(); out.Key, errK = pdf.Render(s.Doc, true) }()
	wg.Wait()
	if err := errors.Join(errW, errK); err != nil {
		return nil, fmt.Errorf("%s: %w", s.Variant.File, err)
	}
	out.Pages, out.KeyPages = len(s.Doc.Of(false)), len(s.Doc.Of(true))
	return &out, nil
}
