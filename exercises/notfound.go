package exercises

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/diag"
)

// BuiltinSource is the YAML of the built-in exercise name, as embedded.
func BuiltinSource(name string) ([]byte, error) {
	if b, err := files.ReadFile(name + ".yaml"); err == nil && !strings.ContainsAny(name, `/\`) {
		return b, nil
	}
	if hint := nearestHint(name); hint != "" {
		return nil, fmt.Errorf("%q is not a built-in exercise (%s); raftsheet list shows them all", name, hint)
	}
	return nil, fmt.Errorf("%q is not a built-in exercise; raftsheet list shows them all", name)
}

// notFound says why arg names no exercise, and what it may have meant: the
// built-in exercise a missing NAME.yaml is named for, or the nearest
// built-in names.
func notFound(arg string) error {
	ext := strings.ToLower(filepath.Ext(arg))
	if ext == ".yaml" || ext == ".yml" || strings.ContainsAny(arg, `/\`) {
		base := strings.TrimSuffix(filepath.Base(arg), filepath.Ext(arg))
		if slices.Contains(Names(), base) {
			return fmt.Errorf("%s: no such file; the built-in exercise %s is named without .yaml (`raftsheet show %s > %s.yaml` makes a copy of it to edit)", arg, base, base, base)
		}
		return fmt.Errorf("%s: no such file", arg)
	}
	if hint := nearestHint(arg); hint != "" {
		return fmt.Errorf("%q is neither a file nor a built-in exercise (%s); raftsheet list shows the built-in ones", arg, hint)
	}
	return fmt.Errorf("%q is neither a file nor a built-in exercise; raftsheet list shows the built-in ones", arg)
}

// nearestHint is "did you mean x?" for the built-in names nearest word,
// or "" when none is near.
func nearestHint(word string) string {
	near := nearest(word, Names())
	if len(near) == 0 {
		return ""
	}
	last := near[len(near)-1]
	if len(near) == 1 {
		return "did you mean " + last + "?"
	}
	return "did you mean " + strings.Join(near[:len(near)-1], ", ") + " or " + last + "?"
}

// nearest are the names word may have meant: those it begins (figure7 →
// figure7-election, figure7-repair), or else the one diag.Suggest finds
// for a typo.
func nearest(word string, names []string) []string {
	lw := strings.ToLower(strings.TrimSpace(word))
	if slices.Contains(names, lw) { // Partition: partition
		return []string{lw}
	}
	var starts []string
	if len(lw) >= 3 {
		for _, n := range names {
			if strings.HasPrefix(n, lw) {
				starts = append(starts, n)
			}
		}
	}
	if len(starts) > 0 {
		return starts
	}
	if s := diag.Suggest(lw, names); s != "" {
		return []string{s}
	}
	return nil
}
