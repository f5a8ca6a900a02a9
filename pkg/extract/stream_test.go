package extract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/diag"
)

// streamAll runs ExtractStream over src and returns its parts.
func streamAll(t *testing.T, name string, src []byte, size int) []Part {
	t.Helper()
	var parts []Part
	err := ExtractStream(name, bytes.NewReader(src), StreamOptions{PartSize: size}, func(p Part) error {
		parts = append(parts, p)
		return nil
	})
	require.NoError(t, err)
	total := 0
	for _, p := range parts {
		total += p.Size
	}
	require.Equal(t, len(src), total, "the parts cover the input")
	return parts
}

// TestExtractStreamWholeIsExtract: a document no longer than a part is
// one part, with the references and diagnostics of Extract.
func TestExtractStreamWholeIsExtract(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	layouts, _ := filepath.Glob("testdata/layouts/*.txt")
	files = append(files, layouts...)
	require.NotEmpty(t, files)
	files = append(files, "binary")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src := []byte("text\xff\xfe\n\nReferences\n\n1. Smith, J. A book. London: Verso, 2001.\n2. Ibid., p. 4.\n")
			if f != "binary" {
				var err error
				src, err = os.ReadFile(f)
				require.NoError(t, err)
			}
			want, wantDiags := Extract(f, src)
			parts := streamAll(t, f, src, 0)
			require.Len(t, parts, 1)
			assert.Equal(t, want, parts[0].Refs)
			assert.Equal(t, wantDiags, parts[0].Diags)
		})
	}
}

// longList is prose, then a numbered list of n references under "Notes"
// with an "Ibid." after every 25th, then prose.
func longList(n int) []byte {
	var b bytes.Buffer
	b.WriteString("An essay on sources.\n\nThe running text comes first.\n\nNotes\n\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d. Karimi, Ali. The History of Press Number %d. London: Verso, %d.\n\n", 2*i-1, i, 1900+i%120)
		if i%25 == 0 {
			fmt.Fprintf(&b, "%d. Ibid., p. %d.\n\n", 2*i, i)
		} else {
			fmt.Fprintf(&b, "%d. Moradi, Reza. Essays on Rural Society %d. Cambridge: Polity, %d.\n\n", 2*i, i, 1950+i%70)
		}
	}
	b.WriteString("After the notes, more running text.\n")
	return b.Bytes()
}

// TestExtractStreamParts: a list cut into parts goes on under its heading
// in the next part, every entry is found once at the position Extract
// gives it, and an "ibid" at the start of a part repeats the entry
// before it without a warning.
func TestExtractStreamParts(t *testing.T) {
	src := longList(200)
	want, wantDiags := Extract("l.txt", src)
	require.Empty(t, wantDiags)
	parts := streamAll(t, "l.txt", src, 4096)
	require.Greater(t, len(parts), 5)
	var got []Reference
	for _, p := range parts {
		assert.Empty(t, p.Diags)
		assert.LessOrEqual(t, p.Size, 4096)
		got = append(got, p.Refs...)
	}
	require.Len(t, got, len(want))
	for i := range want {
		assert.Equal(t, want[i].Pos, got[i].Pos)
		assert.Equal(t, want[i].Label, got[i].Label)
		assert.Equal(t, "Notes", got[i].Section)
		assert.Equal(t, want[i].Kind, got[i].Kind)
		assert.Equal(t, want[i].Item.Get("title"), got[i].Item.Get("title"), "entry %d", i)
	}
}

// TestExtractStreamLongLine: a long line without breaks is cut between
// the pieces splitLines reads it in, so that each part reads the same
// pieces and positions as the whole.
func TestExtractStreamLongLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("Title line\n")
	for i := 0; b.Len() < 300<<10; i++ {
		fmt.Fprintf(&b, "word%d ", i%977)
		if i%5000 == 0 {
			b.WriteString(strings.Repeat("x", 20000) + " ")
		}
	}
	src := []byte(b.String())
	pieces := map[int]bool{}
	for _, l := range splitLines(src) {
		pieces[l.offset] = true
	}
	at := 0
	for _, p := range streamAll(t, "long.txt", src, 64<<10) {
		assert.True(t, pieces[at], "a part starts at %d, not a piece of the line", at)
		at += p.Size
	}
}

// TestPositionsOfAPart: positions in a part that starts inside a line
// are those in the whole input.
func TestPositionsOfAPart(t *testing.T) {
	src := []byte("ab\ncdef\ngh\nij")
	whole := diag.NewLines("f", src)
	for cut := range len(src) {
		base := whole.Pos(cut)
		p := newPositions("f", src[cut:], base)
		for off := cut; off < len(src); off++ {
			assert.Equal(t, whole.Pos(off), p.Pos(off-cut), "cut %d offset %d", cut, off)
		}
	}
}

// TestParseLinesStreamLongLine: a line longer than a reference can be is
// read from its start, with a warning, and still gives one item.
func TestParseLinesStreamLongLine(t *testing.T) {
	src := "Smith, J. A Book. London: Verso, 2001.\n" + strings.Repeat("word ", 10000) + "\nJones, K. Another Book. Oxford: OUP, 1999.\n"
	items, diags := ParseLines(nil, "l.txt", []byte(src))
	require.Len(t, items, 3)
	require.Len(t, diags, 1)
	assert.Equal(t, "l.txt:2:1: warning: a line of 50000 bytes is too long for one reference; only its first 16384 are read", diags[0].Error())
	assert.Contains(t, string(items[2].Custom["custom"]), "l.txt:3:1")
}
