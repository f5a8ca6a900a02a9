package csl

import (
	"slices"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// Cite is one cited item inside a citation.
type Cite struct {
	ID             string
	Locator, Label string // Label is a locator term: "page", "chapter", "section"...
	Prefix, Suffix string
	SuppressAuthor bool
	AuthorOnly     bool
	// Position fixes the cite's position instead of computing it from
	// the citations before it, as a word processor that tracks notes
	// may (citeproc-js's makeCitationCluster takes it too).
	Position Position
	// NearNote, with a fixed Position, says an earlier cite of the same
	// item is within near-note-distance notes; a caller that fixes
	// positions knows the notes the processor has not seen.
	NearNote bool

	position  int
	nearNote  bool
	firstNote int
}

// Position is where a cite stands relative to earlier cites of the same
// item, as the CSL position condition tests it.
type Position int

// Positions; PositionAuto (the zero value) lets the processor compute it.
const (
	PositionAuto Position = iota
	PositionFirst
	PositionSubsequent
	PositionIbid
	PositionIbidWithLocator
)

// Citation is one citation cluster, e.g. one footnote or one parenthesis.
// NoteIndex is the footnote number in note styles (0 for in-text).
type Citation struct {
	Cites     []Cite
	NoteIndex int
}

// Entry is one rendered bibliography entry.
type Entry struct {
	ID   string
	Text string
}

// ref is the processor's state for one item.
type ref struct {
	item       *bib.Item
	index      int
	cited      bool
	citeNum    int
	yearSuffix int
	addNames   int
	// disambSteps is how many disambiguate="true" conditions, in the
	// order a cite evaluates them, test true: citeproc-js turns them on
	// one at a time until the cites differ.
	disambSteps int
	// disambConds is how many disambiguate conditions the item's cites
	// evaluated when last rendered for comparison: more steps than that
	// cannot change them.
	disambConds int
	english     bool
	given       map[string]int // person key -> given-name level (1 initials, 2 full)
	// keys caches the cite renderings compared for ambiguity, valid for
	// the state fingerprint keysFor.
	keys    []string
	keysFor string
	// bibKeys caches the bibliography sort keys during one run.
	bibKeys *lazyKeys
}

func personKey(n bib.Name) string {
	return n.Family + "\x00" + n.Given + "\x00" + n.NonDroppingParticle + "\x00" + n.Literal
}

// givenLevel returns the disambiguation level of one name in citations.
func (r *ref) givenLevel(idx int, v string, n bib.Name) int {
	if r.given == nil {
		return 0
	}
	return r.given[personKey(n)]
}

// Processor renders citations and bibliographies of a fixed set of items
// in one style and locale. It is not safe for concurrent use.
type Processor struct {
	style              *Style
	loc                *Locale
	refs               []*ref
	byID               map[string]*ref
	explicitYearSuffix bool
	sorter             *sorter
	citations          []Citation
	citedAt            map[*ref][]int // positions each item is cited at
	nameOptCache       map[optKey]nameOpts
	datePartsCache     map[*element][]*element
	subsequentEtAl     bool // compare the et-al-subsequent form too
	processed          bool
	registry           []*ref  // items registered before any cite (Register)
	events             []event // reused by renderNodeBuf
	// bibOrder is the sorted bibliography found while processing, nil
	// when it must be sorted again (keys depending on citation numbers).
	bibOrder []*ref
	// anySubsequent is set when some cite is in subsequent position.
	anySubsequent bool
	styleEnglish  bool
	opts          Options // scripts and calendars (scripts.go)
}

// NewProcessor prepares items for rendering in a style. lang picks the
// locale ("en-US", "fa-IR"); empty means the style's default-locale, then
// en-US. Items with duplicate IDs keep the first.
func NewProcessor(style *Style, lang string, items []bib.Item) *Processor {
	return NewProcessorOptions(style, lang, items, Options{})
}

func newProcessor(style *Style, lang string, items []bib.Item, opts Options) *Processor {
	p := &Processor{style: style, loc: style.localeFor(lang), byID: map[string]*ref{}, opts: opts}
	l := strings.ToLower(p.loc.Lang)
	p.styleEnglish = l == "" || strings.HasPrefix(l, "en")
	for i := range items {
		it := &items[i]
		if _, dup := p.byID[it.ID]; dup {
			continue
		}
		if extra := noteVariables(it); extra != nil {
			it = extra
		}
		it = p.scriptForm(it)
		r := &ref{item: it, index: len(p.refs)}
		lang := strings.ToLower(it.Vars["language"])
		if lang == "" {
			r.english = p.styleEnglish
		} else {
			r.english = strings.HasPrefix(lang, "en")
		}
		p.refs = append(p.refs, r)
		p.byID[it.ID] = r
	}
	p.explicitYearSuffix = usesVariable(style.root, "year-suffix")
	// Without add-names, citeproc-js also keeps the short et-al-subsequent
	// form of first cites unambiguous (with add-names it does not).
	p.subsequentEtAl = (hasAttr(style.citation, "et-al-subsequent-min") || hasAttr(style.citation, "et-al-subsequent-use-first") ||
		style.root.has("et-al-subsequent-min") || style.root.has("et-al-subsequent-use-first")) &&
		style.citation.attrs["disambiguate-add-names"] != "true"
	p.sorter = newSorter(p)
	return p
}

// noteVariables reads CSL variables that Zotero users put in the note
// ("Extra") field, one "variable: value" per line, as citeproc-js does:
// names as "Family || Given", dates in ISO form. Variables the item
// already has win. It returns nil when the note adds nothing.
func noteVariables(it *bib.Item) *bib.Item {
	note := it.Vars["note"]
	if !strings.Contains(note, ": ") {
		return nil
	}
	var out *bib.Item
	for _, line := range strings.Split(note, "\n") {
		k, v, ok := strings.Cut(line, ": ")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || v == "" || strings.ContainsAny(k, " \t") {
			continue
		}
		kind := bib.KindOf(k)
		if kind == bib.KindUnknown {
			continue
		}
		if out == nil {
			c := it.Clone()
			out = &c
		}
		switch kind {
		case bib.KindName:
			if len(it.Names[k]) > 0 {
				continue
			}
			fam, given, _ := strings.Cut(v, "||")
			n := bib.Name{Family: strings.TrimSpace(fam), Given: strings.TrimSpace(given)}
			if given == "" && !strings.Contains(v, "||") {
				n = bib.Name{Literal: v}
			}
			out.SetNames(k, append(out.Names[k], n))
		case bib.KindDate:
			if _, has := it.Dates[k]; !has {
				if d, ok := bib.ParseISODate(v); ok {
					out.SetDate(k, d)
				}
			}
		default:
			if it.Vars[k] == "" {
				out.Set(k, v)
			}
		}
	}
	return out
}

func sortsByCitationNumber(sortEl *element) bool {
	for _, k := range sortEl.children {
		if k.attrs["variable"] == "citation-number" {
			return true
		}
	}
	return false
}

// hasAttr reports whether e or an element below it has the attribute.
func hasAttr(e *element, name string) bool {
	if e.has(name) {
		return true
	}
	for _, c := range e.children {
		if hasAttr(c, name) {
			return true
		}
	}
	return false
}

func usesVariable(e *element, v string) bool {
	if e.name == "text" && e.attrs["variable"] == v {
		return true
	}
	for _, c := range e.children {
		if usesVariable(c, v) {
			return true
		}
	}
	return false
}

// Locale returns the tag of the locale in use.
func (p *Processor) Locale() string { return p.loc.Lang }

// Register puts items in the bibliography ahead of any citation, as
// citeproc-js's updateItems does (pandoc: nocite). Registered items are
// numbered first, in the order given, and take part in disambiguation, so
// year suffixes ("1989a"), added names and citation numbers agree between
// the citations and the bibliography. Unknown IDs are ignored.
func (p *Processor) Register(ids ...string) {
	seen := map[*ref]bool{}
	for _, r := range p.registry {
		seen[r] = true
	}
	for _, id := range ids {
		if r := p.byID[id]; r != nil && !seen[r] {
			seen[r] = true
			p.registry = append(p.registry, r)
		}
	}
	p.processed = false
}

// RegisterAll registers every item in the order given to NewProcessor:
// citations then read as they do next to the bibliography of all the
// items, the one Bibliography renders when nothing is cited.
func (p *Processor) RegisterAll() {
	p.registry = append(p.registry[:0], p.refs...)
	p.processed = false
}

// Cite renders one citation on its own.
func (p *Processor) Cite(cites []Cite, f Format) string {
	return p.Citations([]Citation{{Cites: cites}}, f)[0]
}

// Citations renders a document's citations in order: positions (ibid,
// subsequent), citation numbers and disambiguation take every citation
// into account. The bibliography then holds the cited items.
func (p *Processor) Citations(cs []Citation, f Format) []string {
	// work on a copy: positions are recorded in the cites
	p.citations = make([]Citation, len(cs))
	for i, c := range cs {
		p.citations[i] = Citation{Cites: append([]Cite(nil), c.Cites...), NoteIndex: c.NoteIndex}
	}
	p.process()
	out := make([]string, len(p.citations))
	for i := range p.citations {
		out[i] = renderNodeBuf(p.renderCitation(&p.citations[i]), f, p.loc, &p.events)
	}
	return out
}

// process registers cited items, numbers them, computes positions and
// disambiguates.
func (p *Processor) process() {
	for _, r := range p.refs {
		r.cited, r.citeNum, r.yearSuffix, r.addNames, r.disambSteps, r.disambConds, r.given = false, 0, 0, 0, 0, 0, nil
		r.keys, r.bibKeys = nil, nil
	}
	var order []*ref
	for _, r := range p.registry {
		if !r.cited {
			r.cited = true
			order = append(order, r)
		}
	}
	for ci := range p.citations {
		cs := p.citations[ci].Cites
		kept := cs[:0:0]
		for _, c := range cs {
			r := p.byID[c.ID]
			if r == nil {
				continue
			}
			kept = append(kept, c)
			if !r.cited {
				r.cited = true
				order = append(order, r)
			}
		}
		p.citations[ci].Cites = kept
	}
	if len(p.citations) == 0 {
		order = append(order[:0], p.refs...)
		for _, r := range p.refs {
			r.cited = true
		}
	}
	for i, r := range order {
		r.citeNum = i + 1
	}
	var bibOrder []*ref // the bibliography order, if final already
	if p.style.bibliography != nil && p.style.bibliography.child("sort") != nil {
		sorted := p.sorter.sortRefs(order, p.style.bibliography)
		for i, r := range sorted {
			r.citeNum = i + 1
		}
		if usesVariable(p.style.bibliography.child("sort"), "citation-number") || sortsByCitationNumber(p.style.bibliography.child("sort")) {
			for _, r := range order {
				r.bibKeys = nil // keys saw the provisional numbers
			}
		} else {
			bibOrder = sorted
		}
	}
	p.positions()
	p.citedAt = map[*ref][]int{}
	p.anySubsequent = false
	for _, cit := range p.citations {
		for _, c := range cit.Cites {
			r := p.byID[c.ID]
			pos := c.position
			if pos == posIbidWithLocator {
				pos = posIbid
			}
			if pos == posSubsequent {
				p.anySubsequent = true
			}
			if !slices.Contains(p.citedAt[r], pos) {
				p.citedAt[r] = append(p.citedAt[r], pos)
			}
		}
	}
	p.bibOrder = bibOrder
	p.disambiguateAll(order, bibOrder)
	p.processed = true
}

// positions computes first/subsequent/ibid and near-note for every cite.
func (p *Processor) positions() {
	nearDist := 5
	if v := p.style.citation.attrs["near-note-distance"]; v != "" {
		if n, err := atoi(v); err == nil {
			nearDist = n
		}
	}
	lastNote := map[string]int{}
	firstNote := map[string]int{}
	// Cites in footnotes and cites in the text (note index 0) each follow
	// their own sequence for ibid, as in citeproc-js. A previous note
	// with cites of several items rules out ibid.
	type prevNote struct {
		note  int
		cites []Cite
	}
	prev := map[bool]*prevNote{}
	for ci := range p.citations {
		cit := &p.citations[ci]
		note := cit.NoteIndex
		inText := note == 0
		if note == 0 {
			note = ci + 1
		}
		pn := prev[inText]
		var prevCites []Cite
		sameNote := false
		if pn != nil {
			prevCites = pn.cites
			sameNote = !inText && pn.note == cit.NoteIndex
		}
		for i := range cit.Cites {
			c := &cit.Cites[i]
			var prevCite *Cite
			switch {
			case i > 0:
				prevCite = &cit.Cites[i-1]
			case sameNote && len(prevCites) > 0:
				// an earlier citation in the same footnote is the cite
				// right before this one
				prevCite = &prevCites[len(prevCites)-1]
			case !sameNote && allSame(prevCites):
				prevCite = &prevCites[len(prevCites)-1]
			}
			if _, seen := lastNote[c.ID]; !seen {
				c.position = posFirst
			} else if prevCite != nil && prevCite.ID == c.ID {
				switch {
				case prevCite.Locator == "" && c.Locator == "":
					c.position = posIbid
				case prevCite.Locator == "" && c.Locator != "":
					c.position = posIbidWithLocator
				case c.Locator == prevCite.Locator && c.Label == prevCite.Label:
					c.position = posIbid
				case c.Locator != "":
					c.position = posIbidWithLocator
				default:
					c.position = posSubsequent
				}
			} else {
				c.position = posSubsequent
			}
			if c.Position != PositionAuto {
				c.position = int(c.Position) - 1 // posFirst is 0
			}
			if ln, seen := lastNote[c.ID]; seen {
				c.nearNote = note-ln <= nearDist
				c.firstNote = firstNote[c.ID]
			}
			if c.Position != PositionAuto && c.NearNote {
				c.nearNote = true
			}
			lastNote[c.ID] = note
			if _, ok := firstNote[c.ID]; !ok {
				firstNote[c.ID] = note
			}
		}
		if pn != nil && !inText && pn.note == cit.NoteIndex {
			pn.cites = append(pn.cites, cit.Cites...)
		} else {
			prev[inText] = &prevNote{note: cit.NoteIndex, cites: append([]Cite(nil), cit.Cites...)}
		}
	}
}

func allSame(cs []Cite) bool {
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		if c.ID != cs[0].ID {
			return false
		}
	}
	return true
}

func atoi(s string) (int, error) {
	n := 0
	for _, r := range strings.TrimSpace(s) {
		if r < '0' || r > '9' {
			return 0, errNotNumber
		}
		n = n*10 + int(r-'0')
	}
	return n, nil
}

type strError string

func (e strError) Error() string { return string(e) }

const errNotNumber = strError("not a number")

// renderCiteNode renders one cite through the citation layout, without
// the layout's own affixes and formatting (those wrap the citation).
func (p *Processor) renderCiteNode(c *Cite, r *ref) *node {
	return p.renderCiteNodeFor(c, r, false)
}

func (p *Processor) renderCiteNodeFor(c *Cite, r *ref, disamb bool) *node {
	ctx := &rctx{p: p, r: r, cite: c, mode: p.style.citation, disamb: disamb}
	layout := p.style.citation.child("layout")
	kids := ctx.renderChildren(layout)
	if disamb {
		r.disambConds = max(r.disambConds, ctx.disambSeen)
	}
	if len(kids) == 0 {
		return nil
	}
	return &node{kids: kids}
}

// Bibliography renders the bibliography entries: the cited and registered
// items after Citations, or every item when nothing was cited.
func (p *Processor) Bibliography(f Format) []Entry {
	if p.style.bibliography == nil {
		return nil
	}
	if !p.processed {
		p.process()
	}
	var out []Entry
	p.eachBibliographyNode(func(n *node, r *ref) {
		if n.empty() {
			return // citeproc-js omits entries the style prints nothing for
		}
		out = append(out, Entry{ID: r.item.ID, Text: renderNodeBuf(n, f, p.loc, &p.events)})
	})
	return out
}

// BibliographyString renders the whole bibliography: in HTML wrapped in
// <div class="csl-bib-body"> as citeproc-js does, otherwise one entry per
// line (Markdown entries separated by blank lines).
func (p *Processor) BibliographyString(f Format) string {
	entries := p.Bibliography(f)
	var b strings.Builder
	switch f {
	case HTML:
		b.WriteString("<div class=\"csl-bib-body\">\n")
		for _, e := range entries {
			b.WriteString("  <div class=\"csl-entry\">")
			b.WriteString(e.Text)
			b.WriteString("</div>\n")
		}
		b.WriteString("</div>")
	default:
		for i, e := range entries {
			if i > 0 {
				b.WriteString("\n")
				if f == Markdown {
					b.WriteString("\n")
				}
			}
			b.WriteString(e.Text)
		}
	}
	return b.String()
}

// eachBibliographyNode renders the bibliography's entries in order and
// passes each to fn, so that an entry's nodes can go once it is written:
// only the previous entry's names are kept (subsequent-author-substitute).
func (p *Processor) eachBibliographyNode(fn func(*node, *ref)) {
	var refs []*ref
	for _, r := range p.refs {
		if r.cited {
			refs = append(refs, r)
		}
	}
	if len(p.citations) > 0 {
		// citation order
		sortByCiteNum(refs)
	}
	bibEl := p.style.bibliography
	switch {
	case p.bibOrder != nil && len(p.bibOrder) == len(refs):
		// the same items sorted by the same cached keys
		refs = p.bibOrder
	case bibEl.child("sort") != nil:
		refs = p.sorter.sortRefs(refs, bibEl)
	}
	layout := bibEl.child("layout")
	sas := bibEl.attrs["subsequent-author-substitute"]
	_, hasSAS := bibEl.attrs["subsequent-author-substitute"]
	sasRule := bibEl.attrs["subsequent-author-substitute-rule"]
	if sasRule == "" {
		sasRule = "complete-all"
	}
	secondField := bibEl.attrs["second-field-align"] != "" && bibEl.attrs["second-field-align"] != "false"
	var prevNames *node
	for _, r := range refs {
		ctx := &rctx{p: p, r: r, mode: bibEl, bib: true}
		kids := ctx.renderChildren(layout)
		if hasSAS {
			cur := (&node{kids: kids}).find("names")
			switch {
			case strings.HasPrefix(sasRule, "complete") && (ctx.sasLate || cur == nil):
				// names from a later element of the substitution chain
				// are neither replaced nor compared next, and an entry
				// without names keeps the comparison (citeproc-js); the
				// partial rules replace name by name, also there
			case cur != nil:
				curCopy := cloneNode(cur)
				if prevNames != nil {
					substituteAuthor(cur, prevNames, sas, sasRule)
				}
				prevNames = curCopy
			default:
				prevNames = nil
			}
		}
		// a term that opens an entry is capitalised ("N.d."), as
		// citeproc-js does for a term with nothing rendered before it
		if l := (&node{kids: kids}).firstLeaf(); l != nil && l.term {
			l.text = capitalizeFirst(l.text)
		}
		var n *node
		if secondField && len(kids) > 0 {
			left := &node{kids: kids[:1], d: &decoration{display: "left-margin", prefix: layout.attrs["prefix"], decorates: true}}
			right := &node{kids: kids[1:], d: &decoration{display: "right-inline", suffix: layout.attrs["suffix"], decorates: true}}
			left.f, right.f = fmtOf(layout), fmtOf(layout)
			n = &node{kids: []*node{left, right}}
		} else if last := lastDisplay(kids); last != nil && layout.attrs["suffix"] != "" {
			// the layout suffix goes inside the last display block
			last.d = last.d.withSuffix(last.suffix() + layout.attrs["suffix"])
			n = p.decorateLayout(&node{kids: kids, d: affixes(layout.attrs["prefix"], "")}, &element{attrs: map[string]string{}})
			if f := fmtOf(layout); f != nil && n != nil {
				n = &node{kids: []*node{n}, f: f}
			}
		} else {
			n = p.decorateLayout(&node{kids: kids}, layout)
		}
		if n == nil {
			n = &node{}
		}
		fn(n, r)
	}
}

// lastDisplay returns the last non-empty node if it is a display block.
func lastDisplay(kids []*node) *node {
	for i := len(kids) - 1; i >= 0; i-- {
		if kids[i].empty() {
			continue
		}
		n := kids[i]
		for n.display() == "" && len(n.kids) == 1 && n.prefix() == "" && n.suffix() == "" && n.f == nil {
			n = n.kids[0]
		}
		if n.display() != "" {
			return n
		}
		return nil
	}
	return nil
}

func sortByCiteNum(refs []*ref) {
	for i := 1; i < len(refs); i++ {
		for j := i; j > 0 && refs[j].citeNum < refs[j-1].citeNum; j-- {
			refs[j], refs[j-1] = refs[j-1], refs[j]
		}
	}
}

func cloneNode(n *node) *node {
	if n == nil {
		return nil
	}
	c := *n
	c.kids = make([]*node, len(n.kids))
	for i, k := range n.kids {
		c.kids[i] = cloneNode(k)
	}
	return &c
}

// substituteAuthor applies subsequent-author-substitute to a names node
// whose names repeat the previous entry's; labels ("ed.") stay.
func substituteAuthor(cur, prev *node, sub, rule string) {
	cn, pn := nameLeaves(cur), nameLeaves(prev)
	if len(cn) == 0 || len(pn) == 0 {
		if cur.plain() == prev.plain() && rule == "complete-all" {
			replaceNames(cur, sub)
		}
		return
	}
	same := len(cn) == len(pn)
	for i := 0; same && i < len(cn); i++ {
		same = cn[i].plain() == pn[i].plain()
	}
	switch rule {
	case "complete-all":
		if same {
			list := cur.find("namelist")
			*list = node{kids: []*node{textNode(sub)}}
		}
	case "complete-each":
		if same {
			for _, n := range cn {
				*n = node{kids: []*node{textNode(sub)}}
			}
		}
	default:
		for i := range cn {
			if i >= len(pn) || cn[i].plain() != pn[i].plain() {
				break
			}
			*cn[i] = node{kids: []*node{textNode(sub)}}
			if rule == "partial-first" {
				break
			}
		}
	}
}

func replaceNames(n *node, sub string) {
	// keep the outer affixes of the names element, replace its content
	inner := n
	for len(inner.kids) == 1 && !inner.kids[0].leaf && inner.prefix() == "" && inner.suffix() == "" {
		inner = inner.kids[0]
	}
	if sub == "" {
		*n = node{}
		return
	}
	// the first child list holds the names; replace all kids by the term
	if len(inner.kids) > 0 && inner.kids[0].tag == "" && !inner.kids[0].leaf && len(inner.kids[0].kids) > 0 {
		inner.kids = []*node{{kids: []*node{textNode(sub)}}}
		return
	}
	inner.kids = []*node{textNode(sub)}
}

// nameLeaves returns the per-name nodes of a rendered names element.
func nameLeaves(n *node) []*node {
	var list *node
	var walk func(*node)
	walk = func(x *node) {
		if list != nil || x == nil {
			return
		}
		if x.tag == "namelist" {
			list = x
			return
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(n)
	if list == nil {
		return nil
	}
	var out []*node
	for _, k := range list.kids {
		if k.tag == "name" {
			out = append(out, k)
		}
	}
	return out
}
