package bibtex

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundTripExceptions lists the corpus entries (file and key) whose items
// are not equal after bib -> items -> bib -> items, with the reason.
var roundTripExceptions = map[string]string{
	// These author lists are built from @string macros (Bossek_J, and)
	// defined in another file of that repository. Undefined, each macro
	// stands for its name, so words run together ("CavaandLopez") and the
	// decoded von part ends in a capitalized word, which BibTeX syntax
	// cannot write as a von part.
	"iridia-ulb+references/articles.bib#BarDoeBer2020benchmarking": "undefined macros glue names",
	"iridia-ulb+references/articles.bib#PalGooSor2014":             "undefined macros glue names",
	"iridia-ulb+references/articles.bib#SabAyoKen2013tec":          "undefined macros glue names",
	"iridia-ulb+references/articles.bib#SabAyoKen2015tcyb":         "undefined macros glue names",
	"iridia-ulb+references/biblio.bib#FreFleGui2013nonparametric":  "undefined macros glue names",
}

// itemDiff describes how two items differ, for test failures.
func itemDiff(a, b bib.Item) string {
	ja, _ := a.MarshalJSON()
	jb, _ := b.MarshalJSON()
	return fmt.Sprintf("\n first: %s\nsecond: %s", ja, jb)
}

// roundTrip encodes items and decodes them again.
func roundTrip(t testing.TB, items []bib.Item, opts EncodeOptions) ([]bib.Item, []byte) {
	var buf bytes.Buffer
	e := NewEncoder(&buf, opts)
	for _, it := range items {
		require.NoError(t, e.Encode(it))
	}
	// Items read from BibTeX hold nothing BibTeX cannot.
	// Variables without a field of their own (a second ISBN) go to
	// LeftoverField with a warning; nothing else may be reported.
	for _, w := range e.Diagnostics() {
		assert.True(t, strings.HasSuffix(w.Msg, "written to "+LeftoverField) || strings.HasSuffix(w.Msg, "all of them to "+LeftoverField),
			"writing: %v", w)
	}
	again, diags := Decode("roundtrip.bib", buf.Bytes(), DecodeOptions{})
	assert.False(t, diags.HasErrors(), "re-reading the written file: %v", diags.Errors())
	return again, buf.Bytes()
}

func TestCorpusRoundTrip(t *testing.T) {
	for _, dialect := range []Dialect{BibTeX, BibLaTeX} {
		total, failed := 0, 0
		for _, c := range corpusFiles(t) {
			items, _ := Decode(c.rel, readCorpus(t, c), DecodeOptions{})
			again, _ := roundTrip(t, items, EncodeOptions{Dialect: dialect})
			if !assert.Equal(t, len(items), len(again), "%s: items after the round trip", c.rel) {
				continue
			}
			for i := range items {
				total++
				if items[i].Equal(again[i]) {
					continue
				}
				if _, ok := roundTripExceptions[c.rel+"#"+items[i].ID]; ok {
					continue
				}
				failed++
				if failed <= 10 { // the first 10 say enough
					assert.Failf(t, "round trip changed an item", "dialect %d: %s: %s changed:%s", dialect, c.rel, items[i].ID, itemDiff(items[i], again[i]))
				}
			}
		}
		t.Logf("dialect %d: %d items, %d changed", dialect, total, failed)
	}
}

// TestCorpusProtectCapitals checks that with ProtectCapitals writing is a
// fixed point after one pass: the braces it adds come back as nocase spans,
// which it writes as the same braces.
func TestCorpusProtectCapitals(t *testing.T) {
	opts := EncodeOptions{ProtectCapitals: true}
	total, changed := 0, 0
	for _, c := range corpusFiles(t) {
		items, _ := Decode(c.rel, readCorpus(t, c), DecodeOptions{})
		for _, it := range items {
			if _, ok := roundTripExceptions[c.rel+"#"+it.ID]; ok {
				continue
			}
			total++
			var first, second bytes.Buffer
			Encode(&first, []bib.Item{it}, opts)
			again, _ := Decode("first.bib", first.Bytes(), DecodeOptions{NoInherit: true})
			Encode(&second, again, opts)
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				changed++
				if changed <= 5 { // the first 5 say enough
					assert.Failf(t, "not a fixed point", "%s: %s: second pass differs:\n%s", c.rel, it.ID, firstDiff(first.Bytes(), second.Bytes()))
				}
			}
		}
	}
	t.Logf("%d items, %d not a fixed point", total, changed)
}

// firstDiff shows the first differing line of two texts.
func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}
