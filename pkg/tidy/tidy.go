package tidy

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/dedupe"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/translit"
)

// Options control the layout. The zero value is usable: two-space
// indentation, braces, no alignment, no sorting.
type Options struct {
	Indent string // before each field; "" means two spaces
	Align  bool   // pad field names so that the "=" line up
	Quotes bool   // write "value" instead of {value} where that means the same
	// KeepMonths leaves month values as written instead of writing the
	// jan..dec macros.
	KeepMonths bool
	// Sort orders the entries: "" (as written), "key", "author" or "year"
	// (then author, then key). The sort is stable.
	Sort string
	// Omit are field names (any case) to remove.
	Omit []string
	// MergeDuplicates joins entries that dedupe.Find reports as the same
	// work; the entries merged away are reported as warnings.
	MergeDuplicates bool
}

// FieldOrder is the order in which known fields are written; other fields
// follow in the order the entry had them.
var FieldOrder = []string{"author", "editor", "translator", "bookauthor", "title", "subtitle", "titleaddon",
	"shorttitle", "booktitle", "journal", "journaltitle", "shortjournal", "series", "edition",
	"volume", "volumes", "number", "issue", "pages", "pagetotal", "chapter", "publisher",
	"institution", "school", "organization", "howpublished", "address", "location", "year",
	"month", "day", "date", "eventtitle", "eventdate", "venue", "type", "doi", "isbn", "issn",
	"url", "urldate", "eprint", "eprinttype", "note", "abstract", "keywords", "language", "langid",
	"crossref", "xref", "xdata"}

var fieldRank = func() map[string]int {
	m := map[string]int{}
	for i, f := range FieldOrder {
		m[f] = i
	}
	return m
}()

// Sorts are the values Options.Sort accepts.
var Sorts = []string{"", "key", "author", "year"}

// File tidies one BibTeX/BibLaTeX file. The diagnostics are the parser's
// and decoder's, plus a warning for every repeated field with a different
// value and every entry merged away.
func File(name string, src []byte, opts Options) ([]byte, diag.List) {
	if !slices.Contains(Sorts, opts.Sort) {
		return src, diag.List{{Pos: diag.Pos{File: name}, Severity: diag.Error, Msg: fmt.Sprintf("unknown sort %q (want key, author or year)", opts.Sort)}}
	}
	f, diags := bibtex.Parse(name, src)
	t := &tidier{opts: opts, file: f, omit: map[string]bool{}, redefined: map[string]bool{}}
	for _, o := range opts.Omit {
		t.omit[strings.ToLower(o)] = true
	}
	for _, b := range f.Blocks {
		if b.Kind == bibtex.StringBlock && b.Entry != nil {
			for _, fl := range b.Entry.Fields {
				t.redefined[strings.ToLower(fl.Name)] = true
			}
		}
	}
	if opts.MergeDuplicates {
		t.merge(name, src)
	}
	groups := t.groups()
	t.sort(groups)
	var out bytes.Buffer
	broken := false // the last block written is an entry cut short
	for _, g := range groups {
		out.WriteString(g.pre)
		if g.block >= 0 {
			b := t.file.Blocks[g.block]
			if broken && g.pre == "" && !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
				// An entry on the line of a broken one is read in relation
				// to it; it stays as written.
				out.WriteString(b.Raw)
			} else {
				out.WriteString(t.block(g.block))
			}
			broken = b.Kind == bibtex.EntryBlock && !b.Entry.Complete
		}
		out.WriteString(g.post)
	}
	res := out.Bytes()
	if f.Latin1 {
		res = toLatin1(res)
	}
	return res, append(diags, t.diags...).Sorted()
}

type tidier struct {
	opts      Options
	file      *bibtex.File
	omit      map[string]bool
	redefined map[string]bool       // @string names, so month macros are only written when they mean months
	replaced  map[int]*bibtex.Entry // merged entries by block index
	dropped   map[int]bool          // blocks of entries merged away
	diags     diag.List
}

// group is an entry with the text and comments before it, which move with
// it when entries are sorted; the rest of the line after the entry stays
// with it too. Other groups hold @string/@preamble/@comment blocks, broken
// entries, and the text at the end.
type group struct {
	pre    string
	block  int // -1 for text only
	post   string
	entry  *bibtex.Entry
	sortBy []string
}

func (t *tidier) groups() []group {
	var gs []group
	pre := ""
	for i, b := range t.file.Blocks {
		if b.Kind == bibtex.TextBlock {
			text := b.Raw
			if n := len(gs); n > 0 && gs[n-1].post == "" && pre == "" {
				// The end of the line of the block before belongs to it.
				cut := strings.IndexByte(text, '\n') + 1
				gs[n-1].post, text = text[:cut], text[cut:]
			}
			pre += text
			continue
		}
		g := group{pre: pre, block: i}
		if b.Kind == bibtex.EntryBlock && b.Entry.Complete {
			g.entry = b.Entry
		}
		gs = append(gs, g)
		pre = ""
	}
	if pre != "" {
		gs = append(gs, group{pre: pre, block: -1})
	}
	return gs
}

// sort orders the runs of entry groups; groups that are not entries
// (@string, @preamble, broken entries) stay where they are and bound the
// runs, so that macros are still defined before their use.
func (t *tidier) sort(gs []group) {
	if t.opts.Sort == "" {
		return
	}
	for i := range gs {
		if gs[i].entry != nil {
			gs[i].sortBy = t.sortKey(gs[i].entry)
		}
	}
	for start := 0; start < len(gs); {
		if gs[start].entry == nil {
			start++
			continue
		}
		end := start
		for end < len(gs) && gs[end].entry != nil {
			end++
		}
		run := gs[start:end]
		orig := slices.Clone(run)
		sort.SliceStable(run, func(i, j int) bool { return slices.Compare(run[i].sortBy, run[j].sortBy) < 0 })
		t.keepLinkedOrder(run, orig)
		start = end
	}
}

// keepLinkedOrder puts the entries linked by crossref, xref or xdata back
// in their original relative order, in the places the sort gave them: what
// a chain of crossrefs inherits can depend on that order.
func (t *tidier) keepLinkedOrder(sorted, orig []group) {
	linked := map[string]bool{}
	for _, g := range orig {
		for _, name := range []string{"crossref", "xref", "xdata"} {
			if f, ok := g.entry.Field(name); ok {
				linked[strings.ToLower(g.entry.Key)] = true
				for _, k := range strings.Split(valueText(f.Value), ",") {
					linked[strings.ToLower(strings.TrimSpace(k))] = true
				}
			}
		}
	}
	if len(linked) == 0 {
		return
	}
	// An entry is also a target under the other keys of its ids field.
	isLinked := func(g group) bool {
		if linked[strings.ToLower(g.entry.Key)] {
			return true
		}
		f, ok := g.entry.Field("ids")
		if ok {
			for _, k := range strings.Split(valueText(f.Value), ",") {
				if linked[strings.ToLower(strings.TrimSpace(k))] {
					return true
				}
			}
		}
		return false
	}
	var inOrder []group
	for _, g := range orig {
		if isLinked(g) {
			inOrder = append(inOrder, g)
		}
	}
	for i := range sorted {
		if isLinked(sorted[i]) {
			sorted[i], inOrder = inOrder[0], inOrder[1:]
		}
	}
}

func (t *tidier) sortKey(e *bibtex.Entry) []string {
	key := strings.ToLower(e.Key)
	author := ""
	for _, name := range []string{"author", "editor"} {
		if f, ok := e.Field(name); ok {
			author = translit.Latin.String(valueText(f.Value))
			break
		}
	}
	year := ""
	if f, ok := e.Field("year"); ok {
		year = valueText(f.Value)
	} else if f, ok := e.Field("date"); ok {
		year = valueText(f.Value)
	}
	switch t.opts.Sort {
	case "author":
		return []string{author, year, key}
	case "year":
		return []string{year, author, key}
	}
	return []string{key}
}

// valueText is a value's text with its parts joined, for sorting.
func valueText(v bibtex.Value) string {
	var b strings.Builder
	for _, p := range v {
		b.WriteString(p.Text)
	}
	return b.String()
}

// block returns the tidy text of block i.
func (t *tidier) block(i int) string {
	b := t.file.Blocks[i]
	if t.dropped[i] {
		return ""
	}
	if e := t.replaced[i]; e != nil {
		return t.entry(e, "", 0)
	}
	if b.Kind != bibtex.EntryBlock || !b.Entry.Complete {
		return b.Raw
	}
	return t.entry(b.Entry, b.Raw, b.Offset)
}

// merge joins duplicate entries: the richest of each group is replaced by
// the merged item, the others are dropped.
func (t *tidier) merge(name string, src []byte) {
	items, _ := bibtex.Decode(name, src, bibtex.DecodeOptions{NoInherit: true})
	var blockOf []int
	for i, b := range t.file.Blocks {
		if b.Kind == bibtex.EntryBlock && !strings.EqualFold(b.Entry.Type, "xdata") {
			blockOf = append(blockOf, i)
		}
	}
	if len(blockOf) != len(items) {
		t.diags.Warnf(diag.Pos{File: name}, "entries and decoded items differ in number; duplicates not merged")
		return
	}
	pairs := dedupe.Find(items, nil)
	if len(pairs) == 0 {
		return
	}
	merged, mapping := dedupe.Merge(items, pairs)
	t.replaced, t.dropped = map[int]*bibtex.Entry{}, map[int]bool{}
	kept := map[string]bib.Item{}
	for _, it := range merged {
		kept[it.ID] = it
	}
	// Each group is written at the place of its first member.
	first := map[string]int{} // kept key -> block of the group's first member
	for _, m := range mapping {
		if _, ok := first[m.Kept]; !ok {
			first[m.Kept] = -1
		}
	}
	for k := range items {
		id := items[k].ID
		keptAs := id
		for _, m := range mapping {
			if m.Old == id {
				keptAs = m.Kept
			}
		}
		b, grouped := first[keptAs]
		if !grouped {
			continue
		}
		bi := blockOf[k]
		if id != keptAs {
			t.diags.Warnf(t.file.Pos(t.file.Blocks[bi].Offset), "entry %q merged into %q", id, keptAs)
		}
		if b >= 0 {
			t.dropped[bi] = true
			continue
		}
		first[keptAs] = bi
		if e := encodeEntry(kept[keptAs], t.file.Blocks[bi].Entry); e != nil {
			t.replaced[bi] = e
		}
	}
}

// encodeEntry writes a merged item as an entry in the dialect of the entry
// it replaces.
func encodeEntry(it bib.Item, like *bibtex.Entry) *bibtex.Entry {
	d := bibtex.BibTeX
	if _, ok := like.Field("date"); ok {
		d = bibtex.BibLaTeX
	} else if _, ok := like.Field("journaltitle"); ok {
		d = bibtex.BibLaTeX
	}
	var buf bytes.Buffer
	if err := bibtex.Encode(&buf, []bib.Item{it}, bibtex.EncodeOptions{Dialect: d}); err != nil {
		return nil
	}
	f, _ := bibtex.Parse("", buf.Bytes())
	if es := f.Entries(); len(es) == 1 {
		return es[0]
	}
	return nil
}

// toLatin1 converts the UTF-8 output back to the Windows-1252 of the input,
// through the parser's own conversion.
func toLatin1(utf8 []byte) []byte {
	f := &bibtex.File{Latin1: true, Blocks: []bibtex.Block{{Raw: string(utf8)}}}
	var buf bytes.Buffer
	f.WriteTo(&buf) // a bytes.Buffer does not fail
	return buf.Bytes()
}
