package bibtex

import (
	"fmt"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// TypeRule maps a BibTeX/BibLaTeX entry type to a CSL item type.
type TypeRule struct {
	Entry string // entry type, lower case
	CSL   string // CSL 1.0.2 item type
}

// EntryTypes is the entry type mapping used when decoding, in the order
// MAPPING.md lists it. Types not listed become "document". The first rule
// for a CSL type is its canonical entry type: the one the encoder writes
// and the one decoding does not record in Extra["@type"].
var EntryTypes = []TypeRule{
	{"article", "article-journal"},
	{"book", "book"},
	{"mvbook", "book"},
	{"proceedings", "book"},
	{"mvproceedings", "book"},
	{"collection", "book"},
	{"mvcollection", "book"},
	{"reference", "book"},
	{"mvreference", "book"},
	{"incollection", "chapter"},
	{"inbook", "chapter"},
	{"bookinbook", "chapter"},
	{"suppbook", "chapter"},
	{"suppcollection", "chapter"},
	{"inreference", "entry-encyclopedia"},
	{"inproceedings", "paper-conference"},
	{"conference", "paper-conference"},
	{"techreport", "report"},
	{"report", "report"},
	{"manual", "report"},
	{"phdthesis", "thesis"},
	{"mastersthesis", "thesis"},
	{"thesis", "thesis"},
	{"misc", "document"},
	{"online", "webpage"},
	{"electronic", "webpage"},
	{"www", "webpage"},
	{"unpublished", "manuscript"},
	{"booklet", "pamphlet"},
	{"patent", "patent"},
	{"dataset", "dataset"},
	{"software", "software"},
	{"periodical", "periodical"},
	{"suppperiodical", "article-journal"},
	{"standard", "standard"},
	{"artwork", "graphic"},
	{"image", "graphic"},
	{"audio", "song"},
	{"music", "song"},
	{"video", "motion_picture"},
	{"movie", "motion_picture"},
	{"performance", "performance"},
	{"letter", "personal_communication"},
	{"legislation", "legislation"},
	{"jurisdiction", "legal_case"},
	{"review", "review"},
	{"map", "map"},
}

var (
	entryToCSL = map[string]string{}
	// cslToEntry is the canonical entry type of each CSL type.
	cslToEntry = map[string]string{}
	// biblatexEntry overrides cslToEntry in the BibLaTeX dialect, where
	// @techreport is only an alias of @report. Either entry type implies
	// the CSL type, so neither is recorded in Extra["@type"].
	biblatexEntry = map[string]string{"report": "report"}
)

// fallbackEntry is what CSL types without a rule are written as, with
// entrysubtype naming the CSL type (@misc + entrysubtype = {interview}).
const fallbackEntry = "misc"

// subtypeEntries are the CSL types written as an entry type plus an
// entrysubtype, as BibLaTeX styles expect for magazine and newspaper
// articles.
var subtypeEntries = map[string][2]string{
	"article-magazine":  {"article", "magazine"},
	"article-newspaper": {"article", "newspaper"},
}

// subtypeCSL returns the CSL type an entry type and entrysubtype stand
// for, if they are one of the pairs the encoder writes.
func subtypeCSL(entry, sub string) (string, bool) {
	sub = strings.ToLower(strings.TrimSpace(sub))
	if entry == "article" && (sub == "magazine" || sub == "newspaper") {
		return "article-" + sub, true
	}
	if entry == fallbackEntry && bib.IsType(sub) && cslToEntry[sub] == "" && subtypeEntries[sub][0] == "" {
		return sub, true
	}
	return "", false
}

func init() {
	for _, r := range EntryTypes {
		entryToCSL[r.Entry] = r.CSL
		if _, ok := cslToEntry[r.CSL]; !ok {
			cslToEntry[r.CSL] = r.Entry
		}
	}
}

// cslType returns the CSL type of an entry type, and whether decoding must
// record the entry type because the CSL type does not imply it.
func cslType(entry string) (csl string, record bool) {
	csl, ok := entryToCSL[entry]
	if !ok {
		return "document", true
	}
	return csl, cslToEntry[csl] != entry && biblatexEntry[csl] != entry
}

// fieldKind says how a field's TeX value becomes a CSL value.
type fieldKind uint8

const (
	kindText     fieldKind = iota // pkg/latex without markup
	kindRich                      // pkg/latex with CSL rich-text markup
	kindVerbatim                  // url/doi-like: only escapes are undone
	kindNames                     // a BibTeX name list
	kindDate                      // an ISO 8601 / EDTF date
	kindSpecial                   // handled by the decoder itself (see Note)
)

func (k fieldKind) String() string {
	return [...]string{"text", "rich text", "verbatim", "names", "date", "special"}[k]
}

// FieldRule maps a BibTeX/BibLaTeX field to a CSL variable.
type FieldRule struct {
	Field string // field name, lower case
	Var   string // CSL variable
	kind  fieldKind
	Note  string
}

// Kind describes how the value is converted ("text", "rich text",
// "verbatim", "names", "date" or "special").
func (r FieldRule) Kind() string { return r.kind.String() }

// FieldRules is the field mapping used when decoding. When several fields
// of one entry map to the same variable, the first one in the entry wins
// and the others are kept in Item.Extra. Fields without a rule whose name
// is a CSL variable ("archive", "medium", "event-place", "director") map to
// that variable; all other fields are kept in Item.Extra under their lower
// case name, with their TeX value as written (macros expanded).
var FieldRules = []FieldRule{
	{"title", "title", kindSpecial, "rich text; subtitle and titleaddon are appended (\"Title: Subtitle. Addon\") and also kept in Extra so that writing splits them again"},
	{"shorttitle", "title-short", kindRich, ""},
	{"journal", "container-title", kindRich, ""},
	{"journaltitle", "container-title", kindRich, ""},
	{"booktitle", "container-title", kindRich, ""},
	{"shortjournal", "container-title-short", kindRich, ""},
	{"series", "collection-title", kindRich, ""},
	{"eventtitle", "event-title", kindRich, ""},
	{"origtitle", "original-title", kindRich, ""},
	{"author", "author", kindNames, "BibTeX name rules; `and others` is kept as Extra[\"@author-and-others\"]=\"true\" (likewise for every name field)"},
	{"editor", "editor", kindNames, ""},
	{"translator", "translator", kindNames, ""},
	{"bookauthor", "container-author", kindNames, ""},
	{"volume", "volume", kindText, ""},
	{"volumes", "number-of-volumes", kindText, ""},
	{"number", "issue", kindSpecial, "issue for article-journal, article-magazine, article-newspaper and periodical; collection-number for book-like entries and their parts (@book, @incollection, @inproceedings, ...), as in biblatex; number otherwise"},
	{"issue", "issue", kindText, ""},
	{"pages", "page", kindText, "-- becomes an en dash"},
	{"pagetotal", "number-of-pages", kindText, ""},
	{"numpages", "number-of-pages", kindText, "ACM's name for pagetotal"},
	{"chapter", "chapter-number", kindText, ""},
	{"edition", "edition", kindText, ""},
	{"version", "version", kindText, ""},
	{"publisher", "publisher", kindText, ""},
	{"institution", "publisher", kindText, ""},
	{"school", "publisher", kindText, ""},
	{"organization", "publisher", kindSpecial, "container-title (the site) in @online; publisher otherwise"},
	{"howpublished", "publisher", kindText, ""},
	{"address", "publisher-place", kindText, ""},
	{"location", "publisher-place", kindText, ""},
	{"venue", "event-place", kindText, ""},
	{"date", "issued", kindDate, "wins over year/month/day, which are then kept in Extra"},
	{"year", "issued", kindSpecial, "a number, a range (1989/1991, 1989--1991) or else a literal date"},
	{"month", "issued", kindSpecial, "jan..dec macros, English month names or abbreviations, 1-12; anything else is kept in Extra"},
	{"day", "issued", kindSpecial, "1-31, with year and month; else kept in Extra"},
	{"urldate", "accessed", kindDate, ""},
	{"eventdate", "event-date", kindDate, ""},
	{"origdate", "original-date", kindDate, ""},
	{"doi", "DOI", kindVerbatim, ""},
	{"url", "URL", kindVerbatim, ""},
	{"isbn", "ISBN", kindText, ""},
	{"issn", "ISSN", kindText, ""},
	{"pmid", "PMID", kindText, ""},
	{"pmcid", "PMCID", kindText, ""},
	{"note", "note", kindRich, ""},
	{"annote", "annote", kindRich, ""},
	{"annotation", "annote", kindRich, ""},
	{"abstract", "abstract", kindRich, ""},
	{"keywords", "keyword", kindText, ""},
	{"langid", "language", kindSpecial, "babel/polyglossia names become BCP 47 tags (english -> en, farsi -> fa; see Languages)"},
	{"language", "language", kindSpecial, "as langid"},
	{"pubstate", "status", kindText, ""},
	{"origpublisher", "original-publisher", kindText, ""},
	{"origlocation", "original-publisher-place", kindText, ""},
	{"type", "genre", kindSpecial, "biblatex's localisation keys (phdthesis, techreport, ...) become their English strings (\"PhD thesis\", \"technical report\"); for phdthesis and mastersthesis without a type, genre is \"PhD thesis\" or \"Master's thesis\""},
}

var fieldRules = func() map[string]*FieldRule {
	m := make(map[string]*FieldRule, len(FieldRules))
	for i := range FieldRules {
		m[FieldRules[i].Field] = &FieldRules[i]
	}
	return m
}()

// articleTypes are the CSL types whose "number" field is an issue number.
var articleTypes = map[string]bool{
	"article-journal": true, "article-magazine": true, "article-newspaper": true, "periodical": true,
}

// seriesNumberEntries are the entry types whose number field is the
// number of the work in its series (CSL collection-number), as in
// biblatex's data model; in the others it is the item's own number.
var seriesNumberEntries = map[string]bool{
	"book": true, "mvbook": true, "collection": true, "mvcollection": true, "proceedings": true,
	"mvproceedings": true, "reference": true, "mvreference": true, "inbook": true, "bookinbook": true,
	"suppbook": true, "incollection": true, "suppcollection": true, "inproceedings": true,
	"conference": true, "inreference": true,
}

// defaultGenre is the genre BibTeX's thesis types imply.
var defaultGenre = map[string]string{"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}

// MappingMarkdown renders the mapping tables as Markdown (MAPPING.md).
func MappingMarkdown() string {
	var b strings.Builder
	b.WriteString("# BibTeX/BibLaTeX ↔ CSL mapping (pkg/bibtex)\n\n")
	b.WriteString("Generated from mapping.go by `go test ./pkg/bibtex -run TestMappingMarkdown -update`; do not edit.\n\n")
	b.WriteString("## Entry types\n\nThe first entry type listed for a CSL type is the one written back; decoding any other\n")
	b.WriteString("records it in `Extra[\"@type\"]`. Unknown entry types become `document` with `@type` kept.\n\n")
	b.WriteString("`@article` with `entrysubtype = {magazine}` or `{newspaper}` is `article-magazine` or\n")
	b.WriteString("`article-newspaper`; the CSL types no entry type stands for are written as `@misc` with\n")
	b.WriteString("`entrysubtype` set to the CSL type (`{interview}`), and read back so.\n\n")
	b.WriteString("| entry type | CSL type | written back as |\n|---|---|---|\n")
	for _, r := range EntryTypes {
		back := "@" + r.Entry
		switch {
		case biblatexEntry[r.CSL] == r.Entry && cslToEntry[r.CSL] != r.Entry:
			back = fmt.Sprintf("@%s in BibLaTeX, @%s in BibTeX", r.Entry, cslToEntry[r.CSL])
		case biblatexEntry[r.CSL] != "" && cslToEntry[r.CSL] == r.Entry:
			back = fmt.Sprintf("@%s in BibTeX, @%s in BibLaTeX", r.Entry, biblatexEntry[r.CSL])
		case cslToEntry[r.CSL] != r.Entry:
			back = fmt.Sprintf("@%s (via `@type`)", r.Entry)
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r.Entry, r.CSL, back)
	}
	b.WriteString("\n## Fields\n\nWhen several fields map to one variable, the first in the entry wins and the others are kept in\n")
	b.WriteString("`Extra`. A field without a rule whose name is a CSL variable maps to that variable; every other\n")
	b.WriteString("field is kept in `Extra` under its lower-case name with its TeX value (macros expanded), and\n")
	b.WriteString("written back unchanged. `crossref` is kept in `Extra` after inheritance; `xdata` is consumed.\n\n")
	b.WriteString("| field | CSL variable | conversion | note |\n|---|---|---|---|\n")
	for _, r := range FieldRules {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.Field, r.Var, r.Kind(), r.Note)
	}
	writeMappingExtras(&b)
	return b.String()
}
