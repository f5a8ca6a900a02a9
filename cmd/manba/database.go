package main

import (
	"bytes"
	"io"
	"os"
)

// openedInput is one input opened and its format detected.
type openedInput struct {
	name  string // as shown in diagnostics: the path, or <stdin>
	r     io.Reader
	f     *format // nil for a blank input
	close func()
}

// openInput opens one input ("-" for standard input) and detects its
// format, unless from names it. A missing file or an unknown format is an
// inputError: the other inputs are still read.
func openInput(arg, from string, stdin io.Reader) (openedInput, error) {
	in := openedInput{name: "<stdin>", r: stdin, close: func() {}}
	if arg != "-" {
		f, err := os.Open(arg)
		if err != nil {
			return in, inputError{err}
		}
		in.name, in.r, in.close = arg, f, func() { f.Close() }
	}
	if from != "" {
		f, err := lookupFormat(from, false)
		in.f = f
		return in, err
	}
	head, r, err := peek(in.r, 4096)
	if err != nil {
		in.close()
		return in, inputError{err}
	}
	in.r = r
	if len(bytes.TrimSpace(head)) == 0 {
		return in, nil // nothing to read, in any format
	}
	if in.f, err = detectFormat(in.name, head); err != nil {
		in.close()
		return in, inputError{err}
	}
	return in, nil
}

// readerOf returns one reader for a run of inputs: the inputs of a format
// that forms a database (BibTeX) are read as one (bibtex.DatabaseDecoder),
// so that the @string macros and crossref targets of one file serve the
// others, as BibTeX and biber read the files of one document; positions
// stay those of each file. Any other run has one input.
func readerOf(run []openedInput) itemReader {
	if len(run) == 1 {
		return run[0].f.NewReader(run[0].r, run[0].name)
	}
	return run[0].f.NewDatabaseReader(run)
}

// runs groups inputs into the runs readerOf reads as one. Blank inputs
// have nothing to read and do not end a database.
func runs(inputs []openedInput) [][]openedInput {
	var out [][]openedInput
	var last *format
	for _, in := range inputs {
		if in.f == nil {
			continue
		}
		if last != nil && last.NewDatabaseReader != nil && in.f == last {
			out[len(out)-1] = append(out[len(out)-1], in)
		} else {
			out = append(out, []openedInput{in})
		}
		last = in.f
	}
	return out
}
