package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Citation is one citation of a document: a bracketed cluster or a key in
// the running text.
type Citation struct {
	Start, End int // byte offsets of the citation in the text
	Cites      []Cite
	// InText marks @key and @key [locator] in the running text: the
	// author is named in the sentence.
	InText bool
}

// Cite is one cited key with what surrounds it.
type Cite struct {
	Key            string
	Offset         int // byte offset of the "@"
	Prefix, Suffix string
	Locator, Label string // Label is a CSL locator term: "page", "chapter", ...
	SuppressAuthor bool
}

// Parse finds the citations of a Markdown text outside code, in order.
func Parse(text string) []Citation {
	code := codeMask(text)
	var out []Citation
	for i := 0; i < len(text); i++ {
		if code[i] {
			continue
		}
		switch text[i] {
		case '\\':
			i++ // an escaped character is text
		case '[':
			if end := linkEnd(text, i, code); end > 0 {
				i = end // the text of a link or image is not cited
			} else if c, ok := bracketed(text, i, code); ok {
				out = append(out, c)
				i = c.End - 1
			}
		case '@':
			if c, ok := inText(text, i, code); ok {
				out = append(out, c)
				i = c.End - 1
			}
		}
	}
	return out
}

// linkEnd returns the offset of the "]" closing the "[" at i when the
// brackets are the text of a link or an image ([text](url), [text][ref],
// ![alt](src)) or a reference definition ([ref]: url), else -1.
func linkEnd(text string, i int, code []bool) int {
	end := closing(text, i, code)
	if end < 0 {
		return -1
	}
	next := byte(0)
	if end+1 < len(text) {
		next = text[end+1]
	}
	lineStart := strings.TrimLeft(text[strings.LastIndexByte(text[:i], '\n')+1:i], " ") == ""
	if i > 0 && text[i-1] == '!' || next == '(' || next == '[' || next == ':' && lineStart {
		return end
	}
	return -1
}

// bracketed reads [prefix @key suffix; ...] at i.
func bracketed(text string, i int, code []bool) (Citation, bool) {
	end := closing(text, i, code)
	if end < 0 {
		return Citation{}, false
	}
	c := Citation{Start: i, End: end + 1}
	start := i + 1
	for _, item := range splitItems(text[start:end]) {
		cite, ok := parseItem(text, start+item.from, start+item.to)
		if !ok {
			return Citation{}, false
		}
		c.Cites = append(c.Cites, cite)
	}
	return c, len(c.Cites) > 0
}

// closing returns the offset of the "]" that closes the "[" at i, or -1;
// a citation does not cross a blank line.
func closing(text string, i int, code []bool) int {
	depth := 0
	for j := i; j < len(text); j++ {
		if code[j] {
			continue
		}
		switch text[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				return j
			}
		case '\n':
			if strings.HasPrefix(strings.TrimLeft(text[j+1:], " \t"), "\n") {
				return -1
			}
		}
	}
	return -1
}

type span struct{ from, to int }

// splitItems splits the inside of brackets at ";" outside braces.
func splitItems(s string) []span {
	var out []span
	depth, from := 0, 0
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
		case ';':
			if depth == 0 {
				out = append(out, span{from, j})
				from = j + 1
			}
		}
	}
	return append(out, span{from, len(s)})
}

// parseItem reads "prefix -@key suffix" in text[from:to].
func parseItem(text string, from, to int) (Cite, bool) {
	s := text[from:to]
	for j := 0; j < len(s); j++ {
		if s[j] != '@' || j > 0 && !boundary(s, j) {
			continue
		}
		key, n := readKey(s[j+1:])
		if key == "" {
			continue
		}
		c := Cite{Key: key, Offset: from + j}
		prefix := s[:j]
		if strings.HasSuffix(prefix, "-") {
			c.SuppressAuthor = true
			prefix = prefix[:len(prefix)-1]
		}
		c.Prefix = strings.TrimSpace(prefix)
		c.Locator, c.Label, c.Suffix = locator(s[j+1+n:])
		return c, true
	}
	return Cite{}, false
}

// boundary reports whether the "@" at s[j] may start a key: not inside a
// word (an e-mail address) and not escaped.
func boundary(s string, j int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:j])
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\\' || r == '@' || r == '_')
}

// readKey reads a citation key after "@": {anything} or pandoc's key
// characters; it returns the key and the bytes read.
func readKey(s string) (string, int) {
	if strings.HasPrefix(s, "{") {
		if end := strings.IndexByte(s, '}'); end > 1 {
			return s[1:end], end + 1
		}
		return "", 0
	}
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			n += size
		case strings.ContainsRune(":.#$%&-+?<>~/", r) && n > 0:
			// internal punctuation only: a letter or digit must follow
			next, _ := utf8.DecodeRuneInString(s[n+size:])
			if !(unicode.IsLetter(next) || unicode.IsDigit(next) || next == '_') {
				return s[:n], n
			}
			n += size
		default:
			return s[:n], n
		}
	}
	return s[:n], n
}

// inText reads @key or @key [locator, suffix] in the running text.
func inText(text string, i int, code []bool) (Citation, bool) {
	if i > 0 && !boundary(text, i) {
		return Citation{}, false
	}
	key, n := readKey(text[i+1:])
	if key == "" {
		return Citation{}, false
	}
	c := Citation{Start: i, End: i + 1 + n, InText: true, Cites: []Cite{{Key: key, Offset: i}}}
	rest := text[c.End:]
	if strings.HasPrefix(rest, " [") && !strings.Contains(rest[:max(strings.IndexByte(rest, ']'), 0)], "@") {
		if end := closing(text, c.End+1, code); end > 0 && (end+1 >= len(text) || text[end+1] != '(' && text[end+1] != '[') {
			cite := &c.Cites[0]
			inner := text[c.End+2 : end]
			cite.Locator, cite.Label, cite.Suffix = locator(", " + inner)
			c.End = end + 1
		}
	}
	return c, true
}

// labels maps the locator words pandoc recognises to CSL locator terms.
var labels = map[string]string{
	"p": "page", "pp": "page", "page": "page", "pages": "page",
	"ch": "chapter", "chap": "chapter", "chaps": "chapter", "chapter": "chapter", "chapters": "chapter",
	"sec": "section", "secs": "section", "section": "section", "sections": "section", "§": "section", "§§": "section",
	"vol": "volume", "vols": "volume", "volume": "volume", "volumes": "volume",
	"para": "paragraph", "paras": "paragraph", "paragraph": "paragraph", "paragraphs": "paragraph", "¶": "paragraph",
	"fig": "figure", "figs": "figure", "figure": "figure", "figures": "figure",
	"n": "note", "nn": "note", "note": "note", "notes": "note",
	"l": "line", "ll": "line", "line": "line", "lines": "line",
	"col": "column", "cols": "column", "column": "column", "columns": "column",
	"bk": "book", "bks": "book", "book": "book", "books": "book",
	"pt": "part", "pts": "part", "part": "part", "parts": "part",
	"no": "issue", "nos": "issue", "op": "opus", "opp": "opus",
	"v": "verse", "vv": "verse", "verse": "verse", "verses": "verse",
	"fol": "folio", "fols": "folio", "folio": "folio", "folios": "folio",
	"s.v": "sub-verbo", "s.vv": "sub-verbo", "art": "article", "arts": "article",
}

// locator splits what follows a key: ", p. 48, and passim" gives locator
// "48", label "page" and suffix ", and passim". A locator is a label word
// and what follows it up to the next comma that is not followed by a
// number, or a number alone (a page); anything else is all suffix.
func locator(s string) (loc, label, suffix string) {
	t := strings.TrimLeft(s, " ")
	if !strings.HasPrefix(t, ",") {
		return "", "", strings.TrimRight(s, " ")
	}
	t = strings.TrimLeft(t[1:], " ")
	if strings.HasPrefix(t, "{") {
		if end := strings.IndexByte(t, '}'); end > 0 {
			return t[1:end], "page", strings.TrimRight(t[end+1:], " ")
		}
	}
	word := t
	if k := strings.IndexAny(t, " 0123456789"); k >= 0 {
		word = t[:k]
	}
	if l, ok := labels[strings.ToLower(strings.TrimSuffix(word, "."))]; ok && word != "" {
		label = l
		t = strings.TrimLeft(t[len(word):], " ")
	} else if t == "" || !unicode.IsDigit(rune(t[0])) && !isRoman(t) {
		return "", "", strings.TrimRight(s, " ")
	} else {
		label = "page"
	}
	end := 0
	for end < len(t) {
		c := t[end]
		if c == ',' && startsWithDigit(strings.TrimLeft(t[end+1:], " ")) {
			end++
			continue
		}
		if c == ',' || c == ';' {
			break
		}
		end++
	}
	return strings.TrimSpace(t[:end]), label, strings.TrimRight(t[end:], " ")
}

// isRoman reports a lower-case roman numeral followed by a break (page xii).
func isRoman(s string) bool {
	n := 0
	for n < len(s) && strings.IndexByte("ivxlc", s[n]) >= 0 {
		n++
	}
	return n > 0 && (n == len(s) || !unicode.IsLetter(rune(s[n])))
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
