package bibtex

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// DecodeOptions control decoding to bib.Item.
type DecodeOptions struct {
	// Macros are @string definitions known before the input starts, such
	// as those of a separate abbreviations file. Names are
	// case-insensitive. The month macros jan..dec are always defined.
	Macros map[string]string
	// NoInherit turns off crossref and xdata inheritance: entries are
	// decoded with only their own fields.
	NoInherit bool

	// Limits against hostile input. Zero means the default, a negative
	// value no limit.

	// MaxEntryBytes bounds the source text of one entry (default 16 MiB):
	// a longer entry is reported and skipped without being held in
	// memory, and decoding goes on after it.
	MaxEntryBytes int
	// MaxValueBytes bounds a field value or @string definition that
	// expands macros (default 1 MiB); a longer one is reported, naming
	// the macro, and dropped.
	MaxValueBytes int
	// MaxExpandedBytes bounds the text macros expand to in one input, all
	// values together (default 64 MiB), so that macros defined by
	// concatenating each other cannot blow up.
	MaxExpandedBytes int64
	// MaxDepth bounds the nesting of braces, macro arguments and math
	// groups in one value as it is decoded (default
	// latex.DefaultMaxDepth, 1000). Decoding recurses, so a negative value
	// means the default too. Deeper text is kept as written and reported
	// at its field.
	MaxDepth int
	// MaxDiagnosticsPerKind bounds the problems of one kind that are
	// listed (default 100); the rest are counted in a final "N more like
	// this" diagnostic, so that memory does not grow with the input.
	MaxDiagnosticsPerKind int
}

// The default limits.
const (
	DefaultMaxEntryBytes         = 16 << 20
	DefaultMaxValueBytes         = 1 << 20
	DefaultMaxExpandedBytes      = 64 << 20
	DefaultMaxDiagnosticsPerKind = 100
)

// limit returns v, or def when v is zero, or no limit at all when v is
// negative.
func limit(v, def int64) int64 {
	switch {
	case v == 0:
		return def
	case v < 0:
		return math.MaxInt64
	}
	return v
}

// readSize is how much input the Decoder reads at a time.
const readSize = 64 << 10

// Decoder reads bib.Items from a BibTeX/BibLaTeX stream. It holds the
// current entry, the @string macros and a hash of each key read; the
// entries other entries may inherit from (crossref and xdata targets) and
// the entries waiting for a target not seen yet are kept serialized, in a
// temporary file beyond a few MiB, with an index in memory (see store).
// Memory does not grow with the rest of the file.
//
// Items come in file order, except that an entry waiting for its crossref
// or xdata target comes right after that target. @xdata entries are
// consumed by inheritance and not returned.
type Decoder struct {
	r    io.Reader
	name string
	opts DecodeOptions
	p    parser
	lc   lineCounter // positions in the block being handled

	buf      string // input read but not parsed yet
	base     int    // offset of buf in the input
	line     int    // line number of buf[0]
	lineOff  int    // offset of the start of that line
	eof      bool
	readErr  error
	warned8  bool // warned about invalid UTF-8
	finished bool // held entries were flushed at the end

	macros    map[string]string
	dropped   map[string]bool // macros whose definitions were too long
	preambles []string
	lower     map[string]string // field name -> lower case, to avoid allocating per field
	nameBuf   []string          // scratch for the names of one list
	// nameSlab holds the name lists of the item NextInto decodes, while
	// slabNames is set (see nameSpace).
	nameSlab  []bib.Name
	slabNames bool
	diags     diag.Capped // problems, the first MaxDiagnosticsPerKind of each kind

	// The limits, resolved from the options.
	maxEntry, maxValue int
	expandLeft         int64 // what macros may still expand to
	// valid is the length of the prefix of buf known to be valid UTF-8.
	valid int
	index int // number of entries read, for ordering

	itemPos diag.Pos // where the entry of the item last returned starts
	// keepAll keeps every entry as a possible target (Decode, which holds
	// all items anyway, sets it when the input mentions crossref or xdata).
	keepAll bool

	seen    map[uint64]struct{} // hashes of the keys read (lower case)
	targets *store              // entries kept for inheritance (lower-case key), and waiting ones
	wanted  map[string]bool     // keys some entry refers to
	// incomplete are targets still waiting for targets of their own:
	// entries that inherit from them wait until they are complete.
	incomplete map[string]bool
	// waitOn lists, for each target key not read yet, the entries waiting
	// for it.
	waitOn map[string][]*waiter
	ready  []*rawEntry // entries to return
	free   *rawEntry   // an entry Next is done with, for reuse
}

// waiter is an entry waiting for crossref or xdata targets not read yet;
// the entry itself is in the store under waitKey(index).
type waiter struct {
	index   int
	pending int      // targets not read yet
	keys    []string // keys the entry is also stored under as a target
}

func waitKey(index int) string { return "\x00" + strconv.Itoa(index) }

// rawField is a field with its value resolved to one TeX string.
type rawField struct {
	name string // lower case
	tex  string
	pos  diag.Pos
}

// rawEntry is an entry after macro expansion, before conversion.
type rawEntry struct {
	typ, key string // type lower case
	pos      diag.Pos
	fields   []rawField
	index    int
	deps     []string // lower-case keys of crossref and xdata targets
}

func (e *rawEntry) get(name string) (string, bool) {
	for i := range e.fields {
		if e.fields[i].name == name {
			return e.fields[i].tex, true
		}
	}
	return "", false
}

func (e *rawEntry) has(name string) bool {
	_, ok := e.get(name)
	return ok
}

// monthMacros are BibTeX's predefined @string macros.
var monthMacros = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
	"jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

// NewDecoder returns a Decoder reading r; name is used in positions.
func NewDecoder(r io.Reader, name string, opts DecodeOptions) *Decoder {
	d := &Decoder{
		r: r, name: name, opts: opts, line: 1, p: parser{reuse: true},
		macros:     make(map[string]string, len(monthMacros)+len(opts.Macros)),
		dropped:    map[string]bool{},
		lower:      map[string]string{},
		seen:       map[uint64]struct{}{},
		targets:    newStore(name),
		wanted:     map[string]bool{},
		incomplete: map[string]bool{},
		waitOn:     map[string][]*waiter{},

		maxEntry:   int(limit(int64(opts.MaxEntryBytes), DefaultMaxEntryBytes)),
		maxValue:   int(limit(int64(opts.MaxValueBytes), DefaultMaxValueBytes)),
		expandLeft: limit(opts.MaxExpandedBytes, DefaultMaxExpandedBytes),
		diags:      diag.Capped{Max: int(limit(int64(opts.MaxDiagnosticsPerKind), DefaultMaxDiagnosticsPerKind))},
	}
	for k, v := range monthMacros {
		d.macros[k] = v
	}
	for k, v := range opts.Macros {
		d.macros[strings.ToLower(k)] = v
	}
	return d
}

// Decode reads every item of src. Unlike the Decoder, it returns the items
// in file order even when an entry comes before its crossref target.
func Decode(filename string, src []byte, opts DecodeOptions) ([]bib.Item, diag.List) {
	d := NewDecoder(bytes.NewReader(src), filename, opts)
	d.keepAll = containsFold(src, "crossref") || containsFold(src, "xdata")
	return d.all(), d.Diagnostics()
}

// all reads every item, in input order.
func (d *Decoder) all() []bib.Item {
	type indexed struct {
		i  int
		it bib.Item
	}
	var all []indexed
	for {
		e := d.nextEntry()
		if e == nil {
			break
		}
		all = append(all, indexed{e.index, d.item(e)})
	}
	slices.SortFunc(all, func(a, b indexed) int { return a.i - b.i })
	items := make([]bib.Item, len(all))
	for i := range all {
		items[i] = all[i].it
	}
	return items
}

// Next returns the next item, or io.EOF after the last one. A read error
// of the underlying reader is returned as is; syntax problems are not
// errors here but go to Diagnostics.
func (d *Decoder) Next() (bib.Item, error) {
	e := d.nextEntry()
	if e == nil {
		if d.readErr != nil {
			return bib.Item{}, d.readErr
		}
		return bib.Item{}, io.EOF
	}
	it := d.item(e)
	d.itemPos = e.pos
	d.free = e
	return it, nil
}

// NextInto is Next decoding into *it: the maps of the item *it held are
// cleared and refilled rather than made anew, which saves a program that
// writes each item and forgets it (a conversion) most of the allocation per
// item. The item equals the one Next would return; the caller must not keep
// the previous item's maps or name lists, which are refilled.
func (d *Decoder) NextInto(it *bib.Item) error {
	e := d.nextEntry()
	if e == nil {
		*it = bib.Item{}
		if d.readErr != nil {
			return d.readErr
		}
		return io.EOF
	}
	// The previous item's name lists are given up with it: their slots
	// hold this item's.
	d.nameSlab, d.slabNames = d.nameSlab[:0], true
	d.itemInto(it, e)
	d.slabNames = false
	d.itemPos = e.pos
	d.free = e
	return nil
}

// ItemPos returns where the entry of the item Next returned last starts,
// for diagnostics about the item found later (what an output format
// cannot hold).
func (d *Decoder) ItemPos() diag.Pos { return d.itemPos }

// Preambles returns the TeX of the @preamble blocks read so far, macros
// expanded, so that a program writing the items back can keep them
// (Encoder.Preamble).
func (d *Decoder) Preambles() []string { return slices.Clone(d.preambles) }

// Diagnostics returns the problems found so far, sorted by position: the
// first MaxDiagnosticsPerKind of each kind, and for each kind with more a
// diagnostic counting the rest at the first one left out.
func (d *Decoder) Diagnostics() diag.List { return d.diags.List() }

func (d *Decoder) warnf(pos diag.Pos, format string, args ...any) {
	d.diags.Warnf(pos, format, args...)
}

func (d *Decoder) errorf(pos diag.Pos, format string, args ...any) {
	d.diags.Errorf(pos, format, args...)
}

func (d *Decoder) nextEntry() *rawEntry {
	for len(d.ready) == 0 {
		b, ok := d.nextBlock()
		if !ok {
			if d.finished {
				if err := d.targets.err; err != nil {
					d.errorf(diag.Pos{File: d.name}, "crossref/xdata targets could not be kept in a temporary file (%v); some were not inherited", err)
					d.targets.err = nil
				}
				d.targets.close()
				return nil
			}
			d.finished = true
			// Entries whose targets never came, in file order.
			var rest []*waiter
			for _, ws := range d.waitOn {
				for _, w := range ws {
					if w.pending > 0 {
						w.pending = 0
						rest = append(rest, w)
					}
				}
			}
			slices.SortFunc(rest, func(a, b *waiter) int { return a.index - b.index })
			for _, w := range rest {
				d.unwait(w)
			}
			d.waitOn = nil
			continue
		}
		d.handle(b)
	}
	e := d.ready[0]
	if len(d.ready) == 1 {
		d.ready = d.ready[:0] // keep the array: usually one entry is queued at a time
	} else {
		d.ready = d.ready[1:]
	}
	return e
}

// nextBlock parses the next block, reading input as needed.
func (d *Decoder) nextBlock() (Block, bool) {
	for {
		if len(d.buf) > 0 {
			p := &d.p
			p.s, p.base, p.eof, p.more, p.errs = d.buf, d.base, d.eof, false, p.errs[:0]
			b, end := p.block(0)
			if !p.more {
				if end > d.valid && !utf8.ValidString(b.Raw) {
					b = d.latin1(b)
				}
				// Positions in the block are counted from where it starts,
				// before advance moves past it.
				d.lc = d.counter()
				for _, e := range p.errs {
					d.diags.Report(d.lc.pos(e.off), e.sev, e.kind, e.message(d.lc.pos))
				}
				d.lc = d.counter()
				d.advance(end)
				return b, true
			}
			if len(d.buf) > d.maxEntry && d.buf[0] == '@' && !d.eof {
				d.skipEntry()
				continue
			}
			// The block needs more input: read as much again as is held,
			// so that parsing it again and again costs linear time.
			d.fill(max(readSize, len(d.buf)))
			continue
		} else if d.eof {
			return Block{}, false
		}
		d.fill(readSize)
	}
}

// skipEntry reports and discards the entry at the start of buf, which is
// longer than MaxEntryBytes, without holding it: it reads on until the
// entry's braces balance, or up to the next line that starts with "@" when
// they never do.
func (d *Decoder) skipEntry() {
	lc := d.counter()
	start := lc.pos(d.base)
	_, o, _ := d.p.entryStart(0)
	closer := byte('}')
	if d.buf[o] == '(' {
		closer = ')'
	}
	key := d.buf[o+1 : min(len(d.buf), o+1+256)]
	if k := strings.IndexAny(key, ", \t\r\n{}()="); k >= 0 {
		key = key[:k]
	}
	key = strings.Clone(key)
	depth, lineStart, j, end := 0, false, o+1, -1
	for end < 0 {
		for ; j < len(d.buf) && end < 0; j++ {
			switch c := d.buf[j]; {
			case c == '\n':
				lineStart = true
				continue
			case c == ' ' || c == '\t' || c == '\r':
				continue
			case c == '@' && lineStart:
				end = j
			case c == '{':
				depth++
			case c == '}' && depth > 0:
				depth--
			case c == closer && depth == 0:
				end = j + 1
			}
			lineStart = false
		}
		if end >= 0 {
			break
		}
		if d.eof {
			end = len(d.buf)
			break
		}
		d.advance(j)
		j = 0
		d.fill(readSize)
	}
	lc = d.counter()
	to := lc.pos(d.base + end)
	d.advance(end)
	d.errorf(start, "entry %q is longer than %d bytes (MaxEntryBytes); skipped up to %d:%d", key, d.maxEntry, to.Line, to.Col)
}

// latin1 re-reads a block that is not valid UTF-8 as Windows-1252; the
// problems found go to d.p.errs.
func (d *Decoder) latin1(b Block) Block {
	if !d.warned8 {
		d.warned8 = true
		lc := d.counter()
		d.warnf(lc.pos(b.Offset), "input is not valid UTF-8; read as Windows-1252 (Latin-1)")
	}
	p := &d.p
	p.s, p.base, p.eof, p.more, p.errs = fromCP1252([]byte(b.Raw)), b.Offset, true, false, p.errs[:0]
	nb, _ := p.block(0)
	return nb
}

// fill reads up to n more bytes of input.
func (d *Decoder) fill(n int) {
	// Read into a fresh buffer that starts with the unparsed rest, and
	// view it as a string without copying: nothing writes to it again.
	buf := make([]byte, len(d.buf)+n)
	copy(buf, d.buf)
	n, err := io.ReadFull(d.r, buf[len(d.buf):])
	if n > 0 {
		d.buf = unsafe.String(&buf[0], len(d.buf)+n)
		d.checkUTF8()
	}
	if err != nil {
		d.eof = true
		if err != io.EOF && err != io.ErrUnexpectedEOF {
			d.readErr = err
		}
	}
}

// checkUTF8 extends the prefix of buf known to be valid UTF-8 over what
// fill added, up to a rune cut by the end of the read, so that blocks in
// it need no check of their own.
func (d *Decoder) checkUTF8() {
	cut := len(d.buf)
	for i := max(d.valid, cut-utf8.UTFMax+1); i < cut; i++ {
		if utf8.RuneStart(d.buf[i]) && !utf8.FullRuneInString(d.buf[i:]) {
			cut = i
			break
		}
	}
	if utf8.ValidString(d.buf[d.valid:cut]) {
		d.valid = cut
	}
}

func (d *Decoder) advance(end int) {
	d.valid = max(d.valid-end, 0)
	consumed := d.buf[:end]
	if n := strings.Count(consumed, "\n"); n > 0 {
		d.line += n
		d.lineOff = d.base + strings.LastIndexByte(consumed, '\n') + 1
	}
	d.buf = d.buf[end:]
	d.base += end
	if len(d.buf) == 0 {
		d.buf = "" // let the last chunk go
	}
}

// counter returns a lineCounter starting at the beginning of buf.
func (d *Decoder) counter() lineCounter {
	return lineCounter{file: d.name, s: d.buf, base: d.base, off: d.base, line: d.line, lineOff: d.lineOff,
		line0: d.line, lineOff0: d.lineOff}
}

// lineCounter turns increasing offsets within s into positions, counting
// lines incrementally.
type lineCounter struct {
	file          string
	s             string
	base, off     int // s starts at base; counted up to off
	line, lineOff int
	// line0 and lineOff0 are line and lineOff at base.
	line0, lineOff0 int
}

func (c *lineCounter) pos(off int) diag.Pos {
	if off < c.off && off >= c.base {
		// Counting goes forward only; start again from s.
		c.off, c.line, c.lineOff = c.base, c.line0, c.lineOff0
	}
	if off >= c.off && off-c.base <= len(c.s) {
		seg := c.s[c.off-c.base : off-c.base]
		if n := strings.Count(seg, "\n"); n > 0 {
			c.line += n
			c.lineOff = c.off + strings.LastIndexByte(seg, '\n') + 1
		}
		c.off = off
	}
	return diag.Pos{File: c.file, Offset: off, Line: c.line, Col: off - c.lineOff + 1}
}

// handle takes one block: @string definitions are recorded, entries are
// resolved and queued.
func (d *Decoder) handle(b Block) {
	switch b.Kind {
	case StringBlock:
		// Macros outlive the input buffer they were read from: they are
		// copied, not to keep the whole buffer alive.
		for _, f := range b.Entry.Fields {
			name := ownedLower(f.Name)
			if v, ok := d.resolve(f.Value, &d.lc, owner{name: f.Name}); ok {
				if len(f.Value) == 1 && f.Value[0].Kind != Macro {
					v = strings.Clone(v) // a view of the input; joined values are new
				}
				d.macros[name] = v
				delete(d.dropped, name)
			} else {
				delete(d.macros, name)
				d.dropped[name] = true
			}
		}
	case PreambleBlock:
		if len(b.Entry.Fields) > 0 {
			if v, ok := d.resolve(b.Entry.Fields[0].Value, &d.lc, owner{preamble: true}); ok {
				d.preambles = append(d.preambles, strings.Clone(v))
			}
		}
	case EntryBlock:
		d.entry(b)
	}
}

// owner says whose value is resolved, for messages: a field of an entry,
// an @string macro (name), or an @preamble.
type owner struct {
	entry, preamble bool
	key, name       string
}

// what names the owner and says what is lost when its value is dropped.
func (o owner) what() (string, string) {
	switch {
	case o.entry:
		return fmt.Sprintf("entry %q, field %q", o.key, o.name), "the field is dropped"
	case o.preamble:
		return "@preamble", "it is dropped"
	}
	return fmt.Sprintf("@string %q", o.name), "the macro is left undefined"
}

// resolve joins the parts of a value into one TeX string, expanding
// macros. It reports false, with an error naming the macro, when a macro
// would make the value longer than MaxValueBytes or exceed what macros may
// expand to in the input, or is one whose definition was dropped.
func (d *Decoder) resolve(v Value, lc *lineCounter, o owner) (string, bool) {
	if len(v) == 1 && v[0].Kind != Macro {
		return v[0].Text, true
	}
	// Measure first, so that nothing is built that would be too long.
	n := 0
	for _, p := range v {
		if p.Kind != Macro {
			n += len(p.Text)
			continue
		}
		name := strings.ToLower(p.Text)
		m, ok := d.macros[name]
		switch {
		case !ok && d.dropped[name]:
			what, lost := o.what()
			d.errorf(lc.pos(p.Offset), "%s: macro %q was left undefined (its definition was too long); %s", what, p.Text, lost)
			return "", false
		case !ok:
			d.warnf(lc.pos(p.Offset), "undefined macro %q (kept as its name)", p.Text)
			n += len(p.Text)
			continue
		}
		if n += len(m); n > d.maxValue {
			what, lost := o.what()
			d.errorf(lc.pos(p.Offset), "%s: expanding macro %q makes the value longer than %d bytes (MaxValueBytes); %s", what, p.Text, d.maxValue, lost)
			return "", false
		}
		if d.expandLeft -= int64(len(m)); d.expandLeft < 0 {
			d.expandLeft = 0
			what, lost := o.what()
			d.errorf(lc.pos(p.Offset), "%s: expanding macro %q exceeds the %d bytes macros may expand to in one input (MaxExpandedBytes); %s",
				what, p.Text, limit(d.opts.MaxExpandedBytes, DefaultMaxExpandedBytes), lost)
			return "", false
		}
		if len(v) == 1 {
			return m, true // a value that is one macro (month = jan): nothing to join
		}
	}
	var sb strings.Builder
	sb.Grow(n)
	for _, p := range v {
		if p.Kind != Macro {
			sb.WriteString(p.Text)
		} else if m, ok := d.macros[strings.ToLower(p.Text)]; ok {
			sb.WriteString(m)
		} else {
			sb.WriteString(p.Text) // undefined: kept as its name
		}
	}
	return sb.String(), true
}

// ownedLower returns s in lower case, in a string that does not share the
// input buffer s is a view of.
func ownedLower(s string) string {
	if l := strings.ToLower(s); unsafe.StringData(l) != unsafe.StringData(s) {
		return l // ToLower made a new string
	}
	return strings.Clone(s)
}

func (d *Decoder) lowerName(s string) string {
	upper := false
	for i := 0; i < len(s) && !upper; i++ {
		upper = s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 0x80
	}
	if !upper {
		return s // most field names are written in lower case
	}
	if l, ok := d.lower[s]; ok {
		return l
	}
	l := strings.ToLower(s)
	if len(d.lower) < 4096 {
		l = strings.Clone(l)
		d.lower[strings.Clone(s)] = l
	}
	return l
}

func (d *Decoder) entry(b Block) {
	lc := &d.lc
	src := b.Entry
	e := d.free
	if e != nil {
		d.free = nil
		*e = rawEntry{fields: e.fields[:0], deps: e.deps[:0]}
	} else {
		e = &rawEntry{fields: make([]rawField, 0, len(src.Fields))}
	}
	e.typ, e.key, e.pos, e.index = d.lowerName(src.Type), src.Key, lc.pos(b.Offset), d.index
	d.index++
	for _, f := range src.Fields {
		name := d.lowerName(f.Name)
		pos := lc.pos(f.Offset)
		if e.has(name) {
			d.warnf(pos, "duplicate field %q in entry %q ignored", f.Name, src.Key)
			continue
		}
		if name[0] == '@' {
			// Extra keys that start with "@" say how the entry itself was
			// written (bib.Item): such a field would overwrite its type.
			d.warnf(pos, "field %q in entry %q: a name that starts with \"@\" is reserved for the entry's own spelling; dropped", f.Name, src.Key)
			continue
		}
		tex, ok := d.resolve(f.Value, lc, owner{entry: true, key: src.Key, name: f.Name})
		if ok {
			e.fields = append(e.fields, rawField{name: name, tex: tex, pos: pos})
		}
	}
	lkey := strings.ToLower(e.key)
	if e.key != "" {
		if d.isSeen(lkey) {
			d.warnf(e.pos, "duplicate key %q", e.key)
		}
		d.markSeen(lkey)
	}
	if !d.opts.NoInherit {
		if v, ok := e.get("crossref"); ok {
			e.deps = append(e.deps, strings.Clone(strings.ToLower(strings.TrimSpace(v))))
		}
		if v, ok := e.get("xdata"); ok {
			for _, k := range strings.Split(v, ",") {
				if k = strings.ToLower(strings.TrimSpace(k)); k != "" && !slices.Contains(e.deps, k) {
					e.deps = append(e.deps, strings.Clone(k))
					if len(e.deps) > 64 {
						d.warnf(e.pos, "entry %q: more than 64 xdata targets; the rest ignored", e.key)
						break
					}
				}
			}
		}
		for _, k := range e.deps {
			d.wanted[k] = true
		}
	}
	var w *waiter
	for _, k := range e.deps {
		if d.incomplete[k] || !d.targets.has(k) && !d.isSeen(k) {
			if w == nil {
				w = &waiter{index: e.index}
			}
			w.pending++
			d.waitOn[k] = append(d.waitOn[k], w)
		}
	}
	if w == nil {
		d.inherit(e)
		d.queue(e)
	} else {
		d.targets.put(waitKey(e.index), e)
	}
	if d.opts.NoInherit || e.key == "" {
		return
	}
	// BibLaTeX's ids field gives the entry other keys a crossref may use.
	keys := []string{lkey}
	if ids, ok := e.get("ids"); ok {
		for _, id := range strings.Split(ids, ",") {
			if id = strings.ToLower(strings.TrimSpace(id)); id != "" && id != lkey {
				keys = append(keys, id)
			}
		}
	}
	for _, k := range keys {
		if d.keepAll || e.typ == "xdata" || parentTypes[e.typ] || d.wanted[k] {
			if !d.targets.has(k) {
				k = strings.Clone(k)
				d.targets.put(k, e)
				if w != nil {
					w.keys = append(w.keys, k)
					d.incomplete[k] = true
				}
			}
		}
		d.markSeen(k)
		if !d.incomplete[k] {
			d.release(k)
		}
	}
}

// isSeen reports whether an entry with the lower-case key was read. Keys
// are remembered by a 64-bit hash, so that memory stays small: a false
// "seen" needs a collision, about 1 in 10^8 for a million keys.
func (d *Decoder) isSeen(key string) bool {
	_, ok := d.seen[maphash.String(seenSeed, key)]
	return ok
}

func (d *Decoder) markSeen(key string) { d.seen[maphash.String(seenSeed, key)] = struct{}{} }

var seenSeed = maphash.MakeSeed()

// release queues the entries that were waiting only for key.
func (d *Decoder) release(key string) {
	ws, ok := d.waitOn[key]
	if !ok {
		return
	}
	delete(d.waitOn, key)
	for _, w := range ws {
		if w.pending--; w.pending == 0 {
			d.unwait(w)
		}
	}
}

// unwait takes a waiting entry out of the store, lets it inherit and
// queues it. An entry that is itself a target is stored again with what it
// inherited, for the entries that inherit from it later.
func (d *Decoder) unwait(w *waiter) {
	key := waitKey(w.index)
	e := d.targets.get(key)
	d.targets.drop(key)
	if e == nil {
		return // the store failed to read it back: reported at the end
	}
	d.inherit(e)
	d.queue(e)
	for _, k := range w.keys {
		d.targets.put(k, e)
		delete(d.incomplete, k)
		d.release(k)
	}
}

func (d *Decoder) queue(e *rawEntry) {
	if e.typ != "xdata" {
		d.ready = append(d.ready, e)
	}
}

// parentTypes are the entry types that crossref targets usually have; the
// Decoder keeps entries of these types for entries that come later.
var parentTypes = map[string]bool{
	"book": true, "mvbook": true, "collection": true, "mvcollection": true, "proceedings": true,
	"mvproceedings": true, "reference": true, "mvreference": true, "periodical": true,
}

// noInherit are the fields a child never takes from its target (BibLaTeX's
// defaults).
var noInherit = map[string]bool{
	"crossref": true, "xref": true, "xdata": true, "ids": true, "entryset": true, "key": true,
	"label": true, "shorthand": true, "sortkey": true, "execute": true, "options": true, "related": true,
}

var (
	bookTypes    = map[string]bool{"book": true, "mvbook": true, "collection": true, "mvcollection": true, "proceedings": true, "mvproceedings": true, "reference": true, "mvreference": true}
	inBookTypes  = map[string]bool{"inbook": true, "incollection": true, "inproceedings": true, "conference": true, "bookinbook": true, "suppbook": true, "suppcollection": true, "inreference": true}
	titleToBook  = map[string]string{"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon", "shorttitle": ""}
	titleToJourn = map[string]string{"title": "journaltitle", "subtitle": "journalsubtitle", "shorttitle": ""}
)

// inherit adds the fields e lacks from its xdata and crossref targets:
// BibTeX copies every missing field; BibLaTeX renames the title fields of
// a book-like target for a part of it (title -> booktitle) and of a
// periodical for an article (title -> journaltitle), and gives the author
// of a book to an @inbook as bookauthor as well.
func (d *Decoder) inherit(e *rawEntry) {
	if len(e.deps) == 0 {
		return
	}
	for _, k := range e.deps {
		t := d.targets.get(k)
		if t == nil {
			if d.isSeen(k) {
				d.warnf(e.pos, "entry %q: crossref/xdata target %q came earlier and was not kept; nothing inherited", e.key, k)
			} else {
				d.warnf(e.pos, "entry %q: crossref/xdata target %q not found", e.key, k)
			}
			continue
		}
		if t.index == e.index {
			continue
		}
		var renames map[string]string
		switch {
		case inBookTypes[e.typ] && bookTypes[t.typ]:
			renames = titleToBook
		case e.typ == "article" && t.typ == "periodical":
			renames = titleToJourn
		}
		n := len(e.fields)
		for _, f := range t.fields {
			if noInherit[f.name] || e.hasVarUpTo(f.name, n) {
				continue
			}
			if _, renamed := renames[f.name]; renamed {
				continue
			}
			e.fields = append(e.fields, f)
		}
		for _, f := range t.fields {
			to, ok := renames[f.name]
			if !ok || to == "" || e.hasVarUpTo(to, len(e.fields)) {
				continue
			}
			f.name = to
			e.fields = append(e.fields, f)
		}
		if (e.typ == "inbook" || e.typ == "bookinbook") && bookTypes[t.typ] && !e.has("bookauthor") {
			if a, ok := t.get("author"); ok {
				e.fields = append(e.fields, rawField{name: "bookauthor", tex: a, pos: t.pos})
			}
		}
	}
	// The xdata fields are now the entry's own; the reference itself would
	// only point at an entry the items do not contain.
	e.fields = slices.DeleteFunc(e.fields, func(f rawField) bool { return f.name == "xdata" })
}

// hasVarUpTo reports whether one of the first n fields is called name or
// carries the same CSL variable (so a child with a journal does not take
// its target's journaltitle, nor one with a year the target's date).
func (e *rawEntry) hasVarUpTo(name string, n int) bool {
	v := varOfField(name)
	for i := 0; i < n && i < len(e.fields); i++ {
		if f := e.fields[i].name; f == name || v != "" && varOfField(f) == v {
			return true
		}
	}
	return false
}

// varOfField returns the CSL variable a field maps to, or "" if it is kept
// in Extra. The number field counts as "number" whatever the entry type.
func varOfField(name string) string {
	if r := fieldRules[name]; r != nil {
		if name == "number" {
			return "number"
		}
		return r.Var
	}
	if bib.KindOf(name) != bib.KindUnknown {
		return name
	}
	return ""
}

// containsFold reports whether src contains the lower-case ASCII word w in
// any case.
func containsFold(src []byte, w string) bool {
	for i := 0; i+len(w) <= len(src); {
		j := bytes.IndexAny(src[i:], w[:1]+strings.ToUpper(w[:1]))
		if j < 0 || i+j+len(w) > len(src) {
			return false
		}
		i += j
		if bytes.EqualFold(src[i:i+len(w)], []byte(w)) {
			return true
		}
		i++
	}
	return false
}
