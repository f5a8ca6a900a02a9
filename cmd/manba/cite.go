package main

import (
	"strings"
	"unicode"

	"github.com/manba/manba/pkg/csl"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newCiteCmd) }

type citeOptions struct {
	styleOptions
	bib []string
}

func newCiteCmd() *cobra.Command {
	var o citeOptions
	c := &cobra.Command{
		Use:   "cite KEY[,KEY...][@LOCATOR]...",
		Short: "Format citations with a CSL style",
		Long: `cite prints one citation per argument, in a CSL style. An argument is one
or more cite keys separated by commas, each optionally followed by
@LOCATOR: "@48" or "@p. 48" (page), "@chap. 3", "@sec. 2", "@vol. 2",
"@para. 4", "@fig. 1", "@n. 12". The arguments form one document, so note
styles print "Ibid." and short forms for repeated works, and author-date
styles add year suffixes where works would be confused.

Works come from --bib FILEs (any format manba reads; repeatable, or a
comma list), from standard input when it is piped, or else from manba's
built-in cited works. All of them make up the bibliography,
so citations agree with "manba bibliography" over the same works: the
same year suffixes ("1989b"), added given names and citation numbers.`,
		Example: `  manba cite --style apa rand2009mek
  manba cite --style chicago-notes-bibliography rand2009mek@p.\ 48 rand2009mek@50
  manba cite --style apa --bib refs.bib --bib more.json smith2001,jones2003@12 --to html`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			st, f, out, err := o.load(c.OutOrStdout())
			if err != nil {
				return err
			}
			items, err := o.items(splitList(o.bib), c.InOrStdin(), c.ErrOrStderr())
			if err != nil && len(items) == 0 {
				out.Abort()
				return err
			}
			known := map[string]bool{}
			for _, it := range items {
				known[it.ID] = true
			}
			var cits []csl.Citation
			var unknown []string
			for i, a := range args {
				cit := csl.Citation{NoteIndex: i + 1}
				for _, k := range strings.Split(a, ",") {
					cite := parseCite(strings.TrimSpace(k))
					if cite.ID == "" {
						out.Abort()
						return usagef("empty cite key in %q", a)
					}
					if !known[cite.ID] {
						unknown = append(unknown, cite.ID)
						continue
					}
					cit.Cites = append(cit.Cites, cite)
				}
				cits = append(cits, cit)
			}
			if len(unknown) > 0 {
				out.Abort()
				return errUnknownKeys(unknown)
			}
			if !st.IsNote() {
				for i := range cits {
					cits[i].NoteIndex = 0
				}
			}
			popts, _ := o.options() // checked by load
			p := csl.NewProcessorOptions(st, o.locale, items, popts)
			// The works form the bibliography, as "manba bibliography"
			// prints it: citations get its year suffixes and numbers.
			p.RegisterAll()
			text := strings.Join(p.Citations(cits, f), "\n") + "\n"
			if werr := write(out, text); werr != nil {
				return werr
			}
			return err
		},
	}
	o.register(c)
	c.Flags().StringArrayVar(&o.bib, "bib", nil, "read works from FILE (repeatable, or FILE,FILE; default: standard input when piped, else the built-in cited works)")
	c.ValidArgsFunction = completeKeys(&o.bib)
	return c
}

// locatorLabels maps the abbreviations users write before a locator to
// CSL locator terms.
var locatorLabels = map[string]string{
	"p": "page", "pp": "page", "page": "page", "pages": "page",
	"ch": "chapter", "chap": "chapter", "chapter": "chapter",
	"sec": "section", "section": "section", "§": "section",
	"vol": "volume", "volume": "volume", "para": "paragraph", "paragraph": "paragraph",
	"fig": "figure", "figure": "figure", "n": "note", "note": "note",
	"l": "line", "line": "line", "col": "column", "column": "column",
	"f": "folio", "fol": "folio", "no": "issue", "art": "article",
}

// parseCite reads "key" or "key@locator".
func parseCite(s string) csl.Cite {
	key, loc, _ := strings.Cut(s, "@")
	c := csl.Cite{ID: strings.TrimSpace(key)}
	loc = strings.TrimSpace(loc)
	if loc == "" {
		return c
	}
	i := strings.IndexFunc(loc, func(r rune) bool { return !unicode.IsLetter(r) && r != '§' })
	if i > 0 {
		word := strings.ToLower(loc[:i])
		if label, ok := locatorLabels[word]; ok {
			c.Label = label
			loc = strings.TrimLeft(loc[i:], ". ")
		}
	} else if i < 0 {
		if label, ok := locatorLabels[strings.ToLower(loc)]; ok {
			c.Label, loc = label, ""
		}
	}
	c.Locator = loc
	if c.Label == "" {
		c.Label = "page"
	}
	return c
}
