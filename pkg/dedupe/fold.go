package dedupe

import (
	"strings"
	"unicode"

	"github.com/manba/manba/pkg/bib"
)

var digraphs = strings.NewReplacer("kh", "x", "gh", "q", "w", "v")

// translitFold is a stand-in until pkg/translit lands: it merges the most
// common variant spellings of romanized Persian/Arabic in lower-case text.
func translitFold(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		w = digraphs.Replace(w)
		// Romanizations disagree mostly on vowels (Mojahedin, Mujahideen)
		// and doubled letters (Massoud, Mohammad): keep the consonant
		// skeleton, plus an initial vowel so that "Ali" and "Li" differ.
		var b []byte
		for j := 0; j < len(w); j++ {
			c := w[j]
			if j > 0 && strings.IndexByte("aeiouy", c) >= 0 {
				continue
			}
			if len(b) > 0 && b[len(b)-1] == c {
				continue
			}
			b = append(b, c)
		}
		words[i] = string(b)
	}
	return strings.Join(words, " ")
}

// baseLetters maps the accented Latin letters of common romanizations to
// their base letter.
var baseLetters = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "áàâäãåāăąạ", 'c': "çćč", 'd': "ḍđď", 'e': "éèêëēĕėęěẹ", 'g': "ğġ", 'h': "ḥḫ",
		'i': "íìîïīĭįı", 'k': "ḳ", 'l': "ł", 'n': "ñńň", 'o': "óòôöõōŏőọø", 's': "śşšṣ",
		't': "ţťṭ", 'u': "úùûüūŭůűụ", 'y': "ýÿ", 'z': "źżžẓ",
	} {
		for _, r := range accented {
			m[r] = base
			m[unicode.ToUpper(r)] = unicode.ToUpper(base)
		}
	}
	return m
}()

func baseLetter(r rune) rune {
	if b, ok := baseLetters[r]; ok {
		return b
	}
	return r
}

// sameName compares two names by folded family name and given initial
// (literal names by their organization key).
func sameName(a, b bib.Name) (bool, string) {
	if a.IsLiteral() || b.IsLiteral() {
		x, y := orgKey(a.Literal), orgKey(b.Literal)
		if x == "" || y == "" || !wordSubset(x, y) && !wordSubset(y, x) {
			return false, ""
		}
		return true, "author " + b.Literal
	}
	if translitFold(foldText(a.FamilyFull())) != translitFold(foldText(b.FamilyFull())) || a.Family == "" {
		return false, ""
	}
	ga, gb := foldText(a.Given), foldText(b.Given)
	if ga != "" && gb != "" && ga[0] != gb[0] {
		return false, ""
	}
	return true, "author " + b.FamilyFull()
}
