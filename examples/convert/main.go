// Command convert reads a BibTeX or BibLaTeX file and writes it as CSL-JSON,
// reporting every problem in the input with its file:line:col while still
// converting what could be read.
//
//	go run ./examples/convert testdata/messy.bib
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/csljson"
)

func main() {
	path := "testdata/messy.bib"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "convert:", err)
		os.Exit(1)
	}
	if err := run(os.Stdout, os.Stderr, path, src); err != nil {
		fmt.Fprintln(os.Stderr, "convert:", err)
		os.Exit(1)
	}
}

// run converts src, the content of the BibTeX file path, to CSL-JSON on w
// and reports problems on diags.
func run(w, diags io.Writer, path string, src []byte) error {
	items, problems := bibtex.Decode(path, src, bibtex.DecodeOptions{})
	for _, p := range problems {
		fmt.Fprintln(diags, p) // e.g. refs.bib:12:3: warning: undefined macro "jan2"
	}
	warnings, err := csljson.Encode(w, items, csljson.EncodeOptions{})
	for _, p := range warnings {
		fmt.Fprintln(diags, p)
	}
	return err
}
