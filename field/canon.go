package field

import (
	"maps"
	"slices"
	"strings"

	"github.com/raftsheet/raftsheet/engine"
	"github.com/raftsheet/raftsheet/templates"
)

// CanonWords map the labels a kind of field prints, as a template spells
// them, to the words grading compares in: "–" to "-", "L" and "leader"
// to "L", "drop" to "drop".
func CanonWords(kind Kind, lbl *templates.Labels) map[string]string {
	m := map[string]string{lbl.None: "-"}
	switch kind {
	case KindRoles:
		for w, c := range map[string]string{lbl.Follower: "F", lbl.FollowerShort: "F", lbl.Candidate: "C", lbl.CandidateShort: "C",
			lbl.Leader: "L", lbl.LeaderShort: "L", lbl.Down: "×", lbl.DownShort: "×",
			lbl.PreCandidate: "P", lbl.PreCandidateShort: "P"} {
			m[w] = c
		}
	case KindAnswer:
		for w, c := range map[string]string{lbl.Yes: "yes", lbl.No: "no", lbl.Lost: "lost", lbl.Dropped: "drop", lbl.InFlight: "…"} {
			m[w] = c
		}
	case KindValues, KindNumber:
		m[lbl.Deleted] = "-" // a log entry gone at the end: nothing there
	case KindEntries:
		m[lbl.Heartbeat] = "-"
	case KindMessage:
		m[lbl.NoMessages] = "-"
	}
	delete(m, "")
	return m
}

// CanonTokens splits one printed or written value into the tokens grading
// compares: roles at their arrows, values and entries at spaces and
// commas, servers too and then sorted (a slip's receivers may be written
// in any order); anything else is one token.
func CanonTokens(kind Kind, s string) []string {
	switch kind {
	case KindServers:
		out := slices.DeleteFunc(strings.Fields(strings.ToLower(valueSeparators.Replace(s))),
			func(w string) bool { return w == "server" || w == "servers" }) // "servers S2, S3"
		slices.Sort(out)
		return slices.Compact(out)
	case KindRoles:
		s = roleSeparators.Replace(s)
	case KindValues, KindEntries, KindNumber:
		s = valueSeparators.Replace(s)
	default:
		return []string{strings.TrimSpace(s)}
	}
	return strings.Fields(s)
}

var (
	roleSeparators  = strings.NewReplacer("→", " ", "->", " ", "=>", " ", ">", " ", ",", " ", "/", " ")
	valueSeparators = strings.NewReplacer(",", " ", ";", " ", "→", " ", "->", " ")
)

// MessageCanon is a message group as grading compares it: its type, who
// sends it to whom, and its fields by Figure 2's names.
func MessageCanon(typ engine.MessageType, from, to []string, fields map[string]string) string {
	lower := func(ids []string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = strings.ToLower(id)
		}
		slices.Sort(out)
		return out
	}
	f, t := lower(from), lower(to)
	parts := []string{strings.ToLower(typ.String()), strings.Join(f, ",") + ">" + strings.Join(t, ",")}
	for _, n := range slices.Sorted(maps.Keys(fields)) {
		parts = append(parts, strings.ToLower(n+"="+fields[n]))
	}
	return strings.Join(parts, " ")
}
