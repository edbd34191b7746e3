// Package templates holds raftsheet's built-in worksheet templates as data
// (labels, section order, sizes, instructions), embedded in the binary. A
// course copies one, edits it and passes it to `raftsheet build --template
// FILE`; package worksheet reads and checks them.
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

// Builtin is the YAML of the built-in template name.
func Builtin(name string) ([]byte, bool) {
	b, err := files.ReadFile(name + ".yaml")
	return b, err == nil
}
