package works

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
)

const sharedWorks = "../../../shared/works/works.json"

func loadShared(t *testing.T) []bib.Item {
	t.Helper()
	b, err := os.ReadFile(sharedWorks)
	if os.IsNotExist(err) {
		testenv.Missing(t, "shared data not present: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	var items []bib.Item
	if err := json.Unmarshal(b, &items); err != nil {
		t.Fatal(err)
	}
	// The script forms are manba's additions (forms.json).
	if err := addForms(items); err != nil {
		t.Fatal(err)
	}
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
	if len(got) != len(want) || len(got) != 32 {
		t.Fatalf("got %d items, shared has %d (want 32)", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.ID {
			t.Errorf("item %d: id %q, want %q", i, g.ID, w.ID)
			continue
		}
		if g.Type != w.Type {
			t.Errorf("%s: type %q, want %q", w.ID, g.Type, w.Type)
		}
		for _, k := range union(bib.SortedKeys(g.Vars), bib.SortedKeys(w.Vars)) {
			if g.Vars[k] != w.Vars[k] {
				t.Errorf("%s: %s = %q, want %q", w.ID, k, g.Vars[k], w.Vars[k])
			}
		}
		for _, k := range union(bib.SortedKeys(g.Names), bib.SortedKeys(w.Names)) {
			if !slices.EqualFunc(g.Names[k], w.Names[k], bib.Name.Equal) {
				t.Errorf("%s: %s = %+v, want %+v", w.ID, k, g.Names[k], w.Names[k])
			}
		}
		for _, k := range union(bib.SortedKeys(g.Dates), bib.SortedKeys(w.Dates)) {
			if g.Dates[k] != w.Dates[k] {
				t.Errorf("%s: %s = %+v, want %+v", w.ID, k, g.Dates[k], w.Dates[k])
			}
		}
		if !g.Equal(w) {
			t.Errorf("%s: items differ (custom data?)", w.ID)
		}
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
		if !ok {
			t.Errorf("%s: missing", tt.id)
			continue
		}
		if it.Type != tt.typ {
			t.Errorf("%s: type %q, want %q", tt.id, it.Type, tt.typ)
		}
		for k, v := range tt.vars {
			if it.Get(k) != v {
				t.Errorf("%s: %s = %q, want %q", tt.id, k, it.Get(k), v)
			}
		}
		if !slices.EqualFunc(it.Names["author"], tt.authors, bib.Name.Equal) {
			t.Errorf("%s: authors %+v, want %+v", tt.id, it.Names["author"], tt.authors)
		}
		// The brief fixes the year (and HRW's month); the data may be more precise.
		got := it.Dates["issued"].From
		if got.Year != tt.issued.From.Year || tt.issued.From.Month != 0 && got.Month != tt.issued.From.Month {
			t.Errorf("%s: issued %+v, want %+v", tt.id, got, tt.issued.From)
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
		if v := it.Get(c.field); v != "" {
			t.Errorf("%s: %s = %q, should be left out", c.id, c.field, v)
		}
	}
}

func TestItemsAreCopies(t *testing.T) {
	a := Items()
	a[0].Set("title", "changed")
	a[0].Names["author"][0].Literal = "changed"
	b, _ := ByID(a[0].ID)
	if b.Get("title") == "changed" || b.Names["author"][0].Literal == "changed" {
		t.Fatal("Items returned shared data")
	}
	if ids := IDs(); len(ids) != len(a) || ids[0] != a[0].ID {
		t.Fatalf("IDs = %v", ids)
	}
	if _, ok := ByID("nonexistent"); ok {
		t.Fatal("ByID found a nonexistent work")
	}
}

func TestProvenance(t *testing.T) {
	conf, src := Provenance("hrw2005noexit", "title")
	if conf != High || !slices.Contains(src, "seed 000_5778fab24c47c48e.txt") {
		t.Errorf("title provenance = %q %v", conf, src)
	}
	if conf, _ := Provenance("hrw2005noexit", "genre"); conf != Medium {
		t.Errorf("genre confidence = %q, want medium", conf)
	}
	if conf, src := Provenance("hrw2005noexit", "ISBN"); conf != "" || src != nil {
		t.Errorf("absent field has provenance %q %v", conf, src)
	}
	if conf, _ := Provenance("nope", "title"); conf != "" {
		t.Error("unknown work has provenance")
	}
	if r := Remark("hrw2005noexit", "issued"); r != "the report itself is dated 'May 2005'" {
		t.Errorf("remark = %q", r)
	}
	cites := SeedCitations("singleton2003saddam")
	if len(cites) == 0 || cites[0].Seed != "001_5a60d35f54bdcc58.txt" {
		t.Errorf("seed citations = %+v", cites)
	}
}

func TestSetFieldProvenance(t *testing.T) {
	it := bib.Item{ID: "x", Custom: map[string][]byte{"custom": []byte(`{"keep":1}`)}}
	if err := SetFieldProvenance(&it, "title", Low, "seed a.txt:3:1"); err != nil {
		t.Fatal(err)
	}
	if err := SetFieldProvenance(&it, "issued", Medium); err != nil {
		t.Fatal(err)
	}
	if got := FieldConfidence(it, "title"); got != Low {
		t.Errorf("title confidence %q", got)
	}
	if got := FieldConfidence(it, "issued"); got != Medium {
		t.Errorf("issued confidence %q", got)
	}
	if got := FieldSources(it, "title"); !slices.Equal(got, []string{"seed a.txt:3:1"}) {
		t.Errorf("title sources %v", got)
	}
	want := `{"confidence":{"issued":"medium","title":"low"},"keep":1,"sources":{"title":["seed a.txt:3:1"]}}`
	if got := string(it.Custom["custom"]); got != want {
		t.Errorf("custom = %s\nwant    %s", got, want)
	}
	bad := bib.Item{Custom: map[string][]byte{"custom": []byte(`[1]`)}}
	if err := SetFieldProvenance(&bad, "title", Low); err == nil {
		t.Error("no error for non-object custom data")
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
		if it.Get("note") != "" {
			t.Errorf("%s: research notes in note: %.60q", it.ID, it.Get("note"))
		}
		if a := it.Get("annote"); strings.HasPrefix(a, "Discrepancies:") || strings.HasPrefix(a, "Unconfirmed:") {
			withNotes++
		}
	}
	if withNotes < 30 {
		t.Errorf("%d works carry research notes in annote, want >= 30", withNotes)
	}
}

// TestPersianBookForms pins the romanized title, its translation and the
// romanized publisher of the Persian book.
func TestPersianBookForms(t *testing.T) {
	it, ok := ByID("mko_origin_to_fate")
	if !ok {
		t.Fatal("mko_origin_to_fate missing")
	}
	for _, c := range []struct{ field, tag, want string }{
		{"title", bib.TagRomanALALC, "Sāzmān-i Mujāhidīn-i Khalq: paydāyī tā farjām (1344–1384)"},
		{"publisher", bib.TagRomanALALC, "Muʼassasah-ʼi Muṭālaʻāt va Pizhūhishhā-yi Siyāsī"},
		{"publisher", "en", "Institute for Political Studies and Research"},
	} {
		if got := it.Form(c.field, c.tag); got != c.want {
			t.Errorf("%s [%s] = %q, want %q", c.field, c.tag, got, c.want)
		}
	}
	if got := it.TitleTranslation("en"); !strings.HasPrefix(got, "Mujahedin-e Khalq Organization: Origin to Fate") {
		t.Errorf("translation = %q", got)
	}
}
