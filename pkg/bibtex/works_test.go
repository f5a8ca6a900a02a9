package bibtex_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/works"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWorksRoundTrip writes the project's researched cited works (CSL
// items that did not come from BibTeX) as BibTeX and BibLaTeX and reads
// them back. Two losses are expected and taken out of the comparison:
// CSL-JSON properties with no BibTeX form (Custom), and line breaks, which
// a BibTeX field cannot hold (white space runs read as one space).
// Everything else must survive.
func TestWorksRoundTrip(t *testing.T) {
	items := works.Items()
	require.NotEmpty(t, items, "no works")
	for _, opts := range []bibtex.EncodeOptions{{}, {Dialect: bibtex.BibLaTeX}, {ASCII: true}} {
		var buf bytes.Buffer
		require.NoError(t, bibtex.Encode(&buf, items, opts))
		back, diags := bibtex.Decode("works.bib", buf.Bytes(), bibtex.DecodeOptions{})
		assert.Empty(t, diags, "%+v", opts)
		require.Equal(t, len(items), len(back), "%+v: items back", opts)
		for i, it := range items {
			want := it.Clone()
			want.Custom = nil
			for k, v := range want.Vars {
				want.Vars[k] = strings.Join(strings.Fields(v), " ")
			}
			a, _ := want.MarshalJSON()
			b, _ := back[i].MarshalJSON()
			assert.True(t, back[i].Equal(want), "%+v: %s changed:\nwant %s\n got %s", opts, it.ID, a, b)
		}
	}
}
