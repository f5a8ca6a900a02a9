package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	src := "@string{ii = {Iran-Interlink}}\n" +
		"@book{singleton, author = {Singleton, Anne}, title = {Saddam{\\textquoteright}s Private Army},\n" +
		"  publisher = ii, year = 2003}\n" +
		"@book{broken, title = {no closing brace}\n" +
		"@report{hrw, author = {{Human Rights Watch}}, title = {No Exit}, date = {2005-05}, month = jan2}\n"
	var out, diags strings.Builder
	require.NoError(t, run(&out, &diags, "refs.bib", []byte(src)))
	var items []bib.Item
	require.NoError(t, json.Unmarshal([]byte(out.String()), &items), "output is not CSL-JSON:\n%s", out.String())
	byID := map[string]bib.Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	s, ok := byID["singleton"]
	require.True(t, ok, "singleton missing from %d items", len(items))
	assert.Equal(t, "Saddam’s Private Army", s.Get("title"), "title")
	assert.Equal(t, "Iran-Interlink", s.Get("publisher"), "publisher (is the @string macro expanded?)")
	h, ok := byID["hrw"]
	require.True(t, ok, "the entry after a broken one was not recovered")
	assert.Equal(t, "Human Rights Watch", h.Names["author"][0].Literal, "corporate author, want a literal name")
	assert.Contains(t, diags.String(), "refs.bib:", "problems carry no position")
}
