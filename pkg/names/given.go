package names

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/manba/manba/pkg/translit"
)

// givenEntry is one name of the given-name lexicon: its ALA-LC form and
// the readings of its usual spellings.
type givenEntry struct {
	form     string
	readings []translit.Reading
}

//go:embed data/given.tsv
var givenTSV string

// givenLexicon indexes the entries by the plain skeletons of their
// spellings, so that a word is only compared with the names it could be.
var givenLexicon = sync.OnceValue(func() map[string][]*givenEntry {
	idx := map[string][]*givenEntry{}
	m := translit.DefaultModel
	for _, line := range strings.Split(givenTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			continue // checked by TestGivenLexicon
		}
		e := &givenEntry{form: f[0]}
		spellings := append([]string{f[0], f[1]}, strings.Split(f[2], ",")...)
		for _, s := range spellings {
			e.readings = append(e.readings, m.Read(strings.TrimSpace(s)))
		}
		seen := map[string]bool{}
		for _, r := range e.readings {
			sk := m.Skeletons(nil, r)[0]
			if !seen[sk] {
				seen[sk] = true
				idx[sk] = append(idx[sk], e)
			}
		}
	}
	return idx
})

// givenMargin is how much better the best entry must explain a spelling
// than any other for the spelling to be read as that name.
const givenMargin = 0.1

// givenName returns the lexicon entry a token clearly spells, or nil.
func givenName(t token) *givenEntry {
	if t.initial {
		return nil
	}
	return t.given
}

// lookupGiven returns the lexicon entry a reading clearly spells, or nil;
// it is called once per distinct word (through the fold cache).
func lookupGiven(rd translit.Reading) *givenEntry {
	if rd.Symbols == "" {
		return nil
	}
	t := struct{ rd translit.Reading }{rd}
	m := translit.DefaultModel
	cands := givenLexicon()[m.Skeletons(nil, t.rd)[0]]
	if len(cands) == 0 {
		return nil
	}
	// A usual spelling names its entry (Hamid is Ḥamīd, though Ḥāmid is
	// also romanized Hamid by Arabic-style conventions).
	var exact *givenEntry
	for _, e := range cands {
		for _, r := range e.readings {
			if r.Symbols == t.rd.Symbols && r.Script == t.rd.Script {
				if exact != nil && exact != e {
					return nil
				}
				exact = e
			}
		}
	}
	if exact != nil {
		return exact
	}
	var best *givenEntry
	bestCost, second := 1e9, 1e9
	for _, e := range cands {
		cost := 1e9
		for _, r := range e.readings {
			if r.Script != t.rd.Script {
				// Like with like: the script writes no short vowels, so
				// against it Hosni would read as Ḥasanī and Hüsnü as Ḥasan.
				continue
			}
			// Close, not just within the budget: Mir (a title) is not
			// Amīr, though one vowel written or not would make it so.
			if c := m.Compare(t.rd, r); c.Cost <= c.Budget/2 && c.Cost < cost {
				cost = c.Cost
			}
		}
		switch {
		case cost < bestCost:
			best, bestCost, second = e, cost, bestCost
		case cost < second:
			second = cost
		}
	}
	if best == nil || bestCost >= 1e9 || second-bestCost < givenMargin {
		return nil
	}
	return best
}
