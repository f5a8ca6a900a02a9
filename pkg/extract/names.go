package extract

import (
	"regexp"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

var possessive = regexp.MustCompile(`[’']s$`)

var andSplit = regexp.MustCompile(`\s+(?:and|&)\s+`)

// stripHonorifics drops "Dr.", "Mr." and the like from the front of a name.
func stripHonorifics(s string) string {
	words := strings.Fields(s)
	for len(words) > 1 && honorifics[strings.ToLower(words[0])] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// nameLike reports whether s reads as a personal name in display order:
// two to five capitalized words (or initials), none of them a corporate,
// periodical or function word.
func nameLike(s string) bool {
	s = stripHonorifics(possessive.ReplaceAllString(strings.TrimSpace(s), ""))
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if !upperFirst(w) && !smallWords[lw] {
			return false
		}
		if strings.ContainsAny(w, "0123456789:;()") || orgWords[lw] || lw == "the" || lw == "of" || lw == "and" {
			return false
		}
		if len(w) >= 3 && isAcronym(w) {
			return false // "MERIP Reports"
		}
	}
	return periodicalType(s) == "" && !isCity(s)
}

// givenLike reports whether s can be the given names of a "Family, Given"
// name: one to three capitalized words or initials.
func givenLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		initial := len([]rune(strings.TrimSuffix(w, "."))) == 1
		if !upperFirst(w) || strings.ContainsAny(w, "0123456789") || orgWords[lw] || smallWords[lw] && !initial {
			return false
		}
	}
	return !isCity(s) && periodicalType(s) == ""
}

// familyLike reports whether s can be a family name written first: one or
// two capitalized words.
func familyLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 2 {
		return false
	}
	for _, w := range words {
		if !upperFirst(w) || strings.ContainsAny(w, "0123456789") || orgWords[strings.ToLower(w)] {
			return false
		}
	}
	return !isCity(s) && periodicalType(s) == ""
}

// parsePerson reads a personal name in display order ("Dr. Mohammad Mehdi
// Jafari’s" -> Jafari, Mohammad Mehdi). The last word is the family name,
// with a preceding particle (al-, bin, van); a religious title with a single
// name stays a literal.
func parsePerson(s string) bib.Name {
	orig := strings.TrimSpace(s)
	s = stripHonorifics(possessive.ReplaceAllString(orig, ""))
	words := strings.Fields(s)
	n := bib.Name{Original: orig}
	switch {
	case len(words) == 0:
		return n
	case len(words) == 1:
		n.Family = words[0]
		return n
	}
	if religiousTitles[strings.ToLower(words[0])] {
		rest := words[1:]
		for len(rest) > 0 && religiousTitles[strings.ToLower(rest[0])] {
			rest = rest[1:]
		}
		if len(rest) <= 1 {
			n.Literal = s
			return n
		}
	}
	last := len(words) - 1
	family := words[last]
	given := words[:last]
	if len(given) > 1 {
		if p := strings.ToLower(given[len(given)-1]); p == "bin" || p == "ibn" || p == "van" || p == "von" || p == "de" || p == "al" || p == "el" {
			family = given[len(given)-1] + " " + family
			given = given[:len(given)-1]
		}
	}
	n.Family = family
	n.Given = strings.Join(given, " ")
	return n
}

// parsePeople splits "A and B", "A & B" into names.
func parsePeople(s string) []bib.Name {
	var out []bib.Name
	for _, part := range andSplit.Split(s, -1) {
		if strings.TrimSpace(part) != "" {
			out = append(out, parsePerson(part))
		}
	}
	return out
}

// peopleLike reports whether s is one or more display-order names joined by
// "and" or "&".
func peopleLike(s string) bool {
	parts := andSplit.Split(s, -1)
	for _, p := range parts {
		if !nameLike(p) {
			return false
		}
	}
	return true
}
