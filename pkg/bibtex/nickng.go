package bibtex

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	nickng "github.com/nickng/bibtex"
)

// This file converts to and from github.com/nickng/bibtex, for programs
// that already hold its *bibtex.BibTex values. manba never reads files
// with it (see ARCHITECTURE.md for its defects); ParseNickng only guards a
// call into it.

// nickngMu serializes calls into nickng/bibtex, whose parser keeps its
// document in a package-level variable.
var nickngMu sync.Mutex

// ParseNickng parses src with nickng/bibtex, guarded so that it cannot end
// the process or race: calls are serialized, and src is first read with
// manba's parser to check that every macro it uses is defined, with the
// same case, before its use (nickng calls log.Fatalf otherwise). Inputs
// that fail the check, or on which nickng panics, return an error.
func ParseNickng(src []byte) (*nickng.BibTex, error) {
	f, _ := Parse("", src)
	if err := checkNickngMacros(f); err != nil {
		return nil, err
	}
	nickngMu.Lock()
	defer nickngMu.Unlock()
	return parseNickngLocked(src)
}

func parseNickngLocked(src []byte) (b *nickng.BibTex, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("nickng/bibtex panicked: %v", r)
		}
	}()
	return nickng.Parse(bytes.NewReader(src))
}

// checkNickngMacros reports the first macro nickng would not find: one not
// defined by an earlier @string with exactly that spelling, other than the
// lower-case month names it predefines. A number as an @string value counts
// as a macro there, as nickng reads it so.
func checkNickngMacros(f *File) error {
	defined := map[string]bool{}
	for _, b := range f.Blocks {
		if b.Entry == nil {
			continue
		}
		for _, fl := range b.Entry.Fields {
			for _, p := range fl.Value {
				if p.Kind == Macro || p.Kind == Number && b.Kind == StringBlock {
					if _, month := monthMacros[p.Text]; !month && !defined[p.Text] {
						return fmt.Errorf("%s: macro %q is not defined before use with that case; nickng/bibtex would exit the process", f.Pos(p.Offset), p.Text)
					}
				}
			}
			if b.Kind == StringBlock {
				defined[fl.Name] = true
			}
		}
	}
	return nil
}

// FromNickng converts a nickng/bibtex document to items with the same
// mapping as Decode. nickng keeps fields in a map, so when two fields of an
// entry map to one variable, the alphabetically first wins.
func FromNickng(doc *nickng.BibTex, opts DecodeOptions) ([]bib.Item, diag.List) {
	var src strings.Builder
	var diags diag.List
	for _, e := range doc.Entries {
		fmt.Fprintf(&src, "@%s{%s", e.Type, e.CiteName)
		for _, name := range bib.SortedKeys(e.Fields) {
			v := e.Fields[name].String()
			if !balanced(v) {
				diags.Warnf(diag.Pos{File: "nickng"}, "entry %q: field %q has unbalanced braces; dropped", e.CiteName, name)
				continue
			}
			fmt.Fprintf(&src, ",\n  %s = {%s}", name, v)
		}
		src.WriteString("\n}\n")
	}
	items, more := Decode("nickng", []byte(src.String()), opts)
	return items, append(diags, more...)
}

// ToNickng converts items to a nickng/bibtex document, with the fields
// Encode would write (month names as nickng's predefined month variables).
func ToNickng(items []bib.Item, opts EncodeOptions) *nickng.BibTex {
	doc := nickng.NewBibTex()
	e := NewEncoder(nil, opts)
	for _, it := range items {
		typ, key, fields := e.entry(it)
		entry := nickng.NewBibEntry(typ, key)
		for _, f := range fields {
			if f.bare {
				entry.AddField(f.name, &nickng.BibVar{Key: f.value, Value: nickng.NewBibConst(monthMacros[f.value])})
				continue
			}
			entry.AddField(f.name, nickng.NewBibConst(f.value))
		}
		doc.AddEntry(entry)
	}
	return doc
}
