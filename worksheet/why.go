package worksheet

import (
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
)

// stepReasons are a step's reasons as the teacher's notes list them:
// what was delivered, the engine's reasons, and what is still in flight.
func (l *layout) stepReasons(s engine.StepRecord) []string {
	var out []string
	if len(s.Delivered) > 0 {
		out = append(out, l.lbl.Delivered+": "+numberList(slices.Sorted(slices.Values(s.Delivered))))
	}
	out = append(out, l.reasonTexts(s)...)
	if len(s.InFlight) > 0 {
		out = append(out, l.lbl.InFlightAfter+": "+numberList(slices.Sorted(slices.Values(s.InFlight))))
	}
	if len(out) == 0 {
		out = append(out, strings.TrimSpace(l.lbl.None))
	}
	return out
}

// reasonTexts are the step's reasons in the template's words.
func (l *layout) reasonTexts(s engine.StepRecord) []string {
	out := make([]string, len(s.Why))
	for i, r := range s.Why {
		out[i] = l.tpl.ReasonText(r)
	}
	return out
}
