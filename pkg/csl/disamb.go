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
		if addNames {
			p.tryAddNames(g)
		}
		if addGiven && (rule == "by-cite" || true) {
			p.tryAddGiven(g, rule)
		}
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

// tryAddNames raises et-al-use-first for the group until the cites differ,
// keeping the smallest number that helps.
func (p *Processor) tryAddNames(g []*ref) {
	base := distinctCount(p, g)
	limit := 0
	for _, r := range g {
		limit = max(limit, maxNames(r))
	}
	first := p.etAlUseFirst()
	if first == 0 {
		return
	}
	best, bestN := base, 0
	for n := first + 1; n <= limit; n++ {
		for _, r := range g {
			r.addNames = n
		}
		d := distinctCount(p, g)
		if d > best {
			best, bestN = d, n
		}
		if d == len(g) {
			break
		}
	}
	for _, r := range g {
		r.addNames = bestN
	}
	if bestN == 0 {
		return
	}
	// items made unique keep the smallest sufficient count
	for _, r := range g {
		for n := first + 1; n < bestN; n++ {
			r.addNames = n
			if p.isUniqueIn(r, g) {
				break
			}
			r.addNames = bestN
		}
	}
}

func (p *Processor) isUniqueIn(r *ref, g []*ref) bool {
	k := p.disambKey(r)
	for _, o := range g {
		if o != r && p.disambKey(o) == k {
			return false
		}
	}
	return true
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
func (p *Processor) tryAddGiven(g []*ref, rule string) {
	maxLevel := 2
	if strings.HasSuffix(rule, "with-initials") {
		maxLevel = 1
	}
	limit := 0
	for _, r := range g {
		limit = max(limit, maxNames(r))
	}
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
				}
				level = min(level, maxLevel)
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
