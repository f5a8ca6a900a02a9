package works

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sharedWorks = "../../../shared/works/works.json"

func loadShared(t *testing.T) []bib.Item {
	t.Helper()
	b, err := os.ReadFile(sharedWorks)
	if os.IsNotExist(err) {
		testenv.Missing(t, "shared data not present: %v", err)
	}
	require.NoError(t, err)
	var items []bib.Item
	require.NoError(t, json.Unmarshal(b, &items))
	// The script forms are manba's additions (forms.json).
	require.NoError(t, addForms(items))
	// The embedded copy keeps the research notes in annote, which styles
	// do not print, where the shared file has them in note.
	for i := range items {
		if n := items[i].Get("note"); n != "" {
			items[i].Set("annote", n)
			items[i].Set("note", "")
		}
	}
	return items
}

// TestMatchesSharedWorks compares every embedded item with the researched
// metadata field by field, so a drift in either copy names the field.
func TestMatchesSharedWorks(t *testing.T) {
	want := loadShared(t)
	got := Items()
	require.Equal(t, 32, len(want), "shared works")
	require.Equal(t, len(want), len(got), "embedded works vs shared")
	for i, w := range want {
		g := got[i]
		if !assert.Equal(t, w.ID, g.ID, "item %d: id", i) {
			continue
		}
		assert.Equal(t, w.Type, g.Type, "%s: type", w.ID)
		for _, k := range union(bib.SortedKeys(g.Vars), bib.SortedKeys(w.Vars)) {
			assert.Equal(t, w.Vars[k], g.Vars[k], "%s: %s", w.ID, k)
		}
		for _, k := range union(bib.SortedKeys(g.Names), bib.SortedKeys(w.Names)) {
			assert.True(t, slices.EqualFunc(g.Names[k], w.Names[k], bib.Name.Equal),
				"%s: %s = %+v, want %+v", w.ID, k, g.Names[k], w.Names[k])
		}
		for _, k := range union(bib.SortedKeys(g.Dates), bib.SortedKeys(w.Dates)) {
			assert.Equal(t, w.Dates[k], g.Dates[k], "%s: %s", w.ID, k)
		}
		assert.True(t, g.Equal(w), "%s: items differ (custom data?)", w.ID)
	}
}

func union(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

func date(y, m, d int) bib.Date { return bib.Date{From: bib.DateParts{Year: y, Month: m, Day: d}} }

// TestKeyWorks pins the four works the issue names, independently of the
// shared file, so the embedded data cannot silently lose them.
func TestKeyWorks(t *testing.T) {
	tests := []struct {
		id      string
		typ     string
		vars    map[string]string
		authors []bib.Name
		issued  bib.Date
	}{
		{
			id: "hrw2005noexit", typ: "report",
			vars: map[string]string{
				"title":     "No Exit: Human Rights Abuses Inside the MKO Camps",
				"publisher": "Human Rights Watch",
				"URL":       "https://www.hrw.org/legacy/backgrounder/mena/iran0505/",
			},
			authors: []bib.Name{{Literal: "Human Rights Watch"}},
			issued:  date(2005, 5, 0),
		},
		{
			id: "rand2009mek", typ: "report",
			vars: map[string]string{
				"title":     "The Mujahedin-e Khalq in Iraq: A Policy Conundrum",
				"number":    "MG-871-OSD",
				"publisher": "RAND Corporation",
			},
			authors: []bib.Name{
				{Family: "Goulka", Given: "Jeremiah"}, {Family: "Hansell", Given: "Lydia"},
				{Family: "Wilke", Given: "Elizabeth"}, {Family: "Larson", Given: "Judith"},
			},
			issued: date(2009, 0, 0),
		},
		{
			id: "abrahamian1989mojahedin", typ: "book",
			vars: map[string]string{
				"title":           "The Iranian Mojahedin",
				"publisher":       "Yale University Press",
				"publisher-place": "New Haven",
			},
			authors: []bib.Name{{Family: "Abrahamian", Given: "Ervand"}},
			issued:  date(1989, 0, 0),
		},
		{
			id: "abrahamian1989radical", typ: "book",
			vars: map[string]string{
				"title":     "Radical Islam: The Iranian Mojahedin",
				"publisher": "I.B. Tauris",
			},
			authors: []bib.Name{{Family: "Abrahamian", Given: "Ervand"}},
			issued:  date(1989, 0, 0),
		},
		{
			id: "singleton2003saddam", typ: "book",
			vars: map[string]string{
				"title":     "Saddam's Private Army: How Rajavi Changed Iran's Mojahedin from Armed Revolutionaries to an Armed Cult",
				"publisher": "Iran-Interlink",
			},
			authors: []bib.Name{{Family: "Singleton", Given: "Anne"}},
			issued:  date(2003, 0, 0),
		},
	}
	for _, tt := range tests {
		it, ok := ByID(tt.id)
		if !assert.True(t, ok, "%s: missing", tt.id) {
			continue
		}
		assert.Equal(t, tt.typ, it.Type, "%s: type", tt.id)
		for k, v := range tt.vars {
			assert.Equal(t, v, it.Get(k), "%s: %s", tt.id, k)
		}
		assert.True(t, slices.EqualFunc(it.Names["author"], tt.authors, bib.Name.Equal),
			"%s: authors %+v, want %+v", tt.id, it.Names["author"], tt.authors)
		// The brief fixes the year (and HRW's month); the data may be more precise.
		got := it.Dates["issued"].From
		assert.Equal(t, tt.issued.From.Year, got.Year, "%s: issued year of %+v", tt.id, got)
		if tt.issued.From.Month != 0 {
			assert.Equal(t, tt.issued.From.Month, got.Month, "%s: issued month of %+v", tt.id, got)
		}
	}
}

// TestUncertainFieldsLeftOut checks that fields SOURCES.md lists as not
// confirmed are absent rather than guessed.
func TestUncertainFieldsLeftOut(t *testing.T) {
	for _, c := range []struct{ id, field string }{
		{"hrw2005noexit", "ISBN"}, {"hrw2005noexit", "DOI"}, {"hrw2005noexit", "publisher-place"},
		{"abrahamian1989mojahedin", "ISBN"},
	} {
		it, _ := ByID(c.id)
		assert.Empty(t, it.Get(c.field), "%s: %s should be left out", c.id, c.field)
	}
}

func TestItemsAreCopies(t *testing.T) {
	a := Items()
	a[0].Set("title", "changed")
	a[0].Names["author"][0].Literal = "changed"
	b, _ := ByID(a[0].ID)
	require.NotEqual(t, "changed", b.Get("title"), "Items returned shared data")
	require.NotEqual(t, "changed", b.Names["author"][0].Literal, "Items returned shared data")
	ids := IDs()
	require.Len(t, ids, len(a), "IDs = %v", ids)
	require.Equal(t, a[0].ID, ids[0], "IDs = %v", ids)
	_, ok := ByID("nonexistent")
	require.False(t, ok, "ByID found a nonexistent work")
}

func TestProvenance(t *testing.T) {
	conf, src := Provenance("hrw2005noexit", "title")
	assert.Equal(t, High, conf, "title confidence")
	assert.Contains(t, src, "seed 000_5778fab24c47c48e.txt", "title sources")
	conf, _ = Provenance("hrw2005noexit", "genre")
	assert.Equal(t, Medium, conf, "genre confidence")
	conf, src = Provenance("hrw2005noexit", "ISBN")
	assert.Empty(t, conf, "absent field has a confidence")
	assert.Nil(t, src, "absent field has sources")
	conf, _ = Provenance("nope", "title")
	assert.Empty(t, conf, "unknown work has provenance")
	assert.Equal(t, "the report itself is dated 'May 2005'", Remark("hrw2005noexit", "issued"), "remark")
	cites := SeedCitations("singleton2003saddam")
	if assert.NotEmpty(t, cites, "seed citations") {
		assert.Equal(t, "001_5a60d35f54bdcc58.txt", cites[0].Seed, "seed citations = %+v", cites)
	}
}

func TestSetFieldProvenance(t *testing.T) {
	it := bib.Item{ID: "x", Custom: map[string][]byte{"custom": []byte(`{"keep":1}`)}}
	require.NoError(t, SetFieldProvenance(&it, "title", Low, "seed a.txt:3:1"))
	require.NoError(t, SetFieldProvenance(&it, "issued", Medium))
	assert.Equal(t, Low, FieldConfidence(it, "title"), "title confidence")
	assert.Equal(t, Medium, FieldConfidence(it, "issued"), "issued confidence")
	assert.Equal(t, []string{"seed a.txt:3:1"}, FieldSources(it, "title"), "title sources")
	want := `{"confidence":{"issued":"medium","title":"low"},"keep":1,"sources":{"title":["seed a.txt:3:1"]}}`
	assert.Equal(t, want, string(it.Custom["custom"]), "custom")
	bad := bib.Item{Custom: map[string][]byte{"custom": []byte(`[1]`)}}
	assert.Error(t, SetFieldProvenance(&bad, "title", Low), "no error for non-object custom data")
}

// TestSetProvenance: setting many fields at once gives the bytes of one
// SetFieldProvenance per field in turn, with and without custom data.
func TestSetProvenance(t *testing.T) {
	fields := []FieldProvenance{
		{Field: "title", Confidence: Low, Sources: []string{"a.txt:3:1"}},
		{Field: "issued", Confidence: Medium},
		{Field: "author", Sources: []string{"a.txt:3:1", "<b>&"}},
		{Field: "note"},
		{Field: "title", Confidence: High},
	}
	for _, custom := range []string{"", `{"keep":1,"sources":{"URL":["x"]}}`, `{"confidence":{"a":"low"}}`} {
		for n := 0; n <= len(fields); n++ {
			one, all := bib.Item{ID: "x"}, bib.Item{ID: "x"}
			if custom != "" {
				one.Custom = map[string][]byte{"custom": []byte(custom)}
				all.Custom = map[string][]byte{"custom": []byte(custom)}
			}
			for _, f := range fields[:n] {
				require.NoError(t, SetFieldProvenance(&one, f.Field, f.Confidence, f.Sources...))
			}
			require.NoError(t, SetProvenance(&all, fields[:n]...))
			assert.Equal(t, one, all, "custom %s, %d fields", custom, n)
		}
	}
}

func BenchmarkItems(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Items()
	}
}

// TestResearchNotesNotPrinted: the works' research notes ("Discrepancies:
// ... Unconfirmed: ...") are in annote, which styles do not print, and no
// work has a note.
func TestResearchNotesNotPrinted(t *testing.T) {
	withNotes := 0
	for _, it := range Items() {
		assert.Empty(t, it.Get("note"), "%s: research notes in note", it.ID)
		if a := it.Get("annote"); strings.HasPrefix(a, "Discrepancies:") || strings.HasPrefix(a, "Unconfirmed:") {
			withNotes++
		}
	}
	assert.GreaterOrEqual(t, withNotes, 30, "works carrying research notes in annote")
}

// TestPersianBookForms pins the romanized title, its translation and the
// romanized publisher of the Persian book.
func TestPersianBookForms(t *testing.T) {
	it, ok := ByID("mko_origin_to_fate")
	require.True(t, ok, "mko_origin_to_fate missing")
	for _, c := range []struct{ field, tag, want string }{
		{"title", bib.TagRomanALALC, "Sāzmān-i Mujāhidīn-i Khalq: paydāyī tā farjām (1344–1384)"},
		{"publisher", bib.TagRomanALALC, "Muʼassasah-ʼi Muṭālaʻāt va Pizhūhishhā-yi Siyāsī"},
		{"publisher", "en", "Institute for Political Studies and Research"},
	} {
		assert.Equal(t, c.want, it.Form(c.field, c.tag), "%s [%s]", c.field, c.tag)
	}
	got := it.TitleTranslation("en")
	assert.True(t, strings.HasPrefix(got, "Mujahedin-e Khalq Organization: Origin to Fate"), "translation = %q", got)
}
