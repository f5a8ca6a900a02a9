package csl

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
)

// TestCiteprocRules: general rules found with the differential test
// (citeproc_test.go); each expected value is citeproc-js's output.
func TestCiteprocRules(t *testing.T) {
	const head = `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text" %s><citation><layout><text variable="title"/></layout></citation><bibliography><layout>`
	tests := []struct {
		name, attrs, layout, variable, value, want string
	}{
		{"ordinal keeps a written suffix", ``, `<number variable="edition" form="ordinal"/>`, "edition", "3rd", "3rd"},
		{"roman keeps letters", ``, `<number variable="edition" form="roman"/>`, "edition", "3a", "3a"},
		{"plain ordinal", ``, `<number variable="edition" form="ordinal"/>`, "edition", "3", "3rd"},
		{"range that does not go up", `page-range-format="chicago"`, `<text variable="page"/>`, "page", "325-325", "325–325"},
		{"em dash is no range", `page-range-format="minimal"`, `<text variable="page"/>`, "page", "321—328", "321—328"},
		{"curly single quotes stay", ``, `<text variable="title"/>`, "title", "the ‘protected’ words", "the ‘protected’ words"},
		{"curly quotes flip inside quotes", ``, `<text variable="title" quotes="true"/>`, "title", "“outer ‘inner’ end”", "“‘outer “inner” end’”"},
		{"foreign curly quotes are text", `default-locale="fr-FR"`, `<text variable="title"/>`, "title", "the ‘x’ and “y”", "the ‘x’ and “y”"},
		{"narrow space before a colon", ``, `<text variable="title"/>`, "title", "Dance Club : Avoiding", "Dance Club\u202f: Avoiding"},
		{"title case skips digits and et al.", ``, `<text variable="title" text-case="title"/>`, "title", "words et al. in version 1.x on the 30th day", "Words et al. in Version 1.x on the 30th Day"},
		{"title case after a nocase part", ``, `<text variable="title" text-case="title"/>`, "title", `<span class="nocase">H</span>ow <span class="nocase">iPhone</span>s work`, "HOw iPhones Work"},
		{"title case leaves a word in straight single quotes", ``, `<text variable="title" text-case="title"/>`, "title", "the 'protected' word and l'adresse of ‘quoted’ x-ray in 1.x to rely on", "The “protected” Word and l’adresse of ‘Quoted’ x-Ray in 1.x to Rely On"},
		{"title case: a flipped opening quote gives back the case after it", ``, `<text variable="title" text-case="title"/>`, "title", "“the nested ‘inner’ quote” at the 3rd and 30th of et al", "“the Nested ‘Inner’ Quote” at the 3rd and 30th of et al"},
		{"title case: hyphens and punctuation", ``, `<text variable="title" text-case="title"/>`, "title", "pro-environmental out-of-fashion self-help: why? because", "Pro-Environmental out-of-Fashion Self-Help: Why? Because"},
		{"title case: abbreviations and brackets", ``, `<text variable="title" text-case="title"/>`, "title", "e.g. the u.s. army vs. the world [bracketed text] one/two", "E.g. the u.s. Army vs. the World [Bracketed Text] One/Two"},
		{"an unclosed left mark is an ayn, kept as written", ``, `<text variable="title"/>`, "title", "‘Abd al-Raḥmān and ʿAlī", "‘Abd al-Raḥmān and ʿAlī"},
		{"a straight apostrophe is typographic", ``, `<text variable="title"/>`, "title", "Saddam's Army", "Saddam’s Army"},
		{"a term opening an entry is capitalised", ``, `<text term="no date" form="short" prefix="("/>`, "title", "x", "(N.d."},
		{"style quotes inside style quotes stay outer", ``, `<group quotes="true"><text variable="title" quotes="true"/></group>`, "title", "T", "““T””"},
		{"period after italics closing a quoted title", ``, `<group delimiter=". "><text variable="title" quotes="true"/><text value="Pub"/></group>`, "title", "Review of <i>Math into TeX</i>", "“Review of Math into TeX.” Pub"},
		{"a value's own comma stays after its inner quote", ``, `<group delimiter=". "><text variable="title" quotes="true"/><text value="Pub"/></group>`, "title", "Proceedings of ‘TeX for Documentation’, Strasbourg", "“Proceedings of ‘TeX for Documentation’, Strasbourg.” Pub"},
		{"an orphan mark in case-protected text stays straight", ``, `<text variable="title"/>`, "title", `<span class="nocase">TUG '98 and x's</span>`, "TUG '98 and x’s"},
		{"title case: v. matches any second letter", ``, `<text variable="title" text-case="title"/>`, "title", "anatomical origin of déjà vu and memories", "Anatomical Origin of Déjà vu and Memories"},
		{"title case after a protected opening", ``, `<text variable="title" text-case="title"/>`, "title", `<span class="nocase">KIBRA</span> and stuff`, "KIBRA and Stuff"},
		{"an empty variable's label shows its singular term", ``, `<group delimiter=" "><text variable="title"/><label variable="volume" form="short"/></group>`, "title", "T", "T vol."},
		{"a compound locator takes a singular label", ``, `<group><label variable="page" form="short" suffix=" "/><text variable="page"/></group>`, "page", "9:1-9:47", "p. 9:1-9:47"},
		{"chained page numbers keep their hyphens", ``, `<group><label variable="page" form="short" suffix=" "/><text variable="page"/></group>`, "page", "C6-381–C6-384", "pp. C6-381-C6-384"},
		{"a page range without its end", `page-range-format="chicago"`, `<group><label variable="page" form="short" suffix=" "/><text variable="page"/></group>`, "page", "123–", "pp. 123-"},
		{"the last two plain numbers of a chain are a range", ``, `<text variable="page"/>`, "page", "12-15-18", "12-15–18"},
		{"a case-protected opening loses one space", ``, `<text variable="title" prefix="[" suffix="]"/>`, "title", `<span class="nocase"> b</span> c`, "[b c]"},
		{"straight quotes of the other kind are inner quotes", ``, `<text variable="title"/>`, "title", `a 'x' b "y" c`, "a “x” b ‘y’ c"},
		{"other straight quotes in French", `default-locale="fr-FR"`, `<text variable="title"/>`, "title", `a 'x' b "y" c`, "a «\u00a0x\u00a0» b “y” c"},
		{"upper case spells ß as SS", ``, `<text variable="title" text-case="uppercase"/>`, "title", "Kießling", "KIESSLING"},
		{"a number range takes the locale's page-range delimiter", `default-locale="fr-FR"`, `<group delimiter=" "><text variable="issue"/><number variable="volume"/></group>`, "issue", "1-2", "1\u20112"},
		{"one plain space before a straight mark", ``, `<text variable="title"/>`, "title", "<span class=\"nocase\">TUG\u2009'98</span>", "TUG '98"},
		{"term-only group keeps its parent", ``, `<group delimiter=". "><date variable="accessed" form="text"/><group prefix="[" suffix="]"><text term="online"/></group></group>`, "title", "x", "[Online]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(head, "%s", tt.attrs, 1) + tt.layout + `</layout></bibliography></style>`
			st, err := ParseStyle(strings.NewReader(src))
			require.NoError(t, err)
			it := bib.Item{ID: "a", Type: "book"}
			it.Set(tt.variable, tt.value)
			got := NewProcessor(st, "", []bib.Item{it}).Bibliography(Text)
			require.Len(t, got, 1)
			assert.Equal(t, tt.want, got[0].Text)
		})
	}
}

// TestCiteprocHTMLRules: HTML-only rules of citeproc-js's text_escape and
// type conditions (expected values are citeproc-js's output).
func TestCiteprocHTMLRules(t *testing.T) {
	src := `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><citation><layout><text variable="title"/></layout></citation><bibliography><layout><choose><if type="thesis manuscript"><text variable="title"/></if></choose><date variable="issued"><date-part name="month"/></date></layout></bibliography></style>`
	st, err := ParseStyle(strings.NewReader(src))
	require.NoError(t, err)
	it := bib.Item{ID: "a", Type: "thesis"}
	it.Set("title", "Li⁺ and ActiGraph™ in  two")
	it.SetDate("issued", bib.Date{Literal: "1-2 April, 2001"})
	got := NewProcessor(st, "", []bib.Item{it}).Bibliography(HTML)
	require.Len(t, got, 1)
	assert.Equal(t, "Li<sup>+</sup> and ActiGraph<sup>TM</sup> in\u00a0 two", got[0].Text)
}

// TestCapitalizeFirst: citeproc-js's capitalize-first, which an entry's
// opening term gets, looks past brackets and leaves capitalised words.
func TestCapitalizeFirst(t *testing.T) {
	for in, want := range map[string]string{"[sans date]": "[Sans date]", "n.d.": "N.d.", "eBook": "eBook", "(online)": "(Online)", "": ""} {
		assert.Equal(t, want, capitalizeFirst(in), in)
	}
}

// TestNamesLabelAfterImplicitName: a cs:names without cs:name prints the
// names before its label (citeproc-js adds the missing cs:name first).
func TestNamesLabelAfterImplicitName(t *testing.T) {
	src := `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><citation><layout><text variable="title"/></layout></citation><bibliography><layout><names variable="editor"><label prefix=", "/></names></layout></bibliography></style>`
	st, err := ParseStyle(strings.NewReader(src))
	require.NoError(t, err)
	it := bib.Item{ID: "a", Type: "book"}
	it.SetNames("editor", []bib.Name{{Family: "Pardue", Given: "Larry"}})
	got := NewProcessor(st, "en-US", []bib.Item{it}).Bibliography(Text)
	require.Len(t, got, 1)
	assert.Equal(t, "Larry Pardue, editor", got[0].Text)
}

// TestAynNameIsNotFlippedOrInitialised: issue 11's finding, a family name
// beginning with ‘ayn ({\textquoteleft}Abd al-Ra{\d{h}}m{\=a}n in BibTeX)
// renders with the ‘ as written in APA, never as "’a. al-Raḥmān".
func TestAynNameIsNotFlippedOrInitialised(t *testing.T) {
	st, err := LoadStyle("apa")
	require.NoError(t, err)
	it := bib.Item{ID: "a", Type: "book"}
	it.Set("title", "Cities of Salt")
	it.SetNames("author", []bib.Name{{Family: "‘Abd al-Raḥmān", Given: "Munīf"}})
	got := NewProcessor(st, "en-US", []bib.Item{it}).Bibliography(Text)
	require.Len(t, got, 1)
	assert.True(t, strings.HasPrefix(got[0].Text, "‘Abd al-Raḥmān, M."), got[0].Text)
}

// TestSortSeparators: citeproc-js sorts with every space as a separator
// and punctuation ignored, so " – " between words sorts before " : "
// (whose space is a narrow no-break one) and an apostrophe before a
// number is ignored; each order is citeproc-js's.
func TestSortSeparators(t *testing.T) {
	src := `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text"><citation><layout><text variable="title"/></layout></citation><bibliography><sort><key variable="title"/></sort><layout><text variable="title"/></layout></bibliography></style>`
	st, err := ParseStyle(strings.NewReader(src))
	require.NoError(t, err)
	for _, tt := range []struct{ a, b, want string }{
		{"Half a Century : x", "Half a Century – y", "Half a Century – y|Half a Century\u202f: x"},
		{"TUG'99 Announcement", "TUG\u200998 – Torun", "TUG\u200998 – Torun|TUG’99 Announcement"},
		{"Dalton", "D'Alessandro", "D’Alessandro|Dalton"},
	} {
		a, b := bib.Item{ID: "a", Type: "book"}, bib.Item{ID: "b", Type: "book"}
		a.Set("title", tt.a)
		b.Set("title", tt.b)
		var got []string
		for _, e := range NewProcessor(st, "", []bib.Item{a, b}).Bibliography(Text) {
			got = append(got, e.Text)
		}
		assert.Equal(t, tt.want, strings.Join(got, "|"))
	}
}
