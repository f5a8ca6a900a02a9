package bibtex

import (
	"bytes"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// encodeOne writes one item in a dialect and reads it back.
func encodeOne(t *testing.T, it bib.Item, dialect Dialect) (string, bib.Item) {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Encode(&buf, []bib.Item{it}, EncodeOptions{Dialect: dialect}))
	items, diags := Decode("x.bib", buf.Bytes(), DecodeOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	require.Len(t, items, 1, buf.String())
	return buf.String(), items[0]
}

func person(family, given string) bib.Name { return bib.Name{Family: family, Given: given} }

// TestInteropFindings has one case per finding of issue 11 on what manba
// writes: the BibLaTeX text must contain what biblatex and pandoc read,
// and reading it back must give the item again.
func TestInteropFindings(t *testing.T) {
	tests := []struct {
		name    string
		item    bib.Item
		dialect Dialect
		want    []string // lines the output must contain
		not     []string // and must not
	}{{
		name:    "LanguageWrittenAsLangid",
		item:    bib.Item{ID: "a", Type: "book", Vars: map[string]string{"title": "T", "language": "en"}},
		dialect: BibLaTeX, want: []string{"langid = {english}"}, not: []string{"language = "},
	}, {
		name:    "PersianLangid",
		item:    bib.Item{ID: "a", Type: "book", Vars: map[string]string{"title": "T", "language": "fa"}},
		dialect: BibLaTeX, want: []string{"langid = {persian}"},
	}, {
		name:    "LangidRegionKeptInLeftover",
		item:    bib.Item{ID: "a", Type: "book", Vars: map[string]string{"title": "T", "language": "fa-IR"}},
		dialect: BibLaTeX, want: []string{"langid = {persian}", "usera = {language: fa-IR}"},
	}, {
		name: "CollectionEditorAsEditora",
		item: bib.Item{ID: "a", Type: "book", Vars: map[string]string{"title": "T", "collection-title": "S", "collection-number": "3"},
			Names: map[string][]bib.Name{"collection-editor": {person("Gilsenan", "Michael")}}},
		dialect: BibLaTeX, want: []string{"editora = {Gilsenan, Michael}", "editoratype = {collection-editor}", "number = {3}"},
		not: []string{"collection-editor = ", "collection-number = "},
	}, {
		name: "InterviewerAsEditortype",
		item: bib.Item{ID: "a", Type: "interview", Vars: map[string]string{"title": "T", "publisher": "P"},
			Names: map[string][]bib.Name{"author": {person("Jafari", "A")}, "interviewer": {person("Ebrahimi", "B")}}},
		dialect: BibLaTeX, want: []string{"editor = {Ebrahimi, B}", "editortype = {interviewer}", "entrysubtype = {interview}", "organization = {P}"},
		not: []string{"interviewer = ", "publisher = "},
	}, {
		name: "ReviewedWorkAndMediumInLeftover",
		item: bib.Item{ID: "a", Type: "review-book", Vars: map[string]string{"title": "T", "reviewed-title": "R", "medium": "Hardcover"},
			Names: map[string][]bib.Name{"reviewed-author": {person("Banisadr", "Abolhassan")}}},
		dialect: BibLaTeX, want: []string{"usera = {medium: Hardcover\nreviewed-title: R\nreviewed-author: Banisadr, Abolhassan}"},
		not: []string{"reviewed-title = ", "medium = ", "reviewed-author = "},
	}, {
		name: "AvailableDateInLeftover",
		item: bib.Item{ID: "a", Type: "report", Vars: map[string]string{"title": "T"},
			Dates: map[string]bib.Date{"available-date": {From: bib.DateParts{Year: 2005, Month: 5, Day: 19}}}},
		dialect: BibLaTeX, want: []string{"usera = {available-date: 2005-05-19}"},
	}, {
		name:    "OnlineSiteAsOrganization",
		item:    bib.Item{ID: "a", Type: "webpage", Vars: map[string]string{"title": "T", "container-title": "Nejat Society", "URL": "https://x.org"}},
		dialect: BibLaTeX, want: []string{"@online{a", "organization = {Nejat Society}"}, not: []string{"booktitle"},
	}, {
		name:    "TwoISBNsNotPacked",
		item:    bib.Item{ID: "a", Type: "book", Vars: map[string]string{"title": "T", "ISBN": "978-1-85043-077-3 978-1-85043-083-4"}},
		dialect: BibLaTeX, want: []string{"isbn = {978-1-85043-077-3}", "usera = {ISBN: 978-1-85043-077-3 978-1-85043-083-4}"},
	}, {
		name:    "ManualPublisherNotInstitution",
		item:    bib.Item{ID: "a", Type: "report", Vars: map[string]string{"title": "T", "publisher": "P"}, Extra: map[string]string{"@type": "manual"}},
		dialect: BibLaTeX, want: []string{"@manual{a", "publisher = {P}"}, not: []string{"institution"},
	}, {
		name:    "ThesisTypeAsLocalisationKey",
		item:    bib.Item{ID: "a", Type: "thesis", Vars: map[string]string{"title": "T", "genre": "technical report"}},
		dialect: BibLaTeX, want: []string{"type = {techreport}"},
	}, {
		name: "ArabicParticleWithoutSpace",
		item: bib.Item{ID: "a", Type: "article-journal", Vars: map[string]string{"title": "T"},
			Names: map[string][]bib.Name{"author": {{Family: "Khalil", Given: "Samir", NonDroppingParticle: "al-"}}}},
		dialect: BibLaTeX, want: []string{"author = {al-Khalil, Samir}"}, not: []string{"al- Khalil"},
	}, {
		name: "ArabicParticleWithoutSpaceBibTeX",
		item: bib.Item{ID: "a", Type: "article-journal", Vars: map[string]string{"title": "T"},
			Names: map[string][]bib.Name{"author": {{Family: "Alembert", Given: "Jean", NonDroppingParticle: "d'"}}}},
		dialect: BibTeX, want: []string{"author = {d'Alembert, Jean}"},
	}, {
		name:    "ResearchNotesInAnnotation",
		item:    bib.Item{ID: "a", Type: "book", Vars: map[string]string{"title": "T", "annote": "Unconfirmed: place."}},
		dialect: BibLaTeX, want: []string{"annotation = {Unconfirmed: place.}"}, not: []string{"  note = "},
	}, {
		name:    "ResearchNotesInAnnoteBibTeX",
		item:    bib.Item{ID: "a", Type: "book", Vars: map[string]string{"title": "T", "annote": "Unconfirmed: place."}},
		dialect: BibTeX, want: []string{"annote = {Unconfirmed: place.}"}, not: []string{"  note = "},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, back := encodeOne(t, tt.item, tt.dialect)
			for _, w := range tt.want {
				assert.Contains(t, out, w)
			}
			for _, n := range tt.not {
				assert.NotContains(t, out, n)
			}
			assert.True(t, tt.item.Equal(back), "read back:%s", itemDiff(tt.item, back))
		})
	}
}

// TestInteropReading covers the findings on reading BibLaTeX: langid and
// language become BCP 47 tags, type keys biblatex's English strings, and
// an elided particle joined to the family name is a particle again.
func TestInteropReading(t *testing.T) {
	tests := []struct {
		name, src string
		check     func(t *testing.T, it bib.Item)
	}{
		{"LangidEnglishIsEn", `@book{a, title={T}, langid={english}}`, func(t *testing.T, it bib.Item) {
			assert.Equal(t, "en", it.Get("language"))
		}},
		{"LangidFarsiIsFa", `@book{a, title={T}, langid={farsi}}`, func(t *testing.T, it bib.Item) {
			assert.Equal(t, "fa", it.Get("language"))
		}},
		{"LanguageNgermanIsDe", `@book{a, title={T}, language={ngerman}}`, func(t *testing.T, it bib.Item) {
			assert.Equal(t, "de", it.Get("language"))
		}},
		{"TypePhdthesisIsPhDThesis", `@thesis{a, title={T}, type={phdthesis}}`, func(t *testing.T, it bib.Item) {
			assert.Equal(t, "PhD thesis", it.Get("genre"))
		}},
		{"TypeTechreport", `@report{a, title={T}, type={techreport}}`, func(t *testing.T, it bib.Item) {
			assert.Equal(t, "technical report", it.Get("genre"))
		}},
		{"AlKhalilParticle", `@article{a, title={T}, author={al-Khalil, Samir}}`, func(t *testing.T, it bib.Item) {
			assert.Equal(t, bib.Name{Family: "Khalil", Given: "Samir", NonDroppingParticle: "al-", Original: "al-Khalil, Samir"}, it.Names["author"][0])
		}},
		{"SeriesNumberIsCollectionNumber", `@book{a, title={T}, series={S}, number={3}}`, func(t *testing.T, it bib.Item) {
			assert.Equal(t, "3", it.Get("collection-number"))
		}},
		{"ForeignUseraKept", `@book{a, title={T}, usera={my own use}}`, func(t *testing.T, it bib.Item) {
			assert.Equal(t, "my own use", it.Extra["usera"])
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, diags := Decode("x.bib", []byte(tt.src), DecodeOptions{})
			require.False(t, diags.HasErrors(), "%v", diags)
			require.Len(t, items, 1)
			tt.check(t, items[0])
		})
	}
}

// TestVerbatimUnbalancedBraceParsesBack: a DOI or URL with a lone brace is
// written so that the file parses back, the next field intact.
func TestVerbatimUnbalancedBraceParsesBack(t *testing.T) {
	it := bib.Item{ID: "a", Type: "book", Vars: map[string]string{"title": "T", "DOI": "10.1000/a{b", "URL": "https://x.org/a}b", "note": "after"}}
	for _, d := range []Dialect{BibTeX, BibLaTeX} {
		var buf bytes.Buffer
		e := NewEncoder(&buf, EncodeOptions{Dialect: d})
		require.NoError(t, e.Encode(it))
		assert.Len(t, e.Diagnostics(), 2, "one warning per field")
		items, diags := Decode("x.bib", buf.Bytes(), DecodeOptions{})
		require.False(t, diags.HasErrors(), "%v\n%s", diags, buf.String())
		require.Len(t, items, 1)
		assert.Equal(t, "10.1000/a%7Bb", items[0].Get("DOI"))
		assert.Equal(t, "https://x.org/a%7Db", items[0].Get("URL"))
		assert.Equal(t, "after", items[0].Get("note"))
	}
}

// TestProperNounsBraceProtected: the proper nouns of titles are braced so
// that a sentence-casing reader (BibTeX's plain, pandoc) keeps them; the
// first word, function words and text already protected are left alone.
func TestProperNounsBraceProtected(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Iranian Mojahedin", "The {Iranian} {Mojahedin}"},
		{"The Mujahedin-e Khalq in Iraq: A Policy Conundrum", "The {Mujahedin}-e {Khalq} in {Iraq}: A {Policy} {Conundrum}"},
		{"Why the US granted 'protected' status to Iranian terrorists", "Why the {US} granted 'protected' status to {Iranian} terrorists"},
		{"Camp <i>Ashraf</i> and <span class=\"nocase\">iPhone</span>", "Camp \\textit{{Ashraf}} and {iPhone}"},
	}
	for _, tt := range tests {
		it := bib.Item{ID: "a", Type: "book", Vars: map[string]string{"title": tt.in}}
		var buf bytes.Buffer
		require.NoError(t, Encode(&buf, []bib.Item{it}, EncodeOptions{ProtectCapitals: true}))
		assert.Contains(t, buf.String(), "title = {"+tt.want+"}")
	}
}

// TestImpossibleDatesMonth13EmptyKeyWarn: reading warns, at the field,
// about a date that does not exist, a month 13 and an empty key; the
// values are kept.
func TestImpossibleDatesMonth13EmptyKeyWarn(t *testing.T) {
	src := "@misc{a, date={2005-02-30}}\n@misc{b, year=2005, month=13}\n@misc{, title={T}}\n@misc{d, urldate={2005-13-01}}\n@misc{e, year=2004, month=feb, day=29}\n"
	items, diags := Decode("x.bib", []byte(src), DecodeOptions{})
	require.Len(t, items, 5)
	var got []string
	for _, d := range diags {
		got = append(got, d.Error())
	}
	assert.Equal(t, []string{
		`x.bib:1:10: warning: entry "a": no such day: 2005-02-30 in date`,
		`x.bib:2:21: warning: entry "b": month = "13" is not a month (kept as written)`,
		`x.bib:3:1: warning: entry @misc has an empty key`,
		`x.bib:4:10: warning: entry "d": urldate = "2005-13-01" is not a date (kept as text)`,
	}, got)
	assert.Equal(t, "13", items[1].Extra["month"])
}

// TestXamplSwitchargsYearNotEscaped: a year that is TeX for a macro the
// @preamble defines (xampl.bib) is written back as that TeX, not escaped
// into text that prints "\switchargs" (and "n.d." in biber).
func TestXamplSwitchargsYearNotEscaped(t *testing.T) {
	src := "@preamble{ \"\\newcommand{\\switchargs}[2]{#2#1} \" }\n@misc{a, title={T}, year = \"{\\switchargs{--90}{1968}}\"}\n"
	items, _ := Decode("x.bib", []byte(src), DecodeOptions{})
	require.Len(t, items, 1)
	for _, d := range []Dialect{BibTeX, BibLaTeX} {
		out, back := encodeOne(t, items[0], d)
		assert.Contains(t, out, `{\switchargs{--90}{1968}}`)
		assert.Equal(t, items[0].Dates["issued"], back.Dates["issued"])
	}
}

// TestExtendedNameFormat: biblatex's "family=..., given=..., prefix=...,
// useprefix=true" names read as their parts, so al-Khalil written that way
// reads back as written.
func TestExtendedNameFormat(t *testing.T) {
	src := `@article{a, author = {family=Khalil, given=Samir, prefix=al-, useprefix=true and given=Fred, family=Flummox and Abrahamian, Ervand}}`
	items, diags := Decode("x.bib", []byte(src), DecodeOptions{})
	require.Empty(t, diags)
	require.Len(t, items, 1)
	ns := items[0].Names["author"]
	require.Len(t, ns, 3)
	assert.Equal(t, []string{"Khalil", "Samir", "al-"}, []string{ns[0].Family, ns[0].Given, ns[0].NonDroppingParticle})
	assert.Equal(t, []string{"Flummox", "Fred"}, []string{ns[1].Family, ns[1].Given})
	assert.Equal(t, "Abrahamian", ns[2].Family)
}

// TestAynKeptAsWritten: a name beginning with ‘ayn written as TeX
// ({\textquoteleft}Abd) reads with the ‘ as written, part of the name (not
// a quote to drop or flip), and writes back to the same name.
func TestAynKeptAsWritten(t *testing.T) {
	src := `@book{a, title = {T}, author = {{\textquoteleft}Abd al-Ra{\d{h}}m{\=a}n, Ahmad and {\textayn}Ali, Hasan}}`
	items, diags := Decode("x.bib", []byte(src), DecodeOptions{})
	require.Empty(t, diags)
	require.Len(t, items, 1)
	ns := items[0].Names["author"]
	require.Len(t, ns, 2)
	assert.Equal(t, "‘Abd al-Raḥmān", ns[0].Family)
	assert.Equal(t, "ʿAli", ns[1].Family)
	for _, d := range []Dialect{BibTeX, BibLaTeX} {
		_, back := encodeOne(t, items[0], d)
		assert.Equal(t, ns[0].Family, back.Names["author"][0].Family)
		assert.Equal(t, ns[1].Family, back.Names["author"][1].Family)
	}
}

// TestTeXSingleQuotesConsistent: TeX's `safe' reads as ‘safe’, not the
// mixed ‘safe', and writes back to the same text in both encodings.
func TestTeXSingleQuotesConsistent(t *testing.T) {
	items, _ := Decode("x.bib", []byte("@misc{a, title = {A `safe' place, Ma`mun's}}"), DecodeOptions{})
	require.Len(t, items, 1)
	assert.Equal(t, "A ‘safe’ place, Ma‘mun's", items[0].Get("title"))
	for _, ascii := range []bool{false, true} {
		var buf bytes.Buffer
		require.NoError(t, Encode(&buf, items, EncodeOptions{ASCII: ascii}))
		back, _ := Decode("y.bib", buf.Bytes(), DecodeOptions{})
		require.Len(t, back, 1)
		assert.Equal(t, items[0].Get("title"), back[0].Get("title"), buf.String())
	}
}
