package bibtex

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncode(t *testing.T) {
	tests := []struct {
		name string
		it   bib.Item
		opts EncodeOptions
		want string
	}{
		{"article in BibTeX, capitals protected",
			bib.Item{ID: "a", Type: "article-journal",
				Vars: map[string]string{"title": "The MKO and the <i>Mojahedin</i>", "container-title": "Iranian Studies",
					"issue": "2", "page": "10–20", "DOI": "10.1/x_y"},
				Names: map[string][]bib.Name{"author": {{Family: "Rajavi", Given: "Masʿud"}, {Literal: "Human Rights Watch"}}},
				Dates: map[string]bib.Date{"issued": {From: bib.DateParts{Year: 2005, Month: 5, Day: 19}}}},
			EncodeOptions{ProtectCapitals: true},
			"@article{a,\n  author = {Rajavi, Masʿud and {Human Rights Watch}},\n  title = {The {MKO} and the \\textit{{Mojahedin}}},\n  journal = {Iranian {Studies}},\n  number = {2},\n  pages = {10--20},\n  year = {2005},\n  month = may,\n  day = {19},\n  doi = {10.1/x_y}\n}\n"},
		{"same article in BibLaTeX, ASCII",
			bib.Item{ID: "a", Type: "article-journal",
				Vars:  map[string]string{"title": "Mojāhedin", "container-title": "Iranian Studies", "publisher-place": "Paris"},
				Names: map[string][]bib.Name{"author": {{Family: "Berg", NonDroppingParticle: "van der", Given: "Hans", Suffix: "Jr"}}},
				Dates: map[string]bib.Date{"issued": {From: bib.DateParts{Year: 2005, Month: 5}}}},
			EncodeOptions{Dialect: BibLaTeX, ASCII: true},
			"@article{a,\n  author = {van der Berg, Jr, Hans},\n  title = {Moj{\\=a}hedin},\n  journaltitle = {Iranian Studies},\n  location = {Paris},\n  date = {2005-05}\n}\n"},
		{"thesis: default genre omitted, school, extra fields and others",
			bib.Item{ID: "t", Type: "thesis",
				Vars:  map[string]string{"title": "Exile", "genre": "PhD thesis", "publisher": "SOAS"},
				Names: map[string][]bib.Name{"author": {{Family: "Moʿadab", Given: "S."}}},
				Extra: map[string]string{"file": ":t.pdf:PDF", "@author-and-others": "true"}},
			EncodeOptions{},
			"@phdthesis{t,\n  author = {Moʿadab, S. and others},\n  title = {Exile},\n  school = {SOAS},\n  file = {:t.pdf:PDF}\n}\n"},
		{"names that need braces",
			bib.Item{ID: "n", Type: "book",
				Names: map[string][]bib.Name{"author": {{Family: "van Gogh", Given: "Vincent"}, {Family: "Smith, Jones", Given: "A"},
					{Family: "Barnes and Noble"}}}},
			EncodeOptions{},
			"@book{n,\n  author = {{van Gogh}, Vincent and {Smith, Jones}, A and {Barnes and Noble},}\n}\n"},
		{"no ID: generated key; literal and range dates; unknown CSL type",
			bib.Item{Type: "interview",
				Vars:  map[string]string{"title": "The Return of the Mojahedin"},
				Names: map[string][]bib.Name{"author": {{Family: "Ṭāleqānī", Given: "Maḥmūd"}}},
				Dates: map[string]bib.Date{"issued": {From: bib.DateParts{Year: 1979}, To: bib.DateParts{Year: 1980}},
					"accessed": {Literal: "spring 2020"}}},
			EncodeOptions{},
			"@misc{taleqani1979return,\n  author = {Ṭāleqānī, Maḥmūd},\n  title = {The Return of the Mojahedin},\n  year = {1979/1980},\n  urldate = {spring 2020},\n  entrysubtype = {interview}\n}\n"},
		{"open-ended range",
			bib.Item{ID: "o", Type: "periodical", Vars: map[string]string{"title": "Mojahed"},
				Dates: map[string]bib.Date{"issued": {From: bib.DateParts{Year: 1979}, OpenEnd: true}}},
			EncodeOptions{},
			"@periodical{o,\n  title = {Mojahed},\n  date = {1979/}\n}\n"},
		{"magazine article",
			bib.Item{ID: "m", Type: "article-magazine", Vars: map[string]string{"title": "T", "container-title": "Time"}},
			EncodeOptions{},
			"@article{m,\n  title = {T},\n  journal = {Time},\n  entrysubtype = {magazine}\n}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, Encode(&buf, []bib.Item{tt.it}, tt.opts))
			assert.Equal(t, tt.want, buf.String())
			// Whatever the options, reading the output must give the item
			// back (with capitals protected, as nocase spans).
			items, diags := Decode("e.bib", buf.Bytes(), DecodeOptions{})
			require.Equal(t, 1, len(items), "re-reading: items, %v", diags)
			require.False(t, diags.HasErrors(), "re-reading: %v", diags)
			if tt.opts.ProtectCapitals || tt.it.ID == "" {
				return
			}
			assert.True(t, items[0].Equal(tt.it), "re-read item differs:%s", itemDiff(tt.it, items[0]))
		})
	}
}

// TestEncodePandocOthers: pandoc writes BibTeX's `and others` into CSL-JSON
// as a last name {"literal": "others"}; it goes back to BibTeX as `and
// others` (not a name "{others}") and reads back as the decoder keeps it.
func TestEncodePandocOthers(t *testing.T) {
	it := bib.Item{ID: "o", Type: "book",
		Names: map[string][]bib.Name{"author": {{Family: "Smith", Given: "John"}, {Literal: "others"}}}}
	var buf bytes.Buffer
	require.NoError(t, Encode(&buf, []bib.Item{it}, EncodeOptions{}))
	assert.Equal(t, "@book{o,\n  author = {Smith, John and others}\n}\n", buf.String())
	items, _ := Decode("e.bib", buf.Bytes(), DecodeOptions{})
	require.Len(t, items, 1)
	require.Len(t, items[0].Names["author"], 1)
	assert.Equal(t, "Smith", items[0].Names["author"][0].Family)
	assert.Equal(t, "true", items[0].Extra["@author-and-others"])
}

func TestEncodeKeysUnique(t *testing.T) {
	it := bib.Item{Type: "book", Vars: map[string]string{"title": "A History"},
		Names: map[string][]bib.Name{"author": {{Family: "Abrahamian"}}},
		Dates: map[string]bib.Date{"issued": {From: bib.DateParts{Year: 1982}}}}
	var buf bytes.Buffer
	e := NewEncoder(&buf, EncodeOptions{})
	for range 3 {
		require.NoError(t, e.Encode(it))
	}
	items, _ := Decode("k.bib", buf.Bytes(), DecodeOptions{})
	var keys []string
	for _, it := range items {
		keys = append(keys, it.ID)
	}
	assert.Equal(t, "abrahamian1982history abrahamian1982historya abrahamian1982historyb", fmtList(keys), "keys")
}

func fmtList(s []string) string {
	var b bytes.Buffer
	for i, x := range s {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x)
	}
	return b.String()
}

// TestEncodeGolden writes the items of testdata/decode/iran.bib with each
// set of options and compares with testdata/encode/*.golden.
func TestEncodeGolden(t *testing.T) {
	src, err := os.ReadFile("testdata/decode/iran.bib")
	require.NoError(t, err)
	items, _ := Decode("iran.bib", src, DecodeOptions{})
	for name, opts := range map[string]EncodeOptions{
		"bibtex":         {ProtectCapitals: true},
		"biblatex":       {Dialect: BibLaTeX, ProtectCapitals: true},
		"bibtex-ascii":   {ASCII: true},
		"biblatex-ascii": {Dialect: BibLaTeX, ASCII: true},
	} {
		var buf bytes.Buffer
		require.NoError(t, Encode(&buf, items, opts))
		checkGolden(t, "testdata/encode/iran-"+name+".golden", buf.Bytes())
	}
}

func TestEncodeDiagnostics(t *testing.T) {
	it := bib.Item{ID: "x", Type: "speech-act",
		Vars:   map[string]string{"note": "line one\nline two", "URL": "https://x.org/a\nb"},
		Names:  map[string][]bib.Name{"author": {{Family: "Gaulle", DroppingParticle: "de", Given: "Charles"}}},
		Dates:  map[string]bib.Date{"issued": {From: bib.DateParts{Year: 1958}, Season: "2"}},
		Custom: map[string][]byte{"categories": []byte(`["x"]`), "custom": []byte(`{}`)},
		Extra:  map[string]string{"broken": "a}b"},
	}
	var buf bytes.Buffer
	e := NewEncoder(&buf, EncodeOptions{})
	require.NoError(t, e.Encode(it))
	want := `item "x": type "speech-act" is not a CSL type; written as @misc
item "x": line breaks in note become spaces
item "x": dropping particle "de" (author) is written as a von part and reads back as non-dropping
item "x": season "2" of issued left out
item "x": CSL-JSON properties categories, custom have no BibTeX field; left out
item "x": field broken has unbalanced braces; they are written as \textbraceleft{} and \textbraceright{}`
	var got []string
	for _, d := range e.Diagnostics() {
		got = append(got, d.Msg)
	}
	assert.Equal(t, want, strings.Join(got, "\n"), "diagnostics")
	_, diags := Decode("d.bib", buf.Bytes(), DecodeOptions{})
	assert.False(t, diags.HasErrors(), "output does not parse: %v\n%s", diags, buf.Bytes())
}
