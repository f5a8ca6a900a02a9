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

// TestNeedsCollapseBlocks puts a double space or a tab around the edges of
// the blocks needsCollapse searches a long string in.
func TestNeedsCollapseBlocks(t *testing.T) {
	const block = 16 << 10
	base := strings.Repeat("abcdefg ", 3*block/8)
	assert.False(t, needsCollapse(base[1:]))
	for _, at := range []int{block - 2, block - 1, block, block + 1, 2*block - 1, 2 * block, len(base) - 3} {
		for _, ins := range []string{"  ", "\t"} {
			s := base[:at] + ins + base[at+len(ins):]
			assert.True(t, needsCollapse(s), "%q at %d", ins, at)
		}
	}
}
