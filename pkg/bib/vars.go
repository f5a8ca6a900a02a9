package bib

// Kind is the CSL kind of a variable: how its value is stored and rendered.
type Kind int

// The kinds of CSL variables.
const (
	KindUnknown Kind = iota
	KindString       // standard variables such as publisher or URL
	KindTitle        // title variables such as title or container-title
	KindNumber       // number variables such as volume or page
	KindDate         // date variables such as issued
	KindName         // name variables such as author
)

func (k Kind) String() string {
	switch k {
	case KindString:
		return "string"
	case KindTitle:
		return "title"
	case KindNumber:
		return "number"
	case KindDate:
		return "date"
	case KindName:
		return "name"
	}
	return "unknown"
}

// Types lists the 45 CSL 1.0.2 item types.
var Types = []string{
	"article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
	"broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
	"entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
	"interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
	"musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
	"personal_communication", "post", "post-weblog", "regulation", "report", "review",
	"review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
}

var typeSet = func() map[string]bool {
	m := make(map[string]bool, len(Types))
	for _, t := range Types {
		m[t] = true
	}
	return m
}()

// IsType reports whether t is a CSL 1.0.2 item type.
func IsType(t string) bool { return typeSet[t] }

var kinds = func() map[string]Kind {
	m := map[string]Kind{}
	add := func(k Kind, names ...string) {
		for _, n := range names {
			m[n] = k
		}
	}
	add(KindString, "abstract", "annote", "archive", "archive_collection", "archive_location",
		"archive-place", "authority", "call-number", "citation-key", "citation-label",
		"dimensions", "division", "DOI", "event", "event-title", "event-place", "genre", "ISBN",
		"ISSN", "jurisdiction", "keyword", "language", "license", "medium", "note",
		"original-publisher", "original-publisher-place", "PMCID", "PMID", "publisher",
		"publisher-place", "references", "reviewed-genre", "scale", "source", "status", "URL",
		"year-suffix",
		// CSL-JSON properties that are not CSL variables but hold plain strings.
		"journalAbbreviation", "shortTitle")
	add(KindTitle, "collection-title", "container-title", "original-title", "part-title",
		"reviewed-title", "title", "volume-title", "title-short", "container-title-short",
		"volume-title-short")
	add(KindNumber, "chapter-number", "citation-number", "collection-number", "edition",
		"first-reference-note-number", "issue", "locator", "number", "number-of-pages",
		"number-of-volumes", "page", "page-first", "part-number", "printing-number", "section",
		"supplement-number", "version", "volume",
		// CSL-JSON spellings of part-number, printing-number and supplement-number.
		"part", "printing", "supplement")
	add(KindDate, "accessed", "available-date", "event-date", "issued", "original-date", "submitted")
	add(KindName, "author", "chair", "collection-editor", "compiler", "composer",
		"container-author", "contributor", "curator", "director", "editor", "editor-translator",
		"editorial-director", "executive-producer", "guest", "host", "illustrator", "interviewer",
		"narrator", "organizer", "original-author", "performer", "producer", "recipient",
		"reviewed-author", "script-writer", "series-creator", "translator")
	return m
}()

// KindOf returns the kind of the CSL variable (or CSL-JSON property) name,
// or KindUnknown.
func KindOf(name string) Kind { return kinds[name] }

// NameVariables lists the CSL name variables in the order writers emit them:
// the primary creators first, then the others alphabetically.
var NameVariables = []string{
	"author", "editor", "translator", "container-author", "collection-editor",
	"editor-translator", "editorial-director", "chair", "compiler", "composer", "contributor",
	"curator", "director", "executive-producer", "guest", "host", "illustrator", "interviewer",
	"narrator", "organizer", "original-author", "performer", "producer", "recipient",
	"reviewed-author", "script-writer", "series-creator",
}

// DateVariables lists the CSL date variables in the order writers emit them.
var DateVariables = []string{"issued", "original-date", "event-date", "available-date", "submitted", "accessed"}
