package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// itemReader streams the items of one input.
type itemReader interface {
	// Next returns the next item, or io.EOF after the last one. Other errors
	// are fatal for this input; recoverable problems go to Diagnostics.
	Next() (bib.Item, error)
	// Diagnostics returns every problem found so far, sorted.
	Diagnostics() diag.List
}

// itemWriter streams items to one output.
type itemWriter interface {
	// Write writes one item. It must not keep the item's maps once it
	// returns: convert decodes the next item into them (nextFunc).
	Write(bib.Item) error
	// Close finishes the output (closing brackets and the like); it does not
	// close the underlying writer.
	Close() error
}

// format is a bibliography format manba reads and/or writes. Each format
// registers itself from its own file (format_*.go).
type format struct {
	Name  string   // as given to --from/--to: "bibtex", "biblatex", "csljson", "ris"
	Exts  []string // file extensions, with the dot
	Sniff func(head []byte) bool
	// NewDatabaseReader, set for BibTeX, reads consecutive inputs of the
	// format as one database (macros and crossref targets shared).
	NewDatabaseReader func(inputs []openedInput) itemReader
	// NewReader and NewWriter are nil when the format cannot be read or written.
	NewReader func(r io.Reader, name string) itemReader
	NewWriter func(w io.Writer, opts writeOptions) itemWriter
}

// writeOptions are the output choices common to the formats.
type writeOptions struct {
	ASCII bool // LaTeX-escape non-ASCII characters (BibTeX/BibLaTeX)
}

var formats = map[string]*format{}

func registerFormat(f *format) { formats[f.Name] = f }

func formatNames(writable bool) string {
	var names []string
	for n, f := range formats {
		if writable && f.NewWriter == nil || !writable && f.NewReader == nil {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, "|")
}

func lookupFormat(name string, writable bool) (*format, error) {
	f, ok := formats[strings.ToLower(name)]
	if !ok || writable && f.NewWriter == nil || !writable && f.NewReader == nil {
		return nil, usagef("unknown format %q (want %s)", name, formatNames(writable))
	}
	return f, nil
}

// outputFormat resolves the format to write: --to when given, else the
// format that claims -o's extension (.bib, .json, .ris, ...), else def. With
// none of them it is a usage error.
func outputFormat(to, output, def string) (*format, error) {
	if to != "" {
		return lookupFormat(to, true)
	}
	if ext := strings.ToLower(filepath.Ext(output)); ext != "" {
		for _, n := range sortedFormatNames() {
			if f := formats[n]; f.NewWriter != nil && slices.Contains(f.Exts, ext) {
				return f, nil
			}
		}
	}
	if def != "" {
		return lookupFormat(def, true)
	}
	if output != "" && output != "-" {
		return nil, usagef("missing --to: cannot tell the format from %q (want %s)", output, formatNames(true))
	}
	return nil, usagef("missing --to (want %s)", formatNames(true))
}

// detectFormat picks the input format from the file extension, then from
// the content.
func detectFormat(name string, head []byte) (*format, error) {
	ext := strings.ToLower(filepath.Ext(name))
	var sniffed *format
	for _, n := range sortedFormatNames() {
		f := formats[n]
		if f.NewReader == nil {
			continue
		}
		for _, e := range f.Exts {
			if e == ext {
				return f, nil
			}
		}
		if sniffed == nil && f.Sniff != nil && f.Sniff(head) {
			sniffed = f
		}
	}
	if sniffed != nil {
		return sniffed, nil
	}
	return nil, fmt.Errorf("%s: cannot tell the format; use --from %s", name, formatNames(false))
}

func sortedFormatNames() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// itemPos returns where the item r returned last starts, when r tells.
func itemPos(r itemReader) diag.Pos {
	if p, ok := r.(interface{ ItemPos() diag.Pos }); ok {
		return p.ItemPos()
	}
	return diag.Pos{}
}

// peek returns the first n bytes of r and a reader that still yields them.
func peek(r io.Reader, n int) ([]byte, io.Reader, error) {
	head := make([]byte, n)
	k, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, nil, err
	}
	head = head[:k]
	return head, io.MultiReader(bytes.NewReader(head), r), nil
}

// loadItems reads every item of the named inputs (files, "-" for standard
// input; with none, standard input when it is given, else a usage error),
// in order. Problems in the input are returned as
// diagnostics; the error is for inputs that cannot be read at all.
func loadItems(args []string, from string, stdin io.Reader) ([]bib.Item, diag.List, error) {
	items, _, diags, err := loadItemsAt(args, from, stdin)
	return items, diags, err
}

// loadItemsAt is loadItems that also returns where each item starts, for
// diagnostics about it later (what an output format could not hold).
// Consecutive BibTeX inputs are read as one database (readerOf).
func loadItemsAt(args []string, from string, stdin io.Reader) ([]bib.Item, []diag.Pos, diag.List, error) {
	var items []bib.Item
	var at []diag.Pos
	diags, err := eachItemAt(args, from, stdin, func(it bib.Item, pos diag.Pos) {
		items = append(items, it)
		at = append(at, pos)
	})
	return items, at, diags, err
}

// eachItemAt is loadItemsAt for a caller that does not keep the items: it
// hands each one to fn with where it starts, so that memory need not hold
// them all.
func eachItemAt(args []string, from string, stdin io.Reader, fn func(bib.Item, diag.Pos)) (diag.List, error) {
	args, err := needInputs(args, stdin)
	if err != nil {
		return nil, err
	}
	var inputs []openedInput
	defer func() {
		for _, in := range inputs {
			in.close()
		}
	}()
	for _, a := range args {
		in, err := openInput(a, from, stdin)
		if err != nil {
			var ie inputError
			if errors.As(err, &ie) {
				err = ie.error
			}
			return nil, err
		}
		inputs = append(inputs, in)
	}
	var diags diag.List
	for _, run := range runs(inputs) {
		ir := readerOf(run)
		for {
			it, err := ir.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return append(diags, ir.Diagnostics()...), err
			}
			fn(it, itemPos(ir))
		}
		diags = append(diags, ir.Diagnostics()...)
	}
	return diags, nil
}

// reportDiagnostics prints diagnostics to stderr and returns an error when
// any of them is an error, so that the command exits with status 1.
func reportDiagnostics(stderr io.Writer, diags diag.List) error {
	for _, d := range diags {
		fmt.Fprintln(stderr, d.Error())
	}
	if n := len(diags.Errors()); n > 0 {
		return fmt.Errorf("%d input error(s)", n)
	}
	return nil
}
