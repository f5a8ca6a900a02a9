package csl

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

func TestEmbedded(t *testing.T) {
	for _, name := range EmbeddedStyles() {
		s, err := LoadStyle(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if s.Rights == "" || s.Title == "" {
			t.Errorf("%s: rights %q title %q: notices must be kept", name, s.Rights, s.Title)
		}
	}
	if len(EmbeddedStyles()) != 7 {
		t.Errorf("embedded styles %v, want the seven shared ones", EmbeddedStyles())
	}
	if n := len(EmbeddedLocales()); n < 54 {
		t.Errorf("%d embedded locales, want all 54 CSL locales", n)
	}
	for _, lang := range EmbeddedLocales() {
		l := loadEmbeddedLocale(lang)
		if l == nil || l.term("and", "long", false) == "" {
			t.Errorf("locale %s: not loaded or no \"and\" term", lang)
		}
	}
	for alias := range styleAliases {
		if _, err := LoadStyle(alias); err != nil {
			t.Errorf("alias %s: %v", alias, err)
		}
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
			if !errors.As(err, &l) {
				t.Fatalf("error %v is not a diag.List", err)
			}
			if got := l.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if _, err := LoadStyle("no-such-style"); err == nil || !strings.Contains(err.Error(), "apa") {
		t.Errorf("unknown style error %v should list the built-in styles", err)
	}
}

func TestLocaleFallback(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="fa-IR">
  <locale xml:lang="fa"><terms><term name="editor" form="short">ویر.</term></terms></locale>
  <citation><layout><text term="and"/><text term="editor" form="short" prefix=" "/><text term="retrieved" prefix=" "/></layout></citation></style>`)
	loc := st.localeFor("")
	if got := loc.term("editor", "short", false); got != "ویر." {
		t.Errorf("style locale term: %q", got)
	}
	if got := loc.term("and", "long", false); got != "و" {
		t.Errorf("fa-IR term \"and\" = %q, want و", got)
	}
	// a term fa-IR lacks falls back to en-US
	en := st.localeFor("en-US")
	if got := en.term("editor", "short", false); got == "ویر." {
		t.Errorf("en-US must not get the fa-only term")
	}
	for _, tc := range []struct{ lang, and string }{
		{"de-DE", "und"},
		{"de-AT", "und"},
		{"fr", "et"},    // a bare language uses its primary dialect
		{"fr-BE", "et"}, // an unshipped region falls back to the primary dialect
		{"pt", "e"},
		{"xx-YY", "and"}, // an unknown language falls back to en-US
	} {
		if got := st.localeFor(tc.lang).term("and", "long", false); got != tc.and {
			t.Errorf("locale %s: term \"and\" = %q, want %q", tc.lang, got, tc.and)
		}
	}
}

func mustStyle(t *testing.T, src string) *Style {
	t.Helper()
	s, err := ParseStyle(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
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
		if got := NewProcessor(st, "", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, f); got != w {
			t.Errorf("format %d: got %q, want %q", f, got, w)
		}
	}
	for _, s := range []string{"text", "html", "md", "markdown"} {
		if _, ok := ParseFormat(s); !ok {
			t.Errorf("ParseFormat(%q) failed", s)
		}
	}
	if _, ok := ParseFormat("rtf"); ok {
		t.Error("ParseFormat(rtf) should fail")
	}
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
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
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
		if got := NewProcessor(st, "", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Text); got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.title, got, tt.want)
		}
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
	}
	for _, tt := range tests {
		if got := initializeName(tt.given, tt.with, tt.init, true); got != tt.want {
			t.Errorf("initializeName(%q, %q, %v) = %q, want %q", tt.given, tt.with, tt.init, got, tt.want)
		}
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
		if got := collapseRange(tt.a, tt.b, tt.format); got != tt.want {
			t.Errorf("collapseRange(%s, %s, %s) = %s, want %s", tt.a, tt.b, tt.format, got, tt.want)
		}
	}
}

func TestIsNumeric(t *testing.T) {
	for s, want := range map[string]bool{
		"12": true, "12-15": true, "2, 4 & 6": true, "5th": true, "A1": true,
		"": false, "second": false, "12 pages": false, "Vol. 2": false,
	} {
		if got := isNumeric(s); got != want {
			t.Errorf("isNumeric(%q) = %v", s, got)
		}
	}
}

// TestConcurrentProcessors shares one Style between goroutines (run with
// -race): a parsed style is read-only.
func TestConcurrentProcessors(t *testing.T) {
	st, err := LoadStyle("chicago-author-date")
	if err != nil {
		t.Fatal(err)
	}
	items := benchItems(40)
	want := NewProcessor(st, "en-US", items).BibliographyString(HTML)
	done := make(chan string)
	for i := 0; i < 4; i++ {
		go func() { done <- NewProcessor(st, "en-US", items).BibliographyString(HTML) }()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; got != want {
			t.Error("concurrent rendering differs")
		}
	}
}

func TestNoteVariables(t *testing.T) {
	it := bib.Item{ID: "a", Type: "review"}
	it.Set("title", "Own title")
	it.Set("note", "reviewed-author: Abrahamian || Ervand\noriginal-date: 1989-05\ntitle: Ignored\nDiscrepancies: kept as a note")
	got := noteVariables(&it)
	if got == nil {
		t.Fatal("nothing read")
	}
	if n := got.Names["reviewed-author"]; len(n) != 1 || n[0].Family != "Abrahamian" || n[0].Given != "Ervand" {
		t.Errorf("reviewed-author = %+v", n)
	}
	if d := got.Dates["original-date"]; d.From != (bib.DateParts{Year: 1989, Month: 5}) {
		t.Errorf("original-date = %+v", d)
	}
	if got.Vars["title"] != "Own title" || it.Names != nil {
		t.Errorf("the item's own values must win and the input stay unchanged")
	}
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
		if err := it.UnmarshalJSON([]byte(src)); err != nil {
			t.Fatal(err)
		}
		if got := NewProcessor(st, "en-US", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Text); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.json, got, tc.want)
		}
	}
}

// TestRegister checks that registered items take part in year suffixes
// and numbering, so citations agree with the bibliography.
func TestRegister(t *testing.T) {
	st, err := LoadStyle("apa")
	if err != nil {
		t.Fatal(err)
	}
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
		if got := p.Cite([]Cite{{ID: "b"}}, Text); got != tc.cite {
			t.Errorf("%s: cite %q, want %q", tc.name, got, tc.cite)
		}
		if got := len(p.Bibliography(Text)); got != tc.entries {
			t.Errorf("%s: %d entries, want %d", tc.name, got, tc.entries)
		}
	}
	// numbers follow the registration order, not the citation order
	ieee, _ := LoadStyle("ieee")
	p := NewProcessor(ieee, "en-US", items)
	p.RegisterAll()
	if got := p.Cite([]Cite{{ID: "o"}}, Text); got != "[3]" {
		t.Errorf("ieee cite of the third registered item: %q, want [3]", got)
	}
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
		if got := NewProcessor(st, "", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Markdown); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.title, got, tc.want)
		}
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
		if got := NewProcessor(st, "en-US", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Text); got != tc.want {
			t.Errorf("container %q: got %q, want %q", tc.container, got, tc.want)
		}
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
		if !slices.Equal(got, tc.want) {
			t.Errorf("position %d: got %q, want %q", tc.pos, got, tc.want)
		}
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
		if got := NewProcessor(st, tc.lang, []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Text); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.lang, got, tc.want)
		}
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
		if got := spacePrefix(tc.in); got != tc.want {
			t.Errorf("spacePrefix(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"passim", " passim"},
		{"(trans.)", " (trans.)"},
		{", 12", ", 12"},
		{" ff.", " ff."},
		{"", ""},
	} {
		if got := spaceSuffix(tc.in); got != tc.want {
			t.Errorf("spaceSuffix(%q) = %q, want %q", tc.in, got, tc.want)
		}
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
		if got := startsSentence(tc.prefix, true); got != tc.want {
			t.Errorf("startsSentence(%q) = %v, want %v", tc.prefix, got, tc.want)
		}
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
		if n.NonDroppingParticle != tc.particle || n.Family != tc.rest {
			t.Errorf("%q: particle %q family %q, want %q %q", tc.family, n.NonDroppingParticle, n.Family, tc.particle, tc.rest)
		}
	}
	coll := collate.New(language.English, collate.IgnoreCase)
	if coll.CompareString(sortString("d’Wander"), sortString("de’ Frinkle")) >= 0 {
		t.Errorf("sort keys: d’Wander should sort before de’ Frinkle: %q %q", sortString("d’Wander"), sortString("de’ Frinkle"))
	}
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
		if got := NewProcessor(st, "", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, f); got != w {
			t.Errorf("format %d: got %q, want %q", f, got, w)
		}
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
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
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
		if n.Given != tc.want || n.Suffix != tc.suffix || n.CommaSuffix != tc.comma {
			t.Errorf("%q: given %q suffix %q comma %v", tc.given, n.Given, n.Suffix, n.CommaSuffix)
		}
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
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNamePartAffixSpace(t *testing.T) {
	st := mustStyle(t, `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><citation><layout><names variable="author"><name><name-part name="given" suffix="&#160;"/></name></names></layout></citation></style>`)
	it := bib.Item{ID: "a", Type: "book"}
	it.SetNames("author", []bib.Name{{Family: "Rajavi", Given: "Maryam"}})
	if got := NewProcessor(st, "", []bib.Item{it}).Cite([]Cite{{ID: "a"}}, Text); got != "Maryam\u00a0Rajavi" {
		t.Errorf("got %q", got)
	}
}
