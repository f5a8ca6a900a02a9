package csl

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// sorter computes and compares sort keys. Strings are compared with the
// locale's collation; Arabic article prefixes (al-, el-) and the ayn and
// hamza marks are ignored, as CSL processors do for romanized Arabic.
type sorter struct {
	p    *Processor
	coll *collate.Collator
	buf  collate.Buffer
}

func newSorter(p *Processor) *sorter {
	tag, err := language.Parse(p.loc.Lang)
	if err != nil {
		tag = language.AmericanEnglish
	}
	return &sorter{p: p, coll: collate.New(tag, collate.IgnoreCase)}
}

type sortVal struct {
	s     string
	num   int
	isNum bool
	empty bool
	key   []byte
}

// lazyKeys computes the sort keys of one item on demand: most
// comparisons are decided by the first key or two, so later keys (often
// whole macros) are rendered only for ties.
type lazyKeys struct {
	r      *ref
	cite   *Cite
	vals   []sortVal
	filled []bool
}

func (s *sorter) newLazy(r *ref, cite *Cite, n int) *lazyKeys {
	return &lazyKeys{r: r, cite: cite, vals: make([]sortVal, n), filled: make([]bool, n)}
}

func (s *sorter) key(l *lazyKeys, k int, keys, parent *element) *sortVal {
	if !l.filled[k] {
		l.vals[k] = s.keyValue(l.r, l.cite, keys.children[k], parent)
		l.filled[k] = true
	}
	return &l.vals[k]
}

// sortRefs sorts refs by the cs:sort of a citation or bibliography
// element; ties keep the given order. Bibliography keys are kept for the
// rest of the processing run.
func (s *sorter) sortRefs(refs []*ref, parent *element) []*ref {
	keys := parent.child("sort")
	out := append([]*ref(nil), refs...)
	if keys == nil {
		return out
	}
	lk := make([]*lazyKeys, len(out))
	for i, r := range out {
		if parent.name == "bibliography" {
			if r.bibKeys == nil {
				r.bibKeys = s.newLazy(r, nil, len(keys.children))
			}
			lk[i] = r.bibKeys
		} else {
			lk[i] = s.newLazy(r, nil, len(keys.children))
		}
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	// ties fall back to the given order: a stable result from the
	// O(n log n) unstable sort
	slices.SortFunc(idx, func(a, b int) int {
		if c := s.compare(lk[a], lk[b], keys, parent); c != 0 {
			return c
		}
		return a - b
	})
	sorted := make([]*ref, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted
}

// compare orders two items key by key; empty values sort last in either
// direction.
func (s *sorter) compare(a, b *lazyKeys, keys, parent *element) int {
	for k, key := range keys.children {
		x, y := s.key(a, k, keys, parent), s.key(b, k, keys, parent)
		if c := compareVals(x, y, key); c != 0 {
			return c
		}
	}
	return 0
}

func compareVals(x, y *sortVal, key *element) int {
	if x.empty || y.empty {
		switch {
		case x.empty && y.empty:
			return 0
		case x.empty:
			return 1
		}
		return -1
	}
	c := 0
	if x.isNum && y.isNum {
		switch {
		case x.num < y.num:
			c = -1
		case x.num > y.num:
			c = 1
		}
	} else {
		c = compareBytes(x.key, y.key)
	}
	if c != 0 && key.attrs["sort"] == "descending" {
		return -c
	}
	return c
}

func compareBytes(a, b []byte) int { return bytes.Compare(a, b) }

// keyValue computes one sort key of an item (and cite).
func (s *sorter) keyValue(r *ref, cite *Cite, key, parent *element) sortVal {
	ctx := &rctx{p: s.p, r: r, cite: cite, mode: parent, sortKey: key, bib: parent.name == "bibliography"}
	var v sortVal
	if name := key.attrs["variable"]; name != "" {
		v = s.variableKey(ctx, name)
	} else if m := s.p.style.macros[key.attrs["macro"]]; m != nil {
		kids := ctx.renderChildren(m)
		txt := (&node{kids: kids}).plain()
		v = sortVal{s: txt, empty: strings.TrimSpace(txt) == ""}
	} else {
		v.empty = true
	}
	if !v.empty && !v.isNum {
		v.key = append([]byte(nil), s.coll.KeyFromString(&s.buf, sortString(v.s))...)
	}
	return v
}

func (s *sorter) variableKey(ctx *rctx, name string) sortVal {
	it := ctx.r.item
	switch {
	case isNameVar(name):
		if len(it.Names[name]) == 0 {
			return sortVal{empty: true}
		}
		el := &element{name: "names", attrs: map[string]string{"variable": name}, children: []*element{{name: "name", attrs: map[string]string{"name-as-sort-order": "all"}}}}
		txt := ctx.renderNames(el).plain()
		return sortVal{s: txt, empty: txt == ""}
	case isDateVar(name):
		d, ok := ctx.dateValue(name)
		if !ok || d.From.IsZero() {
			return sortVal{empty: true}
		}
		k := dateSortKey(d.From.Year, d.From.Month, d.From.Day)
		if d.IsRange() {
			k += "/" + dateSortKey(d.To.Year, d.To.Month, d.To.Day)
		}
		return sortVal{s: k}
	}
	val := ctx.rawVar(name)
	if val == "" {
		return sortVal{empty: true}
	}
	if isNumberVar(name) {
		toks, _ := splitNumber(val)
		if len(toks) > 0 && toks[0].isNum {
			return sortVal{s: val, num: toks[0].num, isNum: true}
		}
	}
	return sortVal{s: stripMarkup(val)}
}

// dateSortKey makes dates compare as strings, BC before AD and missing
// parts before present ones.
func dateSortKey(y, m, d int) string {
	return fmt.Sprintf("%07d", y+1000000) + twoDigits(m) + twoDigits(d)
}

// sortString drops what collation should not see: markup, leading
// punctuation, Arabic articles and the ayn/hamza marks.
func sortString(s string) string {
	// As in citeproc-js, every space separates (its key joins words with
	// "|"), so " – " between words weighs more than " : ", whose space is
	// a narrow no-break one there; punctuation and other spaces are
	// ignored.
	rs := []rune(narrowSpaces(stripMarkup(s)))
	kept := rs[:0]
	for i, r := range rs {
		switch {
		case r == '-':
		case r == '\'' || r == '’':
			// apostrophes inside names sort as punctuation, before
			// letters (d’Wander before de’ Frinkle); leading ones are
			// trimmed below; one before a number is ignored ("TUG’99")
			if i+1 < len(rs) && unicode.IsDigit(rs[i+1]) {
				continue
			}
		case r == 'ʿ', r == 'ʾ', unicode.IsPunct(r), unicode.IsSpace(r) && r != ' ':
			continue
		}
		kept = append(kept, r)
	}
	s = string(kept)
	var b strings.Builder
	for i, w := range strings.Split(strings.Trim(s, " "), " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		lw := strings.ToLower(w)
		for _, art := range []string{"al-", "el-", "al ", "ul-"} {
			if strings.HasPrefix(lw, art) && len(w) > len(art) {
				w = w[len(art):]
				break
			}
		}
		b.WriteString(w)
	}
	return strings.TrimLeftFunc(b.String(), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func stripMarkup(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	n := parseRich(s)
	if n == nil {
		return ""
	}
	return n.plain()
}
