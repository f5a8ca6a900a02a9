package citekey

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/manba/manba/pkg/translit"
)

// ASCII returns readable ASCII for text in any script manba romanizes:
// Latin letters lose their diacritics (García -> Garcia, ß -> ss),
// Perso-Arabic runs go through translit.Latin's letter mapping with each
// word capitalised (تاریخ -> Tarikh), Persian and Arabic digits become
// 0-9, Greek and Cyrillic letters take the usual romanization, and
// apostrophe-like marks (ʿ ʾ ’) disappear. Characters of other scripts
// are kept out of keys, so the result is always ASCII.
func ASCII(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	rs := []rune(norm.NFC.String(s))
	for i := 0; i < len(rs); {
		if isArabicScript(rs[i]) {
			j := i
			for j < len(rs) && (isArabicScript(rs[j]) || rs[j] == '\u200c' || rs[j] == ' ' && j+1 < len(rs) && isArabicScript(rs[j+1])) {
				j++
			}
			b.WriteString(capitalizeWords(translit.Latin.String(string(rs[i:j]))))
			i = j
			continue
		}
		b.WriteString(foldRune(rs[i]))
		i++
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// isArabicScript reports letters, marks and digits of the Arabic blocks.
func isArabicScript(r rune) bool {
	return r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0x08A0 && r <= 0x08FF ||
		r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

func capitalizeWords(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

// foldRune is the ASCII form of one non-Arabic rune.
func foldRune(r rune) string {
	if r < 0x80 {
		return string(r)
	}
	if s, ok := specialLetters[r]; ok {
		return s
	}
	if unicode.IsSpace(r) {
		return " "
	}
	var b strings.Builder
	for _, c := range norm.NFD.String(string(r)) {
		switch {
		case c < 0x80:
			b.WriteRune(c)
		case unicode.Is(unicode.Mn, c):
		default:
			if s, ok := specialLetters[c]; ok {
				b.WriteString(s)
			}
		}
	}
	return b.String()
}

// specialLetters are the letters that do not decompose into an ASCII base
// and a mark, with the romanizations of Greek and Cyrillic. Apostrophe-like
// marks (ayn, hamza, quotes) map to nothing.
var specialLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "AE", 'ø': "o", 'Ø': "O", 'œ': "oe", 'Œ': "OE", 'ł': "l", 'Ł': "L",
	'đ': "d", 'Đ': "D", 'ð': "d", 'Ð': "D", 'þ': "th", 'Þ': "Th", 'ı': "i", 'ŋ': "ng", 'ħ': "h",
	'ʿ': "", 'ʾ': "", 'ʻ': "", 'ʼ': "", '‘': "", '’': "", '`': "", '´': "", '′': "",
	'“': "", '”': "", '«': "", '»': "", '–': "-", '—': "-", '\u200c': "", '\u200d': "",
	// Greek (ELOT 743 without diacritics)
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i",
	'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s",
	'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
	'Α': "A", 'Β': "V", 'Γ': "G", 'Δ': "D", 'Ε': "E", 'Ζ': "Z", 'Η': "I", 'Θ': "Th", 'Ι': "I",
	'Κ': "K", 'Λ': "L", 'Μ': "M", 'Ν': "N", 'Ξ': "X", 'Ο': "O", 'Π': "P", 'Ρ': "R", 'Σ': "S",
	'Τ': "T", 'Υ': "Y", 'Φ': "F", 'Χ': "Ch", 'Ψ': "Ps", 'Ω': "O",
	// Cyrillic (Russian, BGN/PCGN without diacritics)
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'А': "A", 'Б': "B", 'В': "V", 'Г': "G", 'Д': "D", 'Е': "E", 'Ё': "E", 'Ж': "Zh", 'З': "Z",
	'И': "I", 'Й': "Y", 'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O", 'П': "P", 'Р': "R",
	'С': "S", 'Т': "T", 'У': "U", 'Ф': "F", 'Х': "Kh", 'Ц': "Ts", 'Ч': "Ch", 'Ш': "Sh", 'Щ': "Shch",
	'Ъ': "", 'Ы': "Y", 'Ь': "", 'Э': "E", 'Ю': "Yu", 'Я': "Ya",
}
