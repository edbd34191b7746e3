package gofpdf

// OutputBytes closes the document, as Output does, and returns its bytes:
// the document's own buffer, not a copy written to an io.Writer (raftsheet
// patch; a PDF is a hundred kilobytes and more). f must not be used after.
func (f *Fpdf) OutputBytes() ([]byte, error) {
	if f.err != nil {
		return nil, f.err
	}
	if f.state < 3 {
		f.Close()
	}
	if f.err != nil {
		return nil, f.err
	}
	return f.buffer.Bytes(), nil
}
