package bibtex

import (
	"bytes"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/internal/testenv"
)

// TestCorpusSchema decodes the whole corpus and validates the items, as
// CSL-JSON, against the CSL data schema.
func TestCorpusSchema(t *testing.T) {
	f, err := os.Open(testenv.Shared(t, "csl", "schema", "csl-data.json"))
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("csl-data.json", doc))
	sch, err := c.Compile("csl-data.json")
	require.NoError(t, err)
	n := 0
	for _, cf := range corpusFiles(t) {
		items, _ := Decode(cf.rel, readCorpus(t, cf), DecodeOptions{})
		if len(items) == 0 {
			continue
		}
		buf := []byte{'['}
		for i, it := range items {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf, err = it.AppendJSON(buf)
			require.NoError(t, err)
		}
		buf = append(buf, ']')
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf))
		require.NoError(t, err, "%s: not JSON", cf.rel)
		assert.NoError(t, sch.Validate(inst), "%s: does not validate", cf.rel)
		n += len(items)
	}
	t.Logf("%d items valid", n)
}
