package interop

import (
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/works"
	"github.com/stretchr/testify/require"
)

// sampleEvery picks one corpus item in sampleEvery (by a hash of file and
// key, so the sample does not depend on file order or on other items):
// about 2,000 of the 33,000 items.
const sampleEvery = 16

// sample is the corpus sample, split in two halves by another bit of the
// same hash: tune (looked at while fixing the mapping) and measure (only
// counted, never inspected for fixes).
type sample struct{ tune, measure []bib.Item }

// corpusSample reads every .bib file of the shared corpus and returns the
// sampled items, each with a fresh unique ID (keys repeat across files).
func corpusSample(t *testing.T) sample {
	t.Helper()
	dir := testenv.Shared(t, "corpus", "bib")
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".bib" {
			files = append(files, p)
		}
		return err
	})
	require.NoError(t, err)
	slices.Sort(files)
	var s sample
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		rel, _ := filepath.Rel(dir, f)
		items, _ := bibtex.Decode(rel, src, bibtex.DecodeOptions{})
		for _, it := range items {
			h := fnv.New64a()
			fmt.Fprintf(h, "%s#%s", rel, it.ID)
			sum := h.Sum64()
			if sum%sampleEvery != 0 {
				continue
			}
			it.ID = fmt.Sprintf("s%05d", len(s.tune)+len(s.measure))
			if (sum/sampleEvery)%2 == 0 {
				s.tune = append(s.tune, it)
			} else {
				s.measure = append(s.measure, it)
			}
		}
	}
	require.GreaterOrEqual(t, len(s.tune)+len(s.measure), 1000, "sample items")
	return s
}

// builtIn returns the 32 built-in works.
func builtIn() []bib.Item { return works.Items() }
