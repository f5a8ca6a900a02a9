package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func init() { commands = append(commands, newManCmd) }

// newManCmd writes the manual page. It is made from the command tree, the
// same text as --help, in roff by hand: cobra/doc would bring in a Markdown
// to roff converter for what is a few macros.
func newManCmd() *cobra.Command {
	var output string
	c := &cobra.Command{
		Use:   "man",
		Short: "Print manba's manual page (roff)",
		Long: `man prints the manual page manba(1), made from the same text as
--help: every command, its flags and examples, the conventions and the exit
codes.`,
		Example: `  manba man | man -l -
  manba man -o /usr/local/share/man/man1/manba.1`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			out, err := openOutput(output, c.OutOrStdout())
			if err != nil {
				return err
			}
			writeMan(out, c.Root())
			return out.Close()
		},
	}
	c.Flags().StringVarP(&output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	return c
}

// conventions is what every command does alike; README.md says the same.
const conventions = `Every command reads the FILE arguments, or "-" for standard input; given no FILE, it reads standard input when that is a pipe or a file (not a terminal or /dev/null), and otherwise uses its default (the built-in cited works) or stops with a usage error. Input formats come from the extension or the content (--from sets them).

Output goes to standard output, or to -o FILE, which is replaced atomically: only when everything was written, never when nothing could be read, through symbolic links (the link stays), and without a temporary file left behind, also on SIGINT, SIGTERM or SIGHUP. The output format is --to, or else the one the extension of -o names (.bib BibTeX, .json CSL-JSON, .ris RIS; .html and .md for rendered text); --format is an old name of --to.

Problems are reported on standard error as file:line:col: severity: message, also for what an output format cannot hold (at the item it concerns); everything readable is still processed. --bib is repeatable and also takes comma lists.`

// writeMan writes the page for root and every command under it.
func writeMan(w io.Writer, root *cobra.Command) {
	fmt.Fprintf(w, ".TH MANBA 1 \"\" %s \"User Commands\"\n", roffQuote("manba "+version()))
	fmt.Fprintf(w, ".SH NAME\nmanba \\- %s\n", roffText(root.Short))
	fmt.Fprintf(w, ".SH SYNOPSIS\n.B manba\n\\fICOMMAND\\fR [\\fIFLAGS\\fR] [\\fIFILE\\fR...]\n")
	fmt.Fprintf(w, ".SH DESCRIPTION\n")
	writeParagraphs(w, root.Long)
	writeParagraphs(w, conventions)
	fmt.Fprintf(w, ".SH COMMANDS\n")
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if !sub.IsAvailableCommand() || sub.Name() == "help" {
				continue
			}
			writeCommand(w, sub)
			walk(sub)
		}
	}
	walk(root)
	fmt.Fprintf(w, ".SH GLOBAL FLAGS\n.TP\n\\fB\\-h, \\-\\-help\nhelp for manba or any command\n.TP\n\\fB\\-\\-version\nprint manba's version\n")
	fmt.Fprintf(w, ".SH EXIT STATUS\n.TP\n0\nall went well\n.TP\n1\nproblems in the input or an unknown key (everything readable was still processed)\n.TP\n2\nusage errors: an unknown command, flag or value, or an output path that cannot be written\n.TP\n129, 130, 143\nstopped by SIGHUP, SIGINT or SIGTERM (the temporary file of \\-o is removed)\n")
}

func writeCommand(w io.Writer, c *cobra.Command) {
	fmt.Fprintf(w, ".SS %s\n", roffQuote(c.CommandPath()))
	fmt.Fprintf(w, ".B %s\n", roffText(c.UseLine()))
	long := c.Long
	if long == "" {
		long = c.Short
	}
	writeParagraphs(w, long)
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(w, ".PP\nFlags:\n.RS\n")
		writeFlags(w, c.LocalFlags())
		fmt.Fprintf(w, ".RE\n")
	}
	if c.Example != "" {
		fmt.Fprintf(w, ".PP\nExamples:\n.PP\n.RS\n.nf\n")
		for _, line := range strings.Split(c.Example, "\n") {
			fmt.Fprintln(w, roffText(strings.TrimSpace(line)))
		}
		fmt.Fprintf(w, ".fi\n.RE\n")
	}
}

func writeFlags(w io.Writer, fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		name := "\\-\\-" + roffText(f.Name)
		if f.Shorthand != "" {
			name = "\\-" + f.Shorthand + ", " + name
		}
		if arg, _ := pflag.UnquoteUsage(f); arg != "" {
			name += " \\fI" + roffText(arg) + "\\fR"
		}
		_, usage := pflag.UnquoteUsage(f)
		fmt.Fprintf(w, ".TP\n\\fB%s\n%s\n", name, roffText(usage))
	})
}

// writeParagraphs writes text whose paragraphs are separated by blank
// lines; an indented paragraph (a command to type) is kept as it is, not
// filled, and a "####" heading loses its marks.
func writeParagraphs(w io.Writer, text string) {
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		fmt.Fprintln(w, ".PP")
		lines := strings.Split(para, "\n")
		verbatim := strings.HasPrefix(para, "\t") || strings.HasPrefix(para, "  ")
		if verbatim {
			fmt.Fprintln(w, ".RS\n.nf")
		}
		for _, line := range lines {
			if verbatim {
				line = strings.TrimLeft(line, " \t")
			}
			fmt.Fprintln(w, roffText(strings.TrimLeft(line, "# ")))
		}
		if verbatim {
			fmt.Fprintln(w, ".fi\n.RE")
		}
	}
}

// roffText escapes text for roff: backslashes, minus signs, a dot or quote
// at the start of a line (roff would read a request), and non-ASCII
// characters, which troff reads only as \[uXXXX].
func roffText(s string) string {
	var b strings.Builder
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		b.WriteString(`\&`)
	}
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case r > 0x7f:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func roffQuote(s string) string {
	return `"` + strings.ReplaceAll(roffText(s), `"`, `\(dq`) + `"`
}
