package latex

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// EncodeOptions select how Encode writes TeX.
type EncodeOptions struct {
	// ASCII escapes non-ASCII characters as TeX macros ({\'e}, {\ss},
	// {\'\i}, {\d{h}}, $\alpha$); characters without a TeX form are kept as
	// UTF-8. Without ASCII, UTF-8 is kept and only TeX specials are escaped.
	ASCII bool
	// ProtectCapitals wraps words with an uppercase letter after their first
	// character (MKO, PMOI, iPhone, McDonald) in braces so that BibTeX
	// styles do not lowercase them. Text already inside a nocase span is not
	// protected twice.
	ProtectCapitals bool
	// Markup reads CSL-JSON rich text (<i>, <b>, <sup>, <sub>, small-caps
	// and nocase spans) and writes it as \textit{..}, \textbf{..},
	// \textsuperscript{..}, \textsubscript{..}, \textsc{..} and {..}.
	// Tags that are unpaired, empty, or a nocase span inside another are
	// text and are escaped as such.
	Markup bool
	// Verbatim is for url/doi-like fields: only \ { } and % are escaped.
	Verbatim bool
}

// Encode converts Unicode text (with CSL rich-text markup when
// opts.Markup) to TeX such that Decode(Encode(x, o), o') == x for every x
// Decode can produce, where o' has the same Markup and Verbatim; for any
// other valid UTF-8 x it gives NFC(x). With ASCII, characters with no TeX
// form stay UTF-8. ProtectCapitals adds nocase spans, so with it the round
// trip holds once x has them (Encode is then a fixed point).
func Encode(s string, opts EncodeOptions) string {
	if opts.Verbatim {
		return encodeVerbatim(s)
	}
	if encodesToItself(s, opts) {
		return s
	}
	e := encoder{opts: opts, out: make([]byte, 0, len(s)+len(s)/8+8)}
	if opts.Markup {
		e.markup(s)
	} else {
		e.text(s, false)
	}
	return string(e.out)
}

// encodesToItself reports whether s has nothing Encode would change.
func encodesToItself(s string, opts EncodeOptions) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			if opts.ASCII || opts.ProtectCapitals || c == 0xc2 && i+1 < len(s) && s[i+1] == 0xa0 {
				return false
			}
			continue
		}
		if texSpecial[c] || opts.Markup && c == '<' {
			return false
		}
		if (c == '-' || c == '\'') && i+1 < len(s) && s[i+1] == c {
			return false
		}
		if opts.ProtectCapitals && 'A' <= c && c <= 'Z' && i > 0 && isWordByte(s[i-1]) {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' || c >= utf8.RuneSelf }

var ligatureByte = [256]bool{'-': true, '\'': true, '`': true, '$': true}

var texSpecial = [256]bool{'\\': true, '{': true, '}': true, '$': true, '&': true, '%': true,
	'#': true, '_': true, '~': true, '^': true, '`': true}

type encoder struct {
	opts EncodeOptions
	out  []byte
}

// markupToken is one CSL rich-text tag found in the input.
type markupToken struct {
	tag        tag
	close      bool
	start, end int
	partner    int  // index of the matching tag, -1 if unpaired
	literal    bool // written as text
}

// spanClose stands for </span>, which closes either kind of span.
const spanClose = tag(255)

func scanTags(s string) []markupToken {
	var toks []markupToken
	for i := strings.IndexByte(s, '<'); i >= 0; {
		matched := false
		for t := tagI; t <= tagNoCase; t++ {
			if hasPrefix(s, i, openTags[t]) {
				toks = append(toks, markupToken{tag: t, start: i, end: i + len(openTags[t]), partner: -1})
				matched = true
				break
			}
		}
		if !matched {
			for t := tagI; t <= tagSub; t++ {
				c, kind := closeTags[t], t
				if t == tagSC {
					kind = spanClose
				}
				if hasPrefix(s, i, c) {
					toks = append(toks, markupToken{tag: kind, close: true, start: i, end: i + len(c), partner: -1})
					break
				}
			}
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	// Pair tags like an HTML parser would: a closing tag matches the
	// innermost open tag if it is of its kind, and is text otherwise.
	var stack []int
	for k := range toks {
		t := &toks[k]
		if !t.close {
			stack = append(stack, k)
			continue
		}
		if len(stack) == 0 {
			continue
		}
		o := stack[len(stack)-1]
		ot := toks[o].tag
		if ot == t.tag || t.tag == spanClose && (ot == tagSC || ot == tagNoCase) {
			stack = stack[:len(stack)-1]
			t.partner, toks[o].partner = o, k
			if toks[o].end == t.start {
				// Decode never produces an empty span.
				t.partner, toks[o].partner = -1, -1
			}
		}
	}
	for k := range toks {
		toks[k].literal = toks[k].partner < 0
	}
	return toks
}

func (e *encoder) markup(s string) {
	toks := scanTags(s)
	textStart := 0
	nocase := 0
	var nocaseStarts []int
	for k := range toks {
		t := &toks[k]
		if !t.literal && !t.close && t.tag == tagNoCase && nocase > 0 {
			// Decode never nests nocase spans: keep the inner one as text.
			t.literal, toks[t.partner].literal = true, true
		}
		if t.literal {
			continue
		}
		e.text(s[textStart:t.start], nocase > 0)
		textStart = t.end
		open := toks[t.partner].tag
		switch {
		case !t.close && t.tag == tagNoCase:
			nocase++
			e.out = append(e.out, '{')
			nocaseStarts = append(nocaseStarts, len(e.out))
		case !t.close:
			e.out = append(e.out, texCommands[t.tag]...)
		case open == tagNoCase:
			nocase--
			at := nocaseStarts[len(nocaseStarts)-1]
			nocaseStarts = nocaseStarts[:len(nocaseStarts)-1]
			e.protectStart(at)
			e.out = append(e.out, '}')
		default:
			e.out = append(e.out, '}')
		}
	}
	e.text(s[textStart:], nocase > 0)
}

// protectStart makes the group whose content starts at out[at] protect
// case: BibTeX does not protect a group starting with a macro, unless the
// macro is \relax.
func (e *encoder) protectStart(at int) {
	if at < len(e.out) && e.out[at] == '\\' {
		e.out = slices.Insert(e.out, at, []byte(`\relax `)...)
	}
}

// text encodes s, which has no markup. nocase says s is inside a nocase
// span, where capitals are already protected.
func (e *encoder) text(s string, nocase bool) {
	if !e.opts.ProtectCapitals || nocase {
		e.runes(s)
		return
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			e.runes(s[i : i+n])
			i += n
			continue
		}
		j, upper := i+n, false
		for j < len(s) {
			r2, n2 := rune(s[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, n2 = utf8.DecodeRuneInString(s[j:])
			}
			if !isWordRune(r2) {
				break
			}
			upper = upper || unicode.IsUpper(r2)
			j += n2
		}
		if upper {
			e.out = append(e.out, '{')
			at := len(e.out)
			e.runes(s[i:j])
			e.protectStart(at)
			e.out = append(e.out, '}')
		} else {
			e.runes(s[i:j])
		}
		i = j
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isLetter(byte(r)) || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func (e *encoder) runes(s string) {
	for i := 0; i < len(s); {
		// Copy what needs no escaping in one go, leaving a letter before
		// non-ASCII to combined: it may carry combining marks.
		j := i
		for j < len(s) && s[j] < utf8.RuneSelf && !texSpecial[s[j]] && !ligatureByte[s[j]] {
			j++
		}
		if j < len(s) && j > i && s[j] >= utf8.RuneSelf && isLetter(s[j-1]) {
			j--
		}
		if j > i {
			e.out = append(e.out, s[i:j]...)
			i = j
			continue
		}
		if n := e.combined(s[i:]); n > 0 {
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		e.rune(r, s[i:i+n])
		i += n
	}
}

// combined writes the start of s if it is a letter combined with marks
// that has no precomposed character (x́, t͡s), as accent macros in ASCII
// mode, and returns how many bytes of s it used.
func (e *encoder) combined(s string) int {
	if !e.opts.ASCII || len(s) < 2 || !isLetter(s[0]) || s[1] < utf8.RuneSelf {
		return 0
	}
	if n := e.tie(s); n > 0 {
		return n
	}
	j := 1
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.Is(unicode.Mn, r) {
			break
		}
		j += n
	}
	if j == 1 {
		return 0
	}
	t, ok := accentMacros(s[:j], norm.NFD.String(s[:j]))
	if !ok {
		return 0
	}
	e.out = append(e.out, t...)
	return j
}

// tie writes a tie accent over two ASCII letters (t͡s, as in the Library of
// Congress romanization of Russian) as {\t{ts}}, and returns how many bytes
// of s it used.
func (e *encoder) tie(s string) int {
	const tie = "\u0361"
	if len(s) < 2+len(tie) || !isLetter(s[0]) || !isLetter(s[1+len(tie)]) ||
		s[1:1+len(tie)] != tie {
		return 0
	}
	if len(s) > 2+len(tie) {
		// A further mark on the second letter is not part of the tie.
		if r, _ := utf8.DecodeRuneInString(s[2+len(tie):]); unicode.IsMark(r) {
			return 0
		}
	}
	e.out = append(e.out, `{\t{`...)
	e.out = append(e.out, s[0], s[1+len(tie)])
	e.out = append(e.out, "}}"...)
	return 2 + len(tie)
}

// ligature writes t, first breaking a TeX ligature it would form with the
// byte before it (two hyphens, apostrophes, backquotes or dollar signs).
func (e *encoder) ligature(t string) {
	if n := len(e.out); n > 0 && e.out[n-1] == t[0] && ligatureByte[t[0]] {
		e.out = append(e.out, "{}"...)
	}
	e.out = append(e.out, t...)
}

// rune encodes r, whose UTF-8 (or invalid byte) form is raw.
func (e *encoder) rune(r rune, raw string) {
	switch r {
	case '\\':
		e.out = append(e.out, `\textbackslash{}`...)
	case '{', '}', '$', '&', '%', '#', '_':
		e.out = append(e.out, '\\', byte(r))
	case '~':
		e.out = append(e.out, `\textasciitilde{}`...)
	case '^':
		e.out = append(e.out, `\^{}`...)
	case '`':
		e.out = append(e.out, `\textasciigrave{}`...)
	case '-', '\'':
		e.ligature(raw)
	case '\u00a0':
		e.out = append(e.out, '~')
	default:
		if r < utf8.RuneSelf || !e.opts.ASCII {
			e.out = append(e.out, raw...)
			return
		}
		if t, ok := encodeASCII[r]; ok {
			e.ligature(t)
			return
		}
		var t string
		if isLatinExtended(r) {
			t = latinAccents()[r]
		} else {
			t, _ = accentForm(r)
		}
		if t != "" {
			e.out = append(e.out, t...)
			return
		}
		e.out = append(e.out, raw...)
	}
}

// latinAccents holds accentForm for the Latin letters with diacritics
// (Latin-1 Supplement to Latin Extended-B, Latin Extended Additional),
// "" where there is none, computed on first use.
var latinAccents = sync.OnceValue(func() map[rune]string {
	m := make(map[rune]string, 1024)
	for _, block := range [][2]rune{{0xc0, 0x24f}, {0x1e00, 0x1eff}} {
		for r := block[0]; r <= block[1]; r++ {
			m[r], _ = accentForm(r)
		}
	}
	return m
})

func isLatinExtended(r rune) bool { return 0xc0 <= r && r <= 0x24f || 0x1e00 <= r && r <= 0x1eff }

// accentForm writes a letter with diacritics as accent macros on its base
// letter, if every mark has a macro and decoding gives back r exactly.
func accentForm(r rune) (string, bool) {
	var buf [utf8.UTFMax]byte
	s := string(buf[:utf8.EncodeRune(buf[:], r)])
	d := norm.NFD.String(s)
	if d == s {
		return "", false
	}
	return accentMacros(s, d)
}

// accentMacros writes s, whose NFD form d is a letter with combining
// marks, as accent macros, if decoding them gives back s exactly.
func accentMacros(s, d string) (string, bool) {
	base, n := utf8.DecodeRuneInString(d)
	var inner string
	switch {
	case base < utf8.RuneSelf && isLetter(byte(base)):
		inner = string(base)
	case encodeASCII[base] != "" && strings.HasPrefix(encodeASCII[base], `{\`):
		inner = strings.Trim(encodeASCII[base], "{}")
	default:
		return "", false
	}
	marks := d[n:]
	first, _ := utf8.DecodeRuneInString(marks)
	if above(first) {
		// TeX puts accents above i and j on the dotless letters.
		switch base {
		case 'i':
			inner = `\i`
		case 'j':
			inner = `\j`
		}
	}
	for _, m := range marks {
		name, ok := accentNames[m]
		if !ok {
			return "", false
		}
		if len(name) == 1 && !isLetter(name[0]) && (len(inner) == 1 || isMacro(inner)) {
			inner = `\` + name + inner
		} else {
			inner = `\` + name + `{` + inner + `}`
		}
	}
	out := "{" + inner + "}"
	if dec, _ := Decode(out, DecodeOptions{}); dec != s {
		return "", false
	}
	return out, true
}

// above reports whether combining mark m sits above its letter (class 230).
func above(m rune) bool {
	var buf [utf8.UTFMax]byte
	return norm.NFD.PropertiesString(string(buf[:utf8.EncodeRune(buf[:], m)])).CCC() == 230
}

// isMacro reports whether s is a single control word such as \i or \o.
func isMacro(s string) bool {
	if len(s) < 2 || s[0] != '\\' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return true
}

func encodeVerbatim(s string) string {
	if !strings.ContainsAny(s, `\{}%`) {
		return s
	}
	out := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '{', '}', '%':
			out = append(out, '\\', c)
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// encodeASCII maps non-ASCII characters to their TeX form for ASCII output;
// accentNames maps combining marks to accent macro names. Both are built
// from the decoding tables, preferring the shortest macro name.
var (
	encodeASCII  = map[rune]string{}
	accentNames  = map[rune]string{}
	preferredTeX = map[rune]string{
		'ʿ': `{\textayn}`, 'ʾ': `{\texthamza}`, '§': `{\S}`, '¶': `{\P}`,
		'’': `{\textquoteright}`, '—': "---", '…': `{\dots}`, '£': `{\pounds}`,
		// ‘ as a macro: a ` would make the next ' its closing ’.
		'–': "--", '“': "``", '”': "''", '‘': `{\textquoteleft}`,
		'\u2009': `\,`, '\u2005': `\;`, '\u205f': `\:`,
	}
)

func init() {
	for _, name := range sortedByLength(textMacros) {
		s := textMacros[name]
		r, n := utf8.DecodeRuneInString(s)
		if n != len(s) || r < utf8.RuneSelf {
			continue
		}
		if _, ok := encodeASCII[r]; !ok {
			encodeASCII[r] = `{\` + name + `}`
		}
	}
	for r, t := range superscripts {
		if _, ok := encodeASCII[t]; !ok && r < utf8.RuneSelf {
			encodeASCII[t] = "$^{" + string(r) + "}$"
		}
	}
	for r, t := range subscripts {
		if _, ok := encodeASCII[t]; !ok {
			encodeASCII[t] = "$_{" + string(r) + "}$"
		}
	}
	for _, p := range mathSymbols {
		r, n := utf8.DecodeRuneInString(p[1])
		if n != len(p[1]) || r < utf8.RuneSelf || !isLetter(p[0][0]) {
			continue
		}
		if _, ok := encodeASCII[r]; !ok {
			encodeASCII[r] = `$\` + p[0] + `$`
		}
	}
	for r, t := range preferredTeX {
		encodeASCII[r] = t
	}
	names := make(map[string]rune, len(accents))
	for name, m := range accents {
		names[name] = m
	}
	for _, name := range sortedByLength(names) {
		if _, ok := accentNames[names[name]]; !ok {
			accentNames[names[name]] = name
		}
	}
}

// sortedByLength returns the keys of m, shortest first, then alphabetically.
func sortedByLength[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	})
	return keys
}
