package csl

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// node is one piece of formatted output. Leaves carry text; inner nodes
// carry formatting, affixes and the delimiter placed between their
// non-empty children. Empty children are dropped when serializing, so
// removing a node (a suppressed author) never leaves a stray delimiter.
type node struct {
	text   string
	leaf   bool
	nocase bool // case-protected text (<span class="nocase">)
	term   bool // text of a locale term (capitalized at the start of a note)
	kids   []*node

	delim string
	// d holds affixes, quotes and display; it is shared (often with the
	// style element) and never modified: replace it instead.
	d *decoration
	f *fmtAttrs // nil: no formatting
	// tag marks nodes the processor finds again after rendering: "names"
	// (the first rendered names, for collapsing and author substitution),
	// "year-suffix", "citation-number", "date".
	tag string
	// filled is set on a node that rendering just found non-empty, so that
	// the enclosing group's check (emptyRendered) does not walk it again:
	// nested groups stay linear in their depth.
	filled bool
}

// fmtAttrs is the formatting of a node. Values are made once per style
// element (newFmt) and shared by the nodes rendered from it.
type fmtAttrs struct {
	fontStyle, fontVariant, fontWeight, textDecoration, verticalAlign string
	// opens holds the "attribute:value" markers the serializer opens,
	// bold outside italics as in citeproc-js.
	opens []string
}

// newFmt returns the formatting given by attrs, or nil for none.
func newFmt(attrs map[string]string) *fmtAttrs {
	f := &fmtAttrs{attrs["font-style"], attrs["font-variant"], attrs["font-weight"], attrs["text-decoration"], attrs["vertical-align"], nil}
	for _, a := range [...]struct{ k, v string }{
		{"font-weight", f.fontWeight}, {"font-style", f.fontStyle}, {"font-variant", f.fontVariant},
		{"text-decoration", f.textDecoration}, {"vertical-align", f.verticalAlign},
	} {
		if a.v != "" {
			f.opens = append(f.opens, a.k+":"+a.v)
		}
	}
	if len(f.opens) == 0 {
		return nil
	}
	return f
}

// Formatting of rich-text markup in values.
var (
	fmtItalic    = newFmt(map[string]string{"font-style": "italic"})
	fmtBold      = newFmt(map[string]string{"font-weight": "bold"})
	fmtSup       = newFmt(map[string]string{"vertical-align": "sup"})
	fmtSub       = newFmt(map[string]string{"vertical-align": "sub"})
	fmtSmallCaps = newFmt(map[string]string{"font-variant": "small-caps"})
	// fmtNoDecor is <span class="nodecor">: text set upright and plain
	// inside formatted text ("<i>Lessard v. Schmidt</i>" with a roman "v.")
	fmtNoDecor = newFmt(map[string]string{"font-style": "normal", "font-variant": "normal", "font-weight": "normal"})
)

func textNode(s string) *node {
	if s == "" {
		return nil
	}
	return &node{text: s, leaf: true}
}

func group(kids ...*node) *node {
	var k []*node
	for _, c := range kids {
		if c != nil {
			k = append(k, c)
		}
	}
	if len(k) == 0 {
		return nil
	}
	return &node{kids: k}
}

func (n *node) prefix() string {
	if n.d == nil {
		return ""
	}
	return n.d.prefix
}

func (n *node) suffix() string {
	if n.d == nil {
		return ""
	}
	return n.d.suffix
}

func (n *node) display() string {
	if n.d == nil {
		return ""
	}
	return n.d.display
}

func (n *node) quotes() bool { return n.d != nil && n.d.quotes }

// affixes returns the decoration of a prefix and a suffix, nil for none.
func affixes(prefix, suffix string) *decoration {
	if prefix == "" && suffix == "" {
		return nil
	}
	return &decoration{prefix: prefix, suffix: suffix, decorates: true}
}

// withSuffix returns a copy of d with another suffix.
func (d *decoration) withSuffix(s string) *decoration {
	c := decoration{}
	if d != nil {
		c = *d
	}
	c.suffix = s
	return &c
}

// decoQuotes marks text in straight quotes in values, decoCurlyQuotes and
// decoInnerQuotes text in curly ones. As in citeproc-js, curly quotes are
// quotes only when they are the locale's (outer or inner) marks, and keep
// that kind; otherwise they are plain text. A quote flips only when it
// would repeat the enclosing quote's marks.
var (
	decoQuotes      = &decoration{quotes: true, decorates: true}
	decoCurlyQuotes = &decoration{quotes: true, written: '“', decorates: true}
	decoInnerQuotes = &decoration{quotes: true, written: '‘', decorates: true}
	// decoOtherQuotes marks straight quotes of the other kind than the
	// value's first straight quotes: citeproc-js sets them as inner
	// quotes ("a 'x' b \"y\"" gives “x” and ‘y’).
	decoOtherQuotes = &decoration{quotes: true, written: '\'', decorates: true}
)

// plainLeaf reports whether a leaf carries no decoration of its own.
func (n *node) plainLeaf() bool {
	return (n.d == nil || *n.d == decoration{}) && n.f == nil
}

// empty reports whether the node renders no text.
func (n *node) empty() bool {
	if n == nil {
		return true
	}
	if n.leaf {
		return n.text == ""
	}
	for _, k := range n.kids {
		if !k.empty() {
			return false
		}
	}
	return true
}

// emptyRendered is empty for a node being rendered: subtrees already
// found non-empty (filled) are not walked again.
func (n *node) emptyRendered() bool {
	if n == nil {
		return true
	}
	if n.filled {
		return false
	}
	if n.leaf {
		return n.text == ""
	}
	for _, k := range n.kids {
		if !k.emptyRendered() {
			return false
		}
	}
	return true
}

// unfill clears the filled marks of a subtree whose text changes.
func (n *node) unfill() {
	if n == nil {
		return
	}
	n.filled = false
	for _, k := range n.kids {
		k.unfill()
	}
}

// plain returns the text of the node without markup, for comparisons.
func (n *node) plain() string {
	b, _ := n.appendPlain(nil)
	return string(b)
}

func (n *node) appendPlain(b []byte) ([]byte, bool) {
	if n == nil {
		return b, false
	}
	if n.leaf && n.plainLeaf() {
		return append(b, n.text...), n.text != ""
	}
	start := len(b)
	b = append(b, n.prefix()...)
	if n.quotes() {
		b = append(b, '"')
	}
	wrote := false
	if n.leaf && n.text != "" {
		b = append(b, n.text...)
		wrote = true
	}
	for _, k := range n.kids {
		mark := len(b)
		if wrote {
			b = append(b, n.delim...)
		}
		var ok bool
		b, ok = k.appendPlain(b)
		if !ok {
			b = b[:mark]
			continue
		}
		wrote = true
	}
	if !wrote {
		return b[:start], false
	}
	if n.quotes() {
		b = append(b, '"')
	}
	return append(b, n.suffix()...), true
}

// find returns the first node with the tag, depth first.
func (n *node) find(tag string) *node {
	if n == nil {
		return nil
	}
	if n.tag == tag {
		return n
	}
	for _, k := range n.kids {
		if f := k.find(tag); f != nil {
			return f
		}
	}
	return nil
}

// leaves calls fn on every leaf in order.
func (n *node) leaves(fn func(*node)) {
	if n == nil {
		return
	}
	if n.leaf {
		fn(n)
		return
	}
	for _, k := range n.kids {
		k.leaves(fn)
	}
}

// firstLeaf returns the first non-empty leaf.
func (n *node) firstLeaf() *node {
	if n == nil || n.empty() {
		return nil
	}
	if n.leaf {
		return n
	}
	for _, k := range n.kids {
		if l := k.firstLeaf(); l != nil {
			return l
		}
	}
	return nil
}

// ---- rich text input ----

// caseProtected reports whether text inside the open tags keeps its case:
// nocase spans, and (as in citeproc-js) small caps, superscript and
// subscript, whose case is part of their meaning (chemical formulae,
// ordinals, acronyms set in small caps).
func caseProtected(stack []*node) bool {
	for _, n := range stack {
		switch n.tag {
		case "nocase", "sc", "sup", "sub":
			return true
		}
	}
	return false
}

// parseRich turns a CSL-JSON value with inline markup into nodes: <i>, <b>,
// <sup>, <sub>, small-caps, nocase and nodecor spans, and straight or curly double
// quotes, which become quote nodes so that they flip with outer quotes.
func parseRich(s string) *node {
	if !strings.ContainsAny(s, "<\"'“‘«»") {
		return textNode(s)
	}
	root := &node{}
	stack := []*node{root}
	var buf strings.Builder
	flush := func() {
		if buf.Len() > 0 {
			top := stack[len(stack)-1]
			top.kids = append(top.kids, &node{text: buf.String(), leaf: true, nocase: caseProtected(stack)})
			buf.Reset()
		}
	}
	push := func(n *node) {
		flush()
		top := stack[len(stack)-1]
		top.kids = append(top.kids, n)
		stack = append(stack, n)
	}
	pop := func(match func(*node) bool) bool {
		for i := len(stack) - 1; i > 0; i-- {
			if match(stack[i]) {
				flush()
				stack = stack[:i]
				return true
			}
		}
		return false
	}
	var firstStraight rune // the kind of the value's first straight quotes
	straight := func(r rune) *decoration {
		if firstStraight == 0 {
			firstStraight = r
		}
		if r != firstStraight {
			return decoOtherQuotes
		}
		return decoQuotes
	}
	inQuote := func(kind string) bool {
		for i := len(stack) - 1; i > 0; i-- {
			if stack[i].tag == kind {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(s); {
		if s[i] == '<' {
			if tag, rest, ok := richTag(s[i:]); ok {
				switch tag {
				case "i":
					push(&node{f: fmtItalic, tag: "i"})
				case "b":
					push(&node{f: fmtBold, tag: "b"})
				case "sup":
					push(&node{f: fmtSup, tag: "sup"})
				case "sub":
					push(&node{f: fmtSub, tag: "sub"})
				case "sc":
					push(&node{f: fmtSmallCaps, tag: "sc"})
				case "nocase":
					push(&node{tag: "nocase"})
					if len(stack) == 2 && len(root.kids) == 1 && strings.HasPrefix(rest, " ") {
						// citeproc-js drops one space after a
						// case-protected span that opens the value
						rest = rest[1:]
					}
				case "nodecor":
					push(&node{f: fmtNoDecor, tag: "nodecor"})
				case "/i", "/b", "/sup", "/sub", "/sc":
					t := tag[1:]
					if !pop(func(n *node) bool { return n.tag == t }) {
						buf.WriteString(s[i : len(s)-len(rest)])
					}
				case "/span":
					if !pop(func(n *node) bool { return n.tag == "sc" || n.tag == "nocase" || n.tag == "nodecor" }) {
						buf.WriteString(s[i : len(s)-len(rest)])
					}
				}
				i = len(s) - len(rest)
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"' || r == '“' || r == '”':
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next := nextRune(s, i+size)
			if r == '”' || (r == '"' && i > 0 && !unicode.IsSpace(prev) && inQuote("q2")) {
				if pop(func(n *node) bool { return n.tag == "q2" }) {
					i += size
					continue
				}
			}
			opening := r == '“' || (r == '"' && (i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{-/‘'", prev)) && next != 0 && !unicode.IsSpace(next))
			if opening && hasClosingDouble(s[i+size:]) {
				d := decoCurlyQuotes
				if r != '“' {
					d = straight('"')
				}
				push(&node{d: d, tag: "q2"})
				i += size
				continue
			}
			buf.WriteRune(r)
		case r == '\'' || r == '‘' || r == '’':
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			atStart := i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{-/“\"", prev)
			if r != '’' && (r == '‘' || (atStart && unicode.IsLetter(nextRune(s, i+size)))) && closingSingle(s[i+size:]) {
				d := decoInnerQuotes
				if r != '‘' {
					d = straight('\'')
				}
				push(&node{d: d, tag: "q1"})
				i += size
				continue
			}
			if r != '‘' && inQuote("q1") && !unicode.IsLetter(nextRune(s, i+size)) {
				if pop(func(n *node) bool { return n.tag == "q1" }) {
					i += size
					continue
				}
			}
			if r == '‘' {
				// A left mark that closes nothing is a letter, not a quote:
				// the ‘ayn of a romanized name (‘Abd al-Raḥmān) stays as written.
				buf.WriteRune(r)
				break
			}
			if r == '\'' && !unicode.IsLetter(prev) && !unicode.IsDigit(prev) && inQuote("nocase") {
				// citeproc-js leaves an opening mark that closes nothing
				// straight in case-protected text ("TUG '98"), after
				// one plain space (it writes /\s+'/ as " '")
				if t := strings.TrimRightFunc(buf.String(), unicode.IsSpace); len(t) < buf.Len() {
					buf.Reset()
					buf.WriteString(t + " ")
				}
				buf.WriteRune(r)
				break
			}
			buf.WriteRune('’')
		case r == '«' || r == '»':
			// French guillemets hold their text with narrow no-break
			// spaces, as citeproc-js writes them.
			if r == '»' {
				if t := strings.TrimRight(buf.String(), guillemetSpace); len(t) < buf.Len() {
					buf.Reset()
					buf.WriteString(t)
					buf.WriteRune('\u202f')
				}
				buf.WriteRune(r)
				break
			}
			buf.WriteRune(r)
			if rest := strings.TrimLeft(s[i+size:], guillemetSpace); len(rest) < len(s)-i-size && rest != "" {
				buf.WriteRune('\u202f')
				i = len(s) - len(rest)
				continue
			}
		default:
			buf.WriteString(s[i : i+size])
		}
		i += size
	}
	flush()
	if len(root.kids) == 1 && root.kids[0].leaf {
		return root.kids[0]
	}
	return root
}

// guillemetSpace is the space that may separate guillemets from their text.
const guillemetSpace = " \u00a0\u202f"

func nextRune(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// hasClosingDouble reports whether s has a closing double quote: one
// not preceded by a space.
func hasClosingDouble(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '”' || r == '"' {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if i > 0 && !unicode.IsSpace(prev) {
				return true
			}
		}
		i += size
	}
	return false
}

// closingSingle reports whether s has a closing single quote: one not
// followed by a letter (an apostrophe is).
func closingSingle(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\'' || r == '’' {
			if !unicode.IsLetter(nextRune(s, i+size)) {
				return true
			}
		}
		i += size
	}
	return false
}

// richTag recognizes one markup tag at the start of s.
func richTag(s string) (tag, rest string, ok bool) {
	end := strings.IndexByte(s, '>')
	if end < 0 {
		return "", s, false
	}
	t := s[1:end]
	rest = s[end+1:]
	switch t {
	case "i", "b", "sup", "sub", "/i", "/b", "/sup", "/sub", "/span", "sc", "/sc":
		return t, rest, true
	}
	if strings.HasPrefix(t, "span ") {
		a := strings.ReplaceAll(t, " ", "")
		switch {
		case strings.Contains(a, `class="nocase"`):
			return "nocase", rest, true
		case strings.Contains(a, `class="nodecor"`):
			return "nodecor", rest, true
		case strings.Contains(a, "font-variant:small-caps"):
			return "sc", rest, true
		}
	}
	return "", s, false
}
