package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/extract/finder"
	"github.com/manba/manba/pkg/extract/refparse"
	"github.com/manba/manba/pkg/works"
)

// Kind tells where a reference was found.
type Kind int

const (
	// ListEntry is an entry of a reference list ("Sources:", "[1] ...").
	ListEntry Kind = iota
	// Inline is a mention in the running text ("a 2009 Rand report").
	Inline
	// Comment is a list entry that explains rather than cites (a numbered
	// note in prose); it carries no work.
	Comment
	// InText is an author-date citation in the running text ("(Goulka et
	// al. 2009, p. 12)"), resolved to the list entry it cites.
	InText
)

func (k Kind) String() string {
	switch k {
	case ListEntry:
		return "list"
	case Inline:
		return "inline"
	case Comment:
		return "comment"
	case InText:
		return "cite"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Reference is one citation found in a document.
type Reference struct {
	Parsed
	Text    string   // the citation as written (without its list label)
	Pos     diag.Pos // where Text starts
	Kind    Kind
	Section string // the heading of the list ("Resources"); "" for inline mentions
	Label   string // the list label ("1", "[2]"), if any
	// Target is the index of the reference a repeat ("ibid", "op. cit.")
	// resolves to, or -1.
	Target int
	// Work and Reason name the known work the reference was linked to by
	// Link, and why.
	Work, Reason string
}

var (
	headingRE       = regexp.MustCompile(`(?i)^\s*(?:#{1,6}\s*)?(?:(?:\d{1,2}|[ivx]{1,4})\.?\s+)?(` + headingWords + `)\s*:?\s*$`)
	headingInlineRE = regexp.MustCompile(`(?i)^\s*(references|sources?|resources|bibliography|notes|works cited|further reading|see also|références|referencias|fuentes|literatur|quellen|منابع)\s*:\s+(\S.*)`)
	// labelRE reads the label of a list entry: "[1]", "1.", "1)", "(1)",
	// Wikipedia's "^" and "^ a b", "↑", a bullet, or a bare number before
	// a capitalised word ("12 Smith, ..."); digits may be Persian or
	// Arabic.
	labelRE = regexp.MustCompile(`^\s*(?:\[(` + labelNum + `)\]\s*|(` + labelNum + `)[.)]\s+|\((` + labelNum + `)\)\s+|(?:\^|↑)(?:\s+a(?:\s+[b-z])+)?\s*|[•*▪◦·–-]\s+|(` + labelNum + `)\s+)(\S.*)$`)
)

// headingWords are the titles of reference lists and note sections, in
// English, French, Spanish, German and Persian (Arabic too).
const headingWords = `references|reference list|references and notes|references cited|sources?|sources consulted|resources|` +
	`bibliography|select(?:ed)? bibliography|notes|end ?notes|foot ?notes|notes and references|works cited|` +
	`literature cited|literature|further reading|suggested reading|recommended reading|also read|see also|` +
	`read more|citations|sources and notes|appendix(?:\s+[a-z0-9]{1,3})?|for further (?:study|reading)|` +
	`références|références bibliographiques|notes et références|bibliographie|sources et bibliographie|` +
	`notes de bas de page|referencias|referencias bibliográficas|bibliografía|notas|notas y referencias|` +
	`fuentes|obras citadas|literatur|literaturverzeichnis|quellen|quellenverzeichnis|anmerkungen|` +
	`einzelnachweise|fußnoten|endnoten|منابع|منابع و مآخذ|مآخذ|کتابنامه|کتاب‌شناسی|` +
	`پی[\x{200c} ]?نوشت(?:[\x{200c} ]?ها)?|پانویس(?:[\x{200c} ]?ها)?|یادداشت(?:[\x{200c} ]?ها)?|المصادر|المراجع|الهوامش`

// labelNum is a list number in Western, Persian or Arabic digits.
const labelNum = `[0-9۰-۹٠-٩]{1,3}`

// line is one line of the source with its byte offset.
type line struct {
	text   string
	offset int
}

// maxLine is the longest line read as one: a longer one (a file without
// line breaks) is cut into pieces at spaces, so that the work per line,
// and with it the whole, stays linear in the input.
const maxLine = 16 << 10

func splitLines(src []byte) []line {
	var out []line
	off := 0
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		var l []byte
		if i < 0 {
			l, src = src, nil
		} else {
			l, src = src[:i], src[i+1:]
		}
		for start := 0; start < len(l); {
			end := cutAt(l, start)
			text := strings.TrimRight(string(l[start:end]), "\r")
			out = append(out, line{text, off + start})
			start = end
		}
		if len(l) == 0 {
			out = append(out, line{"", off})
		}
		off += len(l) + 1
	}
	return out
}

// cutAt returns the end of the piece of l that starts at start: the end
// of l, or a space (else a character boundary) before maxLine bytes.
func cutAt(l []byte, start int) int {
	if len(l)-start <= maxLine {
		return len(l)
	}
	end := start + maxLine
	if sp := bytes.LastIndexByte(l[start:end], ' '); sp > maxLine/2 {
		return start + sp + 1
	}
	for end > start+1 && !utf8.RuneStart(l[end]) {
		end--
	}
	return end
}

// maxParagraph bounds the running text read as one paragraph for
// mentions that wrap across lines.
const maxParagraph = 64 << 10

// Extract finds the references of a plain-text document: the entries of its
// reference lists, then the inline mentions of its running text, in
// document order within each kind. Repeats are resolved (Target). Problems
// (an "ibid" with nothing before it, text that is not UTF-8) are reported as
// warnings; the rest of the document is still read.
func Extract(name string, src []byte) ([]Reference, diag.List) { return ExtractWith(nil, name, src) }

// ExtractWith is Extract with the reference parser m (nil: the embedded
// model).
func ExtractWith(m *refparse.Model, name string, src []byte) ([]Reference, diag.List) {
	var diags diag.List
	if !utf8.Valid(src) {
		diags.Warnf(diag.Pos{File: name, Line: 1, Col: 1}, "not valid UTF-8; invalid bytes replaced")
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	p := extractPart(m, src, newPositions(name, src, diag.Pos{File: name, Line: 1, Col: 1}), nil, nil)
	diags = append(diags, p.diags...)
	diags.Sort()
	return p.refs, diags
}

// part is what extractPart found in one part of a document.
type part struct {
	refs  []Reference
	diags diag.List
	// open is the list still being read where the part ends, to go on
	// with in the next part; nil when none is.
	open *listState
	// last is the last list entry that is not a repeat, for a repeat at
	// the start of the next part.
	last *Reference
}

// extractPart finds the references of src, valid UTF-8 that is the whole
// document or a part of one (lines maps its offsets to positions in the
// whole). cont is the list the previous part ended in, read on from the
// first line; prev is the last list entry of the previous part, which an
// "ibid" with nothing before it in this part repeats.
func extractPart(m *refparse.Model, src []byte, lines *positions, cont *listState, prev *Reference) part {
	var diags diag.List
	ls := splitLines(src)
	var refs []Reference
	inList := make([]bool, len(ls))
	var open *listState
	first := 0
	if cont != nil {
		entries, end, st := readList(m, ls, 0, *cont, lines)
		for j := 0; j < end; j++ {
			inList[j] = true
		}
		refs = append(refs, entries...)
		if end == len(ls) {
			open = &st
		}
		first = end
	}
	for i := first; i < len(ls); i++ {
		var entries []Reference
		var end int
		var st listState
		if headingRE.MatchString(ls[i].text) {
			heading := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(ls[i].text), ":"))
			entries, end, st = readList(m, ls, i+1, listState{heading: heading}, lines)
		} else if hm := headingInlineRE.FindStringSubmatchIndex(ls[i].text); hm != nil {
			// "Sources: [1] ..." - the list starts on the heading's line:
			// read it from there (in place, so that many such lines stay
			// linear).
			heading := ls[i].text[hm[2]:hm[3]]
			whole := ls[i]
			ls[i] = line{text: whole.text[hm[4]:], offset: whole.offset + hm[4]}
			entries, end, st = readList(m, ls, i, listState{heading: heading}, lines)
			ls[i] = whole
		}
		if len(entries) == 0 {
			continue
		}
		for j := i; j < end; j++ {
			inList[j] = true
		}
		refs = append(refs, entries...)
		open = nil
		if end == len(ls) {
			open = &st
		}
		i = end - 1
	}
	refs = append(refs, classifiedLists(m, ls, inList, lines)...)
	nLists := len(refs)
	for i := range ls {
		if !inList[i] {
			refs = append(refs, standaloneMentions(ls, i, lines)...)
		}
	}
	// Mentions may wrap across lines: read the running text paragraph by
	// paragraph, newlines as spaces (same length, so offsets still hold).
	for i := 0; i < len(ls); {
		if inList[i] || strings.TrimSpace(ls[i].text) == "" {
			i++
			continue
		}
		j := i
		for j+1 < len(ls) && !inList[j+1] && strings.TrimSpace(ls[j+1].text) != "" && ls[j+1].offset-ls[i].offset < maxParagraph {
			j++
		}
		end := ls[j].offset + len(ls[j].text)
		para := strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, string(src[ls[i].offset:end]))
		refs = append(refs, inlineMentions(line{text: para, offset: ls[i].offset}, lines)...)
		refs = append(refs, authorDateCites(line{text: para, offset: ls[i].offset}, lines)...)
		i = j + 1
	}
	// Mentions in document order, after the list entries.
	mentions := refs[nLists:]
	sort.SliceStable(mentions, func(a, b int) bool { return mentions[a].Pos.Offset < mentions[b].Pos.Offset })
	resolveRepeats(refs, prev, &diags)
	resolveCitations(refs)
	for i := range refs {
		if refs[i].Target < 0 {
			addSources(&refs[i])
		}
	}
	last := prev
	for i := nLists - 1; i >= 0; i-- {
		if refs[i].Kind == ListEntry && !refs[i].Repeat {
			l := refs[i] // a copy, so that the part's references can go
			last = &l
			break
		}
	}
	diags.Sort()
	return part{refs: refs, diags: diags, open: open, last: last}
}

// listState is what readList knows of a list besides its lines: its
// heading, and whether its entries are numbered.
type listState struct {
	heading  string
	numbered bool
}

// readList reads the entries after a heading, until the list ends: at a
// line that is neither an entry nor blank nor an introduction ("For further
// study on ...:"), or at the next heading. A line that goes on without a
// label right after a numbered entry, or indented under an unnumbered one,
// continues that entry (hard-wrapped text). It returns the entries and the
// index of the first line after the list, and the state of the list there.
func readList(m *refparse.Model, ls []line, start int, st listState, lines *positions) ([]Reference, int, listState) {
	type raw struct {
		text, label string
		pos         diag.Pos
		indent      int
	}
	var out []raw
	numbered := st.numbered
	blank := true // the previous line was blank (or the heading)
	i := start
	for ; i < len(ls); i++ {
		text := strings.TrimSpace(ls[i].text)
		indent := len(ls[i].text) - len(strings.TrimLeft(ls[i].text, " \t"))
		if text == "" {
			blank = true
			continue
		}
		if headingRE.MatchString(text) || headingInlineRE.MatchString(text) {
			break
		}
		wasBlank := blank
		blank = false
		if m := labelRE.FindStringSubmatch(ls[i].text); m != nil && (m[4] == "" || startsName(m[5])) {
			label := m[1] + m[2] + m[3] + m[4]
			body := strings.TrimSpace(m[5])
			if label != "" {
				numbered = true
				if m[1] != "" {
					label = "[" + label + "]"
				}
			}
			off := ls[i].offset + strings.Index(ls[i].text, body)
			out = append(out, raw{body, label, lines.Pos(off), indent})
			continue
		}
		if n := len(out); n > 0 && !wasBlank && (numbered && out[n-1].label != "" || indent > out[n-1].indent ||
			!endsEntry(strings.TrimSpace(ls[i-1].text)) || !startsName(text)) {
			out[n-1].text += " " + text
			continue
		}
		if len(out) == 0 && strings.HasSuffix(text, ":") && len(text) < 200 {
			continue // "For further study on the MKO's terrorist acts:"
		}
		if !refLike(text) && !(numbered && seeAlso(text)) {
			break
		}
		out = append(out, raw{text, "", lines.Pos(ls[i].offset + indent), indent})
	}
	refs := make([]Reference, len(out))
	for j, r := range out {
		refs[j] = entry(m, r.text, r.label, st.heading, r.pos)
	}
	st.numbered = numbered
	return refs, i, st
}

func seeAlso(s string) bool {
	return strings.HasPrefix(s, "See ") || strings.HasPrefix(s, "Cf. ") || strings.HasPrefix(s, "see ")
}

// entry parses one list entry; an entry in prose becomes a Comment.
func entry(m *refparse.Model, text, label, heading string, pos diag.Pos) Reference {
	r := Reference{Text: text, Pos: pos, Kind: ListEntry, Section: heading, Label: label, Target: -1}
	if prose(firstSegment(unquote(text))) {
		r.Kind = Comment
		r.Item = bib.Item{Type: "document"}
		return r
	}
	r.Parsed = ParseReferenceWith(m, text)
	return r
}

// prose reports whether s reads as running text: a clause of more than
// twelve words between punctuation, which references do not have.
func prose(s string) bool {
	for _, seg := range splitSegments(s) {
		if len(strings.Fields(seg)) > 12 {
			return true
		}
	}
	return false
}

var quotedSpan = regexp.MustCompile(`“[^”]*”|"[^"]*"`)

// unquote blanks quoted spans, so that a long quoted title does not make a
// reference look like prose.
func unquote(s string) string { return quotedSpan.ReplaceAllString(s, "“”") }

func firstSegment(s string) string {
	if segs := splitSegments(s); len(segs) > 0 {
		return segs[0]
	}
	return ""
}

// refLike reports whether an unlabelled line in a list is a reference: not
// prose, not too long, and with at least two parts or a date.
func refLike(s string) bool {
	if len(s) > 300 || prose(unquote(s)) && !citationSignals.MatchString(s) {
		return false
	}
	segs := splitSegments(s)
	if len(segs) < 2 {
		_, hasDate := findDate(s)
		return hasDate && len(strings.Fields(s)) > 2
	}
	if junkLine.MatchString(s) {
		return false
	}
	return true
}

// citationSignals are the marks of a reference that running text rarely
// has: "Surname, X." at the start, a year in parentheses, "pp.", "vol.",
// a DOI. A reference with a long title still reads as one with them.
var citationSignals = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]+,\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)|\((?:1[5-9]|20)\d\d[a-z]?\)|\b(?:pp|vol|Vol)\.\s*\d|\b10\.\d{4,}/`)

// junkLine matches the page furniture that follows lists on web pages
// ("March 26, 2009 0 comments").
var junkLine = regexp.MustCompile(`(?i)^(?:[A-Za-z]+ \d{1,2}, \d{4}\s+\d+ comments?|share|tags?:.*|posted .*|\d+ comments?)$`)

// resolveRepeats points every repeat at the reference it repeats and gives
// it that reference's fields. A repeat that nothing before it in refs
// matches takes the fields of prev, the last entry of the part before,
// when there is one and it matches (without a Target: it is not in refs).
func resolveRepeats(refs []Reference, prev *Reference, diags *diag.List) {
	last := -1
	for i := range refs {
		r := &refs[i]
		if r.Kind != ListEntry {
			continue
		}
		if !r.Repeat {
			last = i
			continue
		}
		target := -1
		if r.RepeatAuthor != "" {
			for j := i - 1; j >= 0; j-- {
				if refs[j].Kind == ListEntry && !refs[j].Repeat && sameAuthor(refs[j].Item, r.RepeatAuthor) {
					target = j
					break
				}
			}
		} else {
			target = last
		}
		if target < 0 && prev != nil && (r.RepeatAuthor == "" || sameAuthor(prev.Item, r.RepeatAuthor)) {
			locs := r.Locators
			r.Item = prev.Item.Clone()
			r.Locators = locs
			continue
		}
		if target < 0 {
			diags.Warnf(r.Pos, "%q repeats a reference, but no earlier one matches", r.Text)
			continue
		}
		r.Target = target
		locs := r.Locators
		r.Item = refs[target].Item.Clone()
		r.Locators = locs
	}
}

// sameAuthor reports whether name (as written in "Koushki, previous")
// names the first author of it.
func sameAuthor(it bib.Item, name string) bool {
	as := it.Names["author"]
	if len(as) == 0 {
		return false
	}
	a := as[0]
	if a.IsLiteral() {
		return strings.EqualFold(a.Literal, name)
	}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == ',' }) {
		if strings.EqualFold(w, a.Family) {
			return true
		}
	}
	return false
}

// addSources records the position of the citation as the source of every
// field read from it.
func addSources(r *Reference) { setSources(&r.Item, r.Pos.String()) }

// setSources records src as the source of every field of it.
func setSources(it *bib.Item, src string) {
	sources := []string{src}
	var fs []works.FieldProvenance
	for _, fields := range [][]string{bib.SortedKeys(it.Vars), bib.SortedKeys(it.Names), bib.SortedKeys(it.Dates)} {
		for _, f := range fields {
			fs = append(fs, works.FieldProvenance{Field: f, Sources: sources})
		}
	}
	_ = works.SetProvenance(it, fs...)
}

// startsName reports whether s starts like a reference after a bare
// number: a capital, a quote, or a letter of a script without case.
func startsName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || strings.ContainsRune("\"“‘", r) || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// endsEntry reports whether a line can end a reference: it ends with a
// period, a closing bracket or quote, a number or a web address; a line
// that stops on a comma or a word was wrapped.
func endsEntry(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".)]”\"'’", r) || unicode.IsDigit(r) || strings.Contains(lastWord(s), "://")
}

// minClassifiedLines is how many lines the line classifier must call
// "ref" in one block before the block is read as a list without a
// heading.
const minClassifiedLines = 3

// classifiedLists finds reference lists that have no heading: blocks of
// lines the line classifier (package finder) calls "ref", with blank
// lines and page furniture between them, read as lists.
func classifiedLists(m *refparse.Model, ls []line, inList []bool, lines *positions) []Reference {
	classes := classifyLines(ls)
	var refs []Reference
	for i := 0; i < len(ls); i++ {
		if classes[i] != "ref" || inList[i] {
			continue
		}
		end, n := i, 0
		for j := i; j < len(ls) && !inList[j] && (classes[j] == "ref" || classes[j] == "blank" || classes[j] == "meta"); j++ {
			if classes[j] == "ref" {
				end, n = j+1, n+1
			}
		}
		if n >= minClassifiedLines {
			// Read the block without its page furniture (running heads,
			// page numbers), which would end the list.
			var block []line
			var at []int
			for j := i; j < end; j++ {
				if classes[j] != "meta" {
					block = append(block, ls[j])
					at = append(at, j)
				}
			}
			entries, stop, _ := readList(m, block, 0, listState{}, lines)
			last := end
			if stop < len(block) {
				last = at[stop]
			}
			for j := i; j < last; j++ {
				inList[j] = true
			}
			// Without a heading, an entry must read as a reference on its
			// own: menus and link lists are not.
			for _, e := range entries {
				if standsAsReference(e.Text) {
					refs = append(refs, e)
				}
			}
		}
		i = end - 1
	}
	return refs
}

// standsAsReference reports whether a whole entry reads as a reference
// without a heading to say so: not prose (unless it has the marks of a
// citation), with a date or at least three parts.
func standsAsReference(s string) bool {
	if len(s) > 2000 || prose(unquote(s)) && !citationSignals.MatchString(s) || junkLine.MatchString(s) {
		return false
	}
	_, dated := findDate(s)
	return dated || len(splitSegments(s)) >= 3
}

// classifyChunk is how many lines the line classifier reads at once: its
// memory grows with the lines it decodes together, so a large document is
// classified in pieces (the model looks two lines around, so a cut costs
// at most a line or two of context).
const classifyChunk = 4096

func classifyLines(ls []line) []string {
	classes := make([]string, 0, len(ls))
	texts := make([]string, 0, min(len(ls), classifyChunk))
	for start := 0; start < len(ls); start += classifyChunk {
		texts = texts[:0]
		for _, l := range ls[start:min(start+classifyChunk, len(ls))] {
			texts = append(texts, l.text)
		}
		classes = append(classes, finder.Default().Classify(texts)...)
	}
	return classes
}
