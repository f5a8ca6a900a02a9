package extract

import (
	"slices"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
)

// TestParseReferenceStyles covers citation orders beyond the seeds: MLA,
// APA, Chicago notes and bibliography, IEEE, newspapers and chapters.
func TestParseReferenceStyles(t *testing.T) {
	tests := []struct {
		in       string
		typ      string
		authors  []bib.Name
		vars     map[string]string
		issued   bib.DateParts
		locators []Locator
	}{
		{
			in:  "Abrahamian, Ervand. The Iranian Mojahedin. New Haven: Yale University Press, 1989.",
			typ: "book", authors: []bib.Name{p("Abrahamian", "Ervand")},
			vars:   map[string]string{"title": "The Iranian Mojahedin", "publisher": "Yale University Press", "publisher-place": "New Haven"},
			issued: bib.DateParts{Year: 1989},
		},
		{
			in:  "Singleton, A. (2003). Saddam's private army. London: Iran-Interlink.",
			typ: "book", authors: []bib.Name{p("Singleton", "A.")},
			vars:   map[string]string{"title": "Saddam's private army", "publisher": "Iran-Interlink", "publisher-place": "London"},
			issued: bib.DateParts{Year: 2003},
		},
		{
			in:  "Goulka, Jeremiah, Lydia Hansell, Elizabeth Wilke, and Judith Larson. The Mujahedin-e Khalq in Iraq: A Policy Conundrum. Santa Monica, CA: RAND Corporation, 2009.",
			typ: "book", authors: []bib.Name{p("Goulka", "Jeremiah"), p("Hansell", "Lydia"), p("Wilke", "Elizabeth"), p("Larson", "Judith")},
			vars:   map[string]string{"title": "The Mujahedin-e Khalq in Iraq: A Policy Conundrum", "publisher": "RAND Corporation", "publisher-place": "Santa Monica, CA"},
			issued: bib.DateParts{Year: 2009},
		},
		{
			in:  "Merat, Arron. “Terrorists, cultists – or champions of Iranian democracy? The wild wild story of the MEK.” The Guardian, 9 November 2018.",
			typ: "article-newspaper", authors: []bib.Name{p("Merat", "Arron")},
			vars:   map[string]string{"title": "Terrorists, cultists – or champions of Iranian democracy? The wild wild story of the MEK", "container-title": "The Guardian"},
			issued: bib.DateParts{Year: 2018, Month: 11, Day: 9},
		},
		{
			in:  "Abrahamian, Ervand. “The Guerrilla Movement in Iran, 1963–1977.” MERIP Reports, no. 86 (1980): 3–15.",
			typ: "article-journal", authors: []bib.Name{p("Abrahamian", "Ervand")},
			vars:   map[string]string{"title": "The Guerrilla Movement in Iran, 1963–1977", "container-title": "MERIP Reports", "issue": "86", "page": "3–15"},
			issued: bib.DateParts{Year: 1980},
		},
		{
			in:  "Piazza, J. A. (1994). The Democratic Islamic Republic of Iran in Exile. Journal of Third World Studies, 11(1), 9–43.",
			typ: "article-journal", authors: []bib.Name{p("Piazza", "J. A.")},
			vars: map[string]string{"title": "The Democratic Islamic Republic of Iran in Exile", "container-title": "Journal of Third World Studies",
				"volume": "11", "issue": "1", "page": "9–43"},
			issued: bib.DateParts{Year: 1994},
		},
		{
			in:  "Clark, Mark Edmond. “Iran's Mojahedin-e Khalq.” Middle East Policy 21, no. 3 (2014): 45–67. https://doi.org/10.1111/mepo.12084.",
			typ: "article-journal", authors: []bib.Name{p("Clark", "Mark Edmond")},
			vars: map[string]string{"title": "Iran's Mojahedin-e Khalq", "container-title": "Middle East Policy", "volume": "21", "issue": "3",
				"page": "45–67", "DOI": "10.1111/mepo.12084"},
			issued: bib.DateParts{Year: 2014},
		},
		{
			in:  "Katzman, K. (2001). Iran: The People's Mojahedin Organization of Iran. In A. Smith (Ed.), Terrorism Issues (pp. 97–110). New York: Nova Science.",
			typ: "chapter", authors: []bib.Name{p("Katzman", "K.")},
			vars: map[string]string{"title": "Iran: The People's Mojahedin Organization of Iran", "container-title": "Terrorism Issues",
				"page": "97–110", "publisher": "Nova Science", "publisher-place": "New York"},
			issued: bib.DateParts{Year: 2001},
		},
		{
			in:  "Cohen, Ronen A. The Rise and Fall of the Mojahedin Khalq, 1987–1997. Brighton: Sussex Academic Press, 2009.",
			typ: "book", authors: []bib.Name{p("Cohen", "Ronen A.")},
			vars:   map[string]string{"title": "The Rise and Fall of the Mojahedin Khalq, 1987–1997", "publisher": "Sussex Academic Press", "publisher-place": "Brighton"},
			issued: bib.DateParts{Year: 2009},
		},
		{
			in:  "Masoud Banisadr, Masoud: Memoirs of an Iranian Rebel (London: Saqi, 2004), 112.",
			typ: "book", authors: []bib.Name{p("Banisadr", "Masoud")},
			vars:   map[string]string{"title": "Masoud: Memoirs of an Iranian Rebel", "publisher": "Saqi", "publisher-place": "London"},
			issued: bib.DateParts{Year: 2004}, locators: []Locator{{"page", "112"}},
		},
		{
			in:  "M. Rajavi, “Speech on the anniversary,” Mojahed, vol. 261, pp. 2-4, 1985.",
			typ: "article-journal", authors: []bib.Name{p("Rajavi", "M.")},
			vars:   map[string]string{"title": "Speech on the anniversary", "container-title": "Mojahed", "volume": "261", "page": "2–4"},
			issued: bib.DateParts{Year: 1985},
		},
		{
			in:  "“Iran executes MEK members,” BBC News, 12 January 2020, https://www.bbc.com/news/world-middle-east-51082211.",
			typ: "article-newspaper",
			vars: map[string]string{"title": "Iran executes MEK members", "container-title": "BBC News",
				"URL": "https://www.bbc.com/news/world-middle-east-51082211"},
			issued: bib.DateParts{Year: 2020, Month: 1, Day: 12},
		},
		{
			in:  "U.S. Department of State. Country Reports on Terrorism 2011. Washington, DC: Office of the Coordinator for Counterterrorism, 2012.",
			typ: "report", authors: []bib.Name{{Literal: "U.S. Department of State"}},
			vars:   map[string]string{"title": "Country Reports on Terrorism 2011", "publisher-place": "Washington, DC"},
			issued: bib.DateParts{Year: 2012},
		},
		{
			in:  "\"Iran: Camp Ashraf residents at risk\", Amnesty International, 2011, https://www.amnesty.org/en/documents/mde13/001/2011/en/",
			typ: "webpage",
			vars: map[string]string{"title": "Iran: Camp Ashraf residents at risk", "publisher": "Amnesty International",
				"URL": "https://www.amnesty.org/en/documents/mde13/001/2011/en/"},
			issued: bib.DateParts{Year: 2011},
		},
		{
			in:     "“Iraq: Human rights abuses against Iranian exiles”, Amnesty International, 2009.",
			typ:    "report",
			vars:   map[string]string{"title": "Iraq: Human rights abuses against Iranian exiles", "publisher": "Amnesty International"},
			issued: bib.DateParts{Year: 2009},
		},
		{
			in:     "BBC Persian, 5 May 2016.",
			typ:    "article-newspaper",
			vars:   map[string]string{"container-title": "BBC Persian"},
			issued: bib.DateParts{Year: 2016, Month: 5, Day: 5},
		},
		{
			in:  "Cohen, R. A. (2018). The Mojahedin-e Khalq versus the Islamic Republic of Iran: from war to propaganda and the war on propaganda and diplomacy. Middle Eastern Studies, 54(6), 1000-1014. doi:10.1080/00263206.2018.1478813",
			typ: "article-journal", authors: []bib.Name{p("Cohen", "R. A.")},
			vars: map[string]string{"container-title": "Middle Eastern Studies", "volume": "54", "issue": "6", "page": "1000–1014",
				"DOI": "10.1080/00263206.2018.1478813"},
			issued: bib.DateParts{Year: 2018},
		},
		{
			in:  "Banisadr, Masoud. Masoud: Memoirs of an Iranian Rebel. London: Saqi Books, 2004. ISBN 0-86356-431-1.",
			typ: "book", authors: []bib.Name{p("Banisadr", "Masoud")},
			vars:   map[string]string{"title": "Masoud: Memoirs of an Iranian Rebel", "publisher": "Saqi Books", "ISBN": "0-86356-431-1"},
			issued: bib.DateParts{Year: 2004},
		},
	}
	for _, tt := range tests {
		got := ParseReference(tt.in)
		it := got.Item
		assert.Equal(t, tt.typ, it.Type, "%s\n  type", tt.in)
		assert.True(t, slices.EqualFunc(it.Names["author"], tt.authors, bib.Name.Equal),
			"%s\n  authors %+v, want %+v", tt.in, it.Names["author"], tt.authors)
		for k, v := range tt.vars {
			assert.Equal(t, v, it.Get(k), "%s\n  %s", tt.in, k)
		}
		assert.Equal(t, tt.issued, it.Dates["issued"].From, "%s\n  issued", tt.in)
		// slices.Equal: no locators may be nil or empty.
		assert.True(t, slices.Equal(got.Locators, tt.locators), "%s\n  locators %v, want %v", tt.in, got.Locators, tt.locators)
	}
}

func TestParseRepeats(t *testing.T) {
	tests := []struct {
		in, author string
		locators   []Locator
	}{
		{"ibid, p.78.", "", []Locator{{"page", "78"}}},
		{"Ibid.", "", nil},
		{"Ibidem, pp. 12-14.", "", []Locator{{"page", "12–14"}}},
		{"Id. at 14.", "", []Locator{{"page", "14"}}},
		{"op. cit., 45", "", []Locator{{"page", "45"}}},
		{"Abrahamian, op. cit., p. 45.", "Abrahamian", []Locator{{"page", "45"}}},
		{"Mohammad Sadegh Koushki, previous, p. 220", "Mohammad Sadegh Koushki", []Locator{{"page", "220"}}},
	}
	for _, tt := range tests {
		got := ParseReference(tt.in)
		assert.True(t, got.Repeat, "%q: not a repeat", tt.in)
		assert.Equal(t, tt.author, got.RepeatAuthor, "%q: author", tt.in)
		assert.True(t, slices.Equal(got.Locators, tt.locators), "%q: locators %v, want %v", tt.in, got.Locators, tt.locators)
	}
	assert.False(t, ParseReference("Identity politics in exile, 2001.").Repeat, `"Identity ..." read as "Id."`)
}
