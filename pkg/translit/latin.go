package translit

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// latinTable maps the Latin letters with diacritics (U+00C0–U+024F and
// U+1E00–U+1EFF) to lower-case ASCII; it is filled once from their NFKD
// decompositions, then overridden where a mark stands for a digraph.
var latinTable [0x1F00 - 0xC0]string

func latinLookup(r rune) (string, bool) {
	if r < 0xC0 || r >= 0x1F00 {
		return "", false
	}
	s := latinTable[r-0xC0]
	return s, s != ""
}

// specialLatin are letters whose mark changes the sound, as used by
// Encyclopaedia Iranica and ALA-LC: ḵ is kh, š is sh.
var specialLatin = map[rune]string{
	'ḵ': "kh", 'Ḵ': "kh", 'ẖ': "h", 'š': "sh", 'Š': "sh", 'ž': "zh", 'Ž': "zh",
	'č': "ch", 'Č': "ch", 'ḡ': "gh", 'Ḡ': "gh", 'ġ': "gh", 'Ġ': "gh", 'ğ': "gh",
	'Ğ': "gh", 'ş': "sh", 'Ş': "sh", 'ș': "sh", 'Ș': "sh", 'ṯ': "th", 'Ṯ': "th", 'ḏ': "dh", 'Ḏ': "dh", 'ß': "ss", 'ẞ': "ss",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o", 'đ': "d",
	'Đ': "d", 'ł': "l", 'Ł': "l", 'ı': "i", 'þ': "th", 'Þ': "th", 'ð': "d",
	'Ð': "d", 'ŋ': "ng", 'ɣ': "gh", 'ǧ': "j", 'Ǧ': "j",
	'ə': "a", 'Ə': "a", // Azerbaijani schwa, the a of Persian (AZ, ALA-LC-az)
}

func init() {
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if s, ok := specialLatin[r]; ok {
				latinTable[r-0xC0] = s
				continue
			}
			var b []byte
			for _, d := range norm.NFKD.String(string(r)) {
				switch {
				case d >= 'a' && d <= 'z' || d >= '0' && d <= '9':
					b = append(b, byte(d))
				case d >= 'A' && d <= 'Z':
					b = append(b, byte(d+'a'-'A'))
				}
			}
			if len(b) > 0 {
				latinTable[r-0xC0] = string(b)
			}
		}
	}
	add(0x00C0, 0x024F)
	add(0x0250, 0x02AF) // IPA letters: ə of Azerbaijani, ɣ
	add(0x1E00, 0x1EFF)
}

// isApostrophe reports the marks that romanizations use for ayn, hamza and
// elision, and their look-alikes.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '´', '‘', '’', '‛', 'ʹ', 'ʻ', 'ʼ', 'ʽ', 'ʾ', 'ʿ', 'ˈ', '′', 'ʔ', 'ʕ', '＇':
		return true
	}
	return false
}

// isIgnorable reports the characters Cleanup removes: they carry no letter.
func isIgnorable(r rune) bool {
	switch {
	case r == 0x200C || r == 0x200D || r == 0x0640 || r == 0x200B || r == 0xFEFF || r == 0x00AD:
		return true // ZWNJ, ZWJ, tatweel, zero width space, BOM, soft hyphen
	case r >= 0x200E && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true // bidi controls
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED:
		return true // harakat, superscript alef, Quranic marks
	}
	return false
}

// unifyArabic maps the Arabic letter forms that NFKC leaves apart onto the
// Persian ones.
func unifyArabic(r rune) rune {
	switch r {
	case 'ي', 'ى', 'ې', 'ۍ', 'ێ':
		return 'ی'
	case 'ك', 'ڪ':
		return 'ک'
	case 'ۀ', 'ہ', 'ە':
		return 'ه'
	case 'ٱ', 'ٲ', 'ٳ':
		return 'ا'
	}
	return r
}

func isArabicLetter(r rune) bool {
	return r >= 0x0620 && r <= 0x064A || r >= 0x066E && r <= 0x06D3 || r == 0x06D5 || r >= 0x06FA && r <= 0x06FF
}

// latinWriter accumulates Latin-profile output: lower-case ASCII letters
// and digits, words separated by one space.
type latinWriter struct {
	buf   []byte
	rules Rule
	space bool // a separator is pending
}

func (w *latinWriter) sep() {
	if len(w.buf) > 0 {
		w.space = true
	}
}

func (w *latinWriter) letters(s string) {
	if w.space {
		w.buf = append(w.buf, ' ')
		w.space = false
	}
	w.buf = append(w.buf, s...)
}

func (w *latinWriter) letter(c byte) {
	if w.space {
		w.buf = append(w.buf, ' ')
		w.space = false
	}
	w.buf = append(w.buf, c)
}

// write appends the Latin form of s.
func (w *latinWriter) write(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				w.letter(c)
			case c >= 'A' && c <= 'Z':
				w.rules |= RuleCase
				w.letter(c + 'a' - 'A')
			case c == '\'' || c == '`':
				w.rules |= RuleApostrophe
			default:
				if c == '-' || c == '_' || c == '.' {
					w.rules |= RuleSeparator
				}
				w.sep()
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isArabicLetter(unifyArabic(r)) {
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isArabicLetter(unifyArabic(r2)) && !isIgnorable(r2) {
					break
				}
				j += n2
			}
			w.arabicWord(s[i:j])
			i = j
			continue
		}
		w.rune(r)
		i += n
	}
}

func (w *latinWriter) rune(r rune) {
	switch {
	case isApostrophe(r):
		w.rules |= RuleApostrophe
	case isIgnorable(r):
		w.rules |= RuleUnicode
	case unicode.Is(unicode.Mn, r):
		w.rules |= RuleDiacritics
	case r >= '۰' && r <= '۹':
		w.rules |= RuleScript
		w.letter(byte('0' + r - '۰'))
	case r >= '٠' && r <= '٩':
		w.rules |= RuleScript
		w.letter(byte('0' + r - '٠'))
	default:
		if s, ok := latinLookup(r); ok {
			w.rules |= RuleDiacritics
			w.letters(s)
			return
		}
		if s, ok := latinLookup(unicode.ToLower(r)); ok {
			w.rules |= RuleDiacritics
			w.letters(s)
			return
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if l := unicode.ToLower(r); l != r {
				w.rules |= RuleCase
				r = l
			}
			if w.space {
				w.buf = append(w.buf, ' ')
				w.space = false
			}
			w.buf = utf8.AppendRune(w.buf, r)
			return
		}
		w.sep()
	}
}

// arabicLatin is the consonant value of each Persian/Arabic letter; vowel
// letters (ا و ی ه) are decided by their neighbours in arabicWord.
var arabicLatin = map[rune]string{
	'ا': "a", 'آ': "a", 'أ': "a", 'إ': "a", 'ب': "b", 'پ': "p", 'ت': "t",
	'ث': "s", 'ج': "j", 'چ': "ch", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "z",
	'ر': "r", 'ز': "z", 'ژ': "zh", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "z",
	'ط': "t", 'ظ': "z", 'ع': "", 'غ': "gh", 'ف': "f", 'ق': "q", 'ک': "k",
	'گ': "g", 'ل': "l", 'م': "m", 'ن': "n", 'ة': "h", 'ء': "", 'ئ': "",
	'ؤ': "", 'ڤ': "v", 'ڨ': "g",
}

// arabicWord transliterates one word of Perso-Arabic script. Short vowels
// are not written, so the result is close to a consonant skeleton; و and ی
// are read as consonants (v, y) next to alef or at the start of a word and
// as vowels (u, i) elsewhere, and ه at the end of a word is the silent -e.
func (w *latinWriter) arabicWord(s string) {
	w.rules |= RuleScript
	var rsArr [32]rune
	var zwArr [32]bool
	rs := rsArr[:0]
	zwnjBefore := zwArr[:0] // a ZWNJ followed the letter: a sub-word ends there
	for _, r := range s {
		if isIgnorable(r) {
			if r == 0x200C && len(zwnjBefore) > 0 {
				zwnjBefore[len(zwnjBefore)-1] = true
			}
			continue
		}
		rs = append(rs, unifyArabic(r))
		zwnjBefore = append(zwnjBefore, false)
	}
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return 0
		}
		return rs[i]
	}
	for i, r := range rs {
		prev, next := at(i-1), at(i+1)
		switch r {
		case 'و':
			switch {
			case i == 0 || prev == 'ا' || prev == 'آ':
				w.letter('v')
			case next == 'ا' && at(i+2) == 'ل':
				w.letter('u') // Abu al-, Abol-
			case next == 'ا' || next == 'آ' || next == 'ی':
				w.letter('v')
			default:
				w.letter('u')
			}
		case 'ی':
			switch {
			case i == 0 || next == 'ا' || next == 'و':
				w.letter('y')
			default:
				w.letter('i')
			}
		case 'ه':
			end := i == len(rs)-1 || zwnjBefore[i] ||
				next == 'ا' && at(i+2) == 'ی' && i+2 == len(rs)-1
			if end && i > 0 {
				w.letter('e')
			} else {
				w.letter('h')
			}
		default:
			if v, ok := arabicLatin[r]; ok {
				if v != "" { // ayn and hamza are not written
					w.letters(v)
				}
			}
		}
	}
}
