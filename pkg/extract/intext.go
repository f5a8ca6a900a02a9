package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/dedupe"
	"github.com/manba/manba/pkg/works"
)

var (
	// An author-date citation in parentheses: "(Human Rights Watch 2005;
	// Goulka et al. 2009, p. 12)", "(Abrahamian, 1989: 45)".
	parenCiteRE = regexp.MustCompile(`\(([^()]{2,300}?\b(?:1[5-9]|20)\d\d[a-z]?\b[^()]{0,40})\)`)
	citePartRE  = regexp.MustCompile(`^(?:(?:see|see also|cf\.|e\.g\.,?)\s+)?([\p{Lu}][\p{L}’'.&\- ]{0,60}?),?\s+((?:1[5-9]|20)\d\d)[a-z]?(?:\s*[,:]\s*(?:(pp?|pg)\.?\s*)?(\d+(?:\s*[–-]\s*\d+)?))?$`)
)

// authorDateCites finds the parenthesized author-date citations of a
// paragraph. Each becomes an InText reference with the author and year;
// resolveCitations later points it at the list entry it cites.
func authorDateCites(l line, lines *positions) []Reference {
	if !strings.Contains(l.text, "(") {
		return nil
	}
	var out []Reference
	for _, m := range parenCiteRE.FindAllStringSubmatchIndex(l.text, -1) {
		inner := l.text[m[2]:m[3]]
		off := m[2]
		for _, part := range strings.Split(inner, ";") {
			start := off + strings.Index(l.text[off:], part) + len(part) - len(strings.TrimLeft(part, " "))
			off += len(part) + 1
			part = strings.TrimSpace(part)
			pm := citePartRE.FindStringSubmatch(part)
			if pm == nil {
				continue
			}
			who := strings.TrimSpace(pm[1])
			names := citedNames(who)
			if names == nil {
				continue
			}
			y, _ := strconv.Atoi(pm[2])
			it := bib.Item{}
			it.SetNames("author", names)
			it.SetDate("issued", bib.Date{From: bib.DateParts{Year: y}})
			_ = works.SetFieldProvenance(&it, "author", works.Medium)
			_ = works.SetFieldProvenance(&it, "issued", works.High)
			r := Reference{Parsed: Parsed{Item: it}, Text: part, Pos: lines.Pos(l.offset + start), Kind: InText, Target: -1}
			if pm[4] != "" {
				r.Locators = []Locator{locator("p", pm[4])}
			}
			out = append(out, r)
		}
	}
	return out
}

// citedNames reads the author part of an author-date citation: "Goulka et
// al.", "Borger and Traynor", "Human Rights Watch". It returns nil when the
// text does not look like names (a parenthetical remark with a year).
func citedNames(who string) []bib.Name {
	who = strings.TrimSuffix(strings.TrimSuffix(who, " et al."), " et al")
	if who == "" || len(strings.Fields(who)) > 6 || !titleCase(who, 6) {
		return nil
	}
	if _, ok := months[strings.ToLower(firstWord(who))]; ok || isCity(who) {
		return nil // "(March 2005)", "(London 2005)"
	}
	if isOrg(who) || len(strings.Fields(who)) > 2 && !strings.Contains(who, " and ") {
		return []bib.Name{{Literal: who, Original: who}}
	}
	var out []bib.Name
	for _, p := range andSplit.Split(who, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, bib.Name{Family: p, Original: p})
		}
	}
	return out
}

// resolveCitations points every author-date citation at the one list entry
// with the same first author and year, and gives it that entry's fields.
func resolveCitations(refs []Reference) {
	for i := range refs {
		r := &refs[i]
		if r.Kind != InText {
			continue
		}
		target := -1
		for j, e := range refs {
			if e.Kind != ListEntry || e.Target >= 0 || !citesEntry(r.Item, e.Item) {
				continue
			}
			if target >= 0 {
				target = -2 // ambiguous
				break
			}
			target = j
		}
		if target >= 0 {
			r.Target = target
			locs := r.Locators
			r.Item = refs[target].Item.Clone()
			r.Locators = locs
		}
	}
}

// citesEntry reports whether an author-date citation names the first
// author and the year of an entry.
func citesEntry(cite, entry bib.Item) bool {
	if cite.Dates["issued"].From.Year != entry.Dates["issued"].From.Year {
		return false
	}
	ca, ea := cite.Names["author"], entry.Names["author"]
	if len(ca) == 0 || len(ea) == 0 {
		return false
	}
	c, e := ca[0], ea[0]
	if c.IsLiteral() || e.IsLiteral() {
		return dedupe.Fold(c.Literal+c.Family) == dedupe.Fold(e.Literal+e.Family)
	}
	return dedupe.Fold(c.Family) == dedupe.Fold(e.FamilyFull()) || dedupe.Fold(c.Family) == dedupe.Fold(e.Family)
}
