package ris

// The RIS reference types and the CSL types they map to.
//
// Reading, every RIS type of the 2011 RIS specification (and a few that
// EndNote and Zotero write) maps to one CSL type. Writing, each CSL type has
// one canonical RIS type; where several RIS types read as the same CSL type
// (EJOUR and JOUR are both article-journal) the reader keeps the original in
// Item.Extra["ris:TY"] and the writer uses it again, so RIS survives a round
// trip. CSL types without a RIS type of their own are written as the closest
// one, with a warning, and read back as that one's CSL type.
//
//	RIS      CSL                     RIS      CSL
//	ABST     article-journal         GEN      document
//	ADVS     motion_picture          GOVDOC   report
//	AGGR     dataset                 GRNT     document
//	ANCIENT  classic                 HEAR     hearing
//	ART      graphic                 ICOMM    personal_communication
//	BILL     bill                    INPR     article-journal
//	BLOG     post-weblog             JFULL    periodical
//	BOOK     book                    JOUR     article-journal
//	CASE     legal_case              LEGAL    regulation
//	CHAP     chapter                 MANSCPT  manuscript
//	CHART    graphic                 MAP      map
//	CLSWK    classic                 MGZN     article-magazine
//	COMP     software                MPCT     motion_picture
//	CONF     paper-conference        MULTI    motion_picture
//	CPAPER   paper-conference        MUSIC    musical_score
//	CTLG     book                    NEWS     article-newspaper
//	DATA     dataset                 PAMP     pamphlet
//	DBASE    dataset                 PAT      patent
//	DICT     entry-dictionary        PCOMM    personal_communication
//	EBOOK    book                    RPRT     report
//	ECHAP    chapter                 SER      periodical
//	EDBOOK   book                    SLIDE    speech
//	EJOUR    article-journal         SOUND    song
//	ELEC     webpage                 STAND    standard
//	ENCYC    entry-encyclopedia      STAT     legislation
//	EQUA     document                THES     thesis
//	FIGURE   figure                  UNBILL   bill
//	UNPB     article                 UNPD     manuscript
//	VIDEO    motion_picture          WEB      webpage
//
// An unknown RIS type reads as document (with a warning), and is kept.
var risToCSL = map[string]string{
	"ABST": "article-journal", "ADVS": "motion_picture", "AGGR": "dataset", "ANCIENT": "classic",
	"ART": "graphic", "BILL": "bill", "BLOG": "post-weblog", "BOOK": "book", "CASE": "legal_case",
	"CHAP": "chapter", "CHART": "graphic", "CLSWK": "classic", "COMP": "software",
	"CONF": "paper-conference", "CPAPER": "paper-conference", "CTLG": "book", "DATA": "dataset",
	"DBASE": "dataset", "DICT": "entry-dictionary", "EBOOK": "book", "ECHAP": "chapter",
	"EDBOOK": "book", "EJOUR": "article-journal", "ELEC": "webpage", "ENCYC": "entry-encyclopedia",
	"EQUA": "document", "FIGURE": "figure", "GEN": "document", "GOVDOC": "report", "GRNT": "document",
	"HEAR": "hearing", "ICOMM": "personal_communication", "INPR": "article-journal",
	"JFULL": "periodical", "JOUR": "article-journal", "LEGAL": "regulation", "MANSCPT": "manuscript",
	"MAP": "map", "MGZN": "article-magazine", "MPCT": "motion_picture", "MULTI": "motion_picture",
	"MUSIC": "musical_score", "NEWS": "article-newspaper", "PAMP": "pamphlet", "PAT": "patent",
	"PCOMM": "personal_communication", "RPRT": "report", "SER": "periodical", "SLIDE": "speech",
	"SOUND": "song", "STAND": "standard", "STAT": "legislation", "THES": "thesis", "UNBILL": "bill",
	"UNPB": "article", "UNPD": "manuscript", "VIDEO": "motion_picture", "WEB": "webpage",
}

// cslToRIS is the RIS type written for each CSL type.
var cslToRIS = map[string]string{
	"article": "UNPB", "article-journal": "JOUR", "article-magazine": "MGZN",
	"article-newspaper": "NEWS", "bill": "BILL", "book": "BOOK", "broadcast": "MPCT",
	"chapter": "CHAP", "classic": "CLSWK", "collection": "GEN", "dataset": "DATA",
	"document": "GEN", "entry": "GEN", "entry-dictionary": "DICT", "entry-encyclopedia": "ENCYC",
	"event": "GEN", "figure": "FIGURE", "graphic": "ART", "hearing": "HEAR", "interview": "PCOMM",
	"legal_case": "CASE", "legislation": "STAT", "manuscript": "MANSCPT", "map": "MAP",
	"motion_picture": "MPCT", "musical_score": "MUSIC", "pamphlet": "PAMP",
	"paper-conference": "CPAPER", "patent": "PAT", "performance": "GEN", "periodical": "JFULL",
	"personal_communication": "PCOMM", "post": "ICOMM", "post-weblog": "BLOG",
	"regulation": "LEGAL", "report": "RPRT", "review": "JOUR", "review-book": "JOUR",
	"software": "COMP", "song": "SOUND", "speech": "SLIDE", "standard": "STAND", "thesis": "THES",
	"treaty": "GEN", "webpage": "ELEC",
}

// bookLike types use A2 for the series editor and A3 for the editor, the
// other way round from the other types, as the RIS specification (and
// Zotero) do.
func bookLike(cslType string) bool { return cslType == "book" }

// seriesInT2 types use T2 for the series (collection-title) rather than for
// a container.
func seriesInT2(cslType string) bool {
	switch cslType {
	case "book", "report", "map", "software":
		return true
	}
	return false
}

// pagesAreCount types are whole documents: a lone SP is their number of
// pages.
func pagesAreCount(cslType string) bool {
	switch cslType {
	case "book", "thesis", "manuscript", "report":
		return true
	}
	return false
}

// numberInSN types keep their number (report or patent number) in SN.
func numberInSN(cslType string) bool { return cslType == "report" || cslType == "patent" }
