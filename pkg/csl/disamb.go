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
	for _, g := range groups {
		p.resolveGroup(g, addNames, addGiven, rule)
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

// unique returns the members of g whose cites collide with no other
// member's.
func (p *Processor) unique(g []*ref) map[*ref]bool {
	count := map[string]int{}
	keys := make([][]string, len(g))
	for i, r := range g {
		keys[i] = p.disambKeys(r)
		for _, k := range keys[i] {
			count[k]++
		}
	}
	out := map[*ref]bool{}
	for i, r := range g {
		ok := true
		for _, k := range keys[i] {
			if count[k] > 1 {
				ok = false
			}
		}
		if ok {
			out[r] = true
		}
	}
	return out
}

// distinctCount counts the different renderings among the members.
func distinctCount(p *Processor, g []*ref) int {
	seen := map[string]bool{}
	for _, r := range g {
		seen[strings.Join(p.disambKeys(r), "\x01")] = true
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
	if sameNames(g) {
		return // more names or given names cannot tell these apart
	}
	best := distinctCount(p, g)
	bestState := saveState(g)
	first := p.etAlUseFirst()
	limit := 0
	for _, r := range g {
		limit = max(limit, maxNames(r))
	}
	if addNames && first > 0 {
		// members that become unique keep the fewest names that did it
		done := p.unique(g)
		for n := first + 1; n <= limit && best < len(g); n++ {
			var open []*ref
			for _, r := range g {
				if !done[r] {
					r.addNames = n
					open = append(open, r)
				}
			}
			if addGiven {
				p.tryAddGiven(open, rule, n)
			}
			if d := distinctCount(p, g); d > best {
				best, bestState = d, saveState(g)
				done = p.unique(g)
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

// sameNames reports whether every member has exactly the same names.
func sameNames(g []*ref) bool {
	first := g[0].item.Names
	for _, r := range g[1:] {
		if len(r.item.Names) != len(first) {
			return false
		}
		for v, ns := range first {
			os, ok := r.item.Names[v]
			if !ok || len(os) != len(ns) {
				return false
			}
			for i := range ns {
				if !ns[i].Equal(os[i]) {
					return false
				}
			}
		}
	}
	return true
}
