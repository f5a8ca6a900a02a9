package csl

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// Format selects the output markup.
type Format int

// The output formats.
const (
	Text     Format = iota // plain text
	HTML                   // HTML as citeproc-js writes it (the CSL test suite form)
	Markdown               // pandoc Markdown
)

// ParseFormat maps "text", "html", "md"/"markdown" to a Format.
func ParseFormat(s string) (Format, bool) {
	switch s {
	case "text", "txt", "plain", "":
		return Text, true
	case "html":
		return HTML, true
	case "md", "markdown":
		return Markdown, true
	}
	return Text, false
}

type evKind uint8

const (
	evText evKind = iota
	evOpen
	evClose
	evQOpen
	evQClose
)

// quoteKeep marks the close of a quote in a value that more of the value
// follows: punctuation after it is the value's own and is not moved into
// the quote.
const quoteKeep = "keep"

type event struct {
	kind evKind
	s    string // text, or for evOpen the attribute "name:value"
}

// flatten turns the tree into a stream of text and markup events, so that
// punctuation can be fixed across element boundaries. Nodes that produce
// no text leave no events, and no delimiter is written for them.
func flatten(n *node, evs []event) []event {
	evs, _ = flattenNode(n, evs)
	return evs
}

func flattenNode(n *node, evs []event) ([]event, bool) {
	if n == nil {
		return evs, false
	}
	if n.leaf && n.plainLeaf() {
		if n.text == "" {
			return evs, false
		}
		return append(evs, event{evText, n.text}), true
	}
	start := len(evs)
	opens := 0
	if n.display() != "" {
		evs = append(evs, event{evOpen, "display:" + n.display()})
		opens++
	}
	if n.prefix() != "" {
		evs = append(evs, event{evText, n.prefix()})
	}
	inner := 0
	if n.f != nil {
		for _, o := range n.f.opens {
			evs = append(evs, event{evOpen, o})
		}
		inner = len(n.f.opens)
	}
	if n.quotes() {
		kind := "" // a style's quotes
		if n.d.written != 0 {
			kind = string(n.d.written)
		} else if n.tag == "q1" || n.tag == "q2" {
			kind = `"` // straight quotes in a value
		}
		evs = append(evs, event{evQOpen, kind})
	}
	wrote := false
	if n.leaf && n.text != "" {
		evs = append(evs, event{evText, n.text})
		wrote = true
	}
	quoteEnd := -1 // a value's quote that more of the value follows
	for _, k := range n.kids {
		mark := len(evs)
		if wrote && n.delim != "" {
			evs = append(evs, event{evText, n.delim})
		}
		var ok bool
		evs, ok = flattenNode(k, evs)
		if !ok {
			evs = evs[:mark]
			continue
		}
		wrote = true
		if quoteEnd >= 0 {
			// punctuation of the value itself stays after the quote
			evs[quoteEnd].s = quoteKeep
			quoteEnd = -1
		}
		if (k.tag == "q1" || k.tag == "q2") && evs[len(evs)-1].kind == evQClose {
			quoteEnd = len(evs) - 1
		}
	}
	if !wrote {
		return evs[:start], false
	}
	if n.quotes() {
		evs = append(evs, event{evQClose, ""})
	}
	for ; inner > 0; inner-- {
		evs = append(evs, event{evClose, ""})
	}
	if n.suffix() != "" {
		evs = append(evs, event{evText, n.suffix()})
	}
	// citeproc-js moves the space that ends a right-inline block after it
	trailing := ""
	if n.display() == "right-inline" {
		if last := &evs[len(evs)-1]; last.kind == evText {
			t := strings.TrimRight(last.s, " ")
			trailing = last.s[len(t):]
			last.s = t
		}
	}
	for ; opens > 0; opens-- {
		evs = append(evs, event{evClose, ""})
	}
	if trailing != "" {
		evs = append(evs, event{evText, trailing})
	}
	return evs, true
}

// punctuation merge rules at a boundary between two pieces of text, after
// citeproc-js and jgm/citeproc: 0 keep both, 1 keep the first, 2 keep the
// second.
func mergeRule(a, b rune) int {
	switch a {
	case '!', '?':
		switch b {
		case '.', ':', a:
			return 1
		}
	case '.':
		if b == '.' {
			return 1
		}
	case ':':
		switch b {
		case '!', '?':
			return 2
		case '.', ':':
			return 1
		}
	case ',':
		if b == ',' {
			return 1
		}
	case ';':
		switch b {
		case '!', '?':
			return 2
		case ':', '.', ';':
			return 1
		}
	}
	return 0
}

// fixPunct moves periods and commas into closing quotes when the locale
// asks for it, merges doubled punctuation across element boundaries and
// collapses doubled spaces.
func fixPunct(evs []event, punctInQuote bool) []event {
	if punctInQuote {
		for i := 0; i < len(evs); i++ {
			if evs[i].kind != evQClose {
				continue
			}
			if evs[i].s == quoteKeep {
				continue
			}
			// skip closes and emptied text: a delimiter's period after a
			// suffix's period moved inside is merged with it too
			j := i + 1
			for j < len(evs) && (evs[j].kind == evClose || evs[j].kind == evQClose || (evs[j].kind == evText && evs[j].s == "")) {
				j++
			}
			if j >= len(evs) || evs[j].kind != evText {
				continue
			}
			c := evs[j].s[0]
			if c != '.' && c != ',' {
				continue
			}
			// find the quote group's first close, and the text before it
			k := i
			for k > 0 && evs[k-1].kind == evQClose {
				k--
			}
			p := k - 1
			for p >= 0 && (evs[p].kind == evClose) {
				p--
			}
			if p >= 0 && evs[p].kind == evText {
				last, _ := utf8.DecodeLastRuneInString(evs[p].s)
				switch mergeRule(last, rune(c)) {
				case 0:
					if p == k-1 {
						evs[p].s += string(c)
						break
					}
					// after formatting that ends in the quote:
					// "<i>Title</i>.”", as citeproc-js writes it
					evs = append(evs[:k+1], evs[k:]...)
					evs[k] = event{evText, string(c)}
					j++
				case 2:
					evs[p].s = evs[p].s[:len(evs[p].s)-utf8.RuneLen(last)] + string(c)
				}
			} else {
				evs = append(evs[:k+1], evs[k:]...)
				evs[k] = event{evText, string(c)}
				j++
			}
			evs[j].s = evs[j].s[1:]
			i-- // the next text may start with punctuation too
		}
	}
	prev := -1
	for i := range evs {
		switch evs[i].kind {
		case evQOpen, evQClose:
			prev = -1
			continue
		case evText:
		default:
			continue
		}
		if evs[i].s == "" {
			continue
		}
		if prev >= 0 {
			a, as := utf8.DecodeLastRuneInString(evs[prev].s)
			b, bs := utf8.DecodeRuneInString(evs[i].s)
			if a == ' ' && b == ' ' {
				evs[i].s = evs[i].s[bs:]
			} else {
				switch mergeRule(a, b) {
				case 1:
					evs[i].s = evs[i].s[bs:]
				case 2:
					evs[prev].s = evs[prev].s[:len(evs[prev].s)-as]
				}
			}
			if evs[i].s == "" {
				continue
			}
		}
		prev = i
	}
	return evs
}

// serialize writes the events in the output format. Nested italics,
// bold and small caps flip to normal (citeproc-js "flip-flop"), and
// nested quotes alternate between outer and inner quotation marks.
func serialize(evs []event, f Format, loc *Locale) string {
	var b strings.Builder
	type open struct{ close string }
	var stack []open
	state := map[string]string{}
	var prevState []map[string]string
	const (
		quoteOuter = iota + 1
		quoteInner
		literalSingle
		literalDouble
	)
	var quotes []int // the open quotes
	oq, cq := loc.term("open-quote", "long", false), loc.term("close-quote", "long", false)
	oiq, ciq := loc.term("open-inner-quote", "long", false), loc.term("close-inner-quote", "long", false)
	if oq == "" {
		oq, cq = "“", "”"
	}
	if oiq == "" {
		oiq, ciq = "‘", "’"
	}
	var md *mdEmphasis
	if f == Markdown {
		md = &mdEmphasis{b: &b, state: state}
	}
	text := func(s string) {
		if md != nil {
			md.text(s)
			return
		}
		writeEscaped(&b, s, f)
	}
	tag := func(s string) {
		if s == "" {
			return
		}
		if md != nil {
			md.sync()
		}
		b.WriteString(s)
	}
	for _, e := range evs {
		switch e.kind {
		case evText:
			text(e.s)
		case evQOpen:
			// quotes in values keep the kind they are written with
			// (straight ones are outer quotes) and flip when the
			// enclosing quotes already use those marks; curly quotes
			// that are not the locale's stay as written. A style's
			// quotes are always outer ones, even inside quotes, as in
			// citeproc-js.
			q := quoteOuter
			switch e.s {
			case "":
				quotes = append(quotes, q)
				text(oq)
				continue
			case "'":
				q = quoteInner
			case `"`, oq:
			case oiq:
				q = quoteInner
			case "‘":
				q = literalSingle
			default:
				q = literalDouble
			}
			if q == literalSingle || q == literalDouble {
				quotes = append(quotes, q)
				text(e.s)
				break
			}
			for k := len(quotes) - 1; k >= 0; k-- {
				if quotes[k] == quoteOuter || quotes[k] == quoteInner {
					if quotes[k] == q {
						q = quoteOuter + quoteInner - q
					}
					break
				}
			}
			quotes = append(quotes, q)
			if q == quoteInner {
				text(oiq)
			} else {
				text(oq)
			}
		case evQClose:
			if len(quotes) == 0 {
				break
			}
			q := quotes[len(quotes)-1]
			quotes = quotes[:len(quotes)-1]
			switch q {
			case quoteInner:
				text(ciq)
			case quoteOuter:
				text(cq)
			case literalSingle:
				text("’")
			default:
				text("”")
			}
		case evOpen:
			k, v, _ := strings.Cut(e.s, ":")
			saved := map[string]string{k: state[k]}
			prevState = append(prevState, saved)
			openTag, closeTag := markup(k, v, state, f)
			tag(openTag)
			stack = append(stack, open{closeTag})
		case evClose:
			if len(stack) == 0 {
				continue
			}
			tag(stack[len(stack)-1].close)
			stack = stack[:len(stack)-1]
			for k, v := range prevState[len(prevState)-1] {
				state[k] = v
			}
			prevState = prevState[:len(prevState)-1]
		}
	}
	if md != nil {
		md.end()
	}
	return b.String()
}

// mdEmphasis writes Markdown italics and bold, which do not nest the way
// CSL's flip-flop formatting does: "*" and "**" are opened and closed
// whenever the effective style changes between two pieces of text, so
// italics inside italics come out upright ("*The* MEK *in Iraq*").
// Delimiters stay next to the words they enclose (a space never follows
// an opening or precedes a closing one), and no empty emphasis is
// written.
type mdEmphasis struct {
	b            *strings.Builder
	state        map[string]string // the serializer's current formatting
	open         []string          // delimiters open in the output, innermost last
	pendingSpace string            // space held back until the next text
}

func (m *mdEmphasis) wants(delim string) bool {
	if delim == "*" {
		return m.state["font-style"] == "italic"
	}
	return m.state["font-weight"] == "bold"
}

// closeUnwanted closes the delimiters no longer wanted, and those opened
// inside them (they are opened again by openWanted).
func (m *mdEmphasis) closeUnwanted() {
	for i, d := range m.open {
		if !m.wants(d) {
			for j := len(m.open) - 1; j >= i; j-- {
				m.b.WriteString(m.open[j])
			}
			m.open = m.open[:i]
			return
		}
	}
}

func (m *mdEmphasis) openWanted() {
	for _, d := range [...]string{"**", "*"} { // bold outside italics
		if m.wants(d) && !slices.Contains(m.open, d) {
			m.b.WriteString(d)
			m.open = append(m.open, d)
		}
	}
}

// sync brings the output in line with the wanted emphasis before markup
// that is not text.
func (m *mdEmphasis) sync() {
	m.closeUnwanted()
	m.flushSpace()
	m.openWanted()
}

func (m *mdEmphasis) flushSpace() {
	if m.pendingSpace != "" {
		m.b.WriteString(m.pendingSpace)
		m.pendingSpace = ""
	}
}

func (m *mdEmphasis) text(s string) {
	m.closeUnwanted()
	body := strings.TrimLeftFunc(s, unicode.IsSpace)
	m.pendingSpace += s[:len(s)-len(body)]
	trimmed := strings.TrimRightFunc(body, unicode.IsSpace)
	if trimmed == "" {
		return
	}
	m.flushSpace()
	m.openWanted()
	writeEscaped(m.b, trimmed, Markdown)
	m.pendingSpace = body[len(trimmed):]
}

func (m *mdEmphasis) end() {
	m.state["font-style"], m.state["font-weight"] = "", ""
	m.closeUnwanted()
	m.flushSpace()
}

// markup returns the tags for one formatting attribute and updates the
// current formatting state.
func markup(k, v string, state map[string]string, f Format) (string, string) {
	cur := state[k]
	switch k {
	case "display":
		// the whitespace is citeproc-js's, which the test suite expects
		switch f {
		case HTML:
			switch displayClass(v) {
			case "block":
				return "\n\n    <div class=\"csl-block\">", "</div>\n"
			case "left-margin":
				return "\n    <div class=\"csl-left-margin\">", "</div>"
			case "right-inline":
				return "<div class=\"csl-right-inline\">", "</div>\n  "
			}
			return "<div class=\"csl-indent\">", "</div>\n  "
		case Text, Markdown:
			if v == "block" {
				return "\n", "\n"
			}
			if v == "left-margin" {
				return "", " "
			}
		}
		return "", ""
	case "font-style", "font-weight", "font-variant":
		on := map[string]string{"font-style": "italic", "font-weight": "bold", "font-variant": "small-caps"}[k]
		if v == "oblique" {
			v = "italic"
		}
		if v == on && cur == on {
			v = "normal" // flip-flop
		}
		if v == "normal" && cur != on {
			return "", ""
		}
		state[k] = v
		if v == "light" {
			v = "normal"
		}
		switch f {
		case HTML:
			switch {
			case k == "font-style" && v == "italic":
				return "<i>", "</i>"
			case k == "font-weight" && v == "bold":
				return "<b>", "</b>"
			}
			return `<span style="` + k + ":" + v + `;">`, "</span>"
		case Markdown:
			// italics and bold are written by mdEmphasis from the state
			if v == "small-caps" {
				return "[", "]{.smallcaps}"
			}
		}
		return "", ""
	case "text-decoration":
		if v == "none" && cur != "underline" {
			return "", ""
		}
		state[k] = v
		if f == HTML {
			return `<span style="text-decoration:` + v + `;">`, "</span>"
		}
		if f == Markdown && v == "underline" {
			return "[", "]{.underline}"
		}
		return "", ""
	case "vertical-align":
		if v == "baseline" && cur == "" {
			return "", ""
		}
		state[k] = v
		switch f {
		case HTML:
			switch v {
			case "sup":
				return "<sup>", "</sup>"
			case "sub":
				return "<sub>", "</sub>"
			}
			return `<span style="baseline">`, "</span>"
		case Markdown:
			switch v {
			case "sup":
				return "^", "^"
			case "sub":
				return "~", "~"
			}
		}
	}
	return "", ""
}

func displayClass(v string) string {
	switch v {
	case "block", "left-margin", "right-inline", "indent":
		return v
	}
	return "block"
}

// superscripts are the Unicode superscript characters that citeproc-js
// writes as <sup> in HTML (CSL.SUPERSCRIPTS: "1.ª" becomes
// "1.<sup>a</sup>", "Li⁺" "Li<sup>+</sup>", "™" "<sup>TM</sup>").
var superscripts = map[rune]string{
	0xAA: "a", 0xB2: "2", 0xB3: "3", 0xB9: "1", 0xBA: "o", 0x2B0: "h", 0x2B1: "ɦ", 0x2B2: "j",
	0x2B3: "r", 0x2B4: "ɹ", 0x2B5: "ɻ", 0x2B6: "ʁ", 0x2B7: "w", 0x2B8: "y", 0x2E0: "ɣ", 0x2E1: "l",
	0x2E2: "s", 0x2E3: "x", 0x2E4: "ʕ", 0x1D2C: "A", 0x1D2D: "Æ", 0x1D2E: "B", 0x1D30: "D", 0x1D31: "E",
	0x1D32: "Ǝ", 0x1D33: "G", 0x1D34: "H", 0x1D35: "I", 0x1D36: "J", 0x1D37: "K", 0x1D38: "L", 0x1D39: "M",
	0x1D3A: "N", 0x1D3C: "O", 0x1D3D: "Ȣ", 0x1D3E: "P", 0x1D3F: "R", 0x1D40: "T", 0x1D41: "U", 0x1D42: "W",
	0x1D43: "a", 0x1D44: "ɐ", 0x1D45: "ɑ", 0x1D46: "ᴂ", 0x1D47: "b", 0x1D48: "d", 0x1D49: "e", 0x1D4A: "ə",
	0x1D4B: "ɛ", 0x1D4C: "ɜ", 0x1D4D: "g", 0x1D4F: "k", 0x1D50: "m", 0x1D51: "ŋ", 0x1D52: "o", 0x1D53: "ɔ",
	0x1D54: "ᴖ", 0x1D55: "ᴗ", 0x1D56: "p", 0x1D57: "t", 0x1D58: "u", 0x1D59: "ᴝ", 0x1D5A: "ɯ", 0x1D5B: "v",
	0x1D5C: "ᴥ", 0x1D5D: "β", 0x1D5E: "γ", 0x1D5F: "δ", 0x1D60: "φ", 0x1D61: "χ", 0x2070: "0", 0x2071: "i",
	0x2074: "4", 0x2075: "5", 0x2076: "6", 0x2077: "7", 0x2078: "8", 0x2079: "9", 0x207A: "+", 0x207B: "−",
	0x207C: "=", 0x207D: "(", 0x207E: ")", 0x207F: "n", 0x2120: "SM", 0x2122: "TM", 0x3192: "一", 0x3193: "二",
	0x3194: "三", 0x3195: "四", 0x3196: "上", 0x3197: "中", 0x3198: "下", 0x3199: "甲", 0x319A: "乙", 0x319B: "丙",
	0x319C: "丁", 0x319D: "天", 0x319E: "地", 0x319F: "人", 0x2C0: "ʔ", 0x2C1: "ʕ", 0x6E5: "و", 0x6E6: "ي",
}

// isJSSpace reports whether r is white space to a JavaScript regular
// expression (\s).
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

func writeEscaped(b *strings.Builder, s string, f Format) {
	switch f {
	case HTML:
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if isJSSpace(r) {
				// two spaces in a row become a no-break space and a
				// space, as citeproc-js's text_escape writes them
				if next, n := utf8.DecodeRuneInString(s[i:]); n > 0 && isJSSpace(next) {
					b.WriteString("\u00a0 ")
					i += n
					continue
				}
			}
			if sup, ok := superscripts[r]; ok {
				b.WriteString("<sup>" + sup + "</sup>")
				continue
			}
			switch r {
			case '&':
				b.WriteString("&#38;")
			case '<':
				b.WriteString("&#60;")
			case '>':
				b.WriteString("&#62;")
			default:
				b.WriteRune(r)
			}
		}
	case Markdown:
		for _, r := range s {
			switch r {
			case '*', '_', '`', '\\', '^', '~':
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
	default:
		b.WriteString(s)
	}
}

// renderNodeBuf writes a node tree in a format, building its events in
// *buf (reused between calls).
func renderNodeBuf(n *node, f Format, loc *Locale, buf *[]event) string {
	evs := flatten(n, (*buf)[:0])
	evs = fixPunct(evs, loc.punctuationInQuote != nil && *loc.punctuationInQuote)
	*buf = evs
	return serialize(evs, f, loc)
}

// ---- text case ----

// upperJS upper-cases as JavaScript's toUpperCase does, with the
// full case mappings: "ß" becomes "SS" ("KIESSLING").
func upperJS(s string) string {
	if !strings.ContainsRune(s, 'ß') {
		return strings.ToUpper(s)
	}
	return cases.Upper(language.Und).String(s)
}

// applyCase changes the case of the text under n, leaving case-protected
// leaves alone. Title case is only applied when english is true.
func applyCase(n *node, tc string, english bool) {
	if n == nil || tc == "" {
		return
	}
	var ls []*node
	n.leaves(func(l *node) { ls = append(ls, l) })
	switch tc {
	case "lowercase", "uppercase":
		for _, l := range ls {
			if l.nocase {
				continue
			}
			if tc == "lowercase" {
				l.text = strings.ToLower(l.text)
			} else {
				l.text = upperJS(l.text)
			}
		}
		return
	case "title":
		if english {
			applyTitleCase(n, ls)
		}
		return
	}
	// word-level transforms over the concatenated text
	type span struct {
		l          *node
		start, end int
	}
	var all []rune
	var spans []span
	for _, l := range ls {
		s := len(all)
		for _, r := range l.text {
			all = append(all, r)
		}
		spans = append(spans, span{l, s, len(all)})
	}
	protected := make([]bool, len(all))
	for _, sp := range spans {
		if sp.l.nocase {
			for i := sp.start; i < sp.end; i++ {
				protected[i] = true
			}
		}
	}
	out := make([]rune, len(all))
	copy(out, all)
	allUpper := true
	hasLetter := false
	for i, r := range all {
		if unicode.IsLetter(r) && !protected[i] {
			hasLetter = true
			if unicode.IsLower(r) {
				allUpper = false
			}
		}
	}
	if !hasLetter {
		return
	}
	type word struct{ s, e int }
	var words []word
	for i := 0; i < len(all); {
		if isWordSep(all[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(all) && !isWordSep(all[j]) {
			j++
		}
		words = append(words, word{i, j})
		i = j
	}
	upFirst := func(w word) {
		for i := w.s; i < w.e; i++ {
			if unicode.IsDigit(all[i]) {
				return // "30th", "1.x" keep their letters (citeproc-js)
			}
			if unicode.IsLetter(all[i]) {
				if !protected[i] {
					out[i] = unicode.ToUpper(all[i])
				}
				return
			}
		}
	}
	lowerRest := func(w word) {
		seen := false
		for i := w.s; i < w.e; i++ {
			if unicode.IsLetter(all[i]) {
				if seen && !protected[i] {
					out[i] = unicode.ToLower(all[i])
				}
				seen = true
			}
		}
	}
	switch tc {
	case "capitalize-first":
		if len(words) > 0 {
			upFirst(words[0])
		}
	case "capitalize-all":
		for _, w := range words {
			upFirst(w)
		}
	case "sentence":
		for k, w := range words {
			if allUpper {
				lowerRest(w)
				if k > 0 {
					for i := w.s; i < w.e; i++ {
						if !protected[i] {
							out[i] = unicode.ToLower(all[i])
						}
					}
				}
			}
			if k == 0 {
				upFirst(w)
			}
		}
	}
	for _, sp := range spans {
		if !slices.Equal(out[sp.start:sp.end], all[sp.start:sp.end]) {
			sp.l.text = string(out[sp.start:sp.end])
		}
	}
}

func isWordSep(r rune) bool {
	return unicode.IsSpace(r) || r == '-' || r == '/' || r == '–' || r == '—'
}
