package check

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/internal/testenv"
)

// TestCorpus checks every .bib file of the shared corpus, each repository
// as one library (its files together), and logs the count per check: every
// finding points into a file of its library.
func TestCorpus(t *testing.T) {
	dir := testenv.Shared(t, "corpus", "bib")
	repos, err := os.ReadDir(dir)
	require.NoError(t, err)
	counts := map[string]int{}
	for _, r := range repos {
		var lib []Input
		names := map[string]bool{}
		err := filepath.WalkDir(filepath.Join(dir, r.Name()), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".bib") {
				return err
			}
			src, err := os.ReadFile(path)
			lib = append(lib, Input{Name: path, Src: src})
			names[path] = true
			return err
		})
		require.NoError(t, err)
		for _, f := range Library(lib, Options{}) {
			assert.True(t, names[f.File] && f.Line > 0, f.String())
			counts[f.Check]++
		}
	}
	for _, c := range Checks {
		t.Logf("%-19s %6d", c.ID, counts[c.ID])
	}
}
