package csl

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Title case as citeproc-js applies it (CSL.Output.Formatters.title):
// the text is cut into strings at "tags" (quote marks, the punctuation
// -–—/.,;?!:[](), markup boundaries) and each string into words at spaces.
// A lower-case word is capitalised when it is longer than one letter and
// not a stop word, when it opens the text, follows ! ? or :, or ends the
// first string before a hyphen; a stop word ending the text is
// capitalised too. A quote mark that closes nothing, or an opening one
// that is never closed, puts back the case of the string after it (so
// "l’adresse" and "'protected' words" keep their lower case). Words with
// a capital and case-protected text are left alone.

// isSkipWord reports whether a lower-case word is one of citeproc-js's
// CSL.SKIP_WORDS, matched as citeproc-js matches them: as a regular
// expression, in which the "." of "v." and "vs." stands for any letter
// (so "vu" and "va" are stop words too).
func isSkipWord(w string) bool {
	if skipWords[w] {
		return true
	}
	for _, p := range [...]string{"v.", "vs."} {
		if len(w) >= len(p) && strings.HasPrefix(w, p[:len(p)-1]) && utf8.RuneCountInString(w[len(p)-1:]) == 1 {
			return true
		}
	}
	return false
}

// skipWords are citeproc-js's CSL.SKIP_WORDS (the one-word entries).
var skipWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`about above across afore after against al along alongside amid amidst among amongst anenst apropos apud around as aside astride at athwart atop barring before behind below beneath beside besides between beyond but by circa despite down during et except for forenenst from given in inside into lest like modulo near next notwithstanding of off on onto out over per plus pro qua sans since than through thru throughout thruout till to toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without or yet so and nor a an the de d' von van c ca`) {
		m[w] = true
	}
	return m
}()

// tcText is the text title case works on: the runes of the leaves, with
// the quote marks of quoted values (parsed into quote nodes) put back as
// marker runes, since citeproc-js cases the value before it reads quotes.
type tcText struct {
	all       []rune
	protected []bool
	marker    []bool // a quote mark put back, not written out
	leafStart []bool // the first rune of a leaf
}

func (t *tcText) add(n *node) {
	if n == nil {
		return
	}
	if n.leaf {
		for k, r := range []rune(n.text) {
			t.all = append(t.all, r)
			t.protected = append(t.protected, n.nocase)
			t.marker = append(t.marker, false)
			t.leafStart = append(t.leafStart, k == 0)
		}
		return
	}
	open, closing := quoteMarks(n)
	if open != 0 {
		t.addMarker(open)
	}
	for _, k := range n.kids {
		t.add(k)
	}
	if open != 0 {
		t.addMarker(closing)
	}
}

func (t *tcText) addMarker(r rune) {
	t.all = append(t.all, r)
	t.protected = append(t.protected, false)
	t.marker = append(t.marker, true)
	t.leafStart = append(t.leafStart, true)
}

// quoteMarks returns the marks a quote node parsed from a value was
// written with, zeros for any other node.
func quoteMarks(n *node) (rune, rune) {
	switch {
	case n.tag == "q2" && n.d == decoCurlyQuotes:
		return '“', '”'
	case n.tag == "q2":
		return '"', '"'
	case n.tag == "q1" && n.d == decoInnerQuotes:
		return '‘', '’'
	case n.tag == "q1":
		return '\'', '\''
	}
	return 0, 0
}

// tcTag is a tag between two strings: the runes [s, e) of the text; kind
// is the tag as citeproc-js matches it ("" for a markup boundary).
type tcTag struct {
	s, e int
	kind string
}

func isTitleTag(r rune) bool {
	return strings.ContainsRune("‘’“”\"'-–—/.,;?!:[]()", r)
}

// split cuts the text into strings and the tags between them, as
// CSL.Doppeler does: strs[i] lies between tags[i-1] and tags[i].
func (t *tcText) split() (strs [][2]int, tags []tcTag) {
	start := 0
	for i := 0; i < len(t.all); i++ {
		r := t.all[i]
		switch {
		case isTitleTag(r):
			s := i
			kind := string(r)
			if (r == '"' || r == '\'') && i > start && t.all[i-1] == ' ' && !t.marker[i-1] {
				s, kind = i-1, " "+kind // the space belongs to the tag
			}
			strs = append(strs, [2]int{start, s})
			tags = append(tags, tcTag{s, i + 1, kind})
			start = i + 1
		case t.leafStart[i] && i > start && (t.protected[i] != t.protected[i-1] || !isTitleTag(t.all[i-1])):
			strs = append(strs, [2]int{start, i})
			tags = append(tags, tcTag{i, i, ""})
			start = i
		}
	}
	strs = append(strs, [2]int{start, len(t.all)})
	// a straight apostrophe before text belongs to that text
	// (citeproc-js: "fixes forums.zotero.org/discussion/comment/294317")
	for i := range tags {
		if tags[i].kind == "'" && strs[i+1][1] > strs[i+1][0] {
			strs[i+1][0] = tags[i].s
			tags[i].kind = ""
			tags[i].e = tags[i].s
		}
	}
	return strs, tags
}

// titleCaser holds the state of citeproc-js's title-case machine.
type titleCaser struct {
	t                  *tcText
	out                []rune
	strs               [][2]int
	isFirst, afterPunt bool
	lastWord           [2]int // string and word index; -1: none
	quotes             []tcQuote
}

type tcQuote struct {
	opener, closer string
	pos            int // tag index; -1 for none (citeproc-js loses it)
}

func titleCase(t *tcText) []rune {
	strs, tags := t.split()
	c := &titleCaser{t: t, out: append([]rune(nil), t.all...), strs: strs, isFirst: true, lastWord: [2]int{-1, -1}}
	c.words(0, len(tags) > 0 && tags[0].kind == "-")
	if c.nonBlank(0) {
		c.isFirst, c.afterPunt = false, false // a case-protected opening
	}
	for i, tag := range tags {
		if strings.ContainsAny(tag.kind, "!?:") {
			c.afterPunt = true
		}
		c.words(i+1, false)
		if pos, ok := c.quoteFix(tag.kind, i); ok {
			c.restore(pos)
			c.lastWord = [2]int{-1, -1}
		}
		if c.nonBlank(i + 1) {
			c.isFirst, c.afterPunt = false, false
		}
	}
	for _, q := range c.quotes {
		if q.pos >= 0 {
			c.restore(q.pos)
		}
	}
	if c.lastWord[0] >= 0 {
		s := c.strs[c.lastWord[0]]
		w := wordsOf(c.out, s[0], s[1])[c.lastWord[1]]
		if w[1]-w[0] > 1 && isSkipWord(strings.ToLower(string(c.out[w[0]:w[1]]))) {
			c.capitalise(w)
		}
	}
	return c.out
}

func (c *titleCaser) nonBlank(i int) bool {
	s := c.strs[i]
	return strings.TrimSpace(string(c.t.all[s[0]:s[1]])) != ""
}

func (c *titleCaser) isProtected(i int) bool {
	for k := c.strs[i][0]; k < c.strs[i][1]; k++ {
		if c.t.protected[k] {
			return true
		}
	}
	return false
}

// words capitalises the words of string i (capitaliseWords).
func (c *titleCaser) words(i int, beforeHyphen bool) {
	if !c.nonBlank(i) {
		return
	}
	if c.isProtected(i) {
		c.lastWord = [2]int{-1, -1}
		return
	}
	s := c.strs[i]
	ws := wordsOf(c.out, s[0], s[1])
	for j, w := range ws {
		if w[1] == w[0] {
			continue
		}
		word := string(c.out[w[0]:w[1]])
		lower := strings.ToLower(word)
		capitalize := (w[1]-w[0] > 1 && !isSkipWord(lower)) ||
			(j == len(ws)-1 && beforeHyphen) || c.isFirst || c.afterPunt
		if capitalize && word == lower {
			c.capitalise(w)
		}
		c.afterPunt, c.isFirst = false, false
		c.lastWord = [2]int{i, j}
	}
}

// capitalise upper-cases the first rune of a word, except a lone Greek
// letter (a symbol in a scientific title).
func (c *titleCaser) capitalise(w [2]int) {
	r := c.out[w[0]]
	if w[1]-w[0] == 1 && r >= 0x370 && r <= 0x3ff {
		return
	}
	c.out[w[0]] = unicode.ToUpper(r)
}

// restore puts back the original first rune of the string after tag pos.
func (c *titleCaser) restore(pos int) {
	s := c.strs[pos+1]
	if s[1] > s[0] {
		c.out[s[0]] = c.t.all[s[0]]
	}
}

// quoteFix follows the quote marks (citeproc-js's quoteState): it returns
// the tag whose following string gets its case back, if any.
func (c *titleCaser) quoteFix(kind string, pos int) (int, bool) {
	var opener, closer string
	switch kind {
	case "“":
		opener, closer = "“", "”"
	case "‘":
		opener, closer = "‘", "’"
	case ` "`:
		opener, closer = " '", `"`
	case " '":
		opener, closer = ` "`, "'"
	case "’", "”", `"`, "'":
		if n := len(c.quotes); n > 0 && c.quotes[n-1].closer == kind {
			c.quotes = c.quotes[:n-1]
			return 0, false
		}
		return pos, true
	default:
		return 0, false
	}
	n := len(c.quotes)
	if n == 0 || c.quotes[n-1].opener == kind {
		c.quotes = append(c.quotes, tcQuote{opener, closer, pos})
		return 0, false
	}
	prev := c.quotes[n-1].pos
	c.quotes[n-1] = tcQuote{opener, closer, -1}
	return prev, prev >= 0
}

// wordsOf splits runes [s, e) at runs of spaces, as citeproc-js's
// wordDoppel does: a leading or trailing run gives an empty word.
func wordsOf(rs []rune, s, e int) [][2]int {
	var ws [][2]int
	start := s
	for i := s; i < e; {
		if !isTitleSpace(rs[i]) {
			i++
			continue
		}
		ws = append(ws, [2]int{start, i})
		for i < e && isTitleSpace(rs[i]) {
			i++
		}
		start = i
	}
	return append(ws, [2]int{start, e})
}

func isTitleSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || (r >= '\u2000' && r <= '\u200b') || r == '\u205f' || r == '\u3000'
}

// applyTitleCase title-cases the text under n, whose leaves are ls.
func applyTitleCase(n *node, ls []*node) {
	t := &tcText{}
	t.add(n)
	out := titleCase(t)
	k := 0
	for _, l := range ls {
		for k < len(out) && t.marker[k] {
			k++
		}
		m := len([]rune(l.text))
		if s := string(out[k : k+m]); s != l.text {
			l.text = s
		}
		k += m
	}
}
