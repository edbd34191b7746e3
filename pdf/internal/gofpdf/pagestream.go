package gofpdf

// raftsheet patch (see PATCHES.md): with compression on, a page's content
// is compressed as soon as the next page begins, and its buffer is reused
// for that page. Upstream kept every page's content uncompressed until
// the document was written: a document's whole text in memory, in
// buffers grown by doubling. The bytes written are the same: each page is
// compressed once, by the same writer, from the same content. Whatever
// may still change a finished page's content (an alias to replace,
// SetPage) first puts the finished pages back as they were.

import "bytes"

// finishPage compresses the current page's content when nothing can
// change it any more, and keeps its buffer for the next page.
func (f *Fpdf) finishPage() {
	if !f.compress || f.page < 1 || f.page >= len(f.pages) || len(f.aliasMap) > 0 || f.aliasNbPagesStr != "" {
		return
	}
	for len(f.pagesZ) <= f.page {
		f.pagesZ = append(f.pagesZ, nil)
	}
	if f.pagesZ[f.page] != nil {
		return
	}
	buf := f.pages[f.page]
	f.pagesZ[f.page] = sliceCompress(buf.Bytes())
	f.pages[f.page] = new(bytes.Buffer)
	buf.Reset()
	f.spare = buf
}

// newPageBuffer is the buffer of a page that begins: the last finished
// page's, or a new one.
func (f *Fpdf) newPageBuffer() *bytes.Buffer {
	if b := f.spare; b != nil {
		f.spare = nil
		return b
	}
	return new(bytes.Buffer)
}

// compressedPage is page n's content, compressed.
func (f *Fpdf) compressedPage(n int) []byte {
	if n < len(f.pagesZ) && f.pagesZ[n] != nil {
		return f.pagesZ[n]
	}
	return sliceCompress(f.pages[n].Bytes())
}

// reopenPages puts the finished pages' content back in their buffers.
func (f *Fpdf) reopenPages() {
	for n, z := range f.pagesZ {
		if z == nil {
			continue
		}
		data, err := sliceUncompress(z)
		if err != nil {
			f.SetError(err)
			return
		}
		f.pages[n] = bytes.NewBuffer(data)
		f.pagesZ[n] = nil
	}
}

// contentSize is how many bytes the pages' content takes, as it will be
// written: what the document's buffer will at least hold.
func (f *Fpdf) contentSize() int {
	n := 0
	for i := 1; i < len(f.pages); i++ {
		if i < len(f.pagesZ) && f.pagesZ[i] != nil {
			n += len(f.pagesZ[i])
		} else {
			n += f.pages[i].Len()
		}
	}
	return n
}
