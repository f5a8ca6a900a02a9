package extract

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/extract/refparse"
)

// ParseLines reads every non-empty line of src as one reference string
// and returns one item per line, in order, with the parser m (nil: the
// embedded model). A line nothing could be read from becomes an item with
// only its text as the note, and a warning names its position.
func ParseLines(m *refparse.Model, name string, src []byte) ([]bib.Item, diag.List) {
	var items []bib.Item
	var diags diag.List
	_ = ParseLinesStream(m, name, bytes.NewReader(src), func(its []bib.Item, ds diag.List) error {
		items = append(items, its...)
		diags = append(diags, ds...)
		return nil
	})
	return items, diags
}

// maxRefLine is the longest line ParseLinesStream reads as a reference:
// of a longer one only the start is read (with a warning), so that one
// line cannot take unbounded memory or time.
const maxRefLine = maxLine

// ParseLinesStream is ParseLines over a reader: it gives the items of
// each batch of lines (about DefaultPartSize bytes), with the batch's
// warnings sorted, to emit as soon as they are read, so that memory stays
// bounded however long the input. An error from emit stops the reading
// and is returned, as is an error reading r.
func ParseLinesStream(m *refparse.Model, name string, r io.Reader, emit func([]bib.Item, diag.List) error) error {
	br := bufio.NewReaderSize(r, readChunk)
	used := map[string]int{}
	var items []bib.Item
	var diags diag.List
	var buf []byte
	off, size, lineNo := 0, 0, 0
	warned := false
	flush := func() error {
		diags.Sort()
		err := emit(items, diags)
		items, diags, size = nil, nil, 0
		return err
	}
	for {
		l, n, err := readLine(br, buf, maxRefLine)
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if n == 0 {
			return flush()
		}
		buf = l
		lineNo++
		start := off
		if !utf8.Valid(l) {
			if !warned {
				diags.Warnf(diag.Pos{File: name, Line: 1, Col: 1}, "not valid UTF-8; invalid bytes replaced")
				warned = true
			}
			l = bytes.ToValidUTF8(l, []byte("\uFFFD"))
		}
		full := n // the line's length, without its line break
		if err == nil {
			full--
		}
		long := full > len(buf) // only the start of the line was kept
		if !long {
			full = len(l)
		}
		off += full + 1
		size += n
		text := strings.TrimSpace(strings.Map(noControl, string(l)))
		if text != "" {
			indent := len(l) - len(bytes.TrimLeft(l, " \t"))
			pos := diag.Pos{File: name, Offset: start + indent, Line: lineNo, Col: indent + 1}
			if long {
				diags.Warnf(pos, "a line of %d bytes is too long for one reference; only its first %d are read", full, len(l))
			}
			items = append(items, parseLine(m, text, pos, used, &diags))
		}
		if size >= DefaultPartSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
}

// readLine reads the next line of br, without its line break, keeping at
// most max bytes of it in buf's storage. It returns the bytes kept and
// the number of bytes read (0 at the end of the input).
func readLine(br *bufio.Reader, buf []byte, max int) ([]byte, int, error) {
	buf = buf[:0]
	n := 0
	for {
		chunk, err := br.ReadSlice('\n')
		n += len(chunk)
		if room := max - len(buf); room > 0 {
			buf = append(buf, chunk[:min(room, len(chunk))]...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if len(buf) > 0 && buf[len(buf)-1] == '\n' && len(buf) == n {
			buf = buf[:len(buf)-1]
		}
		return buf, n, err
	}
}

// parseLine parses one line read by ParseLinesStream into an item with a
// unique key and the line's position as the source of its fields.
func parseLine(m *refparse.Model, text string, pos diag.Pos, used map[string]int, diags *diag.List) bib.Item {
	p := ParseReferenceWith(m, text)
	it := p.Item
	if !readSomething(it) {
		diags.Warnf(pos, "nothing read from %q; kept as a note", shorten(text, 60))
		it = bib.Item{Type: "document"}
		it.Set("note", text)
	}
	it.ID = uniqueKey(citeKey(it), used)
	setSources(&it, pos.String())
	return it
}

// readSomething reports whether a parse found more than a note: a title,
// a name, a periodical, a date or an identifier.
func readSomething(it bib.Item) bool {
	for _, v := range []string{"title", "container-title", "publisher", "URL", "DOI", "ISBN"} {
		if it.Get(v) != "" {
			return true
		}
	}
	return len(it.Names) > 0 || !it.Dates["issued"].IsZero()
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// noControl turns control characters (binary input) into spaces.
func noControl(r rune) rune {
	if r < ' ' || r == 0x7f {
		return ' '
	}
	return r
}
