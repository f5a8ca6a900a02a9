package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/works"
)

const capWords = `(?:[\p{Lu}][\p{L}’'&.-]*\s+){1,5}`

var (
	// "a 2009 Rand report", "a Human Rights Watch report", "a State
	// Department report on 1994", "in Human Rights Watch report".
	orgReportRE = regexp.MustCompile(`\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Oo]ne|[Ss]ame|[Ii]n|[Aa]nother)\s+(?:(1[89]\d\d|20\d\d)\s+)?(` + capWords + `)(report|study|survey|briefing|white paper)\b(?:\s+(?:on|of|in|from|(?:released|published|issued)\s+in)\s+(1[89]\d\d|20\d\d)\b)?`)
	// `report, “No Exit: ...,”`, `the book “Title”`.
	quotedWorkRE = regexp.MustCompile(`\b(report|book|study|article|paper|documentary|memoirs?|novel|essay)\b[^“"\n.]{0,40}?[,:]?\s*[“"]([^”"]{3,200}?)[,.]?[”"]`)
	// `“Title” by Firstname Lastname`.
	titleByRE = regexp.MustCompile(`[“"]([^”"]{3,200}?)[,.]?[”"],?\s+by\s+((?:[\p{Lu}][\p{L}’'.-]+\s?){2,4})`)
	// `the book of Mr. Mas’oud Banisadr: “Memoirs of an Iranian Rebel”`.
	bookOfRE = regexp.MustCompile(`\b(book|memoirs?|novel|study|article)\s+(?:of|by)\s+((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:[\p{Lu}][\p{L}’'.-]+\s?){1,4}):?\s*[“"‘]([^”"’]{3,200}?)[,.]?[”"’]`)
	// `an article by Mahan Abedin, first published in The Asia Times with
	// the title: ‘Iranian Exile Group Strikes Back’`.
	articleByRE = regexp.MustCompile(`\b(article|essay|column|op-ed|piece)\s+by\s+((?:[\p{Lu}][\p{L}’'.-]+\s?){2,4}),?[^.“"‘]{0,40}?\bin\s+((?:[Tt]he\s+)?` + capWords + `)[^.“"‘]{0,40}?[“"‘]([^”"’]{3,200}?)[,.]?[”"’]`)
	// `Ervand Abrahamian, a professor at ... and author of the definitive
	// academic work on the group’s history, The Iranian Mojahedin.`
	authorOfRE = regexp.MustCompile(`((?:[\p{Lu}][\p{L}’'-]+\s){1,3}[\p{Lu}][\p{L}’'-]+),[^.;“”"]{0,150}?\bauthor of\b(?:[^,.;“”"]{0,100},)?\s+((?:The\s+|A\s+|An\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+(?:[\p{Lu}][\p{L}’'-]*|of|the|and|in|on|for)){0,8})[.,;]`)
	// `Human Rights Watch said in a report`.
	saidRE = regexp.MustCompile(`((?:[\p{Lu}][\p{L}’'&-]*\s+){1,5})(?:said|says|reported|published|released|issued)\b`)
)

// inlineMentions finds works mentioned in one line of running text.
func inlineMentions(l line, lines *positions) []Reference {
	var out []Reference
	add := func(start int, text string, it bib.Item, conf map[string]string) {
		for k, v := range conf {
			_ = works.SetFieldProvenance(&it, k, v)
		}
		out = append(out, Reference{
			Parsed: Parsed{Item: it}, Text: strings.TrimSpace(text), Pos: lines.Pos(l.offset + start), Kind: Inline, Target: -1,
		})
	}
	s := l.text
	// Cheap keyword tests skip the regular expressions on most lines.
	lower := strings.ToLower(s)
	hasQuote := strings.ContainsAny(s, "“\"‘")
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(lower, w) {
				return true
			}
		}
		return false
	}
	covered := func(start, end int) bool {
		for _, r := range out {
			rs := r.Pos.Offset - l.offset
			if start < rs+len(r.Text) && rs < end {
				return true
			}
		}
		return false
	}
	for _, m := range matches(authorOfRE, s, has("author of")) {
		if !nameLike(s[m[2]:m[3]]) {
			continue
		}
		it := bib.Item{Type: "book"}
		it.Set("title", s[m[4]:m[5]])
		it.SetNames("author", []bib.Name{parsePerson(s[m[2]:m[3]])})
		add(m[0], s[m[0]:m[1]], it, map[string]string{"title": works.Medium, "author": works.Medium, "type": works.Low})
	}
	if !hasQuote && !has("report", "study", "survey", "briefing", "white paper") {
		return out
	}
	for _, m := range matches(articleByRE, s, hasQuote && has(" by ")) {
		it := bib.Item{Type: periodicalTypeOr(s[m[6]:m[7]], "article-newspaper")}
		it.Set("title", strings.TrimSpace(s[m[8]:m[9]]))
		it.Set("container-title", strings.TrimSpace(s[m[6]:m[7]]))
		it.SetNames("author", []bib.Name{parsePerson(strings.TrimSpace(s[m[4]:m[5]]))})
		add(m[0], s[m[0]:m[1]], it, map[string]string{"title": works.Medium, "container-title": works.Medium, "author": works.Medium, "type": works.Low})
	}
	for _, m := range matches(bookOfRE, s, hasQuote && has(" of ", " by ")) {
		if covered(m[0], m[1]) {
			continue
		}
		it := bib.Item{Type: workType(s[m[2]:m[3]])}
		it.Set("title", strings.TrimSpace(s[m[6]:m[7]]))
		it.SetNames("author", []bib.Name{parsePerson(strings.TrimSpace(s[m[4]:m[5]]))})
		add(m[0], s[m[0]:m[1]], it, map[string]string{"title": works.Medium, "author": works.Medium, "type": works.Low})
	}
	for _, m := range matches(titleByRE, s, hasQuote && has(" by ")) {
		if covered(m[0], m[1]) {
			continue
		}
		it := bib.Item{Type: "book"}
		it.Set("title", strings.TrimSpace(s[m[2]:m[3]]))
		it.SetNames("author", parsePeople(strings.TrimSpace(s[m[4]:m[5]])))
		add(m[0], s[m[0]:m[1]], it, map[string]string{"title": works.Medium, "author": works.Medium, "type": works.Low})
	}
	for _, m := range matches(quotedWorkRE, s, hasQuote) {
		if covered(m[0], m[1]) {
			continue
		}
		it := bib.Item{Type: workType(s[m[2]:m[3]])}
		it.Set("title", strings.TrimSpace(s[m[4]:m[5]]))
		conf := map[string]string{"title": works.Medium, "type": works.Medium}
		// The issuer is often named just before: "Human Rights Watch said
		// in a report ... The 28-page report, “No Exit”".
		if org := issuerJustBefore(tail(s[:m[0]], 200)); org != "" {
			// "the Human Rights Watch report “No Exit”"
			it.SetNames("author", []bib.Name{{Literal: org}})
			conf["author"] = works.Medium
		} else if org := issuerBefore(tail(s[:m[0]], issuerWindow)); org != "" {
			it.SetNames("author", []bib.Name{{Literal: org}})
			conf["author"] = works.Low
		}
		add(m[0], s[m[0]:m[1]], it, conf)
	}
	for _, m := range matches(orgReportRE, s, has("report", "study", "survey", "briefing", "white paper")) {
		if covered(m[0], m[1]) {
			continue
		}
		org := strings.TrimSpace(s[m[4]:m[5]])
		if isSentenceWord(org) || notIssuer(org) {
			continue
		}
		it := bib.Item{Type: workType(s[m[6]:m[7]])}
		it.SetNames("author", []bib.Name{{Literal: org}})
		conf := map[string]string{"author": works.Low, "type": works.Medium}
		year := ""
		if m[2] >= 0 {
			year = s[m[2]:m[3]]
		} else if m[8] >= 0 {
			year = s[m[8]:m[9]]
		}
		if y, err := strconv.Atoi(year); err == nil {
			it.SetDate("issued", bib.Date{From: bib.DateParts{Year: y}})
			conf["issued"] = works.Medium
		}
		add(m[0], s[m[0]:m[1]], it, conf)
	}
	return out
}

func matches(re *regexp.Regexp, s string, worth bool) [][]int {
	if !worth {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// issuerWindow is how far before a quoted title the issuer is looked
// for: a paragraph or two, so that the search stays linear in the text.
const issuerWindow = 2000

// tail returns the last n bytes of s or a little less, starting on a
// character.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// issuerBefore returns the last organization said to have issued
// something in s ("Human Rights Watch said").
func issuerBefore(s string) string {
	ms := saidRE.FindAllStringSubmatch(s, -1)
	for i := len(ms) - 1; i >= 0; i-- {
		org := strings.TrimSpace(ms[i][1])
		if !isSentenceWord(org) && len(strings.Fields(org)) >= 2 {
			return org
		}
	}
	return ""
}

var capsBeforeRE = regexp.MustCompile(`((?:[\p{Lu}][\p{L}’'&.-]*\s+){1,5})$`)

// issuerJustBefore returns the capitalized name right before a work word:
// "the Human Rights Watch " before "report".
func issuerJustBefore(s string) string {
	m := capsBeforeRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	words := strings.Fields(m[1])
	for len(words) > 0 && isSentenceWord(words[0]) {
		words = words[1:]
	}
	org := strings.Join(words, " ")
	if org == "" || notIssuer(org) {
		return ""
	}
	return org
}

// isSentenceWord rejects capitalized words that only start a sentence or
// are pronouns ("The", "This", "It").
func isSentenceWord(s string) bool {
	switch strings.ToLower(s) {
	case "the", "this", "that", "it", "a", "an", "he", "she", "they", "we", "i", "its", "their", "his", "her":
		return true
	}
	return false
}

// notIssuer rejects capitalized words before "report" that say when or
// which, not who: "In March report", "The Final report".
func notIssuer(org string) bool {
	w := strings.ToLower(strings.Fields(org)[0])
	if _, ok := months[strings.TrimSuffix(w, ".")]; ok {
		return true
	}
	switch w {
	case "final", "annual", "new", "latest", "first", "second", "third", "last", "previous", "special",
		"interim", "official", "secret", "full", "original", "same", "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday", "sunday":
		return len(strings.Fields(org)) == 1
	}
	return false
}

func workType(word string) string {
	switch strings.ToLower(word) {
	case "report", "study", "survey", "briefing", "white paper":
		return "report"
	case "book", "memoir", "memoirs", "novel":
		return "book"
	case "article", "essay":
		return "article"
	case "documentary":
		return "motion_picture"
	}
	return "document"
}

func periodicalTypeOr(s, def string) string {
	if t := periodicalType(strings.TrimSpace(s)); t != "" {
		return t
	}
	return def
}
