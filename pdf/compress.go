package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"strconv"
	"sync"
)

// gofpdf compresses every page with a new zlib writer, and each costs
// about a megabyte of memory to set up: a class set's thousand pages spent
// most of their time allocating and collecting them. So pages are drawn
// uncompressed and compressPages compresses them afterwards, reusing
// writers. It rewrites the PDF gofpdf wrote, object by object, and its
// cross-reference table; streams gofpdf compressed itself (the fonts)
// stay as they are.

var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

var (
	objectStart = regexp.MustCompile(`^(\d+) 0 obj\n`)
	streamLen   = regexp.MustCompile(`/Length (\d+)[^\d]`)
	firstObject = regexp.MustCompile(`\n\d+ 0 obj\n`)
)

// compressPages flate-compresses the uncompressed streams of a PDF as
// gofpdf writes it, and rebuilds its cross-reference table.
func compressPages(pdf []byte) ([]byte, error) {
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	first := -1
	if loc := firstObject.FindIndex(pdf); loc != nil {
		first = loc[0]
	}
	if xref < 0 || first < 0 {
		return nil, fmt.Errorf("compressing pages: not a PDF as gofpdf writes it")
	}
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/3))
	out.Write(pdf[:first+1])
	offsets := map[int]int{}
	maxObj := 0
	for at := first + 1; at < xref+1; {
		m := objectStart.FindSubmatch(pdf[at:min(len(pdf), at+24)])
		if m == nil {
			return nil, fmt.Errorf("compressing pages: no object at byte %d", at)
		}
		n, _ := strconv.Atoi(string(m[1]))
		offsets[n], maxObj = out.Len(), max(maxObj, n)
		end, err := copyObject(out, pdf, at)
		if err != nil {
			return nil, err
		}
		at = end
	}
	o := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", maxObj+1)
	for n := 1; n <= maxObj; n++ {
		fmt.Fprintf(out, "%010d 00000 n \n", offsets[n])
	}
	trailer := bytes.Index(pdf[xref:], []byte("trailer\n"))
	startxref := bytes.LastIndex(pdf, []byte("startxref\n"))
	if trailer < 0 || startxref < 0 {
		return nil, fmt.Errorf("compressing pages: no trailer")
	}
	out.Write(pdf[xref+trailer : startxref])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", o)
	return out.Bytes(), nil
}

// copyObject copies the object at pdf[at:] to out, its stream compressed
// if it has none of its own filter, and says where the next one starts.
func copyObject(out *bytes.Buffer, pdf []byte, at int) (int, error) {
	endobj := bytes.Index(pdf[at:], []byte("\nendobj\n"))
	stream := bytes.Index(pdf[at:], []byte(">>\nstream\n"))
	if endobj < 0 {
		return 0, fmt.Errorf("compressing pages: an object at byte %d does not end", at)
	}
	if stream < 0 || stream > endobj {
		out.Write(pdf[at : at+endobj+len("\nendobj\n")])
		return at + endobj + len("\nendobj\n"), nil
	}
	dict := pdf[at : at+stream+2]
	m := streamLen.FindSubmatch(dict)
	if m == nil {
		return 0, fmt.Errorf("compressing pages: a stream at byte %d has no length", at)
	}
	length, _ := strconv.Atoi(string(m[1]))
	data := at + stream + len(">>\nstream\n")
	tail := data + length
	if !bytes.HasPrefix(pdf[tail:], []byte("\nendstream\nendobj\n")) {
		return 0, fmt.Errorf("compressing pages: a stream at byte %d is not %d bytes long", at, length)
	}
	next := tail + len("\nendstream\nendobj\n")
	if bytes.Contains(dict, []byte("/Filter")) || !bytes.HasSuffix(dict, []byte(fmt.Sprintf("<</Length %d>>", length))) {
		out.Write(pdf[at:next]) // compressed already, or not a page's plain stream
		return next, nil
	}
	head := objectStart.Find(pdf[at:])
	out.Write(head)
	var z bytes.Buffer
	w := zlibWriters.Get().(*zlib.Writer)
	w.Reset(&z)
	w.Write(pdf[data:tail])
	w.Close()
	zlibWriters.Put(w)
	fmt.Fprintf(out, "<</Filter /FlateDecode /Length %d>>\nstream\n", z.Len())
	out.Write(z.Bytes())
	out.WriteString("\nendstream\nendobj\n")
	return next, nil
}
