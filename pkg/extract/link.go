package extract

import (
	"encoding/json"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/dedupe"
)

// Link attaches each reference to the known work it cites, if exactly one
// fits (see dedupe.Link), setting Work and Reason. A repeat takes the link
// of the reference it repeats; comments are never linked.
func Link(refs []Reference, known []bib.Item) { NewLinker(known).Link(refs) }

// Linker links references to known works, batch after batch, with the
// works' keys computed once.
type Linker struct {
	known  []bib.Item
	linker *dedupe.Linker
}

// NewLinker prepares the known works for Link.
func NewLinker(known []bib.Item) *Linker {
	return &Linker{known: known, linker: dedupe.NewLinker(known)}
}

// Link is Link with the linker's known works.
func (l *Linker) Link(refs []Reference) {
	linker, known := l.linker, l.known
	for i := range refs {
		r := &refs[i]
		if r.Kind == Comment {
			continue
		}
		if r.Target >= 0 {
			r.Work, r.Reason = refs[r.Target].Work, refs[r.Target].Reason
			continue
		}
		if j, why := linker.Link(r.Item); j >= 0 {
			r.Work, r.Reason = known[j].ID, why
		}
	}
}

// Citation is one place that cites a work, as recorded in the "citations"
// list of the item's custom data.
type Citation struct {
	Text     string    `json:"text"`
	Position string    `json:"position"`
	Kind     string    `json:"kind"`
	Label    string    `json:"label,omitempty"`
	Locators []Locator `json:"locators,omitempty"`
}

// Options control Bibliography.
type Options struct {
	// Known are the works references were linked to (by Link); with
	// Resolve, a linked work's researched fields replace the extracted ones.
	Known   []bib.Item
	Resolve bool
	// Used counts the keys given so far, for a bibliography written in
	// batches whose keys must stay unique across them; nil: a fresh count.
	Used map[string]int
}

// Bibliography returns one item per distinct work the references cite, in
// order of first citation. Comments, and author-date citations that
// matched nothing, are left out. A repeat joins the reference it repeats,
// references linked to the same known work join, and the remaining
// duplicates are found with dedupe.Find. Each item's custom data lists its
// citations ("citations") and, when linked, the known work ("known_work",
// "known_work_reason"); its ID is the known work's ID or a key made of the
// first author, year and first title word ("singleton2003saddam").
func Bibliography(refs []Reference, opt Options) []bib.Item {
	var out []bib.Item
	_ = EmitBibliography(refs, opt, func(it bib.Item) error {
		out = append(out, it)
		return nil
	})
	return out
}

// EmitBibliography is Bibliography giving each item to emit as soon as it
// is made, so that the items need not all be held; an error from emit
// stops it and is returned.
func EmitBibliography(refs []Reference, opt Options, emit func(bib.Item) error) error {
	var idx []int // references that cite a work
	for i, r := range refs {
		// An author-date citation that matched neither a list entry nor
		// a known work says too little ("(Tehran 2005)") to be an item.
		if r.Kind != Comment && !(r.Kind == InText && r.Target < 0 && r.Work == "") {
			idx = append(idx, i)
		}
	}
	parent := map[int]int{}
	var find func(int) int
	find = func(i int) int {
		p, ok := parent[i]
		if !ok || p == i {
			return i
		}
		root := find(p)
		parent[i] = root
		return root
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if ra < rb {
			parent[rb] = ra
		} else {
			parent[ra] = rb
		}
	}
	byWork := map[string]int{}
	for _, i := range idx {
		r := refs[i]
		if r.Target >= 0 {
			union(r.Target, i)
		}
		if r.Work != "" {
			if j, ok := byWork[r.Work]; ok {
				union(j, i)
			} else {
				byWork[r.Work] = i
			}
		}
	}
	// Unlinked references may still repeat each other ("Negah-e Emrooz" and
	// "Negah-e Emrouz" publication of the same interview).
	var reps []int
	var repItems []bib.Item
	for _, i := range idx {
		if find(i) == i && refs[i].Work == "" {
			reps = append(reps, i)
			repItems = append(repItems, refs[i].Item)
		}
	}
	for _, p := range dedupe.Find(repItems, nil) {
		union(reps[p.A], reps[p.B])
	}

	groups := map[int][]int{}
	var order []int
	for _, i := range idx {
		root := find(i)
		if _, ok := groups[root]; !ok {
			order = append(order, root)
		}
		groups[root] = append(groups[root], i)
	}
	known := map[string]bib.Item{}
	for _, k := range opt.Known {
		known[k.ID] = k
	}
	used := opt.Used
	if used == nil {
		used = map[string]int{}
	}
	for _, root := range order {
		g := groups[root]
		var members []bib.Item
		var pairs []dedupe.Pair
		work, reason := "", ""
		for n, i := range g {
			if refs[i].Target >= 0 {
				continue // a repeat carries a copy of its target's fields
			}
			members = append(members, refs[i].Item)
			if len(members) > 1 {
				pairs = append(pairs, dedupe.Pair{A: 0, B: len(members) - 1})
			}
			if work == "" && refs[g[n]].Work != "" {
				work, reason = refs[i].Work, refs[i].Reason
			}
		}
		if len(members) == 0 {
			continue
		}
		merged, _ := dedupe.Merge(members, pairs)
		it := merged[0]
		delete(it.Extra, "ids")
		if len(it.Extra) == 0 {
			it.Extra = nil
		}
		if k, ok := known[work]; ok && opt.Resolve {
			// The researched fields and their provenance replace the
			// extracted ones.
			it = k.Clone()
		}
		if work != "" {
			it.ID = work
		} else {
			it.ID = uniqueKey(citeKey(it), used)
		}
		var cites []Citation
		for _, i := range g {
			r := refs[i]
			cites = append(cites, Citation{Text: r.Text, Position: r.Pos.String(), Kind: r.Kind.String(), Label: r.Label, Locators: r.Locators})
		}
		setCustom(&it, "citations", cites)
		if work != "" {
			setCustom(&it, "known_work", work)
			setCustom(&it, "known_work_reason", reason)
		}
		if err := emit(it); err != nil {
			return err
		}
	}
	return nil
}

func setCustom(it *bib.Item, key string, value any) {
	obj := map[string]json.RawMessage{}
	if raw, ok := it.Custom["custom"]; ok {
		_ = json.Unmarshal(raw, &obj)
	}
	b, err := json.Marshal(value)
	if err != nil {
		return
	}
	obj[key] = b
	if b, err = json.Marshal(obj); err != nil {
		return
	}
	if it.Custom == nil {
		it.Custom = map[string][]byte{}
	}
	it.Custom["custom"] = b
}

// citeKey makes a Better BibTeX-like key: first author's family name (or
// the first word of the issuing body or periodical), year, first
// significant title word, folded to ASCII.
func citeKey(it bib.Item) string {
	who := ""
	if as := it.Names["author"]; len(as) > 0 {
		if as[0].IsLiteral() {
			who = firstSignificant(as[0].Literal)
		} else {
			who = as[0].Family
		}
	}
	if who == "" {
		who = firstSignificant(it.Get("container-title"))
	}
	year := ""
	if d, ok := it.Dates["issued"]; ok && d.From.Year != 0 {
		year = d.String()[:4]
	}
	return keyPart(who) + year + keyPart(firstSignificant(it.Get("title")))
}

func firstSignificant(s string) string {
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(strings.Trim(w, "[]()“”\"'‘’,.:"))
		if lw == "" || smallWords[lw] || lw == "us" {
			continue
		}
		return w
	}
	return ""
}

func keyPart(s string) string {
	f := strings.ReplaceAll(foldASCII(s), " ", "")
	return f
}

// foldASCII lowers s and keeps its ASCII letters and digits, after
// dropping diacritics the way dedupe does.
func foldASCII(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case r > 127:
			if f := dedupe.Fold(string(r)); len(f) == 1 && f[0] >= 'a' && f[0] <= 'z' {
				b.WriteString(f)
			}
		}
	}
	return b.String()
}

func uniqueKey(k string, used map[string]int) string {
	if k == "" {
		k = "ref"
	}
	n := used[k]
	used[k] = n + 1
	if n == 0 {
		return k
	}
	return k + string(rune('a'+(n-1)%26))
}

// bibCustom is the part of an item's custom data Bibliography writes.
type bibCustom struct {
	Citations []Citation `json:"citations"`
	Known     string     `json:"known_work"`
	Reason    string     `json:"known_work_reason"`
}

func readCustom(it bib.Item) (bibCustom, error) {
	var c bibCustom
	raw, ok := it.Custom["custom"]
	if !ok {
		return c, nil
	}
	err := json.Unmarshal(raw, &c)
	return c, err
}

// CitationsOf returns the citations Bibliography recorded in an item.
func CitationsOf(it bib.Item) ([]Citation, error) {
	c, err := readCustom(it)
	return c.Citations, err
}

// KnownWork returns the ID of the known work Bibliography linked an item
// to, and why, or empty strings.
func KnownWork(it bib.Item) (id, reason string) {
	c, _ := readCustom(it)
	return c.Known, c.Reason
}
