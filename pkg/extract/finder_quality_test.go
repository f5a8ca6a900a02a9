package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/dedupe"
	"github.com/manba/manba/pkg/extract/finder"
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

// TestFinderOnLabelledDocuments runs Extract on the finder data's
// documents (PDF text of theses, lines labelled ref/text/title/meta):
// precision is the share of list entries found that start on a reference
// line, recall the share of reference lines whose text is in an entry
// found. The line classifier was trained on the training documents only.
func TestFinderOnLabelledDocuments(t *testing.T) {
	docs, err := finder.ReadDir(testenv.Shared(t, "refparse", "finder"))
	require.NoError(t, err)
	train, measure := finder.Split(docs)
	for _, part := range []struct {
		name string
		docs []finder.Document
	}{{"train", train}, {"measure-only", measure}} {
		var found, startOnRef, refLines, covered int
		for _, d := range part.docs {
			refs, _ := Extract(d.Name, []byte(strings.Join(d.Lines, "\n")))
			var all strings.Builder
			for _, r := range refs {
				if r.Kind != ListEntry && r.Kind != Comment {
					continue
				}
				found++
				if d.Labels[r.Pos.Line-1] == "ref" {
					startOnRef++
				}
				all.WriteString(strings.Join(strings.Fields(r.Text), " "))
				all.WriteString("\n")
			}
			text := all.String()
			for i, l := range d.Lines {
				w := strings.Fields(l)
				if d.Labels[i] != "ref" || len(w) == 0 {
					continue
				}
				refLines++
				if strings.Contains(text, strings.Join(w[:min(len(w), 6)], " ")) {
					covered++
				}
			}
		}
		t.Logf("%s (%d documents): %d entries found, precision %.3f; %d reference lines, recall %.3f",
			part.name, len(part.docs), found, float64(startOnRef)/float64(max(found, 1)), refLines, float64(covered)/float64(max(refLines, 1)))
	}
}
