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

	"github.com/manba/manba/internal/testenv"
)

// corpusDir is the shared corpus of real .bib files, read in place.
const corpusDir = "../../../shared/corpus"

type corpusFile struct {
	path    string // absolute path under corpusDir/bib
	rel     string // path as listed in MANIFEST.tsv, without "src/"
	entries int    // entry count according to MANIFEST.tsv
}

// corpusFiles lists the MANIFEST.tsv files present in the corpus; it skips
// the test when the shared corpus is missing.
func corpusFiles(t testing.TB) []corpusFile {
	t.Helper()
	f, err := os.Open(filepath.Join(corpusDir, "MANIFEST.tsv"))
	if err != nil {
		testenv.Missing(t, "shared corpus missing: %v", err)
	}
	defer f.Close()
	var out []corpusFile
	sc := bufio.NewScanner(f)
	header := true
	for sc.Scan() {
		if header {
			header = false
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 6 {
			continue
		}
		rel := strings.TrimPrefix(cols[0], "src/")
		path := filepath.Join(corpusDir, "bib", rel)
		if _, err := os.Stat(path); err != nil {
			continue // the manifest also lists files this checkout leaves out
		}
		n, err := strconv.Atoi(cols[5])
		require.NoError(t, err, "MANIFEST.tsv: bad entry count %q for %s", cols[5], rel)
		out = append(out, corpusFile{path: path, rel: rel, entries: n})
	}
	if len(out) == 0 {
		testenv.Missing(t, "shared corpus has no files")
	}
	return out
}

func readCorpus(t testing.TB, c corpusFile) []byte {
	t.Helper()
	src, err := os.ReadFile(c.path)
	require.NoError(t, err)
	return src
}

// TestCorpusParse parses every corpus file: the tree must write back byte
// for byte, and at least 99.5% of the entries MANIFEST.tsv counts must be
// recovered.
func TestCorpusParse(t *testing.T) {
	files := corpusFiles(t)
	want, got := 0, 0
	for _, c := range files {
		src := readCorpus(t, c)
		f, _ := Parse(c.rel, src)
		var buf bytes.Buffer
		_, err := f.WriteTo(&buf)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(buf.Bytes(), src), "%s: WriteTo does not reproduce the input", c.rel)
		n := len(f.Entries())
		want += c.entries
		got += min(n, c.entries)
		if n < c.entries {
			t.Logf("%s: %d of %d entries", c.rel, n, c.entries)
		}
	}
	ratio := float64(got) / float64(want)
	t.Logf("%d files, %d of %d entries recovered (%.4f)", len(files), got, want, ratio)
	assert.GreaterOrEqual(t, ratio, 0.995, "recovered %.4f of the entries, want >= 0.995", ratio)
}
