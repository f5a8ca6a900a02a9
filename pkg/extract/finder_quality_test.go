package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/dedupe"
	"github.com/stretchr/testify/require"
)

// sameReference reports whether a found entry is the gold reference: the
// folded words of each cover nearly all of the other's.
func sameReference(found, gold string) bool {
	f, g := strings.Fields(dedupe.Fold(found)), strings.Fields(dedupe.Fold(gold))
	if len(f) == 0 || len(g) == 0 {
		return false
	}
	in := map[string]int{}
	for _, w := range g {
		in[w]++
	}
	common := 0
	for _, w := range f {
		if in[w] > 0 {
			in[w]--
			common++
		}
	}
	return float64(common) >= 0.9*float64(max(len(f), len(g)))
}

// TestFinderLayouts measures the finder on articles written for this
// test in the layouts of issue 9 (numbered, bracketed, "1)", "^", "^ a
// b", "↑", bullets, hanging indents, blank-line-separated, bare-number
// endnotes, Persian): every list entry found must be one of the
// references in the .gold file beside it, and every one must be found.
func TestFinderLayouts(t *testing.T) {
	files, err := filepath.Glob("testdata/layouts/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var gold, found, right int
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		g, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".gold")
		require.NoError(t, err)
		want := strings.FieldsFunc(string(g), func(r rune) bool { return r == '\n' })
		refs, _ := Extract(filepath.Base(f), src)
		used := make([]bool, len(want))
		n := 0
		for _, r := range refs {
			if r.Kind != ListEntry && r.Kind != Comment {
				continue
			}
			n++
			ok := false
			for i, w := range want {
				if !used[i] && sameReference(r.Text, w) {
					used[i], ok = true, true
					break
				}
			}
			if ok {
				right++
			} else {
				t.Logf("%s: found %q, not a reference of the article", r.Pos, r.Text)
			}
		}
		for i, u := range used {
			if !u {
				t.Logf("%s: missed %q", filepath.Base(f), want[i])
			}
		}
		gold += len(want)
		found += n
	}
	recall, precision := float64(right)/float64(gold), float64(right)/float64(max(found, 1))
	t.Logf("%d files: %d references, %d found, %d right: recall %.3f, precision %.3f", len(files), gold, found, right, recall, precision)
	require.GreaterOrEqual(t, recall, 0.85)
	require.GreaterOrEqual(t, precision, 0.85)
}
