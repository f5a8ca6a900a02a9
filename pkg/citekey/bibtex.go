package citekey

import (
	"bytes"
	"sort"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/diag"
)

// BibTeXFile is a BibTeX/BibLaTeX file read for re-keying: its lossless
// syntax tree and the decoded item of each entry, so that new keys can be
// written into the source without touching anything else.
type BibTeXFile struct {
	// Items are the decoded entries (crossref and xdata inherited), in
	// file order; @xdata entries, which are not items, are left out.
	Items []bib.Item
	// Reserved are keys new keys must not take: @xdata entries, which
	// are not items, and references to entries not in the file (a new key
	// must not capture a crossref meant for another file's entry).
	Reserved map[string]bool
	file     *bibtex.File
	entries  []*bibtex.Entry // the entry of each item
}

// ReadBibTeX parses and decodes src.
func ReadBibTeX(name string, src []byte) (*BibTeXFile, diag.List) {
	f, diags := bibtex.Parse(name, src)
	items, idiags := bibtex.Decode(name, src, bibtex.DecodeOptions{})
	// The decoder may move an entry after its crossref target; items are
	// matched back to entries by key, the n-th item with a key to the n-th
	// entry with that key.
	byKey := map[string][]int{}
	for i := range items {
		k := strings.ToLower(items[i].ID)
		byKey[k] = append(byKey[k], i)
	}
	bf := &BibTeXFile{file: f, Reserved: map[string]bool{}}
	defined := map[string]bool{}
	for _, e := range f.Entries() {
		defined[strings.ToLower(e.Key)] = true
	}
	for _, e := range f.Entries() {
		for _, r := range references(e) {
			if !defined[strings.ToLower(r)] {
				bf.Reserved[r] = true
			}
		}
		k := strings.ToLower(e.Key)
		q := byKey[k]
		if strings.EqualFold(e.Type, "xdata") {
			bf.Reserved[e.Key] = true
		}
		if strings.EqualFold(e.Type, "xdata") || len(q) == 0 {
			continue
		}
		byKey[k] = q[1:]
		bf.Items = append(bf.Items, items[q[0]])
		bf.entries = append(bf.entries, e)
	}
	return bf, append(diags, idiags...).Sorted()
}

// referenceFields hold keys of other entries.
var referenceFields = map[string]bool{"crossref": true, "xref": true, "xdata": true}

// references lists the keys an entry's crossref, xref and xdata fields
// name.
func references(e *bibtex.Entry) []string {
	var out []string
	for _, f := range e.Fields {
		if !referenceFields[strings.ToLower(f.Name)] {
			continue
		}
		for _, p := range f.Value {
			for _, k := range strings.Split(p.Text, ",") {
				if k = strings.TrimSpace(k); k != "" && p.Kind != bibtex.Macro && p.Kind != bibtex.Number {
					out = append(out, k)
				}
			}
		}
	}
	return out
}

// Rekeyed returns the source with keys[i] as the key of Items[i] and the
// crossref, xref and xdata references to a renamed entry following it;
// every other byte is as it was read.
func (bf *BibTeXFile) Rekeyed(keys []string) []byte {
	renamed := map[string]string{}
	newKey := map[*bibtex.Entry]string{}
	for i, e := range bf.entries {
		if keys[i] != e.Key {
			newKey[e] = keys[i]
			if _, seen := renamed[strings.ToLower(e.Key)]; !seen && e.Key != "" {
				renamed[strings.ToLower(e.Key)] = keys[i]
			}
		}
	}
	for i := range bf.file.Blocks {
		b := &bf.file.Blocks[i]
		if b.Kind != bibtex.EntryBlock {
			continue
		}
		var edits []edit
		if k, ok := newKey[b.Entry]; ok {
			edits = append(edits, edit{b.Entry.KeyOffset - b.Offset, len(b.Entry.Key), k})
		}
		for _, f := range b.Entry.Fields {
			if referenceFields[strings.ToLower(f.Name)] {
				edits = append(edits, referenceEdits(f.Value, b.Offset, renamed)...)
			}
		}
		b.Raw = apply(b.Raw, edits)
	}
	var buf bytes.Buffer
	bf.file.WriteTo(&buf) // writing to a bytes.Buffer does not fail
	return buf.Bytes()
}

// edit replaces n bytes at off (relative to a block) with text.
type edit struct {
	off, n int
	text   string
}

// referenceEdits renames the keys in a braced or quoted reference value
// (a comma-separated list for xdata).
func referenceEdits(v bibtex.Value, base int, renamed map[string]string) []edit {
	var out []edit
	for _, p := range v {
		if p.Kind != bibtex.Braced && p.Kind != bibtex.Quoted {
			continue
		}
		off := p.Offset + 1 - base
		for _, k := range strings.Split(p.Text, ",") {
			t := strings.TrimSpace(k)
			if nk, ok := renamed[strings.ToLower(t)]; ok && t != "" {
				out = append(out, edit{off + strings.Index(k, t), len(t), nk})
			}
			off += len(k) + 1
		}
	}
	return out
}

func apply(s string, edits []edit) string {
	if len(edits) == 0 {
		return s
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].off > edits[j].off })
	for _, e := range edits {
		s = s[:e.off] + e.text + s[e.off+e.n:]
	}
	return s
}
