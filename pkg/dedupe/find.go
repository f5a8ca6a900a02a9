package dedupe

import (
	"hash/maphash"
	"slices"
	"strings"

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
	f := NewFinder(distinct)
	for _, it := range items {
		f.Add(it)
	}
	return f.Pairs()
}

// Finder finds the duplicate pairs among items added one at a time. It
// keeps only what comparing needs (the keys of each item, not the item),
// so that a program can stream a large library through it.
type Finder struct {
	distinct *Distinct
	ids      []string
	keys     []*keys // pointers, so that growing the slice copies little
	// Items sharing an identifier or a title key form a block; blockOf
	// numbers the blocks by a hash of the key, blocks lists their items,
	// and inBlocks lists each item's blocks in the order they were added.
	// Two keys with one hash only put more items in a block: compareKeys
	// still decides every pair.
	blockOf  map[uint64]int32
	blocks   [][]int32
	inBlocks [][]int32
}

// NewFinder returns a Finder that leaves out the pairs recorded in
// distinct (which may be nil).
func NewFinder(distinct *Distinct) *Finder {
	return &Finder{distinct: distinct, blockOf: map[uint64]int32{}}
}

var blockSeed = maphash.MakeSeed()

// Add adds the next item; Pairs refers to it by its index, counting from 0.
func (f *Finder) Add(it bib.Item) {
	i := int32(len(f.keys))
	k := keysOf(it, false)
	var in []int32
	add := func(key string) {
		h := maphash.String(blockSeed, key)
		b, ok := f.blockOf[h]
		if !ok {
			b = int32(len(f.blocks))
			f.blockOf[h] = b
			f.blocks = append(f.blocks, nil)
		}
		if !slices.Contains(in, b) {
			f.blocks[b] = append(f.blocks[b], i)
			in = append(in, b)
		}
	}
	if k.doi != "" {
		add("doi:" + k.doi)
	}
	if k.url != "" {
		add("url:" + k.url)
	}
	for _, n := range k.isbns {
		add("isbn:" + n)
	}
	for _, t := range k.titles {
		add("title:" + t)
	}
	f.ids = append(f.ids, strings.Clone(it.ID))
	if len(k.people) > maxPeople {
		k.people = k.people[:maxPeople]
	}
	k.people = slices.Clone(k.people) // not the item's array, which may be larger
	f.keys = append(f.keys, &k)
	f.inBlocks = append(f.inBlocks, in)
}

// maxPeople bounds the authors (or editors) of an item a Finder keeps for
// comparing: a long list agrees or not within its first names.
const maxPeople = 8

// Pairs returns every pair of duplicates among the items added, ordered by
// A then B.
func (f *Finder) Pairs() []Pair {
	var pairs []Pair
	f.EachPair(func(p Pair) { pairs = append(pairs, p) })
	return pairs
}

// EachPair calls fn with every pair of duplicates, ordered by A then B,
// without holding them all: only the indexes of the pairs are kept, and
// each reason is worked out as its pair is handed out. A pair that shares
// several blocks is compared once, in the first block of A that B is also
// in, so nothing records which pairs were seen.
func (f *Finder) EachPair(fn func(Pair)) {
	var found [][2]int32
	for bn, block := range f.blocks {
		for x := 0; x < len(block); x++ {
			for y := x + 1; y < len(block); y++ {
				a, b := int(block[x]), int(block[y])
				if f.firstShared(a, b) != int32(bn) || f.distinct.Has(f.ids[a], f.ids[b]) {
					continue
				}
				if ok, _ := compareKeys(*f.keys[a], *f.keys[b]); ok {
					found = append(found, [2]int32{int32(a), int32(b)})
				}
			}
		}
	}
	slices.SortFunc(found, func(p, q [2]int32) int {
		if p[0] != q[0] {
			return int(p[0] - q[0])
		}
		return int(p[1] - q[1])
	})
	for _, p := range found {
		_, why := compareKeys(*f.keys[p[0]], *f.keys[p[1]])
		fn(Pair{A: int(p[0]), B: int(p[1]), Reason: why})
	}
}

// firstShared returns the first block of a that b is also in.
func (f *Finder) firstShared(a, b int) int32 {
	for _, k := range f.inBlocks[a] {
		if slices.Contains(f.inBlocks[b], k) {
			return k
		}
	}
	return -1
}
