package worksheet

import (
	"strings"

	"github.com/raftsheet/raftsheet/page"
)

// held is what one box holds, worked out from the trace before anything
// is drawn: answer is what the key writes in it — what a student must
// write, value by value, oldest first — and runs are how the sheets draw
// it, beside any value the worksheet already gives (in print) and with
// replaced values struck. A field's answer is held.answer: nothing is
// ever read back out of the drawn runs.
type held struct {
	answer []string
	struck []bool // for each answer value, whether a later one replaced it
	runs   []page.Run
}

// add appends a value, given on the worksheet or (ink Answer) for the
// student to write; struck, when a later value replaced it. A blank value
// is nothing to write.
func (h *held) add(s string, ink page.Ink, strike bool) {
	h.runs = append(h.runs, page.Run{S: s, Ink: ink, Strike: strike})
	if ink == page.Answer && strings.TrimSpace(s) != "" {
		h.answer = append(h.answer, s)
		h.struck = append(h.struck, strike)
	}
}

// addWords appends a text word by word: a label or a message the key
// writes out, every word of it part of the answer.
func (h *held) addWords(s string, ink page.Ink) {
	h.runs = append(h.runs, page.Words(s, ink)...)
	if ink == page.Answer {
		for _, w := range strings.Fields(s) {
			h.answer = append(h.answer, w)
			h.struck = append(h.struck, false)
		}
	}
}

// asked reports whether the box has anything for the student to write.
func (h held) asked() bool { return len(h.answer) > 0 }

// holding is a box with one value.
func holding(s string, ink page.Ink) held {
	var h held
	h.add(s, ink, false)
	return h
}

// sequence is a box holding a sequence of values as a student writes
// them on paper: every value but the last struck through, and the last
// too if it no longer holds at the end (finalHolds false).
func sequence(cs []change, finalHolds bool) held {
	var h held
	for i, c := range cs {
		h.add(c.s, c.ink, i < len(cs)-1 || !finalHolds)
	}
	return h
}

// widened puts a wider gap after each struck value that another follows,
// so the eye (and text extraction) sees the values apart.
func (h held) widened() held {
	var out []page.Run
	for i, r := range h.runs {
		out = append(out, r)
		if r.Strike && i+1 < len(h.runs) {
			out = append(out, page.Run{S: " ", Ink: h.runs[i+1].Ink, Glue: true})
		}
	}
	h.runs = out
	return h
}

// final is the answer without the values struck through: what the box
// holds at the end, without its history.
func (h held) final() []string {
	var out []string
	for i, a := range h.answer {
		if i >= len(h.struck) || !h.struck[i] {
			out = append(out, a)
		}
	}
	return out
}

// given is what the worksheet prints in the box before the answer, run
// by glued run: the first role of a Terms grid story (F of F→×→F), a given
// value a later one replaces.
func (h held) given() []string {
	var out []string
	for _, r := range h.runs {
		if r.Ink == page.Answer {
			break
		}
		switch {
		case r.Ink != page.Print || strings.TrimSpace(r.S) == "":
		case r.Glue && len(out) > 0:
			out[len(out)-1] += r.S
		default:
			out = append(out, r.S)
		}
	}
	return out
}
