package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"sync"
)

// part is a PDF as Render writes it, read into its objects so that a
// Merger can copy them into another PDF under new numbers. gofpdf's
// output is a plain structure: a header, the objects one after another,
// a cross-reference table and a trailer, with no object streams and no
// incremental updates. Only the objects' dictionaries are read; a
// stream's bytes are copied as they are.
type part struct {
	version  string   // "1.3"
	objects  []object // in the order of the file
	index    map[int]int
	pages    []int  // the page objects, in order
	mediaBox string // the page tree's: every page's size
	tree     int    // the page tree's object
	root     int    // the catalogue
	info     int    // the document information
}

// object is one numbered object of a part.
type object struct {
	num  int
	head []byte // its dictionary, or its whole value when it has no stream
	data []byte // its stream's bytes as written (compressed); nil if none
	refs []ref  // the references in head
}

// ref is a reference "num 0 R" at head[at:end].
type ref struct{ at, end, num int }

var (
	partTrailerRoot = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Root (\d+) 0 R`) })
	partTrailerInfo = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Info (\d+) 0 R`) })
	partKids        = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Kids \[([0-9 R]*)\]`) })
	partMediaBox    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/MediaBox \[[0-9. ]+\]`) })
	partLength      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Length (\d+)\b`) })
	partContents    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Contents (\d+) 0 R`) })
	partPage        = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/Type\s*/Page[\s/>]`) })
)

// partError is a part that is not a PDF as Render writes it: a bug, since
// the merger is given only Render's output.
func partError(format string, args ...any) error {
	return fmt.Errorf("merging PDFs: a part is not a PDF as gofpdf writes it: "+format, args...)
}

// readPart reads a PDF as Render writes it. The objects' bytes are slices
// of b.
func readPart(b []byte) (*part, error) {
	if !bytes.HasPrefix(b, []byte("%PDF-")) || len(b) < 8 {
		return nil, partError("no %%PDF header")
	}
	p := &part{version: string(b[5:8]), index: map[int]int{}}
	xref, trailer, err := readXref(b)
	if err != nil {
		return nil, err
	}
	root, info := partTrailerRoot().FindSubmatch(trailer), partTrailerInfo().FindSubmatch(trailer)
	if root == nil || info == nil {
		return nil, partError("its trailer names no catalogue or no information")
	}
	p.root, _ = strconv.Atoi(string(root[1]))
	p.info, _ = strconv.Atoi(string(info[1]))
	if err := p.readObjects(b, xref); err != nil {
		return nil, err
	}
	return p, p.readPageTree()
}

// readXref reads the cross-reference table: where each object starts, by
// number (0, the free head, excluded), where the table starts, and the
// trailer's dictionary.
func readXref(b []byte) (xref []int, trailer []byte, err error) {
	sx := bytes.LastIndex(b, []byte("\nstartxref\n"))
	if sx < 0 {
		return nil, nil, partError("no startxref")
	}
	line, _, _ := bytes.Cut(b[sx+len("\nstartxref\n"):], []byte("\n"))
	at, err := strconv.Atoi(string(line))
	if err != nil || at <= 0 || at >= sx {
		return nil, nil, partError("startxref %q", line)
	}
	rest, ok := bytes.CutPrefix(b[at:sx], []byte("xref\n0 "))
	if !ok {
		return nil, nil, partError("no cross-reference table at byte %d", at)
	}
	line, rest, _ = bytes.Cut(rest, []byte("\n"))
	n, err := strconv.Atoi(string(line))
	if err != nil || n < 1 || len(rest) < 20*n {
		return nil, nil, partError("a cross-reference table of %q entries", line)
	}
	xref = make([]int, n) // xref[0] is the table itself: where the last object ends
	xref[0] = at
	for i := 1; i < n; i++ {
		e := rest[20*i : 20*i+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:18]) != " 00000 n" || off <= 0 || off >= at {
			return nil, nil, partError("cross-reference entry %d %q", i, e)
		}
		xref[i] = off
	}
	trailer, ok = bytes.CutPrefix(rest[20*n:], []byte("trailer\n"))
	if !ok {
		return nil, nil, partError("no trailer")
	}
	return xref, trailer, nil
}

// readObjects reads every object: each runs from where it starts to where
// the next one (or the cross-reference table) starts.
func (p *part) readObjects(b []byte, xref []int) error {
	order := make([]int, 0, len(xref)-1) // the object numbers in the order of the file
	for n := 1; n < len(xref); n++ {
		order = append(order, n)
	}
	slices.SortFunc(order, func(i, j int) int { return xref[i] - xref[j] })
	for k, n := range order {
		end := xref[0]
		if k+1 < len(order) {
			end = xref[order[k+1]]
		}
		o, err := readObject(b[xref[n]:end], n)
		if err != nil {
			return err
		}
		p.index[n] = len(p.objects)
		p.objects = append(p.objects, o)
	}
	for _, o := range p.objects {
		for _, r := range o.refs {
			if _, ok := p.index[r.num]; !ok {
				return partError("object %d refers to object %d, which it does not have", o.num, r.num)
			}
		}
	}
	return nil
}

// readObject reads object n from its bytes: "n 0 obj\n", the value, then
// either "endobj\n" or a stream of /Length bytes and "\nendstream\nendobj\n".
func readObject(b []byte, n int) (object, error) {
	o := object{num: n}
	body, ok := bytes.CutPrefix(b, []byte(strconv.Itoa(n)+" 0 obj\n"))
	if !ok {
		return o, partError("object %d does not start where the table says", n)
	}
	if s := bytes.Index(body, []byte(">>\nstream\n")); s >= 0 && bytes.HasSuffix(body, []byte("\nendstream\nendobj\n")) {
		o.head = body[:s+len(">>\nstream\n")]
		o.data = body[len(o.head) : len(body)-len("\nendstream\nendobj\n")]
		m := partLength().FindSubmatch(body[:s])
		if m == nil || string(m[1]) != strconv.Itoa(len(o.data)) {
			return o, partError("object %d's stream is not as long as its /Length", n)
		}
	} else if o.head, ok = bytes.CutSuffix(body, []byte("endobj\n")); !ok {
		return o, partError("object %d does not end with endobj", n)
	}
	o.refs = scanRefs(o.head)
	return o, nil
}

// readPageTree reads the page tree (gofpdf writes one node holding every
// page) and checks that nothing but the catalogue refers to the catalogue
// or the document information.
func (p *part) readPageTree() error {
	root, ok := p.object(p.root)
	if !ok || len(root.refs) != 1 || !bytes.Contains(root.head, []byte("/Type /Catalog")) {
		return partError("its catalogue, object %d, is not one", p.root)
	}
	p.tree = root.refs[0].num
	tree, _ := p.object(p.tree)
	kids, box := partKids().FindSubmatch(tree.head), partMediaBox().Find(tree.head)
	if !bytes.Contains(tree.head, []byte("/Type /Pages")) || kids == nil || box == nil {
		return partError("its page tree, object %d, is not one node with a /MediaBox", p.tree)
	}
	p.mediaBox = string(box)
	for _, r := range scanRefs(kids[1]) {
		pg, ok := p.object(r.num)
		if !ok || !partPage().Match(pg.head) {
			return partError("its page tree lists object %d, which is no page", r.num)
		}
		p.pages = append(p.pages, r.num)
	}
	for _, o := range p.objects {
		for _, r := range o.refs {
			if (r.num == p.root || r.num == p.info) && o.num != p.root {
				return partError("object %d refers to the catalogue or the document information", o.num)
			}
		}
	}
	return nil
}

func (p *part) object(n int) (object, bool) {
	i, ok := p.index[n]
	if !ok {
		return object{}, false
	}
	return p.objects[i], true
}

// scanRefs finds the references ("12 0 R") in an object's value, skipping
// strings and names, where the same characters would not be one.
func scanRefs(b []byte) []ref {
	var refs []ref
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case c == '(':
			i = skipString(b, i)
		case c == '<' && i+1 < len(b) && b[i+1] == '<': // a dictionary starts
			i += 2
		case c == '<': // a hex string
			if j := bytes.IndexByte(b[i:], '>'); j >= 0 {
				i += j + 1
			} else {
				i = len(b)
			}
		case c == '%': // a comment, to the end of the line
			if j := bytes.IndexByte(b[i:], '\n'); j >= 0 {
				i += j + 1
			} else {
				i = len(b)
			}
		case isDigit(c) && (i == 0 || isDelimiter(b[i-1])):
			if r, ok := refAt(b, i); ok {
				refs = append(refs, r)
				i = r.end
			} else {
				for i < len(b) && isDigit(b[i]) {
					i++
				}
			}
		default:
			i++
		}
	}
	return refs
}

// refAt reads "num gen R" at b[i:], if it is there.
func refAt(b []byte, i int) (ref, bool) {
	r := ref{at: i}
	digits := func() (int, bool) {
		from := i
		for i < len(b) && isDigit(b[i]) {
			i++
		}
		n, err := strconv.Atoi(string(b[from:i]))
		return n, err == nil && i > from
	}
	space := func() bool {
		from := i
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		return i > from
	}
	var ok bool
	if r.num, ok = digits(); !ok || !space() {
		return r, false
	}
	if gen, ok := digits(); !ok || gen != 0 || !space() {
		return r, false
	}
	if i >= len(b) || b[i] != 'R' || (i+1 < len(b) && !isDelimiter(b[i+1])) {
		return r, false
	}
	r.end = i + 1
	return r, true
}

// skipString is where the literal string starting at b[i] ends: its
// parentheses balance, but for those escaped by a backslash.
func skipString(b []byte, i int) int {
	depth := 0
	for ; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(b)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// isDelimiter: white space or a PDF delimiter, which ends a token.
func isDelimiter(c byte) bool {
	return isSpace(c) || bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}
