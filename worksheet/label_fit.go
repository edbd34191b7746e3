package worksheet

import (
	"fmt"
	"unicode/utf8"

	"github.com/raftsheet/raftsheet/diag"
	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/templates"
)

// blameTemplate says, when the sheets of a course's template break the
// layout's promises, what of the template does it: the label too long
// for its box (found by laying out again with the built-in template's
// labels for some of the course's), and by how much; or its sizes. nil
// when the built-in template's labels and sizes do no better: then it is
// a bug in raftsheet.
func blameTemplate(ex *exercise.Exercise, tr *engine.Trace, opt Options) error {
	tpl := opt.Template
	if tpl.IsBuiltin() {
		return nil
	}
	base, err := templates.Builtin(tpl.Kind)
	if err != nil {
		return nil
	}
	fits := func(labels templates.Labels, sizes templates.Sizes) bool {
		t := *tpl
		t.Labels, t.Sizes = labels, sizes
		o := opt
		o.Template, o.blaming = &t, true
		_, err := Layout(ex, tr, o)
		return err == nil
	}
	if !fits(base.Labels, tpl.Sizes) {
		if fits(tpl.Labels, base.Sizes) {
			return diag.Diagnostics{{File: tpl.Source, Line: tpl.Lines["sizes"], Msg: "with this template's sizes the sheets do not fit their pages",
				Hint: "make body_pt, small_pt, cell_mm or margin_mm smaller, or start again from the built-in template's sizes"}}
		}
		return nil
	}
	var changed []string
	for _, key := range templates.LabelKeys() {
		if tpl.Labels.Get(key) != base.Labels.Get(key) {
			changed = append(changed, key)
		}
	}
	// Halve the changed labels until one is left that does not fit: a
	// half whose built-in labels fit holds one; else the other half does.
	labels := tpl.Labels
	for len(changed) > 1 {
		half, rest := changed[:len(changed)/2], changed[len(changed)/2:]
		try := labels
		for _, key := range half {
			try.Set(key, base.Labels.Get(key))
		}
		if fits(try, tpl.Sizes) {
			changed = half
		} else {
			labels, changed = try, rest
		}
	}
	if len(changed) == 0 {
		return nil
	}
	key := changed[0]
	return labelTooWide(tpl, key, labels, func(text string) bool {
		try := labels
		try.Set(key, text)
		return fits(try, tpl.Sizes)
	})
}

// labelTooWide words what is wrong with the label key: how much of it
// fits (the longest beginning that does, found by halving), and how much
// wider than that it is.
func labelTooWide(tpl *templates.Template, key string, labels templates.Labels, fits func(string) bool) error {
	text := []rune(labels.Get(key))
	lo, hi := 0, len(text) // the first lo characters fit; hi do not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if fits(string(text[:mid])) {
			lo = mid
		} else {
			hi = mid
		}
	}
	m, err := fonts.NewMeasurer()
	if err != nil {
		return err
	}
	size := tpl.Sizes.BodyPt
	over := m.Width(fonts.Regular, size, string(text)) - m.Width(fonts.Regular, size, string(text[:lo]))
	return diag.Diagnostics{{File: tpl.Source, Line: tpl.Lines["labels."+key],
		Msg: fmt.Sprintf("labels.%s (%d characters) is too long for its box on the %s sheets: %d characters of it fit, the rest is about %.0f mm too wide",
			key, utf8.RuneCountInString(string(text)), tpl.Kind, lo, over),
		Hint: fmt.Sprintf("shorten it to at most %d characters, or make the template's fonts smaller", lo)}}
}
