package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/works"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const seeds = "../../../shared/seeds"

func readSeed(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(seeds, name))
	if os.IsNotExist(err) {
		testenv.Missing(t, "shared seeds not present in %s", seeds)
	}
	require.NoError(t, err)
	return b
}

// TestGolden extracts every seed and test article, links it to the known works and
// compares the bibliography (CSL-JSON) and a reference listing with the
// golden files.
func TestGolden(t *testing.T) {
	// The seeds, and articles of our own in other citation styles.
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if testenv.CI() {
		require.NotEmpty(t, files, "required under CI: no shared seeds in %s", seeds)
	}
	own, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, f := range append(files, own...) {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			refs, diags := Extract(name, src)
			assert.Empty(t, diags, "diagnostics")
			Link(refs, works.Items())
			var buf bytes.Buffer
			for _, r := range refs {
				buf.WriteString(listing(r))
			}
			golden(t, strings.TrimSuffix(name, ".txt")+".refs", buf.Bytes())
			items := Bibliography(refs, Options{})
			out, err := json.MarshalIndent(items, "", "  ")
			require.NoError(t, err)
			golden(t, strings.TrimSuffix(name, ".txt")+".json", append(out, '\n'))
		})
	}
}

func listing(r Reference) string {
	var b strings.Builder
	b.WriteString(r.Pos.String() + "\t" + r.Kind.String() + "\t" + r.Label + "\t" + r.Work)
	for _, l := range r.Locators {
		b.WriteString("\t" + l.Label + " " + l.Value)
	}
	b.WriteString("\n\t" + r.Text + "\n")
	return b.String()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update")
	// As strings: an empty output may be nil, an empty file is not.
	assert.Equal(t, string(want), string(got), "%s differs from the golden file; run go test -update and review the diff", path)
}

// want describes the fields one list entry must yield.
type want struct {
	typ        string
	authors    []bib.Name
	vars       map[string]string
	issued     bib.DateParts
	locators   []Locator
	target     int // -1 unless a repeat
	work       string
	confidence map[string]string
}

func p(family, given string) bib.Name { return bib.Name{Family: family, Given: given} }

func checkRefs(t *testing.T, refs []Reference, wants []want) {
	t.Helper()
	var list []Reference
	for _, r := range refs {
		if r.Kind == ListEntry || r.Kind == Comment {
			list = append(list, r)
		}
	}
	if len(list) != len(wants) {
		for _, r := range list {
			t.Log(listing(r))
		}
	}
	require.Equal(t, len(wants), len(list), "list entries")
	for i, w := range wants {
		r := list[i]
		it := r.Item
		assert.Equal(t, w.typ, it.Type, "entry %d: type", i)
		assert.True(t, slices.EqualFunc(it.Names["author"], w.authors, bib.Name.Equal),
			"entry %d: authors %+v, want %+v", i, it.Names["author"], w.authors)
		for k, v := range w.vars {
			assert.Equal(t, v, it.Get(k), "entry %d: %s", i, k)
		}
		assert.Equal(t, w.issued, it.Dates["issued"].From, "entry %d: issued", i)
		// slices.Equal: no locators may be nil or empty.
		assert.True(t, slices.Equal(r.Locators, w.locators), "entry %d: locators %v, want %v", i, r.Locators, w.locators)
		assert.Equal(t, w.target, r.Target, "entry %d: target", i)
		assert.Equal(t, w.work, r.Work, "entry %d: work (%s)", i, r.Reason)
		for k, v := range w.confidence {
			assert.Equal(t, v, works.FieldConfidence(it, k), "entry %d: confidence of %s", i, k)
		}
	}
}

func extractLinked(t *testing.T, name string) []Reference {
	refs, diags := Extract(name, readSeed(t, name))
	require.False(t, diags.HasErrors(), "%v", diags)
	Link(refs, works.Items())
	return refs
}

func TestSeed001Resources(t *testing.T) {
	refs := extractLinked(t, "001_5a60d35f54bdcc58.txt")
	jafari := want{
		typ: "interview", authors: []bib.Name{p("Jafari", "Mohammad Mehdi")},
		vars:     map[string]string{"title": "MKO from inside", "publisher": "Negah-e Emrooz"},
		issued:   bib.DateParts{Year: 2002},
		locators: []Locator{{"page", "48"}}, target: -1, work: "jafari2002mkofrominside",
		confidence: map[string]string{"author": "high", "interviewer": "high", "title": "medium"},
	}
	ibid := jafari
	ibid.locators, ibid.target = []Locator{{"page", "78"}}, 0
	singleton := want{
		typ: "book", authors: []bib.Name{p("Singleton", "Anne")},
		vars:   map[string]string{"title": "Saddam’s private army", "publisher": "Iran-Interlink"},
		issued: bib.DateParts{Year: 2003}, target: -1, work: "singleton2003saddam",
	}
	jafari4 := jafari
	jafari4.vars = map[string]string{"title": "MKO from inside", "publisher": "Negah-e Emrouz"}
	jafari4.locators = []Locator{{"page", "84"}}
	checkRefs(t, refs, []want{jafari, ibid, singleton, jafari4, singleton})
	if iv := refs[0].Item.Names["interviewer"]; assert.Len(t, iv, 1, "interviewer") {
		assert.True(t, iv[0].Equal(p("Yahosseini", "Seyed Qasem")), "interviewer = %+v", iv)
	}
	assert.Equal(t, "Resources", refs[0].Section, "first entry's section")
	assert.Equal(t, "1", refs[0].Label, "first entry's label")
	assert.Equal(t, 71, refs[0].Pos.Line, "first entry at %v", refs[0].Pos)
	assert.Equal(t, 4, refs[0].Pos.Col, "first entry at %v", refs[0].Pos)

	bibl := Bibliography(refs, Options{})
	var ids []string
	for _, it := range bibl {
		ids = append(ids, it.ID)
	}
	// Entries 1, 2 (ibid) and 4 are one work, 3 and 5 another; then the
	// inline mentions.
	require.GreaterOrEqual(t, len(ids), 2, "bibliography ids = %v", ids)
	require.Equal(t, "jafari2002mkofrominside", ids[0], "bibliography ids = %v", ids)
	require.Equal(t, "singleton2003saddam", ids[1], "bibliography ids = %v", ids)
	cites, err := CitationsOf(bibl[0])
	require.NoError(t, err)
	id, why := KnownWork(bibl[0])
	assert.Equal(t, "jafari2002mkofrominside", id, "known work (%s)", why)
	assert.NotEmpty(t, why, "known work %q has no reason", id)
	if assert.Len(t, cites, 3, "citations of jafari") {
		assert.Equal(t, "ibid, p.78.", cites[1].Text, "citations of jafari = %+v", cites)
		assert.Equal(t, []Locator{{"page", "78"}}, cites[1].Locators, "citations of jafari = %+v", cites)
	}
}

func TestSeed003Appendix(t *testing.T) {
	refs := extractLinked(t, "003_cac9b96cea816975.txt")
	koushki := want{
		typ: "book", authors: []bib.Name{p("Koushki", "Mohammad Sadegh")},
		vars: map[string]string{"title": "Assassins", "publisher-place": "Tehran",
			"publisher": "Islamic Revolutionary Guards Documentation Center"},
		issued: bib.DateParts{Year: 2008}, locators: []Locator{{"page", "403–331"}}, target: -1,
		work: "koushki2008assassins",
	}
	previous := koushki
	previous.locators, previous.target = []Locator{{"page", "220"}}, 0
	checkRefs(t, refs, []want{
		koushki, previous,
		{typ: "book", authors: []bib.Name{{Literal: "Mujahedin Khalgh Organization"}},
			vars:     map[string]string{"title": "The advent to the end (1965-2005)", "note": "A summary of the Three-volume"},
			locators: []Locator{{"page", "277"}}, target: -1},
		{typ: "interview", authors: []bib.Name{{Literal: "Ayatollah Mahdavi"}},
			vars:   map[string]string{"title": "Interview with Ayatollah Mahdavi", "publisher": "Qavamin Publication"},
			issued: bib.DateParts{Year: 1991, Month: 6}, target: -1, work: "mahdavi1991qavamin"},
		{typ: "book", vars: map[string]string{"title": "From start to the end", "publisher": "Revolutionary Guards War Research Center"},
			locators: []Locator{{"chapter", "8"}, {"page", "164"}}, target: -1, work: "irgc_start_to_end"},
	})
}

func TestSeed004Sources(t *testing.T) {
	refs := extractLinked(t, "004_e997d5a0a984bfbc.txt")
	var list []Reference
	for _, r := range refs {
		if r.Kind != Inline {
			list = append(list, r)
		}
	}
	require.Len(t, list, 5, "Sources entries")
	require.Equal(t, Comment, list[0].Kind, "first Sources entry")
	require.Equal(t, "[1]", list[0].Label, "first Sources entry")
	checkRefs(t, refs, []want{
		{typ: "document", target: -1},
		{typ: "report", authors: []bib.Name{{Literal: "US State Department"}},
			vars:     map[string]string{"title": "Patterns of Global Terrorism 2002", "medium": "PDF"},
			locators: []Locator{{"page", "115"}}, target: -1, work: "usdos2003patterns2002"},
		{typ: "webpage", vars: map[string]string{"container-title": "Globalsecurity.org"}, target: -1},
		{typ: "article-newspaper", vars: map[string]string{"title": "Why the US granted ‘protected’ status to Iranian terrorists",
			"container-title": "The Christian Science Monitor"}, issued: bib.DateParts{Year: 2004, Month: 7, Day: 29},
			target: -1, work: "peterson2004csm"},
		{typ: "article-newspaper", vars: map[string]string{"container-title": "New York Times"},
			issued: bib.DateParts{Year: 2003, Month: 7, Day: 20}, target: -1, work: "nyt2003jul20"},
	})
}

// TestInlineMentions checks the mentions in running text the issue names.
func TestInlineMentions(t *testing.T) {
	tests := []struct {
		seed, text, work string
	}{
		{"002_4789f7baef50928f.txt", "a 2009 Rand report", "rand2009mek"},
		{"002_4789f7baef50928f.txt", "a Human Rights Watch report", "hrw2005noexit"},
		{"001_5a60d35f54bdcc58.txt", "in Human Rights Watch report", "hrw2005noexit"},
		{"000_5778fab24c47c48e.txt", "report, “No Exit: Human Rights Abuses Inside the MKO Camps,”", "hrw2005noexit"},
		{"000_5778fab24c47c48e.txt", "book of Mr. Mas’oud Banisadr: “Memoirs of an Iranian Rebel”", "banisadr2004masoud"},
		{"004_e997d5a0a984bfbc.txt", "a State Department report on 1994", "usdos1994pmoi"},
		{"002_4789f7baef50928f.txt", "Arron Merat, The Guardian, London, 09 november 2018", "merat2018guardian"},
		{"002_4789f7baef50928f.txt", "Lets create another Vietnam for America(pdf). ( Mujahedin-e-Khalq MEK MKO English language paper April 1980)", "mek1980vietnam"},
		{"002_4789f7baef50928f.txt", "Letter to Imam (Khomeini) (pdf). (\u00a0Mujahedin-e-Khalq MEK MKO\u00a0 English Language paper April 1980)", "mek1980letterimam"},
		{"002_4789f7baef50928f.txt", "Some questions unanswered regarding the US military invasion of Iran (pdf). ( Mujahedin-e-Khalq MEK MKO English Language paper June 1980)", "mek1980questions"},
		{"002_4789f7baef50928f.txt", "Ervand Abrahamian, a professor at the City University of New York and author of the definitive academic work on the group’s history, The Iranian Mojahedin.", "abrahamian1989mojahedin"},
	}
	for _, tt := range tests {
		refs := extractLinked(t, tt.seed)
		i := slices.IndexFunc(refs, func(r Reference) bool { return r.Kind == Inline && r.Text == tt.text })
		if !assert.GreaterOrEqual(t, i, 0, "%s: mention %q not found", tt.seed, tt.text) {
			continue
		}
		assert.Equal(t, tt.work, refs[i].Work, "%s: %q linked to", tt.seed, tt.text)
	}
	refs := extractLinked(t, "002_4789f7baef50928f.txt")
	i := slices.IndexFunc(refs, func(r Reference) bool { return r.Text == "a 2009 Rand report" })
	it := refs[i].Item
	assert.Equal(t, "report", it.Type, "a 2009 Rand report = %+v", it)
	assert.Equal(t, 2009, it.Dates["issued"].From.Year, "a 2009 Rand report = %+v", it)
	assert.Equal(t, "Rand", it.Names["author"][0].Literal, "a 2009 Rand report = %+v", it)
	i = slices.IndexFunc(refs, func(r Reference) bool { return r.Item.Get("title") == "Lets create another Vietnam for America" })
	it = refs[i].Item
	assert.Equal(t, "English language paper", it.Get("genre"), "PDF document = %+v", it)
	assert.Equal(t, "PDF", it.Get("medium"), "PDF document = %+v", it)
	assert.Equal(t, bib.DateParts{Year: 1980, Month: 4}, it.Dates["issued"].From, "PDF document = %+v", it)
	assert.Equal(t, "Mujahedin-e-Khalq", it.Names["author"][0].Literal, "PDF document = %+v", it)
	i = slices.IndexFunc(refs, func(r Reference) bool { return r.Item.Get("container-title") == "The Guardian" })
	it = refs[i].Item
	assert.True(t, strings.HasPrefix(it.Get("title"), "Terrorists, cultists"), "byline = %+v", it)
	assert.Equal(t, "London", it.Get("publisher-place"), "byline = %+v", it)
}

// TestNotesArticle checks an article in Chicago note style with a
// bulleted bibliography: ibid and op. cit. resolve, and the bibliography
// merges notes, list entries and an inline mention of the same work.
func TestNotesArticle(t *testing.T) {
	src, err := os.ReadFile("testdata/notes_article.txt")
	require.NoError(t, err)
	refs, _ := Extract("notes_article.txt", src)
	Link(refs, works.Items())
	byLabel := map[string]Reference{}
	for _, r := range refs {
		if r.Label != "" {
			byLabel[r.Label] = r
		}
	}
	r := byLabel["[2]"]
	assert.Equal(t, 0, r.Target, "[2] Ibid.: target")
	assert.Equal(t, []Locator{{"page", "251–253"}}, r.Locators, "[2] Ibid.: locators")
	r = byLabel["[4]"]
	assert.Equal(t, 0, r.Target, "[4] op. cit.: target")
	assert.Equal(t, "abrahamian1989mojahedin", r.Work, "[4] op. cit.: work")
	items := Bibliography(refs, Options{})
	count := map[string]int{}
	for _, it := range items {
		c, _ := CitationsOf(it)
		count[it.ID] = len(c)
	}
	want := map[string]int{"abrahamian1989mojahedin": 4, "clark2014irans": 2, "merat2018guardian": 1, "piazza1994democratic": 1, "us2012country": 1, "state2011": 1}
	assert.Equal(t, want, count, "citations per work")
}

// TestWrappedArticle checks hard-wrapped entries (hanging indent under
// "References:", continuation lines of numbered notes), a list that starts
// on its heading's line ("Notes: 1. ...") and author-date citations
// wrapped over two lines.
func TestWrappedArticle(t *testing.T) {
	src, err := os.ReadFile("testdata/wrapped_article.txt")
	require.NoError(t, err)
	refs, _ := Extract("wrapped_article.txt", src)
	Link(refs, works.Items())
	var got []string
	for _, r := range refs {
		got = append(got, fmt.Sprintf("%d:%d %s %s %d", r.Pos.Line, r.Pos.Col, r.Label, r.Work, r.Target))
	}
	want := []string{
		"7:3  rand2009mek -1",
		"10:3  hrw2005noexit -1",
		"12:3  singleton2003saddam -1",
		"14:11 1  -1",
		"15:4 2  3",
		"16:4 3 banisadr2004masoud -1",
		// The author-date citations of the first paragraph, resolved to
		// the reference list.
		"3:46  hrw2005noexit 1",
		"4:1  rand2009mek 0",
	}
	assert.Equal(t, want, got, "references")
	it := refs[1].Item
	assert.Equal(t, "New York", it.Get("publisher-place"), "wrapped entry parsed as %+v", it.Vars)
	assert.Equal(t, "No Exit: Human Rights Abuses Inside the MKO Camps", it.Get("title"), "wrapped entry parsed as %+v", it.Vars)
	it = refs[3].Item
	assert.Equal(t, "interview", it.Type, "anonymous interview")
	assert.Empty(t, it.Names["author"], "anonymous interview")
}

// TestInlinePatterns checks mentions in running text beyond the seeds,
// and sentences that must not yield one.
func TestInlinePatterns(t *testing.T) {
	tests := []struct {
		text, mention, typ, author string
		year                       int
	}{
		{"In March report writers said the situation was calm.", "", "", "", 0},
		{"The Final report of the commission was never published.", "", "", "", 0},
		{"According to a UN report released in 2012, the camp was closed.", "a UN report released in 2012", "report", "UN", 2012},
		{"Amnesty International said in a report, “Iraq: Human rights abuses against Iranian exiles,” that the residents were at risk.",
			"report, “Iraq: Human rights abuses against Iranian exiles,”", "report", "Amnesty International", 0},
		{"Her memoir “Life in a Cult” by Batool Soltani appeared in Albania.", "“Life in a Cult” by Batool Soltani", "book", "Batool Soltani", 0},
	}
	for _, tt := range tests {
		refs, _ := Extract("x.txt", []byte(tt.text+"\n"))
		if tt.mention == "" {
			assert.Empty(t, refs, "%q: unexpected mention", tt.text)
			continue
		}
		if !assert.Len(t, refs, 1, "%q: mentions", tt.text) {
			continue
		}
		r := refs[0]
		var author string
		if a := r.Item.Names["author"]; len(a) > 0 {
			author = a[0].String()
		}
		assert.Equal(t, tt.mention, r.Text, "%q: mention", tt.text)
		assert.Equal(t, tt.typ, r.Item.Type, "%q: type", tt.text)
		assert.Equal(t, tt.author, author, "%q: author", tt.text)
		assert.Equal(t, tt.year, r.Item.Dates["issued"].From.Year, "%q: year", tt.text)
	}
}

func TestAuthorDateCites(t *testing.T) {
	tests := []struct {
		text string
		want []string // author|year|locator
	}{
		{"as shown (Abrahamian, 1989: 45).", []string{"Abrahamian|1989|45"}},
		{"(e.g., Cohen 2009; Piazza 1994, p. 12; Borger and Traynor 2005)", []string{"Cohen|2009|", "Piazza|1994|12", "Borger+Traynor|2005|"}},
		{"(Human Rights Watch 2005)", []string{"Human Rights Watch|2005|"}},
		{"(March 2005)", nil},
		{"(London, 2005)", nil},
		{"(in 1981)", nil},
		{"the attack (which killed 70 people in 1981) was", nil},
	}
	for _, tt := range tests {
		src := []byte(tt.text)
		refs := authorDateCites(line{text: tt.text}, newPositions("x", src, diag.Pos{File: "x", Line: 1, Col: 1}))
		var got []string
		for _, r := range refs {
			var who []string
			for _, n := range r.Item.Names["author"] {
				who = append(who, n.Literal+n.Family)
			}
			loc := ""
			if len(r.Locators) > 0 {
				loc = r.Locators[0].Value
			}
			got = append(got, fmt.Sprintf("%s|%d|%s", strings.Join(who, "+"), r.Item.Dates["issued"].From.Year, loc))
		}
		assert.Equal(t, tt.want, got, "%q", tt.text)
	}
}

func TestHeadings(t *testing.T) {
	tests := []struct{ doc, label, container string }{
		{"Text.\n\nSource: Reuters, 12 May 2019\n", "", "Reuters"},
		{"Text.\n\n## Works Cited\n\n- Merat, Arron. “The MEK.” The Guardian, 9 November 2018.\n", "", "The Guardian"},
		{"Text.\n\nSELECTED BIBLIOGRAPHY\n\n(1) Piazza, J. A. (1994). The Democratic Islamic Republic. Journal of Third World Studies, 11(1), 9–43.\n", "1", "Journal of Third World Studies"},
	}
	for _, tt := range tests {
		refs, _ := Extract("x.txt", []byte(tt.doc))
		if !assert.Len(t, refs, 1, "%q", tt.doc) {
			continue
		}
		assert.Equal(t, ListEntry, refs[0].Kind, "%q: kind", tt.doc)
		assert.Equal(t, tt.label, refs[0].Label, "%q: label", tt.doc)
		assert.Equal(t, tt.container, refs[0].Item.Get("container-title"), "%q: container-title", tt.doc)
	}
}
