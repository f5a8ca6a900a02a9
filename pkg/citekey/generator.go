package citekey

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/names"
)

// DefaultFormula is the formula used when none is given, Better BibTeX's
// default with one title word: auth.lower + shorttitle(1,1).lower + year.
const DefaultFormula = "auth.lower + shorttitle(1,1).lower + year"

// Generator makes citation keys for items from a formula.
type Generator struct {
	formula   *Formula
	authority *names.Authority
}

// NewGenerator returns a generator for f (the default formula when nil)
// that romanizes names in Perso-Arabic script through the authority file
// (names.DefaultAuthority when nil).
func NewGenerator(f *Formula, a *names.Authority) *Generator {
	if f == nil {
		f = MustParse(DefaultFormula)
	}
	if a == nil {
		a = names.DefaultAuthority()
	}
	return &Generator{formula: f, authority: a}
}

// Key returns the key the formula gives the item, before any suffix that
// makes it unique: the first alternative with a non-empty result, cleaned
// to the characters safe in BibTeX and pandoc keys. An item for which
// every alternative is empty gets "anon".
func (g *Generator) Key(it *bib.Item) string {
	for _, alt := range g.formula.alts {
		var b strings.Builder
		for _, t := range alt {
			b.WriteString(g.term(t, it))
		}
		if k := clean(b.String()); k != "" {
			return k
		}
	}
	return "anon"
}

func (g *Generator) term(t term, it *bib.Item) string {
	s := t.literal
	if t.fn != "" {
		s = g.eval(t.fn, t.args, it)
	}
	for _, f := range t.filters {
		s = filters[f.name](s, f.args)
	}
	return s
}

// creators are the family names (or whole institutional names) of the
// item's authors, or of its editors when it has none, in ASCII.
func (g *Generator) creators(it *bib.Item) []string {
	ns := it.Names["author"]
	if len(ns) == 0 {
		ns = it.Names["editor"]
	}
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, g.family(n))
	}
	return out
}

// family is the ASCII family name of n. A name in Perso-Arabic script
// takes the common English spelling of its authority entry when there is
// one (رجوی, مسعود -> Rajavi), otherwise the letter mapping of ASCII.
func (g *Generator) family(n bib.Name) string {
	s := n.Literal
	if s == "" {
		s = n.FamilyFull()
	}
	if s == "" {
		s = n.Given
	}
	return lettersAndDigits(g.romanized(n, s))
}

// romanized is s, a name or a part of n, in ASCII.
func (g *Generator) romanized(n bib.Name, s string) string {
	if hasArabicScript(s) {
		if e := g.authority.Lookup(names.FromName(n)); e != nil {
			if en := commonSpelling(e); en != "" {
				if n.IsLiteral() || e.Kind != names.Person {
					return en
				}
				if p := names.Parse(en); p.Display.Family != "" {
					return p.Display.FamilyFull()
				}
			}
		}
	}
	return ASCII(stripMarkup(s))
}

// commonSpelling is an authority entry's form in plain English spelling:
// the canonical form if it is ASCII (Mojahedin-e Khalq), else the first
// ASCII variant (Masoud Rajavi rather than the ALA-LC Rajavī, Masʻūd).
func commonSpelling(e *names.Entry) string {
	if isASCII(e.Canonical) {
		return e.Canonical
	}
	for _, v := range e.Variants {
		if isASCII(v) && strings.ContainsFunc(v, func(r rune) bool { return r >= 'A' && r <= 'z' }) {
			return v
		}
	}
	return ""
}

// lettersAndDigits drops spaces, hyphens and apostrophes from a name so
// that it reads as one word in a key (Illanas Garcia -> IllanasGarcia).
func lettersAndDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

func hasArabicScript(s string) bool { return strings.ContainsFunc(s, isArabicScript) }

// citationKeyLine is Better BibTeX's pinned key in Zotero's extra field.
var citationKeyLine = regexp.MustCompile(`(?mi)^[ \t]*Citation Key:[ \t]*(\S+)[ \t]*$`)

// PinnedKey returns the key pinned in the item by a "Citation Key: KEY"
// line of its note (Zotero's extra, as CSL-JSON and BBT exports carry it)
// or of a BibTeX extra field, or "".
func PinnedKey(it *bib.Item) string {
	for _, s := range []string{it.Get("note"), it.Extra["extra"]} {
		if !strings.Contains(strings.ToLower(s), "citation key:") {
			continue
		}
		if m := citationKeyLine.FindStringSubmatch(s); m != nil {
			return m[1]
		}
	}
	return ""
}
