package names

import (
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/translit"
)

func isKeyVowel(c byte) bool { return c == 'a' || c == 'u' || c == 'i' }

// transposed reports two words of at least 6 letters that differ only by
// two neighbouring consonants swapped, a common typing slip (Mohsen,
// Moshen; Khalgh, Kahlgh).
func transposed(a, b string) bool {
	if len(a) != len(b) || len(a) < 6 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i+1 >= len(a) || a[i] != b[i+1] || a[i+1] != b[i] || a[i+1:] == b[i+1:] {
		return false
	}
	if isKeyVowel(a[i]) && isKeyVowel(a[i+1]) {
		return false
	}
	return a[i+2:] == b[i+2:]
}

// initialOf returns the first letter of a token as written, in lower case.
func initialOf(t token) byte {
	if t.initial {
		return t.key[0]
	}
	l := translit.Latin.String(t.raw)
	if l == "" {
		return 0
	}
	return l[0]
}

// tokEq compares two tokens; note says how they matched when not equal.
func tokEq(a, b token) (ok bool, note string) {
	ok, note, _ = tokCompare(a, b)
	return ok, note
}

// tokCompare compares two tokens with the romanization model: ok when
// the cost of explaining one spelling by the other is within the budget
// for their length, and the two are not different names of the given-name
// lexicon (Hamid and Hamed, whose long vowels the script writes).
func tokCompare(a, b token) (ok bool, note string, c translit.Comparison) {
	switch {
	case a.initial || b.initial:
		return initialOf(a) == initialOf(b), "initial", c
	case a.rd.Symbols == b.rd.Symbols && a.rd.Symbols != "":
		if a.raw == b.raw {
			return true, "", c
		}
		// Read alike: say which readings made them so (German dsch = j).
		c = translit.DefaultModel.Compare(a.rd, b.rd)
		note = strings.Join(c.Rules, noteSep)
		if a.nick != b.nick {
			note = "short form"
		}
		return true, note, c
	case a.key == b.key && (a.org || b.org):
		return true, "", c // organization words: synonyms and translations meet by key
	case a.lex || b.lex:
		return false, "", c // West is not East, however close the spelling
	}
	if ga, gb := givenName(a), givenName(b); ga != nil && gb != nil && ga != gb {
		return false, "different names " + ga.form + " / " + gb.form, c
	}
	c = translit.DefaultModel.Compare(a.rd, b.rd)
	if c.Same() {
		return true, strings.Join(c.Rules, noteSep), c
	}
	if transposed(a.key, b.key) {
		return true, "transposed letters", c
	}
	return false, "", c
}

// ruleDiff returns the folding rules that made two differently written
// tokens meet: none if they are written alike.
func ruleDiff(a, b token) translit.Rule {
	if strings.EqualFold(a.raw, b.raw) {
		return 0
	}
	const quiet = translit.RuleCase | translit.RuleSeparator
	if d := a.rules ^ b.rules; d&^quiet != 0 {
		return d // the rules that fired on one side only
	}
	return a.rules | b.rules // Masoud, Masood: the same rule on both
}

// verdict is the outcome of comparing two parsed names.
type verdict struct {
	ok           bool
	weak         bool // a surname alone, a subset of the words or an acronym: fine if unambiguous
	wider        bool // weak because the first name compared has more words than the second
	rules        translit.Rule
	notes        []string
	cost, budget float64 // of the word comparisons, for the score
}

// add counts one word comparison in the score.
func (v *verdict) add(c translit.Comparison, a, b token) {
	budget := c.Budget
	if budget == 0 {
		budget = translit.Budget(max(len(a.rd.Symbols), len(b.rd.Symbols)))
	}
	v.cost += c.Cost
	v.budget += budget
}

// score is 1 for names written alike, 0.5 at the edge of what the model
// accepts, 0 for names that do not match; a match that is only a part of
// the other name (a surname, an acronym) scores at most 0.75.
func (v verdict) score() float64 {
	if !v.ok {
		return 0
	}
	s := 1.0
	if v.budget > 0 {
		s = max(0.5, 1-v.cost/(2*v.budget))
	}
	if v.weak {
		s = min(s, 0.75)
	}
	return s
}

// noteSep joins several notes given as one.
const noteSep = "\x00"

func (v *verdict) note(s string) {
	if s == "" {
		return
	}
	if strings.Contains(s, noteSep) {
		for _, n := range strings.Split(s, noteSep) {
			v.note(n)
		}
		return
	}
	for _, n := range v.notes {
		if n == s {
			return
		}
	}
	v.notes = append(v.notes, s)
}

func (v verdict) explain() string {
	r := v.rules &^ (translit.RuleCase | translit.RuleSeparator)
	if r == 0 && len(v.notes) == 0 {
		r = v.rules
	}
	var parts []string
	rs := r.String()
	if rs != "" {
		parts = append(parts, rs)
	}
	for _, n := range v.notes {
		if !strings.Contains(" + "+rs+" + ", " + "+n+" + ") {
			parts = append(parts, n) // what the folding rules do not already say
		}
	}
	if len(parts) == 0 {
		return "same key"
	}
	return strings.Join(parts, " + ")
}

// compare decides whether a and b may denote the same person or
// organization.
func compare(a, b *Parsed) verdict {
	var v verdict
	if a.Kind != b.Kind {
		// "Mek": an acronym written like a surname.
		x, y := a, b
		if x.Kind == Org {
			x, y = y, x
		}
		if w := shortWord(x); w != "" {
			for _, acr := range y.acrs {
				if acr == w {
					v.ok, v.weak = true, true
					v.note("acronym")
					return v
				}
			}
		}
		return acrossKinds(x, y)
	}
	if a.Gender != 0 && b.Gender != 0 && a.Gender != b.Gender {
		return v
	}
	if a.Kind == Org {
		return compareOrg(a, b)
	}
	return comparePerson(a, b)
}

// matchTokens matches every token of s to a distinct token of l, exact
// matches first; it returns the index in l matched by each token of s.
// The indexes are an array, not a slice of one, so that they stay on the
// stack: clustering a million names calls this millions of times.
func matchTokens(s, l []token, v *verdict) ([maxTokens]int, bool) {
	var used [maxTokens]bool
	var at [maxTokens]int
	if len(l) > maxTokens || len(s) > maxTokens {
		return at, false // Parse keeps at most maxTokens words
	}
	for i := range s {
		at[i] = -1
	}
	for pass := 0; pass < 2; pass++ {
		for i, t := range s {
			if at[i] >= 0 {
				continue
			}
			for j, u := range l {
				if used[j] {
					continue
				}
				if pass == 0 && t.key != u.key {
					continue
				}
				ok, note, c := tokCompare(t, u)
				if !ok {
					continue
				}
				used[j], at[i] = true, j
				v.rules |= ruleDiff(t, u)
				v.note(note)
				v.add(c, t, u)
				break
			}
		}
	}
	for _, j := range at[:len(s)] {
		if j < 0 {
			return at, false
		}
	}
	return at, true
}

func comparePerson(a, b *Parsed) verdict {
	var v verdict
	s, l := a.toks, b.toks
	if len(s) > len(l) {
		s, l = l, s
		v.wider = true
	}
	if len(s) == 0 {
		return v
	}
	if len(s) == 1 {
		// A surname alone matches the family name of a fuller name.
		for _, u := range l {
			if !u.fam && len(l) > 1 {
				continue
			}
			if ok, note, c := tokCompare(s[0], u); ok && (!strings.Contains(note, "script") || len(l) == 1) {
				// Weak even against another surname alone: "Rajavi" and
				// "Madam Rajavi" may be different Rajavis.
				v.ok, v.weak = true, true
				v.rules |= ruleDiff(s[0], u)
				v.note(note)
				v.add(c, s[0], u)
				if len(l) == 1 {
					v.note("one word") // two names of one word: a given name, a surname, a place
				} else {
					v.note("surname only")
				}
				return v
			}
		}
		return concatenated(a, b, v)
	}
	at, ok := matchTokens(s, l, &v)
	if !ok {
		return concatenated(a, b, v)
	}
	for i, t := range s {
		if t.fam && at[i] == 0 && !l[0].fam {
			return verdict{} // a family name is not a first given name
		}
	}
	v.ok = true
	if len(s) < len(l) {
		v.weak = true
		v.note("subset of the names")
	}
	for _, n := range v.notes {
		if n == "initial" {
			v.weak = true // M. Rajavi may be Masoud or Maryam
		}
	}
	if a.Display.Original != "" && strings.Contains(a.Display.Original, ",") != strings.Contains(b.Display.Original, ",") {
		v.note("inverted order")
	}
	return v
}

// readingsMeet compares the readings of two token lists run together
// (Abdulrahman, Abd al-Rahman).
func readingsMeet(a, b []token) bool {
	var x, y translit.Reading
	for _, t := range a {
		x.Symbols += t.rd.Symbols
		x.Script = x.Script || t.rd.Script
	}
	for _, t := range b {
		y.Symbols += t.rd.Symbols
		y.Script = y.Script || t.rd.Script
	}
	return translit.DefaultModel.Compare(x, y).Same()
}

// concatenated matches names that differ only in spacing (Abol Hassan,
// Abolhassan).
func concatenated(a, b *Parsed, v verdict) verdict {
	if len(a.toks) == len(b.toks) {
		return verdict{} // the words were compared one by one
	}
	var x, y strings.Builder
	for _, t := range a.toks {
		x.WriteString(t.rd.Symbols)
	}
	for _, t := range b.toks {
		y.WriteString(t.rd.Symbols)
	}
	if max(x.Len(), y.Len()) >= 6 && (x.String() == y.String() || readingsMeet(a.toks, b.toks)) {
		v.ok = true
		v.note("spacing")
		return v
	}
	return verdict{}
}

// acrossKinds compares a name parsed as a person's with one parsed as an
// organization's or a place's: the parser tells them apart by words that
// are not always written (Bandar Abbas, Bandar-e Abbas; Hisbollah,
// Hezbollah), so a "person" with nothing personal about it (no title,
// gender or initial) is compared word by word as an organization, weakly,
// and must match all its words.
func acrossKinds(p, o *Parsed) verdict {
	if !impersonal(p) || len(p.toks) == 0 || len(o.toks) == 0 {
		return verdict{}
	}
	v := compareOrg(p, o)
	if !v.ok || v.weak {
		// Only the same words: a word alone may be another name
		// (Kayhan, Kayhan International).
		return verdict{}
	}
	v.weak = true
	v.note("person or place")
	return v
}

func compareOrg(a, b *Parsed) verdict {
	var v verdict
	if len(a.toks) == 0 || len(b.toks) == 0 {
		// An acronym against an acronym or a spelled-out name.
		for _, x := range a.acrs {
			for _, y := range b.acrs {
				if x == y {
					v.ok, v.weak = true, len(a.toks) != len(b.toks)
					v.note("acronym")
					return v
				}
			}
		}
		return v
	}
	s, l := a.toks, b.toks
	if len(s) > len(l) {
		s, l = l, s
		v.wider = true
	}
	if _, ok := matchTokens(s, l, &v); !ok {
		// Words written apart or together: Hizb Allah, Hezbollah.
		return concatenated(a, b, verdict{})
	}
	if len(s) < len(l) {
		distinct := false
		for _, t := range s {
			if !defaultLists.generic[t.key] {
				distinct = true
			}
		}
		if !distinct {
			return verdict{}
		}
		v.weak = true
		v.note("subset of the words")
	}
	v.ok = true
	return v
}

// Equivalent reports whether two parsed names denote the same person or
// organization, with a human explanation ("matched by: ezafe + ou/u"). The
// embedded authority file decides first: names it knows as different
// entries are never equivalent.
func Equivalent(a, b bib.Name) (same bool, why string) {
	pa, pb := FromName(a), FromName(b)
	return defaultAuthority().equivalent(&pa, &pb)
}

func (au *Authority) equivalent(pa, pb *Parsed) (bool, string) {
	c := au.compare(pa, pb)
	return c.Same, c.Why
}

// Comparison is what Compare says about two names.
type Comparison struct {
	Same  bool
	Score float64 // 1: written alike; 0.5: the least the model accepts; 0: no match
	Why   string  // "matched by: Spanish j = kh + ou/u", "different names Ḥamīd / Ḥāmid"
}

// Compare compares two names as Cluster does, with the clusterer's
// authority (the embedded one when nil): the score and the rules that
// explain the match, or why the names differ.
func (c *Clusterer) Compare(a, b string) Comparison {
	au := c.Authority
	if au == nil {
		au = DefaultAuthority()
	}
	pa, pb := au.lists.Parse(a), au.lists.Parse(b)
	return au.compare(&pa, &pb)
}

func (au *Authority) compare(pa, pb *Parsed) Comparison {
	ea, eb := au.Lookup(*pa), au.Lookup(*pb)
	if ea != nil && eb != nil {
		if ea == eb {
			v := compare(pa, pb)
			if v.ok {
				return Comparison{true, v.score(), "matched by: " + v.explain() + " (authority: " + ea.Canonical + ")"}
			}
			return Comparison{true, 1, "matched by: authority: " + ea.Canonical}
		}
		return Comparison{false, 0, "different authority entries: " + ea.Canonical + " / " + eb.Canonical}
	}
	v := compare(pa, pb)
	if !v.ok {
		return Comparison{false, 0, whyApart(pa, pb)}
	}
	return Comparison{true, v.score(), "matched by: " + v.explain()}
}

// whyApart explains a failed comparison: names of the given-name lexicon
// that differ, or the words that found no match.
func whyApart(a, b *Parsed) string {
	if a.Kind != b.Kind {
		return "no match: " + a.Kind.String() + " / " + b.Kind.String()
	}
	var unmatched []string
	for _, t := range a.toks {
		found := false
		for _, u := range b.toks {
			ok, note := tokEq(t, u)
			if strings.HasPrefix(note, "different names") {
				return note
			}
			found = found || ok
		}
		if !found {
			unmatched = append(unmatched, t.raw)
		}
	}
	if len(unmatched) == 0 {
		return "no match"
	}
	return "no match for " + strings.Join(unmatched, ", ")
}
