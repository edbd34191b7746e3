package main

import (
	"fmt"
	"os"
	"strings"
	"unicode/utf8"
)

// progress shows "building 40 variants: 17/40" on a terminal, rewritten
// in place; when the output is a file or a pipe it shows nothing.
type progress struct {
	out   *os.File // nil: not a terminal
	label string
	width int
}

func newProgress(f *os.File, label string) *progress {
	p := &progress{label: label}
	if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
		p.out = f
	}
	return p
}

func (p *progress) update(done, total int) {
	if p.out == nil {
		return
	}
	s := fmt.Sprintf("%s: %d/%d", p.label, done, total)
	if done == total {
		s += ", merging…"
	}
	n := utf8.RuneCountInString(s)
	fmt.Fprintf(p.out, "\r%s%s", s, strings.Repeat(" ", max(0, p.width-n)))
	p.width = n
}

// done clears the line for what comes next.
func (p *progress) done() {
	if p.out != nil && p.width > 0 {
		fmt.Fprintf(p.out, "\r%s\r", strings.Repeat(" ", p.width))
	}
}
