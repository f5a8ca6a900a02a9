package bibtex

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
)

// TestNextIntoEqualsNext decodes every corpus file with Next and with
// NextInto into one reused item: the items, their CSL-JSON and the
// diagnostics must be the same.
func TestNextIntoEqualsNext(t *testing.T) {
	// An item with more fields than a reused map keeps, between two small
	// ones: its maps are dropped, not cleared.
	var big strings.Builder
	big.WriteString("@book{a, title = {A}, year = 1999}\n@book{big, author = {X, Y}")
	for i := range 2 * reuseMax {
		fmt.Fprintf(&big, ", field%d = {v%d}, title%d = {t}", i, i, i)
	}
	big.WriteString("}\n@article{c, journal = {J}, month = jan}\n")
	type source struct {
		rel string
		src []byte
	}
	sources := []source{{"big.bib", []byte(big.String())}}
	for _, f := range corpusFiles(t) {
		src, err := os.ReadFile(f.path)
		require.NoError(t, err)
		sources = append(sources, source{f.rel, src})
	}
	items := 0
	var it bib.Item
	for _, f := range sources {
		src := f.src
		fresh := NewDecoder(bytes.NewReader(src), f.rel, DecodeOptions{})
		reused := NewDecoder(bytes.NewReader(src), f.rel, DecodeOptions{})
		for {
			want, err := fresh.Next()
			err2 := reused.NextInto(&it)
			require.Equal(t, err, err2, "%s: item %d", f.rel, items)
			if err == io.EOF {
				break
			}
			items++
			require.True(t, want.Equal(it), "%s: item %q differs", f.rel, want.ID)
			wantJSON, err := want.AppendJSON(nil)
			require.NoError(t, err)
			gotJSON, err := it.AppendJSON(nil)
			require.NoError(t, err)
			require.Equal(t, string(wantJSON), string(gotJSON), "%s: item %q", f.rel, want.ID)
		}
		require.Equal(t, fresh.Diagnostics(), reused.Diagnostics(), f.rel)
	}
	require.Greater(t, items, 1000)
}
