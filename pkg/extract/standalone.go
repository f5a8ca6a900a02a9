package extract

import (
	"regexp"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/works"
)

var (
	// A reposted article's byline: "Arron Merat, The Guardian, London, 09
	// november 2018:… When we spoke" - author, outlet, optional place, date.
	bylineRE = regexp.MustCompile(`^((?:[\p{Lu}][\p{L}’'.-]+\s){1,3}[\p{Lu}][\p{L}’'-]+),+\s*([^,:]{2,60}?),\s*(?:([^,:]{2,40}?),\s*)?((?:[0-3]?\d\s+)?\p{L}+\.?\s+(?:[0-3]?\d,?\s+)?(?:1[89]|20)\d\d)\s*[:…]`)
	// A linked document: "Letter to Imam (Khomeini) (pdf)."
	pdfLineRE = regexp.MustCompile(`^(\S.{2,150}?)\s*\((?i:pdf)\)\.?\s*$`)
	// Its description on the next line: "( Mujahedin-e-Khalq MEK MKO English
	// language paper April 1980)".
	parenLineRE = regexp.MustCompile(`^\(\s*(.{3,200}?)\s*\)\.?$`)
	genreRE     = regexp.MustCompile(`(?i)\b((?:[\p{L}-]+\s+){0,2}(?:paper|leaflet|pamphlet|statement|communiqu[eé]|bulletin|press release|declaration|open letter))\b`)
)

// standaloneMentions finds works cited by whole lines of running text:
// a byline under the title of a reposted article, and a linked PDF
// document with its description on the next line. ls[i] is the line to
// look at; its neighbours give the title or the description.
func standaloneMentions(ls []line, i int, lines *positions) []Reference {
	text := strings.TrimSpace(ls[i].text)
	if text == "" {
		return nil
	}
	indent := strings.Index(ls[i].text, text)
	conf := map[string]string{}
	var it bib.Item
	var cited string
	// Cheap tests first: a byline has a comma and ends its head with ":" or
	// "…"; a document line mentions pdf.
	byline := strings.IndexByte(text, ',') > 0 && strings.ContainsAny(text, ":…")
	pdf := strings.Contains(strings.ToLower(text), "pdf")
	switch {
	case byline && bylineRE.MatchString(text):
		m := bylineRE.FindStringSubmatch(text)
		if !nameLike(m[1]) {
			return nil
		}
		d, ok := findDate(m[4])
		if !ok {
			return nil
		}
		it = bib.Item{Type: periodicalTypeOr(m[2], "article-newspaper")}
		it.SetNames("author", []bib.Name{parsePerson(m[1])})
		it.Set("container-title", strings.TrimSpace(m[2]))
		it.SetDate("issued", d.date)
		conf["author"], conf["container-title"], conf["issued"], conf["type"] = works.Medium, works.Medium, works.High, works.Low
		if m[3] != "" && isCity(m[3]) {
			it.Set("publisher-place", strings.TrimSpace(m[3]))
			conf["publisher-place"] = works.Medium
		}
		// The title is the short line just above, when there is one.
		if prev := previousLine(ls, i); prev != "" && len(prev) < 200 && !strings.HasSuffix(prev, ".") && !strings.HasSuffix(prev, ":") {
			it.Set("title", prev)
			conf["title"] = works.Medium
		}
		cited = strings.TrimRight(m[0], ":… ")
	case pdf && pdfLineRE.MatchString(text):
		m := pdfLineRE.FindStringSubmatch(text)
		it = bib.Item{Type: "document"}
		it.Set("title", strings.TrimSpace(m[1]))
		it.Set("medium", "PDF")
		conf["title"], conf["medium"], conf["type"] = works.Medium, works.High, works.Low
		cited = text
		if next := nextLine(ls, i); parenLineRE.MatchString(next) {
			describeDocument(&it, parenLineRE.FindStringSubmatch(next)[1], conf)
			cited += " " + next
		}
	default:
		return nil
	}
	for k, v := range conf {
		_ = works.SetFieldProvenance(&it, k, v)
	}
	return []Reference{{Parsed: Parsed{Item: it}, Text: cited, Pos: lines.Pos(ls[i].offset + indent), Kind: Inline, Target: -1}}
}

// describeDocument reads "Mujahedin-e-Khalq MEK MKO English language paper
// April 1980": a date, a genre and what is left as the issuing body.
func describeDocument(it *bib.Item, s string, conf map[string]string) {
	if d, ok := findDateAnywhere(s); ok {
		it.SetDate("issued", d.date)
		conf["issued"] = works.Medium
		s = s[:d.start] + s[d.end:]
	}
	if m := genreRE.FindStringSubmatchIndex(s); m != nil {
		it.Set("genre", strings.TrimSpace(s[m[2]:m[3]]))
		conf["genre"] = works.Medium
		s = s[:m[0]] + s[m[1]:]
	}
	words := strings.Fields(s)
	// Acronyms after the name are aliases: "Mujahedin-e-Khalq MEK MKO".
	for len(words) > 1 && isAcronym(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	if who := strings.Trim(strings.Join(words, " "), " ,.;"); who != "" {
		it.SetNames("author", []bib.Name{{Literal: who, Original: who}})
		conf["author"] = works.Low
	}
}

func previousLine(ls []line, i int) string {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if t := strings.TrimSpace(ls[j].text); t != "" {
			return t
		}
	}
	return ""
}

func nextLine(ls []line, i int) string {
	for j := i + 1; j < len(ls) && j <= i+2; j++ {
		if t := strings.TrimSpace(ls[j].text); t != "" {
			return t
		}
	}
	return ""
}

func isAcronym(w string) bool {
	return len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}
