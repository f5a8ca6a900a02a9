package names

import (
	"hash/maphash"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/manba/manba/pkg/translit"
)

// Assignment is the cluster of one input name.
type Assignment struct {
	Input     string
	Key       string  // shared by every name of the cluster
	Canonical string  // the authority's canonical form, or the fullest name of the cluster
	Why       string  // how the name joined its cluster; empty for the name that founded it
	Score     float64 // how well it matched (see Comparison.Score); 1 for the founder
}

// Clusterer groups names that denote the same person or organization.
// Blocking keys (consonant skeletons and acronyms) limit the comparisons;
// precision comes first: a name joins a cluster only when it matches it
// and no other, most specific names are placed first, so that a surname
// alone ("Rajavi") joins a cluster only if the input has one person of
// that name, and an authority entry wins over spelling similarity.
type Clusterer struct {
	Authority *Authority // nil: DefaultAuthority
	// Brief leaves Why and Score of the assignments empty: explaining
	// every name costs time and memory on large inputs.
	Brief bool
}

// Cluster assigns each name to a cluster, with the default authority.
func Cluster(inputs []string) []Assignment { return (&Clusterer{}).Cluster(inputs) }

type cluster struct {
	key, canonical string
	entry          *Entry
	members        []*Parsed
	gender         byte
}

const maxCompare = 256 // members indexed per cluster; more add nothing but time

// maxTry is how many members of a cluster a name is compared with: a
// name that fails against the first spellings of a frequent name (Hamed
// against a cluster of Hamids) would otherwise cost hundreds of
// comparisons each time.
const maxTry = 8

// maxCandidates is how many clusters a name is compared with at most: the
// clusters of its blocks in the order they were founded. A common name
// (Mohammad Hosseini) in a million would otherwise be compared with
// thousands.
const maxCandidates = 24

// Cluster assigns each input to a cluster, in input order.
func (c *Clusterer) Cluster(inputs []string) []Assignment {
	out := make([]Assignment, len(inputs))
	c.Each(inputs, func(i int, a Assignment) { out[i] = a })
	return out
}

// form is one distinct matching form of the input: the names with one
// fine key, kind and gender are one name, clustered once.
type form struct {
	p     *Parsed
	entry *Entry // the authority entry the name is a variant of
	first int32  // the distinct input that gave the form
	cl    int32
	why   string
	score float64
}

// Each assigns each input to a cluster and calls yield with the index of
// the input and its assignment, in input order. Unlike Cluster it holds
// no assignment of its own, and with Brief it neither explains nor scores,
// so that large inputs take little memory.
func (c *Clusterer) Each(inputs []string, yield func(i int, a Assignment)) {
	au := c.Authority
	if au == nil {
		au = DefaultAuthority()
	}
	uniq, distinctOf := distinct(inputs)
	forms, formOf := formsOf(au, uniq)
	clusters := c.place(forms)
	for i, s := range inputs {
		d := distinctOf[i]
		f := &forms[formOf[d]]
		cl := clusters[f.cl]
		a := Assignment{Input: s, Key: cl.key, Canonical: cl.canonical}
		if !c.Brief {
			a.Why, a.Score = f.why, f.score
			if a.Why == "" {
				a.Score = 1
			}
			if d != f.first && a.Why == "" {
				// Same key as the name that founded the form: say which
				// rules made them meet.
				p := au.lists.Parse(uniq[d])
				v := compare(&p, f.p)
				a.Why, a.Score = v.explain(), v.score()
			}
		}
		yield(i, a)
	}
}

// distinct returns the distinct inputs, in order of first appearance,
// and the index among them of each input: identical inputs share
// everything.
func distinct(inputs []string) ([]string, []int32) {
	distinctOf := make([]int32, len(inputs))
	byInput := make(map[string]int32, len(inputs)/2)
	var uniq []string
	for i, s := range inputs {
		d, ok := byInput[s]
		if !ok {
			d = int32(len(uniq))
			byInput[s] = d
			uniq = append(uniq, s)
		}
		distinctOf[i] = d
	}
	return uniq, distinctOf
}

// parseBatch is how many names are parsed at a time: the parsed names
// whose form was seen before are dropped batch by batch, so that only one
// parsed name per form is held.
const parseBatch = 8192

// formsOf parses the distinct inputs and returns their distinct forms
// and the form of each input. A form keeps the parsed name that gave it;
// the others are dropped batch by batch.
func formsOf(au *Authority, uniq []string) ([]form, []int32) {
	formOf := make([]int32, len(uniq))
	byKey := make(map[string]int32, len(uniq)/2)
	var forms []form
	var arena []Parsed // parsed forms, in pages that never move
	var parsed []Parsed
	var entries []*Entry
	for lo := 0; lo < len(uniq); lo += parseBatch {
		hi := min(lo+parseBatch, len(uniq))
		parsed, entries = parseAll(au, uniq[lo:hi], parsed, entries)
		for j := range parsed {
			p := &parsed[j]
			k := p.Kind.String() + "\x00" + p.fine + "\x00" + string(rune('0'+p.Gender))
			if p.Key == "|" || p.Key == "org:" {
				k += "\x00" + uniq[lo+j] // nothing to match on: keep apart
			}
			fi, ok := byKey[k]
			if !ok {
				fi = int32(len(forms))
				byKey[k] = fi
				if len(arena) == cap(arena) {
					arena = make([]Parsed, 0, parseBatch)
				}
				p.fine = "" // the form key holds it
				arena = append(arena, *p)
				forms = append(forms, form{p: &arena[len(arena)-1], first: int32(lo + j), cl: -1, entry: entries[j]})
			}
			formOf[lo+j] = fi
		}
	}
	return forms, formOf
}

// place assigns each form to a cluster and returns the clusters.
func (c *Clusterer) place(forms []form) []*cluster {
	var clusters []*cluster
	block := newBlocks()
	var keyBuf []uint64
	byEntry := map[*Entry]int{}
	addToBlocks := func(ci int, p *Parsed) {
		keyBuf = blockKeys(keyBuf[:0], p, true)
		for _, b := range keyBuf {
			block.add(b, int32(ci))
		}
	}
	join := func(ci int, p *Parsed) {
		cl := clusters[ci]
		if len(cl.members) < maxCompare {
			cl.members = append(cl.members, p)
			addToBlocks(ci, p)
			for i := range p.alts {
				addToBlocks(ci, &p.alts[i])
			}
		}
		if cl.gender == 0 {
			cl.gender = p.Gender
		}
	}
	entryCluster := func(e *Entry) int {
		if ci, ok := byEntry[e]; ok {
			return ci
		}
		ci := len(clusters)
		clusters = append(clusters, &cluster{key: "@" + e.ID, canonical: e.Canonical, entry: e})
		byEntry[e] = ci
		for i := range e.forms {
			join(ci, &e.forms[i])
		}
		return ci
	}

	order := make([]int32, len(forms))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(i, j int) bool {
		return len(forms[order[i]].p.toks) > len(forms[order[j]].p.toks)
	})
	// Authority entries come into play only when an input names them, so
	// a large authority costs nothing for inputs that do not use it.
	for _, fi := range order {
		f := &forms[fi]
		if e := f.entry; e != nil {
			f.cl = int32(entryCluster(e))
			f.why, f.score = "authority: "+e.Canonical, 1
			join(int(f.cl), f.p)
		}
	}
	usedKeys := map[string]int{} // cluster keys handed out: Jamil and Jamal fold alike
	var seen, hits []int32       // seen[ci] == stamp: cluster ci is a candidate, sharing hits[ci] keys
	var strong, weak []int
	var cands []int32
	var x crossKind
	for stamp, fi := range order {
		f := &forms[fi]
		if f.cl >= 0 {
			continue
		}
		for len(seen) < len(clusters) {
			seen, hits = append(seen, -1), append(hits, 0)
		}
		strong, weak = strong[:0], weak[:0]
		keyBuf = blockKeys(keyBuf[:0], f.p, false)
		for i := range f.p.alts {
			keyBuf = blockKeys(keyBuf, &f.p.alts[i], false)
		}
		cands = candidates(cands[:0], keyBuf, block, hits, seen, int32(stamp))
		cands = x.orgCandidates(cands, f.p, block, seen, int32(stamp))
		for i := range f.p.alts {
			cands = x.orgCandidates(cands, &f.p.alts[i], block, seen, int32(stamp))
		}
		for _, ci32 := range cands {
			ci := int(ci32)
			cl := clusters[ci]
			if f.p.Gender != 0 && cl.gender != 0 && f.p.Gender != cl.gender {
				continue
			}
			switch v := bestMatch(f.p, cl); {
			case !v.ok:
			case v.weak:
				weak = append(weak, ci)
			default:
				strong = append(strong, ci)
			}
		}
		pick := pickCluster(clusters, f.p, strong, weak)
		if pick < 0 {
			pick = len(clusters)
			clusters = append(clusters, &cluster{key: uniqueKey(usedKeys, f.p.Key), canonical: displayName(f.p)})
		} else if !c.Brief {
			v := bestMatch(f.p, clusters[pick])
			f.why, f.score = v.explain(), v.score()
		}
		f.cl = int32(pick)
		join(pick, f.p)
	}
	return clusters
}

// maxScan is how much of one block is read for candidates: a block as
// big as this says little, and the time stays linear.
const maxScan = 1024

// candidates appends to dst the clusters indexed under the keys, each
// once: in the order found when they are few, else the maxCandidates that
// share the most keys with the name (the cluster of its own spelling
// shares its every word pair and its words run together; one that shares
// only its surname and a given name is likelier another person).
func candidates(dst []int32, keys []uint64, block *blocks, hits, seen []int32, stamp int32) []int32 {
	for _, b := range keys {
		block.each(b, maxScan, func(ci int32) {
			if seen[ci] != stamp {
				seen[ci], hits[ci] = stamp, 0
				dst = append(dst, ci)
			}
			hits[ci]++
		})
	}
	if len(dst) > maxCandidates {
		sort.SliceStable(dst, func(i, j int) bool { return hits[dst[i]] > hits[dst[j]] })
		dst = dst[:maxCandidates]
	}
	return dst
}

// crossKind finds the organizations and places a name parsed as a
// person's may be (Amnesty, Red Cross), by the word keys ('o') of its
// distinctive words. acrossKinds accepts only one with the same words,
// all matching, so when its first word finds many (every "Mahmoud" of a
// million names meets every organization with a Mahmoud in it), only
// those every word finds are compared.
type crossKind struct {
	seen, count, word []int32 // seen[ci] == stamp: count[ci] words found ci, the last word[ci]
	found             []int32
	keys              []uint64
}

func (x *crossKind) orgCandidates(dst []int32, p *Parsed, block *blocks, seen []int32, stamp int32) []int32 {
	if p.Kind != Person || !impersonal(p) {
		return dst
	}
	for len(x.seen) < len(seen) {
		x.seen, x.count, x.word = append(x.seen, -1), append(x.count, 0), append(x.word, 0)
	}
	// Organizations are indexed by their distinctive words only, or by
	// all when none is.
	generic := 0
	for _, t := range p.toks {
		if defaultLists.generic[t.key] {
			generic++
		}
	}
	x.found = x.found[:0]
	n := int32(0) // words looked up
	for i, t := range p.toks {
		if generic < len(p.toks) && defaultLists.generic[t.key] {
			continue
		}
		x.keys = wordKeys(x.keys[:0], p.toks, i)
		for _, k := range x.keys {
			block.each(k, maxScan, func(ci int32) {
				switch {
				case x.seen[ci] != stamp:
					x.seen[ci], x.count[ci], x.word[ci] = stamp, 1, n
					x.found = append(x.found, ci)
				case x.word[ci] != n:
					x.count[ci]++
					x.word[ci] = n
				}
			})
		}
		n++
	}
	few := len(x.found) <= maxCrossKind
	for _, ci := range x.found {
		if (few || x.count[ci] == n) && seen[ci] != stamp {
			seen[ci] = stamp
			dst = append(dst, ci)
		}
	}
	return dst
}

// maxCrossKind is how many organizations found by the words of a name
// are all compared with it; beyond, only those every word finds.
const maxCrossKind = 2

// wordKeys appends the keys under which organizations are indexed by
// their word i ('o', every convention).
func wordKeys(dst []uint64, toks []token, i int) []uint64 {
	var skArr [(maxTokens + 1) * 8]uint64
	sk, nv := tokenSkeletons(skArr[:0], toks)
	for v := 0; v < nv; v++ {
		dst = append(dst, mix('o', sk[i*nv+v]))
	}
	return dst
}

// blocks indexes clusters by blocking key: for each key, a list of
// clusters in the order they were added, chained through one slice. It
// holds no pointers, so that the collector does not walk a million
// small lists.
type blocks struct {
	lists    map[uint64]blockList
	postings []posting
}

type blockList struct{ first, last int32 }

type posting struct{ cl, next int32 } // next: -1 ends the list

func newBlocks() *blocks { return &blocks{lists: map[uint64]blockList{}} }

// add appends cluster ci to the list of key k, unless it ends it already.
func (b *blocks) add(k uint64, ci int32) {
	n := int32(len(b.postings))
	l, ok := b.lists[k]
	switch {
	case !ok:
		l.first = n
	case b.postings[l.last].cl == ci:
		return
	default:
		b.postings[l.last].next = n
	}
	l.last = n
	b.postings = append(b.postings, posting{cl: ci, next: -1})
	b.lists[k] = l
}

// each calls f with the first max clusters of the list of key k.
func (b *blocks) each(k uint64, max int, f func(ci int32)) {
	l, ok := b.lists[k]
	if !ok {
		return
	}
	for i := l.first; i >= 0 && max > 0; max-- {
		f(b.postings[i].cl)
		i = b.postings[i].next
	}
}

// pickCluster returns the cluster a name joins given the clusters it
// matches strongly and weakly, or -1 for a cluster of its own.
func pickCluster(clusters []*cluster, p *Parsed, strong, weak []int) int {
	pick := -1
	switch {
	case len(strong) == 1:
		pick = strong[0]
	case len(strong) == 0 && len(weak) == 1:
		pick = weak[0]
	case len(strong) == 0 && len(weak) > 1 && p.Gender != 0:
		// Mrs Khodabandeh: the only woman among the Khodabandehs.
		for _, ci := range weak {
			if clusters[ci].gender == p.Gender {
				if pick >= 0 {
					return -1
				}
				pick = ci
			}
		}
	case len(strong) == 0 && len(weak) > 1 && p.Kind == Org:
		pick = dominant(clusters, weak)
	case len(strong) > 1:
		// Several clusters match: join only if the others are mere
		// variants of it found through the authority.
		pick = preferEntry(clusters, strong)
	}
	return pick
}

// uniqueKey returns key, or key with a number when another cluster has
// it: match keys fold some different names alike (Jamil, Jamal).
func uniqueKey(used map[string]int, key string) string {
	n := used[key]
	used[key] = n + 1
	if n == 0 {
		return key
	}
	return key + "#" + strconv.Itoa(n+1)
}

// bestMatch compares p with the members of a cluster: a strong match if
// any, else a weak one. A short member (a surname, "Mojahedin") says
// nothing about a longer name and is skipped.
func bestMatch(p *Parsed, cl *cluster) verdict {
	best := verdict{}
	try := func(a, m *Parsed) bool {
		v := compare(a, m)
		if !v.ok || v.weak && v.wider && len(m.toks) <= 1 {
			return false
		}
		if !best.ok || best.weak && !v.weak {
			best = v
		}
		return !best.weak
	}
	// A consonant skeleton is all a Latin name and a name in Perso-Arabic
	// script can share, and Khomeini and Khamenei share theirs: compare like
	// with like when the cluster has a member written as p is.
	sameScript := false
	for _, m := range cl.members {
		if m.Script == p.Script {
			sameScript = true
			break
		}
	}
	tried := 0
	for _, m := range cl.members {
		if sameScript && m.Script != p.Script {
			continue
		}
		if tried++; tried > maxTry {
			break // a name that matches none of the first spellings is not a spelling of them
		}
		if try(p, m) {
			return best
		}
		for i := range p.alts {
			if try(&p.alts[i], m) {
				best.note("alias")
				return best
			}
		}
		for i := range m.alts {
			if try(p, &m.alts[i]) {
				best.note("alias")
				return best
			}
		}
	}
	return best
}

// parseAll parses names and looks them up in the authority on all CPUs;
// this is most of the work of clustering and each name is independent.
// It reuses the slices out and entries when they are large enough.
func parseAll(au *Authority, names []string, out []Parsed, entries []*Entry) ([]Parsed, []*Entry) {
	if cap(out) < len(names) {
		out, entries = make([]Parsed, len(names)), make([]*Entry, len(names))
	}
	out, entries = out[:len(names)], entries[:len(names)]
	work := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = au.lists.Parse(names[i])
			entries[i] = au.Lookup(out[i])
		}
	}
	workers := runtime.GOMAXPROCS(0)
	if len(names) < 1024 || workers == 1 {
		work(0, len(names))
		return out, entries
	}
	var wg sync.WaitGroup
	chunk := (len(names) + workers - 1) / workers
	for lo := 0; lo < len(names); lo += chunk {
		hi := min(lo+chunk, len(names))
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(lo, hi)
		}()
	}
	wg.Wait()
	return out, entries
}

// dominant returns the candidate with at least three times the distinct
// forms of every other, or -1: an organization's short name ("Mojahedin",
// "MKO") goes to the group the input mostly writes about.
func dominant(clusters []*cluster, cands []int) int {
	best, second := -1, 0
	for _, ci := range cands {
		n := len(clusters[ci].members)
		switch {
		case best < 0 || n > len(clusters[best].members):
			if best >= 0 {
				second = len(clusters[best].members)
			}
			best = ci
		case n > second:
			second = n
		}
	}
	if best >= 0 && len(clusters[best].members) >= 3*second && second > 0 {
		return best
	}
	return -1
}

// preferEntry returns the only authority cluster among cands, or -1.
func preferEntry(clusters []*cluster, cands []int) int {
	pick := -1
	for _, ci := range cands {
		if clusters[ci].entry != nil {
			if pick >= 0 {
				return -1
			}
			pick = ci
		}
	}
	return pick
}

// blockKeys appends the blocking keys of a name to dst. A person of
// several words is found under every pair of the consonant skeletons of
// its words (so that "Reza Raisi" meets "Reza Raisi Toosi" without
// comparing every Raisi) and under the skeleton of all its words run
// together ("Abol Hassan", "Abolhassan"), the key a name of one word has;
// clusters are also indexed (index true) under the skeletons of their
// family names, for a surname alone. Organizations go under the skeletons
// of their distinctive words, their acronyms and, as persons, all their
// words run together (places are taken for either). Every skeleton is taken as written and as each
// romanization convention reads it (translit.Model.Skeletons), one
// convention for all the words of a name, so that Jomeini (Spanish) meets
// Khomeini and Radschawi (German) meets Rajavi. Keys are hashes: a
// collision costs a comparison, not a wrong merge.
func blockKeys(dst []uint64, p *Parsed, index bool) []uint64 {
	start := len(dst)
	add := func(k uint64) {
		for _, x := range dst[start:] {
			if x == k {
				return
			}
		}
		dst = append(dst, k)
	}
	var skArr [(maxTokens + 1) * 8]uint64
	sk, nv := tokenSkeletons(skArr[:0], p.toks)
	at := func(i, v int) uint64 { return sk[i*nv+v] }
	runTogether := func(v int) uint64 { return sk[len(p.toks)*nv+v] }
	if p.Kind == Org {
		for _, a := range p.acrs {
			add(mix('a', maphash.String(blockSeed, a)))
		}
		distinct := 0
		for i, t := range p.toks {
			if !defaultLists.generic[t.key] {
				for v := 0; v < nv; v++ {
					add(mix('o', at(i, v)))
				}
				distinct++
			}
		}
		if distinct == 0 {
			for i := range p.toks {
				add(mix('o', at(i, 0)))
			}
		}
		for v := 0; v < nv; v++ {
			// All its words run together, as a person's: Hizb Allah and
			// Hezbollah, Shahr-e Kord and Shahrekord, whichever kind the
			// parser took each for; and its distinctive words alone
			// (Abu Ghraib of Abu Ghraib prison).
			add(mix('p', runTogether(v)))
			if 0 < distinct && distinct < len(p.toks) {
				add(mix('p', distinctRunTogether(p.toks, v)))
			}
		}
		return dst
	}
	if w := shortWord(p); w != "" {
		add(mix('a', maphash.String(blockSeed, w)))
	}
	if len(p.toks) == 1 {
		for v := 0; v < nv; v++ {
			add(mix('p', at(0, v)))
		}
		return dst
	}
	initials := false
	for _, t := range p.toks {
		initials = initials || t.initial
	}
	for v := 0; v < nv; v++ {
		for i, t := range p.toks {
			if t.fam && (index || initials) {
				// Clusters are found by family name for a surname alone or
				// with initials.
				add(mix('p', at(i, v)))
			}
			for j := i + 1; j < len(p.toks); j++ {
				u := p.toks[j]
				if !index && !t.fam && !u.fam && len(p.toks) > 2 {
					continue // query with pairs that hold a family name
				}
				a, b := at(i, v), at(j, v)
				if a > b {
					a, b = b, a
				}
				add(mix(mix('q', a), b))
			}
		}
		add(mix('p', runTogether(v))) // Abol Hassan, Abolhassan; Deir ez-Zor, Deyrizor
	}
	return dst
}

// impersonal reports a name parsed as a person's with nothing personal
// about it: no title, gender or initial (see acrossKinds).
func impersonal(p *Parsed) bool {
	if len(p.Honorifics) > 0 || p.Gender != 0 {
		return false
	}
	for _, t := range p.toks {
		if t.initial {
			return false
		}
	}
	return true
}

// distinctRunTogether is the hash of the skeletons of an organization's
// distinctive words (not generic) run together, under convention v.
func distinctRunTogether(toks []token, v int) uint64 {
	m := translit.DefaultModel
	var buf [128]byte
	b := buf[:0]
	for _, t := range toks {
		if defaultLists.generic[t.key] || len(b) > 64 {
			continue
		}
		switch {
		case t.initial || t.rd.Symbols == "":
			b = append(append(b, '.'), t.key...)
		case t.org && v == 0:
			b = append(b, t.skel...)
		default:
			b = m.AppendSkeleton(b, t.rd, v)
		}
	}
	return fnv64(b)
}

// mix combines a blocking key with one more part (splitmix64).
func mix(h, x uint64) uint64 {
	h ^= x + 0x9e3779b97f4a7c15 + h<<6 + h>>2
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// tokenSkeletons appends, for each token, the hashes of its skeletons
// under every convention (an initial is its letter under all), nv per
// token, then the hashes of the skeletons of all the words run together.
func tokenSkeletons(dst []uint64, toks []token) ([]uint64, int) {
	m := translit.DefaultModel
	nv := m.NumSkeletons()
	var buf [8 * 64]byte
	var all [8][]byte
	for v := 0; v < nv && v < len(all); v++ {
		all[v] = buf[v*64 : v*64 : v*64+64]
	}
	for _, t := range toks {
		for v := 0; v < nv; v++ {
			var sk []byte
			var tmp [64]byte
			switch {
			case t.initial || t.rd.Symbols == "":
				sk = append(append(tmp[:0], '.'), t.key...)
			case t.org && v == 0:
				// An organization word goes by its synonym's skeleton
				// (Khalq, People, خلق).
				sk = append(tmp[:0], t.skel...)
			default:
				sk = m.AppendSkeleton(tmp[:0], t.rd, v)
			}
			dst = append(dst, fnv64(sk))
			if v < len(all) && len(all[v])+len(sk) <= cap(all[v]) {
				all[v] = append(all[v], sk...)
			}
		}
	}
	for v := 0; v < nv; v++ {
		if v < len(all) {
			dst = append(dst, fnv64(all[v]))
		} else {
			dst = append(dst, 0)
		}
	}
	return dst, nv
}

// fnv64 is FNV-1a.
func fnv64(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

var blockSeed = maphash.MakeSeed()

// displayName is the canonical form shown for a cluster founded by p.
func displayName(p *Parsed) string {
	if s := p.Display.String(); s != "" {
		return s
	}
	return p.Original
}

// shortWord returns, lower-cased, a personal name of one capitalised word
// of two to five letters ("Mek"), which may be an acronym written in
// title case; else "".
func shortWord(p *Parsed) string {
	if p.Kind != Person || len(p.toks) != 1 {
		return ""
	}
	w := strings.TrimSpace(p.Original)
	if len(w) < 2 || len(w) > 5 || w[0] < 'A' || w[0] > 'Z' {
		return ""
	}
	for i := 1; i < len(w); i++ {
		if !(w[i] >= 'a' && w[i] <= 'z' || w[i] >= 'A' && w[i] <= 'Z') {
			return ""
		}
	}
	return strings.ToLower(w)
}
