package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// set builds a lookup of lower-case words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// orgWords mark a corporate name: a publisher, an agency, an NGO.
var orgWords = set("organization", "organisation", "department", "ministry", "center", "centre",
	"institute", "institution", "university", "college", "foundation", "society", "council",
	"committee", "committees", "agency", "corporation", "corp", "office", "commission", "watch",
	"association", "bureau", "service", "network", "international", "nations", "parliament",
	"congress", "senate", "government", "court", "library", "museum", "press", "publication",
	"publications", "publisher", "publishers", "publishing", "books", "house", "inc", "ltd",
	"company", "group", "board", "unit", "division", "coalition", "alliance", "party", "union")

// periodicalWords mark the name of a newspaper, magazine or journal, with
// the CSL type of an article in it.
var periodicalWords = map[string]string{
	"times": "article-newspaper", "monitor": "article-newspaper", "post": "article-newspaper",
	"guardian": "article-newspaper", "herald": "article-newspaper", "tribune": "article-newspaper",
	"gazette": "article-newspaper", "daily": "article-newspaper", "telegraph": "article-newspaper",
	"independent": "article-newspaper", "observer": "article-newspaper", "chronicle": "article-newspaper",
	"news": "article-newspaper", "express": "article-newspaper", "standard": "article-newspaper",
	"mail": "article-newspaper", "globe": "article-newspaper", "star": "article-newspaper",
	"le monde": "article-newspaper", "haaretz": "article-newspaper", "reuters": "article-newspaper",
	"bbc": "article-newspaper", "cnn": "article-newspaper", "voa": "article-newspaper",
	"irna": "article-newspaper", "afp": "article-newspaper", "radio": "article-newspaper",
	"television": "article-newspaper", "jazeera": "article-newspaper",
	"journal": "article-journal", "quarterly": "article-journal", "review": "article-journal",
	"bulletin": "article-journal", "studies": "article-journal", "proceedings": "article-journal",
	"magazine": "article-magazine", "weekly": "article-magazine", "economist": "article-magazine",
	"newsweek": "article-magazine", "time": "article-magazine",
}

// cities are common places of publication, so that "Tehran" or "New
// Haven" in a reference is read as publisher-place.
var cities = set("tehran", "london", "paris", "new york", "washington", "washington, dc",
	"washington dc", "oxford", "cambridge", "new haven", "berkeley", "boston", "chicago",
	"los angeles", "princeton", "baghdad", "tirana", "berlin", "geneva", "stockholm", "toronto",
	"qom", "mashhad", "isfahan", "shiraz", "tabriz", "beirut", "cairo", "dubai", "istanbul",
	"ankara", "amsterdam", "brussels", "vienna", "rome", "madrid", "leiden", "santa monica",
	"stanford", "syracuse", "austin", "basingstoke", "abingdon", "new delhi", "karachi",
	"lahore", "kabul", "frankfurt", "munich", "hamburg", "zurich", "the hague", "ottawa",
	"sydney", "melbourne", "london and new york", "new york and london")

// honorifics are dropped from personal names.
var honorifics = set("dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.",
	"professor", "sir", "dame", "lord", "lady", "general", "gen.", "col.", "colonel")

// religiousTitles stay with the name; with a single other word the whole
// is kept as a literal name ("Ayatollah Mahdavi"), as there is no given
// name to tell the family name from.
var religiousTitles = set("ayatollah", "ayatullah", "grand", "imam", "sheikh", "shaykh",
	"hojatoleslam", "hojjatoleslam", "hojjat-ol-eslam", "mullah", "mawlana", "maulana")

// smallWords may start lower case inside a Title Case name or title.
var smallWords = set("a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "de",
	"la", "le", "du", "des", "al", "el", "e", "van", "von", "der", "den", "bin", "ibn", "da", "di")

func lowerWords(s string) []string {
	return strings.Fields(strings.ToLower(s))
}

// hasWord reports whether any word of s (hyphen-separated parts too) is in m.
func hasWord(s string, m map[string]bool) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == ',' || r == '.' || r == '(' || r == ')'
	}) {
		if m[w] {
			return true
		}
	}
	return false
}

func upperFirst(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// titleCase reports whether s is written as a name: every word capitalized
// except small words, no digits-only words, at most max words.
func titleCase(s string, max int) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > max || !upperFirst(words[0]) {
		return false
	}
	for _, w := range words {
		if !upperFirst(w) && !smallWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// periodicalType returns the article type for a periodical name, or "".
func periodicalType(s string) string {
	if !titleCase(s, 6) {
		return ""
	}
	ws := lowerWords(s)
	if t, ok := periodicalWords[strings.Join(ws, " ")]; ok {
		return t
	}
	for _, w := range ws {
		if t, ok := periodicalWords[strings.Trim(w, ".,")]; ok && w != "time" {
			return t
		}
	}
	return ""
}

func isCity(s string) bool { return cities[strings.ToLower(strings.TrimSpace(s))] }

func isOrg(s string) bool { return titleCase(s, 8) && hasWord(s, orgWords) }
