package csljson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// maxItemSize bounds one item, so that a missing closing brace cannot make
// the decoder buffer the rest of a huge file.
const maxItemSize = 16 << 20

// Decoder reads CSL-JSON items from a stream.
type Decoder struct {
	r    io.Reader
	file string

	chunk []byte // read buffer; chunk[pos:end] is unread
	pos   int
	end   int
	eof   bool
	rerr  error // a read error other than io.EOF

	// Position of the next unread byte.
	off       int
	line      int
	lineStart int

	mode      mode
	afterItem bool // array mode: an item (not "[" or ",") was read last
	resynced  bool // the last value was cut short at the start of the next item
	comma     diag.Pos
	n         int // values seen, for messages

	elem    []byte // the current value, reused
	ids     map[string]diag.Pos
	warned8 bool // invalid UTF-8 reported
	diags   diag.List
}

type mode int

const (
	modeStart  mode = iota
	modeArray       // inside the top-level array
	modeStream      // a single object or JSON Lines
	modeDone
)

// NewDecoder returns a decoder reading from r; filename names r in
// diagnostics.
func NewDecoder(r io.Reader, filename string) *Decoder {
	return &Decoder{r: r, file: filename, chunk: make([]byte, 64<<10), line: 1, ids: map[string]diag.Pos{}}
}

// Diagnostics returns the problems found so far, sorted by position.
func (d *Decoder) Diagnostics() diag.List {
	return d.diags.Sorted()
}

// Decode reads every item of src.
func Decode(filename string, src []byte) ([]bib.Item, diag.List) {
	d := NewDecoder(bytes.NewReader(src), filename)
	var items []bib.Item
	for {
		it, err := d.Next()
		if err != nil {
			break // src is in memory: the only error is io.EOF
		}
		items = append(items, it)
	}
	return items, d.Diagnostics()
}

// here returns the position of the next unread byte.
func (d *Decoder) here() diag.Pos {
	return diag.Pos{File: d.file, Offset: d.off, Line: d.line, Col: d.off - d.lineStart + 1}
}

// Next returns the next item, or io.EOF after the last one. A malformed item
// is reported in Diagnostics and skipped; an error is returned only when the
// input itself cannot be read. As diag defines them, errors are problems that
// lost data (an item or a property skipped); a syntax slip the decoder
// recovers from without loss (a missing comma) is a warning.
func (d *Decoder) Next() (bib.Item, error) {
	for {
		if d.mode == modeDone {
			if d.rerr != nil {
				return bib.Item{}, d.rerr
			}
			return bib.Item{}, io.EOF
		}
		start, ok := d.nextValue()
		if !ok {
			continue
		}
		if it, ok := d.decodeItem(d.elem, start); ok {
			return it, nil
		}
	}
}

// nextValue reads the next top-level value into d.elem and returns its
// position; ok is false when there was none (end of input, or a value that
// could not be delimited).
func (d *Decoder) nextValue() (diag.Pos, bool) {
	c, ok := d.peekNonSpace()
	switch d.mode {
	case modeStart:
		if !ok {
			if d.rerr == nil {
				d.diags.Warnf(d.here(), "no CSL-JSON data")
			}
			d.mode = modeDone
			return diag.Pos{}, false
		}
		switch c {
		case '[':
			d.advance()
			d.mode = modeArray
		case '{':
			d.mode = modeStream
		default:
			d.diags.Errorf(d.here(), "not CSL-JSON: want an array or object of items, found %s", quoteByte(c))
			d.mode = modeDone
		}
		return diag.Pos{}, false
	case modeArray:
		if !ok {
			if d.rerr == nil {
				d.diags.Warnf(d.here(), "unexpected end of input: the array of items is not closed with \"]\"")
			}
			d.mode = modeDone
			return diag.Pos{}, false
		}
		switch {
		case c == ']':
			if !d.afterItem && d.n > 0 {
				d.diags.Warnf(d.comma, "trailing comma before \"]\"")
			}
			d.advance()
			d.mode = modeDone
			if c, ok := d.peekNonSpace(); ok {
				d.diags.Errorf(d.here(), "unexpected %s after the array of items; ignored the rest", quoteByte(c))
			}
			return diag.Pos{}, false
		case c == ',':
			if !d.afterItem {
				d.diags.Warnf(d.here(), "unexpected \",\": missing item")
			}
			d.comma = d.here()
			d.advance()
			d.afterItem = false
			return diag.Pos{}, false
		case d.afterItem:
			d.diags.Warnf(d.here(), "missing \",\" between items")
		}
	case modeStream:
		if !ok {
			d.mode = modeDone
			return diag.Pos{}, false
		}
		if c == ',' {
			// Tolerate "{...},\n{...}" written by hand.
			d.diags.Warnf(d.here(), "unexpected \",\" between items outside an array")
			d.advance()
			return diag.Pos{}, false
		}
	}
	d.afterItem = true
	d.n++
	start := d.here()
	if !d.readValue(start.Col) {
		d.mode = modeDone
		if len(d.elem) > maxItemSize {
			d.diags.Errorf(start, "item is larger than %d MiB (missing \"}\"?); ignored the rest", maxItemSize>>20)
		} else if d.rerr == nil {
			d.diags.Errorf(start, "unexpected end of input inside this item")
		}
		return diag.Pos{}, false
	}
	if c, ok := d.peekNonSpace(); d.resynced && ok && c == '{' {
		// The next item starts a line of its own; no comma is expected.
		d.afterItem = false
	}
	return start, true
}

// fill reads more input; it reports whether any unread byte is available.
func (d *Decoder) fill() bool {
	if d.pos < d.end {
		return true
	}
	if d.eof {
		return false
	}
	for {
		n, err := d.r.Read(d.chunk)
		d.pos, d.end = 0, n
		if err != nil {
			d.eof = true
			if err != io.EOF {
				d.rerr = fmt.Errorf("%s: %w", d.file, err)
			}
		}
		if n > 0 || d.eof {
			return n > 0
		}
	}
}

// advance consumes one byte.
func (d *Decoder) advance() {
	if d.chunk[d.pos] == '\n' {
		d.line++
		d.lineStart = d.off + 1
	}
	d.pos++
	d.off++
}

// peekNonSpace skips white space (and a byte order mark at the start) and
// returns the next byte without consuming it.
func (d *Decoder) peekNonSpace() (byte, bool) {
	for d.fill() {
		c := d.chunk[d.pos]
		switch c {
		case ' ', '\t', '\r', '\n':
			d.advance()
			continue
		case 0xEF:
			if d.off == 0 {
				// A UTF-8 byte order mark is three bytes; skip them one by one.
				d.advance()
				for i := 0; i < 2 && d.fill() && d.chunk[d.pos] >= 0x80; i++ {
					d.advance()
				}
				continue
			}
		}
		return c, true
	}
	return 0, false
}

// readValue copies one JSON value into d.elem. It tracks only nesting and
// strings; the JSON parser checks the value itself. It reports false at the
// end of input before the value ends, or when the value is too large.
//
// A line break inside a string is never valid JSON and almost always means
// a quote is missing, which would make the rest of the input one long
// string. readValue then resynchronizes: the value ends before the next line
// that starts with "{" or "]" no further right than the value began, which
// is where the next item (or the end of the array) is in indented and
// one-item-per-line files alike.
func (d *Decoder) readValue(startCol int) bool {
	d.elem = d.elem[:0]
	d.resynced = false
	depth := 0
	inString, escaped, scalar, broken := false, false, false, false
	indent := -1 // while broken: columns of white space so far on this line, or -1
	for d.fill() {
		// Scan the buffered bytes without a call per byte.
		buf := d.chunk[d.pos:d.end]
		i := 0
		done := false
	scan:
		for ; i < len(buf); i++ {
			c := buf[i]
			switch {
			case broken:
				switch {
				case c == '\n':
					indent = 0
				case indent < 0:
				case c == ' ' || c == '\t':
					indent++
				case (c == '{' || c == ']') && indent < startCol:
					d.resynced = true
					done = true
					break scan
				default:
					indent = -1
				}
			case inString:
				switch {
				case escaped:
					escaped = false
				case c == '\\':
					escaped = true
				case c == '"':
					inString = false
					if depth == 0 {
						i++
						done = true
						break scan
					}
				case c == '\n':
					broken, indent = true, 0
				}
			default:
				switch c {
				case '"':
					inString = true
				case '{', '[':
					depth++
				case '}', ']':
					if depth == 0 {
						// A scalar ends at its container's closing bracket; a
						// stray bracket is a value of its own, to make progress.
						if i == 0 && len(d.elem) == 0 {
							i++
						}
						done = true
						break scan
					}
					depth--
					if depth == 0 {
						i++
						done = true
						break scan
					}
				case ',', ' ', '\t', '\r', '\n':
					if depth == 0 {
						done = true
						break scan
					}
				default:
					if depth == 0 {
						scalar = true
					}
				}
			}
		}
		d.elem = append(d.elem, buf[:i]...)
		d.consume(i)
		if done {
			return true
		}
		if len(d.elem) > maxItemSize {
			return false
		}
	}
	// At the end of input, a broken value is still reported as a value so
	// that the JSON parser says what is wrong with it.
	return broken || scalar && !inString && depth == 0
}

// consume moves past n buffered bytes, counting lines.
func (d *Decoder) consume(n int) {
	b := d.chunk[d.pos : d.pos+n]
	if k := bytes.Count(b, []byte{'\n'}); k > 0 {
		d.line += k
		d.lineStart = d.off + bytes.LastIndexByte(b, '\n') + 1
	}
	d.pos += n
	d.off += n
}

// decodeItem decodes one value read by nextValue. It reports problems and
// returns ok=false for a value that is not an item at all.
func (d *Decoder) decodeItem(elem []byte, start diag.Pos) (bib.Item, bool) {
	if elem[0] != '{' {
		d.diags.Errorf(start, "item %d is %s, not an object; skipped", d.n, describe(elem))
		return bib.Item{}, false
	}
	if !d.warned8 && !utf8.Valid(elem) {
		d.warned8 = true
		d.diags.Warnf(posIn(start, elem, firstInvalid(elem)), "invalid UTF-8 (is the file in another encoding?); bad bytes read as U+FFFD")
	}
	var it bib.Item
	err := it.UnmarshalJSON(elem)
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			d.diags.Errorf(posIn(start, elem, int(se.Offset)-1), "item %d: %v; skipped", d.n, se)
			return bib.Item{}, false
		}
		it = d.decodeProperties(elem, start)
	}
	fromSchema(&it)
	d.check(&it, elem, start)
	return it, true
}

// decodeProperties is the slow path for an item with a property bib cannot
// decode: each bad property is reported at its key and dropped, the others
// are kept.
func (d *Decoder) decodeProperties(elem []byte, start diag.Pos) bib.Item {
	props := properties(elem)
	good := []byte{'{'}
	for _, p := range props {
		var one bib.Item
		obj := append(append(bib.AppendJSONString([]byte{'{'}, p.key), ':'), p.value...)
		if err := one.UnmarshalJSON(append(obj, '}')); err != nil {
			d.diags.Errorf(posIn(start, elem, p.offset), "%v; dropped", err)
			continue
		}
		if len(good) > 1 {
			good = append(good, ',')
		}
		good = append(append(bib.AppendJSONString(good, p.key), ':'), p.value...)
	}
	var it bib.Item
	if err := it.UnmarshalJSON(append(good, '}')); err != nil {
		// Each property decoded alone; together they can only fail if the
		// same key came twice with different shapes.
		d.diags.Errorf(start, "item %d: %v; skipped its properties", d.n, err)
		return bib.Item{}
	}
	return it
}

// check warns about what a CSL processor would trip over.
func (d *Decoder) check(it *bib.Item, elem []byte, start diag.Pos) {
	var props []property // found only when something needs a position
	at := func(key string) diag.Pos {
		if props == nil {
			props = properties(elem)
		}
		for _, p := range props {
			if p.key == key {
				return posIn(start, elem, p.offset)
			}
		}
		return start
	}
	switch {
	case it.ID == "":
		d.diags.Warnf(start, "item %d has no id", d.n)
	default:
		if first, dup := d.ids[it.ID]; dup {
			d.diags.Warnf(at("id"), "duplicate id %q (first item with it at %d:%d)", it.ID, first.Line, first.Col)
		} else {
			d.ids[it.ID] = start
		}
	}
	switch {
	case it.Type == "":
		d.diags.Warnf(start, "item %q has no type", it.ID)
	case !bib.IsType(it.Type):
		d.diags.Warnf(at("type"), "unknown type %q kept; CSL processors will treat the item as a document", it.Type)
	}
	for _, k := range bib.SortedKeys(it.Custom) {
		switch {
		case k == "custom" || bib.KindOf(k) == bib.KindUnknown && schemaProps[k]:
			if !schemaShape(k, it.Custom[k]) {
				d.diags.Warnf(at(k), "%q has a value of the wrong JSON type; kept as is", k)
			}
		case bib.KindOf(k) != bib.KindUnknown:
			d.diags.Warnf(at(k), "%q has a value of the wrong JSON type (%s); kept as is", k, describe(it.Custom[k]))
		default:
			d.diags.Warnf(at(k), "unknown property %q kept; it is not in the CSL-JSON schema", k)
		}
	}
	for _, k := range bib.SortedKeys(it.Dates) {
		dt := it.Dates[k]
		for _, p := range []bib.DateParts{dt.From, dt.To} {
			if p.Month > 12 || p.Month < 0 || p.Day > 31 || p.Day < 0 {
				d.diags.Warnf(at(k), "%q: %d-%d-%d is not a calendar date", k, p.Year, p.Month, p.Day)
				break
			}
		}
	}
}

// firstInvalid returns the offset of the first byte of b that is not valid
// UTF-8.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// property is one key of an item object and its raw value.
type property struct {
	key    string
	offset int // of the key, in the item
	value  []byte
}

// properties lists the keys of a syntactically valid object in order.
func properties(elem []byte) []property {
	dec := json.NewDecoder(bytes.NewReader(elem))
	if _, err := dec.Token(); err != nil { // {
		return nil
	}
	out := []property{}
	for dec.More() {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			break
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			break
		}
		// InputOffset is after the previous token; the key starts at the
		// next quote.
		off := before + bytes.IndexByte(elem[before:], '"')
		out = append(out, property{key: key, offset: off, value: raw})
	}
	return out
}

// posIn returns the position of byte offset k of elem, which starts at start.
func posIn(start diag.Pos, elem []byte, k int) diag.Pos {
	k = max(0, min(k, len(elem)))
	p := start
	p.Offset += k
	b := elem[:k]
	if n := bytes.Count(b, []byte{'\n'}); n > 0 {
		p.Line += n
		p.Col = k - bytes.LastIndexByte(b, '\n')
	} else {
		p.Col += k
	}
	return p
}

// describe names the JSON type of a value for messages.
func describe(v []byte) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "empty"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "a number"
	}
	return fmt.Sprintf("%q (not JSON)", abbreviate(v))
}

func abbreviate(v []byte) string {
	if len(v) > 20 {
		return string(v[:20]) + "…"
	}
	return string(v)
}

func quoteByte(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("%q", string(c))
	}
	return fmt.Sprintf("byte 0x%02x", c)
}
