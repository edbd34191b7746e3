package field

// Rule is the rule of the Raft paper behind an answer: a name a teacher
// groups mistakes by, and where the paper says it.
type Rule struct {
	Name string `json:"name"`
	Cite string `json:"cite"`
}

func (r Rule) String() string {
	if r.Cite == "" {
		return r.Name
	}
	return r.Name + " (" + r.Cite + ")"
}
