package csl_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/csl"
)

// TestAndOthers: BibTeX's `and others` says the author list is incomplete.
// pkg/bibtex keeps it as a flag; pandoc writes it into CSL-JSON as a last
// name {"literal": "others"}. Either way every style prints "et al." after
// the names, as pandoc's citeproc does, and BibTeX gets `and others` back.
func TestAndOthers(t *testing.T) {
	const src = `@article{k, author = {Smith, John and Doe, Jane and others}, title = {A Title}, journal = {J}, year = {2020}}`
	items, diags := bibtex.Decode("a.bib", []byte(src), bibtex.DecodeOptions{})
	require.Empty(t, diags)
	require.Len(t, items, 1)

	var pandoc bib.Item
	require.NoError(t, json.Unmarshal([]byte(`{"id": "k", "type": "article-journal", "title": "A Title",
		"container-title": "J", "issued": {"date-parts": [[2020]]},
		"author": [{"family": "Smith", "given": "John"}, {"family": "Doe", "given": "Jane"}, {"literal": "others"}]}`), &pandoc))

	tests := []struct{ style, want string }{
		{"modern-language-association", "Smith, John, Jane Doe, et al. “A Title.” J, 2020."},
		{"chicago-author-date", "Smith, John, Jane Doe, et al. 2020. “A Title.” J."},
		{"ieee", "[1] J. Smith, J. Doe, et al., “A Title,” J, 2020."},
		{"apa", "Smith, J., Doe, J., et al. (2020). A Title. J."},
	}
	for _, tt := range tests {
		st, err := csl.LoadStyle(tt.style)
		require.NoError(t, err)
		for name, it := range map[string]bib.Item{"bibtex": items[0], "pandoc CSL-JSON": pandoc} {
			got := csl.NewProcessor(st, "en-US", []bib.Item{it}).Bibliography(csl.Text)
			require.Len(t, got, 1)
			assert.Equal(t, tt.want, got[0].Text, "%s, %s", tt.style, name)
		}
	}

	var out bytes.Buffer
	require.NoError(t, bibtex.Encode(&out, items, bibtex.EncodeOptions{}))
	assert.Contains(t, out.String(), "Smith, John and Doe, Jane and others")
}
