package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/works"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newBibliographyCmd) }

// styleOptions are the flags bibliography and cite share.
type styleOptions struct {
	style  string
	locale string
	format string
	from   string
	output string
}

func (o *styleOptions) register(c *cobra.Command) {
	c.Flags().StringVarP(&o.style, "style", "s", "apa", "CSL style: a built-in name ("+strings.Join(csl.EmbeddedStyles(), ", ")+") or a .csl file")
	c.Flags().StringVarP(&o.locale, "locale", "l", "", "locale such as en-US, de-DE, fr-FR, fa-IR, ar; all CSL locales are built in (default: the style's, then en-US)")
	c.Flags().StringVarP(&o.format, "format", "f", "text", "output format: text, html or md")
	c.Flags().StringVar(&o.from, "from", "", "input format (default: detected from each file)")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
}

// load resolves the style and format flags.
func (o *styleOptions) load() (*csl.Style, csl.Format, error) {
	f, ok := csl.ParseFormat(o.format)
	if !ok {
		return nil, 0, usagef("unknown --format %q (text, html or md)", o.format)
	}
	st, err := csl.LoadStyle(o.style)
	if err != nil {
		return nil, 0, usagef("--style: %v", err)
	}
	return st, f, nil
}

// items reads FILEs in any format manba reads, or the built-in cited works
// when there are none.
func (o *styleOptions) items(files []string, stdin io.Reader, stderr io.Writer) ([]bib.Item, error) {
	if len(files) == 0 {
		return works.Items(), nil
	}
	items, diags, err := loadItems(files, o.from, stdin)
	if derr := reportDiagnostics(stderr, diags); err == nil {
		err = derr
	}
	return items, err
}

func (o *styleOptions) write(stdout io.Writer, text string) error {
	out, err := openOutput(o.output, stdout)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(out, text); err != nil {
		out.Abort()
		return err
	}
	return out.Close()
}

func newBibliographyCmd() *cobra.Command {
	var o styleOptions
	c := &cobra.Command{
		Use:   "bibliography [FILE...]",
		Short: "Format a bibliography with a CSL style",
		Long: `bibliography renders the works in FILEs (BibTeX, BibLaTeX, CSL-JSON, RIS:
any format manba reads, "-" for standard input) as a bibliography in a
Citation Style Language style. Without FILE it formats manba's built-in
cited works.

Seven styles are built in (apa, chicago-author-date, chicago-notes-bibliography,
chicago-shortened-notes-bibliography, modern-language-association, ieee,
harvard-cite-them-right; "chicago", "mla" and "harvard" are short names);
any CSL 1.0.2 style file can be given instead. Entries are sorted and
disambiguated as the style says, with the locale's collation (Arabic
articles al-/el- and the ʿayn/hamza marks are ignored when sorting).

Output is plain text, HTML (as citeproc-js writes it) or Markdown.`,
		Example: `  manba bibliography --style apa refs.bib
  manba bibliography --style chicago-author-date --format html -o refs.html refs.json
  manba bibliography --style mystyle.csl --locale en-GB refs.ris
  manba bibliography --style ieee --format md`,
		RunE: func(c *cobra.Command, args []string) error {
			st, f, err := o.load()
			if err != nil {
				return err
			}
			items, err := o.items(args, c.InOrStdin(), c.ErrOrStderr())
			if err != nil && len(items) == 0 {
				return err
			}
			if !st.HasBibliography() {
				return usagef("style %q has no bibliography (try manba cite)", o.style)
			}
			p := csl.NewProcessor(st, o.locale, items)
			text := p.BibliographyString(f)
			if text != "" {
				text += "\n"
			}
			if werr := o.write(c.OutOrStdout(), text); werr != nil {
				return werr
			}
			return err
		},
	}
	o.register(c)
	return c
}

// errUnknownKeys reports cite keys that match no item.
func errUnknownKeys(keys []string) error {
	return fmt.Errorf("no work with key %s", strings.Join(keys, ", "))
}
