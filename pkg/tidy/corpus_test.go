package tidy

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
)

// TestCorpusLosslessAndIdempotent tidies every file of the shared corpus,
// in the default layout and in a sorted, quoted, tab-indented one:
// decoding the tidied file gives the items of the original
// (bib.Item.Equal; in order when not sorted), and tidying the result again
// changes nothing.
func TestCorpusLosslessAndIdempotent(t *testing.T) {
	dir := testenv.Shared(t, "corpus", "bib")
	for _, opts := range []Options{{Align: true}, {Quotes: true, Indent: "\t", Sort: "author"}} {
		checkCorpus(t, dir, opts)
	}
}

func checkCorpus(t *testing.T, dir string, opts Options) {
	files, entries := 0, 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".bib") {
			return err
		}
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		out, _ := File(path, src, opts)
		before, _ := bibtex.Decode(path, src, bibtex.DecodeOptions{})
		after, _ := bibtex.Decode(path, out, bibtex.DecodeOptions{})
		if opts.Sort != "" {
			before, after = byJSON(before), byJSON(after)
		}
		if assert.Len(t, after, len(before), path) {
			for i := range before {
				if !before[i].Equal(after[i]) {
					a, _ := before[i].MarshalJSON()
					b, _ := after[i].MarshalJSON()
					assert.Fail(t, "item changed", "%s: %s\nbefore %s\nafter  %s", path, before[i].ID, a, b)
					break
				}
			}
		}
		again, _ := File(path, out, opts)
		assert.True(t, string(again) == string(out), "%s: tidy is not idempotent", path)
		files++
		entries += len(before)
		return nil
	})
	require.NoError(t, err)
	t.Logf("%+v: %d files, %d items: lossless and idempotent", opts, files, entries)
}

// byJSON sorts items by their CSL-JSON, to compare them as sets.
func byJSON(items []bib.Item) []bib.Item {
	js := make([]string, len(items))
	idx := make([]int, len(items))
	for i := range items {
		b, _ := items[i].MarshalJSON()
		js[i], idx[i] = string(b), i
	}
	sort.SliceStable(idx, func(a, b int) bool { return js[idx[a]] < js[idx[b]] })
	out := make([]bib.Item, len(items))
	for i, k := range idx {
		out[i] = items[k]
	}
	return out
}
