package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/dedupe"
	"github.com/manba/manba/pkg/works"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFieldsAgreeWithResearch compares the fields extracted from the
// seeds' reference lists with the researched metadata of the work each
// entry was linked to: every field both carry must agree (titles by their
// folded main title, since citations shorten them; organisation names by
// dedupe's agent rules). It reports the agreement rate.
func TestFieldsAgreeWithResearch(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if len(files) == 0 {
		testenv.Missing(t, "shared seeds not present in %s", seeds)
	}
	var compared, agreed int
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		refs, _ := Extract(filepath.Base(f), src)
		Link(refs, works.Items())
		for _, r := range refs {
			if r.Kind != ListEntry || r.Work == "" || r.Target >= 0 {
				continue
			}
			gold, _ := works.ByID(r.Work)
			for _, c := range agreement(r.Item, gold) {
				compared++
				if assert.True(t, c.ok, "%s (%s): %s = %q, research says %q", r.Pos, r.Work, c.field, c.got, c.want) {
					agreed++
				}
			}
		}
	}
	t.Logf("%d of %d extracted fields agree with the research", agreed, compared)
	assert.GreaterOrEqual(t, compared, 30, "fields compared")
}

type fieldCheck struct {
	field, got, want string
	ok               bool
}

func agreement(got, gold bib.Item) []fieldCheck {
	var out []fieldCheck
	fold := func(s string) string { return dedupe.Fold(s) }
	main := func(s string) string {
		if i := strings.IndexAny(s, ":("); i > 0 {
			s = s[:i]
		}
		return fold(s)
	}
	if t, w := got.Get("title"), gold.Get("title"); t != "" && w != "" {
		out = append(out, fieldCheck{"title", t, w, main(t) == main(w) || strings.HasPrefix(fold(w), fold(t)) || fold(strings.Trim(w, "[]")) == fold(t)})
	}
	for _, v := range []string{"publisher", "publisher-place", "container-title"} {
		if t, w := got.Get(v), gold.Get(v); t != "" && w != "" {
			tf, wf := fold(strings.TrimPrefix(t, "The ")), fold(strings.TrimPrefix(w, "The "))
			out = append(out, fieldCheck{v, t, w, tf == wf || strings.Contains(wf, tf)})
		}
	}
	if t, w := got.Dates["issued"].From, gold.Dates["issued"].From; t.Year != 0 && w.Year != 0 {
		ok := t.Year == w.Year && (t.Month == 0 || t.Month == w.Month) && (t.Day == 0 || t.Day == w.Day)
		out = append(out, fieldCheck{"issued", t.String(), w.String(), ok})
	}
	if t, w := got.Names["author"], gold.Names["author"]; len(t) > 0 && len(w) > 0 {
		ok, _ := dedupe.Compare(bib.Item{Type: "x", Vars: map[string]string{"title": "same title here"}, Names: map[string][]bib.Name{"author": t[:1]}},
			bib.Item{Type: "x", Vars: map[string]string{"title": "same title here"}, Names: map[string][]bib.Name{"author": w[:1]}})
		out = append(out, fieldCheck{"author", t[0].String(), w[0].String(), ok})
	}
	out = append(out, fieldCheck{"type", got.Type, gold.Type, got.Type == gold.Type})
	return out
}
