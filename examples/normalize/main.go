// Command normalize reads a messy BibTeX file and shows, for every author
// and editor, the name as written, its display form and the canonical form
// the authority file knows it by, so that Masoud, Massoud and Mas'oud
// Rajavi meet.
//
//	go run ./examples/normalize testdata/messy.bib
package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/names"
)

func main() {
	path := "testdata/messy.bib"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "normalize:", err)
		os.Exit(1)
	}
	if err := run(os.Stdout, os.Stderr, path, src); err != nil {
		fmt.Fprintln(os.Stderr, "normalize:", err)
		os.Exit(1)
	}
}

// run prints one line per name: entry key, name as written, display form,
// match key, and the authority's canonical form (or "-"). Problems in the
// file go to diags; the entries that could be read are still shown.
func run(w, diags io.Writer, path string, src []byte) error {
	items, problems := bibtex.Decode(path, src, bibtex.DecodeOptions{})
	for _, d := range problems {
		fmt.Fprintln(diags, d.Error())
	}
	auth := names.DefaultAuthority()
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "key\tas written\tdisplay\tmatch key\tcanonical")
	for _, it := range items {
		for _, role := range bib.NameVariables {
			for _, n := range it.Names[role] {
				p := names.FromName(n)
				canonical := "-"
				if e := auth.Lookup(p); e != nil {
					canonical = e.Canonical
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", it.ID, n.Original, p.Display.String(), names.MatchKey(n), canonical)
			}
		}
	}
	return tw.Flush()
}
