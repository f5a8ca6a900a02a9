package bibtex

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMacrosSharedAcrossFiles: @string macros of one input serve the next
// ones and crossref targets may be in any input, as in BibTeX and biber
// (manba convert abbrev.bib authors.bib articles.bib); positions name the
// file and its own line.
func TestMacrosSharedAcrossFiles(t *testing.T) {
	files := []Input{
		{Name: "abbrev.bib", Src: []byte("@string{ejor = {European Journal of Operational Research}}\n")},
		{Name: "authors.bib", Src: []byte("@string{DiCaro = {Di Caro, Gianni}}\n@string{Dorigo = {Dorigo, Marco}}")},
		{Name: "articles.bib", Src: []byte("@article{a, author = DiCaro # \" and \" # Dorigo, journal = ejor, crossref = {p}}\n@misc{b, title = undefinedmacro}\n")},
		{Name: "proc.bib", Src: []byte("@proceedings{p, title = {P}, year = 1998}\n")},
	}
	items, diags := DecodeDatabase(files, DecodeOptions{})
	require.Len(t, items, 3)
	a := items[0]
	assert.Equal(t, "European Journal of Operational Research", a.Get("container-title"))
	require.Len(t, a.Names["author"], 2)
	assert.Equal(t, "Di Caro", a.Names["author"][0].Family)
	assert.Equal(t, 1998, a.Dates["issued"].From.Year, "inherited from the crossref target in a later file")
	require.Len(t, diags, 1)
	assert.Equal(t, "articles.bib", diags[0].Pos.File)
	assert.Equal(t, 2, diags[0].Pos.Line)
}
