package worksheet

// classSize is the class the cover's print plan counts paper for.
const classSize = 40

// printPlan is what a class of students costs in paper, from the pages
// of the previous layout pass: every student's own pages printed on both
// sides, and in the role-play each group's slips one-sided to cut apart.
type printPlan struct {
	groups, pages, sheets int
}

func (l *layout) printPlan(students int) printPlan {
	sheets := func(pages int) int { return (pages + 1) / 2 }
	if l.tpl.Kind != "roleplay" {
		n := l.ranges.sheetPages()
		return printPlan{groups: students, pages: students * n, sheets: students * sheets(n)}
	}
	n := len(l.tr.Servers)
	p := printPlan{groups: (students + n - 1) / n}
	shared := l.ranges.count("cover") + l.ranges.count("debrief")
	for i := 0; i < students; i++ { // student i plays the i-th server of its group
		own := shared + l.ranges.count("state/"+l.tr.Servers[i%n])
		p.pages += own
		p.sheets += sheets(own)
	}
	slips := l.ranges.count("slips")
	p.pages += p.groups * slips
	p.sheets += p.groups * slips
	return p
}
