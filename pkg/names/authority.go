package names

import (
	"bufio"
	_ "embed"
	"io"
	"strings"
	"sync"

	"github.com/manba/manba/pkg/diag"
)

// Entry is one person or organization of an authority file: a canonical
// form and the variants, acronyms and translations it is known by.
type Entry struct {
	ID        string
	Kind      Kind
	Canonical string
	Variants  []string

	forms []Parsed // Canonical and Variants, parsed
}

// Authority is a set of entries with an index from match keys to entries.
// Its methods are safe for concurrent use once it is loaded.
type Authority struct {
	lists   *Lists
	entries []*Entry
	byID    map[string]*Entry
	exact   map[string]*Entry // key -> entry; nil value: several entries share the key
	vocab   map[string]bool   // folded words of the organization forms
}

// orgWords reports whether every word of p occurs in an organization
// form of the authority, so that looking p up as an organization can
// succeed.
func (a *Authority) orgWords(p *Parsed) bool {
	// Most names fail on their first word: check the tokens before
	// splitting the original.
	for _, t := range p.toks {
		if !a.vocab[t.key] && !strings.ContainsAny(t.raw, " -") && t.raw == strings.TrimSpace(t.raw) {
			if len(p.toks) == 1 && len(strings.Fields(p.Original)) > 1 {
				break // "Abu Ghraib": joined words
			}
			return false
		}
	}
	for _, w := range splitWords(p.Original) {
		if !a.vocab[strings.ReplaceAll(foldWord(w).key, " ", "")] {
			return false
		}
	}
	return true
}

// NewAuthority returns an empty authority parsing names with lists
// (DefaultLists when nil).
func NewAuthority(lists *Lists) *Authority {
	if lists == nil {
		lists = defaultLists
	}
	return &Authority{lists: lists, byID: map[string]*Entry{}, exact: map[string]*Entry{}, vocab: map[string]bool{}}
}

//go:embed data/authority.tsv
var authorityTSV string

var defaultAuthority = sync.OnceValue(func() *Authority {
	a := NewAuthority(nil)
	if d := a.Load(strings.NewReader(authorityTSV), "authority.tsv"); d.HasErrors() {
		panic(d.Error()) // the embedded file is checked by the tests
	}
	return a
})

// DefaultAuthority returns the embedded authority file: people and
// organizations of the Iranian opposition literature with their
// romanizations, Library of Congress headings, Persian spellings, acronyms
// and translations. It is shared; use Clone before loading more.
func DefaultAuthority() *Authority { return defaultAuthority() }

// LoadAuthority returns the embedded authority extended with a user's file.
func LoadAuthority(r io.Reader, file string) (*Authority, diag.List) {
	a := DefaultAuthority().Clone()
	d := a.Load(r, file)
	return a, d
}

// Clone returns a copy that can be extended without changing a.
func (a *Authority) Clone() *Authority {
	c := NewAuthority(a.lists)
	for _, e := range a.entries {
		c.add(e)
	}
	return c
}

// WithLists returns a copy of a that parses names with lists.
func (a *Authority) WithLists(lists *Lists) *Authority {
	c := NewAuthority(lists)
	for _, e := range a.entries {
		c.add(e)
	}
	return c
}

// Entries returns the entries in file order.
func (a *Authority) Entries() []*Entry { return a.entries }

// Load reads entries, one per line, tab-separated:
//
//	id  kind  canonical  variant  variant ...
//
// kind is person, org, place or work (the last two are kept whole like
// organizations). Blank lines and lines starting with # are skipped. A
// line whose id is already known adds variants to that entry.
func (a *Authority) Load(r io.Reader, file string) diag.List {
	var diags diag.List
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		pos := diag.Pos{File: file, Line: line, Col: 1}
		if len(f) < 3 || f[0] == "" || f[2] == "" {
			diags.Errorf(pos, "want id<TAB>kind<TAB>canonical<TAB>variants..., got %d fields", len(f))
			continue
		}
		var kind Kind
		switch f[1] {
		case "person":
			kind = Person
		case "org", "place", "work":
			kind = Org
		default:
			diags.Errorf(diag.Pos{File: file, Line: line, Col: len(f[0]) + 2}, "unknown kind %q (want person, org, place or work)", f[1])
			continue
		}
		e := &Entry{ID: f[0], Kind: kind, Canonical: f[2]}
		for _, v := range f[3:] {
			if v = strings.TrimSpace(v); v != "" {
				e.Variants = append(e.Variants, v)
			}
		}
		if old := a.byID[e.ID]; old != nil {
			if old.Kind != e.Kind {
				diags.Errorf(pos, "entry %s is a %s, not a %s", e.ID, old.Kind, e.Kind)
				continue
			}
			e.Variants = append(append(append([]string(nil), old.Variants...), e.Canonical), e.Variants...)
			e.Canonical = old.Canonical
		}
		a.add(e)
	}
	if err := sc.Err(); err != nil {
		diags.Errorf(diag.Pos{File: file, Line: line}, "%v", err)
	}
	return diags
}

// add parses the forms of e and indexes them, replacing an entry with the
// same id.
func (a *Authority) add(e *Entry) {
	e = &Entry{ID: e.ID, Kind: e.Kind, Canonical: e.Canonical, Variants: e.Variants}
	for _, s := range append([]string{e.Canonical}, e.Variants...) {
		p := a.lists.Parse(s)
		if e.Kind == Org && p.Kind != Org {
			p = Parsed{Original: s, Script: p.Script}
			p.setOrg(a.lists, s)
		}
		if e.Kind == Person && p.Kind != Person {
			if isAcronym(s) {
				p.Kind = Person // an acronym of a person: keep it as an org key
			} else {
				p = Parsed{Original: s, Script: p.Script}
				p.setPerson(a.lists, s)
			}
		}
		e.forms = append(e.forms, p)
		if e.Kind == Org {
			for _, w := range splitWords(s) {
				a.vocab[strings.ReplaceAll(foldWord(w).key, " ", "")] = true
			}
		}
	}
	if old := a.byID[e.ID]; old != nil {
		for i, x := range a.entries {
			if x == old {
				a.entries[i] = e
			}
		}
		a.reindex()
	} else {
		a.entries = append(a.entries, e)
	}
	a.byID[e.ID] = e
	a.index(e)
}

func (a *Authority) reindex() {
	a.exact = map[string]*Entry{}
	for _, e := range a.entries {
		a.index(e)
	}
}

func (a *Authority) index(e *Entry) {
	for i := range e.forms {
		for _, k := range a.lookupKeys(&e.forms[i]) {
			if old, ok := a.exact[k]; ok && old != e {
				a.exact[k] = nil
				continue
			}
			a.exact[k] = e
		}
	}
}

// lookupKeys are the exact keys under which a parsed name is looked up: its
// key, its acronyms when it is only an acronym, and for a name of one to
// three words the same words as an organization, so that a newspaper title
// parsed as a personal name still finds its entry.
func (a *Authority) lookupKeys(p *Parsed) []string {
	keys := []string{p.Key}
	if p.Kind == Person && len(p.toks) == 1 && p.Gender != 0 {
		// "Madam Rajavi" names one woman; "Rajavi" alone, nobody.
		keys[0] += "/" + string(rune(p.Gender))
	}
	if p.Kind == Org && len(p.toks) == 0 {
		for _, x := range p.acrs {
			keys = append(keys, "acr:"+x)
		}
	}
	if p.Kind == Person && len(p.toks) <= 3 && len(p.toks) > 0 && a.orgWords(p) {
		// A title or a group parsed as a personal name ("Kayhan",
		// "People's Combatants") still finds its entry.
		var o Parsed
		o.setOrg(a.lists, strings.Join(strings.Fields(p.Original), " "))
		keys = append(keys, o.Key)
		if len(p.toks) == 1 && isAcronym(p.Display.Family) {
			keys = append(keys, "acr:"+strings.ToLower(p.Display.Family))
		}
	}
	if len(p.toks) == 1 && len(p.Original) <= 5 {
		keys = append(keys, "acr:"+strings.ToLower(strings.TrimSpace(p.Original)))
	}
	return keys
}

// Lookup returns the entry whose canonical form or variants have the same
// key as p, or nil.
func (a *Authority) Lookup(p Parsed) *Entry {
	for _, k := range a.lookupKeys(&p) {
		if e := a.exact[k]; e != nil {
			return e
		}
	}
	return nil
}
