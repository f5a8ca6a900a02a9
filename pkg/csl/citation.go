package csl

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// renderedCite is one cite of a citation on its way to output.
type renderedCite struct {
	c     *Cite
	r     *ref
	n     *node
	names string // plain text of the first names element, for grouping
}

// renderCitation renders a citation: sorts its cites, groups cites by the
// same authors, collapses numbers and years, and applies the layout.
func (p *Processor) renderCitation(cit *Citation) *node {
	layout := p.style.citation.child("layout")
	var cites []*renderedCite
	for i := range cit.Cites {
		c := &cit.Cites[i]
		r := p.byID[c.ID]
		cites = append(cites, &renderedCite{c: c, r: r})
	}
	if p.style.citation.child("sort") != nil && len(cites) > 1 {
		keys := map[*renderedCite]*lazyKeys{}
		sortEl := p.style.citation.child("sort")
		for _, rc := range cites {
			keys[rc] = p.sorter.newLazy(rc.r, rc.c, len(sortEl.children))
		}
		stableSort(cites, func(a, b *renderedCite) bool {
			return p.sorter.compare(keys[a], keys[b], sortEl, p.style.citation) < 0
		})
	}
	for _, rc := range cites {
		rc.n = p.renderCiteNode(rc.c, rc.r)
		if rc.n == nil || rc.n.empty() {
			// citeproc-js's marker for a cite the style prints nothing for
			rc.n = textNode("[CSL STYLE ERROR: reference with no printed form.]")
		}
		if nm := rc.n.find("names"); nm != nil {
			rc.names = nm.plain()
		}
		if rc.c.AuthorOnly {
			if nm := rc.n.find("names"); nm != nil {
				rc.n = cloneNode(nm)
				rc.n.tag = ""
			}
		} else if rc.c.SuppressAuthor {
			removeTagged(rc.n, "names")
		}
		if p.style.Class == "note" && startsSentence(rc.c.Prefix, rc == cites[0]) {
			if l := rc.n.firstLeaf(); l != nil && l.term {
				l.text = capitalizeFirst(l.text)
			}
		}
		rc.n = p.citeAffixes(rc.n, rc.c)
	}
	delim := layout.attrs["delimiter"]
	collapse := p.style.citation.attrs["collapse"]
	groupDelim, hasGroupDelim := p.style.citation.attrs["cite-group-delimiter"]
	if !hasGroupDelim {
		groupDelim = ", "
		if p.style.Class == "note" {
			// citeproc-js: note styles do not group cites, and their
			// collapsed years keep the layout delimiter
			groupDelim = delim
		}
	}
	afterCollapse, ok := p.style.citation.attrs["after-collapse-delimiter"]
	if !ok {
		afterCollapse = delim
	}
	ysDelim, ok := p.style.citation.attrs["year-suffix-delimiter"]
	if !ok {
		ysDelim = delim
		if hasGroupDelim {
			ysDelim = groupDelim
		}
	}
	// cite grouping: cites by the same authors move next to the first
	if (hasGroupDelim || collapse == "year" || collapse == "year-suffix" || collapse == "year-suffix-ranged") && p.style.Class != "note" {
		var grouped []*renderedCite
		used := make([]bool, len(cites))
		for i, rc := range cites {
			if used[i] {
				continue
			}
			grouped = append(grouped, rc)
			used[i] = true
			if rc.names == "" {
				continue
			}
			for j := i + 1; j < len(cites); j++ {
				if !used[j] && cites[j].names == rc.names {
					grouped = append(grouped, cites[j])
					used[j] = true
				}
			}
		}
		cites = grouped
	}
	out := &node{}
	add := func(sep string, n *node) {
		if len(out.kids) > 0 && sep != "" {
			// a cite that ends in a comma (its suffix "is one source,")
			// takes the place of the delimiter's punctuation
			prev := out.kids[len(out.kids)-1].plain()
			if strings.HasSuffix(prev, ",") && strings.ContainsRune(",;:", rune(sep[0])) {
				sep = sep[1:]
			}
			if sep != "" {
				out.kids = append(out.kids, textNode(sep))
			}
		}
		out.kids = append(out.kids, n)
	}
	switch collapse {
	case "citation-number":
		i := 0
		pendingDelim := ""
		for i < len(cites) {
			j := i
			for j+1 < len(cites) && cites[j+1].r.citeNum == cites[j].r.citeNum+1 && plainAffixes(cites[j+1].c) && plainAffixes(cites[j].c) {
				j++
			}
			if j-i >= 2 {
				add(pendingDelim, &node{kids: []*node{cites[i].n, textNode("–"), cites[j].n}})
				pendingDelim = afterCollapse
			} else {
				for k := i; k <= j; k++ {
					if k > i && cites[k].r.citeNum == cites[k-1].r.citeNum && plainAffixes(cites[k].c) {
						continue // the same number cited twice
					}
					add(pendingDelim, cites[k].n)
					pendingDelim = delim
				}
			}
			i = j + 1
		}
	case "year", "year-suffix", "year-suffix-ranged":
		i := 0
		pendingDelim := ""
		for i < len(cites) {
			j := i
			for j+1 < len(cites) && cites[j+1].names == cites[i].names && !cites[i].c.SuppressAuthor {
				j++
			}
			if j == i {
				add(pendingDelim, cites[i].n)
				pendingDelim = delim
				i++
				continue
			}
			grp := &node{}
			grp.kids = append(grp.kids, cites[i].n)
			prevYear := yearOf(cites[i])
			prevLoc := cites[i].c.Locator != ""
			// run of year suffixes shown alone, for ranged collapsing
			var run []*renderedCite
			flush := func() {
				if len(run) == 0 {
					return
				}
				for a := 0; a < len(run); {
					b := a
					for collapse == "year-suffix-ranged" && b+1 < len(run) && run[b+1].r.yearSuffix == run[b].r.yearSuffix+1 {
						b++
					}
					if a > 0 {
						grp.kids = append(grp.kids, textNode(ysDelim))
					}
					if b-a >= 2 {
						grp.kids = append(grp.kids, run[a].n, textNode("–"), run[b].n)
					} else {
						grp.kids = append(grp.kids, run[a].n)
						if b > a {
							grp.kids = append(grp.kids, textNode(ysDelim), run[b].n)
						}
					}
					a = b + 1
				}
				run = nil
			}
			firstYS := cites[i]
			for k := i + 1; k <= j; k++ {
				rc := cites[k]
				n := rc.n
				removeTagged(n, "names")
				if collapse != "year" && rc.r.yearSuffix > 0 && yearOf(rc) == prevYear && prevYear != "" && rc.c.Locator == "" && !prevLoc {
					if ys := rc.n.find("year-suffix"); ys != nil {
						if len(run) == 0 && firstYS != nil && firstYS.r.yearSuffix > 0 {
							// the first cite of the run keeps its year
							grp.kids = grp.kids[:len(grp.kids)-1]
							run = append(run, &renderedCite{r: firstYS.r, n: firstYS.n})
						}
						run = append(run, &renderedCite{r: rc.r, n: cloneNode(ys)})
						continue
					}
				}
				sep := groupDelim
				if len(run) > 0 {
					sep = delim
				}
				flush()
				if prevLoc {
					sep = afterCollapse
				}
				grp.kids = append(grp.kids, textNode(sep), n)
				prevYear = yearOf(rc)
				prevLoc = rc.c.Locator != ""
				firstYS = rc
			}
			flush()
			add(pendingDelim, grp)
			pendingDelim = afterCollapse
			i = j + 1
		}
	default:
		for i, rc := range cites {
			sep := delim
			if i > 0 && hasGroupDelim && rc.names != "" && rc.names == cites[i-1].names {
				sep = groupDelim
			}
			if strings.IndexAny(rc.c.Prefix, ".,;:") == 0 {
				sep = "" // the prefix brings its own punctuation
			}
			add(sep, rc.n)
		}
	}
	return p.decorateLayout(out, layout)
}

// plainAffixes reports whether a cite has no prefix, suffix or locator,
// so that it may join a collapsed number range.
func plainAffixes(c *Cite) bool { return c.Prefix == "" && c.Suffix == "" && c.Locator == "" }

func yearOf(rc *renderedCite) string {
	if d, ok := rc.r.item.Dates["issued"]; ok {
		return strconv.Itoa(d.From.Year)
	}
	return ""
}

func removeTagged(n *node, tag string) bool {
	if n == nil {
		return false
	}
	for i, k := range n.kids {
		if k.tag == tag {
			n.kids[i] = &node{}
			return true
		}
		if removeTagged(k, tag) {
			return true
		}
	}
	return false
}

// citeAffixes adds a cite's prefix and suffix.
func (p *Processor) citeAffixes(n *node, c *Cite) *node {
	if c.Prefix == "" && c.Suffix == "" {
		return n
	}
	if n.empty() {
		return n
	}
	return &node{kids: []*node{parseRich(spacePrefix(c.Prefix)), n, parseRich(spaceSuffix(c.Suffix))}}
}

// spacePrefix separates a cite prefix typed without a trailing space
// ("See", "cf.") from the cite, as citeproc-js does: after a letter of a
// space-separated script, a digit, a closing bracket or punctuation.
func spacePrefix(prefix string) string {
	t := strings.TrimRight(stripTags(prefix), " \t\n")
	if t == "" || t != stripTags(prefix) {
		return prefix
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	if spacedLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(")],.:;!?&", r) {
		return prefix + " "
	}
	return prefix
}

// spaceSuffix separates a suffix that starts with a word or an opening
// bracket ("passim", "(trans.)") from the cite.
func spaceSuffix(suffix string) string {
	r, _ := utf8.DecodeRuneInString(stripTags(suffix))
	if spacedLetter(r) || r == '(' || r == '[' {
		return " " + suffix
	}
	return suffix
}

// spacedLetter reports whether r is a letter of a script that separates
// words with spaces (not Chinese, Japanese or Korean).
func spacedLetter(r rune) bool {
	return unicode.IsLetter(r) && !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// stripTags drops rich-text tags ("<i>", "</span>") from s.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

func stableSort[T any](s []T, less func(a, b T) bool) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// decorateLayout applies a layout's affixes inside its formatting, as
// citeproc-js does.
func (p *Processor) decorateLayout(n *node, layout *element) *node {
	if n == nil || n.empty() {
		return nil
	}
	inner := &node{kids: []*node{n}, d: affixes(layout.attrs["prefix"], layout.attrs["suffix"])}
	f := fmtOf(layout)
	if f == nil {
		return inner
	}
	return &node{kids: []*node{inner}, f: f}
}

// startsSentence reports whether a cite begins a sentence: it opens the
// citation without a prefix, or its prefix ends with a full stop.
func startsSentence(prefix string, first bool) bool {
	p := strings.TrimRight(prefix, " ")
	if p == "" {
		return first
	}
	if !strings.ContainsAny(strings.TrimLeft(p, " "), " \u00a0") {
		return false // a one-word prefix ("Cf.", "See.") is an abbreviation, not a sentence
	}
	p = strings.TrimRight(p, "”’\"'")
	r, _ := utf8.DecodeLastRuneInString(p)
	return r == '.' || r == '!' || r == '?'
}

func capitalizeFirst(s string) string {
	// as citeproc-js's capitalize-first: past opening brackets and
	// quotes ("[Sans date]"), and only a word without capitals
	i := len(s) - len(strings.TrimLeft(s, "[(\"'‘“"))
	r, size := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsLower(r) {
		return s
	}
	word, _, _ := strings.Cut(s[i:], " ")
	if strings.ToLower(word) != word {
		return s
	}
	return s[:i] + string(unicode.ToUpper(r)) + s[i+size:]
}
