package worksheet

import (
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/field"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
)

// sheetField is the field id of h's Raft State sheet; a spare box's
// answer is empty.
func (l *layout) sheetField(h *history, id string, kind field.Kind, answer held, step int, topic ruleTopic, part, box string) *field.Field {
	if l.Measure {
		return unmade // a scratch sheet: its rows are measured, never drawn
	}
	return l.newField(id, kind, answer, h.id, step, l.rules.rule(step, h.id, topic),
		l.lbl.StateTitle+" "+h.id+" · "+part, box)
}

// unmade stands for the fields of a layout that only measures: a cell
// with a field is as tall as one, whatever the field.
var unmade = &field.Field{}

// newField is a field with the key's answer, as worked out from the trace
// (held.answer), what the worksheet gives in the box and which values
// the key strikes through, and the rule behind it.
func (l *layout) newField(id string, kind field.Kind, box held, server string, step int, rule field.Rule, part, where string) *field.Field {
	answer := box.answer
	full := l.values.full(answer)
	f := &field.Field{ID: id, Kind: kind, Answer: answer, Full: full, Canon: l.canon(kind, full), Alt: l.canon(kind, answer),
		Part: part, Box: where, Server: server, Step: step, Rule: rule}
	if given := box.given(); len(given) > 0 {
		f.Given = l.canon(kind, given)
	}
	if final := box.final(); len(final) > 0 && len(final) < len(answer) {
		f.Final, f.FinalAlt = l.canon(kind, l.values.full(final)), l.canon(kind, final)
	}
	return f
}

// lastChange is the snapshot in which f last took a new value: the step
// that decided what f is at the end (0: it never changed).
func (h *history) lastChange(f func(engine.ServerState) string) int {
	at := 0
	for i := 1; i < len(h.snaps); i++ {
		if f(h.snaps[i]) != f(h.snaps[i-1]) {
			at = i
		}
	}
	return at
}

// roleSize is the largest font size, down to minRolePt, at which a Terms
// grid's role story fits its column on one line: "C→L" reads best whole.
func (l *layout) roleSize(runs []page.Run, colW float64) float64 {
	line := page.Line{}
	for _, w := range page.GluedWords(runs) {
		line = append(line, w...)
	}
	for size := l.st.body; size > minRolePt; size -= 0.5 {
		if page.LineWidth(l.m, line, fonts.Regular, size) <= colW-2*l.st.pad {
			return size
		}
	}
	return minRolePt
}

// minRolePt is the smallest a role story is printed; a longer one wraps.
const minRolePt = 6.0
