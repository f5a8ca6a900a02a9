package csl

import (
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// disambiguateAll applies the style's disambiguation methods in the order
// of the spec: add names, add given names, the disambiguate condition,
// then year suffixes.
func (p *Processor) disambiguateAll(order []*ref) {
	cit := p.style.citation
	addNames := cit.attrs["disambiguate-add-names"] == "true"
	addGiven := cit.attrs["disambiguate-add-givenname"] == "true"
	addYear := cit.attrs["disambiguate-add-year-suffix"] == "true"
	rule := cit.attrs["givenname-disambiguation-rule"]
	if rule == "" {
		rule = "by-cite"
	}
	if len(order) < 2 {
		return
	}
	if addGiven && rule != "by-cite" {
		p.globalGivenNames(order, rule)
	}
	groups := p.ambiguous(order)
	for _, g := range groups {
		p.resolveGroup(g, addNames, addGiven, rule)
	}
	groups = p.ambiguous(order)
	if len(groups) > 0 && usesDisambiguate(cit) {
		for _, g := range groups {
			for _, r := range g {
				r.disambiguate = true
			}
		}
		groups = p.ambiguous(order)
	}
	if addYear {
		bibOrder := order
		if p.style.bibliography != nil && p.style.bibliography.child("sort") != nil {
			bibOrder = p.sorter.sortRefs(order, p.style.bibliography)
		}
		pos := map[*ref]int{}
		for i, r := range bibOrder {
			pos[r] = i
		}
		for _, g := range groups {
			sortRefsBy(g, pos)
			for i, r := range g {
				r.yearSuffix = i + 1
			}
		}
	}
}

func usesDisambiguate(e *element) bool {
	if e.has("disambiguate") && (e.name == "if" || e.name == "else-if") {
		return true
	}
	for _, c := range e.children {
		if usesDisambiguate(c) {
			return true
		}
	}
	return false
}

func sortRefsBy(g []*ref, pos map[*ref]int) {
	for i := 1; i < len(g); i++ {
		for j := i; j > 0 && pos[g[j]] < pos[g[j-1]]; j-- {
			g[j], g[j-1] = g[j-1], g[j]
		}
	}
}

// disambKey renders an item as a first cite without locator, the form in
// which cites are compared for ambiguity.
func (p *Processor) disambKey(r *ref) string {
	c := &Cite{ID: r.item.ID}
	n := p.renderCiteNode(c, r)
	if n == nil {
		return ""
	}
	return n.plain()
}

// ambiguous returns the groups of items whose cites render identically.
func (p *Processor) ambiguous(order []*ref) [][]*ref {
	byKey := map[string][]*ref{}
	var keys []string
	for _, r := range order {
		k := p.disambKey(r)
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], r)
	}
	var out [][]*ref
	for _, k := range keys {
		if len(byKey[k]) > 1 {
			out = append(out, byKey[k])
		}
	}
	return out
}

func distinctCount(p *Processor, g []*ref) int {
	seen := map[string]bool{}
	for _, r := range g {
		seen[p.disambKey(r)] = true
	}
	return len(seen)
}

func maxNames(r *ref) int {
	m := 0
	for _, ns := range r.item.Names {
		m = max(m, len(ns))
	}
	return m
}

type disambState struct {
	addNames int
	given    map[string]int
}

func saveState(g []*ref) []disambState {
	out := make([]disambState, len(g))
	for i, r := range g {
		out[i].addNames = r.addNames
		if r.given != nil {
			out[i].given = make(map[string]int, len(r.given))
			for k, v := range r.given {
				out[i].given[k] = v
			}
		}
	}
	return out
}

func restoreState(g []*ref, st []disambState) {
	for i, r := range g {
		r.addNames = st[i].addNames
		r.given = st[i].given
	}
}

// resolveGroup tries to tell apart cites that render alike: it shows more
// names (add-names), expanding given names of the shown names as it goes
// (add-givenname), and keeps the state that separates the most cites.
func (p *Processor) resolveGroup(g []*ref, addNames, addGiven bool, rule string) {
	best := distinctCount(p, g)
	bestState := saveState(g)
	first := p.etAlUseFirst()
	limit := 0
	for _, r := range g {
		limit = max(limit, maxNames(r))
	}
	if addNames && first > 0 {
		for n := first + 1; n <= limit && best < len(g); n++ {
			for _, r := range g {
				r.addNames = n
			}
			if addGiven {
				p.tryAddGiven(g, rule, n)
			}
			if d := distinctCount(p, g); d > best {
				best, bestState = d, saveState(g)
			}
		}
		restoreState(g, bestState)
		return
	}
	if addGiven {
		shown := limit
		if first > 0 {
			shown = first
		}
		p.tryAddGiven(g, rule, shown)
	}
}

func (p *Processor) etAlUseFirst() int {
	for _, e := range []*element{p.style.citation, p.style.root} {
		if v, ok := e.attrs["et-al-use-first"]; ok {
			n, _ := atoi(v)
			return n
		}
	}
	// the attribute usually sits on cs:name inside the layout or a macro
	n := 0
	var walk func(e *element)
	walk = func(e *element) {
		if n > 0 {
			return
		}
		if e.name == "name" && e.has("et-al-use-first") {
			n, _ = atoi(e.attrs["et-al-use-first"])
			return
		}
		for _, c := range e.children {
			walk(c)
		}
	}
	walk(p.style.citation)
	for _, m := range p.style.macros {
		walk(m)
	}
	return n
}

// tryAddGiven expands given names of the group's names, one name at a
// time, first to initials then to full names.
func (p *Processor) tryAddGiven(g []*ref, rule string, shown int) {
	maxLevel := 2
	if strings.HasSuffix(rule, "with-initials") {
		maxLevel = 1
	}
	limit := 0
	for _, r := range g {
		limit = max(limit, maxNames(r))
	}
	limit = min(limit, shown)
	if strings.HasPrefix(rule, "primary-name") {
		limit = min(limit, 1)
	}
	for i := 0; i < limit; i++ {
		if distinctCount(p, g) == len(g) {
			return
		}
		for level := 1; level <= maxLevel; level++ {
			before := distinctCount(p, g)
			var changed []*ref
			var prev []int
			for _, r := range g {
				n, ok := nthName(r, i)
				if !ok || n.Given == "" {
					continue
				}
				if r.given == nil {
					r.given = map[string]int{}
				}
				k := personKey(n)
				if r.given[k] < level {
					changed = append(changed, r)
					prev = append(prev, r.given[k])
					r.given[k] = level
				}
			}
			if distinctCount(p, g) <= before {
				for j, r := range changed {
					n, _ := nthName(r, i)
					r.given[personKey(n)] = prev[j]
				}
				continue
			}
			break
		}
	}
}

// nthName returns the i-th name of the item's first non-empty primary
// name variable.
func nthName(r *ref, i int) (bib.Name, bool) {
	for _, v := range []string{"author", "editor", "translator", "composer", "director"} {
		if ns := r.item.Names[v]; len(ns) > 0 {
			if i < len(ns) {
				return ns[i], true
			}
			return bib.Name{}, false
		}
	}
	return bib.Name{}, false
}

// globalGivenNames applies the all-names and primary-name rules: every
// name that shares its family name with another person is expanded as
// far as needed to tell them apart.
func (p *Processor) globalGivenNames(order []*ref, rule string) {
	maxLevel := 2
	if strings.HasSuffix(rule, "with-initials") {
		maxLevel = 1
	}
	primary := strings.HasPrefix(rule, "primary-name")
	byFamily := map[string]map[string]bib.Name{}
	for _, r := range order {
		for _, v := range bib.SortedKeys(r.item.Names) {
			for i, n := range r.item.Names[v] {
				if primary && i > 0 {
					break
				}
				if n.Family == "" {
					continue
				}
				n = parseParticles(n)
				f := n.NonDroppingParticle + " " + n.Family
				if byFamily[f] == nil {
					byFamily[f] = map[string]bib.Name{}
				}
				byFamily[f][n.Given] = n
			}
		}
	}
	for _, r := range order {
		for _, v := range bib.SortedKeys(r.item.Names) {
			for i, n := range r.item.Names[v] {
				if primary && i > 0 {
					break
				}
				pn := parseParticles(n)
				others := byFamily[pn.NonDroppingParticle+" "+pn.Family]
				if len(others) < 2 {
					continue
				}
				level := 2
				ini := initials(pn.Given)
				unique := true
				for g := range others {
					if g != pn.Given && initials(g) == ini {
						unique = false
					}
				}
				if unique {
					level = 1
				} else if maxLevel < 2 {
					continue // initials cannot tell these apart
				}
				if r.given == nil {
					r.given = map[string]int{}
				}
				r.given[personKey(n)] = level
			}
		}
	}
}

func initials(given string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '.' || r == '-' }) {
		b.WriteString(string([]rune(w)[:1]))
	}
	return b.String()
}
