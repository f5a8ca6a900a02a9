package latex

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/manba/manba/internal/word"
)

// DecodeOptions select how Decode interprets its input.
type DecodeOptions struct {
	// Markup emits CSL-JSON rich text: \emph, \textit, \textsl, {\em ..},
	// {\it ..} -> <i>; \textbf, {\bf ..} -> <b>; \textsc, {\sc ..} ->
	// <span style="font-variant:small-caps;">; \textsuperscript -> <sup>;
	// \textsubscript -> <sub>; and case-protecting braces ({DNA}, {Tehran},
	// {\relax Foo}) -> <span class="nocase">…</span>. Without Markup (used
	// for names, keys...), formatting macros keep only their text and braces
	// vanish.
	Markup bool
	// Verbatim is for url/doi/file-like fields: no macro or accent
	// processing, only brace removal and \% \_ \# \& \$ \~ \{ \} \\
	// unescaping.
	Verbatim bool
	// MaxDepth bounds the nesting of braces, macro arguments and math
	// groups (zero or negative: DefaultMaxDepth). Decoding recurses, so
	// the bound cannot be turned off; text nested deeper is kept as
	// written and reported.
	MaxDepth int
}

// Problem is something Decode could not interpret exactly. The text is
// still decoded (kept as written where it could not be understood).
type Problem struct {
	Offset int // byte offset into the decoded string
	Msg    string
}

func (p Problem) String() string { return fmt.Sprintf("offset %d: %s", p.Offset, p.Msg) }

// DefaultMaxDepth is the default of DecodeOptions.MaxDepth: deep enough
// for any real text, shallow enough that hostile input cannot exhaust the
// stack.
const DefaultMaxDepth = 1000

// stops marks the bytes at which Decode leaves its copy loop.
var stops = [256]bool{'\\': true, '{': true, '}': true, '~': true, '$': true, '`': true, '-': true, '\'': true}

func isASCII(s string) bool {
	for ; len(s) >= 8; s = s[8:] {
		if word.Load64(s)&0x8080808080808080 != 0 {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// plain reports whether s has no TeX to decode, and whether it is ASCII
// (which it only knows when s is plain). It is the fast path of every value
// decoded, so it skips eight bytes at a time where none may be a stop.
func plain(s string) (plain, ascii bool) {
	var high uint64
	i := 0
	for i < len(s) {
		end := len(s)
		if w := s[i:]; len(w) >= 8 {
			x := word.Load64(w)
			high |= x
			if !mayStop8(x &^ 0x8080808080808080) {
				i += 8
				continue
			}
			end = i + 8
		}
		for ; i < end; i++ {
			c := s[i]
			high |= uint64(c)
			if !stops[c] {
				continue
			}
			if c != '-' && c != '\'' {
				return false, false
			}
			if i+1 < len(s) && s[i+1] == c {
				return false, false
			}
		}
	}
	return true, high&0x8080808080808080 == 0
}

// mayStop8 reports whether one of the eight bytes of a word may be in
// stops, given y, the word with the high bit of each byte cleared: so the
// usual tests for a byte above n or equal to c are exact, and a non-ASCII
// byte that then looks like a stop only sends its word to the byte loop.
func mayStop8(y uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// Bytes equal to c become zero, and z-1 borrows into their high bit.
	a, b, c, d, e := y^'\\'*ones, y^'$'*ones, y^'`'*ones, y^'-'*ones, y^'\''*ones
	t := (a-ones)&^a | (b-ones)&^b | (c-ones)&^c | (d-ones)&^d | (e-ones)&^e
	return (t|(y+(0x7f-'z')*ones))&highs != 0 // and above 'z': { } ~ (| DEL)
}

// Decode converts TeX text (a BibTeX field value with its outer delimiters
// removed, inner braces as written) to Unicode, in NFC. Text Decode cannot interpret (unknown macros, complex math) is
// kept as written and reported as a Problem; Decode never drops text.
//
// Literal <, > and & in the input are kept as they are, also with Markup:
// CSL-JSON rich text gives meaning only to its few tags, and processors
// such as citeproc-js print any other < as it is.
func Decode(s string, opts DecodeOptions) (string, []Problem) {
	if opts.Verbatim {
		out, probs := decodeVerbatim(s)
		if !utf8.ValidString(out) {
			probs = append(probs, Problem{firstInvalid(s), invalidMsg})
			out = strings.ToValidUTF8(out, "\uFFFD")
		}
		return out, probs
	}
	isPlain, ascii := plain(s)
	if isPlain && ascii {
		return s, nil
	}
	valid := ascii || utf8.ValidString(s)
	if isPlain && valid && norm.NFC.QuickSpanString(s) == len(s) {
		return s, nil
	}
	// Tags and multi-byte letters make the output longer than the input.
	d := decoder{src: s, out: make([]byte, 0, len(s)+len(s)/2+32), maxDepth: opts.MaxDepth}
	if d.maxDepth <= 0 {
		d.maxDepth = DefaultMaxDepth
	}
	d.group(0, -1, mode{markup: opts.Markup})
	// d.out is not written again: the string can share its bytes.
	out := unsafe.String(unsafe.SliceData(d.out), len(d.out))
	if !valid {
		out = d.invalid()
	}
	// Accent constructs come out composed and macros expand to NFC text
	// starting with a starter, so only input text typed decomposed
	// (e + U+0301) or a lone combining mark can leave the output denormal.
	if (d.loneMark || !isASCII(s)) && norm.NFC.QuickSpanString(out) != len(out) {
		out = norm.NFC.String(out)
	}
	// An unclosed brace is found at the end of its group: sort by offset.
	slices.SortStableFunc(d.probs, func(a, b Problem) int { return a.Offset - b.Offset })
	return out, d.probs
}

const invalidMsg = "invalid UTF-8 replaced by U+FFFD"

// invalid replaces the invalid UTF-8 in the output with U+FFFD and reports
// where the input had it: Decode's output is always valid UTF-8.
func (d *decoder) invalid() string {
	d.problem(firstInvalid(d.src), invalidMsg)
	return strings.ToValidUTF8(string(d.out), "\uFFFD")
}

// firstInvalid returns the offset of the first invalid UTF-8 in s.
func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(s)
}

type decoder struct {
	src     string
	out     []byte
	probs   []Problem
	depth   int
	scratch []byte    // accent construct before normalization
	nfc     []byte    // and after
	decls   []openTag // declarations ({\em ..}) in force, innermost last

	maxDepth int // DecodeOptions.MaxDepth or its default
	// loneMark is set when an accent without a letter or \char may have
	// left a combining mark.
	loneMark bool
	// openQuotes counts the ` opening quotes not closed yet, so that the '
	// closing one becomes ’ (`safe' is ‘safe’, not ‘safe').
	openQuotes int
}

// mode is the state a stretch of text is decoded in.
type mode struct {
	markup bool // emit rich-text tags; off for plain decoding and inside accent arguments
	nocase bool // inside a case-protected span: braces only group
}

type openTag struct {
	tag   tag
	start int // len(out) just after the opening tag
}

func (d *decoder) problem(off int, format string, args ...any) {
	d.probs = append(d.probs, Problem{Offset: off, Msg: fmt.Sprintf(format, args...)})
}

// closeTag ends tag t opened at start, removing it instead if it is empty.
func (d *decoder) closeTag(t tag, start int) {
	if len(d.out) == start {
		d.out = d.out[:start-len(openTags[t])]
		return
	}
	d.out = append(d.out, closeTags[t]...)
}

// closeDecls ends the declarations made since there were base of them:
// a declaration lasts to the end of its group.
func (d *decoder) closeDecls(base int) {
	for i := len(d.decls) - 1; i >= base; i-- {
		d.closeTag(d.decls[i].tag, d.decls[i].start)
	}
	d.decls = d.decls[:base]
}

// group decodes from pos to the '}' matching the '{' at open (open < 0: to
// the end of the input) and returns the position after it.
func (d *decoder) group(pos, open int, m mode) int {
	base := len(d.decls)
	src := d.src
	for pos < len(src) {
		start := pos
		for len(src)-pos >= 8 && !mayStop8(word.Load64(src[pos:])&^0x8080808080808080) {
			pos += 8
		}
		for pos < len(src) && !stops[src[pos]] {
			pos++
		}
		d.out = append(d.out, src[start:pos]...)
		if pos >= len(src) {
			break
		}
		switch c := src[pos]; c {
		case '}':
			if open >= 0 {
				d.closeDecls(base)
				return pos + 1
			}
			d.problem(pos, "unmatched }")
			pos++
		case '{':
			pos = d.brace(pos, m)
		case '\\':
			pos = d.command(pos, m)
		case '~':
			d.out = append(d.out, "\u00a0"...)
			pos++
		case '-':
			switch {
			case hasPrefix(src, pos, "---"):
				d.out = append(d.out, "—"...)
				pos += 3
			case hasPrefix(src, pos, "--"):
				d.out = append(d.out, "–"...)
				pos += 2
			default:
				d.out = append(d.out, '-')
				pos++
			}
		case '`':
			if hasPrefix(src, pos, "``") {
				d.out = append(d.out, "“"...)
				pos += 2
			} else {
				if pos == 0 || !isLetter(src[pos-1]) {
					d.openQuotes++ // an opening quote, not the ‘ of Ma`mun
				}
				d.out = append(d.out, "‘"...)
				pos++
			}
		case '\'':
			switch {
			case hasPrefix(src, pos, "''"):
				d.out = append(d.out, "”"...)
				pos += 2
			case d.openQuotes > 0 && (pos+1 == len(src) || !isLetter(src[pos+1])):
				d.openQuotes--
				d.out = append(d.out, "’"...)
				pos++
			default:
				d.out = append(d.out, '\'')
				pos++
			}
		case '$':
			pos = d.math(pos, m)
		}
	}
	if open >= 0 {
		d.problem(open, "unclosed {")
	}
	d.closeDecls(base)
	return pos
}

func hasPrefix(s string, pos int, p string) bool {
	return len(s)-pos >= len(p) && s[pos:pos+len(p)] == p
}

// brace decodes the group opening at pos. In BibTeX only a group that does
// not start with a macro protects case ({DNA}); {\'e} is a special
// character. {\relax Foo} is the usual way to protect text starting with a
// macro.
func (d *decoder) brace(pos int, m mode) int {
	if d.depth >= d.maxDepth {
		d.problem(pos, "braces nested deeper than %d (MaxDepth); kept as written", d.maxDepth)
		end := skipGroup(d.src, pos)
		d.out = append(d.out, d.src[pos:end]...)
		return end
	}
	d.depth++
	if m.markup && !m.nocase && (!hasPrefix(d.src, pos+1, `\`) || isRelax(d.src, pos+1)) {
		d.out = append(d.out, openTags[tagNoCase]...)
		start := len(d.out)
		pos = d.group(pos+1, pos, mode{markup: true, nocase: true})
		d.closeTag(tagNoCase, start)
	} else {
		pos = d.group(pos+1, pos, m)
	}
	d.depth--
	return pos
}

func isRelax(s string, pos int) bool {
	return hasPrefix(s, pos, `\relax`) && (pos+6 == len(s) || !isLetter(s[pos+6]))
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(s string, pos int) int {
	for pos < len(s) && isSpace(s[pos]) {
		pos++
	}
	return pos
}

// skipGroup returns the position after the group opening at pos (or the
// end of s if it is not closed), honouring \{ and \}.
func skipGroup(s string, pos int) int {
	end, _ := matchGroup(s, pos)
	return end
}

// matchGroup is skipGroup also reporting whether the group is closed.
func matchGroup(s string, pos int) (end int, closed bool) {
	depth := 0
	for i := pos; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		}
	}
	return len(s), false
}

// command decodes the macro starting with the backslash at pos.
func (d *decoder) command(pos int, m mode) int {
	src := d.src
	i := pos + 1
	if i >= len(src) {
		d.problem(pos, `lone \ at end of text`)
		d.out = append(d.out, '\\')
		return i
	}
	var name string
	var end int // after the name and, for control words, the spaces TeX skips
	word := isLetter(src[i])
	if word {
		j := i + 1
		for j < len(src) && isLetter(src[j]) {
			j++
		}
		name, end = src[i:j], skipSpace(src, j)
	} else {
		_, n := utf8.DecodeRuneInString(src[i:])
		name, end = src[i:i+n], i+n
	}
	mac, ok := macros[name]
	if !ok && !word {
		if s, ok := controlSymbols[name[0]]; ok && len(name) == 1 {
			d.out = append(d.out, s...)
			if name[0] == '\\' {
				end = skipLineBreakArgs(src, end)
			}
			return end
		}
	}
	if !ok && !word && (name == "(" || name == "[") {
		return d.math(pos, m)
	}
	if !ok && word {
		// Math symbols typed outside math ($ forgotten): \alpha, \oplus.
		if t, isMath := mathMacros[name]; isMath {
			d.out = append(d.out, t...)
			return i + len(name) // the space after it was meant to separate words
		}
	}
	if !ok {
		return d.keep(pos, i+len(name), "unknown macro %s kept as written", src[pos:i+len(name)])
	}
	switch mac.kind {
	case kText:
		d.out = append(d.out, mac.text...)
	case kAccent:
		return d.accent(end, pos, mac.mark)
	case kFormat:
		if m.markup && mac.tag != tagNone {
			d.out = append(d.out, openTags[mac.tag]...)
			start := len(d.out)
			end = d.arg(end, pos, m)
			d.closeTag(mac.tag, start)
			return end
		}
		return d.arg(end, pos, m)
	case kDecl:
		if m.markup && mac.tag != tagNone {
			d.out = append(d.out, openTags[mac.tag]...)
			d.decls = append(d.decls, openTag{mac.tag, len(d.out)})
		}
	case kIgnore:
	case kURL:
		if n := i + len(name); n < len(src) && !isSpace(src[n]) && src[n] != '{' && src[n] != '}' {
			return d.verb(pos, n) // \path|...|
		}
		if end >= len(src) || src[end] != '{' {
			d.problem(pos, `\%s without {argument}`, name)
			return end
		}
		close := skipGroup(src, end)
		s, probs := decodeVerbatim(src[end:close])
		for _, p := range probs {
			d.problem(end+p.Offset, "%s", p.Msg)
		}
		d.out = append(d.out, s...)
		return close
	case kHref, kSecond:
		if end >= len(src) || src[end] != '{' {
			d.problem(pos, `\%s without {argument}`, name)
			return end
		}
		close, closed := matchGroup(src, end)
		if !closed {
			return d.keep(pos, i+len(name), "unclosed { after %s", src[pos:i+len(name)])
		}
		return d.arg(close, pos, m)
	case kMath:
		return d.converted(src, pos, end, name, m.markup, convertMath, "math")
	case kWrap:
		d.out = append(d.out, mac.text...)
		end = d.arg(end, pos, m)
		d.out = append(d.out, mac.close...)
		return end
	case kNoCase:
		if m.markup && !m.nocase {
			d.out = append(d.out, openTags[tagNoCase]...)
			start := len(d.out)
			end = d.arg(end, pos, mode{markup: true, nocase: true})
			d.closeTag(tagNoCase, start)
			return end
		}
		return d.arg(end, pos, m)
	case kDimen:
		return skipDimen(src, end)
	case kDropArg:
		if end < len(src) && src[end] == '*' {
			end = skipSpace(src, end+1)
		}
		if end >= len(src) || src[end] != '{' {
			d.problem(pos, `\%s without {argument}`, name)
			return end
		}
		close, closed := matchGroup(src, end)
		if !closed {
			return d.keep(pos, i+len(name), "unclosed { after %s", src[pos:i+len(name)])
		}
		return close
	case kThird:
		for range 2 {
			end = skipSpace(src, end)
			if end >= len(src) || src[end] != '{' {
				d.problem(pos, `\%s without {argument}`, name)
				return end
			}
			close, closed := matchGroup(src, end)
			if !closed {
				return d.keep(pos, i+len(name), "unclosed { after %s", src[pos:i+len(name)])
			}
			end = close
		}
		return d.arg(end, pos, m)
	case kOrdinal:
		start := len(d.out)
		end = d.arg(end, pos, m)
		d.out = append(d.out, ordinalSuffix(d.out[start:])...)
	case kIfMmode:
		return d.ifmmode(pos, end, m)
	case kVerb:
		return d.verb(pos, i+len(name))
	case kChar:
		if r, after, ok := charCode(src, i+len(name)); ok {
			d.out = utf8.AppendRune(d.out, r)
			d.loneMark = d.loneMark || r >= utf8.RuneSelf // it may be a mark
			return after
		}
		return d.keep(pos, i+len(name), "unknown macro %s kept as written", src[pos:i+len(name)])
	case kChem:
		return d.converted(src, pos, end, name, m.markup, convertChem, "chemical formula")
	}
	return end
}

// ordinalSuffix returns the English ordinal suffix for the number num.
func ordinalSuffix(num []byte) string {
	n := len(num)
	if n == 0 || num[n-1] < '0' || num[n-1] > '9' {
		return ""
	}
	if n >= 2 && num[n-2] == '1' {
		return "th"
	}
	switch num[n-1] {
	case '1':
		return "st"
	case '2':
		return "nd"
	case '3':
		return "rd"
	}
	return "th"
}

// skipDimen skips a TeX dimension such as -.15em or 2pt plus 1fil.
func skipDimen(s string, pos int) int {
	i := skipSpace(s, pos)
	for i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	j := i
	for j < len(s) && ('0' <= s[j] && s[j] <= '9' || s[j] == '.' || s[j] == ',') {
		j++
	}
	if j == i {
		return pos
	}
	j = skipSpace(s, j)
	for _, unit := range []string{"em", "ex", "pt", "pc", "in", "bp", "cm", "mm", "dd", "cc", "sp", "mu", "true"} {
		if hasPrefix(s, j, unit) {
			j += len(unit)
			if j < len(s) && s[j] == ' ' {
				j++ // TeX takes one optional space after a dimension
			}
			return j
		}
	}
	return pos
}

// ifmmode keeps the text branch of \ifmmode math\else text\fi, which some
// tools write for characters that need a different macro in math.
func (d *decoder) ifmmode(pos, from int, m mode) int {
	src := d.src
	elseAt, fiAt := -1, -1
	depth := 0
scan:
	for i := from; i < len(src); i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			depth--
		case '\\':
			if depth == 0 && hasPrefix(src, i, `\else`) && (i+5 == len(src) || !isLetter(src[i+5])) && elseAt < 0 {
				elseAt = i
			}
			if depth == 0 && hasPrefix(src, i, `\fi`) && (i+3 == len(src) || !isLetter(src[i+3])) {
				fiAt = i
				break scan
			}
			i++
		}
	}
	if fiAt < 0 {
		d.problem(pos, `\ifmmode without \fi ignored`)
		return from
	}
	if elseAt >= 0 {
		// Decode the branch as if the text ended at \fi.
		d.src = src[:fiAt]
		d.group(skipSpace(src, elseAt+5), -1, m)
		d.src = src
	}
	return skipSpace(src, fiAt+3)
}

// verb copies \verb|text| (delimiter right after the name) verbatim.
func (d *decoder) verb(pos, from int) int {
	src := d.src
	if from < len(src) && src[from] == '*' {
		from++
	}
	if from >= len(src) {
		d.problem(pos, "%s without delimiter", macroName(src, pos))
		return from
	}
	_, n := utf8.DecodeRuneInString(src[from:])
	delim := src[from : from+n]
	if i := strings.Index(src[from+n:], delim); i >= 0 {
		d.out = append(d.out, src[from+n:from+n+i]...)
		return from + n + i + n
	}
	d.problem(pos, "%s without closing %s kept as written", macroName(src, pos), delim)
	d.out = append(d.out, src[pos:]...)
	return len(src)
}

// digitValue returns the value of hexadecimal digit c, or 16 if it is none.
func digitValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return 16
}

// charCode reads the number after \char: 65, "41, '101 or `A / `\A.
func charCode(s string, pos int) (rune, int, bool) {
	if pos >= len(s) {
		return 0, pos, false
	}
	base := 10
	switch s[pos] {
	case '"':
		base, pos = 16, pos+1
	case '\'':
		base, pos = 8, pos+1
	case '`':
		pos++
		if pos < len(s) && s[pos] == '\\' {
			pos++
		}
		if pos >= len(s) {
			return 0, pos, false
		}
		r, n := utf8.DecodeRuneInString(s[pos:])
		return r, pos + n, true
	}
	var r rune
	i := pos
	for ; i < len(s) && i-pos < 7; i++ {
		v := digitValue(s[i])
		if v >= base {
			break
		}
		r = r*rune(base) + rune(v)
	}
	if i == pos || r == 0 || r > unicode.MaxRune || (0xd800 <= r && r < 0xe000) {
		return 0, pos, false
	}
	if i < len(s) && s[i] == ' ' {
		i++
	}
	return r, i, true
}

// skipLineBreakArgs skips the optional * and [length] after \\.
func skipLineBreakArgs(s string, pos int) int {
	if pos < len(s) && s[pos] == '*' {
		pos++
	}
	if pos < len(s) && s[pos] == '[' {
		for i := pos; i < len(s); i++ {
			if s[i] == ']' {
				return i + 1
			}
		}
	}
	return pos
}

// keep keeps a macro Decode cannot interpret as written, together with the
// brace and bracket arguments that follow it, and reports why.
func (d *decoder) keep(pos, nameEnd int, format string, args ...any) int {
	src := d.src
	d.problem(pos, format, args...)
	end := nameEnd
	for {
		j := skipSpace(src, end)
		if j >= len(src) {
			break
		}
		if src[j] == '{' {
			end = skipGroup(src, j)
			continue
		}
		if src[j] == '[' {
			k := j + 1
			for k < len(src) && src[k] != ']' && src[k] != '{' && src[k] != '}' {
				k++
			}
			if k < len(src) && src[k] == ']' {
				end = k + 1
				continue
			}
		}
		break
	}
	d.out = append(d.out, src[pos:end]...)
	return end
}

// arg decodes the argument of the macro at macroPos: a group (which never
// protects case: it belongs to the macro), another macro, or one character.
func (d *decoder) arg(pos, macroPos int, m mode) int {
	src := d.src
	pos = skipSpace(src, pos)
	if pos >= len(src) || src[pos] == '}' {
		d.problem(macroPos, "macro %s without argument", macroName(src, macroPos))
		return pos
	}
	switch src[pos] {
	case '{':
		if d.depth >= d.maxDepth {
			return d.brace(pos, m)
		}
		d.depth++
		pos = d.group(pos+1, pos, m)
		d.depth--
		return pos
	case '\\':
		if d.depth >= d.maxDepth {
			// \'\'\'... or \emph\emph...: each level recurses.
			d.problem(pos, "macros nested deeper than %d (MaxDepth); kept as written", d.maxDepth)
			d.out = append(d.out, src[pos:]...)
			return len(src)
		}
		d.depth++
		base := len(d.decls)
		pos = d.command(pos, m)
		d.closeDecls(base)
		d.depth--
		return pos
	case '~':
		d.out = append(d.out, "\u00a0"...)
		return pos + 1
	}
	_, n := utf8.DecodeRuneInString(src[pos:])
	d.out = append(d.out, src[pos:pos+n]...)
	return pos + n
}

func macroName(s string, pos int) string {
	j := pos + 1
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	if j == pos+1 && j < len(s) {
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return s[pos:j]
}

// accent applies mark to the argument at pos of the accent macro at
// macroPos and composes the result to NFC. \i and \j lose their
// dotlessness under an accent, as in TeX: \'\i is í.
func (d *decoder) accent(pos, macroPos int, mark rune) int {
	src := d.src
	start := len(d.out)
	pos = skipSpace(src, pos)
	switch {
	case pos < len(src) && src[pos] != '}':
		pos = d.arg(pos, macroPos, mode{})
	case pos == len(src):
		d.problem(macroPos, "accent %s without argument", macroName(src, macroPos))
	}
	// {\~} is how one types a lone accent: no problem.
	seg := d.out[start:]
	if len(seg) == 0 {
		if s, ok := spacingAccents[mark]; ok {
			d.out = append(d.out, s...)
		} else {
			d.out = utf8.AppendRune(d.out, mark)
			d.loneMark = true
		}
		return pos
	}
	r, n := utf8.DecodeRune(seg)
	switch r {
	case 'ı':
		r = 'i'
	case 'ȷ':
		r = 'j'
	}
	// The marks already on the letter take part in the composition; the
	// rest of the argument, and the text before the accent, stay as written.
	k := n
	for k < len(seg) {
		m, size := utf8.DecodeRune(seg[k:])
		if !unicode.IsMark(m) {
			break
		}
		k += size
	}
	if k == n && r < utf8.RuneSelf {
		if c, ok := composed[composeKey{byte(r), mark}]; ok {
			d.out = slices.Replace(d.out, start, start+n, c...)
			return pos
		}
	}
	b := utf8.AppendRune(d.scratch[:0], r)
	b = utf8.AppendRune(b, mark)
	d.scratch = append(b, seg[n:k]...)
	d.nfc = norm.NFC.Append(d.nfc[:0], d.scratch...)
	d.out = slices.Replace(d.out, start, start+k, d.nfc...)
	return pos
}

// math decodes $...$ (or $$...$$) at pos: simple math becomes Unicode,
// anything else is kept as written and reported.
func (d *decoder) math(pos int, m mode) int {
	src := d.src
	open, close := "$", "$"
	switch {
	case hasPrefix(src, pos, "$$"):
		open, close = "$$", "$$"
	case hasPrefix(src, pos, `\(`):
		open, close = `\(`, `\)`
	case hasPrefix(src, pos, `\[`):
		open, close = `\[`, `\]`
	}
	from := pos + len(open)
	at := -1
	for i := from; i < len(src); i++ {
		if hasPrefix(src, i, close) {
			at = i
			break
		}
		if src[i] == '\\' {
			i++
		}
	}
	if at < 0 {
		d.problem(pos, "unclosed %s kept as written", open)
		d.out = append(d.out, open...)
		return from
	}
	end := at + len(close)
	if s, ok := convertMath(src[from:at], m.markup, d.maxDepth-d.depth); ok {
		d.out = append(d.out, s...)
	} else {
		d.problem(pos, "math kept as written")
		d.out = append(d.out, src[pos:end]...)
	}
	return end
}

// verbatimEscapes are the characters a backslash escapes in verbatim fields.
var verbatimEscapes = [256]bool{'%': true, '_': true, '#': true, '&': true, '$': true, '~': true, '{': true, '}': true, '\\': true}

func decodeVerbatim(s string) (string, []Problem) {
	i := 0
	for i < len(s) && s[i] != '\\' && s[i] != '{' && s[i] != '}' {
		i++
	}
	if i == len(s) {
		return s, nil
	}
	var probs []Problem
	out := make([]byte, i, len(s))
	copy(out, s)
	var opens []int
	for ; i < len(s); i++ {
		switch c := s[i]; c {
		case '{':
			opens = append(opens, i)
		case '}':
			if len(opens) == 0 {
				probs = append(probs, Problem{i, "unmatched }"})
			} else {
				opens = opens[:len(opens)-1]
			}
		case '\\':
			if i+1 < len(s) && verbatimEscapes[s[i+1]] {
				i++
				out = append(out, s[i])
			} else {
				out = append(out, c)
			}
		default:
			out = append(out, c)
		}
	}
	for _, o := range opens {
		probs = append(probs, Problem{o, "unclosed {"})
	}
	return string(out), probs
}

type composeKey struct {
	base byte
	mark rune
}

// composed caches the NFC form of every ASCII letter under every accent,
// the bulk of the accents in real bibliographies.
var composed = map[composeKey][]byte{}

func init() {
	for _, mark := range accents {
		for c := byte('A'); c <= 'z'; c++ {
			if isLetter(c) {
				composed[composeKey{c, mark}] = norm.NFC.Bytes([]byte(string(rune(c)) + string(mark)))
			}
		}
	}
}

// converted writes the argument of a macro such as \ensuremath or \ch
// through convert, or keeps the macro as written (reported as what) when
// convert cannot render it; it returns where decoding goes on.
func (d *decoder) converted(src string, pos, end int, name string, markup bool,
	convert func(s string, markup bool, maxDepth int) (string, bool), what string) int {
	if end >= len(src) || src[end] != '{' {
		d.problem(pos, `\%s without {argument}`, name)
		return end
	}
	close, closed := matchGroup(src, end)
	if !closed {
		d.problem(end, "unclosed {")
	} else if s, ok := convert(src[end+1:close-1], markup, d.maxDepth-d.depth); ok {
		d.out = append(d.out, s...)
		return close
	}
	d.problem(pos, "%s kept as written", what)
	d.out = append(d.out, src[pos:close]...)
	return close
}
