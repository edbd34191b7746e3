package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// manHeader is what a page's .TH line says: the title, the section, the
// date, where the page comes from and the manual it belongs to.
type manHeader struct {
	Title, Section, Date, Source, Manual string
}

// manPage is cmd's man page in roff (man(7)), with the sections cobra's
// doc package wrote: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, OPTIONS
// INHERITED FROM PARENT COMMANDS, EXAMPLE and SEE ALSO.
func manPage(cmd *cobra.Command, header manHeader) []byte {
	cmd.InitDefaultHelpFlag() // so that -h shows, as in "raftsheet CMD --help"
	var page roff
	page.macro("TH", header.Title, header.Section, header.Date, header.Source, header.Manual)
	page.section("NAME")
	page.line(roffCode(manPageName(cmd)) + ` \- ` + roffProse(cmd.Short))
	page.section("SYNOPSIS")
	page.line(`\fB` + roffCode(cmd.UseLine()) + `\fR`)
	page.section("DESCRIPTION")
	page.text(description(cmd))
	manOptions(&page, "OPTIONS", cmd.NonInheritedFlags())
	manOptions(&page, "OPTIONS INHERITED FROM PARENT COMMANDS", cmd.InheritedFlags())
	if cmd.Example != "" {
		page.section("EXAMPLE")
		page.literal(strings.Split(strings.Trim(cmd.Example, "\n"), "\n"))
	}
	manSeeAlso(&page, cmd, header.Section)
	return []byte(page.String())
}

// description is the command's long help, or its one line when it has no
// more to say.
func description(cmd *cobra.Command) string {
	if cmd.Long == "" {
		return cmd.Short
	}
	return cmd.Long
}

// manOptions writes a section titled title with the flags that show in
// --help, if there are any.
func manOptions(page *roff, title string, flags *pflag.FlagSet) {
	if !flags.HasAvailableFlags() {
		return
	}
	page.section(title)
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Deprecated != "" {
			return
		}
		page.macro("TP")
		page.line(flagTag(f))
		for _, line := range strings.Split(f.Usage, "\n") {
			page.proseLine(line)
		}
	})
}

// flagTag is how a flag is written, with its default:
// -o, --out="out", or --verbose[=false] for a flag that needs no value.
func flagTag(f *pflag.Flag) string {
	tag := `\fB\-\-` + roffCode(f.Name) + `\fR`
	if f.Shorthand != "" && f.ShorthandDeprecated == "" {
		tag = `\fB\-` + roffCode(f.Shorthand) + `\fR, ` + tag
	}
	value := f.DefValue
	if f.Value.Type() == "string" {
		value = fmt.Sprintf("%q", value) // so that an empty default shows
	}
	if f.NoOptDefVal != "" {
		return tag + "[=" + roffCode(value) + "]"
	}
	return tag + "=" + roffCode(value)
}

// manSeeAlso writes the pages of the command's parent and of its own
// commands, if it has any of either.
func manSeeAlso(page *roff, cmd *cobra.Command, section string) {
	var refs []string
	if cmd.HasParent() {
		refs = append(refs, manRef(cmd.Parent(), section))
	}
	for _, c := range manPageCommands(cmd) {
		refs = append(refs, manRef(c, section))
	}
	if len(refs) == 0 {
		return
	}
	page.section("SEE ALSO")
	page.macro("na") // names do not stretch to the margin, leaving gaps
	page.line(strings.Join(refs, ", "))
	page.macro("ad")
}

// manRef names a command's page, such as raftsheet-build(1), in one piece
// that is never hyphenated.
func manRef(cmd *cobra.Command, section string) string {
	return `\%\fB` + roffCode(manPageName(cmd)) + `\fR(` + roffCode(section) + ")"
}
