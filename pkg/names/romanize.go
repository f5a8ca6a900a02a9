package names

import (
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// Scheme is a romanization a name can be rendered in.
type Scheme int

// The schemes of Romanize.
const (
	// ALALC is the Library of Congress romanization (ALA-LC), the form of
	// the authority file's headings: "Rajavī, Masʻūd".
	ALALC Scheme = iota
	// IJMES is the International Journal of Middle East Studies system,
	// which for personal names keeps only ʿayn and hamza: "Rajavi, Masʿud".
	// It is derived from the ALA-LC form.
	IJMES
	// Common is the usual English spelling, the first plain Latin variant of
	// the entry: "Rajavi, Masoud".
	Common
)

// SchemeByName returns the scheme named "alalc", "ijmes" or "common".
func SchemeByName(s string) (Scheme, bool) {
	switch strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(s)) {
	case "alalc", "lc", "loc":
		return ALALC, true
	case "ijmes":
		return IJMES, true
	case "common", "english":
		return Common, true
	}
	return ALALC, false
}

// String returns the scheme's name as SchemeByName reads it.
func (s Scheme) String() string {
	switch s {
	case IJMES:
		return "ijmes"
	case Common:
		return "common"
	}
	return "alalc"
}

// Tag returns the BCP 47 tag of a romanization of language lang in this
// scheme: "fa-Latn-alalc97" (a registered variant), "fa-Latn-x-ijmes",
// "fa-Latn-x-common".
func (s Scheme) Tag(lang string) string {
	if lang == "" {
		lang = "fa"
	}
	switch s {
	case IJMES:
		return lang + "-Latn-x-ijmes"
	case Common:
		return lang + "-Latn-x-common"
	}
	return lang + "-Latn-alalc97"
}

// Romanize returns the form of n in the scheme when the authority knows the
// person or organization, whether n is written in Persian or Arabic script
// or in another romanization. A name the authority does not know is
// returned unchanged with ok false: vowels that Persian and Arabic script
// do not write cannot be guessed.
func (a *Authority) Romanize(n bib.Name, s Scheme) (bib.Name, bool) {
	e := a.Lookup(a.lists.FromName(n))
	if e == nil {
		return n, false
	}
	form, ok := e.romanForm(s)
	if !ok {
		return n, false
	}
	out := form.Display
	out.Original = ""
	if e.Kind == Org || out.IsLiteral() {
		lit := out.String()
		out = bib.Name{Literal: lit}
	}
	if s == IJMES {
		out = ijmesName(out)
	}
	return out, true
}

// romanForm picks the entry's form for a scheme: ALA-LC (and IJMES, made
// from it) is the canonical heading for a person and, for an organization,
// the first form with ALA-LC letters (Sāzmān-i Mujāhidīn-i Khalq-i Īrān);
// Common is the first Latin form without them.
func (e *Entry) romanForm(s Scheme) (Parsed, bool) {
	if len(e.forms) == 0 {
		return Parsed{}, false
	}
	if s == Common {
		if e.Kind == Org && !e.forms[0].Script {
			return e.forms[0], true
		}
		for _, f := range e.forms {
			if !f.Script && !hasALALCLetters(f.Original) && !isAcronym(f.Original) {
				return f, true
			}
		}
		return Parsed{}, false
	}
	if e.Kind == Person {
		return e.forms[0], !e.forms[0].Script
	}
	for _, f := range e.forms {
		if !f.Script && hasALALCLetters(f.Original) {
			return f, true
		}
	}
	return e.forms[0], !e.forms[0].Script
}

// alalcToIJMES drops the ALA-LC marks IJMES does not use in names and writes
// ʿayn and hamza with IJMES's half rings.
var alalcToIJMES = strings.NewReplacer(
	"ā", "a", "Ā", "A", "ī", "i", "Ī", "I", "ū", "u", "Ū", "U", "á", "a",
	"ḥ", "h", "Ḥ", "H", "ṣ", "s", "Ṣ", "S", "ḍ", "d", "Ḍ", "D", "ṭ", "t", "Ṭ", "T",
	"ẓ", "z", "Ẓ", "Z", "ż", "z", "Ż", "Z", "ẕ", "z", "Ẕ", "Z", "ṡ", "s", "Ṡ", "S", "ẖ", "h",
	"ʻ", "ʿ", "ʼ", "ʾ",
)

func ijmesName(n bib.Name) bib.Name {
	n.Family = alalcToIJMES.Replace(n.Family)
	n.Given = alalcToIJMES.Replace(n.Given)
	n.Literal = alalcToIJMES.Replace(n.Literal)
	n.NonDroppingParticle = alalcToIJMES.Replace(n.NonDroppingParticle)
	n.DroppingParticle = alalcToIJMES.Replace(n.DroppingParticle)
	return n
}

func hasALALCLetters(s string) bool {
	return strings.ContainsAny(s, "āīūĀĪŪḥṣḍṭẓżẕʻʼá")
}
