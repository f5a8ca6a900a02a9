package main

import (
	"fmt"
	"io"
	"path/filepath"
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
	to     string
	from   string
	output string
	scriptFlags
}

func (o *styleOptions) register(c *cobra.Command) {
	f := c.Flags()
	f.StringVarP(&o.style, "style", "s", "apa", "CSL style: a built-in name ("+strings.Join(csl.EmbeddedStyles(), ", ")+") or a .csl file")
	f.StringVarP(&o.locale, "locale", "l", "", "locale such as en-US, de-DE, fr-FR, fa-IR, ar; all CSL locales are built in (default: the style's, then en-US)")
	f.StringVar(&o.to, "to", "", "output format: text, html or md (default: from -o's extension, .html or .md, else text)")
	f.StringVarP(&o.to, "format", "f", "", "old name of --to")
	f.MarkDeprecated("format", "use --to")
	f.StringVar(&o.from, "from", "", "input format (default: detected from each file)")
	f.StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	o.scriptFlags.register(c)
	c.RegisterFlagCompletionFunc("to", cobra.FixedCompletions(textFormats, cobra.ShellCompDirectiveNoFileComp))
}

// textFormats are the values of --to for rendered text.
var textFormats = []cobra.Completion{"text", "html", "md"}

// load resolves the style, locale and format flags and opens the output, so
// that every usage error shows before any input is read.
func (o *styleOptions) load(stdout io.Writer) (*csl.Style, csl.Format, *output, error) {
	to := o.to
	if to == "" {
		to = textFormatOf(o.output)
	}
	f, ok := csl.ParseFormat(to)
	if !ok {
		return nil, 0, nil, usagef("unknown --to %q (text, html or md)", o.to)
	}
	if o.from != "" {
		if _, err := lookupFormat(o.from, false); err != nil {
			return nil, 0, nil, err
		}
	}
	st, err := csl.LoadStyle(o.style)
	if err != nil {
		return nil, 0, nil, usagef("--style: %v", err)
	}
	if _, err := o.options(); err != nil {
		return nil, 0, nil, err
	}
	if o.locale != "" && !knownLocale(o.locale) {
		return nil, 0, nil, usagef("unknown --locale %q (built in: %s)", o.locale, strings.Join(csl.EmbeddedLocales(), ", "))
	}
	out, err := openOutput(o.output, stdout)
	return st, f, out, err
}

// textFormatOf names the text format an output file's extension asks for.
func textFormatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return "html"
	case ".md", ".markdown":
		return "md"
	}
	return "text"
}

// knownLocale reports whether a locale tag is built in, or its language is
// (de for de-DE, "en-IE" falls back to English).
func knownLocale(tag string) bool {
	lang, _, _ := strings.Cut(tag, "-")
	for _, l := range csl.EmbeddedLocales() {
		if strings.EqualFold(l, tag) || strings.EqualFold(strings.SplitN(l, "-", 2)[0], lang) {
			return true
		}
	}
	return false
}

// items reads the named inputs (FILEs, or piped standard input) in any
// format manba reads, or returns the built-in cited works when there are
// none.
func (o *styleOptions) items(files []string, stdin io.Reader, stderr io.Writer) ([]bib.Item, error) {
	names := inputNames(files, stdin)
	if names == nil {
		return works.Items(), nil
	}
	items, diags, err := loadItems(names, o.from, stdin)
	if derr := reportDiagnostics(stderr, diags); err == nil {
		err = derr
	}
	return items, err
}

// write writes text to the output opened by load; nothing replaces an
// output file when no item could be read.
func write(out *output, text string) error {
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

Output is plain text, HTML (as citeproc-js writes it) or Markdown (--to,
or the extension of -o: .html, .md).`,
		Example: `  manba bibliography --style apa refs.bib
  manba bibliography --style chicago-author-date -o refs.html refs.json
  manba bibliography --style mystyle.csl --locale en-GB refs.ris
  cat refs.bib | manba bibliography --style ieee --to md`,
		RunE: func(c *cobra.Command, args []string) error {
			st, f, out, err := o.load(c.OutOrStdout())
			if err != nil {
				return err
			}
			if !st.HasBibliography() {
				out.Abort()
				return usagef("style %q has no bibliography (try manba cite)", o.style)
			}
			items, err := o.items(args, c.InOrStdin(), c.ErrOrStderr())
			if err != nil && len(items) == 0 {
				out.Abort()
				return err
			}
			popts, _ := o.options() // checked by load
			p := csl.NewProcessorOptions(st, o.locale, items, popts)
			text := p.BibliographyString(f)
			if text != "" {
				text += "\n"
			}
			if werr := write(out, text); werr != nil {
				return werr
			}
			return err
		},
	}
	o.register(c)
	return c
}

// errUnknownKeys reports cite keys or work ids that match no item: an
// input problem (exit 1) in every command.
func errUnknownKeys(keys []string) error {
	return fmt.Errorf("no work with key %s", strings.Join(keys, ", "))
}
