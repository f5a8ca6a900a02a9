package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/render"
	"github.com/manba/manba/pkg/works"
)

func init() { commands = append(commands, newRenderCmd) }

type renderOptions struct {
	bib    []string
	style  string
	locale string
	to     string
	from   string
	nocite []string
	output string
}

func newRenderCmd() *cobra.Command {
	var o renderOptions
	c := &cobra.Command{
		Use:   "render DOC.md [--bib FILE]... [--style NAME] [--to md|html] [-o OUT]",
		Short: "Format the citations of a Markdown document with a CSL style",
		Long: `render replaces the pandoc-style citations of a Markdown document with
citations in a CSL style and appends the bibliography:

  [@key]  [@key, p. 48]  [see @a; @b, chap. 2]  [-@key]  @key  @key [p. 30]

Text in code spans and code blocks is left alone. Note styles (such as
chicago-notes-bibliography) put each citation in a footnote ([^c1]) after
the punctuation that follows it. A YAML front matter block may name
bibliography (files, relative to the document), csl (a style) and nocite
(@key, ..., or @* for every work), as in pandoc; --bib, --style and --nocite
add to or override it. Without any bibliography the built-in cited works are
used.

Output is Markdown (--to md, the default) or HTML (--to html, or an -o file
ending in .html). A key not in the bibliography is reported as
file:line:col, left visible as **key?**, and makes the exit status 1.`,
		Example: `  manba render paper.md --bib refs.bib --style apa -o paper.out.md
  manba render paper.md --bib refs.bib --style chicago-notes-bibliography --to html -o paper.html`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runRender(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	f := c.Flags()
	f.StringArrayVar(&o.bib, "bib", nil, "read works from FILE (repeatable, or FILE,FILE; any format manba reads)")
	f.StringVarP(&o.style, "style", "s", "", "CSL style: a built-in name ("+strings.Join(csl.EmbeddedStyles(), ", ")+") or a .csl file (default: the front matter's csl, else apa)")
	f.StringVarP(&o.locale, "locale", "l", "", "locale such as en-US, fr-FR, fa-IR (default: the front matter's lang, else the style's)")
	f.StringVar(&o.to, "to", "", "output format: md or html (default: from -o's extension, else md)")
	f.StringVar(&o.from, "from", "", "format of the --bib files (default: detected from each file)")
	f.StringSliceVar(&o.nocite, "nocite", nil, "`KEYS` to list in the bibliography without citing them (* for all)")
	f.StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	return c
}

func runRender(o renderOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	format, err := renderFormat(o.to, o.output)
	if err != nil {
		return err
	}
	inputs, err := readInputs(args, stdin)
	if err != nil {
		return err
	}
	doc := inputs[0]
	meta, _, _, _ := render.FrontMatter(string(doc.Data)) // its errors are reported by Document
	styleName := firstOf(o.style, metaPath(doc.Name, meta.CSL), "apa")
	style, err := csl.LoadStyle(styleName)
	if err != nil {
		return usagef("--style: %v", err)
	}
	if o.locale != "" && !knownLocale(o.locale) {
		return usagef("unknown --locale %q (built in: %s)", o.locale, strings.Join(csl.EmbeddedLocales(), ", "))
	}
	items, err := renderItems(o, doc.Name, meta, stderr)
	if err != nil {
		return err
	}
	out, err := openOutput(o.output, stdout)
	if err != nil {
		return err
	}
	text, diags := render.Document(doc.Name, doc.Data, render.Options{Style: style, Locale: o.locale, Items: items, Format: format, Nocite: o.nocite})
	if _, err := out.Write(text); err != nil {
		out.Abort()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return reportDiagnostics(stderr, diags)
}

func renderFormat(to, output string) (render.Format, error) {
	if to == "" {
		to = textFormatOf(output)
	}
	switch to {
	case "md", "markdown", "text":
		return render.Markdown, nil
	case "html":
		return render.HTML, nil
	}
	return 0, usagef("unknown --to %q (md or html)", to)
}

// renderItems reads the --bib files and the front matter's bibliography
// (relative to the document), or returns the built-in works when there is
// neither.
func renderItems(o renderOptions, docName string, meta render.Meta, stderr io.Writer) ([]bib.Item, error) {
	files := splitList(o.bib)
	for _, b := range meta.Bibliography {
		files = append(files, metaPath(docName, b))
	}
	if len(files) == 0 {
		return works.Items(), nil
	}
	items, diags, err := loadItems(files, o.from, nil)
	if derr := reportDiagnostics(stderr, diags); err == nil && derr != nil {
		fmt.Fprintln(stderr, "manba: going on with the works that could be read")
	}
	return items, err
}

// metaPath resolves a file named in the front matter against the
// document's directory; built-in style names stay as they are.
func metaPath(docName, p string) string {
	if p == "" || filepath.IsAbs(p) || docName == "<stdin>" || !strings.ContainsAny(p, "./") {
		return p
	}
	return filepath.Join(filepath.Dir(docName), p)
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
