package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/tidy"
)

func init() { commands = append(commands, newTidyCmd) }

type tidyOptions struct {
	inPlace bool
	output  string
	indent  string
	opts    tidy.Options
}

func newTidyCmd() *cobra.Command {
	var o tidyOptions
	c := &cobra.Command{
		Use:   "tidy [-i] [--sort key|author|year] [--omit FIELDS] [--merge-duplicates] [-o FILE] [FILE...|-]",
		Short: "Rewrite BibTeX/BibLaTeX files in one canonical layout",
		Long: `tidy rewrites BibTeX/BibLaTeX entries canonically: lower-case types and
field names, fields in a fixed order, one a line, values in braces (or
quotes with --quotes), months as jan..dec, empty and repeated fields removed.
Comments (also between fields), @string, @preamble and @comment blocks,
entries with syntax errors and the order of entries are kept; decoding the
result gives the same items, and tidying twice changes nothing.

--sort orders entries by key, author or year (comments before an entry move
with it; @string and @preamble blocks stay where they are; entries linked by
crossref keep their order). --merge-duplicates joins the entries that
"manba dedupe" finds to be one work. With -i each FILE is rewritten in place
(atomically); otherwise the result goes to standard output or -o.`,
		Example: `  manba tidy -i refs.bib
  manba tidy --sort author --omit abstract,file --align refs.bib -o clean.bib`,
		RunE: func(c *cobra.Command, args []string) error {
			return runTidy(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	f := c.Flags()
	f.BoolVarP(&o.inPlace, "in-place", "i", false, "rewrite each FILE in place (atomically)")
	f.StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	f.StringVar(&o.opts.Sort, "sort", "", "order entries by key, author or year")
	f.StringSliceVar(&o.opts.Omit, "omit", nil, "remove these `FIELDS` (comma-separated)")
	f.BoolVar(&o.opts.MergeDuplicates, "merge-duplicates", false, "merge entries that are the same work")
	f.BoolVar(&o.opts.Align, "align", false, "line up the \"=\" of the fields of an entry")
	f.BoolVar(&o.opts.Quotes, "quotes", false, "write values in quotes instead of braces where possible")
	f.BoolVar(&o.opts.KeepMonths, "keep-months", false, "leave months as written instead of jan..dec")
	f.StringVar(&o.indent, "indent", "2", "indentation: a number of spaces, or \"tab\"")
	return c
}

func runTidy(o tidyOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var ok bool
	if o.opts.Indent, ok = indentation(o.indent); !ok {
		return usagef("--indent %q: want a number of spaces (1-16) or \"tab\"", o.indent)
	}
	switch o.opts.Sort {
	case "", "key", "author", "year":
	default:
		return usagef("--sort %q: want key, author or year", o.opts.Sort)
	}
	if o.inPlace && (len(args) == 0 || o.output != "") {
		return usagef("-i needs FILE arguments and no -o")
	}
	for _, a := range args {
		if o.inPlace && a == "-" {
			return usagef("-i cannot rewrite standard input")
		}
	}
	inputs, err := readInputs(args, stdin)
	if err != nil {
		return err
	}
	var diags diag.List
	var out *output
	if !o.inPlace {
		if out, err = openOutput(o.output, stdout); err != nil {
			return err
		}
	}
	for _, in := range inputs {
		res, d := tidy.File(in.Name, in.Data, o.opts)
		diags = append(diags, d...)
		if o.inPlace {
			if string(res) == string(in.Data) {
				continue
			}
			if err := writeFile(in.Name, res); err != nil {
				return err
			}
			continue
		}
		if _, err := out.Write(res); err != nil {
			out.Abort()
			return err
		}
	}
	if out != nil {
		if err := out.Close(); err != nil {
			return err
		}
	}
	return reportDiagnostics(stderr, diags)
}

// indentation reads --indent: a number of spaces or "tab".
func indentation(s string) (string, bool) {
	if s == "tab" {
		return "\t", true
	}
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err != nil || n < 1 || n > 16 || fmt.Sprint(n) != s {
		return "", false
	}
	return strings.Repeat(" ", n), true
}

// writeFile replaces path atomically with data.
func writeFile(path string, data []byte) error {
	out, err := openOutput(path, nil)
	if err != nil {
		return err
	}
	if _, err := out.Write(data); err != nil {
		out.Abort()
		return err
	}
	return out.Close()
}
