package main

import (
	"runtime/debug"
	"strings"
)

// version says which raftsheet this is, from the build information Go
// records in every binary: the module version (v1.2.3 for `go install
// …@v1.2.3`, a pseudo-version or (devel) for a build from a clone), the
// VCS revision and its time when the build had them, and the Go that
// built it.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown (built without module information)"
	}
	return describeBuild(bi)
}

func describeBuild(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var about []string
	if rev != "" {
		r := "revision " + rev[:min(12, len(rev))]
		if modified {
			r += " with local changes"
		}
		if when != "" {
			r += " of " + when
		}
		about = append(about, r)
	}
	about = append(about, "built with "+bi.GoVersion)
	return v + " (" + strings.Join(about, ", ") + ")"
}
