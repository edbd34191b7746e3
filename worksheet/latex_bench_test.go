package worksheet

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raftsheet/raftsheet/exercise"
	"github.com/raftsheet/raftsheet/exercises"
	"github.com/raftsheet/raftsheet/fonts"
	"github.com/raftsheet/raftsheet/page"
	"github.com/raftsheet/raftsheet/templates"
)

// BenchmarkPdflatexSameSheets is the yardstick for `raftsheet build`'s
// speed (BenchmarkBuildPartition): pdflatex typesetting the same
// worksheet and key, every box and every line of text where raftsheet
// puts it, as a LaTeX picture, one pdflatex run per PDF (nothing in the
// sheets needs a second run). Characters outside ASCII become '?': the
// yardstick is the typesetting, not the fonts. Skipped without pdflatex
// (Debian: texlive-latex-base). Compare per op:
//
//	go test ./worksheet -run '^$' -bench 'BuildPartition|PdflatexSameSheets' -benchtime 10x
//
// With RAFTSHEET_TEX_DIR=DIR it also writes the two .tex files into DIR,
// for pdflatex to be timed as a whole process: in DIR, `pdflatex
// worksheet.tex; pdflatex key.tex` against `raftsheet build partition`.
func BenchmarkPdflatexSameSheets(b *testing.B) {
	pdflatex, err := exec.LookPath("pdflatex")
	if err != nil {
		b.Skip("no pdflatex")
	}
	tpl, err := templates.Builtin(templates.KindRoleplay)
	if err != nil {
		b.Fatal(err)
	}
	paper, _ := page.ParsePaper("a4")
	ex, err := exercises.Load("partition")
	if err != nil {
		b.Fatal(err)
	}
	tr, err := exercise.Run(ex)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := Layout(ex, tr, Options{Template: tpl, Paper: paper})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for _, key := range []bool{false, true} {
		if err := os.WriteFile(filepath.Join(dir, texName(key)), []byte(latexOf(doc, key)), 0o644); err != nil {
			b.Fatal(err)
		}
		// RAFTSHEET_TEX_DIR keeps the .tex files, to time pdflatex as a
		// whole process against raftsheet's.
		if keep := os.Getenv("RAFTSHEET_TEX_DIR"); keep != "" {
			if err := os.WriteFile(filepath.Join(keep, texName(key)), []byte(latexOf(doc, key)), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	pages := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pages = 0
		for _, key := range []bool{false, true} {
			cmd := exec.Command(pdflatex, "-interaction=batchmode", "-halt-on-error", texName(key))
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				log, _ := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(texName(key), ".tex")+".log"))
				b.Fatalf("pdflatex: %v\n%s\n%s", err, out, log)
			}
			pages += len(doc.Of(key))
		}
	}
	b.ReportMetric(float64(pages), "pages/op")
}

func texName(key bool) string {
	if key {
		return "key.tex"
	}
	return "worksheet.tex"
}

// latexOf is a laid-out document as a LaTeX picture per page: boxes as
// frames and rules, each line of text at its place, in its face and size.
func latexOf(doc *page.Document, key bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\\documentclass{article}\n\\usepackage[T1]{fontenc}\\usepackage{color}\n"+
		"\\usepackage[paperwidth=%.1fmm,paperheight=%.1fmm,margin=0mm]{geometry}\n"+
		"\\setlength{\\unitlength}{1mm}\\pagestyle{empty}\\setlength{\\parindent}{0pt}\n\\begin{document}\n", doc.Paper.W, doc.Paper.H)
	for _, pg := range doc.Of(key) {
		fmt.Fprintf(&b, "\\begin{picture}(%.1f,%.1f)(0,0)\n", doc.Paper.W, doc.Paper.H)
		y := func(top float64) float64 { return doc.Paper.H - top }
		for _, box := range pg.Boxes {
			r := box.R
			if box.Fill != 0 {
				fmt.Fprintf(&b, "\\put(%.2f,%.2f){\\color[gray]{0.88}\\rule{%.2fmm}{%.2fmm}}\n", r.X, y(r.Y+r.H), r.W, r.H)
			}
			if box.Stroke == page.NoStroke {
				continue
			}
			if r.H == 0 {
				fmt.Fprintf(&b, "\\put(%.2f,%.2f){\\line(1,0){%.2f}}\n", r.X, y(r.Y), r.W)
			} else {
				fmt.Fprintf(&b, "\\put(%.2f,%.2f){\\framebox(%.2f,%.2f){}}\n", r.X, y(r.Y+r.H), r.W, r.H)
			}
		}
		for _, t := range pg.Texts {
			top := t.R.Y + t.PadY
			for i, line := range t.Lines {
				var s strings.Builder
				for _, r := range line {
					if !r.Ink.PrintedOn(key) {
						continue
					}
					text := latexEscape(r.S)
					switch page.FaceOf(r, t.Face) {
					case fonts.Bold:
						text = "\\textbf{" + text + "}"
					case fonts.Italic:
						text = "\\textit{" + text + "}"
					}
					s.WriteString(text)
				}
				if s.Len() == 0 {
					continue
				}
				baseline := top + float64(i)*t.LineH + t.LineH/2 + 0.34*t.Size*fonts.MMPerPt
				fmt.Fprintf(&b, "\\put(%.2f,%.2f){\\makebox(0,0)[lb]{\\fontsize{%.1f}{%.1f}\\selectfont %s}}\n",
					t.R.X+t.PadX, y(baseline), t.Size, t.Size*1.2, s.String())
			}
		}
		b.WriteString("\\end{picture}\n\\newpage\n")
	}
	b.WriteString("\\end{document}\n")
	return b.String()
}

func latexEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c > 126:
			b.WriteByte('?')
		case strings.ContainsRune(`\{}$&#^_%~`, c):
			fmt.Fprintf(&b, "\\char%d{}", c)
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}
