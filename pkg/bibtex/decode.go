package bibtex

import (
	"bytes"
	"io"
	"slices"
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
}

// readSize is how much input the Decoder reads at a time.
const readSize = 64 << 10

// Decoder reads bib.Items from a BibTeX/BibLaTeX stream. It holds the
// current entry, the @string macros, the entries other entries may inherit
// from (crossref and xdata targets), and the entries waiting for a target
// not seen yet; memory does not grow with the rest of the file.
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
	preambles []string
	lower     map[string]string // field name -> lower case, to avoid allocating per field
	diags     diag.List
	index     int // number of entries read, for ordering
	// keepAll keeps every entry as a possible target (Decode, which holds
	// all items anyway, sets it when the input mentions crossref or xdata).
	keepAll bool

	seen    map[string]bool      // keys read (lower case), for duplicates
	targets map[string]*rawEntry // entries kept for inheritance (lower-case key)
	wanted  map[string]bool      // keys some entry refers to
	// waitOn lists, for each target key not read yet, the entries waiting
	// for it.
	waitOn map[string][]*rawEntry
	ready  []*rawEntry // entries to return
	free   *rawEntry   // an entry Next is done with, for reuse
}

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
	pending  int      // targets not read yet
	kept     bool     // held as a target or waiting: not to be recycled
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
		macros:  make(map[string]string, len(monthMacros)+len(opts.Macros)),
		lower:   map[string]string{},
		seen:    map[string]bool{},
		targets: map[string]*rawEntry{},
		wanted:  map[string]bool{},
		waitOn:  map[string][]*rawEntry{},
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
	return items, d.Diagnostics()
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
	if !e.kept {
		d.free = e
	}
	return it, nil
}

// Preambles returns the TeX of the @preamble blocks read so far, macros
// expanded, so that a program writing the items back can keep them
// (Encoder.Preamble).
func (d *Decoder) Preambles() []string { return slices.Clone(d.preambles) }

// Diagnostics returns every problem found so far, sorted by position.
func (d *Decoder) Diagnostics() diag.List { return d.diags.Sorted() }

func (d *Decoder) nextEntry() *rawEntry {
	for len(d.ready) == 0 {
		b, ok := d.nextBlock()
		if !ok {
			if d.finished {
				return nil
			}
			d.finished = true
			// Entries whose targets never came, in file order.
			var rest []*rawEntry
			for _, es := range d.waitOn {
				for _, e := range es {
					if e.pending > 0 {
						e.pending = 0
						rest = append(rest, e)
					}
				}
			}
			slices.SortFunc(rest, func(a, b *rawEntry) int { return a.index - b.index })
			for _, e := range rest {
				d.inherit(e)
				d.queue(e)
			}
			d.waitOn = nil
			continue
		}
		d.handle(b)
	}
	e := d.ready[0]
	d.ready = d.ready[1:]
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
				if !utf8.ValidString(b.Raw) {
					b = d.latin1(b)
				}
				// Positions in the block are counted from where it starts,
				// before advance moves past it.
				d.lc = d.counter()
				for _, e := range p.errs {
					d.diags.Add(d.lc.pos(e.off), e.sev, "%s", e.msg)
				}
				d.lc = d.counter()
				d.advance(end)
				return b, true
			}
		} else if d.eof {
			return Block{}, false
		}
		d.fill()
	}
}

// latin1 re-reads a block that is not valid UTF-8 as Windows-1252; the
// problems found go to d.p.errs.
func (d *Decoder) latin1(b Block) Block {
	if !d.warned8 {
		d.warned8 = true
		lc := d.counter()
		d.diags.Warnf(lc.pos(b.Offset), "input is not valid UTF-8; read as Windows-1252 (Latin-1)")
	}
	p := &d.p
	p.s, p.base, p.eof, p.more, p.errs = fromCP1252([]byte(b.Raw)), b.Offset, true, false, p.errs[:0]
	nb, _ := p.block(0)
	return nb
}

func (d *Decoder) fill() {
	// Read into a fresh buffer that starts with the unparsed rest, and
	// view it as a string without copying: nothing writes to it again.
	buf := make([]byte, len(d.buf)+readSize)
	copy(buf, d.buf)
	n, err := io.ReadFull(d.r, buf[len(d.buf):])
	if n > 0 {
		d.buf = unsafe.String(&buf[0], len(d.buf)+n)
	}
	if err != nil {
		d.eof = true
		if err != io.EOF && err != io.ErrUnexpectedEOF {
			d.readErr = err
		}
	}
}

func (d *Decoder) advance(end int) {
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
		for _, f := range b.Entry.Fields {
			d.macros[strings.ToLower(f.Name)] = d.resolve(f.Value, &d.lc)
		}
	case PreambleBlock:
		if len(b.Entry.Fields) > 0 {
			d.preambles = append(d.preambles, d.resolve(b.Entry.Fields[0].Value, &d.lc))
		}
	case EntryBlock:
		d.entry(b)
	}
}

// resolve joins the parts of a value into one TeX string, expanding macros.
func (d *Decoder) resolve(v Value, lc *lineCounter) string {
	if len(v) == 1 && v[0].Kind != Macro {
		return v[0].Text
	}
	var sb strings.Builder
	for _, p := range v {
		if p.Kind != Macro {
			sb.WriteString(p.Text)
			continue
		}
		m, ok := d.macros[strings.ToLower(p.Text)]
		if !ok {
			d.diags.Warnf(lc.pos(p.Offset), "undefined macro %q (kept as its name)", p.Text)
			m = p.Text
		}
		sb.WriteString(m)
	}
	return sb.String()
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
		d.lower[s] = l
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
			d.diags.Warnf(pos, "duplicate field %q in entry %q ignored", f.Name, src.Key)
			continue
		}
		e.fields = append(e.fields, rawField{name: name, tex: d.resolve(f.Value, lc), pos: pos})
	}
	lkey := strings.ToLower(e.key)
	if e.key != "" {
		if d.seen[lkey] {
			d.diags.Warnf(e.pos, "duplicate key %q", e.key)
		}
		d.seen[lkey] = true
	}
	if !d.opts.NoInherit {
		if v, ok := e.get("crossref"); ok {
			e.deps = append(e.deps, strings.ToLower(strings.TrimSpace(v)))
		}
		if v, ok := e.get("xdata"); ok {
			for _, k := range strings.Split(v, ",") {
				if k = strings.ToLower(strings.TrimSpace(k)); k != "" && !slices.Contains(e.deps, k) {
					e.deps = append(e.deps, k)
					if len(e.deps) > 64 {
						d.diags.Warnf(e.pos, "entry %q: more than 64 xdata targets; the rest ignored", e.key)
						break
					}
				}
			}
		}
		for _, k := range e.deps {
			d.wanted[k] = true
		}
	}
	for _, k := range e.deps {
		if d.targets[k] == nil && !d.seen[k] {
			e.pending++
			e.kept = true
			d.waitOn[k] = append(d.waitOn[k], e)
		}
	}
	if e.pending == 0 {
		d.inherit(e)
		d.queue(e)
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
			if d.targets[k] == nil {
				d.targets[k] = e
				e.kept = true
			}
		}
		d.seen[k] = true
		d.release(k)
	}
}

// release queues the entries that were waiting only for key.
func (d *Decoder) release(key string) {
	es, ok := d.waitOn[key]
	if !ok {
		return
	}
	delete(d.waitOn, key)
	for _, e := range es {
		if e.pending--; e.pending == 0 {
			d.inherit(e)
			d.queue(e)
		}
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
		t := d.targets[k]
		if t == nil {
			if d.seen[k] {
				d.diags.Warnf(e.pos, "entry %q: crossref/xdata target %q came earlier and was not kept; nothing inherited", e.key, k)
			} else {
				d.diags.Warnf(e.pos, "entry %q: crossref/xdata target %q not found", e.key, k)
			}
			continue
		}
		if t == e {
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
