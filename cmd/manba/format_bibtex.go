package main

import (
	"bytes"
	"io"
	"regexp"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/diag"
)

// bibtex and biblatex read alike (the decoder understands both dialects);
// they differ in the field names written. Only bibtex claims the .bib
// extension and the "@" sniff, so detection names one format.
func init() {
	newReader := func(r io.Reader, name string) itemReader {
		return bibtex.NewDecoder(r, name, bibtex.DecodeOptions{})
	}
	newDatabaseReader := func(inputs []openedInput) itemReader {
		srcs := make([]bibtex.Source, len(inputs))
		for i, in := range inputs {
			srcs[i] = bibtex.Source{Name: in.name, R: in.r}
		}
		return bibtex.NewDatabaseDecoder(srcs, bibtex.DecodeOptions{})
	}
	registerFormat(&format{
		Name:              "bibtex",
		Exts:              []string{".bib", ".bibtex"},
		Sniff:             sniffBibTeX,
		NewDatabaseReader: newDatabaseReader,
		NewReader:         newReader,
		NewWriter: func(w io.Writer, opts writeOptions) itemWriter {
			return newBibWriter(w, bibtex.BibTeX, opts)
		},
	})
	registerFormat(&format{
		Name:              "biblatex",
		NewDatabaseReader: newDatabaseReader,
		NewReader:         newReader,
		NewWriter: func(w io.Writer, opts writeOptions) itemWriter {
			return newBibWriter(w, bibtex.BibLaTeX, opts)
		},
	})
}

// entryStart is the start of a BibTeX entry at the start of a line:
// "@article{", "@string (".
var entryStart = regexp.MustCompile(`(?m)^[ \t]*@[A-Za-z]+[ \t]*[{(]`)

// sniffBibTeX recognizes a .bib file by an entry within the head (comments
// and text may come first). The "{" after the type keeps an "@handle" at
// the start of a line in a RIS abstract from counting, and RIS, which names
// itself in its first lines, wins over an entry quoted further down.
func sniffBibTeX(head []byte) bool {
	return entryStart.Match(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))) && !sniffRIS(head)
}

// bibWriter adapts bibtex.Encoder to itemWriter. Capitals inside words are
// protected: the names of organizations in this field (MKO, PMOI, NCRI)
// must survive styles that lowercase titles.
type bibWriter struct{ e *bibtex.Encoder }

func newBibWriter(w io.Writer, d bibtex.Dialect, opts writeOptions) bibWriter {
	return bibWriter{bibtex.NewEncoder(w, bibtex.EncodeOptions{Dialect: d, ASCII: opts.ASCII, ProtectCapitals: true})}
}

func (w bibWriter) Write(it bib.Item) error { return w.e.Encode(it) }

// Diagnostics tells what BibTeX could not hold of the items written.
func (w bibWriter) Diagnostics() diag.List { return w.e.Diagnostics() }

// Preamble writes an @preamble block, so that bib -> bib keeps them.
func (w bibWriter) Preamble(tex string) error { return w.e.Preamble(tex) }

// Close has nothing to finish: the Encoder flushes after every entry.
func (w bibWriter) Close() error { return nil }
