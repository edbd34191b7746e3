package class

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/raftsheet/raftsheet/templates"
)

// fileNames are the students' file name stems, by id: their ids, with
// anything but letters, digits, '.', '-' and '_' made '_' so that an id
// is never a path. Two ids that become alike (on a file system that
// ignores case, too) get their place in the roster added; an id that
// would read as a group's file (group-03) starts with "student-".
func fileNames(students []Student) map[string]string {
	stems := make([]string, len(students))
	count := map[string]int{}
	for i, s := range students {
		stems[i] = safeName(s.ID)
		if strings.HasPrefix(strings.ToLower(stems[i]), "group-") {
			stems[i] = "student-" + stems[i]
		}
		count[strings.ToLower(stems[i])]++
	}
	out := make(map[string]string, len(students))
	for i, s := range students {
		if count[strings.ToLower(stems[i])] > 1 {
			stems[i] += fmt.Sprint("-", i+1)
		}
		out[s.ID] = stems[i]
	}
	return out
}

func safeName(id string) string {
	s := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, id)
	if strings.Trim(s, ".") == "" {
		s = "_" + s // never "." or ".."
	}
	return s
}

// builtinTemplate reports whether a template is a built-in one.
func builtinTemplate(t *templates.Template) bool { return strings.HasPrefix(t.Source, "templates/") }

// templateName names a template as an answer file gives it: a built-in
// kind, or a course template's file name (never a path, which check
// would open: --template or the manifest says where it is).
func templateName(t *templates.Template) string {
	if builtinTemplate(t) {
		return t.Kind
	}
	return filepath.Base(t.Source)
}
