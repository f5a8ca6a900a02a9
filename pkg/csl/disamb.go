package csl

import (
	"slices"
	"strconv"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// disambiguateAll applies the style's disambiguation methods in the order
// of the spec: add names, add given names, the disambiguate condition,
// then year suffixes, which follow bibOrder (the bibliography order, or
// nil to compute it).
func (p *Processor) disambiguateAll(order, bibOrder []*ref) {
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
	later := addYear || p.hasDisambCond()
	for _, g := range groups {
		p.disNames(g, addNames, addGiven && rule == "by-cite", later)
	}
	groups = p.ambiguous(order)
	// each round switches on one more condition for the items still
	// ambiguous, while their cites have conditions left to switch on
	for len(groups) > 0 {
		changed := false
		for _, g := range groups {
			for _, r := range g {
				if r.disambSteps < r.disambConds {
					r.disambSteps++
					changed = true
				}
			}
		}
		if !changed {
			break
		}
		groups = p.ambiguous(order)
	}
	if addYear {
		if bibOrder == nil {
			bibOrder = order
			if p.style.bibliography != nil && p.style.bibliography.child("sort") != nil {
				bibOrder = p.sorter.sortRefs(order, p.style.bibliography)
			}
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

func sortRefsBy(g []*ref, pos map[*ref]int) {
	for i := 1; i < len(g); i++ {
		for j := i; j > 0 && pos[g[j]] < pos[g[j-1]]; j-- {
			g[j], g[j-1] = g[j-1], g[j]
		}
	}
}

// disambKeys renders an item as it is cited — at each position it
// occurs in (first, subsequent, ibid), without locator — the forms in
// which cites are compared for ambiguity.
func (p *Processor) disambKeys(r *ref) []string {
	fp := r.fingerprint()
	if r.keys != nil && r.keysFor == fp {
		return r.keys
	}
	positions := p.citedAt[r]
	if len(positions) == 0 {
		positions = []int{posFirst}
	}
	if p.anySubsequent && !slices.Contains(positions, posSubsequent) {
		// an item cited once still clashes with the subsequent form of
		// another, which the disambiguate condition must set apart
		positions = append(slices.Clip(positions), posSubsequent)
	}
	if p.subsequentEtAl && !slices.Contains(positions, posSubsequent) {
		positions = append(slices.Clip(positions), posSubsequent)
	}
	keys := make([]string, 0, len(positions))
	for _, pos := range positions {
		c := &Cite{ID: r.item.ID, position: pos}
		n := p.renderCiteNodeFor(c, r, true)
		k := ""
		if n != nil {
			k = n.plain()
		}
		keys = append(keys, strconv.Itoa(pos)+"\x00"+k)
	}
	r.keys, r.keysFor = keys, fp
	return keys
}

// fingerprint sums up the disambiguation state that changes how an item
// renders, so that its cite keys are re-rendered only when it changed.
func (r *ref) fingerprint() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(r.addNames))
	b.WriteString("d" + strconv.Itoa(r.disambSteps))
	for _, k := range bib.SortedKeys(r.given) {
		b.WriteString("\x00" + k + strconv.Itoa(r.given[k]))
	}
	return b.String()
}

// ambiguous returns the groups of items some of whose cites render
// identically.
func (p *Processor) ambiguous(order []*ref) [][]*ref {
	owner := map[string]int{} // key -> group id
	parent := make([]int, len(order))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, r := range order {
		for _, k := range p.disambKeys(r) {
			if j, ok := owner[k]; ok {
				parent[find(i)] = find(j)
			} else {
				owner[k] = i
			}
		}
	}
	groups := map[int][]*ref{}
	var roots []int
	for i, r := range order {
		root := find(i)
		if _, ok := groups[root]; !ok {
			roots = append(roots, root)
		}
		groups[root] = append(groups[root], r)
	}
	var out [][]*ref
	for _, root := range roots {
		if len(groups[root]) > 1 {
			out = append(out, groups[root])
		}
	}
	return out
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

func (p *Processor) etAlUseFirst() int {
	return p.citeNameAttr("et-al-use-first")
}

// citeNameAttr returns a numeric name attribute of the citation: on
// cs:citation, the style, or else the first cs:name inside the citation
// layout or a macro that sets it.
func (p *Processor) citeNameAttr(attr string) int {
	for _, e := range []*element{p.style.citation, p.style.root} {
		if v, ok := e.attrs[attr]; ok {
			n, _ := atoi(v)
			return n
		}
	}
	n := 0
	var walk func(e *element)
	walk = func(e *element) {
		if n > 0 {
			return
		}
		if e.name == "name" && e.has(attr) {
			n, _ = atoi(e.attrs[attr])
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
				byFamily[f][normGiven(n.Given)] = n
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
					if g != normGiven(pn.Given) && initials(g) == ini {
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

// normGiven spells a given name without its periods and spacing, so that
// "J. J." and "J.J." are one person: they render alike at every level.
func normGiven(given string) string {
	return strings.Join(strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '.' }), " ")
}

func initials(given string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '.' || r == '-' }) {
		b.WriteString(string([]rune(w)[:1]))
	}
	return b.String()
}
