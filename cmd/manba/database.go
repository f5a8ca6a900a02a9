package main

import (
	"bytes"
	"io"
	"os"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
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
// that forms a database (BibTeX) are read as one stream, so that the
// @string macros and crossref targets of one file serve the others, as
// BibTeX and biber read the files of one document; positions stay those
// of each file. Any other run has one input.
func readerOf(run []openedInput) itemReader {
	if len(run) == 1 {
		return run[0].f.NewReader(run[0].r, run[0].name)
	}
	c := &concatReader{}
	for _, in := range run {
		c.parts = append(c.parts, &part{name: in.name, r: in.r})
	}
	c.parts[0].start = 1
	return &databaseReader{r: run[0].f.NewReader(c, ""), c: c}
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
		if last != nil && last.Database && in.f.Database {
			out[len(out)-1] = append(out[len(out)-1], in)
		} else {
			out = append(out, []openedInput{in})
		}
		last = in.f
	}
	return out
}

// part is one input of a concatReader; start, off and the counts are
// known once the reader has reached it.
type part struct {
	name   string
	r      io.Reader
	start  int // line of the concatenation its first line is
	off    int // offset of the concatenation its first byte is
	lines  int // newlines read from it so far
	size   int // bytes read from it so far
	lastNL bool
}

// concatReader reads its parts one after the other, with a newline after a
// part that does not end with one, so that each part starts on a line of
// its own and columns stay the same.
type concatReader struct {
	parts []*part
	cur   int
}

func (c *concatReader) Read(p []byte) (int, error) {
	for c.cur < len(c.parts) {
		pt := c.parts[c.cur]
		n, err := pt.r.Read(p)
		if n > 0 {
			pt.lines += bytes.Count(p[:n], []byte{'\n'})
			pt.size += n
			pt.lastNL = p[n-1] == '\n'
			return n, nil
		}
		if err == nil {
			continue
		}
		if err != io.EOF {
			return 0, err
		}
		if pt.size > 0 && !pt.lastNL && len(p) > 0 {
			p[0] = '\n'
			pt.lines++
			pt.size++
			pt.lastNL = true
			return 1, nil
		}
		c.cur++
		if c.cur < len(c.parts) {
			next := c.parts[c.cur]
			next.start = pt.start + pt.lines
			next.off = pt.off + pt.size
		}
	}
	return 0, io.EOF
}

// local maps a position in the concatenation to the part it falls in.
func (c *concatReader) local(p diag.Pos) diag.Pos {
	if p.Line == 0 {
		return p
	}
	i := 0 // parts after c.cur have no start yet
	for i+1 <= c.cur && i+1 < len(c.parts) && c.parts[i+1].start <= p.Line {
		i++
	}
	pt := c.parts[i]
	p.File = pt.name
	p.Line -= pt.start - 1
	p.Offset -= pt.off
	return p
}

// databaseReader reads a concatReader and gives positions in each part.
type databaseReader struct {
	r itemReader
	c *concatReader
}

func (d *databaseReader) Next() (bib.Item, error) { return d.r.Next() }

func (d *databaseReader) Diagnostics() diag.List {
	list := d.r.Diagnostics()
	for i := range list {
		list[i].Pos = d.c.local(list[i].Pos)
	}
	return list
}

func (d *databaseReader) ItemPos() diag.Pos { return d.c.local(itemPos(d.r)) }

// Preambles passes the reader's @preamble blocks on.
func (d *databaseReader) Preambles() []string {
	if p, ok := d.r.(interface{ Preambles() []string }); ok {
		return p.Preambles()
	}
	return nil
}
