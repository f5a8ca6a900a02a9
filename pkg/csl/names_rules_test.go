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

// TestSubstitutedNames: names that stand in for a missing author keep the
// substituted cs:names' name form and label even when nested in a
// cs:choose (chicago-author-date's editors), and MLA's "———" replaces
// only names that the first element of the substitution chain (author)
// rendered, as citeproc-js does: not editors, not a title, and an entry
// without such names does not reset the comparison.
func TestSubstitutedNames(t *testing.T) {
	zm := []bib.Name{{Family: "Michalewicz", Given: "Zbigniew"}}
	var items []bib.Item
	for _, tc := range []struct {
		id, title, role string
		year            int
	}{
		{"c", "Gamma", "", 1991}, {"d", "Gamma", "", 1992},
		{"a", "Alpha", "editor", 1990}, {"b", "Beta", "editor", 1991},
		{"e", "Delta", "author", 1992}, {"f", "Epsilon", "author", 1993},
	} {
		it := bib.Item{ID: tc.id, Type: "book"}
		it.Set("title", tc.title)
		it.Set("publisher", "P")
		if tc.role != "" {
			it.SetNames(tc.role, zm)
		}
		it.SetDate("issued", bib.Date{From: bib.DateParts{Year: tc.year}})
		items = append(items, it)
	}
	tests := []struct {
		style string
		want  []string
	}{
		{"modern-language-association", []string{
			"Gamma. P, 1991.", "Gamma. P, 1992.",
			"Michalewicz, Zbigniew, editor. Alpha. P, 1990.", "Michalewicz, Zbigniew, editor. Beta. P, 1991.",
			"Michalewicz, Zbigniew. Delta. P, 1992.", "———. Epsilon. P, 1993.",
		}},
		{"chicago-author-date", []string{
			"Gamma. 1991. P.", "Gamma. 1992. P.",
			"Michalewicz, Zbigniew, ed. 1990. Alpha. P.", "Michalewicz, Zbigniew, ed. 1991. Beta. P.",
			"Michalewicz, Zbigniew. 1992. Delta. P.", "Michalewicz, Zbigniew. 1993. Epsilon. P.",
		}},
	}
	for _, tt := range tests {
		st, err := csl.LoadStyle(tt.style)
		require.NoError(t, err)
		var got []string
		for _, e := range csl.NewProcessor(st, "en-US", items).Bibliography(csl.Text) {
			got = append(got, e.Text)
		}
		assert.Equal(t, tt.want, got, tt.style)
	}
}

// TestGivenNameOnly: a name of a given name only is written out, never
// initialized, as citeproc-js does ("Daniel. (2000)", not "D. (2000)").
func TestGivenNameOnly(t *testing.T) {
	it := bib.Item{ID: "k", Type: "book"}
	it.Set("title", "K")
	it.SetNames("author", []bib.Name{{Given: "Daniel"}})
	it.SetDate("issued", bib.Date{From: bib.DateParts{Year: 2000}})
	st, err := csl.LoadStyle("apa")
	require.NoError(t, err)
	got := csl.NewProcessor(st, "en-US", []bib.Item{it}).Bibliography(csl.Text)
	require.Len(t, got, 1)
	assert.Equal(t, "Daniel. (2000). K.", got[0].Text)
}
