package csl

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/manba/manba/pkg/bib"
)

// Positions of a cite, in increasing specificity.
const (
	posFirst = iota
	posSubsequent
	posIbid
	posIbidWithLocator
)

// rctx is the state of rendering one item: the item, the cite (in
// citations), the mode element (citation or bibliography) whose
// attributes names inherit, and the bookkeeping the spec asks for.
type rctx struct {
	p    *Processor
	r    *ref
	cite *Cite
	mode *element
	bib  bool
	// sortKey is the cs:key being rendered for sorting (names-min etc.).
	sortKey *element
	// calls and hits count variables asked for and found, for the group
	// suppression rule.
	calls, hits int
	suppressed  map[string]bool
	// used lists the variables rendered so far, so that a substitute
	// suppresses exactly the variables it printed.
	used []string
	// disamb is set while rendering cites to compare them for ambiguity;
	// the accessed date then does not count, as in citeproc-js.
	disamb bool
	// yearSuffixDone is set once the implicit year suffix is placed.
	yearSuffixDone bool
	macroDepth     int
	// disambSeen counts the disambiguate conditions evaluated so far.
	disambSeen int
	// nameLists counts the name lists rendered so far.
	nameLists int
	// substParent is the cs:names whose cs:substitute is being tried: a
	// cs:names nested deeper in it (in a cs:choose) inherits its cs:name,
	// cs:et-al and cs:label as a direct child does (citeproc-js).
	substParent *element
	// sasDecided is set once the entry's first names are rendered;
	// sasLate then says they came from a cs:substitute child after the
	// first, which subsequent-author-substitute leaves alone (citeproc-js
	// compares names once, after the first element of the substitution
	// chain, and only if that element rendered names).
	sasDecided, sasLate bool
}

func (c *rctx) english() bool { return c.r.english }

// attrInherit returns an inheritable attribute from the element, the mode
// element (citation/bibliography) or the style.
func (c *rctx) attrInherit(e *element, name string) (string, bool) {
	if e != nil {
		if v, ok := e.attrs[name]; ok {
			return v, true
		}
	}
	if c.mode != nil {
		if v, ok := c.mode.attrs[name]; ok {
			return v, true
		}
	}
	v, ok := c.p.style.root.attrs[name]
	return v, ok
}

// renderChildren renders the children of e in order.
func (c *rctx) renderChildren(e *element) []*node {
	return c.appendChildren(nil, e)
}

// appendChildren renders the children of e onto out.
func (c *rctx) appendChildren(out []*node, e *element) []*node {
	for _, ch := range e.children {
		if ch.name == "choose" {
			// cs:choose is transparent: its branch's elements are
			// children of the enclosing group or layout
			if br := c.chooseBranch(ch); br != nil {
				out = c.appendChildren(out, br)
			}
			continue
		}
		n := c.render(ch)
		if n == nil {
			continue
		}
		if out == nil {
			out = make([]*node, 0, len(e.children))
		}
		out = append(out, n)
	}
	return out
}

func (c *rctx) render(e *element) *node {
	switch e.name {
	case "text":
		return c.renderText(e)
	case "number":
		return c.renderNumber(e)
	case "label":
		return c.renderLabel(e)
	case "names":
		return c.renderNames(e)
	case "date":
		return c.renderDate(e)
	case "group":
		return c.renderGroup(e)
	case "choose":
		return c.renderChoose(e)
	}
	return nil
}

// decorate applies affixes, formatting, quotes, display, text-case and
// strip-periods of e to n.
func (c *rctx) decorate(n *node, e *element) *node {
	if n == nil || n.emptyRendered() {
		return nil
	}
	n.filled = true
	if e == nil || e.deco == nil {
		return n
	}
	d := e.deco
	if d.stripPeriods {
		n.unfill()
		n.leaves(func(l *node) { l.text = strings.ReplaceAll(l.text, ".", "") })
		if n.empty() {
			return nil
		}
		n.filled = true
	}
	if d.textCase != "" {
		applyCase(n, d.textCase, c.english())
	}
	if !d.decorates {
		return n
	}
	// decorate in place when the node has no decoration of its own
	w := n
	if !(n.plainLeaf() && n.tag == "") {
		w = &node{kids: []*node{n}}
	}
	w.d, w.f = d, e.fmt
	return w
}

// formatOnly applies formatting but not affixes (for parts that place
// affixes themselves).
func fmtOf(e *element) *fmtAttrs {
	return e.fmt
}

func (c *rctx) renderGroup(e *element) *node {
	calls, hits := c.calls, c.hits
	c.calls, c.hits = 0, 0
	kids := c.renderChildren(e)
	gcalls, ghits := c.calls, c.hits
	c.calls, c.hits = calls+gcalls, hits+ghits
	if gcalls > 0 && ghits == 0 {
		return nil
	}
	n := &node{kids: kids, delim: e.attrs["delimiter"]}
	if n.emptyRendered() {
		return nil
	}
	n.filled = true
	if gcalls == 0 {
		// a nested group that prints only terms keeps the enclosing
		// group, as in citeproc-js (IEEE's "[Online]." after an empty
		// access date)
		c.calls++
		c.hits++
	}
	return c.decorate(n, e)
}

func (c *rctx) renderChoose(e *element) *node {
	if br := c.chooseBranch(e); br != nil {
		if kids := c.renderChildren(br); len(kids) > 0 {
			return &node{kids: kids}
		}
	}
	return nil
}

// chooseBranch returns the first branch of a cs:choose whose conditions
// hold, or nil.
func (c *rctx) chooseBranch(e *element) *element {
	for _, br := range e.children {
		if br.name == "else" || c.test(br) {
			return br
		}
	}
	return nil
}

// condition is one parsed test of cs:if / cs:else-if.
type condition struct {
	kind, value string
	types       []string // a type test's list
}

type conditions struct {
	match string
	tests []condition
}

// conditionsOf parses and caches an element's tests; attributes are
// visited in sorted order so that evaluation is deterministic.
func conditionsOf(e *element) *conditions {
	if cs, ok := e.cached.(*conditions); ok {
		return cs
	}
	cs := &conditions{match: e.attrs["match"]}
	if cs.match == "" {
		cs.match = "all"
	}
	for _, k := range bib.SortedKeys(e.attrs) {
		switch k {
		case "type":
			// citeproc-js always tests a type list as "any", whatever
			// match says: type="thesis manuscript" holds for either
			cs.tests = append(cs.tests, condition{kind: k, types: strings.Fields(e.attrs[k])})
		case "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate":
			for _, v := range strings.Fields(e.attrs[k]) {
				cs.tests = append(cs.tests, condition{kind: k, value: v})
			}
		}
	}
	e.cached = cs
	return cs
}

// test evaluates the conditions of cs:if / cs:else-if.
func (c *rctx) test(e *element) bool {
	cs := conditionsOf(e)
	if len(cs.tests) == 0 {
		return false
	}
	for _, t := range cs.tests {
		b := c.testOne(t)
		switch cs.match {
		case "any":
			if b {
				return true
			}
		case "none":
			if b {
				return false
			}
		default:
			if !b {
				return false
			}
		}
	}
	return cs.match != "any"
}

func (c *rctx) testOne(t condition) bool {
	val := t.value
	switch t.kind {
	case "type":
		return slices.Contains(t.types, c.r.item.Type)
	case "variable":
		return c.hasVar(val)
	case "is-numeric":
		return isNumeric(c.rawVar(val))
	case "is-uncertain-date":
		d, ok := c.r.item.Dates[val]
		return ok && d.Circa
	case "locator":
		l := ""
		if c.cite != nil && c.cite.Locator != "" {
			l = c.cite.Label
			if l == "" {
				l = "page"
			}
		}
		return l == val || (val == "sub-verbo" && l == "sub verbo")
	case "position":
		return c.testPosition(val)
	case "disambiguate":
		c.disambSeen++
		return (val == "true") == (c.disambSeen <= c.r.disambSteps)
	}
	return false
}

func (c *rctx) testPosition(v string) bool {
	if c.bib || c.cite == nil {
		return false
	}
	pos := c.cite.position
	switch v {
	case "first":
		return pos == posFirst
	case "subsequent":
		return pos >= posSubsequent
	case "ibid":
		return pos >= posIbid
	case "ibid-with-locator":
		return pos == posIbidWithLocator
	case "near-note":
		return c.cite.nearNote && pos >= posSubsequent
	}
	return false
}

// rawVar returns the value of a string or number variable, including the
// cite-level ones.
func (c *rctx) rawVar(name string) string {
	if c.suppressed[name] {
		return ""
	}
	return c.itemVar(name)
}

// itemVar is rawVar whether or not the variable was used as a substitute.
func (c *rctx) itemVar(name string) string {
	it := c.r.item
	switch name {
	case "locator":
		if c.cite != nil {
			return strings.TrimSpace(c.cite.Locator)
		}
		return ""
	case "citation-number":
		if c.r.citeNum > 0 {
			return strconv.Itoa(c.r.citeNum)
		}
		return ""
	case "year-suffix":
		if c.r.yearSuffix > 0 {
			return yearSuffixString(c.r.yearSuffix)
		}
		return ""
	case "citation-label":
		if v := it.Vars["citation-label"]; v != "" {
			return v
		}
		return trigraph(it)
	case "first-reference-note-number":
		if c.cite != nil && c.cite.firstNote > 0 && c.cite.position >= posSubsequent {
			return strconv.Itoa(c.cite.firstNote)
		}
		return ""
	case "title-short":
		if v := it.Vars["title-short"]; v != "" {
			return v
		}
		return it.Vars["shortTitle"]
	case "container-title-short":
		if v := it.Vars["container-title-short"]; v != "" {
			return v
		}
		return it.Vars["journalAbbreviation"]
	case "page-first":
		if v := it.Vars["page-first"]; v != "" {
			return v
		}
		p := it.Vars["page"]
		if i := strings.IndexAny(p, "-–—,&"); i >= 0 {
			p = strings.TrimSpace(p[:i])
		}
		return p
	}
	if v, ok := it.Vars[name]; ok {
		return v
	}
	return ""
}

// hasVar is the variable condition. A variable already used as a
// substitute still counts: citeproc-js suppresses only its rendering (APA
// tests for an editor after printing the editors in place of a container
// author; Chicago quotes a title when the container title, printed in
// place of the author, is there).
func (c *rctx) hasVar(name string) bool {
	switch bib.KindOf(name) {
	case bib.KindName:
		return len(c.r.item.Names[name]) > 0
	case bib.KindDate:
		d, ok := c.r.item.Dates[name]
		return ok && !d.IsZero()
	}
	return c.itemVar(name) != ""
}

func yearSuffixString(n int) string {
	// a..z, then aa..zz as citeproc-js does
	if n <= 26 {
		return string(rune('a' + n - 1))
	}
	n--
	return string(rune('a'+n/26-1)) + string(rune('a'+n%26))
}

func (c *rctx) renderText(e *element) *node {
	var n *node
	switch {
	case e.has("variable"):
		v := e.attrs["variable"]
		n = c.textVariable(v, e.attrs["form"])
		// an empty year-suffix does not empty its group: styles pair it
		// with the "no date" term, and citeproc-js prints that
		if v != "year-suffix" || n != nil {
			c.calls++
		}
		if n != nil {
			c.hits++
			c.used = append(c.used, v)
		}
	case e.has("macro"):
		m := c.p.style.macros[e.attrs["macro"]]
		if m == nil || c.macroDepth > 20 {
			return nil
		}
		// a macro is an implicit group (as in citeproc-js): it prints
		// nothing when it asks for variables and all are empty
		calls, hits := c.calls, c.hits
		c.calls, c.hits = 0, 0
		c.macroDepth++
		kids := c.renderChildren(m)
		c.macroDepth--
		mcalls, mhits := c.calls, c.hits
		c.calls, c.hits = calls+mcalls, hits+mhits
		if len(kids) == 0 || (mcalls > 0 && mhits == 0) {
			return nil
		}
		if len(kids) == 1 {
			n = kids[0] // no wrapper: decorating it is the same
		} else {
			n = &node{kids: kids}
		}
		if !n.empty() {
			// a macro that prints something counts as a non-empty
			// variable for its group, as in citeproc-js ("n.d." from
			// a macro survives a group whose date is missing)
			c.calls++
			c.hits++
		}
	case e.has("term"):
		plural := e.attrs["plural"] == "true"
		form := e.attrs["form"]
		if form == "" {
			form = "long"
		}
		n = textNode(c.p.loc.term(e.attrs["term"], form, plural))
		if n != nil {
			n.term = true
		}
	case e.has("value"):
		n = parseRich(narrowSpaces(e.attrs["value"]))
	}
	return c.decorate(n, e)
}

// textVariable renders a string, title or number variable as text.
func (c *rctx) textVariable(v, form string) *node {
	if c.suppressed[v] {
		return nil
	}
	val := ""
	if form == "short" {
		switch v {
		case "title", "container-title":
			val = c.rawVar(v + "-short")
		default:
			val = c.rawVar(v + "-short")
		}
	}
	if val == "" {
		val = c.rawVar(v)
	}
	if val == "" {
		return nil
	}
	switch v {
	case "citation-number":
		return &node{kids: []*node{textNode(val)}, tag: "citation-number"}
	case "year-suffix":
		c.yearSuffixDone = true
		return &node{kids: []*node{textNode(val)}, tag: "year-suffix"}
	case "page":
		return textNode(c.p.pageRange(val, true))
	case "locator":
		return parseRich(c.p.pageRange(val, c.cite == nil || c.cite.Label == "" || c.cite.Label == "page"))
	case "URL", "DOI":
		return textNode(val)
	case "issue", "volume", "number", "chapter-number", "collection-number", "number-of-pages", "number-of-volumes", "edition":
		if isNumeric(val) && strings.Contains(val, "-") {
			// "3-4" is the range 3–4, with the locale's delimiter for
			// the numbers citeproc-js gives it ("n° 1‑2" in French)
			return textNode(numericRange(val, c.rangeDelimiter()))
		}
	case "citation-label":
		n := textNode(val)
		if c.r.yearSuffix > 0 && !c.p.explicitYearSuffix && !c.yearSuffixDone {
			c.yearSuffixDone = true
			n = &node{kids: []*node{n, {kids: []*node{textNode(yearSuffixString(c.r.yearSuffix))}, tag: "year-suffix"}}}
		}
		return n
	}
	return parseRich(narrowSpaces(val))
}

// narrowSpaces joins a space before : ; ? ! and » (and after «) to the
// mark as a narrow no-break space, as citeproc-js does with every text it
// outputs ("Dance Club : Avoiding" keeps its colon on the line).
func narrowSpaces(s string) string {
	if !strings.Contains(s, " ") || !strings.ContainsAny(s, ":;?!»«") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i+1 < len(s) && (strings.ContainsRune(":;?!", rune(s[i+1])) || strings.HasPrefix(s[i+1:], "»")) {
			b.WriteString("\u202f")
			continue
		}
		b.WriteByte(s[i])
	}
	return strings.ReplaceAll(b.String(), "« ", "«\u202f")
}

func isNameVar(v string) bool   { return bib.KindOf(v) == bib.KindName }
func isDateVar(v string) bool   { return bib.KindOf(v) == bib.KindDate }
func isNumberVar(v string) bool { return bib.KindOf(v) == bib.KindNumber || v == "citation-number" }

// trigraph builds a citation label the way citeproc-js does by default
// ("Aaaa00:AaAa00:AaAA00:AAAA00"): letters of up to four authors' family
// names and the two-digit year.
func trigraph(it *bib.Item) string {
	var names []bib.Name
	for _, v := range []string{"author", "editor", "translator"} {
		if ns := it.Names[v]; len(ns) > 0 {
			names = ns
			break
		}
	}
	if len(names) == 0 {
		return ""
	}
	take := func(n bib.Name, k int) string {
		f := []rune(n.Family)
		if n.Family == "" {
			f = []rune(n.Literal)
		}
		if len(f) > k {
			f = f[:k]
		}
		return string(f)
	}
	var b strings.Builder
	switch len(names) {
	case 1:
		b.WriteString(take(names[0], 4))
	case 2:
		b.WriteString(take(names[0], 2) + take(names[1], 2))
	case 3:
		b.WriteString(take(names[0], 2) + take(names[1], 1) + take(names[2], 1))
	default:
		for _, n := range names[:4] {
			b.WriteString(take(n, 1))
		}
	}
	if d, ok := it.Dates["issued"]; ok && d.From.Year != 0 {
		y := strconv.Itoa(d.From.Year)
		if len(y) >= 2 {
			y = y[len(y)-2:]
		}
		b.WriteString(y)
	}
	return b.String()
}

// numericRange writes the hyphens between numbers as a range delimiter.
func numericRange(s, delim string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if r == '-' && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]) {
			b.WriteString(delim)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// rangeDelimiter is the delimiter citeproc-js puts in a number range: the
// locale's page-range-delimiter, else an en dash.
func (c *rctx) rangeDelimiter() string {
	if d := c.p.loc.term("page-range-delimiter", "long", false); d != "" {
		return d
	}
	return "–"
}
