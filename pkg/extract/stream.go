package extract

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/extract/refparse"
)

// DefaultPartSize is how much text ExtractStream reads as one part when
// StreamOptions.PartSize is 0: large enough that articles are read whole
// (the results are those of Extract), small enough that the references of
// one part take about 10 MB (manba extract peaks at about 85 MB RSS on
// reference lists of any length; 130 MB with 1 MiB parts).
const DefaultPartSize = 512 << 10

// StreamOptions control ExtractStream.
type StreamOptions struct {
	Model    *refparse.Model // the reference parser; nil: the embedded model
	PartSize int             // bytes read as one part; 0: DefaultPartSize
}

// Part is what ExtractStream found in one part of its input.
type Part struct {
	// Refs are the references of the part, as Extract returns them; a
	// Target indexes Refs.
	Refs []Reference
	// Diags are the problems found in the part, sorted, positioned in the
	// whole input.
	Diags diag.List
	// Size is the number of input bytes the part covers.
	Size int
}

// ExtractStream finds the references of a plain-text document read from
// r, part by part, and gives each part's references to emit as soon as
// they are found, so that memory stays bounded however long the input.
// A part is at most about PartSize bytes, cut after a blank line where
// there is one (else at a line break, else between the pieces of a long
// line); a document no longer than PartSize is one part, found exactly as
// Extract finds it. A reference list cut by a part boundary goes on in the
// next part under its heading, and an "ibid" at the start of a part
// repeats the last entry of the part before (its Target is -1 then: the
// entry it repeats was emitted with that part). Mentions and author-date
// citations are resolved within their part. An error from emit stops the
// reading and is returned, as is an error reading r.
func ExtractStream(name string, r io.Reader, opt StreamOptions, emit func(Part) error) error {
	size := opt.PartSize
	if size <= 0 {
		size = DefaultPartSize
	}
	pr := &partReader{r: r, size: size, at: diag.Pos{File: name, Line: 1, Col: 1}}
	var cont *listState
	var prev *Reference
	warned := false
	for {
		src, at, err := pr.next()
		if err != nil {
			return err
		}
		if src == nil {
			return nil
		}
		var diags diag.List
		size := len(src)
		if !utf8.Valid(src) {
			if !warned {
				diags.Warnf(at, "not valid UTF-8; invalid bytes replaced")
				warned = true
			}
			src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
		}
		p := extractPart(opt.Model, src, newPositions(at.File, src, at), cont, prev)
		cont, prev = p.open, p.last
		if len(diags) > 0 {
			p.diags = append(diags, p.diags...)
			p.diags.Sort()
		}
		if err := emit(Part{Refs: p.refs, Diags: p.diags, Size: size}); err != nil {
			return err
		}
	}
}

// partReader cuts its input into parts of about size bytes.
type partReader struct {
	r    io.Reader
	size int
	buf  []byte // read, not yet given out
	eof  bool
	at   diag.Pos // where buf starts
}

// readChunk is how much partReader asks its reader for at once.
const readChunk = 64 << 10

// next returns the next part and where it starts, or nil at the end of
// the input. The part stays valid until the next call.
func (p *partReader) next() ([]byte, diag.Pos, error) {
	for !p.eof && len(p.buf) <= p.size {
		if cap(p.buf)-len(p.buf) < readChunk {
			p.buf = append(p.buf, make([]byte, readChunk)...)[:len(p.buf)]
		}
		n, err := p.r.Read(p.buf[len(p.buf):cap(p.buf)])
		p.buf = p.buf[:len(p.buf)+n]
		if errors.Is(err, io.EOF) {
			p.eof = true
		} else if err != nil {
			return nil, diag.Pos{}, err
		}
	}
	if len(p.buf) == 0 {
		return nil, diag.Pos{}, nil
	}
	cut := len(p.buf)
	if !p.eof || len(p.buf) > p.size {
		cut = cutPart(p.buf, p.size)
	}
	at := p.at
	part := p.buf[:cut]
	p.at = advance(p.at, part)
	// The rest moves to a new buffer, so that the part stays valid while
	// it is read.
	rest := make([]byte, len(p.buf)-cut, max(p.size+readChunk, len(p.buf)-cut))
	copy(rest, p.buf[cut:])
	p.buf = rest
	return part, at, nil
}

// advance returns the position after text that starts at at.
func advance(at diag.Pos, text []byte) diag.Pos {
	at.Offset += len(text)
	if n := bytes.Count(text, []byte{'\n'}); n > 0 {
		at.Line += n
		at.Col = len(text) - bytes.LastIndexByte(text, '\n')
	} else {
		at.Col += len(text)
	}
	return at
}

// cutPart returns where to end a part of buf, which holds more than size
// bytes or does not end the input: after the last blank line in the
// second half of size that does not follow a heading, else after the last
// line break there, else between two of the pieces splitLines cuts a long
// line into, so that the pieces are the same as if the line were whole.
func cutPart(buf []byte, size int) int {
	limit := min(size, len(buf))
	low := limit / 2
	anyBreak := -1
	// Walk the line breaks before limit backwards.
	end := bytes.LastIndexByte(buf[:limit], '\n')
	for end >= low {
		start := bytes.LastIndexByte(buf[:end], '\n') + 1
		if anyBreak < 0 {
			anyBreak = end + 1
		}
		if len(bytes.TrimSpace(buf[start:end])) == 0 && !afterHeading(buf[:start]) {
			return end + 1
		}
		end = start - 1
	}
	if anyBreak > 0 {
		return anyBreak
	}
	if i := bytes.IndexByte(buf[limit:], '\n'); i >= 0 {
		return limit + i + 1 // the line ends in what was read past size
	}
	// A long line: cut between its pieces, counted from where it starts
	// (a part boundary is always one of them). A piece that is not the
	// last of what was read is the same as in the whole line.
	start := bytes.LastIndexByte(buf[:limit], '\n') + 1
	l := buf[start:]
	cut := 0
	for s := 0; ; s = cut {
		e := cutAt(l, s)
		if e == len(l) || cut > 0 && start+e > limit {
			break
		}
		cut = e
	}
	if cut == 0 {
		return len(buf) // no piece ends before the end: give it all
	}
	return start + cut
}

// afterHeading reports whether the last line of text that is not blank
// is a list heading, whose list the blank lines after it do not end.
func afterHeading(text []byte) bool {
	for len(text) > 0 {
		i := bytes.LastIndexByte(text[:len(text)-1], '\n')
		l := bytes.TrimSpace(text[i+1:])
		if len(l) > 0 {
			return headingRE.Match(l)
		}
		if i < 0 {
			break
		}
		text = text[:i+1]
	}
	return false
}

// positions maps the byte offsets of a document, or of one part of it, to
// positions in the whole document.
type positions struct {
	lines *diag.Lines
	base  diag.Pos // where the part starts
}

func newPositions(name string, src []byte, base diag.Pos) *positions {
	return &positions{lines: diag.NewLines(name, src), base: base}
}

// Pos returns the position of byte offset off of the part.
func (p *positions) Pos(off int) diag.Pos {
	pos := p.lines.Pos(off)
	if pos.Line == 1 {
		pos.Col += p.base.Col - 1
	}
	pos.Line += p.base.Line - 1
	pos.Offset += p.base.Offset
	return pos
}
