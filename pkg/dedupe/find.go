package dedupe

import (
	"sort"

	"github.com/manba/manba/pkg/bib"
)

// Pair is two items judged duplicates, by their index in the input, with
// the reason.
type Pair struct {
	A, B   int // A < B
	Reason string
}

// Find returns every pair of duplicate items, ordered by A then B. Pairs
// whose keys are recorded in distinct (which may be nil) are left out.
//
// Only items that share an identifier or a title key are compared, so the
// cost grows with the number of candidate pairs, not the square of the
// number of items.
func Find(items []bib.Item, distinct *Distinct) []Pair {
	kk := make([]keys, len(items))
	blocks := map[string][]int{}
	for i, it := range items {
		k := keysOf(it, false)
		kk[i] = k
		if k.doi != "" {
			blocks["doi:"+k.doi] = append(blocks["doi:"+k.doi], i)
		}
		if k.url != "" {
			blocks["url:"+k.url] = append(blocks["url:"+k.url], i)
		}
		for _, n := range k.isbns {
			blocks["isbn:"+n] = append(blocks["isbn:"+n], i)
		}
		for _, t := range k.titles {
			blocks["title:"+t] = append(blocks["title:"+t], i)
		}
	}
	seen := map[[2]int]bool{}
	var pairs []Pair
	for _, block := range blocks {
		for x := 0; x < len(block); x++ {
			for y := x + 1; y < len(block); y++ {
				a, b := block[x], block[y]
				if a == b || seen[[2]int{a, b}] {
					continue
				}
				seen[[2]int{a, b}] = true
				if distinct.Has(items[a].ID, items[b].ID) {
					continue
				}
				if ok, why := compareKeys(kk[a], kk[b]); ok {
					pairs = append(pairs, Pair{A: a, B: b, Reason: why})
				}
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].A != pairs[j].A {
			return pairs[i].A < pairs[j].A
		}
		return pairs[i].B < pairs[j].B
	})
	return pairs
}
