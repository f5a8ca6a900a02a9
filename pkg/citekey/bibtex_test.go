package citekey

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

const sample = `% my library
@string{ird = "Iran Review"}

@Book{abrahamian,
  Author = {Abrahamian, Ervand},  % the historian
  title  = "The {Iranian} Mojahedin",
  year   = 1989,
}

@incollection{x1, author = {رجوی, مسعود}, title = {تاریخ}, year = 1380, crossref = {abrahamian}}
@xdata{common, publisher = ird}
@article{pinned, author = {Haeri, Safa}, title = {All Lies}, year = 2005, extra = {Citation Key: pinned}, xdata = {common}}
`

func TestRekeyedBibTeXChangesOnlyKeysAndReferences(t *testing.T) {
	bf, diags := ReadBibTeX("lib.bib", []byte(sample))
	require.Empty(t, diags.Errors())
	require.Len(t, bf.Items, 3)
	keys, changes := Assign(bf.Items, Options{All: true})
	assert.Equal(t, []string{"abrahamianiranian1989", "rajavitarikh2001", "pinned"}, keys)
	assert.Len(t, changes, 2)
	want := strings.NewReplacer("{abrahamian,", "{abrahamianiranian1989,", "{x1,", "{rajavitarikh2001,",
		"crossref = {abrahamian}", "crossref = {abrahamianiranian1989}").Replace(sample)
	out := string(bf.Rekeyed(keys))
	assert.Equal(t, want, out)

	// Re-keying the output again changes nothing.
	bf2, _ := ReadBibTeX("lib.bib", []byte(out))
	keys2, changes2 := Assign(bf2.Items, Options{All: true})
	assert.Empty(t, changes2)
	assert.Equal(t, out, string(bf2.Rekeyed(keys2)))
}

func TestHijriYearsBecomeGregorian(t *testing.T) {
	src := "@book{a, author = {رجوی, مسعود}, title = {تاریخ}, year = 1380, langid = {persian}}\n" +
		"@book{b, author = {رجوی, مسعود}, title = {تاریخ}, date = {2001}}\n"
	bf, _ := ReadBibTeX("fa.bib", []byte(src))
	require.Len(t, bf.Items, 2)
	require.Equal(t, "solar-hijri", bf.Items[0].Dates["issued"].Calendar)
	keys, _ := Assign(bf.Items, Options{All: true})
	assert.Equal(t, []string{"rajavitarikh2001", "rajavitarikh2001a"}, keys)
}

// TestCorpusKeysAreIdempotent re-keys every file of the shared corpus
// twice: the second run changes nothing, keys are unique ignoring case,
// and every key is ASCII.
func TestCorpusKeysAreIdempotent(t *testing.T) {
	dir := testenv.Shared(t, "corpus", "bib")
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".bib") {
			return err
		}
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		bf, _ := ReadBibTeX(path, src)
		keys, _ := Assign(bf.Items, Options{All: true, Reserved: bf.Reserved})
		seen := map[string]bool{}
		for i, k := range keys {
			if PinnedKey(&bf.Items[i]) == "" {
				assert.False(t, seen[strings.ToLower(k)], "%s: duplicate key %s", path, k)
			}
			seen[strings.ToLower(k)] = true
			assert.True(t, isASCII(k), k)
		}
		out := bf.Rekeyed(keys)
		bf2, _ := ReadBibTeX(path, out)
		require.Len(t, bf2.Items, len(bf.Items), path)
		keys2, changes := Assign(bf2.Items, Options{All: true, Reserved: bf2.Reserved})
		assert.Empty(t, changes, path)
		assert.True(t, string(out) == string(bf2.Rekeyed(keys2)), "%s: second run changed the file", path)
		n += len(keys)
		return nil
	})
	require.NoError(t, err)
	t.Logf("%d entries re-keyed", n)
}

// TestCorpusItemKeys checks BBT formulas on entries of the shared corpus:
// particles, suffixes, diacritics written in TeX, case-protected words and
// more than two authors.
func TestCorpusItemKeys(t *testing.T) {
	tests := []struct{ file, id, formula, want string }{
		{"plk+biber/t/tdata/examples.bib", "westfahl:space", DefaultFormula, "westfahltrue2000"},
		{"plk+biber/t/tdata/examples.bib", "baez/article", "authors + year", "BaezLauda2004"},
		{"plk+biber/t/tdata/examples.bib", "murray", "authEtAl.lower + year", "hostetleretal1998"},
		{"plk+biber/t/tdata/examples.bib", "kastenholz", "auth(0,2) + shorttitle(2,2)", "HunenbergerComputationMethodology"}, // hyphens separate words,
		{"plk+biber/t/tdata/examples.bib", "angenendt", "shorttitle(3,3)", "HonoreSalvatorisSinn"},                           // in and vom are skipped,
		{"mernst+plume-bib/types.bib", "DietlDM2007", "title", "GenericUniverseTypes"},
		{"mernst+plume-bib/types.bib", "KnieselT2001", "auth.lower + veryshorttitle.lower + year", "knieseljac2001"},
		{"plk+biber/t/tdata/names.bib", "L5", "auth", "vonEel"},
		{"plk+biber/t/tdata/names.bib", "L10a", "auth.upper", "PIMENTEL"},
	}
	files := map[string]*BibTeXFile{}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			bf := files[tt.file]
			if bf == nil {
				src, err := os.ReadFile(testenv.Shared(t, "corpus", "bib", tt.file))
				require.NoError(t, err)
				bf, _ = ReadBibTeX(tt.file, src)
				files[tt.file] = bf
			}
			g := NewGenerator(MustParse(tt.formula), nil)
			for i := range bf.Items {
				if bf.Items[i].ID == tt.id {
					assert.Equal(t, tt.want, g.Key(&bf.Items[i]))
					return
				}
			}
			require.Failf(t, "entry not found", "%s not in %s", tt.id, tt.file)
		})
	}
}
