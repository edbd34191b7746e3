package templates

import (
	"fmt"
	"strings"
)

// Source is the YAML of the built-in template name, as embedded: what
// `raftsheet show --template` prints for a course to start its own from.
func Source(name string) ([]byte, error) {
	src, ok := builtinSource(name)
	if !ok || strings.ContainsAny(name, `/\`) {
		return nil, fmt.Errorf("no built-in template %q (there are: %s)", name, strings.Join(Names(), ", "))
	}
	return src, nil
}
