package names

import (
	"hash/maphash"
	"strings"
	"sync"

	"github.com/manba/manba/pkg/translit"
)

// folded is one word in matching form.
type folded struct {
	key, skel string
	latin     string // the Latin profile without spaces: the key of the word lists
	rules     translit.Rule
	rd        translit.Reading // the word read by the romanization model
	given     *givenEntry      // the given name of the lexicon it clearly spells, if any
}

// The fold cache: names repeat their words (Mohammad, Rajavi) endlessly,
// and folding is most of the cost of parsing. It is sharded to keep
// parallel parsing from contending, and a shard is emptied when full, so
// memory stays bounded.
const (
	cacheShards   = 64
	cacheShardMax = 4096
)

var (
	cacheSeed = maphash.MakeSeed()
	cache     [cacheShards]struct {
		sync.Mutex
		m map[string]folded
	}
)

// foldWord folds one word (or a few) with the Default profile and its
// skeleton, through the cache.
func foldWord(w string) folded {
	sh := &cache[maphash.String(cacheSeed, w)%cacheShards]
	sh.Lock()
	f, ok := sh.m[w]
	sh.Unlock()
	if ok {
		return f
	}
	k, r := translit.FoldExplain(w)
	f = folded{key: k, skel: translit.SkeletonOfFolded(k), rules: r,
		latin: strings.ReplaceAll(translit.Latin.String(w), " ", ""), rd: translit.DefaultModel.Read(w)}
	f.given = lookupGiven(f.rd)
	sh.Lock()
	if sh.m == nil || len(sh.m) >= cacheShardMax {
		sh.m = make(map[string]folded, 64)
	}
	sh.m[w] = f
	sh.Unlock()
	return f
}
