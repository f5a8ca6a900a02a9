package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCorpusStringFilesAreOneDatabase reads a real layout of the shared
// corpus (iridia-ulb: abbrev.bib, journals.bib, authors.bib with @string
// macros, articles.bib using them) as one command's inputs: every macro is
// defined once the string files are given, as BibTeX sees them.
func TestCorpusStringFilesAreOneDatabase(t *testing.T) {
	dir := testenv.Shared(t, "corpus", "bib", "iridia-ulb+references")
	in := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, n))
		}
		return out
	}
	undefined := func(files []string) (int, int) {
		items, _, diags, err := loadItemsAt(files, "", noStdin{})
		require.NoError(t, err)
		n := 0
		for _, d := range diags {
			switch {
			case strings.HasPrefix(d.Msg, "undefined macro"):
				n++
			case strings.Contains(d.Msg, "more like this (undefined macro"):
				var more int
				_, err := fmt.Sscanf(d.Msg, "%d more", &more)
				require.NoError(t, err)
				n += more
			}
		}
		return n, len(items)
	}
	alone, _ := undefined(in("articles.bib"))
	named, _ := undefined(in("abbrev.bib", "authors.bib", "articles.bib"))
	all, items := undefined(in("abbrev.bib", "journals.bib", "authors.bib", "articles.bib"))
	t.Logf("undefined macros: articles.bib alone %d, with abbrev+authors %d, with journals too %d (%d items)", alone, named, all, items)
	assert.Less(t, named, alone, "the macros of the earlier files are seen")
	assert.Zero(t, all, "with every string file, no macro is undefined")
}
