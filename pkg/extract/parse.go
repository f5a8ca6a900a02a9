package extract

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/extract/refparse"
	"github.com/manba/manba/pkg/works"
)

// Locator is a pinpoint in a cited work: "page" "48", "chapter" "8".
type Locator struct {
	Label string `json:"label"` // a CSL locator term: page, chapter, volume, paragraph, section
	Value string `json:"locator"`
}

// Parsed is one free-text reference read into CSL fields.
type Parsed struct {
	// Item holds the fields read, with the confidence of each in its custom
	// data (works.FieldConfidence reads it).
	Item bib.Item
	// Locators are the pinpoints the reference cites, in text order; they
	// belong to the citation, not to the work.
	Locators []Locator
	// Repeat is set for "ibid", "id.", "op. cit." and "previous": the
	// reference repeats an earlier one (the previous one, or the last by
	// RepeatAuthor when that is set).
	Repeat       bool
	RepeatAuthor string
}

var (
	spaces = regexp.MustCompile(`\s+`)
	// repeatRE: "ibid, p.78.", "Ibid.", "Id. at 5", "op. cit., p. 3".
	repeatRE = regexp.MustCompile(`(?i)^(?:ibid(?:em)?|id|op\.?\s*cit|loc\.?\s*cit|same)\b\.?,?\s*(.*)$`)
	// authorRepeatRE: "Mohammad Sadegh Koushki, previous, p. 220", "Abrahamian, op. cit., 45".
	authorRepeatRE = regexp.MustCompile(`(?i)^(.{2,60}?),?\s+(?:previous|op\.?\s*cit\.?|loc\.?\s*cit\.?|ibid\.?|supra|cited above|previously cited)\s*(?:[,.;]\s*(.*))?$`)
	endLocatorRE   = regexp.MustCompile(`(?i)(?:^|[,.;:]\s*|\s)(pp|p|pgs|pg|pages|page|c|ch|chap|chapter|vols?|para|paras|sec|§)\.?\s*(\d+[a-z]?(?:\s*[-–—]\s*\d+[a-z]?)?)\s*\.?\s*$`)
	midLocatorRE   = regexp.MustCompile(`(?i)(?:,\s*|\s)(pp|p|pgs|pg)\.\s*(\d+[a-z]?(?:\s*[-–—]\s*\d+[a-z]?)?)\b`)
	urlRE          = regexp.MustCompile(`https?://[^\s<>"”]+`)
	doiRE          = regexp.MustCompile(`(?i)(?:doi:?\s*)?\b(10\.\d{4,9}/[^\s,;"”]+)`)
	isbnRE         = regexp.MustCompile(`(?i)\bISBN(?:-1[03])?:?\s*([\dX][\dX -]{8,16}[\dX])`)
	domainRE       = regexp.MustCompile(`(?i)\b((?:www\.)?[a-z0-9][a-z0-9-]*\.(?:org|com|net|gov|edu|info|int|ir|co\.uk|org\.uk))\b`)
	mediumRE       = regexp.MustCompile(`(?i)\s*\((pdf|online|video|audio|e-?book|in (?:persian|farsi|arabic|english))\)`)
	quoteREs       = []*regexp.Regexp{
		regexp.MustCompile(`“([^”]+)”`),
		regexp.MustCompile(`"([^"]+)"`),
		regexp.MustCompile(`(?:^|[\s,:(])‘([^‘]+?)’(?:[\s,.;:)]|$)`),
	}
	interviewOfRE   = regexp.MustCompile(`(?i)^(.+?)[’']s\s+interview\s+(?:with|by)\s+(.+)$`)
	interviewWithRE = regexp.MustCompile(`(?i)^(?:an\s+)?interview\s+with\s+(.+)$`)
	pubSuffixRE     = regexp.MustCompile(`^(.+?)\s+(?:publications?|publishers?|publishing|press)$`)
	pubRunRE        = regexp.MustCompile(`((?:[\p{Lu}][\p{L}’'-]*\s+){1,5}(?:Publications?|Publishers?|Publishing|Press|Books))\b`)
	pubBlockRE      = regexp.MustCompile(`\(([\p{Lu}][^():]{1,40}):\s*([^()]+?)(?:,\s*((?:[^()]*?\s)?(?:1[5-9]\d\d|20\d\d)))?\)`)
	trailingPageRE  = regexp.MustCompile(`^[,.]?\s*(\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\.?\s*$`)
	parenPagesRE    = regexp.MustCompile(`\s*\(pp?\.\s*(\d+\s*[–-]\s*\d+)\)`)
	volumeRE        = regexp.MustCompile(`(?i)\bvol(?:ume)?\.?\s*(\d+)`)
	issueRE         = regexp.MustCompile(`(?i)\b(?:no|nos|iss)\.\s*(\d+)|\bissue\s+(?:no\.?\s*)?(\d+)`)
	volIssueRE      = regexp.MustCompile(`\b(\d{1,4})\s?\((\d{1,3}(?:[–-]\d{1,3})?)\)`)
	colonPagesRE    = regexp.MustCompile(`\)?:\s*(\d+[–-]\d+)\b`)
	rangeRE         = regexp.MustCompile(`^\d+\s*[–-]\s*\d+$`)
	containerVolRE  = regexp.MustCompile(`^(.+?)\s+(\d{1,4})$`)
	editorsRE       = regexp.MustCompile(`^[Ii]n\s+(.+?)\s*\((?:[Ee]ds?\.?|[Ee]ditors?)\)$|^[Ii]n\s+(.+?),?\s+(?:eds?\.|ed\.)$`)
	stateRE         = regexp.MustCompile(`^([A-Z]{2}|[A-Z][a-z]{1,4}\.):\s*(.+)$`)
	placePubRE      = regexp.MustCompile(`^([\p{Lu}][\p{L} .,]{1,40}?):\s*(.+)$`)
	volumeWordRE    = regexp.MustCompile(`(?i)\b(?:volumes?|vols?\.)|-volume\b`)
	reportWordRE    = regexp.MustCompile(`(?i)\b(?:reports?|patterns|briefing|white paper|working paper|background paper)\b`)
)

// titleMark holds the place of a quoted title among the segments.
const titleMark = "\x01"

func isYear(s string) bool {
	return len(s) == 4 && (s >= "1500" && s <= "2099")
}

// takeNumbers removes the volume, issue and article pages of a periodical
// reference ("vol. 261", "no. 3", "11(1)", "(2014): 45–67") into fields.
func takeNumbers(s string, f fields) string {
	if m := volIssueRE.FindStringSubmatchIndex(s); m != nil && !isYear(s[m[2]:m[3]]) {
		f.set("volume", s[m[2]:m[3]], works.High)
		f.set("issue", s[m[4]:m[5]], works.High)
		s = s[:m[0]] + ", " + s[m[1]:]
	}
	if m := volumeRE.FindStringSubmatchIndex(s); m != nil && f.it.Get("volume") == "" {
		f.set("volume", s[m[2]:m[3]], works.High)
		s = s[:m[0]] + ", " + s[m[1]:]
	}
	if m := issueRE.FindStringSubmatchIndex(s); m != nil && f.it.Get("issue") == "" {
		v := ""
		if m[2] >= 0 {
			v = s[m[2]:m[3]]
		} else {
			v = s[m[4]:m[5]]
		}
		f.set("issue", v, works.High)
		s = s[:m[0]] + ", " + s[m[1]:]
	}
	if m := colonPagesRE.FindStringSubmatchIndex(s); m != nil {
		f.set("page", normRange(s[m[2]:m[3]]), works.High)
		paren := ""
		if s[m[0]] == ')' {
			paren = ")"
		}
		s = s[:m[0]] + paren + ", " + s[m[1]:]
	}
	return s
}

func normRange(v string) string {
	v = strings.Join(strings.Fields(v), "")
	return strings.NewReplacer("-", "–", "—", "–").Replace(v)
}

// abbreviations end in a period that does not end a segment.
var abbreviations = set("dr", "mr", "mrs", "ms", "prof", "st", "no", "nos", "vol", "vols", "ed",
	"eds", "pp", "p", "pg", "inc", "ltd", "co", "jr", "sr", "trans", "rev", "ch", "chap", "repr",
	"etc", "ca", "c", "al", "esp", "dept", "univ", "assn", "n.d", "u.s", "u.k", "u.n", "e.g", "i.e")

// fields collects parsed values with their confidence.
type fields struct {
	it   *bib.Item
	conf map[string]string
}

func (f fields) set(name, value, conf string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	f.it.Set(name, value)
	f.conf[name] = conf
}

func (f fields) names(name string, ns []bib.Name, conf string) {
	f.it.SetNames(name, ns)
	f.conf[name] = conf
}

// ParseReference reads one free-text reference, without its list label,
// with the embedded model.
func ParseReference(text string) Parsed { return ParseReferenceWith(nil, text) }

// ParseReferenceWith reads one free-text reference with the labeller m
// (nil: the embedded model).
func ParseReferenceWith(m *refparse.Model, text string) Parsed {
	var p Parsed
	p.Item.Type = "document"
	f := fields{it: &p.Item, conf: map[string]string{}}
	s := strings.TrimSpace(spaces.ReplaceAllString(text, " "))

	if m := repeatRE.FindStringSubmatch(s); m != nil {
		p.Repeat = true
		_, p.Locators = takeLocators(m[1])
		if len(p.Locators) == 0 {
			p.Locators = bareNumber(m[1])
		}
		return p
	}
	if m := authorRepeatRE.FindStringSubmatch(s); m != nil && (nameLike(m[1]) || familyLike(m[1]) || isOrg(m[1])) {
		p.Repeat = true
		p.RepeatAuthor = strings.TrimSpace(m[1])
		_, p.Locators = takeLocators(m[2])
		if len(p.Locators) == 0 {
			p.Locators = bareNumber(m[2])
		}
		return p
	}

	for _, prefix := range []string{"See also ", "see also ", "See ", "Cf. ", "cf. "} {
		s = strings.TrimPrefix(s, prefix)
	}
	rules, rulesConf := parseRules(s)
	parseLabelled(s, m, f, &p)
	if rulesFit(s, rules, p) {
		p, f.conf = rules, rulesConf
	}
	// Provenance is JSON in the item's custom data: write it once, for
	// the reading kept.
	var fs []works.FieldProvenance
	for _, k := range slices.Sorted(maps.Keys(f.conf)) {
		fs = append(fs, works.FieldProvenance{Field: k, Confidence: f.conf[k]})
	}
	_ = works.SetProvenance(&p.Item, fs...)
	return p
}

// parseRules reads a reference with the hand-written rules for the
// layouts of web articles and notes (interviews, "(Place: Publisher,
// Year)", quoted report titles, bare domains).
func parseRules(s string) (Parsed, map[string]string) {
	text := s
	var p Parsed
	p.Item.Type = "document"
	f := fields{it: &p.Item, conf: map[string]string{}}
	s, p.Locators = takeLocators(s)

	if m := urlRE.FindString(s); m != "" {
		u := strings.TrimRight(m, ".,;)")
		if d := doiRE.FindStringSubmatch(u); d != nil && strings.Contains(u, "doi.org/") {
			f.set("DOI", strings.TrimRight(d[1], "."), works.High)
		} else {
			f.set("URL", u, works.High)
		}
		s = strings.Replace(s, u, ", ", 1)
	}
	if m := isbnRE.FindStringSubmatchIndex(s); m != nil {
		f.set("ISBN", strings.TrimSpace(s[m[2]:m[3]]), works.High)
		s = s[:m[0]] + ", " + s[m[1]:]
	}
	if m := doiRE.FindStringSubmatchIndex(s); m != nil {
		f.set("DOI", strings.TrimRight(s[m[2]:m[3]], "."), works.High)
		s = s[:m[0]] + ", " + s[m[1]:]
	}
	if m := mediumRE.FindStringSubmatchIndex(s); m != nil {
		med := s[m[2]:m[3]]
		if strings.HasPrefix(strings.ToLower(med), "in ") {
			f.set("language", languageCode(med[3:]), works.Medium)
		} else if strings.EqualFold(med, "pdf") {
			f.set("medium", "PDF", works.Medium)
		} else {
			f.set("medium", strings.ToUpper(med[:1])+med[1:], works.Medium)
		}
		s = s[:m[0]] + s[m[1]:]
	}
	titleQuoted := false
	for _, re := range quoteREs {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		t := strings.Trim(s[m[2]:m[3]], " ,.;")
		if len(strings.Fields(t)) < 2 && !standsAlone(s, m[0], m[1]) {
			continue
		}
		f.set("title", t, works.High)
		titleQuoted = true
		// Keep the title's place: authors come before it, the periodical
		// after it.
		s = s[:m[0]] + ", " + titleMark + ", " + s[m[1]:]
		break
	}
	if m := pubBlockRE.FindStringSubmatchIndex(s); m != nil {
		// Chicago notes: "Title (New York: Human Rights Watch, 2005), 12."
		f.set("publisher-place", s[m[2]:m[3]], works.High)
		f.set("publisher", s[m[4]:m[5]], works.High)
		if m[6] >= 0 {
			if d, ok := findDate(s[m[6]:m[7]]); ok {
				p.Item.SetDate("issued", d.date)
				f.conf["issued"] = works.High
			}
		}
		rest := s[m[1]:]
		if n := trailingPageRE.FindStringSubmatch(rest); n != nil && !isYear(n[1]) {
			p.Locators = append(p.Locators, locator("p", n[1]))
			rest = ""
		}
		s = s[:m[0]] + ", " + rest
	}
	if m := parenPagesRE.FindStringSubmatchIndex(s); m != nil {
		f.set("page", normRange(s[m[2]:m[3]]), works.High)
		s = s[:m[0]] + s[m[1]:]
	}
	s = takeNumbers(s, f)
	if d, ok := findDate(s); ok && p.Item.Dates["issued"].IsZero() {
		p.Item.SetDate("issued", d.date)
		f.conf["issued"] = works.High
		if d.date.From.Month == 0 {
			f.conf["issued"] = works.Medium
		}
		s = s[:d.start] + ", " + s[d.end:]
	}
	domain := ""
	if p.Item.Get("URL") == "" {
		if m := domainRE.FindStringSubmatchIndex(s); m != nil {
			domain = s[m[2]:m[3]]
			s = s[:m[0]] + ", " + s[m[1]:]
		}
	}

	segs, seps := splitSeps(s)
	var notes []string
	interview := false
	author := false
	title := titleQuoted
	afterTitle := false
	var ranges []string
	for i := 0; i < len(segs); i++ {
		seg := segs[i]
		if seg == titleMark {
			afterTitle = true
			continue
		}
		if rangeRE.MatchString(seg) {
			r := normRange(seg)
			if a, b, _ := strings.Cut(r, "–"); isYear(a) && isYear(b) && a < b {
				// A span of years ends a title: "The Rise and Fall of the
				// Mojahedin Khalq, 1987–1997".
				if t := p.Item.Get("title"); t != "" && !titleQuoted {
					p.Item.Set("title", t+", "+r)
					continue
				}
			}
			ranges = append(ranges, r)
			continue
		}
		next := ""
		if i+1 < len(segs) {
			next = segs[i+1]
		}
		more := i+1 < len(segs) // a title may still follow
		switch {
		case !author && interviewOfRE.MatchString(seg):
			m := interviewOfRE.FindStringSubmatch(seg)
			f.names("author", parsePeople(m[1]), works.High)
			f.names("interviewer", parsePeople(m[2]), works.High)
			interview, author = true, true
		case !author && !title && interviewWithRE.MatchString(seg):
			m := interviewWithRE.FindStringSubmatch(seg)
			f.set("title", seg, works.Medium)
			if who := strings.TrimSpace(m[1]); peopleLike(who) || religiousTitles[strings.ToLower(firstWord(who))] {
				f.names("author", parsePeople(who), works.Medium)
			}
			interview, author, title = true, true, true
		case i == 0 && more && familyLike(seg) && givenLike(next) && i+2 < len(segs):
			ns := []bib.Name{{Family: seg, Given: initials(next), Original: seg + ", " + next}}
			i++
			ns, i = morePeople(segs, seps, i, ns)
			f.names("author", ns, works.Medium)
			author = true
		case i == 0 && more && peopleLike(seg):
			ns, j := morePeople(segs, seps, i, parsePeople(seg))
			i = j
			f.names("author", ns, works.Medium)
			author = true
		case editorsRE.MatchString(seg) && i+1 < len(segs):
			// "In A. Smith (Ed.), Terrorism Issues": a chapter.
			m := editorsRE.FindStringSubmatch(seg)
			f.names("editor", parsePeople(m[1]+m[2]), works.Medium)
			f.set("container-title", segs[i+1], works.Medium)
			p.Item.Type = "chapter"
			i++
		case periodicalType(seg) != "" && p.Item.Get("container-title") == "":
			f.set("container-title", seg, works.Medium)
		case afterTitle && titleQuoted && p.Item.Get("container-title") == "" && containerVolRE.MatchString(seg) && titleCase(containerVolRE.FindStringSubmatch(seg)[1], 8):
			m := containerVolRE.FindStringSubmatch(seg)
			f.set("container-title", m[1], works.Medium)
			f.set("volume", m[2], works.High)
		case afterTitle && titleQuoted && p.Item.Get("container-title") == "" && titleCase(seg, 8) && !isOrg(seg) && !isCity(seg) && !nameLike(seg):
			// A quoted title is an article's or a chapter's; the name
			// after it is where it appeared.
			f.set("container-title", seg, works.Medium)
		case isCity(seg) && p.Item.Get("publisher-place") == "":
			f.set("publisher-place", seg, works.Medium)
		case title && stateRE.MatchString(seg) && p.Item.Get("publisher-place") != "" && p.Item.Get("publisher") == "":
			// "Santa Monica, CA: RAND Corporation" was split at the comma.
			m := stateRE.FindStringSubmatch(seg)
			f.set("publisher-place", p.Item.Get("publisher-place")+", "+m[1], works.High)
			f.set("publisher", m[2], works.High)
		case title && placePubRE.MatchString(seg) && placeAndPublisher(placePubRE.FindStringSubmatch(seg)):
			m := placePubRE.FindStringSubmatch(seg)
			f.set("publisher-place", m[1], works.High)
			f.set("publisher", m[2], works.High)
		case i == 0 && !author && more && isOrg(seg):
			f.names("author", []bib.Name{{Literal: seg, Original: seg}}, works.Medium)
			author = true
		case title && nameLike(seg):
			// A person named after the title (translator? compiler?): the
			// role is unknown, so keep the name as a note.
			notes = append(notes, seg)
		case title && p.Item.Get("publisher") == "" && pubSuffixRE.MatchString(seg) && !upperFirst(lastWord(seg)):
			f.set("publisher", pubSuffixRE.FindStringSubmatch(seg)[1], works.Medium)
		case title && p.Item.Get("publisher") == "" && (isOrg(seg) || titleCase(seg, 6)):
			f.set("publisher", seg, works.Medium)
		case title && p.Item.Get("publisher") == "" && pubRunRE.MatchString(seg):
			m := pubRunRE.FindStringSubmatchIndex(seg)
			f.set("publisher", seg[m[2]:m[3]], works.Low)
			rest := strings.TrimSpace(seg[:m[2]] + seg[m[3]:])
			rest = strings.TrimSuffix(strings.TrimSuffix(rest, " with"), " by")
			if rest != "" {
				notes = append(notes, rest)
			}
		case !title && upperFirst(seg):
			f.set("title", seg, works.Medium)
			title, afterTitle = true, true
		default:
			notes = append(notes, seg)
		}
	}
	// Page ranges belong to an article or chapter; elsewhere they are
	// what the citation points at.
	inPart := p.Item.Get("container-title") != "" || p.Item.Type == "chapter"
	for _, r := range ranges {
		if inPart && p.Item.Get("page") == "" {
			f.set("page", r, works.Medium)
		} else {
			p.Locators = append(p.Locators, Locator{Label: "page", Value: r})
		}
	}
	if inPart && p.Item.Get("page") == "" {
		for i, l := range p.Locators {
			if l.Label == "page" && strings.Contains(l.Value, "–") && pagesPrefix(text, l.Value) {
				f.set("page", l.Value, works.Medium)
				p.Locators = append(p.Locators[:i], p.Locators[i+1:]...)
				break
			}
		}
	}
	if domain != "" {
		if p.Item.Get("container-title") == "" {
			f.set("container-title", domain, works.Medium)
		} else {
			notes = append(notes, domain)
		}
	}
	if len(notes) > 0 {
		f.set("note", strings.Join(notes, "; "), works.Low)
	}
	if p.Item.Type == "chapter" {
		f.conf["type"] = works.Medium
	} else {
		p.Item.Type, f.conf["type"] = inferType(p.Item, interview, domain != "", titleQuoted, notes)
	}
	return p, f.conf
}

// morePeople appends the names that follow an author at segs[i] ("Goulka,
// Jeremiah, Lydia Hansell, and Judith Larson") and returns the index of the
// last segment used.
func morePeople(segs []string, seps []byte, i int, ns []bib.Name) ([]bib.Name, int) {
	// Names are listed with commas; a period ends the list.
	for i+2 < len(segs) && seps[i+1] == ',' {
		next := strings.TrimPrefix(strings.TrimPrefix(segs[i+1], "and "), "& ")
		if !peopleLike(next) {
			break
		}
		ns = append(ns, parsePeople(next)...)
		i++
	}
	return ns, i
}

func firstWord(s string) string {
	if w := strings.Fields(s); len(w) > 0 {
		return w[0]
	}
	return ""
}

func lastWord(s string) string {
	w := strings.Fields(s)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// inferType picks the CSL type from what was found, with a confidence.
func inferType(it bib.Item, interview, web, quotedTitle bool, notes []string) (string, string) {
	literalAuthor := false
	if a := it.Names["author"]; len(a) > 0 && a[0].IsLiteral() {
		literalAuthor = true
	}
	noteText := strings.Join(notes, " ")
	switch {
	case interview:
		return "interview", works.High
	case it.Get("container-title") != "" && !web:
		if t := periodicalType(it.Get("container-title")); t != "" {
			return t, works.Medium
		}
		if it.Get("volume") != "" || it.Get("issue") != "" || it.Get("page") != "" {
			return "article-journal", works.Medium
		}
		return "article", works.Low
	case web || it.Get("URL") != "" && (quotedTitle || it.Get("publisher") == "") && it.Get("ISBN") == "":
		// A quoted title is a part of something; online, a page.
		return "webpage", works.Medium
	case quotedTitle && isOrg(it.Get("publisher")):
		// A quoted title issued by an organisation: "“Iraq: Human rights
		// abuses against Iranian exiles”, Amnesty International, 2009".
		return "report", works.Medium
	case literalAuthor && reportWordRE.MatchString(it.Get("title")+" "+noteText):
		return "report", works.Medium
	case it.Get("publisher") != "" || it.Get("ISBN") != "" || volumeWordRE.MatchString(noteText):
		return "book", works.Medium
	case literalAuthor:
		return "report", works.Low
	case it.Get("title") != "":
		return "book", works.Low
	}
	return "document", works.Low
}

func languageCode(name string) string {
	switch strings.ToLower(name) {
	case "persian", "farsi":
		return "fa"
	case "arabic":
		return "ar"
	case "english":
		return "en"
	}
	return name
}

// takeLocators removes the pinpoints from the end of s ("p.48", "C 8, P.
// 164", "pp. 12–15") and one inside it ("pg. 115 for information on ..."),
// returning them in text order.
func takeLocators(s string) (string, []Locator) {
	var locs []Locator
	for {
		m := endLocatorRE.FindStringSubmatchIndex(s)
		if m == nil {
			break
		}
		locs = append([]Locator{locator(s[m[2]:m[3]], s[m[4]:m[5]])}, locs...)
		s = strings.TrimRight(s[:m[0]], " ,.;:")
	}
	if m := midLocatorRE.FindStringSubmatchIndex(s); m != nil {
		locs = append(locs, locator(s[m[2]:m[3]], s[m[4]:m[5]]))
		s = s[:m[0]] + s[m[1]:]
	}
	return s, locs
}

func locator(label, value string) Locator {
	value = strings.Join(strings.FieldsFunc(value, func(r rune) bool { return r == ' ' }), "")
	value = strings.NewReplacer("-", "–", "—", "–").Replace(value)
	l := "page"
	switch strings.ToLower(label) {
	case "c", "ch", "chap", "chapter":
		l = "chapter"
	case "vol", "vols":
		l = "volume"
	case "para", "paras":
		l = "paragraph"
	case "sec", "§":
		l = "section"
	}
	return Locator{Label: l, Value: value}
}

var bareNumRE = regexp.MustCompile(`^(?:at\s+)?(\d+(?:\s*[-–]\s*\d+)?)\.?$`)

// bareNumber reads a locator given as a bare number ("Id. at 5", "op.
// cit., 45").
func bareNumber(s string) []Locator {
	if m := bareNumRE.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		return []Locator{locator("p", m[1])}
	}
	return nil
}

// splitSegments splits a reference at ", ", "; ", " / " and at ". " when
// the period ends a sentence rather than an abbreviation or an initial.
func splitSegments(s string) []string {
	segs, _ := splitSeps(s)
	return segs
}

// splitSeps is splitSegments that also returns, for each segment, the
// separator before it (0 for the first): ',', ';', '.' or '/'.
func splitSeps(s string) ([]string, []byte) {
	var segs []string
	var seps []byte
	start := 0
	var sep byte
	emit := func(end, next int, c byte) {
		seg := strings.Trim(s[start:end], " ,.;:/")
		if seg != "" {
			segs = append(segs, seg)
			seps = append(seps, sep)
			sep = c
		} else if sep == 0 || c == '.' {
			// An empty segment keeps the stronger separator: "A. , . B".
			if len(segs) > 0 {
				sep = c
			}
		}
		start = next
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case (c == ',' || c == ';') && (i+1 == len(s) || s[i+1] == ' '):
			emit(i, i+1, c)
		case c == '/' && i > 0 && s[i-1] == ' ' && i+1 < len(s) && s[i+1] == ' ':
			emit(i, i+1, c)
		case c == '.' && (i+1 == len(s) || s[i+1] == ' ') && !abbreviationBefore(s, i):
			emit(i, i+1, c)
		}
	}
	emit(len(s), len(s), 0)
	return segs, seps
}

// abbreviationBefore reports whether the period at s[i] ends an
// abbreviation or an initial.
func abbreviationBefore(s string, i int) bool {
	j := i
	for j > 0 && s[j-1] != ' ' && s[j-1] != '(' {
		j--
	}
	w := s[j:i]
	if w == "" {
		return false
	}
	if len([]rune(w)) == 1 && unicode.IsUpper([]rune(w)[0]) {
		// An initial, unless a title starts after it: "Cohen, Ronen A.
		// The Rise and Fall".
		rest := strings.Fields(s[i+1:])
		if len(rest) > 0 && (rest[0] == "The" || rest[0] == "An" || strings.ContainsAny(rest[0][:1], "“\"") ||
			rest[0] == "A" && len(rest) > 1 && !upperFirst(rest[1])) {
			return false
		}
		return true
	}
	return abbreviations[strings.ToLower(w)] || strings.Contains(w, ".")
}

// placeAndPublisher accepts "Place: Publisher" when the place is a known
// city or a short capitalized name and the publisher is a name.
func placeAndPublisher(m []string) bool {
	place, pub := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	return isCity(place) || titleCase(place, 3) && (isOrg(pub) || titleCase(pub, 8))
}

// pagesPrefix reports whether the range v was written with "pp." in text.
func pagesPrefix(text, v string) bool {
	i := strings.Index(normRange(text), v)
	if i < 0 {
		return false
	}
	before := strings.ToLower(strings.TrimSpace(normRange(text)[:i]))
	return strings.HasSuffix(before, "pp.") || strings.HasSuffix(before, "pp")
}

// initials puts the period back on initials the segmenter took off
// ("J. A" -> "J. A.").
func initials(given string) string {
	words := strings.Fields(given)
	for i, w := range words {
		if len([]rune(w)) == 1 && upperFirst(w) {
			words[i] = w + "."
		}
	}
	return strings.Join(words, " ")
}
