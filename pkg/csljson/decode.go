package csljson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// DefaultMaxItemBytes is the default of Decoder.MaxItemBytes.
const DefaultMaxItemBytes = 16 << 20

// DefaultMaxDepth is the default of Decoder.MaxDepth.
const DefaultMaxDepth = 1000

// Decoder reads CSL-JSON items from a stream.
type Decoder struct {
	// MaxItemBytes bounds the text of one item (default 16 MiB; negative
	// for no limit), so that a huge item or a missing closing brace cannot
	// make the decoder hold the rest of a large file: a longer item is
	// reported and skipped, and decoding goes on with the next one. Set it
	// before the first call to Next.
	MaxItemBytes int
	// MaxDiagnosticsPerKind bounds the problems of one kind that are
	// listed (default 100; negative for no limit); the rest are counted in
	// a final "N more like this" diagnostic, so that memory does not grow
	// with the input.
	MaxDiagnosticsPerKind int
	// MaxDepth bounds the nesting of objects and arrays in one item
	// (default DefaultMaxDepth; CSL-JSON itself needs four levels). A
	// deeper item is reported at the bracket that goes too deep and
	// skipped. JSON decoding recurses, so a negative value means the
	// default too.
	MaxDepth int

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
	deepAt    int  // offset in elem of the first bracket deeper than MaxDepth, or -1
	comma     diag.Pos
	n         int // values seen, for messages

	elem    []byte    // the current value, reused
	keys    []keySpan // the keys of the objects in elem, reused
	ids     map[string]diag.Pos
	warned8 bool        // invalid UTF-8 reported
	diags   diag.Capped // problems, the first MaxDiagnosticsPerKind of each kind
	itemPos diag.Pos    // where the item last returned starts
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
	d.diags.Max = d.maxPerKind()
	return d.diags.List()
}

// DefaultMaxDiagnosticsPerKind is the default of
// Decoder.MaxDiagnosticsPerKind.
const DefaultMaxDiagnosticsPerKind = 100

func (d *Decoder) maxPerKind() int { return perKind(d.MaxDiagnosticsPerKind) }

// perKind applies the default (zero) and no limit (negative) to a
// MaxDiagnosticsPerKind option.
func perKind(n int) int {
	switch {
	case n == 0:
		return DefaultMaxDiagnosticsPerKind
	case n < 0:
		return math.MaxInt
	}
	return n
}

func (d *Decoder) warnf(pos diag.Pos, format string, args ...any) {
	d.diags.Max = d.maxPerKind()
	d.diags.Warnf(pos, format, args...)
}

func (d *Decoder) errorf(pos diag.Pos, format string, args ...any) {
	d.diags.Max = d.maxPerKind()
	d.diags.Errorf(pos, format, args...)
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
			d.itemPos = start
			return it, nil
		}
	}
}

// ItemPos returns where the item Next returned last starts, for
// diagnostics about the item found later (what an output format cannot
// hold).
func (d *Decoder) ItemPos() diag.Pos { return d.itemPos }

// nextValue reads the next top-level value into d.elem and returns its
// position; ok is false when there was none (end of input, or a value that
// could not be delimited).
func (d *Decoder) nextValue() (diag.Pos, bool) {
	c, ok := d.peekNonSpace()
	switch d.mode {
	case modeStart:
		if !ok {
			if d.rerr == nil {
				d.warnf(d.here(), "no CSL-JSON data")
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
			d.errorf(d.here(), "not CSL-JSON: want an array or object of items, found %s", quoteByte(c))
			d.mode = modeDone
		}
		return diag.Pos{}, false
	case modeArray:
		if !ok {
			if d.rerr == nil {
				d.warnf(d.here(), "unexpected end of input: the array of items is not closed with \"]\"")
			}
			d.mode = modeDone
			return diag.Pos{}, false
		}
		switch {
		case c == ']':
			if !d.afterItem && d.n > 0 {
				d.warnf(d.comma, "trailing comma before \"]\"")
			}
			d.advance()
			d.mode = modeDone
			switch c, ok := d.peekNonSpace(); {
			case ok && (c == '[' || c == '{'):
				// Concatenated outputs: read on rather than lose them.
				d.warnf(d.here(), "more items after the array of items; read as well")
				d.mode, d.afterItem, d.n = modeStart, false, 0
			case ok:
				d.errorf(d.here(), "unexpected %s after the array of items; ignored the rest", quoteByte(c))
			}
			return diag.Pos{}, false
		case c == ',':
			if !d.afterItem {
				d.warnf(d.here(), "unexpected \",\": missing item")
			}
			d.comma = d.here()
			d.advance()
			d.afterItem = false
			return diag.Pos{}, false
		case d.afterItem:
			d.warnf(d.here(), "missing \",\" between items")
		}
	case modeStream:
		if !ok {
			d.mode = modeDone
			return diag.Pos{}, false
		}
		if c == ',' {
			// Tolerate "{...},\n{...}" written by hand.
			d.warnf(d.here(), "unexpected \",\" between items outside an array")
			d.advance()
			return diag.Pos{}, false
		}
	}
	d.afterItem = true
	d.n++
	start := d.here()
	switch d.readValue(start.Col) {
	case valueEnded:
		d.mode = modeDone
		if d.rerr == nil {
			d.errorf(start, "unexpected end of input inside this item")
		}
		return diag.Pos{}, false
	case valueTooLarge:
		end := d.here()
		d.errorf(start, "item %d is larger than %d bytes (MaxItemBytes); skipped up to %d:%d", d.n, d.maxItem(), end.Line, end.Col)
		if c, ok := d.peekNonSpace(); d.resynced && ok && c == '{' {
			d.afterItem = false
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

// The outcomes of readValue.
const (
	valueRead     = iota
	valueEnded    // the input ended first
	valueTooLarge // longer than MaxItemBytes: skipped, not kept
)

func (d *Decoder) maxDepth() int {
	if d.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return d.MaxDepth
}

func (d *Decoder) maxItem() int {
	switch {
	case d.MaxItemBytes == 0:
		return DefaultMaxItemBytes
	case d.MaxItemBytes < 0:
		return math.MaxInt
	}
	return d.MaxItemBytes
}

// readValue copies one JSON value into d.elem. It tracks only nesting and
// strings; the JSON parser checks the value itself. A value longer than
// MaxItemBytes is scanned to its end without being kept; it also ends,
// like a broken one (below), before a line that starts with "{" or "]" no
// further right than it began.
//
// A line break inside a string is never valid JSON and almost always means
// a quote is missing, which would make the rest of the input one long
// string. readValue then resynchronizes: the value ends before the next line
// that starts with "{" or "]" no further right than the value began, which
// is where the next item (or the end of the array) is in indented and
// one-item-per-line files alike.
func (d *Decoder) readValue(startCol int) int {
	d.elem = d.elem[:0]
	d.resynced, d.deepAt = false, -1
	depth, maxDepth := 0, d.maxDepth()
	inString, escaped, scalar, broken, tooLarge := false, false, false, false, false
	indent := -1 // while broken or too large: columns of white space so far on this line, or -1
	maxItem := d.maxItem()
	for d.fill() {
		// Scan the buffered bytes without a call per byte.
		buf := d.chunk[d.pos:d.end]
		i := 0
		done := false
	scan:
		for ; i < len(buf); i++ {
			c := buf[i]
			if !broken && (tooLarge || len(d.elem)+i > maxItem) {
				switch {
				case c == '\n':
					indent = 0
				case indent < 0:
				case c == ' ' || c == '\t':
					indent++
				case (c == '{' || c == ']') && indent < startCol && !inString:
					d.resynced = true
					done = true
					break scan
				default:
					indent = -1
				}
			}
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
					if depth > maxDepth && d.deepAt < 0 {
						d.deepAt = len(d.elem) + i
					}
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
		if !tooLarge {
			d.elem = append(d.elem, buf[:i]...)
			if len(d.elem) > maxItem {
				tooLarge = true
				d.elem = nil // let it go: nothing of it is kept
			}
		}
		d.consume(i)
		if done && tooLarge {
			return valueTooLarge
		}
		if done {
			return valueRead
		}
	}
	if tooLarge {
		return valueTooLarge
	}
	// At the end of input, a broken value is still reported as a value so
	// that the JSON parser says what is wrong with it.
	if broken || scalar && !inString && depth == 0 {
		return valueRead
	}
	return valueEnded
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
		d.errorf(start, "item %d is %s, not an object; skipped", d.n, describe(elem))
		return bib.Item{}, false
	}
	if d.deepAt >= 0 {
		d.errorf(posIn(start, elem, d.deepAt), "item %d nests objects and arrays deeper than %d (MaxDepth); skipped", d.n, d.maxDepth())
		return bib.Item{}, false
	}
	if !d.warned8 && !utf8.Valid(elem) {
		d.warned8 = true
		d.warnf(posIn(start, elem, firstInvalid(elem)), "invalid UTF-8 (is the file in another encoding?); bad bytes read as U+FFFD")
	}
	var it bib.Item
	err := it.UnmarshalJSON(elem)
	if err == nil {
		d.duplicateKeys(elem, start)
	}
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			d.errorf(posIn(start, elem, int(se.Offset)-1), "item %d: %v; skipped", d.n, se)
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
			d.errorf(posIn(start, elem, p.offset), "%v; dropped", err)
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
		d.errorf(start, "item %d: %v; skipped its properties", d.n, err)
		return bib.Item{}
	}
	return it
}

// keySpan is a key of an object inside an item: which object (numbered in
// order of their opening braces) and where its text is.
type keySpan struct{ obj, from, to int }

// duplicateKeys warns about a key that comes twice in one object of a
// syntactically valid item: JSON leaves the meaning open, and the decoder
// keeps the last value.
func (d *Decoder) duplicateKeys(elem []byte, start diag.Pos) {
	d.keys = d.keys[:0]
	var stackBuf [16]int
	stack := stackBuf[:0] // object number, or -1 for an array, per level
	objs := 0
	for i := 0; i < len(elem); i++ {
		switch elem[i] {
		case '"':
			from := i + 1
			for i++; i < len(elem) && elem[i] != '"'; i++ {
				if elem[i] == '\\' {
					i++
				}
			}
			j := i + 1
			for j < len(elem) && (elem[j] == ' ' || elem[j] == '\t' || elem[j] == '\r' || elem[j] == '\n') {
				j++
			}
			if j < len(elem) && elem[j] == ':' && len(stack) > 0 && stack[len(stack)-1] >= 0 {
				d.keys = append(d.keys, keySpan{obj: stack[len(stack)-1], from: from, to: min(i, len(elem))})
			}
		case '{':
			objs++
			stack = append(stack, objs)
		case '[':
			stack = append(stack, -1)
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(d.keys) < 2 {
		return
	}
	slices.SortFunc(d.keys, func(a, b keySpan) int {
		if a.obj != b.obj {
			return a.obj - b.obj
		}
		if c := bytes.Compare(elem[a.from:a.to], elem[b.from:b.to]); c != 0 {
			return c
		}
		return a.from - b.from
	})
	for i := 1; i < len(d.keys); i++ {
		a, b := d.keys[i-1], d.keys[i]
		if a.obj == b.obj && bytes.Equal(elem[a.from:a.to], elem[b.from:b.to]) {
			d.warnf(posIn(start, elem, b.from-1), "duplicate key %q in an object; the last value is used", elem[b.from:b.to])
		}
	}
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
		d.warnf(start, "item %d has no id", d.n)
	default:
		if first, dup := d.ids[it.ID]; dup {
			d.warnf(at("id"), "duplicate id %q (first item with it at %d:%d)", it.ID, first.Line, first.Col)
		} else {
			d.ids[it.ID] = start
		}
	}
	switch {
	case it.Type == "":
		d.warnf(start, "item %q has no type", it.ID)
	case !bib.IsType(it.Type):
		d.warnf(at("type"), "unknown type %q kept; CSL processors will treat the item as a document", it.Type)
	}
	for _, k := range bib.SortedKeys(it.Custom) {
		switch {
		case k == "custom" || bib.KindOf(k) == bib.KindUnknown && schemaProps[k]:
			if !schemaShape(k, it.Custom[k]) {
				d.warnf(at(k), "%q has a value of the wrong JSON type; kept as is", k)
			}
		case bib.KindOf(k) != bib.KindUnknown:
			d.warnf(at(k), "%q has a value of the wrong JSON type (%s); kept as is", k, describe(it.Custom[k]))
		default:
			d.warnf(at(k), "unknown property %q kept; it is not in the CSL-JSON schema", k)
		}
	}
	for _, k := range bib.SortedKeys(it.Dates) {
		dt := it.Dates[k]
		for _, p := range []bib.DateParts{dt.From, dt.To} {
			if p.Month > 12 || p.Month < 0 || p.Day > 31 || p.Day < 0 {
				d.warnf(at(k), "%q: %d-%d-%d is not a calendar date", k, p.Year, p.Month, p.Day)
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
