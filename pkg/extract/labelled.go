package extract

import (
	"regexp"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/extract/refparse"
	"github.com/manba/manba/pkg/works"
)

// Segment is a run of words of a reference that the parser gave one label.
type Segment struct {
	Label string // refparse's label: author, title, container-title, date, pages...
	Text  string
}

// Segments labels the words of a reference with model m (nil: the
// embedded model) and returns the runs of equal labels in order.
func Segments(m *refparse.Model, text string) []Segment {
	if m == nil {
		m = refparse.Default()
	}
	toks := strings.Fields(text)
	if len(toks) > maxRefWords {
		toks = toks[:maxRefWords]
	}
	labels := m.Label(toks)
	var out []Segment
	for i, t := range toks {
		if n := len(out); n > 0 && out[n-1].Label == labels[i] {
			out[n-1].Text += " " + t
			continue
		}
		out = append(out, Segment{Label: labels[i], Text: t})
	}
	return out
}

// maxRefWords bounds the words of one reference the parser reads: a
// longer "reference" is running text, and decoding time grows with it.
const maxRefWords = 400

var (
	hyphenBreakRE = regexp.MustCompile(`(\p{L})- (\p{Ll})`)
	hyphenNameRE  = regexp.MustCompile(`(\p{L})- (\p{Lu})`)
	volumeNumRE   = regexp.MustCompile(`(?i)^(?:vol(?:ume)?\.?|bd\.?|t\.|tome)?\s*([0-9IVXLCivxlc]+[a-z]?(?:[-–/][0-9]+)?)`)
	issueNumRE    = regexp.MustCompile(`(?i)(?:\(\s*([0-9]+(?:[-–/][0-9]+)?)\s*\)|\b(?:no|nos|nr|issue|iss|heft|n)\.?\s*([0-9]+(?:[-–/][0-9]+)?))`)
	pagesNumRE    = regexp.MustCompile(`([0-9]*[A-Za-z]?[0-9]+(?:\s*[-–—]+\s*[0-9]*[A-Za-z]?[0-9]+)?)`)
	editionNumRE  = regexp.MustCompile(`(?i)([0-9]+)(?:st|nd|rd|th|e|\.)?\s*(?:ed|edn|edition|éd|aufl|auflage)`)
	trimChars     = " ,.;:/"
)

// cleanField takes the punctuation that separated a field from its
// neighbours off it, and the quotes or brackets around it.
func cleanField(s string) string {
	s = hyphenBreakRE.ReplaceAllString(s, "$1$2")
	s = hyphenNameRE.ReplaceAllString(s, "$1-$2")
	for {
		t := strings.Trim(s, trimChars)
		t = strings.TrimPrefix(strings.TrimSuffix(t, "”"), "“")
		t = strings.TrimPrefix(strings.TrimSuffix(t, "’"), "‘")
		if strings.HasPrefix(t, `"`) || strings.HasSuffix(t, `"`) {
			t = strings.Trim(t, `"`)
		}
		if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") || strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			t = t[1 : len(t)-1]
		} else if strings.HasPrefix(t, "(") && !strings.Contains(t, ")") {
			t = t[1:]
		} else if strings.HasSuffix(t, ")") && !strings.Contains(t, "(") {
			t = t[:len(t)-1]
		}
		if t == s {
			return s
		}
		s = t
	}
}

// fromSegments builds the fields of a reference from its labelled
// segments: names through package names, dates through the date parser,
// numbers out of "vol. 3, no. 2" and "pp. 12-15".
func fromSegments(segs []Segment, f fields, p *Parsed) {
	var notes []string
	for _, s := range segs {
		v := cleanField(s.Text)
		if v == "" {
			continue
		}
		switch s.Label {
		case "author", "editor", "translator":
			role := s.Label
			if role == "author" && roleRE.MatchString(s.Text) && strings.Contains(strings.ToLower(s.Text), "ed") && f.it.Names["author"] == nil {
				// "Smith, J. (Ed.)" at the head of a book: its editor.
				role = "editor"
			}
			if ns := parseNameList(s.Text); len(ns) > 0 {
				f.names(role, append(f.it.Names[role], ns...), works.Medium)
			}
		case "title", "container-title", "collection-title", "publisher", "genre":
			if s.Label == "container-title" {
				v = cleanField(inRE.ReplaceAllString(v, ""))
			}
			addField(f, s.Label, v)
		case "location":
			addField(f, "publisher-place", v)
		case "date":
			if d, ok := findDateAnywhere(v); ok && p.Item.Dates["issued"].IsZero() {
				p.Item.SetDate("issued", d.date)
				f.conf["issued"] = works.Medium
			} else if !ok {
				notes = append(notes, v)
			}
		case "volume":
			if m := volumeNumRE.FindStringSubmatch(v); m != nil && m[1] != "" {
				f.set("volume", m[1], works.Medium)
			}
			if m := issueNumRE.FindStringSubmatch(v); m != nil {
				f.set("issue", m[1]+m[2], works.Medium)
			}
		case "pages":
			if m := pagesNumRE.FindString(v); m != "" {
				f.set("page", normRange(m), works.Medium)
			}
		case "edition":
			if m := editionNumRE.FindStringSubmatch(v); m != nil {
				f.set("edition", m[1], works.Medium)
			} else {
				f.set("edition", v, works.Medium)
			}
		case "url":
			f.set("URL", strings.TrimRight(s.Text, ".,;)"), works.High)
		case "doi":
			if m := doiRE.FindStringSubmatch(s.Text); m != nil {
				f.set("DOI", strings.TrimRight(m[1], ".,;"), works.High)
			}
		case "isbn":
			if m := isbnRE.FindStringSubmatch(s.Text); m != nil {
				f.set("ISBN", strings.TrimSpace(m[1]), works.High)
			} else {
				f.set("ISBN", strings.Trim(v, "ISBN: "), works.Medium)
			}
		case "citation-number":
			// The list label is kept by the finder.
		default:
			notes = append(notes, v)
		}
	}
	if len(notes) > 0 {
		f.set("note", strings.Join(notes, "; "), works.Low)
	}
}

// addField sets a text field, joining a second segment with the same
// label to the first ("Title. Subtitle").
func addField(f fields, name, v string) {
	if old := f.it.Get(name); old != "" {
		v = old + ". " + v
	}
	f.set(name, v, works.Medium)
}

// labelledType picks the CSL type from the fields the parser found.
func labelledType(it bib.Item) string {
	genre := strings.ToLower(it.Get("genre"))
	switch {
	case strings.Contains(genre, "thesis") || strings.Contains(genre, "dissertation") || strings.Contains(genre, "thèse") || strings.Contains(genre, "tesis"):
		return "thesis"
	case strings.Contains(genre, "report") || strings.Contains(genre, "working paper"):
		return "report"
	case it.Get("container-title") != "" && (it.Names["editor"] != nil || it.Get("publisher") != "" && it.Get("volume") == ""):
		if c := strings.ToLower(it.Get("container-title")); strings.Contains(c, "proceedings") || strings.Contains(c, "conference") {
			return "paper-conference"
		}
		return "chapter"
	case it.Get("container-title") != "":
		if t := periodicalType(it.Get("container-title")); t != "" {
			return t
		}
		if it.Get("volume") != "" || it.Get("issue") != "" || it.Get("page") != "" {
			return "article-journal"
		}
		if it.Get("URL") != "" {
			return "webpage"
		}
		return "article"
	case it.Get("publisher") != "" || it.Get("ISBN") != "":
		return "book"
	case it.Get("URL") != "":
		return "webpage"
	case it.Get("title") != "":
		return "book"
	}
	return "document"
}

// rulesFit reports whether the hand-written rules' reading of a
// reference is to be kept over the model's: when they recognised a layout
// of web articles and notes they were written for (an interview, a medium
// or language note, a bare web domain, "(Place: Publisher, Year)", a
// chapter pinpoint, an organisation as author or a newspaper and a date
// where the model found no person or periodical), or read a whole
// reference: a title, a date, who made or issued it, and nothing left.
func rulesFit(text string, rules, model Parsed) bool {
	it := rules.Item
	if it.Type == "interview" || it.Get("medium") != "" || it.Get("language") != "" ||
		domainRE.MatchString(it.Get("container-title")) || it.Get("publisher") != "" && pubBlockRE.MatchString(text) {
		return true
	}
	for _, l := range rules.Locators {
		if l.Label == "chapter" {
			return true
		}
	}
	if a := it.Names["author"]; len(a) > 0 && a[0].IsLiteral() {
		if b := model.Item.Names["author"]; len(b) == 0 || b[0].IsLiteral() {
			return true
		}
	}
	if it.Get("title") == "" && periodicalType(it.Get("container-title")) != "" && model.Item.Get("container-title") == "" {
		return true
	}
	return it.Get("title") != "" && it.Get("note") == "" && !it.Dates["issued"].IsZero() &&
		(it.Names["author"] != nil || it.Get("publisher") != "" || it.Get("container-title") != "")
}

// parseLabelled reads a reference with the trained labeller.
func parseLabelled(s string, m *refparse.Model, f fields, p *Parsed) {
	segs := Segments(m, s)
	var pages []Segment
	rest := segs[:0:0]
	for _, sg := range segs {
		if sg.Label == "pages" {
			pages = append(pages, sg)
			continue
		}
		rest = append(rest, sg)
	}
	fromSegments(rest, f, p)
	// Page ranges belong to an article or chapter; elsewhere they are
	// what the citation points at.
	inPart := p.Item.Get("container-title") != ""
	for _, sg := range pages {
		v := pagesNumRE.FindString(sg.Text)
		if v == "" {
			continue
		}
		if inPart && p.Item.Get("page") == "" {
			f.set("page", normRange(v), works.Medium)
		} else {
			p.Locators = append(p.Locators, locator("p", v))
		}
	}
	p.Item.Type = labelledType(p.Item)
	f.conf["type"] = works.Low
}
