package dedupe_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/dedupe"
	"github.com/manba/manba/pkg/works"
)

func item(id, typ string, vars map[string]string, year int, authors ...bib.Name) bib.Item {
	it := bib.Item{ID: id, Type: typ}
	for k, v := range vars {
		it.Set(k, v)
	}
	if year != 0 {
		it.SetDate("issued", bib.Date{From: bib.DateParts{Year: year}})
	}
	it.SetNames("author", authors)
	return it
}

func withExtra(it bib.Item, k, v string) bib.Item {
	it.SetExtra(k, v)
	return it
}

func person(family, given string) bib.Name { return bib.Name{Family: family, Given: given} }

func TestCompare(t *testing.T) {
	singleton := item("singleton", "book", map[string]string{
		"title": "Saddam's Private Army: How Rajavi Changed Iran's Mojahedin from Armed Revolutionaries to an Armed Cult",
		"ISBN":  "0-9545009-0-3",
	}, 2003, person("Singleton", "Anne"))
	tests := []struct {
		name   string
		a, b   bib.Item
		dup    bool
		reason string
	}{
		{"ISBN-10 vs ISBN-13", singleton,
			item("s2", "book", map[string]string{"title": "Other", "ISBN": "978-0-9545009-0-0"}, 0),
			true, "same ISBN 9780954500900"},
		{"ISBN in a note", item("a", "report", map[string]string{"title": "X", "ISBN": "978-0-8330-4701-4"}, 0),
			item("b", "report", map[string]string{"title": "Y", "note": "RAND report, ISBN 0-8330-4701-9"}, 0),
			true, "same ISBN 9780833047014"},
		{"same DOI, different case and prefix", item("a", "article-journal", map[string]string{"DOI": "10.1/ABC", "title": "A"}, 0),
			item("b", "article-journal", map[string]string{"DOI": "https://doi.org/10.1/abc", "title": "B"}, 0),
			true, "same DOI 10.1/abc"},
		{"same URL", item("a", "report", map[string]string{"title": "MEK in Iraq", "URL": "https://www.rand.org/pubs/monographs/MG871.html"}, 0),
			item("b", "report", map[string]string{"title": "RAND monograph", "URL": "http://rand.org/pubs/monographs/MG871.html/"}, 2009),
			true, "same URL rand.org/pubs/monographs/MG871.html"},
		{"same title in different periodicals", item("a", "article-newspaper", map[string]string{"title": "Iran executes MEK members", "container-title": "BBC News"}, 2020),
			item("b", "article-newspaper", map[string]string{"title": "Iran executes MEK members", "container-title": "The Guardian"}, 2020),
			false, "same title, different containers"},
		{"same periodical written two ways", item("a", "article-newspaper", map[string]string{"title": "Iran executes MEK members", "container-title": "The New York Times"}, 2020),
			item("b", "article-newspaper", map[string]string{"title": "Iran Executes MEK Members", "container-title": "New York Times"}, 2020),
			true, `same title "Iran executes MEK members", same year 2020`},
		{"different DOIs veto equal titles", item("a", "article-journal", map[string]string{"DOI": "10.1/a", "title": "Long Enough Title Here"}, 2000),
			item("b", "article-journal", map[string]string{"DOI": "10.1/b", "title": "Long Enough Title Here"}, 2000),
			false, "different DOIs"},
		{"subtitle and case insensitive, curly apostrophe", singleton,
			item("s3", "book", map[string]string{"title": "Saddam’s private army"}, 2003, person("Singleton", "A.")),
			true, `same title "Saddam's Private Army", same year 2003, author Singleton`},
		{"transliteration variants in title and author", item("a", "book", map[string]string{"title": "The Iranian Mojahedin"}, 1989, person("Abrahamian", "Ervand")),
			item("b", "book", map[string]string{"title": "Iranian Mujahideen"}, 1989, person("Abrahamiyan", "Earvand")),
			true, `same title "The Iranian Mojahedin", same year 1989, author Abrahamiyan`},
		{"different years are different editions", item("a", "book", map[string]string{"title": "The Iranian Mojahedin"}, 1989),
			item("b", "book", map[string]string{"title": "The Iranian Mojahedin"}, 1992),
			false, "same title, different years"},
		{"different authors", item("a", "book", map[string]string{"title": "Memoirs of an Iranian Rebel"}, 2004, person("Banisadr", "Masoud")),
			item("b", "book", map[string]string{"title": "Memoirs of an Iranian Rebel"}, 2004, person("Taheri", "Amir")),
			false, "same title, different authors"},
		{"short title alone is not enough", item("a", "book", map[string]string{"title": "Assassins"}, 0),
			item("b", "book", map[string]string{"title": "Assassins"}, 2008),
			false, "same short title only"},
		{"different works", item("a", "book", map[string]string{"title": "Radical Islam: The Iranian Mojahedin"}, 1989, person("Abrahamian", "Ervand")),
			item("b", "book", map[string]string{"title": "The Iranian Mojahedin"}, 1989, person("Abrahamian", "Ervand")),
			false, "different titles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dup, why := dedupe.Compare(tt.a, tt.b)
			assert.Equal(t, tt.dup, dup, "Compare")
			assert.Equal(t, tt.reason, why, "Compare")
		})
	}
}

func messy() []bib.Item {
	return []bib.Item{
		item("goulka2009", "report", map[string]string{"title": "The Mujahedin-e Khalq in Iraq: A Policy Conundrum", "number": "MG-871-OSD", "ISBN": "978-0-8330-4701-4"}, 2009,
			person("Goulka", "Jeremiah"), person("Hansell", "Lydia"), person("Wilke", "Elizabeth"), person("Larson", "Judith")),
		item("abrahamian89", "book", map[string]string{"title": "The Iranian Mojahedin", "publisher": "Yale University Press"}, 1989, person("Abrahamian", "Ervand")),
		withExtra(item("rand-mek", "document", map[string]string{"title": "The Mujahedin-e Khalq in Iraq"}, 2009, person("Goulka", "Jeremiah"), person("Hansell", "Lydia")),
			"@author-and-others", "true"),
		item("radical", "book", map[string]string{"title": "Radical Islam: The Iranian Mojahedin"}, 1989, person("Abrahamian", "Ervand")),
		item("abr-copy", "book", map[string]string{"title": "Iranian Mujahedin", "publisher-place": "New Haven"}, 1989, person("Abrahamian", "E.")),
		item("mek-rand", "report", map[string]string{"title": "The Mujahedin-e Khalq in Iraq", "note": "ISBN 0-8330-4701-9"}, 0),
	}
}

func TestFindAndDistinct(t *testing.T) {
	items := messy()
	got := dedupe.Find(items, nil)
	want := []dedupe.Pair{
		{A: 0, B: 2, Reason: `same title "The Mujahedin-e Khalq in Iraq", same year 2009, author Goulka`},
		{A: 0, B: 5, Reason: "same ISBN 9780833047014"},
		{A: 1, B: 4, Reason: `same title "The Iranian Mojahedin", same year 1989, author Abrahamian`},
		{A: 2, B: 5, Reason: `same title "The Mujahedin-e Khalq in Iraq"`},
	}
	assert.True(t, slices.Equal(got, want), "Find =\n%v\nwant\n%v", got, want)
	var d dedupe.Distinct
	d.Add("abr-copy", "abrahamian89")
	got = dedupe.Find(items, &d)
	assert.Len(t, got, 3, "distinct pair still reported: %v", got)
	assert.False(t, slices.ContainsFunc(got, func(p dedupe.Pair) bool { return p.A == 1 }), "distinct pair still reported: %v", got)
}

func TestMerge(t *testing.T) {
	items := messy()
	merged, keymap := dedupe.Merge(items, dedupe.Find(items, nil))
	var ids []string
	for _, it := range merged {
		ids = append(ids, it.ID)
	}
	want := []string{"goulka2009", "abrahamian89", "radical"}
	require.True(t, slices.Equal(ids, want), "kept %v, want %v", ids, want)
	wantMap := []dedupe.KeyMapping{{"rand-mek", "goulka2009"}, {"abr-copy", "abrahamian89"}, {"mek-rand", "goulka2009"}}
	assert.True(t, slices.Equal(keymap, wantMap), "keymap")
	g := merged[0]
	assert.NotContains(t, g.Extra, "@author-and-others", "a source-form key of a merged-away item was copied")
	assert.Equal(t, "rand-mek,mek-rand", g.Extra["ids"], "merged goulka2009")
	assert.Equal(t, "ISBN 0-8330-4701-9", g.Get("note"), "merged goulka2009")
	assert.Len(t, g.Names["author"], 4, "merged goulka2009")
	a := merged[1]
	assert.Equal(t, "New Haven", a.Get("publisher-place"), "merged abrahamian89")
	assert.Equal(t, "Yale University Press", a.Get("publisher"), "merged abrahamian89")
	assert.Equal(t, "Ervand", a.Names["author"][0].Given, "merged abrahamian89")
	assert.NotContains(t, merged[2].Extra, "ids", "unmerged item got ids: %+v", merged[2].Extra)
}

func TestReadDistinct(t *testing.T) {
	src := "# decisions\nabrahamian89\tradical # Tauris edition\n\n  a b  \nlonely\n"
	d, diags := dedupe.ReadDistinct(strings.NewReader(src), "distinct.tsv")
	assert.True(t, d.Has("radical", "abrahamian89"), "pairs not read: %d", d.Len())
	assert.True(t, d.Has("a", "b"), "pairs not read: %d", d.Len())
	assert.Equal(t, 2, d.Len(), "pairs not read: %d", d.Len())
	require.Len(t, diags, 1, "diagnostics")
	assert.Equal(t, 5, diags[0].Pos.Line, "diagnostics")
	assert.Contains(t, diags[0].Error(), "distinct.tsv:5:1", "diagnostics")
	var b strings.Builder
	_, err := d.WriteTo(&b)
	require.NoError(t, err)
	assert.Equal(t, "a\tb\nabrahamian89\tradical\n", b.String(), "WriteTo")
}

func FuzzReadDistinct(f *testing.F) {
	f.Add("a\tb\n# c\n\nx y z\n")
	f.Add("0 #")
	f.Fuzz(func(t *testing.T, s string) {
		d, _ := dedupe.ReadDistinct(strings.NewReader(s), "f")
		var b strings.Builder
		_, err := d.WriteTo(&b)
		require.NoError(t, err)
		d2, diags := dedupe.ReadDistinct(strings.NewReader(b.String()), "f")
		require.Len(t, diags, 0, "round trip lost pairs: %d -> %d (%v)", d.Len(), d2.Len(), diags)
		require.Equal(t, d.Len(), d2.Len(), "round trip lost pairs: %d -> %d (%v)", d.Len(), d2.Len(), diags)
	})
}

// TestLink attaches references as extraction finds them in the seeds to the
// known works.
func TestLink(t *testing.T) {
	known := works.Items()
	date := func(y, m, d int) bib.Date { return bib.Date{From: bib.DateParts{Year: y, Month: m, Day: d}} }
	withDate := func(it bib.Item, d bib.Date) bib.Item { it.SetDate("issued", d); return it }
	tests := []struct {
		name string
		ref  bib.Item
		want string
	}{
		{"a 2009 Rand report", item("r", "report", map[string]string{"publisher": "Rand"}, 2009), "rand2009mek"},
		{"Human Rights Watch report", item("r", "report", nil, 0, bib.Name{Literal: "Human Rights Watch"}), "hrw2005noexit"},
		{"short title", item("r", "book", map[string]string{"title": "Saddam’s private army", "publisher": "Iran-Interlink"}, 2003, person("Singleton", "Anne")), "singleton2003saddam"},
		{"interview", item("r", "interview", map[string]string{"title": "MKO from inside", "publisher": "Negah-e Emrouz"}, 2002, person("Jafari", "Mohammad Mehdi")), "jafari2002mkofrominside"},
		{"newspaper by date", withDate(item("r", "article-newspaper", map[string]string{"container-title": "New York Times"}, 0), date(2003, 7, 20)), "nyt2003jul20"},
		{"state department", item("r", "report", map[string]string{"title": "Patterns of Global Terrorism 2002"}, 0, bib.Name{Literal: "US State Department"}), "usdos2003patterns2002"},
		{"supplied title", item("r", "interview", map[string]string{"title": "Interview with Ayatollah Mahdavi"}, 1991), "mahdavi1991qavamin"},
		{"unknown work", item("r", "book", map[string]string{"title": "A Book Nobody Cited"}, 1999), ""},
		{"ambiguous: two Guardian articles", item("r", "article-newspaper", map[string]string{"container-title": "The Guardian"}, 0), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, why := dedupe.Link(tt.ref, known)
			got := ""
			if i >= 0 {
				got = known[i].ID
			}
			assert.Equal(t, tt.want, got, "Link")
			assert.False(t, i >= 0 && why == "", "no reason given")
		})
	}
}

func BenchmarkFind(b *testing.B) {
	base := works.Items()
	var items []bib.Item
	for i := 0; i < 100; i++ {
		for _, it := range base {
			c := it.Clone()
			c.ID = fmt.Sprintf("%s-%d", c.ID, i)
			// Distinct titles, years and authors, except every tenth copy,
			// which duplicates its original.
			if i%10 != 0 {
				c.Set("title", fmt.Sprintf("Volume %d of %s", i, c.Get("title")))
				c.Set("title-short", "")
				c.Set("ISBN", "")
				c.Set("URL", "")
				c.SetDate("issued", bib.Date{From: bib.DateParts{Year: 1900 + i}})
			}
			items = append(items, c)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = dedupe.Find(items, nil)
	}
	b.ReportMetric(float64(len(items)), "items")
}

func TestReasonWithoutMarkup(t *testing.T) {
	a := item("a", "book", map[string]string{"title": `The <span class="nocase">Iranian</span> Mojahedin`}, 1989, person("Abrahamian", "Ervand"))
	b := item("b", "book", map[string]string{"title": "The Iranian Mojahedin"}, 1989, person("Abrahamian", "Ervand"))
	_, why := dedupe.Compare(a, b)
	assert.Equal(t, `same title "The Iranian Mojahedin", same year 1989, author Abrahamian`, why, "reason = %q", why)
}

func TestFinderStreamsLikeFind(t *testing.T) {
	// Items that share several blocks (DOI, ISBN and title) are reported
	// once; EachPair and Pairs agree with Find.
	items := []bib.Item{
		{ID: "a", Type: "book", Vars: map[string]string{"title": "Radical Islam", "DOI": "10.1/x", "ISBN": "1-85043-077-2"}},
		{ID: "b", Type: "book", Vars: map[string]string{"title": "Radical Islam", "DOI": "10.1/X", "ISBN": "9781850430773"}},
		{ID: "c", Type: "book", Vars: map[string]string{"title": "Radical Islam", "ISBN": "1-85043-077-2"}},
		{ID: "d", Type: "book", Vars: map[string]string{"title": "Something else"}},
	}
	want := dedupe.Find(items, nil)
	require.Equal(t, []dedupe.Pair{{0, 1, "same DOI 10.1/x"}, {0, 2, "same ISBN 9781850430773"}, {1, 2, "same ISBN 9781850430773"}}, want)
	f := dedupe.NewFinder(nil)
	for _, it := range items {
		f.Add(it)
	}
	var got []dedupe.Pair
	f.EachPair(func(p dedupe.Pair) { got = append(got, p) })
	assert.Equal(t, want, got)
	assert.Equal(t, want, f.Pairs())
	d := &dedupe.Distinct{}
	d.Add("c", "a")
	assert.Equal(t, []dedupe.Pair{{0, 1, "same DOI 10.1/x"}, {1, 2, "same ISBN 9781850430773"}}, dedupe.Find(items, d))
}
