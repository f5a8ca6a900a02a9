package csl

import (
	"slices"
	"strconv"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// The name stage of disambiguation, as citeproc-js runs it
// (CSL.Disambiguation: initVars, incrementDisambig, scanItems, disNames).
// One configuration, the base, is shared by every cite of an ambiguous
// group and only ever moves forward: under givenname-disambiguation-rule
// by-cite the given name of the current name is expanded first (initials,
// then full), and only then is a name added and its given name expanded in
// turn. The items are scanned in order of their number of names; an item
// whose cite no longer clashes is registered with the best configuration
// found so far, which is what its cites and, in styles that add given
// names, its bibliography entry show (bibDisamb). Only the first name
// list counts, as in the citations of the styles in use.

// ambigCfg is citeproc-js's AmbigConfig for the first name list: how many
// names are shown and the given-name level of each.
type ambigCfg struct {
	names  int
	givens []int
}

func (c ambigCfg) clone() ambigCfg {
	return ambigCfg{names: c.names, givens: slices.Clone(c.givens)}
}

// pad gives every shown name a given-name level.
func (c *ambigCfg) pad() {
	for len(c.givens) < c.names {
		c.givens = append(c.givens, 0)
	}
}

// disList is one list of items still to tell apart, with its configuration.
type disList struct {
	cfg   *ambigCfg
	items []*ref
}

// disNames runs the name stage over one group of items whose cites clash.
// addNames and givens say whether names may be added and given names
// expanded (the by-cite rule); later says whether the disambiguate
// condition or year suffixes follow.
func (p *Processor) disNames(g []*ref, addNames, givens, later bool) {
	if (!addNames && !givens) || sameNames(g) {
		// names identical throughout cannot tell the cites apart: the
		// stage would end where it starts
		return
	}
	items := slices.Clone(g)
	// citeproc-js orders by the count of names as a string, then by ID
	slices.SortStableFunc(items, func(a, b *ref) int {
		if c := strings.Compare(strconv.Itoa(firstNamesCount(a)), strconv.Itoa(firstNamesCount(b))); c != 0 {
			return c
		}
		return strings.Compare(a.item.ID, b.item.ID)
	})
	first, etAlMin := p.etAlUseFirst(), p.citeEtAlMin()
	shownBy := func(r *ref, names int) int {
		n := firstNamesCount(r)
		if names > 0 {
			return min(names, n)
		}
		if etAlMin > 0 && first > 0 && n >= etAlMin {
			return min(first, n)
		}
		return n
	}
	base := &ambigCfg{}
	for _, r := range items {
		base.names = max(base.names, shownBy(r, 0))
	}
	base.pad()
	better := base.clone()
	namesMax := firstNamesCount(items[0])
	saved := saveState(items)
	final := map[*ref]ambigCfg{}
	register := func(r *ref) { final[r] = better.clone() }

	lists := []disList{{cfg: &better, items: items}}
	initGivens := true
	// each step moves the base forward or shrinks a list; the cap only
	// guards against a loop on inconsistent input
	for steps := 0; len(lists) > 0 && steps < 100000; {
		gname := 0
		clashes := [2]int{1, 0}
		for len(lists[0].items) > 0 && steps < 100000 {
			steps++
			// incrementDisambig
			maxed := false
			if initGivens {
				initGivens = false
			} else {
				incNames := !givens
				if givens {
					if gname < len(base.givens) && base.givens[gname] < 2 {
						base.givens[gname]++
					} else {
						incNames = true
					}
				}
				if incNames && addNames && gname < namesMax {
					base.names++
					gname++
					base.pad()
				}
				maxed = (!addNames || gname == namesMax) &&
					(!givens || gname >= len(base.givens) || base.givens[gname] == 2)
			}
			// scanItems
			list := lists[0].items
			keys := func(r *ref) []string {
				p.applyCfg(r, *base, shownBy(r, base.names), givens)
				return p.disambKeys(r)
			}
			itemKeys := keys(list[0])
			partners, nonpartners := []*ref{list[0]}, []*ref(nil)
			for _, o := range list[1:] {
				if sharesKey(itemKeys, keys(o)) {
					partners = append(partners, o)
				} else {
					nonpartners = append(nonpartners, o)
				}
			}
			// rendering writes the shown count of the last item back
			base.names = shownBy(list[len(list)-1], base.names)
			base.pad()
			clashes[0], clashes[1] = clashes[1], len(partners)-1
			capture := func() {
				if givens && gname < len(base.givens) {
					for len(better.givens) <= gname {
						better.givens = append(better.givens, 0)
					}
					better.givens[gname] = base.givens[gname]
				}
				better.names = base.names
			}
			// disNames
			switch {
			case clashes[1] == 0 && len(nonpartners) == 1:
				capture()
				register(nonpartners[0])
				register(partners[0])
				lists[0].items = nil
			case clashes[1] == 0:
				capture()
				register(partners[0])
				lists[0].items = nonpartners
				if len(nonpartners) > 0 {
					initGivens = true
				}
			case len(nonpartners) == 1:
				capture()
				register(nonpartners[0])
				lists[0].items = partners
			case clashes[1] < clashes[0]:
				capture()
				lists[0].items = partners
				lists = append(lists, disList{cfg: &better, items: nonpartners})
			case maxed:
				// no improvement and nothing left to try
				lists[0].items = nonpartners
				lists = append(lists, disList{cfg: &better, items: partners})
				if !later {
					for _, r := range partners {
						register(r)
					}
					lists[0].items = nil
				}
			}
			if maxed {
				if later {
					// the disambiguate condition and year suffixes
					// take over, from the best configuration
					for _, l := range lists {
						for _, r := range l.items {
							register(r)
						}
					}
					lists = lists[:1]
					lists[0].items = nil
				} else if len(lists) > 1 {
					lists[1].items = nil
				}
			}
		}
		lists = lists[1:]
	}
	restoreState(items, saved)
	for _, r := range items {
		if cfg, ok := final[r]; ok {
			p.applyCfg(r, cfg, shownBy(r, cfg.names), givens)
		}
	}
}

// applyCfg sets an item's disambiguation state to a configuration: the
// number of names shown and, under by-cite (givens), the given-name levels.
func (p *Processor) applyCfg(r *ref, cfg ambigCfg, shown int, givens bool) {
	r.addNames = shown
	if !givens {
		return
	}
	for j, lvl := range cfg.givens {
		n, ok := nthName(r, j)
		if !ok || n.Given == "" {
			continue
		}
		if r.given == nil {
			r.given = map[string]int{}
		}
		if lvl == 0 {
			delete(r.given, personKey(n))
		} else {
			r.given[personKey(n)] = lvl
		}
	}
}

func sharesKey(a, b []string) bool {
	for _, k := range a {
		if slices.Contains(b, k) {
			return true
		}
	}
	return false
}

// firstNamesCount is the number of names of the item's first name list.
func firstNamesCount(r *ref) int {
	for _, v := range []string{"author", "editor", "translator", "composer", "director"} {
		if ns := r.item.Names[v]; len(ns) > 0 {
			return len(ns)
		}
	}
	return 0
}

// citeEtAlMin is the citation's et-al-min, wherever the style sets it.
func (p *Processor) citeEtAlMin() int {
	return p.citeNameAttr("et-al-min")
}

// hasDisambCond reports whether the citation tests disambiguate="true".
func (p *Processor) hasDisambCond() bool {
	found := false
	var walk func(e *element)
	walk = func(e *element) {
		if found {
			return
		}
		if e.attrs["disambiguate"] == "true" {
			found = true
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
	return found
}

// sameNames reports whether every member has exactly the same names.
func sameNames(g []*ref) bool {
	first := g[0].item.Names
	for _, r := range g[1:] {
		if len(r.item.Names) != len(first) {
			return false
		}
		for v, ns := range first {
			if !slices.EqualFunc(ns, r.item.Names[v], bib.Name.Equal) {
				return false
			}
		}
	}
	return true
}
