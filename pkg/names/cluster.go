package names

import (
	"sort"
	"strings"
)

// Assignment is the cluster of one input name.
type Assignment struct {
	Input     string
	Key       string // shared by every name of the cluster
	Canonical string // the authority's canonical form, or the fullest name of the cluster
	Why       string // how the name joined its cluster; empty for the name that founded it
}

// Clusterer groups names that denote the same person or organization.
// Blocking keys (consonant skeletons and acronyms) limit the comparisons;
// precision comes first: a name joins a cluster only when it matches it
// and no other, most specific names are placed first, so that a surname
// alone ("Rajavi") joins a cluster only if the input has one person of
// that name, and an authority entry wins over spelling similarity.
type Clusterer struct {
	Authority *Authority // nil: DefaultAuthority
}

// Cluster assigns each name to a cluster, with the default authority.
func Cluster(inputs []string) []Assignment { return (&Clusterer{}).Cluster(inputs) }

type cluster struct {
	key, canonical string
	entry          *Entry
	members        []*Parsed
	gender         byte
}

const maxCompare = 256 // members compared per cluster; more add nothing but time

// Cluster assigns each input to a cluster, in input order.
func (c *Clusterer) Cluster(inputs []string) []Assignment {
	au := c.Authority
	if au == nil {
		au = DefaultAuthority()
	}
	out := make([]Assignment, len(inputs))
	// Identical inputs share everything; then identical keys.
	type form struct {
		p     Parsed
		first int
		cl    int
		why   string
	}
	byInput := map[string]int{}
	byKey := map[string]int{}
	var forms []*form
	formOf := make([]int, len(inputs))
	var parsedOf []int // index into forms of each distinct input
	var distinct []Parsed
	for i, s := range inputs {
		if d, ok := byInput[s]; ok {
			formOf[i] = parsedOf[d]
			continue
		}
		p := au.lists.Parse(s)
		byInput[s] = len(distinct)
		distinct = append(distinct, p)
		k := p.Kind.String() + "\x00" + p.Key + "\x00" + string(rune('0'+p.Gender))
		if p.Key == "|" || p.Key == "org:" {
			k += "\x00" + s // nothing to match on: keep apart
		}
		fi, ok := byKey[k]
		if !ok {
			fi = len(forms)
			byKey[k] = fi
			forms = append(forms, &form{p: p, first: i, cl: -1})
		}
		parsedOf = append(parsedOf, fi)
		formOf[i] = fi
	}

	var clusters []*cluster
	block := map[string][]int{}
	byEntry := map[*Entry]int{}
	addToBlocks := func(ci int, p *Parsed) {
		for _, b := range blockKeys(p, true) {
			l := block[b]
			if len(l) == 0 || l[len(l)-1] != ci {
				block[b] = append(l, ci)
			}
		}
	}
	join := func(ci int, p *Parsed) {
		cl := clusters[ci]
		if len(cl.members) < maxCompare {
			cl.members = append(cl.members, p)
			addToBlocks(ci, p)
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

	order := make([]int, len(forms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		return len(forms[order[i]].p.toks) > len(forms[order[j]].p.toks)
	})
	// Authority entries come into play only when an input names them, so
	// a large authority costs nothing for inputs that do not use it.
	for _, fi := range order {
		f := forms[fi]
		if e := au.Lookup(f.p); e != nil {
			f.cl = entryCluster(e)
			f.why = "authority: " + e.Canonical
			join(f.cl, &f.p)
		}
	}
	for _, fi := range order {
		f := forms[fi]
		if f.cl >= 0 {
			continue
		}
		var strong, weak []int
		whys := map[int]string{}
		seen := map[int]bool{}
		for _, b := range blockKeys(&f.p, false) {
			for _, ci := range block[b] {
				if seen[ci] {
					continue
				}
				seen[ci] = true
				cl := clusters[ci]
				if f.p.Gender != 0 && cl.gender != 0 && f.p.Gender != cl.gender {
					continue
				}
				best := verdict{}
				for _, m := range cl.members {
					v := compare(&f.p, m)
					if v.weak && v.wider && len(m.toks) <= 1 {
						// A short member (a surname, "Mojahedin") says
						// nothing about the longer name compared to it.
						continue
					}
					if v.ok && (!best.ok || best.weak && !v.weak) {
						best = v
					}
					if best.ok && !best.weak {
						break
					}
				}
				switch {
				case !best.ok:
				case best.weak:
					weak = append(weak, ci)
				default:
					strong = append(strong, ci)
				}
				if best.ok {
					whys[ci] = best.explain()
				}
			}
		}
		pick := -1
		switch {
		case len(strong) == 1:
			pick = strong[0]
		case len(strong) == 0 && len(weak) == 1:
			pick = weak[0]
		case len(strong) == 0 && len(weak) > 1 && f.p.Gender != 0:
			// Mrs Khodabandeh: the only woman among the Khodabandehs.
			for _, ci := range weak {
				if clusters[ci].gender == f.p.Gender {
					if pick >= 0 {
						pick = -1
						break
					}
					pick = ci
				}
			}
		case len(strong) == 0 && len(weak) > 1 && f.p.Kind == Org:
			pick = dominant(clusters, weak)
		case len(strong) > 1:
			// Several clusters match: join only if the others are mere
			// variants of it found through the authority.
			pick = preferEntry(clusters, strong)
		}
		if pick < 0 {
			pick = len(clusters)
			clusters = append(clusters, &cluster{key: f.p.Key, canonical: displayName(&f.p)})
			if f.p.Kind == Org {
				clusters[pick].key = f.p.Key
			}
		} else {
			f.why = whys[pick]
		}
		f.cl = pick
		join(pick, &f.p)
	}
	for i, s := range inputs {
		f := forms[formOf[i]]
		cl := clusters[f.cl]
		out[i] = Assignment{Input: s, Key: cl.key, Canonical: cl.canonical, Why: f.why}
	}
	return out
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

// blockKeys returns the blocking keys of a name. Clusters are indexed
// (index true) under the skeletons of every word that can be a family name
// and under their acronyms; a name queries with its family words, or all
// its words when it is an organization.
func blockKeys(p *Parsed, index bool) []string {
	var keys []string
	if p.Kind == Org {
		for _, a := range p.acrs {
			keys = append(keys, "a:"+a)
		}
		for _, t := range p.toks {
			keys = append(keys, "o:"+t.skel)
		}
		return keys
	}
	for i, t := range p.toks {
		if t.fam || index && i > 0 || len(p.toks) == 1 {
			keys = append(keys, "p:"+t.skel)
		}
	}
	if w := shortWord(p); w != "" {
		keys = append(keys, "a:"+w)
	}
	if !index && len(p.toks) > 1 {
		var all strings.Builder
		for _, t := range p.toks {
			all.WriteString(t.skel)
		}
		keys = append(keys, "p:"+all.String())
	}
	return keys
}

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
