package dedupe

import (
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// KeyMapping says which kept item an original key now refers to.
type KeyMapping struct {
	Old, Kept string
}

// Merge joins the items connected by pairs into one item each. Of every
// group the richest item (most fields; the first on a tie) is kept, its
// missing fields are filled from the others in input order, and the other
// keys are recorded in its BibLaTeX "ids" field (Extra["ids"]), so citations
// by any old key still resolve. The result keeps input order (a group at the
// position of its first member); the key map lists every input key that
// changed, in input order.
func Merge(items []bib.Item, pairs []Pair) ([]bib.Item, []KeyMapping) {
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, p := range pairs {
		if p.A < 0 || p.B < 0 || p.A >= len(items) || p.B >= len(items) {
			continue
		}
		ra, rb := find(p.A), find(p.B)
		if ra < rb {
			parent[rb] = ra
		} else if rb < ra {
			parent[ra] = rb
		}
	}
	groups := map[int][]int{}
	var order []int
	for i := range items {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []bib.Item
	var keymap []KeyMapping
	for _, r := range order {
		g := groups[r]
		kept := g[0]
		for _, i := range g[1:] {
			if richness(items[i]) > richness(items[kept]) {
				kept = i
			}
		}
		m := items[kept].Clone()
		var ids []string
		if old := m.Extra["ids"]; old != "" {
			ids = splitIDs(old)
		}
		for _, i := range g {
			if i == kept {
				continue
			}
			fill(&m, items[i])
			if id := items[i].ID; id != m.ID && !contains(ids, id) {
				ids = append(ids, id)
			}
		}
		m.SetExtra("ids", strings.Join(ids, ","))
		out = append(out, m)
		for _, i := range g {
			if items[i].ID != m.ID {
				keymap = append(keymap, KeyMapping{Old: items[i].ID, Kept: m.ID})
			}
		}
	}
	sortKeyMap(keymap, items)
	return out, keymap
}

// sortKeyMap orders the key map by the input position of the old key.
func sortKeyMap(km []KeyMapping, items []bib.Item) {
	pos := map[string]int{}
	for i := len(items) - 1; i >= 0; i-- {
		pos[items[i].ID] = i
	}
	for i := 1; i < len(km); i++ {
		for j := i; j > 0 && pos[km[j].Old] < pos[km[j-1].Old]; j-- {
			km[j], km[j-1] = km[j-1], km[j]
		}
	}
}

func splitIDs(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
}

// richness counts the fields an item carries, with names and dates
// weighted by their length, so the most complete record is kept.
func richness(it bib.Item) int {
	n := len(it.Vars) + len(it.Dates) + len(it.Extra)
	for _, ns := range it.Names {
		n += len(ns)
	}
	for _, v := range it.Vars {
		if len(v) > 40 {
			n++ // a full title with subtitle beats a short one
		}
	}
	return n
}

// fill copies into m the fields it lacks from o.
func fill(m *bib.Item, o bib.Item) {
	for k, v := range o.Vars {
		if m.Get(k) == "" {
			m.Set(k, v)
		}
	}
	for k, v := range o.Names {
		if len(m.Names[k]) == 0 {
			m.SetNames(k, append([]bib.Name(nil), v...))
		}
	}
	for k, v := range o.Dates {
		if d, ok := m.Dates[k]; !ok || moreSpecific(v.From, d.From) && datesAgree(v.From, d.From) {
			m.SetDate(k, v)
		}
	}
	for k, v := range o.Extra {
		// "@" keys describe how the other item was written (its BibTeX
		// type, its "and others"); they do not describe the kept one.
		if k != "ids" && !strings.HasPrefix(k, "@") && m.Extra[k] == "" {
			m.SetExtra(k, v)
		}
	}
}

func moreSpecific(a, b bib.DateParts) bool {
	level := func(p bib.DateParts) int {
		switch {
		case p.Day != 0:
			return 3
		case p.Month != 0:
			return 2
		case p.Year != 0:
			return 1
		}
		return 0
	}
	return level(a) > level(b)
}
