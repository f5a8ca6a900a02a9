package csl_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/works"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGoldenWorks renders the built-in cited works in apa and
// chicago-author-date; differences from pandoc --citeproc are listed in
// testdata/golden/README.md.
func TestGoldenWorks(t *testing.T) {
	for _, name := range []string{"apa", "chicago-author-date"} {
		for _, f := range []struct {
			ext    string
			format csl.Format
		}{{"txt", csl.Text}, {"html", csl.HTML}} {
			st, err := csl.LoadStyle(name)
			require.NoError(t, err)
			got := csl.NewProcessor(st, "en-US", works.Items()).BibliographyString(f.format) + "\n"
			path := filepath.Join("testdata", "golden", "works-"+name+"."+f.ext)
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
				continue
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update")
			assert.Equal(t, string(want), got, "%s differs from the golden file; run go test -update and review the diff", path)
		}
	}
}
