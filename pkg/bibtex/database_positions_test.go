package bibtex

import (
	"io"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/diag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcatReaderPositions checks that positions in the concatenation of
// several inputs map back to each input, also after an input without a
// final newline and an empty one, read one byte at a time.
func TestConcatReaderPositions(t *testing.T) {
	c := &concatReader{}
	for _, p := range []struct{ name, text string }{
		{"a.bib", "l1\nl2"}, // no final newline: one is added
		{"empty.bib", ""},   // contributes nothing
		{"b.bib", "m1\nm2\nm3\n"},
		{"c.bib", "n1\n"},
	} {
		c.parts = append(c.parts, &part{name: p.name, r: strings.NewReader(p.text)})
	}
	c.parts[0].start = 1
	all, err := io.ReadAll(oneByteReader{c})
	require.NoError(t, err)
	require.Equal(t, "l1\nl2\nm1\nm2\nm3\nn1\n", string(all))

	tests := []struct {
		line, offset int
		want         diag.Pos
	}{
		{1, 0, diag.Pos{File: "a.bib", Line: 1, Col: 2, Offset: 0}},
		{2, 3, diag.Pos{File: "a.bib", Line: 2, Col: 2, Offset: 3}},
		{3, 6, diag.Pos{File: "b.bib", Line: 1, Col: 2, Offset: 0}},
		{5, 12, diag.Pos{File: "b.bib", Line: 3, Col: 2, Offset: 6}},
		{6, 15, diag.Pos{File: "c.bib", Line: 1, Col: 2, Offset: 0}},
	}
	for _, tt := range tests {
		got := c.local(diag.Pos{Line: tt.line, Col: 2, Offset: tt.offset})
		assert.Equal(t, tt.want, got, "line %d", tt.line)
	}
	assert.Equal(t, diag.Pos{}, c.local(diag.Pos{}), "an unknown position stays unknown")
}

// oneByteReader reads one byte at a time, the hardest case for counting.
type oneByteReader struct{ r io.Reader }

func (o oneByteReader) Read(p []byte) (int, error) {
	if len(p) > 1 {
		p = p[:1]
	}
	return o.r.Read(p)
}
