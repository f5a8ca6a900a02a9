package bibtex

import "strings"

// LangRule pairs a BCP 47 language tag with the babel/polyglossia language
// name that BibLaTeX's langid field takes.
type LangRule struct {
	Tag   string // BCP 47, as CSL-JSON's language holds it
	Babel string // the name written in langid
}

// Languages is the langid mapping, in the order MAPPING.md lists it. The
// first rule for a tag is the name written; every name reads back as its
// tag. Tags without a rule are written as they are and names without a
// rule are read as they are.
var Languages = []LangRule{
	{"en", "english"}, {"en-US", "american"}, {"en-GB", "british"}, {"en-CA", "canadian"},
	{"en-AU", "australian"}, {"en-NZ", "newzealand"},
	{"fa", "persian"}, {"fa", "farsi"},
	{"ar", "arabic"},
	{"de", "ngerman"}, {"de", "german"}, {"de-AT", "naustrian"}, {"de-AT", "austrian"},
	{"de-CH", "nswissgerman"}, {"de-CH", "swissgerman"},
	{"fr", "french"}, {"fr", "francais"}, {"fr-CA", "canadien"},
	{"es", "spanish"}, {"es-MX", "mexican"},
	{"it", "italian"}, {"pt", "portuguese"}, {"pt-BR", "brazil"}, {"pt-BR", "brazilian"},
	{"nl", "dutch"}, {"ru", "russian"}, {"uk", "ukrainian"}, {"pl", "polish"}, {"cs", "czech"},
	{"sk", "slovak"}, {"sl", "slovene"}, {"hr", "croatian"}, {"sr", "serbian"}, {"bg", "bulgarian"},
	{"hu", "magyar"}, {"hu", "hungarian"}, {"ro", "romanian"}, {"el", "greek"}, {"tr", "turkish"},
	{"sv", "swedish"}, {"da", "danish"}, {"nb", "norsk"}, {"nn", "nynorsk"}, {"no", "norwegian"},
	{"fi", "finnish"}, {"et", "estonian"}, {"lv", "latvian"}, {"lt", "lithuanian"},
	{"is", "icelandic"}, {"ga", "irish"}, {"cy", "welsh"}, {"eu", "basque"}, {"ca", "catalan"},
	{"gl", "galician"}, {"la", "latin"}, {"he", "hebrew"}, {"ur", "urdu"}, {"hi", "hindi"},
	{"ku", "kurdish"}, {"ps", "pashto"}, {"hy", "armenian"}, {"ka", "georgian"},
	{"az", "azerbaijani"}, {"id", "indonesian"}, {"id", "bahasai"}, {"ms", "malay"},
	{"th", "thai"}, {"vi", "vietnamese"}, {"zh", "chinese"}, {"ja", "japanese"}, {"ko", "korean"},
	{"af", "afrikaans"}, {"sq", "albanian"}, {"be", "belarusian"},
}

var (
	tagToBabel = map[string]string{}
	babelToTag = map[string]string{}
)

func init() {
	for _, r := range Languages {
		if _, ok := tagToBabel[strings.ToLower(r.Tag)]; !ok {
			tagToBabel[strings.ToLower(r.Tag)] = r.Babel
		}
		babelToTag[r.Babel] = r.Tag
	}
}

// BabelName returns the langid name of a BCP 47 tag: "en" is "english",
// "fa" "persian"; a tag with a region without a rule takes the name of its
// language ("fa-IR" is "persian"). Unknown tags come back unchanged.
func BabelName(tag string) string {
	t := strings.ToLower(strings.TrimSpace(tag))
	if b, ok := tagToBabel[t]; ok {
		return b
	}
	if lang, _, ok := strings.Cut(t, "-"); ok {
		if b, ok := tagToBabel[lang]; ok {
			return b
		}
	}
	return tag
}

// LanguageTag returns the BCP 47 tag of a langid or language value:
// "english" is "en", "farsi" "fa". English language names in any case
// ("Persian") count as well; anything else comes back unchanged.
func LanguageTag(name string) string {
	if t, ok := babelToTag[strings.ToLower(strings.TrimSpace(name))]; ok {
		return t
	}
	return name
}

// typeStrings are biblatex's localisation keys for the type field, with
// the English strings its english.lbx prints for them (and pandoc reads).
var typeStrings = map[string]string{
	"phdthesis": "PhD thesis", "mathesis": "Master's thesis", "mastersthesis": "Master's thesis",
	"candthesis": "Candidate thesis", "techreport": "technical report", "resreport": "research report",
	"software": "computer software", "datacd": "CD-ROM", "audiocd": "audio CD",
	"patent": "patent", "patentus": "US patent", "patentuk": "British patent", "patenteu": "European patent",
	"patentde": "German patent", "patentfr": "French patent",
}

// typeKeys maps the strings back to their keys; mastersthesis is BibTeX's
// entry type, mathesis biblatex's key.
var typeKeys = func() map[string]string {
	m := map[string]string{}
	for k, v := range typeStrings {
		if k != "mastersthesis" {
			m[v] = k
		}
	}
	return m
}()
