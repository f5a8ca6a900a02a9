package csl

import (
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

func TestEmbedded(t *testing.T) {
	for _, name := range EmbeddedStyles() {
		s, err := LoadStyle(name)
		if !assert.NoError(t, err, name) {
			continue
		}
		assert.NotEmpty(t, s.Rights, "%s: rights: notices must be kept", name)
		assert.NotEmpty(t, s.Title, "%s: title: notices must be kept", name)
	}
	assert.Len(t, EmbeddedStyles(), 7, "embedded styles, want the seven shared ones")
	assert.GreaterOrEqual(t, len(EmbeddedLocales()), 54, "embedded locales, want all 54 CSL locales")
	for _, lang := range EmbeddedLocales() {
		l := loadEmbeddedLocale(lang)
		if assert.NotNil(t, l, "locale %s: not loaded", lang) {
			assert.NotEmpty(t, l.term("and", "long", false), "locale %s: no \"and\" term", lang)
		}
	}
	for alias := range styleAliases {
		_, err := LoadStyle(alias)
		assert.NoError(t, err, "alias %s", alias)
	}
}

func TestParseStyleErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"not xml", "<style", "1:7: error: XML: unexpected EOF"},
		{"wrong root", `<locale/>`, "1:1: error: root element is <locale>, want <style>"},
		{"no citation", `<style></style>`, "1:1: error: style has no <citation>"},
		{"no layout", "<style>\n <citation/></style>", "2:2: error: <citation> has no <layout>"},
		{"macro without name", "<style><macro/><citation><layout/></citation></style>", "1:8: error: <macro> without a name"},
		{"macro cycle", "<style><macro name=\"a\"><text macro=\"b\"/></macro>\n<macro name=\"b\"><group><text macro=\"a\"/><text macro=\"a\"/></group></macro><citation><layout><text macro=\"a\"/></layout></citation></style>", `2:24: error: macro "a" calls itself`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseStyle(strings.NewReader(tt.src))
			var l diag.List
			require.ErrorAs(t, err, &l, "error is not a diag.List")
			assert.Equal(t, tt.want, l.Error())
		})
	}
	_, err := LoadStyle("no-such-style")
	assert.ErrorContains(t, err, "apa", "unknown style error should list the built-in styles")
}

func TestLocaleFallback(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="fa-IR">
  <locale xml:lang="fa"><terms><term name="editor" form="short">ویر.</term></terms></locale>
  <citation><layout><text term="and"/><text term="editor" form="short" prefix=" "/><text term="retrieved" prefix=" "/></layout></citation></style>`)
	loc := st.localeFor("")
	assert.Equal(t, "ویر.", loc.term("editor", "short", false), "style locale term")
	assert.Equal(t, "و", loc.term("and", "long", false), "fa-IR term \"and\"")
	// a term fa-IR lacks falls back to en-US
	en := st.localeFor("en-US")
	assert.NotEqual(t, "ویر.", en.term("editor", "short", false), "en-US must not get the fa-only term")
	for _, tc := range []struct{ lang, and string }{
		{"de-DE", "und"},
		{"de-AT", "und"},
		{"fr", "et"},    // a bare language uses its primary dialect
		{"fr-BE", "et"}, // an unshipped region falls back to the primary dialect
		{"pt", "e"},
		{"xx-YY", "and"}, // an unknown language falls back to en-US
	} {
		assert.Equal(t, tc.and, st.localeFor(tc.lang).term("and", "long", false), "locale %s: term \"and\"", tc.lang)
	}
}

func mustStyle(t *testing.T, src string) *Style {
	t.Helper()
	s, err := ParseStyle(strings.NewReader(src))
	require.NoError(t, err)
	return s
}

func TestFormats(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <citation><layout><text variable="title" font-style="italic" quotes="true"/><text variable="note" prefix=" " font-weight="bold"/></layout></citation></style>`)
	it := bib.Item{ID: "a", Type: "book"}
	it.Set("title", "Mas'oud & the <i>MEK</i>")
	it.Set("note", "a*b")
	want := map[Format]string{
		Text:     "“Mas’oud & the MEK” a*b",
		HTML:     `<i>“Mas’oud &#38; the <span style="font-style:normal;">MEK</span>”</i> <b>a*b</b>`,
		Markdown: `*“Mas’oud & the* MEK*”* **a\*b**`,
	}
	for f, w := range want {
		assert.Equal(t, w, NewProcessor(st, "", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, f), "format %d", f)
	}
	for _, s := range []string{"text", "html", "md", "markdown"} {
		_, ok := ParseFormat(s)
		assert.True(t, ok, "ParseFormat(%q) failed", s)
	}
	_, ok := ParseFormat("rtf")
	assert.False(t, ok, "ParseFormat(rtf) should fail")
}

func TestArabicSort(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <citation><layout><text value="x"/></layout></citation>
  <bibliography><sort><key variable="author"/></sort><layout><names variable="author"><name name-as-sort-order="all"/></names></layout></bibliography></style>`)
	var items []bib.Item
	for i, n := range []bib.Name{
		{Family: "Rubaie", Given: "Mowaffak", NonDroppingParticle: "al-"},
		{Family: "ʿAbd al-Rahman", Given: "Ahmad"},
		{Family: "Zahir", Given: "Laila"},
		{Family: "Ébadi", Given: "Shirin"},
		{Family: "Bakr", Given: "Ali"},
	} {
		it := bib.Item{ID: string(rune('a' + i)), Type: "book"}
		it.SetNames("author", []bib.Name{n})
		items = append(items, it)
	}
	var got []string
	for _, e := range NewProcessor(st, "en-US", items).Bibliography(Text) {
		got = append(got, e.Text)
	}
	want := []string{"ʿAbd al-Rahman, Ahmad", "Bakr, Ali", "Ébadi, Shirin", "Rubaie, Mowaffak al-", "Zahir, Laila"}
	assert.Equal(t, strings.Join(want, "|"), strings.Join(got, "|"))
}

func TestTitleCaseLanguage(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <citation><layout><text variable="title" text-case="title"/></layout></citation></style>`)
	tests := []struct{ lang, title, want string }{
		{"", "the rise and fall of the mojahedin", "The Rise and Fall of the Mojahedin"},
		{"en-GB", "a policy conundrum: the MEK in iraq", "A Policy Conundrum: The MEK in Iraq"},
		{"fa", "tarikh-e mojahedin", "tarikh-e mojahedin"},
		{"fr", "la révolution iranienne", "la révolution iranienne"},
	}
	for _, tt := range tests {
		it := bib.Item{ID: "a", Type: "book"}
		it.Set("title", tt.title)
		it.Set("language", tt.lang)
		assert.Equal(t, tt.want, NewProcessor(st, "", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Text), "%s %q", tt.lang, tt.title)
	}
}

func TestInitializeName(t *testing.T) {
	tests := []struct {
		given, with string
		init        bool
		want        string
	}{
		{"Masoud", ". ", true, "M."},
		{"Mas'oud Ali", ".", true, "M.A."},
		{"Jean-Paul", ". ", true, "J.-P."},
		{"John M.E.", ". ", false, "John M. E."},
		{"M E", "", false, "ME"},
		{"Guo-ping", "", true, "G"},
		{"TSerendorjiin", ".", true, "Ts."},
		{"J. B. de C. M.", ".", true, "J.B. de C.M."},
		// rich-text tags stay around the initial and its period
		{"<b>Masoud</b> Ali", ". ", true, "<b>M.</b> A."},
		{"<i>Jean</i>-Paul", ". ", true, "<i>J.</i>-P."},
		{"Ervand <sc>Abr</sc>", ". ", true, "E. <sc>A.</sc>"},
		{"<b>Masoud</b> Ali", ". ", false, "<b>Masoud</b> Ali"},
		// citeproc-js keeps words that do not start with a letter, and
		// any space separates words (a thin space here)
		{"C. (Costantino)", ". ", true, "C. (Costantino)"},
		{"T. L. (Frank)", ".", true, "T.L. (Frank)"},
		{"Roger P.\u2009G.", ". ", false, "Roger P. G."},
		{"Juan Carlos Vasquez & Koray", ".", true, "J.C.V.& K."},
		{"Hadka_DandReed_PandT. W.", ". ", true, "H. W."},
		{"Hadka_DandReed_PandT. W.", ". ", false, "Hadka_DandReed_PandT. W."},
		{"Juan Carlos Vasquez & Koray", ". ", false, "Juan Carlos Vasquez &. Koray"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, initializeName(tt.given, tt.with, tt.init, true), "initializeName(%q, %q, %v)", tt.given, tt.with, tt.init)
	}
}

func TestCollapseRange(t *testing.T) {
	tests := []struct{ a, b, format, want string }{
		{"321", "328", "minimal", "8"},
		{"321", "328", "minimal-two", "28"},
		{"321", "28", "expanded", "328"},
		{"101", "108", "chicago", "8"},
		{"1496", "1504", "chicago", "1504"},
		{"1496", "1504", "chicago-16", "504"},
		{"71", "72", "chicago", "72"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, collapseRange(tt.a, tt.b, tt.format), "collapseRange(%s, %s, %s)", tt.a, tt.b, tt.format)
	}
}

func TestIsNumeric(t *testing.T) {
	for s, want := range map[string]bool{
		"12": true, "12-15": true, "2, 4 & 6": true, "5th": true, "A1": true,
		"": false, "second": false, "12 pages": false, "Vol. 2": false,
	} {
		assert.Equal(t, want, isNumeric(s), "isNumeric(%q)", s)
	}
}

// TestConcurrentProcessors shares one Style between goroutines (run with
// -race): a parsed style is read-only.
func TestConcurrentProcessors(t *testing.T) {
	st, err := LoadStyle("chicago-author-date")
	require.NoError(t, err)
	items := benchItems(40)
	want := NewProcessor(st, "en-US", items).BibliographyString(HTML)
	done := make(chan string)
	for i := 0; i < 4; i++ {
		go func() { done <- NewProcessor(st, "en-US", items).BibliographyString(HTML) }()
	}
	for i := 0; i < 4; i++ {
		assert.Equal(t, want, <-done, "concurrent rendering differs")
	}
}

func TestNoteVariables(t *testing.T) {
	it := bib.Item{ID: "a", Type: "review"}
	it.Set("title", "Own title")
	it.Set("note", "reviewed-author: Abrahamian || Ervand\noriginal-date: 1989-05\ntitle: Ignored\nDiscrepancies: kept as a note")
	got := noteVariables(&it)
	require.NotNil(t, got, "nothing read")
	if n := got.Names["reviewed-author"]; assert.Len(t, n, 1, "reviewed-author") {
		assert.Equal(t, "Abrahamian", n[0].Family, "reviewed-author = %+v", n)
		assert.Equal(t, "Ervand", n[0].Given, "reviewed-author = %+v", n)
	}
	d := got.Dates["original-date"]
	assert.Equal(t, bib.DateParts{Year: 1989, Month: 5}, d.From, "original-date = %+v", d)
	assert.Equal(t, "Own title", got.Vars["title"], "the item's own values must win")
	assert.Nil(t, it.Names, "the input must stay unchanged")
}

func TestOpenDateRange(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <citation><layout><date variable="issued" form="text"/><text value="|"/><date variable="issued" form="numeric"/><text value="|"/>
  <date variable="issued"><date-part name="year" range-delimiter="/"/></date></layout></citation></style>`)
	tests := []struct{ json, want string }{
		{`[[1987],[0]]`, "1987–|1987–|1987/"},
		{`[[1987,5],[0]]`, "May 1987–|05/1987–|1987/"},
		{`[[1987,5,3],[0,0,0]]`, "May 3, 1987–|05/03/1987–|1987/"},
		{`[[1987],[1990]]`, "1987–1990|1987–1990|1987/1990"},
	}
	for _, tc := range tests {
		var it bib.Item
		src := `{"id":"a","type":"book","issued":{"date-parts":` + tc.json + `}}`
		require.NoError(t, it.UnmarshalJSON([]byte(src)))
		assert.Equal(t, tc.want, NewProcessor(st, "en-US", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Text), tc.json)
	}
}

// TestRegister checks that registered items take part in year suffixes
// and numbering, so citations agree with the bibliography.
func TestRegister(t *testing.T) {
	st, err := LoadStyle("apa")
	require.NoError(t, err)
	var items []bib.Item
	for _, tc := range []struct{ id, title string }{{"b", "Beta"}, {"a", "Alpha"}, {"o", "Other"}} {
		it := bib.Item{ID: tc.id, Type: "book"}
		it.Set("title", tc.title)
		family := "Abrahamian"
		if tc.id == "o" {
			family = "Zabih"
		}
		it.SetNames("author", []bib.Name{{Family: family, Given: "Ervand"}})
		it.SetDate("issued", bib.Date{From: bib.DateParts{Year: 1989}})
		items = append(items, it)
	}
	tests := []struct {
		name     string
		register func(p *Processor)
		cite     string
		entries  int
	}{
		{"cited only", func(*Processor) {}, "(Abrahamian, 1989)", 1},
		{"all", (*Processor).RegisterAll, "(Abrahamian, 1989b)", 3},
		{"some", func(p *Processor) { p.Register("a", "nope") }, "(Abrahamian, 1989b)", 2},
	}
	for _, tc := range tests {
		p := NewProcessor(st, "en-US", items)
		tc.register(p)
		assert.Equal(t, tc.cite, p.Cite([]Cite{{ID: "b"}}, Text), "%s: cite", tc.name)
		assert.Equal(t, tc.entries, len(p.Bibliography(Text)), "%s: entries", tc.name)
	}
	// numbers follow the registration order, not the citation order
	ieee, _ := LoadStyle("ieee")
	p := NewProcessor(ieee, "en-US", items)
	p.RegisterAll()
	assert.Equal(t, "[3]", p.Cite([]Cite{{ID: "o"}}, Text), "ieee cite of the third registered item")
}

// TestMarkdownEmphasis checks that italics inside italics come out
// upright in Markdown, as the HTML flip-flop shows them, with delimiters
// next to the words and never empty.
func TestMarkdownEmphasis(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <citation><layout><group delimiter=" | "><text variable="title" font-style="italic"/><text variable="title"/>
  <group font-style="italic"><text variable="title" font-style="italic"/></group><text variable="title" font-weight="bold"/></group></layout></citation></style>`)
	tests := []struct{ title, want string }{
		{"The <i>MEK</i> in Iraq", "*The* MEK *in Iraq* | The *MEK* in Iraq | The *MEK* in Iraq | **The *MEK* in Iraq**"},
		{"<i>MEK</i>", "MEK | *MEK* | *MEK* | ***MEK***"},
		{"a <b>bold</b> <i>x <b>y</b></i>", "*a **bold*** x **y** | a **bold** *x **y*** | a **bold** *x **y*** | **a** bold ***x*** *y*"},
	}
	for _, tc := range tests {
		it := bib.Item{ID: "a", Type: "book"}
		it.Set("title", tc.title)
		assert.Equal(t, tc.want, NewProcessor(st, "", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Markdown), "%q", tc.title)
	}
}

// TestMacroIsGroup checks that a macro whose variables are all empty
// prints nothing (its terms included), while one that prints only terms
// from a branch keeps its group alive.
func TestMacroIsGroup(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <macro name="container"><text term="in" text-case="capitalize-first" suffix=" "/><text variable="container-title"/></macro>
  <macro name="date"><choose><if variable="issued"><date variable="issued"><date-part name="year"/></date></if>
    <else><text term="no date" form="short"/></else></choose></macro>
  <citation><layout><group delimiter=", "><text variable="title"/><text macro="container"/><text macro="date"/></group></layout></citation></style>`)
	tests := []struct{ container, want string }{
		{"", "Exile, n.d."},
		{"Iran Studies", "Exile, In Iran Studies, n.d."},
	}
	for _, tc := range tests {
		it := bib.Item{ID: "a", Type: "chapter"}
		it.Set("title", "Exile")
		if tc.container != "" {
			it.Set("container-title", tc.container)
		}
		assert.Equal(t, tc.want, NewProcessor(st, "en-US", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Text), "container %q", tc.container)
	}
}

// TestFixedPosition checks that a cite's given Position overrides the
// computed one.
func TestFixedPosition(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="note">
  <citation><layout><choose><if position="ibid-with-locator"><text value="ibid-loc"/></if><else-if position="ibid"><text value="ibid"/></else-if>
  <else-if position="subsequent"><text value="subsequent"/></else-if><else><text value="first"/></else></choose></layout></citation></style>`)
	it := bib.Item{ID: "a", Type: "book"}
	tests := []struct {
		pos  Position
		want []string
	}{
		{PositionAuto, []string{"first", "ibid"}},
		{PositionSubsequent, []string{"subsequent", "subsequent"}},
		{PositionFirst, []string{"first", "first"}},
		{PositionIbidWithLocator, []string{"ibid-loc", "ibid-loc"}},
	}
	for _, tc := range tests {
		cs := []Citation{{Cites: []Cite{{ID: "a", Position: tc.pos}}, NoteIndex: 1}, {Cites: []Cite{{ID: "a", Position: tc.pos}}, NoteIndex: 2}}
		got := NewProcessor(st, "en-US", []bib.Item{it}).Citations(cs, Text)
		assert.Equal(t, tc.want, got, "position %d", tc.pos)
	}
}

// TestAndTermSpacing checks that the "and" term is spaced only in scripts
// that space it (citeproc-js's rule): Persian "و" is, Hebrew "ו" and
// Japanese "と" are not.
func TestAndTermSpacing(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"en-US", "Rajavi and Abrahamian"},
		{"fa-IR", "Rajavi و Abrahamian"},
		{"he-IL", "Rajaviו" + "Abrahamian"},
		{"ja-JP", "RajaviとAbrahamian"},
	}
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <citation><layout><names variable="author"><name and="text" form="short"/></names></layout></citation></style>`)
	it := bib.Item{ID: "a", Type: "book"}
	it.SetNames("author", []bib.Name{{Family: "Rajavi", Given: "Masoud"}, {Family: "Abrahamian", Given: "Ervand"}})
	for _, tc := range tests {
		assert.Equal(t, tc.want, NewProcessor(st, tc.lang, []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Text), tc.lang)
	}
}

func TestCiteAffixSpacing(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"See", "See "},
		{"cf.", "cf. "},
		{"<i>See</i>", "<i>See</i> "},
		{"See ", "See "},
		{"(", "("},
		{"参见", "参见"},
		{"نگاه کنید به", "نگاه کنید به "},
		{"", ""},
	} {
		assert.Equal(t, tc.want, spacePrefix(tc.in), "spacePrefix(%q)", tc.in)
	}
	for _, tc := range []struct{ in, want string }{
		{"passim", " passim"},
		{"(trans.)", " (trans.)"},
		{", 12", ", 12"},
		{" ff.", " ff."},
		{"", ""},
	} {
		assert.Equal(t, tc.want, spaceSuffix(tc.in), "spaceSuffix(%q)", tc.in)
	}
	for _, tc := range []struct {
		prefix string
		want   bool
	}{
		{"Cf.", false},
		{"Caps after.", true},
		{"This has been said. ", true},
		{"See ", false},
	} {
		assert.Equal(t, tc.want, startsSentence(tc.prefix, true), "startsSentence(%q)", tc.prefix)
	}
}

func TestParseParticlesElided(t *testing.T) {
	for _, tc := range []struct{ family, particle, rest string }{
		{"de' Frinkle", "", "de' Frinkle"},
		{"de’ Frinkle", "", "de’ Frinkle"},
		{"van der Meer", "van der", "Meer"},
		{"d'Aubignac", "d'", "Aubignac"},
	} {
		n := parseParticles(bib.Name{Family: tc.family, Given: "X"})
		assert.Equal(t, tc.particle, n.NonDroppingParticle, "%q: particle", tc.family)
		assert.Equal(t, tc.rest, n.Family, "%q: family", tc.family)
	}
	coll := collate.New(language.English, collate.IgnoreCase)
	assert.Less(t, coll.CompareString(sortString("d’Wander"), sortString("de’ Frinkle")), 0,
		"sort keys: d’Wander should sort before de’ Frinkle: %q %q", sortString("d’Wander"), sortString("de’ Frinkle"))
}

func TestNoDecorSpan(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <citation><layout><text variable="title" font-style="italic"/></layout></citation></style>`)
	it := bib.Item{ID: "a", Type: "legal_case"}
	it.Set("title", `Lessard <span class="nodecor">v.</span> Schmidt`)
	want := map[Format]string{
		HTML: `<i>Lessard <span style="font-style:normal;">v.</span> Schmidt</i>`,
		Text: "Lessard v. Schmidt",
	}
	for f, w := range want {
		assert.Equal(t, w, NewProcessor(st, "", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, f), "format %d", f)
	}
}

func TestIbidAcrossCitationsInOneNote(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><citation><layout>
  <choose><if position="ibid-with-locator"><text value="ibid. "/><text variable="locator"/></if>
  <else-if position="ibid"><text value="ibid."/></else-if>
  <else-if position="subsequent"><text value="supra"/></else-if>
  <else><text variable="title"/></else></choose></layout></citation></style>`)
	it := bib.Item{ID: "a", Type: "book"}
	it.Set("title", "Mojahedin")
	got := NewProcessor(st, "", []bib.Item{it}).Citations([]Citation{
		{NoteIndex: 1, Cites: []Cite{{ID: "a"}}},
		{NoteIndex: 2, Cites: []Cite{{ID: "a"}}},
		{NoteIndex: 2, Cites: []Cite{{ID: "a", Locator: "33"}}},
		{NoteIndex: 2, Cites: []Cite{{ID: "a"}}},
	}, Text)
	want := []string{"Mojahedin", "ibid.", "ibid. 33", "supra"}
	assert.Equal(t, want, got)
}

func TestParseGivenSuffix(t *testing.T) {
	for _, tc := range []struct {
		given, want, suffix string
		comma               bool
	}{
		{"John, III", "John", "III", false},
		{"John,! Jr.", "John", "Jr.", true},
		{"Mas'oud", "Mas'oud", "", false},
	} {
		n := parseParticles(bib.Name{Family: "Doe", Given: tc.given})
		assert.Equal(t, tc.want, n.Given, "%q: given", tc.given)
		assert.Equal(t, tc.suffix, n.Suffix, "%q: suffix", tc.given)
		assert.Equal(t, tc.comma, n.CommaSuffix, "%q: comma", tc.given)
	}
}

func TestDisambiguateConditionsOneAtATime(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><citation><layout>
  <group delimiter=", "><names variable="author"><name/></names>
  <choose><if disambiguate="true"><text variable="title"/></if></choose>
  <choose><if disambiguate="true"><text variable="edition"/></if></choose></group></layout></citation></style>`)
	mk := func(id, title, ed string) bib.Item {
		it := bib.Item{ID: id, Type: "book"}
		it.SetNames("author", []bib.Name{{Family: "Rajavi", Given: "Masoud"}})
		it.Set("title", title)
		it.Set("edition", ed)
		return it
	}
	items := []bib.Item{mk("a", "One", "3"), mk("b", "Two", "4"), mk("c", "Works", "5"), mk("d", "Works", "6")}
	got := NewProcessor(st, "", items).Citations([]Citation{
		{NoteIndex: 1, Cites: []Cite{{ID: "a"}}}, {NoteIndex: 2, Cites: []Cite{{ID: "b"}}},
		{NoteIndex: 3, Cites: []Cite{{ID: "c"}}}, {NoteIndex: 4, Cites: []Cite{{ID: "d"}}},
	}, Text)
	want := []string{"Masoud Rajavi, One", "Masoud Rajavi, Two", "Masoud Rajavi, Works, 5", "Masoud Rajavi, Works, 6"}
	assert.Equal(t, want, got)
}

func TestNamePartAffixSpace(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><citation><layout><names variable="author"><name><name-part name="given" suffix="&#160;"/></name></names></layout></citation></style>`)
	it := bib.Item{ID: "a", Type: "book"}
	it.SetNames("author", []bib.Name{{Family: "Rajavi", Given: "Maryam"}})
	assert.Equal(t, "Maryam\u00a0Rajavi", NewProcessor(st, "", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Text))
}
