package class

import (
	"fmt"
	"runtime"

	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/pdf"
	"github.com/raftsheet/raftsheet/pipeline"
	"github.com/raftsheet/raftsheet/worksheet"
)

// The sections of a role-play group's parts, as the cover's print plan
// has them: every student gets the cover and the debrief, and the Raft
// State sheets of the server they play; the group shares the slips,
// printed one-sided to be cut apart.
var (
	packSections    = []string{"cover", "state", "debrief"}
	networkSections = []string{"cover", "debrief"}
	sharedSections  = []string{"slips"}
)

func pipelineJobs() int { return runtime.GOMAXPROCS(0) }

// group makes one group's sheets: the variant is run once, its key laid
// out whole, and each student's pack laid out from the same run with the
// student's name. Each part is drawn as a PDF of its own and written to
// the staging folder at once; the same bytes wait for the merged PDFs.
func (b *builder) group(g *Group) built {
	target := pipeline.Target{Exercise: b.ex, Ref: b.opt.Exercise, Code: g.Code, Number: g.Number}
	name := "" // the key's sheets have none
	if !b.plan.Roleplay {
		name = g.Players[0].Name // one layout for worksheet and key: the key prints no name
	}
	opt := b.base
	opt.Rooms = &worksheet.Rooms{} // the key's layout works the State sheets' rows out, the students' parts reuse them
	sheet, err := target.LayOut(opt, name)
	if err != nil {
		return built{err: fmt.Errorf("variant %s: %w", g.Code, err)}
	}
	if !b.plan.Roleplay {
		return b.alone(g, sheet)
	}
	hash := ContentHash(sheet.Trace)
	r := built{group: ManifestGroup{Group: g.N, Code: g.Code, Hash: hash, Key: b.groupFile(g, "key.pdf"), Unplayed: g.Unplayed}}
	if r.key, r.err = b.drawFile(sheet.Doc, true, r.group.Key); r.err != nil {
		return r
	}
	label := fmt.Sprint("group ", g.N)
	var network *Player
	for i := range g.Players {
		p := &g.Players[i]
		if p.Role == PlaysNetwork {
			network = p
			continue
		}
		e, part, err := b.pack(sheet, hash, g, p.Student, label, p.Server, b.names[p.ID])
		if err != nil {
			return built{err: err}
		}
		e.Plays, e.Key = p.Server, r.group.Key
		r.parts, r.students = append(r.parts, part), append(r.students, e)
	}
	for _, server := range g.Unplayed {
		_, part, err := b.pack(sheet, hash, g, Student{}, label, server, "")
		if err != nil {
			return built{err: err}
		}
		r.parts = append(r.parts, part)
	}
	who := Student{}
	var networkPack []byte
	if network != nil {
		who = network.Student
		doc, err := b.layOut(sheet, who.Name, label, &worksheet.Part{Sections: networkSections})
		if err != nil {
			return built{err: err}
		}
		if networkPack, err = b.drawFile(doc, false, b.names[who.ID]+"-worksheet.pdf"); err != nil {
			return built{err: err}
		}
		r.parts = append(r.parts, networkPack)
	}
	doc, err := b.layOut(sheet, "", label, &worksheet.Part{Sections: sharedSections})
	if err != nil {
		return built{err: err}
	}
	if len(doc.Pages) > 0 { // a course template may have no slips
		r.group.Slips, r.group.Answers = b.groupFile(g, "slips.pdf"), b.groupFile(g, "answers.yaml")
		slips, err := b.drawFile(doc, false, r.group.Slips)
		if err != nil {
			return built{err: err}
		}
		r.oneSided = slips
		if r.group.AnswersSum, err = b.answers(sheet, hash, doc, who, "slips", r.group.Answers); err != nil {
			return built{err: err}
		}
	}
	if network != nil {
		r.students = append(r.students, ManifestEntry{ID: who.ID, Name: who.Name, Group: g.N, Plays: "network", Code: g.Code,
			Hash: r.group.Hash, Exercise: b.ex.Name, Worksheet: b.names[who.ID] + "-worksheet.pdf", Key: r.group.Key,
			Answers: r.group.Answers, AnswersSum: r.group.AnswersSum})
	}
	return r
}

// pack is a role-play student's pack: the cover and the Raft State sheets
// of the server they play, with their name; its file, and their answer
// template. An unplayed server's pack has no name and no answer file.
func (b *builder) pack(sheet *pipeline.Sheet, hash string, g *Group, s Student, label, server, stem string) (ManifestEntry, []byte, error) {
	doc, err := b.layOut(sheet, s.Name, label, &worksheet.Part{Sections: packSections, Server: server})
	if err != nil {
		return ManifestEntry{}, nil, err
	}
	e := ManifestEntry{ID: s.ID, Name: s.Name, Group: g.N, Code: g.Code, Hash: hash, Exercise: b.ex.Name}
	if stem == "" {
		e.Worksheet = unplayedFile(g.N, len(b.plan.Groups), server)
	} else {
		e.Worksheet, e.Answers = stem+"-worksheet.pdf", stem+"-answers.yaml"
	}
	part, err := b.drawFile(doc, false, e.Worksheet)
	if err != nil || stem == "" {
		return e, part, err
	}
	e.AnswersSum, err = b.answers(sheet, hash, doc, s, "server "+server, e.Answers)
	return e, part, err
}

// alone is a trace student's variant: the whole sheets, their worksheet
// with their name, their key and their answer template.
func (b *builder) alone(g *Group, sheet *pipeline.Sheet) built {
	s := g.Players[0].Student
	stem := b.names[s.ID]
	e := ManifestEntry{ID: s.ID, Name: s.Name, Group: g.N, Plays: "cluster", Code: g.Code, Hash: ContentHash(sheet.Trace), Exercise: b.ex.Name,
		Worksheet: stem + "-worksheet.pdf", Key: stem + "-key.pdf", Answers: stem + "-answers.yaml"}
	r := built{group: ManifestGroup{Group: g.N, Code: g.Code, Hash: e.Hash, Key: e.Key}}
	doc := sheet.Doc
	part, err := b.drawFile(doc, false, e.Worksheet)
	if err != nil {
		return built{err: err}
	}
	if r.key, err = b.drawFile(doc, true, e.Key); err != nil {
		return built{err: err}
	}
	if e.AnswersSum, err = b.answers(sheet, e.Hash, doc, s, "", e.Answers); err != nil {
		return built{err: err}
	}
	r.parts, r.students = [][]byte{part}, []ManifestEntry{e}
	return r
}

// layOut lays out part of a variant's sheets from its run, stamped with
// its code, a student's name and the group.
func (b *builder) layOut(sheet *pipeline.Sheet, name, group string, part *worksheet.Part) (*page.Document, error) {
	opt := sheet.Options
	opt.Stamp = worksheet.Stamp{Code: sheet.Code, Name: name, Group: group}
	opt.Part = part
	doc, err := worksheet.Layout(sheet.Variant, sheet.Trace, opt)
	if err != nil {
		return nil, fmt.Errorf("variant %s: %w", sheet.Code, err)
	}
	return doc, nil
}

// drawFile draws a document as the worksheet or the key, and writes it to
// its own file of the set; the same bytes go into the merged PDF.
func (b *builder) drawFile(doc *page.Document, key bool, name string) ([]byte, error) {
	data, err := pdf.Render(doc, key)
	if err != nil {
		return nil, err
	}
	return data, b.write(name, data)
}

// answers writes an answer template of the fields of a part the class set
// grades, and says its SHA-256.
func (b *builder) answers(sheet *pipeline.Sheet, hash string, doc *page.Document, s Student, part, name string) (string, error) {
	h := Header{Exercise: b.ex.Name, Code: sheet.Code, Hash: hash, Template: templateName(sheet.Options.Template), Paper: sheet.Options.Paper.Name,
		Part: part, Grade: b.opt.Grade.String(), Title: sheet.Trace.Title, Student: s}
	fields := b.opt.Grade.Of(sheet, doc.Fields())
	data := AnswerTemplate(h, fields, nil)
	return sha256Hex(data), b.write(name, data)
}

// groupFile is a file of a role-play group: group-03-key.pdf.
func (b *builder) groupFile(g *Group, what string) string {
	return fmt.Sprintf("group-%0*d-%s", len(fmt.Sprint(len(b.plan.Groups))), g.N, what)
}

// unplayedFile is the pack of a server nobody plays.
func unplayedFile(group, groups int, server string) string {
	return fmt.Sprintf("group-%0*d-%s-worksheet.pdf", len(fmt.Sprint(groups)), group, safeName(server))
}
