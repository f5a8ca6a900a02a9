// Command bibliography prints a formatted bibliography of the works cited
// in manba's seed articles (package works) in a CSL style.
//
//	go run ./examples/bibliography -style chicago-author-date -format md
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/works"
)

func main() {
	style := flag.String("style", "apa", "CSL style: an embedded name or a .csl file")
	format := flag.String("format", "text", "output: text, html or md")
	flag.Parse()
	if err := run(os.Stdout, *style, *format); err != nil {
		fmt.Fprintln(os.Stderr, "bibliography:", err)
		os.Exit(1)
	}
}

// run renders every cited work in the style and writes the bibliography,
// followed by a citation of the four works issue 4 names.
func run(w io.Writer, styleName, format string) error {
	style, err := csl.LoadStyle(styleName)
	if err != nil {
		return err
	}
	f, ok := csl.ParseFormat(format)
	if !ok {
		return fmt.Errorf("unknown format %q (want text, html or md)", format)
	}
	// One processor for both, with every work registered as citeproc-js's
	// updateItems does, so that the citation's year suffixes (1989b) agree
	// with the bibliography's.
	p := csl.NewProcessor(style, "en-US", works.Items())
	p.RegisterAll()
	if _, err := io.WriteString(w, p.BibliographyString(f)); err != nil {
		return err
	}
	var cites []csl.Cite
	for _, id := range []string{"hrw2005noexit", "rand2009mek", "abrahamian1989mojahedin", "singleton2003saddam"} {
		cites = append(cites, csl.Cite{ID: id})
	}
	_, err = fmt.Fprintf(w, "\nCitation: %s\n", p.Cite(cites, f))
	return err
}
