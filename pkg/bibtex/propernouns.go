package bibtex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleFunctionWords are the short words title case capitalizes only at
// the start (and many sources capitalize anyway); they are left for
// styles to recase.
var titleFunctionWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "but": true, "or": true, "nor": true, "for": true,
	"so": true, "yet": true, "as": true, "at": true, "by": true, "in": true, "of": true, "off": true,
	"on": true, "per": true, "to": true, "up": true, "via": true, "with": true, "from": true, "into": true,
	"onto": true, "over": true, "than": true, "that": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "its": true, "vs": true, "versus": true, "not": true, "no": true,
}

const nocaseOpen, nocaseClose = `<span class="nocase">`, `</span>`

// protectProperNouns marks the capitalized words of a title that a
// sentence-casing reader (BibTeX's plain, pandoc, biblatex with
// \MakeSentenceCase) must leave alone, as Better BibTeX does: the words
// after the first of the title or of a subtitle that start with a capital.
// In a sentence-case title these are the proper nouns; a title-case title
// does not say which capitals are proper nouns (Iranian, Mojahedin) and
// which only title case (Rights, Camps), so all of them are kept but the
// function words, which styles may lower. Markup and nocase spans are left
// as they are; the words are wrapped in nocase spans, which the encoder
// writes as braces.
func protectProperNouns(title string) string {
	var b strings.Builder
	depth := 0 // inside nocase spans
	start := true
	for i := 0; i < len(title); {
		if title[i] == '<' {
			j := strings.IndexByte(title[i:], '>')
			if j < 0 {
				b.WriteString(title[i:])
				break
			}
			tag := title[i : i+j+1]
			switch {
			case tag == nocaseOpen:
				depth++
			case tag == nocaseClose && depth > 0:
				depth--
			case strings.HasPrefix(tag, "<span") && depth > 0:
				depth++ // a span inside a nocase span closes with </span> too
			}
			b.WriteString(tag)
			i += j + 1
			continue
		}
		r, n := utf8.DecodeRuneInString(title[i:])
		if !isTitleWordRune(r) {
			if strings.ContainsRune(":?!.", r) {
				start = true
			}
			b.WriteString(title[i : i+n])
			i += n
			continue
		}
		j := i
		for j < len(title) {
			r2, n2 := utf8.DecodeRuneInString(title[j:])
			if !isTitleWordRune(r2) && r2 != '\'' && r2 != '’' {
				break
			}
			j += n2
		}
		word := title[i:j]
		if depth == 0 && !start && unicode.IsUpper(r) && !titleFunctionWords[strings.ToLower(word)] {
			b.WriteString(nocaseOpen + word + nocaseClose)
		} else {
			b.WriteString(word)
		}
		start = false
		i = j
	}
	return b.String()
}

func isTitleWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
