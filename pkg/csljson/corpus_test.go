package csljson

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bibtex"
)

const corpusDir = "../../../shared/corpus/bib"

// TestValidateBibTeXCorpus converts every BibTeX file of the shared corpus
// to CSL-JSON and validates the result against the CSL data schema, then
// reads it back: the items must survive.
func TestValidateBibTeXCorpus(t *testing.T) {
	sch := loadSchema(t)
	var files []string
	filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".bib") {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		testenv.Missing(t, "shared corpus not available")
	}
	if testing.Short() && len(files) > 40 {
		files = files[:40]
	}
	total, invalid, changed := 0, 0, 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		items, _ := bibtex.Decode(f, src, bibtex.DecodeOptions{})
		total += len(items)
		var buf bytes.Buffer
		if _, err := Encode(&buf, items, EncodeOptions{Compact: true}); !assert.NoError(t, err, f) {
			continue
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		if !assert.NoError(t, err, "%s: output is not JSON", f) {
			continue
		}
		// The first three failures of each kind are shown; all are counted.
		if err := sch.Validate(inst); err != nil {
			invalid++
			if invalid <= 3 {
				assert.NoError(t, err, "%s: not valid CSL-JSON", f)
			}
		}
		back, diags := Decode(f, buf.Bytes())
		if !assert.False(t, diags.HasErrors(), "%s: %v", f, diags.Errors()) || !assert.Len(t, back, len(items), "%s: items read back", f) {
			continue
		}
		for i := range items {
			if !back[i].Equal(items[i]) {
				changed++
				if changed <= 3 {
					assert.Equal(t, items[i], back[i], "%s: item %q changed in a round trip", f, items[i].ID)
				}
			}
		}
	}
	t.Logf("%d files, %d items: %d files invalid, %d items changed", len(files), total, invalid, changed)
	if !testing.Short() {
		assert.GreaterOrEqual(t, total, 1000, "items in the corpus")
	}
}
