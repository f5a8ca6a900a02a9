package bibtex

import (
	"bytes"
	"io"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// Input is one input of a database: its name, for positions, and its
// contents.
type Input struct {
	Name string
	Src  []byte
}

// DecodeDatabase reads several files as one BibTeX database, the way
// BibTeX and biber read the .bib files of one document: the @string macros
// of a file serve the files after it (abbrev.bib authors.bib articles.bib),
// and a crossref or xdata target may be in any of them. Items come in input
// order; positions name the file and the line within it.
func DecodeDatabase(files []Input, opts DecodeOptions) ([]bib.Item, diag.List) {
	readers := make([]Source, len(files))
	keepAll := false
	for i, f := range files {
		readers[i] = Source{Name: f.Name, R: bytes.NewReader(f.Src)}
		keepAll = keepAll || containsFold(f.Src, "crossref") || containsFold(f.Src, "xdata")
	}
	db := NewDatabaseDecoder(readers, opts)
	db.d.keepAll = keepAll
	items := db.d.all()
	return items, db.Diagnostics()
}

// Source is one input of a DatabaseDecoder.
type Source struct {
	Name string
	R    io.Reader
}

// DatabaseDecoder streams several inputs as one BibTeX database (see
// DecodeDatabase), with the Decoder's memory bounds.
type DatabaseDecoder struct {
	d *Decoder
	c *concatReader
}

// NewDatabaseDecoder returns a DatabaseDecoder reading the sources one
// after the other.
func NewDatabaseDecoder(srcs []Source, opts DecodeOptions) *DatabaseDecoder {
	c := &concatReader{}
	for _, s := range srcs {
		c.parts = append(c.parts, &part{name: s.Name, r: s.R})
	}
	if len(c.parts) > 0 {
		c.parts[0].start = 1
	}
	return &DatabaseDecoder{d: NewDecoder(c, "", opts), c: c}
}

// Next returns the next item, or io.EOF after the last one of the last
// input.
func (db *DatabaseDecoder) Next() (bib.Item, error) { return db.d.Next() }

// ItemPos returns where the entry of the item Next returned last starts.
func (db *DatabaseDecoder) ItemPos() diag.Pos { return db.c.local(db.d.ItemPos()) }

// Preambles returns the @preamble blocks of all inputs read so far.
func (db *DatabaseDecoder) Preambles() []string { return db.d.Preambles() }

// Diagnostics returns every problem found so far, each at its file.
func (db *DatabaseDecoder) Diagnostics() diag.List {
	list := db.d.Diagnostics()
	for i := range list {
		list[i].Pos = db.c.local(list[i].Pos)
	}
	return list
}

// part is one input of a concatReader; start and off are known once the
// reader has reached it.
type part struct {
	name   string
	r      io.Reader
	start  int // line of the concatenation its first line is
	off    int // offset of the concatenation its first byte is
	lines  int // newlines read from it so far
	size   int // bytes read from it so far
	lastNL bool
}

// concatReader reads its parts one after the other, with a newline after
// a part that does not end with one, so that each part starts on a line of
// its own and columns stay those of the file.
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
	if p.Line == 0 || len(c.parts) == 0 {
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
