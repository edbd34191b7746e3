package class

import (
	"strings"

	"github.com/raftsheet/raftsheet/templates"
)

// fileNames are the students' file name stems: their ids, with anything
// but letters, digits, '.', '-' and '_' made '_' so that an id is never a
// path; two ids that become alike get their codes added.
func fileNames(assigned []Assignment) []string {
	out := make([]string, len(assigned))
	count := map[string]int{}
	for i, a := range assigned {
		out[i] = safeName(a.ID)
		count[strings.ToLower(out[i])]++ // alike on a file system that ignores case
	}
	for i, a := range assigned {
		if count[strings.ToLower(out[i])] > 1 {
			out[i] += "-" + a.Code
		}
	}
	return out
}

func safeName(id string) string {
	s := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		case r == '.':
			return r
		}
		return '_'
	}, id)
	if strings.Trim(s, ".") == "" {
		s = "_" + s // never "." or ".."
	}
	return s
}

// templateRef names a template as a build or an answer file gives it: a
// built-in kind, or the file it was read from.
func templateRef(t *templates.Template) string {
	if strings.HasPrefix(t.Source, "templates/") {
		return t.Kind
	}
	return t.Source
}
