package citekey

import (
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// Options control Assign.
type Options struct {
	// Generator makes the keys; nil means NewGenerator(nil, nil).
	Generator *Generator
	// All regenerates every key that is not pinned; otherwise items that
	// already have a key keep it and only items without one get a key.
	All bool
	// Pinned are keys that never change, in addition to those pinned in
	// the items themselves (see PinnedKey).
	Pinned map[string]bool
	// Reserved are keys that no new key may take, ignoring case, such as
	// BibTeXFile.Reserved.
	Reserved map[string]bool
}

// Change is one key that Assign changed.
type Change struct {
	Index    int // the item's position in the input
	Old, New string
}

// Assign returns a key for every item, in input order. Pinned keys (a
// Citation Key line, or Options.Pinned) are kept, as are existing keys
// unless Options.All is set; the other items get their formula key, made
// unique against all keys (ignoring case, as BibTeX does) with a suffix
// a, b, ..., z, aa, ab, ... in input order, so that the same input always
// gives the same keys. Changes lists the keys that differ from the IDs.
func Assign(items []bib.Item, opts Options) (keys []string, changes []Change) {
	g := opts.Generator
	if g == nil {
		g = NewGenerator(nil, nil)
	}
	keys = make([]string, len(items))
	used := make(map[string]bool, len(items)+len(opts.Reserved))
	for k := range opts.Reserved {
		used[strings.ToLower(k)] = true
	}
	for i := range items {
		it := &items[i]
		switch pk := PinnedKey(it); {
		case pk != "":
			keys[i] = pk
		case it.ID != "" && (opts.Pinned[it.ID] || !opts.All):
			keys[i] = it.ID
		default:
			continue
		}
		used[strings.ToLower(keys[i])] = true
	}
	next := map[string]int{} // the first suffix not yet tried for a base key
	for i := range items {
		if keys[i] != "" {
			continue
		}
		base := g.Key(&items[i])
		k := base
		for used[strings.ToLower(k)] {
			n := next[base]
			next[base] = n + 1
			k = base + suffix(n)
		}
		used[strings.ToLower(k)] = true
		keys[i] = k
	}
	for i, k := range keys {
		if k != items[i].ID {
			changes = append(changes, Change{Index: i, Old: items[i].ID, New: k})
		}
	}
	return keys, changes
}

// suffix is the n-th disambiguating suffix: a..z, then aa, ab, ...
func suffix(n int) string {
	s := ""
	for n++; n > 0; n = (n - 1) / 26 {
		s = string(rune('a'+(n-1)%26)) + s
	}
	return s
}
