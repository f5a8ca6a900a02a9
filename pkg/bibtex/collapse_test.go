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
