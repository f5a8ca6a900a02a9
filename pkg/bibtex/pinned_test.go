package bibtex

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/csljson"
)

// TestPinnedCorpus runs the corpus checks on the samples pinned in
// testdata/corpus, which need nothing outside the repository: each file
// writes back byte for byte, decodes to as many items as the manifest
// counts entries, with no errors, and its items written as CSL-JSON are
// valid.
func TestPinnedCorpus(t *testing.T) {
	f, err := os.Open("testdata/corpus/MANIFEST.tsv")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	n := 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		require.GreaterOrEqual(t, len(cols), 6, "MANIFEST.tsv: %q", sc.Text())
		name := filepath.Base(cols[0])
		entries, err := strconv.Atoi(cols[5])
		require.NoError(t, err)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "corpus", name))
			require.NoError(t, err)
			file, diags := Parse(name, src)
			assert.False(t, diags.HasErrors(), "%v", diags)
			var buf bytes.Buffer
			_, err = file.WriteTo(&buf)
			require.NoError(t, err)
			assert.Equal(t, string(src), buf.String(), "WriteTo")

			items, diags := Decode(name, src, DecodeOptions{})
			assert.False(t, diags.HasErrors(), "%v", diags)
			assert.Len(t, items, entries)
			buf.Reset()
			_, err = csljson.Encode(&buf, items, csljson.EncodeOptions{})
			require.NoError(t, err)
			assert.Empty(t, csljson.Validate(name+".json", buf.Bytes()))
		})
		n++
	}
	assert.Equal(t, 3, n, "pinned files")
}
