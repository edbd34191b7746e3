package diag

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// FromYAML reads an error of yaml.v3 as diagnostics of file: one per
// problem it reports (a syntax error has one, a decoding error lists
// several), each at the line it names (0 when it names none), its words
// after prefix ("not valid YAML: "). It is never empty.
func FromYAML(file string, err error, prefix string) Diagnostics {
	var ds Diagnostics
	for _, line := range strings.Split(err.Error(), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(line, "yaml: "))
		if line == "" || line == "unmarshal errors:" {
			continue
		}
		d := Diagnostic{File: file, Msg: prefix + line}
		if m := yamlLine().FindStringSubmatch(line); m != nil {
			d.Line, _ = strconv.Atoi(m[1])
			d.Msg = prefix + m[2]
		}
		ds = append(ds, d)
	}
	if len(ds) == 0 {
		ds = Diagnostics{{File: file, Msg: prefix + err.Error()}}
	}
	return ds
}

var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^line (\d+): (.*)$`) })
