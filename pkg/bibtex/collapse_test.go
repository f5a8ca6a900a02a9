package bibtex

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCollapseSpace(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "a": "a", " a ": "a", "a  b": "a b", "a\n\tb": "a b", "a b": "a b",
		"a\u00a0 b": "a\u00a0 b", "\n": "", "a \nb  c\r\n": "a b c", "a\x01b": "a\x01b",
		// Long strings take another path.
		strings.Repeat("word ", 12) + "end":                       strings.Repeat("word ", 12) + "end",
		strings.Repeat("word ", 12) + " end":                      strings.Repeat("word ", 12) + "end",
		strings.Repeat("word ", 12) + "\nend":                     strings.Repeat("word ", 12) + "end",
		"\t" + strings.Repeat("a", 60) + "\r\n" + "b\v\fc " + "d": strings.Repeat("a", 60) + " b c d",
	} {
		assert.Equal(t, want, collapseSpace(in), "collapseSpace(%q)", in)
	}
}

// needsCollapseRef is needsCollapse one byte at a time, the reference for
// its word-at-a-time scan.
func needsCollapseRef(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && isSpace(c) || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			return true
		}
	}
	return false
}

// TestNeedsCollapseWords puts every byte value, and a space beside it, at
// every place of a string long enough for the eight-byte scan, and a
// double space or a tab across a long one.
func TestNeedsCollapseWords(t *testing.T) {
	const base = "abcdefg hijklmno pqrstu"
	for pos := range len(base) - 1 {
		for c := range 256 {
			for _, ins := range []string{string([]byte{byte(c)}), string([]byte{byte(c), ' '}), string([]byte{' ', byte(c)})} {
				s := base[:pos] + ins + base[min(len(base), pos+len(ins)):]
				assert.Equal(t, needsCollapseRef(s), needsCollapse(s), "needsCollapse(%q)", s)
			}
		}
	}
	long := strings.Repeat("abcdefg ", 3<<10)
	assert.False(t, needsCollapse(long[1:]))
	for _, at := range []int{7, 8, 15, 16, 1 << 12, len(long) - 3} {
		for _, ins := range []string{"  ", "\t"} {
			s := long[:at] + ins + long[at+len(ins):]
			assert.True(t, needsCollapse(s), "%q at %d", ins, at)
		}
	}
}

func FuzzNeedsCollapse(f *testing.F) {
	f.Add("a title  with\ttabs and\nlines, Masʻūd رجوی")
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, needsCollapseRef(s), needsCollapse(s))
	})
}
