package dedupe

import (
	"fmt"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// Compare decides whether a and b describe the same work and says why.
func Compare(a, b bib.Item) (duplicate bool, reason string) {
	return compareKeys(keysOf(a, false), keysOf(b, false))
}

func compareKeys(a, b keys) (bool, string) {
	if a.doi != "" && b.doi != "" {
		if a.doi == b.doi {
			return true, "same DOI " + a.doi
		}
		return false, "different DOIs"
	}
	for _, x := range a.isbns {
		if contains(b.isbns, x) {
			return true, "same ISBN " + x
		}
	}
	if a.url != "" && a.url == b.url {
		return true, "same URL " + a.url
	}
	t := sharedTitle(a, b)
	if t == "" {
		return false, "different titles"
	}
	if a.inside != "" && b.inside != "" && !wordSubset(a.inside, b.inside) && !wordSubset(b.inside, a.inside) {
		// Articles of one title in different periodicals or books.
		return false, "same title, different containers"
	}
	var why []string
	why = append(why, fmt.Sprintf("same title %q", t))
	if a.year != 0 && b.year != 0 {
		if a.year != b.year {
			return false, "same title, different years"
		}
		why = append(why, "same year "+yearString(a.year))
	}
	switch {
	case a.hasName && b.hasName:
		who, ok := peopleMatch(a.people, b.people)
		if !ok {
			return false, "same title, different authors"
		}
		why = append(why, who)
	case len(strings.Fields(titleKey(t))) < 3 && (a.year == 0 || b.year == 0):
		// A short title alone ("Assassins", "Introduction") says too little.
		return false, "same short title only"
	}
	return true, strings.Join(why, ", ")
}

// peopleMatch reports whether the first person of one list is among the
// other's, returning a description of the match.
func peopleMatch(a, b []bib.Name) (string, bool) {
	for _, x := range a {
		for _, y := range b {
			if ok, why := sameName(x, y); ok {
				return why, true
			}
		}
	}
	return "", false
}

// Link finds the one known work a reference (typically extracted from free
// text, possibly without a title) refers to. It returns -1 when no known
// work fits or when several fit equally well.
func Link(ref bib.Item, known []bib.Item) (index int, reason string) {
	return NewLinker(known).Link(ref)
}

// Linker links many references to the same known works, computing the
// works' comparison keys once.
type Linker struct {
	known []keys
}

// NewLinker prepares the known works for Link.
func NewLinker(known []bib.Item) *Linker {
	kk := make([]keys, len(known))
	for i, it := range known {
		kk[i] = keysOf(it, true)
	}
	return &Linker{known: kk}
}

// Link is dedupe.Link against the linker's known works.
func (l *Linker) Link(ref bib.Item) (index int, reason string) {
	rk := keysOf(ref, true)
	kk := l.known
	// Tiers, strongest first; the first tier with exactly one candidate wins.
	tiers := []func(r, k keys) (bool, string){
		compareKeys,
		looseTitle,
		agentDate,
	}
	for _, tier := range tiers {
		found, why := -1, ""
		ambiguous := false
		for i, k := range kk {
			ok, w := tier(rk, k)
			if !ok {
				continue
			}
			if found >= 0 {
				ambiguous = true
				break
			}
			found, why = i, w
		}
		if found >= 0 && !ambiguous {
			return found, why
		}
		if ambiguous {
			return -1, "ambiguous"
		}
	}
	return -1, ""
}

// looseTitle matches a reference whose title is the beginning of a known
// title (a shortened citation) or equal to a short title, when dates and
// people do not contradict.
func looseTitle(r, k keys) (bool, string) {
	if len(r.titles) == 0 {
		return false, ""
	}
	t := sharedTitle(r, k)
	if t == "" {
		for i, rt := range r.titles {
			for _, kt := range k.titles {
				if len(strings.Fields(rt)) >= 2 && strings.HasPrefix(kt+" ", rt+" ") {
					t = r.texts[i]
				}
			}
		}
	}
	if t == "" || !datesAgree(r.date, k.date) {
		return false, ""
	}
	why := fmt.Sprintf("title %q", t)
	if r.hasName && k.hasName {
		who, ok := peopleMatch(r.people, k.people)
		if !ok {
			return false, ""
		}
		why += ", " + who
	}
	return true, why
}

// agentDate matches a reference without a usable title by who issued it
// (author, publisher or periodical), its date and its type: "a 2009 Rand
// report", "New York Times, July 20th, 2003".
func agentDate(r, k keys) (bool, string) {
	if r.typ != "" && k.typ != "" && r.typ != k.typ {
		return false, ""
	}
	agent, ok := agentsMatch(r, k)
	if !ok {
		if r.hasName && k.hasName {
			agent, ok = peopleMatch(r.people, k.people)
		}
		if !ok {
			return false, ""
		}
	}
	if !datesAgree(r.date, k.date) || r.year != 0 && k.year == 0 {
		return false, ""
	}
	why := fmt.Sprintf("by %s", agent)
	if r.typ != "" {
		why += ", " + r.typ
	}
	if r.year != 0 {
		why += ", " + r.date.String()
	}
	return true, why
}
