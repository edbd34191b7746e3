// Package templates is worksheet templates as data: which parts the
// sheets have and in which order, every label they print, their sizes and
// their instructions. The built-in ones (roleplay.yaml, trace.yaml) are
// embedded in the binary; a course copies one, edits it (labels in another
// language, other sizes) and passes it to `raftsheet build --template
// FILE`. Load reads and checks either, every problem a diagnostic naming
// the file and line.
package templates

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed *.yaml
var files embed.FS

// Names lists the built-in templates, sorted.
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// builtinSource is the YAML of the built-in template name.
func builtinSource(name string) ([]byte, bool) {
	b, err := files.ReadFile(name + ".yaml")
	return b, err == nil
}
