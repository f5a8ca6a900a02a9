package ris

import (
	"bytes"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRISFindings has one case per finding of issue 11 on RIS round trips.
func TestRISFindings(t *testing.T) {
	t.Run("ISSNStaysISSN", func(t *testing.T) {
		for _, issn := range []string{"0027-8424", "1063-6560, 1530-9304", "0027-8424 1091-6490", "ISSN 0378-5955", "2049-3630"} {
			it := bib.Item{ID: "a", Type: "article-journal", Vars: map[string]string{"title": "T", "ISSN": issn}}
			back := roundTripOne(t, it)
			assert.Equal(t, issn, back.Get("ISSN"), "ISSN %q", issn)
			assert.Empty(t, back.Get("ISBN"))
		}
	})
	t.Run("ISBNStaysISBN", func(t *testing.T) {
		for _, isbn := range []string{"978-0-8330-4701-4", "0-9545009-0-3 978-0-9545009-0-0", "1850430772"} {
			it := bib.Item{ID: "a", Type: "book", Vars: map[string]string{"title": "T", "ISBN": isbn}}
			back := roundTripOne(t, it)
			assert.Equal(t, isbn, back.Get("ISBN"))
			assert.Empty(t, back.Get("ISSN"))
		}
	})
	t.Run("BothOnOneItem", func(t *testing.T) {
		it := bib.Item{ID: "a", Type: "chapter", Vars: map[string]string{"title": "T", "ISBN": "978-0-8330-4701-4", "ISSN": "0302-9743"}}
		back := roundTripOne(t, it)
		assert.Equal(t, "978-0-8330-4701-4", back.Get("ISBN"))
		assert.Equal(t, "0302-9743", back.Get("ISSN"))
	})
	t.Run("UnsureSNWarns", func(t *testing.T) {
		items, diags := Decode("x.ris", []byte("TY  - JOUR\nTI  - T\nSN  - 1234-5678\nER  - \n"))
		require.Len(t, items, 1)
		assert.Equal(t, "1234-5678", items[0].Get("ISSN"), "a journal's number with a bad check digit is still its ISSN")
		require.Len(t, diags, 1)
		assert.Contains(t, diags[0].Msg, "not a valid ISSN or ISBN")
		assert.Equal(t, 3, diags[0].Pos.Line)
	})
	t.Run("SecondEPDoesNotOverwriteRange", func(t *testing.T) {
		items, _ := Decode("x.ris", []byte("TY  - JOUR\nTI  - T\nSP  - 12\nEP  - 20\nEP  - 99\nER  - \n"))
		require.Len(t, items, 1)
		assert.Equal(t, "12-20", items[0].Get("page"))
	})
	t.Run("PageRangeSplitsIntoSPEP", func(t *testing.T) {
		var buf bytes.Buffer
		_, err := Encode(&buf, []bib.Item{{ID: "a", Type: "article-journal", Vars: map[string]string{"title": "T", "page": "481–493"}}}, EncodeOptions{})
		require.NoError(t, err)
		assert.Contains(t, buf.String(), "SP  - 481\nEP  - 493\n")
		assert.NotContains(t, buf.String(), "–")
	})
}

func roundTripOne(t *testing.T, it bib.Item) bib.Item {
	t.Helper()
	var buf bytes.Buffer
	_, err := Encode(&buf, []bib.Item{it}, EncodeOptions{})
	require.NoError(t, err)
	items, diags := Decode("x.ris", buf.Bytes())
	require.Len(t, items, 1, buf.String())
	assert.Empty(t, diags, buf.String())
	return items[0]
}
