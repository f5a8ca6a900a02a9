package interop

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/csljson"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/ris"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusItems reads every item of the shared corpus, file by file.
func corpusItems(t *testing.T) map[string][]bib.Item {
	t.Helper()
	dir := testenv.Shared(t, "corpus", "bib")
	out := map[string][]bib.Item{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".bib" {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[rel], _ = bibtex.Decode(rel, src, bibtex.DecodeOptions{})
		return nil
	})
	require.NoError(t, err)
	return out
}

func toBibAndBack(t *testing.T, items []bib.Item, d bibtex.Dialect) []bib.Item {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, bibtex.Encode(&buf, items, bibtex.EncodeOptions{Dialect: d}))
	back, diags := bibtex.Decode("back.bib", buf.Bytes(), bibtex.DecodeOptions{NoInherit: true})
	require.False(t, diags.HasErrors(), "%v", diags.Errors())
	require.Len(t, back, len(items))
	return back
}

// roundTripExceptions are the corpus items (file#key) that do not survive
// a round trip, with the reason (as in pkg/bibtex's own round trip test).
var roundTripExceptions = map[string]string{
	// Author lists built from @string macros defined in another file of
	// the repository: undefined, each macro stands for its name, words run
	// together and the von part ends in a capitalized word, which BibTeX
	// syntax cannot write as a von part.
	"iridia-ulb+references/articles.bib#BarDoeBer2020benchmarking": "undefined macros glue names",
	"iridia-ulb+references/articles.bib#PalGooSor2014":             "undefined macros glue names",
	"iridia-ulb+references/articles.bib#SabAyoKen2013tec":          "undefined macros glue names",
	"iridia-ulb+references/articles.bib#SabAyoKen2015tcyb":         "undefined macros glue names",
	"iridia-ulb+references/biblio.bib#FreFleGui2013nonparametric":  "undefined macros glue names",
}

// TestCorpusRoundTripCSLJSON: bib -> CSL-JSON -> bib keeps every item of
// the shared corpus whole: CSL-JSON holds what BibTeX gave (in custom what
// it has no property for), and BibTeX takes it back.
func TestCorpusRoundTripCSLJSON(t *testing.T) {
	total, changed := 0, 0
	for file, items := range corpusItems(t) {
		var buf bytes.Buffer
		_, err := csljson.Encode(&buf, items, csljson.EncodeOptions{})
		require.NoError(t, err)
		fromJSON, diags := csljson.Decode("x.json", buf.Bytes())
		require.False(t, diags.HasErrors(), "%s: %v", file, diags.Errors())
		require.Len(t, fromJSON, len(items))
		back := toBibAndBack(t, fromJSON, bibtex.BibLaTeX)
		for i := range items {
			total++
			if !items[i].Equal(back[i]) {
				if _, ok := roundTripExceptions[file+"#"+items[i].ID]; ok {
					continue
				}
				changed++
				if changed <= 5 { // the first 5 say enough
					a, _ := items[i].MarshalJSON()
					b, _ := back[i].MarshalJSON()
					assert.Failf(t, "item changed", "%s: %s changed:\n%s\n%s", file, items[i].ID, a, b)
				}
			}
		}
	}
	t.Logf("bib -> csljson -> bib: %d items, %d changed", total, changed)
}

var markupTag = regexp.MustCompile(`</?(?:i|b|sup|sub|span)\b[^>]*>`)

// risExceptions are values RIS cannot keep apart, with the reason.
var risExceptions = map[string]string{
	// An ISSN with a wrong check digit on a @misc: SN holds ISSNs and
	// ISBNs alike, so the reader takes it for an ISBN, with a warning.
	"plk+biber/t/tdata/dm-constraints.bib#c10 ISSN": "invalid ISSN on a non-serial item",
}

// risVars are the variables RIS has a tag for and the Encoder writes.
var risVars = []string{
	"title", "container-title", "collection-title", "volume", "issue", "page", "edition",
	"publisher", "publisher-place", "ISBN", "ISSN", "DOI", "URL", "abstract", "language",
}

// TestCorpusRoundTripRIS: bib -> RIS -> bib keeps, for every corpus item,
// each value RIS can hold: the variables with a tag of their own (ISSN
// staying ISSN), the authors and editors, and the year.
func TestCorpusRoundTripRIS(t *testing.T) {
	total, lost := 0, map[string]int{}
	var examples []string
	for file, items := range corpusItems(t) {
		var buf bytes.Buffer
		// Every warning: droppedByRIS reads which values each item lost.
		warns, err := ris.Encode(&buf, items, ris.EncodeOptions{MaxDiagnosticsPerKind: -1})
		require.NoError(t, err)
		dropped := droppedByRIS(warns)
		fromRIS, diags := ris.Decode("x.ris", buf.Bytes())
		require.False(t, diags.HasErrors(), "%s: %v", file, diags.Errors())
		require.Len(t, fromRIS, len(items))
		back := toBibAndBack(t, fromRIS, bibtex.BibTeX)
		for i := range items {
			a, b := items[i], back[i]
			for _, v := range risVars {
				if dropped[a.ID+" "+v] || risExceptions[file+"#"+a.ID+" "+v] != "" {
					continue // RIS has no tag for it in this item type
				}
				total++
				if want := risForm(v, a.Get(v)); want != risForm(v, b.Get(v)) {
					lost[v]++
					examples = append(examples, fmt.Sprintf("%s %s %s: %q -> %q", file, a.ID, v, a.Get(v), b.Get(v)))
				}
			}
			for _, v := range []string{"author", "editor"} {
				if slices.ContainsFunc(a.Names[v], commaInPart) {
					continue // "Family, Given, Suffix" cannot hold a comma in a part (Sun Microsystems, Inc.)
				}
				total++
				if !slices.EqualFunc(a.Names[v], b.Names[v], sameName) {
					lost[v]++
					examples = append(examples, fmt.Sprintf("%s %s %s: %v -> %v", file, a.ID, v, a.Names[v], b.Names[v]))
				}
			}
			total++
			if a.Dates["issued"].From.Year != b.Dates["issued"].From.Year {
				lost["issued"]++
				examples = append(examples, fmt.Sprintf("%s %s issued: %v -> %v", file, a.ID, a.Dates["issued"], b.Dates["issued"]))
			}
		}
	}
	n := 0
	for _, c := range lost {
		n += c
	}
	t.Logf("bib -> ris -> bib: %d values, %d not kept %v", total, n, lost)
	slices.Sort(examples)
	for i, e := range examples {
		if i < 20 { // the first 20 say enough
			assert.Failf(t, "value not kept", "not kept: %s", e)
		}
	}
}

// droppedByRIS reads the Encoder's "item "ID": RIS has no tag for X, Y"
// warnings into a set of "ID variable".
func droppedByRIS(warns diag.List) map[string]bool {
	out := map[string]bool{}
	for _, w := range warns {
		var id string
		rest, ok := strings.CutPrefix(w.Msg, "item ")
		if !ok {
			continue
		}
		if q, err := strconv.QuotedPrefix(rest); err == nil {
			id, _ = strconv.Unquote(q)
			rest = rest[len(q):]
		}
		if vars, ok := strings.CutPrefix(rest, ": RIS has no tag for "); ok {
			vars, _, _ = strings.Cut(vars, ";")
			for _, v := range strings.Split(vars, ", ") {
				out[id+" "+v] = true
			}
		}
	}
	return out
}

func commaInPart(n bib.Name) bool {
	return strings.Contains(n.Family+n.Given+n.Suffix+n.Literal, ",")
}

// risForm is a value as RIS can hold it: plain text (no rich-text markup,
// no case protection), a page range's ends (not its dash), no line breaks.
func risForm(v, s string) string {
	s = markupTag.ReplaceAllString(s, "")
	s = strings.Join(strings.Fields(s), " ")
	if v == "page" {
		s = strings.ReplaceAll(s, "–", "-")
	}
	return s
}

// sameName compares names as RIS writes them ("Family, Given, Suffix"):
// particles join the family name.
func sameName(a, b bib.Name) bool {
	return a.Literal == b.Literal && a.FamilyFull() == b.FamilyFull() && a.Given == b.Given && a.Suffix == b.Suffix
}
