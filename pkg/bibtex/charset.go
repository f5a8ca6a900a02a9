package bibtex

import (
	"unicode/utf8"
)

// cp1252High maps the bytes 0x80–0x9F of Windows-1252 to Unicode. The five
// bytes Windows-1252 leaves undefined map to the C1 control of the same
// value, as in Latin-1, so that the conversion is a bijection and a file
// can be written back byte for byte.
var cp1252High = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

var cp1252Rev = func() map[rune]byte {
	m := make(map[rune]byte, 32)
	for i, r := range cp1252High {
		m[r] = byte(0x80 + i)
	}
	return m
}()

// fromCP1252 converts Windows-1252 bytes to UTF-8.
func fromCP1252(src []byte) string {
	buf := make([]byte, 0, len(src)+len(src)/8)
	for _, c := range src {
		switch {
		case c < 0x80:
			buf = append(buf, c)
		case c < 0xA0:
			buf = utf8.AppendRune(buf, cp1252High[c-0x80])
		default:
			buf = utf8.AppendRune(buf, rune(c))
		}
	}
	return string(buf)
}

// toCP1252 appends the Windows-1252 form of s, the inverse of fromCP1252.
// Runes Windows-1252 cannot hold (only possible if s did not come from
// fromCP1252) are written as '?'.
func toCP1252(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r < 0x80:
			dst = append(dst, byte(r))
		case r >= 0xA0 && r <= 0xFF:
			dst = append(dst, byte(r))
		default:
			if c, ok := cp1252Rev[r]; ok {
				dst = append(dst, c)
			} else {
				dst = append(dst, '?')
			}
		}
	}
	return dst
}
