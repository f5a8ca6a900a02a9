package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/extract"
	"github.com/manba/manba/pkg/works"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newExtractCmd) }

type extractOptions struct {
	to      string
	output  string
	bibs    []string
	noWorks bool
	resolve bool
	list    bool
}

func newExtractCmd() *cobra.Command {
	var o extractOptions
	c := &cobra.Command{
		Use:   "extract [FILE...]",
		Short: "Extract the references of plain-text articles",
		Long: `extract finds the references in plain-text articles (files, or standard
input): the entries of lists under headings such as "References", "Sources",
"Resources", "Notes", "Bibliography" or "Appendix: For further study"
(numbered "1." / "[1]" or not), mentions in the running text such as
"a 2009 Rand report" or a quoted report title, and author-date citations
such as "(Goulka et al. 2009, p. 12)". Free-text references are
parsed into fields, each with a confidence level and the file:line:col it
was read from (in the CSL-JSON "custom" object); "ibid", "op. cit." and
"previous" resolve to the reference they repeat, keeping the page cited.

References are linked to known works - manba's built-in cited works (see
'manba works') and any bibliography given with --bib - and duplicates are
merged, so the output has one item per work, listing every citation of it.
A linked item takes the known work's key; --resolve also replaces its
fields with the known work's.

--list prints what was found, one citation per line, instead of items.`,
		Example: `  manba extract article.txt
  manba extract --list article.txt
  manba extract --bib library.bib --to bibtex -o refs.bib a.txt b.txt`,
		RunE: func(c *cobra.Command, args []string) error {
			return runExtract(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	c.Flags().StringVar(&o.to, "to", "csljson", "output format (csljson|bibtex|biblatex|...)")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	c.Flags().StringArrayVar(&o.bibs, "bib", nil, "a bibliography of known works to link to (repeatable; any format manba reads)")
	c.Flags().BoolVar(&o.noWorks, "no-works", false, "do not link to manba's built-in cited works")
	c.Flags().BoolVar(&o.resolve, "resolve", false, "output a linked work's known fields instead of the extracted ones")
	c.Flags().BoolVar(&o.list, "list", false, "list the citations found instead of writing items")
	return c
}

func runExtract(o extractOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if !o.list {
		// Fail on a bad --to before reading anything.
		if _, err := lookupFormat(o.to, true); err != nil {
			return err
		}
	}
	var known []bib.Item
	if !o.noWorks {
		known = works.Items()
	}
	if len(o.bibs) > 0 {
		items, diags, err := loadItems(o.bibs, "", stdin)
		if err := reportDiagnostics(stderr, diags); err != nil {
			return err
		}
		if err != nil {
			return err
		}
		known = append(known, items...)
	}
	inputs, err := readInputs(args, stdin)
	if err != nil {
		return err
	}
	var refs []extract.Reference
	for _, in := range inputs {
		rs, diags := extract.Extract(in.Name, in.Data)
		if err := reportDiagnostics(stderr, diags); err != nil {
			return err
		}
		if len(rs) == 0 {
			fmt.Fprintf(stderr, "%s: no references found\n", in.Name)
		}
		// Targets index this file's references; shift them past the
		// references of earlier files.
		for i := range rs {
			if rs[i].Target >= 0 {
				rs[i].Target += len(refs)
			}
		}
		refs = append(refs, rs...)
	}
	extract.Link(refs, known)
	if o.list {
		return writeCitationList(o.output, stdout, refs)
	}
	items := extract.Bibliography(refs, extract.Options{Known: known, Resolve: o.resolve})
	return writeItemsAs(o.to, o.output, stdout, items)
}

// writeCitationList prints one line per citation: position, kind, label,
// the fields read, the locators and the known work it was linked to.
func writeCitationList(path string, stdout io.Writer, refs []extract.Reference) error {
	out, err := openOutput(path, stdout)
	if err != nil {
		return err
	}
	for _, r := range refs {
		var b strings.Builder
		fmt.Fprintf(&b, "%s\t%s", r.Pos, r.Kind)
		if r.Label != "" {
			fmt.Fprintf(&b, " %s", r.Label)
		}
		b.WriteString("\t")
		if r.Kind != extract.Comment {
			b.WriteString(summary(r.Item))
		}
		for _, l := range r.Locators {
			fmt.Fprintf(&b, " [%s %s]", l.Label, l.Value)
		}
		if r.Target >= 0 {
			verb := "repeats"
			if r.Kind == extract.InText {
				verb = "cites"
			}
			fmt.Fprintf(&b, " (%s %s)", verb, refs[r.Target].Pos)
		}
		if r.Work != "" {
			fmt.Fprintf(&b, "\t-> %s (%s)", r.Work, r.Reason)
		}
		b.WriteString("\n")
		if _, err := io.WriteString(out, b.String()); err != nil {
			out.Abort()
			return err
		}
	}
	return out.Close()
}

// summary is a one-line description of an item: type, authors, year,
// title, container or publisher.
func summary(it bib.Item) string {
	parts := []string{it.Type}
	var who []string
	for _, n := range it.Names["author"] {
		who = append(who, n.String())
	}
	if len(who) > 0 {
		parts = append(parts, strings.Join(who, "; "))
	}
	if d, ok := it.Dates["issued"]; ok {
		parts = append(parts, d.String())
	}
	for _, v := range []string{"title", "container-title", "publisher"} {
		if s := it.Get(v); s != "" {
			parts = append(parts, fmt.Sprintf("%s: %q", v, s))
		}
	}
	return strings.Join(parts, ", ")
}
