package bibtex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// texName is one name split by BibTeX's rules, each part still TeX text.
type texName struct {
	First, Von, Last, Jr string
	// Literal holds the content of a name given as one brace group
	// ({Human Rights Watch}); the other parts are then empty.
	Literal   string
	IsLiteral bool
}

// splitNames splits a name list at the word "and" (in any case, at brace
// depth 0, surrounded by white space), as BibTeX does. It reports whether
// the list ends with "and others".
func splitNames(s string) (names []string, others bool) { return splitNamesInto(nil, s) }

// splitNamesInto is splitNames appending to names, so that the Decoder can
// reuse one slice for every list.
func splitNamesInto(names []string, s string) ([]string, bool) {
	others := false
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case 'a', 'A':
			if depth == 0 && i > 0 && isSpace(s[i-1]) && i+4 < len(s) && isSpace(s[i+3]) &&
				strings.EqualFold(s[i:i+3], "and") {
				names = appendName(names, s[start:i])
				start = i + 3
				i += 2
			}
		}
	}
	names = appendName(names, s[start:])
	if n := len(names); n > 0 && names[n-1] == "others" {
		names, others = names[:n-1], true
	}
	return names, others
}

func appendName(names []string, s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return names
	}
	return append(names, s)
}

// splitName splits one name into First, von, Last and Jr the way BibTeX
// does: "First von Last", "von Last, First" or "von Last, Jr, First". The
// von part is made of the words that start with a lower-case letter; a
// word's case is that of its first letter at brace depth 0, or of the
// letter a special character such as {\'E} or {\o} stands for; other brace
// groups have no case. A name that is one brace group is a literal. Runs
// of white space in s must have been collapsed.
func splitName(s string) texName {
	s = strings.TrimSpace(s)
	if isOneGroup(s) {
		return texName{Literal: s[1 : len(s)-1], IsLiteral: true}
	}
	var partBuf [4]string
	parts := splitDepth0(partBuf[:0], s, ',')
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	var n texName
	var wordBuf [16]span
	switch len(parts) {
	case 1:
		p := parts[0]
		w := words(wordBuf[:0], p)
		if len(w) == 0 {
			return n
		}
		last := len(w) - 1
		a := -1
		for i := 0; i < last; i++ {
			if isLowerWord(w[i].of(p)) {
				a = i
				break
			}
		}
		if a < 0 {
			n.First = join(p, w[:last])
			n.Last = w[last].of(p)
			return n
		}
		b := a
		for i := a; i < last; i++ {
			if isLowerWord(w[i].of(p)) {
				b = i
			}
		}
		n.First = join(p, w[:a])
		n.Von = join(p, w[a:b+1])
		n.Last = join(p, w[b+1:])
		return n
	case 2:
		n.First = parts[1]
	default:
		// BibTeX complains about more than two commas; keep the rest with
		// the first names rather than lose it.
		n.Jr = parts[1]
		n.First = strings.Join(parts[2:], ", ")
	}
	p := parts[0]
	w := words(wordBuf[:0], p)
	if len(w) == 0 {
		return n
	}
	last := len(w) - 1
	b := -1
	for i := last - 1; i >= 0; i-- {
		if isLowerWord(w[i].of(p)) {
			b = i
			break
		}
	}
	n.Von = join(p, w[:b+1])
	n.Last = join(p, w[b+1:])
	return n
}

// span is a word of a name: s[start:end] of the text it was found in.
type span struct{ start, end int }

func (w span) of(s string) string { return s[w.start:w.end] }

// join returns the text from the first to the last of the words, which
// is the words joined by single spaces in collapsed text.
func join(s string, w []span) string {
	if len(w) == 0 {
		return ""
	}
	return s[w[0].start:w[len(w)-1].end]
}

// isOneGroup reports whether s is a single brace group: "{...}".
func isOneGroup(s string) bool {
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return false
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 && i < len(s)-1 {
				return false
			}
		}
	}
	return depth == 0
}

// splitDepth0 appends to out the pieces of s between sep bytes outside
// braces.
func splitDepth0(out []string, s string, sep byte) []string {
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// words appends to out the words of s, split at white space outside
// braces. Space after a control
// word belongs to it (TeX skips it), so "Milo\v s" or a conditional such
// as "\ifmmode \check{s}\else \v{s}\fi" stays one word.
func words(out []span, s string) []span {
	depth, start := 0, -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{':
			depth++
		case c == '}':
			if depth > 0 {
				depth--
			}
		case isSpace(c) && depth == 0 && !(start >= 0 && endsInControlWord(s[start:i])):
			if start >= 0 {
				out = append(out, span{start, i})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}

// specialWords are the control words that stand for a letter themselves
// (rather than accenting the next one), as in {\o}, {\AE} or {\ss}.
var specialWords = map[string]bool{
	"i": true, "j": true, "o": true, "O": true, "l": true, "L": true, "ae": true, "AE": true,
	"oe": true, "OE": true, "aa": true, "AA": true, "ss": true, "SS": true,
}

// isLowerWord reports whether a word starts with a lower-case letter, by
// BibTeX's rules.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); {
		c := w[i]
		if c == '{' {
			j := matchClose(w, i)
			if i+1 < len(w) && w[i+1] == '\\' {
				// A special character: its case is that of the letter it
				// makes, e.g. {\'E} or {\oe}.
				return specialCase(w[i+2 : j])
			}
			i = j + 1
			continue
		}
		if c == '\\' {
			// An accent outside braces, as in \'{A}ngel or \v Ceska: the
			// word has the case of the accented letter. (BibTeX would skip
			// the braces and look at "ngel"; nobody means that.)
			j := i + 1
			for j < len(w) && isASCIILetter(w[j]) {
				j++
			}
			if j > i+1 && specialWords[w[i+1:j]] {
				return unicode.IsLower(rune(w[i+1]))
			}
			if j == i+1 && j < len(w) {
				j++ // a one-character accent such as \' or \"
			}
			for j < len(w) && (w[j] == ' ' || w[j] == '{') {
				j++
			}
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		i += size
	}
	return false
}

// specialCase returns whether the body of a special character (after the
// backslash) is lower case.
func specialCase(body string) bool {
	k := 0
	for k < len(body) && isASCIILetter(body[k]) {
		k++
	}
	if k > 0 && specialWords[body[:k]] {
		return unicode.IsLower(rune(body[0]))
	}
	if k == 0 && k < len(body) {
		k++ // an accent command such as \' or \"
	}
	for _, r := range body[k:] {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// matchClose returns the index of the brace closing the one at i, or the
// last index of s if it is not closed.
func matchClose(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return len(s) - 1
}

// endsInControlWord reports whether w ends with a control word such as
// \else (a backslash and letters, the backslash not itself escaped).
func endsInControlWord(w string) bool {
	i := len(w)
	for i > 0 && isASCIILetter(w[i-1]) {
		i--
	}
	if i == len(w) || i == 0 || w[i-1] != '\\' {
		return false
	}
	n := 0 // backslashes before the letters
	for j := i - 1; j >= 0 && w[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// splitElided splits an elided particle written together with the family
// name ("al-Khalil", "d'Alembert", "el-Sayed"): a lower-case word ending
// in a hyphen or apostrophe before a capital. pandoc and citeproc read
// such names so; biblatex prints them the same either way.
func splitElided(family string) (particle, rest string) {
	for i, r := range family {
		switch {
		case r >= 'a' && r <= 'z':
			continue
		case i > 0 && (r == '-' || r == '\'' || r == '’'):
			j := i + utf8.RuneLen(r)
			if next, _ := utf8.DecodeRuneInString(family[j:]); unicode.IsUpper(next) {
				return family[:j], family[j:]
			}
		}
		return "", family
	}
	return "", family
}

// isElided reports whether a particle is one lower-case word that ends in
// a hyphen or apostrophe, which is written joined to the family name.
func isElided(particle string) bool {
	p, rest := splitElided(particle + "X")
	return p != "" && rest == "X"
}

// extendedName reads biblatex's extended name format, "family=Khalil,
// given=Samir, prefix=al-, useprefix=true": every comma-separated part is
// key=value with a key biblatex defines. The prefix is the von part.
func extendedName(s string) (texName, bool) {
	if !strings.Contains(s, "=") {
		return texName{}, false
	}
	var t texName
	for _, p := range splitDepth0(nil, s, ',') {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			return texName{}, false
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '{' && v[len(v)-1] == '}' && isOneGroup(v) || v[0] == '"' && v[len(v)-1] == '"') {
			v = v[1 : len(v)-1]
		}
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "family":
			t.Last = v
		case "given":
			t.First = v
		case "prefix":
			t.Von = v
		case "suffix":
			t.Jr = v
		case "useprefix", "sortingnamekeytemplatename", "id", "given-i", "family-i", "prefix-i", "suffix-i":
		default:
			return texName{}, false
		}
	}
	return t, t.Last != "" || t.First != ""
}
