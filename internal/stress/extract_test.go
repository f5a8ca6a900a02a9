package stress

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/csljson"
	"github.com/manba/manba/pkg/extract"
)

// referenceArticle is a paragraph and a numbered list of 20 references
// under a heading: about 2 KB of reference-dense text.
func referenceArticle() string {
	var b strings.Builder
	b.WriteString("The running text of an article cites a 2009 Rand report and other sources.\n\nReferences\n\n")
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&b, "%d. Karimi, Ali. The History of the Press in Iran, part %d. London: Verso, %d.\n", i, i, 1950+i)
	}
	b.WriteString("\n")
	return b.String()
}

// TestStressExtractMemory streams 512 KB of reference lists through
// extract.ExtractStream in 16 KiB parts, each part's items merged and
// written as CSL-JSON as it is read (what manba extract does in 512 KiB
// parts): the heap stays that of a few parts, however many references
// the input has (read as one part, as before streaming, it takes over
// 2 GB: the 20 references repeat, and merging each one's 600 repeats
// into one item is what costs).
func TestStressExtractMemory(t *testing.T) {
	unit := referenceArticle()
	const size = 512 << 10
	r := generate("", unit, size, "")
	extract.ParseReference(unit) // the models load before the heap is measured
	limits(t, 5*time.Minute, 24<<20, func() {
		enc := csljson.NewEncoder(io.Discard, csljson.EncodeOptions{})
		used := map[string]int{}
		refs, items, parts := 0, 0, 0
		err := extract.ExtractStream("refs.txt", r, extract.StreamOptions{PartSize: 16 << 10}, func(p extract.Part) error {
			assert.Empty(t, p.Diags)
			parts++
			for _, r := range p.Refs {
				if r.Kind == extract.ListEntry {
					refs++
				}
			}
			return extract.EmitBibliography(p.Refs, extract.Options{Used: used}, func(it bib.Item) error {
				items++
				return enc.Encode(it)
			})
		})
		require.NoError(t, err)
		require.NoError(t, enc.Close())
		assert.Greater(t, parts, 30)
		// Every entry of every list but those cut at the very end.
		assert.InDelta(t, 20*size/len(unit), refs, 40)
		assert.Positive(t, items)
	})
}
