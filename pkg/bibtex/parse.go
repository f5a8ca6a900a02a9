package bibtex

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/manba/manba/pkg/diag"
)

// Parse reads a BibTeX/BibLaTeX file into a syntax tree. It never fails as
// a whole: on a syntax error it records the problem, keeps the fields of
// the broken entry read so far, and resumes at the next "@" that starts an
// entry outside the broken entry's values (see parser.resume), reporting
// the text it skipped. The returned list holds every problem, sorted by
// position.
//
// Input that is not valid UTF-8 is read as Windows-1252 (Latin-1), with a
// warning.
func Parse(filename string, src []byte) (*File, diag.List) {
	f := &File{Name: filename}
	var diags diag.List
	if utf8.Valid(src) {
		f.src = string(src)
	} else {
		f.src = fromCP1252(src)
		f.Latin1 = true
	}
	p := parser{s: f.src, eof: true}
	for i := 0; i < len(p.s); {
		b, end := p.block(i)
		f.Blocks = append(f.Blocks, b)
		i = end
	}
	if f.Latin1 {
		diags.Warnf(f.Pos(0), "input is not valid UTF-8; read as Windows-1252 (Latin-1)")
	}
	for _, e := range p.errs {
		diags.Add(f.Pos(e.off), e.sev, "%s", e.message(f.Pos))
	}
	diags.Sort()
	return f, diags
}

// problem is a diagnostic before its offset is turned into a position.
type problem struct {
	off  int
	sev  diag.Severity
	kind string // the message's format, to count problems of a kind
	msg  string
	// to, when not negative, is the offset where a skipped span ends; the
	// message then ends with its position.
	to int
}

// message returns the problem's text, with the end of a skipped span
// turned into a position by pos.
func (e problem) message(pos func(int) diag.Pos) string {
	if e.to < 0 {
		return e.msg
	}
	if p := pos(e.to); p.Line > 0 {
		return fmt.Sprintf("%s at %d:%d", e.msg, p.Line, p.Col)
	}
	return e.msg
}

// parser scans blocks out of s. Offsets it records are s offsets plus base.
// When eof is false, s is a window on a longer input: a scan that reaches
// the end of s sets more, and the caller must read more input and parse the
// block again.
type parser struct {
	s    string
	base int
	eof  bool
	more bool
	errs []problem
	// start is the offset of the block being parsed; recovery never
	// resumes at or before it.
	start int
	// key is the key of the entry being parsed, once read, for messages.
	key string

	// Scratch space and a slab for values, so that an entry costs few
	// allocations.
	ftmp  []Field
	parts []Part
	slab  []Part
	// reuse makes every block share one Entry, its Fields and the slab;
	// set by the Decoder, which is done with a block before the next.
	reuse bool
	spare Entry
}

// keep copies the parts of a value to the slab.
func (p *parser) keep(parts []Part) Value {
	if cap(p.slab)-len(p.slab) < len(parts) {
		p.slab = make([]Part, 0, max(512, len(parts)))
	}
	n := len(p.slab)
	p.slab = append(p.slab, parts...)
	return p.slab[n:len(p.slab):len(p.slab)]
}

// idChar reports the bytes BibTeX allows in entry types, field names and
// macro names: anything printable but `"#%'(),={}`. Bytes of non-ASCII
// UTF-8 sequences are allowed, so keys and names may be in any script.
var idChar = func() (t [256]bool) {
	for c := 0x21; c < 256; c++ {
		t[c] = !strings.ContainsRune("\"#%'(),={}\x7f", rune(c))
	}
	return t
}()

// isSpace reports ASCII white space: a table lookup, since the parser and
// the decoder ask for every byte of most values.
func isSpace(c byte) bool { return spaceTab[c] }

var spaceTab = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true}

// errorf records a syntax error; inside an entry whose key is known, the
// message names the entry.
func (p *parser) errorf(off int, format string, args ...any) {
	p.report(off, diag.Error, format, args...)
}

func (p *parser) warnf(off int, format string, args ...any) {
	p.report(off, diag.Warning, format, args...)
}

func (p *parser) report(off int, sev diag.Severity, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if p.key != "" {
		msg = fmt.Sprintf("entry %q: %s", p.key, msg)
	}
	p.errs = append(p.errs, problem{off: p.base + off, sev: sev, kind: format, msg: msg, to: -1})
}

// atEnd reports whether j is past the end of s, and flags that more input
// is needed when s is not the whole input.
func (p *parser) atEnd(j int) bool {
	if j < len(p.s) {
		return false
	}
	if !p.eof {
		p.more = true
	}
	return true
}

// ws skips white space and % comments (which run to the end of the line).
func (p *parser) ws(j int) int {
	s := p.s
	for j < len(s) {
		c := s[j]
		if isSpace(c) {
			j++
			continue
		}
		if c != '%' {
			break
		}
		k := strings.IndexByte(s[j:], '\n')
		if k < 0 {
			return len(s)
		}
		j += k + 1
	}
	return j
}

// block parses the block that starts at i and returns it with the offset
// just past it.
func (p *parser) block(i int) (Block, int) {
	if p.s[i] == '@' {
		if b, end, ok := p.entry(i); ok {
			return b, end
		}
	}
	return p.text(i)
}

// entryStart reports whether an entry starts with the '@' at i: a type name
// followed by '{' or '('. It returns the type and the offset of the opening
// delimiter.
func (p *parser) entryStart(i int) (typ string, open int, ok bool) {
	s := p.s
	j := i + 1
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	k := j
	for k < len(s) && idChar[s[k]] {
		k++
	}
	if k == j {
		p.atEnd(k)
		return "", 0, false
	}
	o := k
	for o < len(s) && isSpace(s[o]) {
		o++
	}
	if p.atEnd(o) || (s[o] != '{' && s[o] != '(') {
		return "", 0, false
	}
	return s[j:k], o, true
}

// text scans text outside entries, up to the next '@' that starts an entry.
// A '%' comment hides '@' signs up to the end of its line.
func (p *parser) text(i int) (Block, int) {
	s := p.s
	j := i
	if s[j] == '@' {
		j++
	}
	for {
		k := strings.IndexAny(s[j:], "@%")
		if k < 0 {
			j = len(s)
			break
		}
		j += k
		if s[j] == '%' {
			e := strings.IndexByte(s[j:], '\n')
			if e < 0 {
				j = len(s)
				break
			}
			j += e + 1
			continue
		}
		if _, _, ok := p.entryStart(j); ok || p.more {
			break
		}
		j++
	}
	if j >= len(s) && !p.eof {
		p.more = true
	}
	if p.more {
		// Hand out the complete lines now so that long stretches of text
		// do not have to be held in memory; a long line without a newline
		// goes out up to where the scan stopped.
		if nl := strings.LastIndexByte(s[i:j], '\n'); nl >= 0 {
			p.more = false
			j = i + nl + 1
		} else if j-i >= readSize {
			p.more = false
		}
	}
	return Block{Kind: TextBlock, Offset: p.base + i, Raw: s[i:j]}, j
}

// recover returns where parsing resumes after a syntax error at from (see
// resume) and reports the text skipped to get there, unless it holds
// nothing but white space and closing delimiters.
func (p *parser) recover(from int) int {
	to := p.resume(from)
	if p.more || to <= from {
		return to
	}
	if skipped := p.s[from:to]; strings.Trim(skipped, " \t\r\n\f\v})") != "" {
		where := "the next entry"
		if to == len(p.s) {
			where = "the end of the input"
		}
		p.errs = append(p.errs, problem{off: p.base + from, sev: diag.Warning, kind: "skipped",
			msg: fmt.Sprintf("skipped %d bytes to %s", len(skipped), where), to: p.base + to})
	}
	return to
}

// resume returns where parsing resumes after a syntax error at or after
// from: at the start of the line holding from if that line starts with
// "@" (as when a closing brace is missing), else at the next "@" that
// starts an entry, either at the start of a line or outside the braces and
// quotes of the broken entry's values.
func (p *parser) resume(from int) int {
	s := p.s
	if ls := strings.LastIndexByte(s[:from], '\n') + 1; ls > p.start {
		l := ls
		for l < len(s) && (s[l] == ' ' || s[l] == '\t') {
			l++
		}
		if l < len(s) && s[l] == '@' {
			return ls
		}
	}
	depth, quoted, lineStart := 0, false, false
	for j := from; j < len(s); j++ {
		c := s[j]
		switch c {
		case '\n':
			lineStart = true
			continue
		case ' ', '\t', '\r':
			continue
		case '{':
			depth++
		case '}':
			depth = max(depth-1, 0)
		case '"':
			quoted = quoted != (depth == 0)
		case '%':
			if depth == 0 && !quoted {
				if k := strings.IndexByte(s[j:], '\n'); k >= 0 {
					j += k - 1
					continue
				}
				j = len(s)
			}
		case '@':
			if lineStart || depth == 0 && !quoted {
				if _, _, ok := p.entryStart(j); ok {
					return j
				}
				if p.more {
					return len(s)
				}
			}
		}
		lineStart = false
	}
	p.atEnd(len(s))
	return len(s)
}

// entry parses the @type{...} block at i. ok is false when the '@' does not
// start an entry at all, so that it is text.
func (p *parser) entry(i int) (b Block, end int, ok bool) {
	typ, o, ok := p.entryStart(i)
	if !ok {
		return Block{}, 0, false
	}
	s := p.s
	p.start, p.key = i, ""
	defer func() { p.key = "" }()
	var e *Entry
	if p.reuse {
		p.spare = Entry{Type: typ, Delim: s[o]}
		p.slab = p.slab[:0]
		e = &p.spare
	} else {
		e = &Entry{Type: typ, Delim: s[o]}
	}
	closer := byte('}')
	if e.Delim == '(' {
		closer = ')'
	}
	b = Block{Kind: EntryBlock, Offset: p.base + i, Entry: e}
	p.ftmp = p.ftmp[:0]
	switch strings.ToLower(typ) {
	case "comment":
		b.Kind, b.Entry = CommentBlock, nil
		end = p.comment(i, o, closer)
	case "preamble":
		b.Kind = PreambleBlock
		end = p.preamble(e, i, o, closer)
	case "string":
		b.Kind = StringBlock
		end = p.fields(e, i, p.ws(o+1), closer)
	default:
		end = p.keyAndFields(e, i, o, closer)
	}
	if !e.Complete {
		p.within(e, end)
	}
	switch {
	case len(p.ftmp) > 0 && p.reuse:
		e.Fields = p.ftmp
	case len(p.ftmp) > 0:
		e.Fields = slices.Clone(p.ftmp)
	}
	b.Raw = s[i:end]
	return b, end, true
}

// within drops the key and the fields of a broken entry that lie at or
// after end. Parsing resumes at the start of a line that begins with "@"
// even when the broken entry read on into that line (a key or a field name
// taken from the next entry's "@type"); that text belongs to the block
// that starts there, so an entry holds only what its own Raw says, and a
// tool that rewrites the next block (tidy) cannot change the broken one.
func (p *parser) within(e *Entry, end int) {
	end += p.base
	if e.KeyOffset >= end {
		e.Key, e.KeyOffset = "", 0
	}
	n := 0
	for _, f := range p.ftmp {
		if f.Offset < end && valueEnd(f.Value) <= end {
			p.ftmp[n] = f
			n++
		}
	}
	p.ftmp = p.ftmp[:n]
}

// valueEnd returns the offset just after the last part of v.
func valueEnd(v Value) int {
	if len(v) == 0 {
		return 0
	}
	last := v[len(v)-1]
	if last.Kind == Braced || last.Kind == Quoted {
		return last.Offset + len(last.Text) + 2
	}
	return last.Offset + len(last.Text)
}

// comment skips a balanced @comment{...} body. BibTeX itself skips only
// the word @comment and reads the rest as text outside entries, so a body
// whose braces do not balance before the next entry is not an error: the
// block then runs up to that entry.
func (p *parser) comment(i, o int, closer byte) int {
	s, depth := p.s, 0
	open := s[o]
	limit := p.resume(o)
	if p.more {
		return len(s)
	}
	for j := o; j < limit; j++ {
		switch s[j] {
		case open:
			depth++
		case closer:
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return limit
}

func (p *parser) preamble(e *Entry, i, o int, closer byte) int {
	s := p.s
	j := p.ws(o + 1)
	if p.atEnd(j) {
		return p.unterminated(i)
	}
	if s[j] == closer { // @preamble{}
		e.Complete = true
		return j + 1
	}
	v, k, ok := p.value(j)
	if !ok {
		return k
	}
	p.ftmp = append(p.ftmp, Field{Offset: p.base + j, Value: v})
	k = p.ws(k)
	if p.atEnd(k) {
		return p.unterminated(i)
	}
	if s[k] != closer {
		p.errorf(k, "unexpected %s in @preamble, expected %q", quoteByte(s, k), closer)
		return p.recover(k)
	}
	e.Complete = true
	return k + 1
}

func (p *parser) unterminated(i int) int {
	if !p.eof {
		return len(p.s)
	}
	p.errorf(i, "unterminated entry")
	return len(p.s)
}

// keyAndFields parses "key, fields..." after the opening delimiter at o.
func (p *parser) keyAndFields(e *Entry, i, o int, closer byte) int {
	s := p.s
	j := p.ws(o + 1)
	k := j
	for k < len(s) {
		c := s[k]
		if isSpace(c) || c == ',' || c == '{' || c == '}' || c == '=' || c == closer {
			break
		}
		k++
	}
	if p.atEnd(k) {
		return p.unterminated(i)
	}
	n := p.ws(k)
	if p.atEnd(n) {
		return p.unterminated(i)
	}
	switch {
	case s[n] == '=' && k > j:
		// "@misc{title = ...": no key; the word is the first field name.
		p.errorf(j, "entry has no key")
		return p.fields(e, i, j, closer)
	case s[n] == ',':
		e.Key, e.KeyOffset = s[j:k], p.base+j
		p.key = e.Key
		return p.fields(e, i, n+1, closer)
	case s[n] == closer:
		e.Key, e.KeyOffset = s[j:k], p.base+j
		if k == j {
			p.warnf(i, "empty entry")
		}
		e.Complete = true
		return n + 1
	}
	e.Key, e.KeyOffset = s[j:k], p.base+j
	p.key = e.Key
	p.errorf(n, "unexpected %s after the entry key, expected ','", quoteByte(s, n))
	return p.recover(n)
}

// fields parses "name = value" pairs separated by commas, up to closer.
func (p *parser) fields(e *Entry, i, j int, closer byte) int {
	s := p.s
	for {
		j = p.ws(j)
		if p.atEnd(j) {
			return p.unterminated(i)
		}
		c := s[j]
		if c == closer {
			e.Complete = true
			return j + 1
		}
		if c == ',' {
			j++
			continue
		}
		k := j
		for k < len(s) && idChar[s[k]] {
			k++
		}
		if k == j {
			p.errorf(j, "unexpected %s, expected a field name", quoteByte(s, j))
			return p.recover(j)
		}
		name := s[j:k]
		k = p.ws(k)
		if p.atEnd(k) {
			return p.unterminated(i)
		}
		if s[k] != '=' {
			p.errorf(k, "unexpected %s after field name %q, expected '='", quoteByte(s, k), name)
			return p.recover(k)
		}
		k = p.ws(k + 1)
		if p.atEnd(k) {
			return p.unterminated(i)
		}
		v, k, ok := p.value(k)
		if !ok {
			return k
		}
		p.ftmp = append(p.ftmp, Field{Name: name, Offset: p.base + j, Value: v})
		k = p.ws(k)
		if p.atEnd(k) {
			return p.unterminated(i)
		}
		if s[k] == ',' || s[k] == closer {
			j = k
			continue
		}
		if p.fieldStart(k) {
			p.errorf(k, "missing ',' before field")
			j = k
			continue
		}
		p.errorf(k, "unexpected %s after the value of %q, expected ',' or %q", quoteByte(s, k), name, closer)
		return p.recover(k)
	}
}

// fieldStart reports whether "name =" follows at j.
func (p *parser) fieldStart(j int) bool {
	s := p.s
	k := j
	for k < len(s) && idChar[s[k]] {
		k++
	}
	if k == j {
		return false
	}
	k = p.ws(k)
	return k < len(s) && s[k] == '='
}

// value parses parts joined by '#'. When ok is false the error is recorded
// and end is where parsing resumes.
func (p *parser) value(j int) (v Value, end int, ok bool) {
	s := p.s
	p.parts = p.parts[:0]
	for {
		part, k, ok := p.part(j)
		if !ok {
			return p.keep(p.parts), k, false
		}
		p.parts = append(p.parts, part)
		n := p.ws(k)
		if p.atEnd(n) || s[n] != '#' {
			return p.keep(p.parts), k, true
		}
		j = p.ws(n + 1)
		if p.atEnd(j) {
			return v, p.unterminated(j), false
		}
	}
}

func (p *parser) part(j int) (Part, int, bool) {
	s := p.s
	c := s[j]
	switch {
	case c == '{':
		if k := closeBrace(s, j); k >= 0 {
			return Part{Kind: Braced, Text: s[j+1 : k], Offset: p.base + j}, k + 1, true
		}
		if p.atEnd(len(s)) && !p.eof {
			return Part{}, len(s), false
		}
		p.errorf(j, "unterminated '{' (unbalanced braces)")
		return Part{}, p.recover(j), false
	case c == '"':
		// Most quoted values hold no braces: then the next quote ends them.
		if q := strings.IndexByte(s[j+1:], '"'); q >= 0 && !strings.ContainsAny(s[j+1:j+1+q], "{}") {
			return Part{Kind: Quoted, Text: s[j+1 : j+1+q], Offset: p.base + j}, j + q + 2, true
		}
		depth := 0
		for k := j + 1; k < len(s); k++ {
			switch s[k] {
			case '{':
				depth++
			case '}':
				depth--
				if depth < 0 {
					p.errorf(k, "unbalanced '}' in quoted value")
					return Part{}, p.recover(k), false
				}
			case '"':
				if depth == 0 {
					return Part{Kind: Quoted, Text: s[j+1 : k], Offset: p.base + j}, k + 1, true
				}
			}
		}
		if p.atEnd(len(s)) && !p.eof {
			return Part{}, len(s), false
		}
		p.errorf(j, "unterminated quoted value")
		return Part{}, p.recover(j), false
	case idChar[c]:
		k := j
		for k < len(s) && idChar[s[k]] {
			k++
		}
		if p.atEnd(k) && !p.eof {
			return Part{}, len(s), false
		}
		kind := Macro
		if c >= '0' && c <= '9' {
			kind = Number
		}
		return Part{Kind: kind, Text: s[j:k], Offset: p.base + j}, k, true
	}
	p.errorf(j, "unexpected %s, expected a value", quoteByte(s, j))
	return Part{}, p.recover(j), false
}

// quoteByte describes the byte at j for an error message.
func quoteByte(s string, j int) string {
	if j >= len(s) {
		return "end of input"
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	if r == '\n' || r == '\r' {
		return "end of line"
	}
	return fmt.Sprintf("%q", r)
}

// closeBrace returns the index of the brace that closes the one at j, or
// -1. It jumps from one closing brace to the next with the vectorized
// IndexByte and counts the opening braces in between, rather than looking
// at every byte.
func closeBrace(s string, j int) int {
	depth, k := 1, j+1
	for {
		c := strings.IndexByte(s[k:], '}')
		if c < 0 {
			return -1
		}
		depth += strings.Count(s[k:k+c], "{") - 1
		k += c
		if depth == 0 {
			return k
		}
		k++
	}
}
