package bib

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"sort"
)

// Item is one bibliographic work, shaped like a CSL-JSON item.
//
// Vars holds the string, title and number variables under their CSL-JSON
// names ("title", "container-title", "page", "DOI"); values are Unicode text
// that may carry the CSL-JSON rich-text markup <i>, <b>, <sup>, <sub>,
// <span style="font-variant:small-caps;"> and <span class="nocase"> (text
// whose case must not change). Names and Dates hold the name and date
// variables.
//
// Extra keeps fields that no CSL variable carries, under their source field
// name in lower case (a BibTeX "eprinttype", a BibLaTeX "langid"); a key that
// starts with "@" records how the source spelled the item itself ("@type" is
// the original BibTeX entry type when the CSL type does not imply it). Custom
// keeps CSL-JSON properties manba does not interpret (such as "custom" or
// "categories") as raw JSON.
type Item struct {
	ID     string
	Type   string
	Vars   map[string]string
	Names  map[string][]Name
	Dates  map[string]Date
	Extra  map[string]string
	Custom map[string][]byte
	// Forms keeps other forms of fields: original script, romanizations,
	// translations (see Forms).
	Forms Forms
}

// Get returns the value of a string, title or number variable.
func (it *Item) Get(name string) string { return it.Vars[name] }

// Set sets a string, title or number variable; an empty value deletes it.
func (it *Item) Set(name, value string) {
	if value == "" {
		delete(it.Vars, name)
		return
	}
	if it.Vars == nil {
		it.Vars = map[string]string{}
	}
	it.Vars[name] = value
}

// SetNames sets a name variable; an empty list deletes it.
func (it *Item) SetNames(name string, names []Name) {
	if len(names) == 0 {
		delete(it.Names, name)
		return
	}
	if it.Names == nil {
		it.Names = map[string][]Name{}
	}
	it.Names[name] = names
}

// SetDate sets a date variable; a zero date deletes it.
func (it *Item) SetDate(name string, d Date) {
	if d.IsZero() {
		delete(it.Dates, name)
		return
	}
	if it.Dates == nil {
		it.Dates = map[string]Date{}
	}
	it.Dates[name] = d
}

// SetExtra sets a field kept for round trips; an empty value deletes it.
func (it *Item) SetExtra(name, value string) {
	if value == "" {
		delete(it.Extra, name)
		return
	}
	if it.Extra == nil {
		it.Extra = map[string]string{}
	}
	it.Extra[name] = value
}

// Clone returns a deep copy of the item.
func (it Item) Clone() Item {
	c := it
	c.Vars = maps.Clone(it.Vars)
	c.Dates = maps.Clone(it.Dates)
	c.Extra = maps.Clone(it.Extra)
	c.Forms = it.Forms.clone()
	if it.Names != nil {
		c.Names = make(map[string][]Name, len(it.Names))
		for k, v := range it.Names {
			c.Names[k] = slices.Clone(v)
		}
	}
	if it.Custom != nil {
		c.Custom = make(map[string][]byte, len(it.Custom))
		for k, v := range it.Custom {
			c.Custom[k] = slices.Clone(v)
		}
	}
	return c
}

// Equal reports whether two items carry the same data. Name.Original is
// ignored, so an item equals its own round trip through any format.
func (it Item) Equal(o Item) bool {
	if it.ID != o.ID || it.Type != o.Type || !maps.Equal(it.Vars, o.Vars) ||
		!maps.Equal(it.Dates, o.Dates) || !maps.Equal(it.Extra, o.Extra) || !it.Forms.equal(o.Forms) {
		return false
	}
	if len(it.Names) != len(o.Names) {
		return false
	}
	for k, v := range it.Names {
		w, ok := o.Names[k]
		if !ok || !slices.EqualFunc(v, w, Name.Equal) {
			return false
		}
	}
	if len(it.Custom) != len(o.Custom) {
		return false
	}
	for k, v := range it.Custom {
		w, ok := o.Custom[k]
		if !ok || !jsonEqual(v, w) {
			return false
		}
	}
	return true
}

// SortedKeys returns the keys of m in sorted order, for deterministic output.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Library is an ordered collection of items with lookup by ID.
type Library struct {
	Items []Item
	index map[string]int
}

// NewLibrary returns a library of items, in the given order.
func NewLibrary(items []Item) *Library {
	l := &Library{Items: items}
	l.reindex()
	return l
}

func (l *Library) reindex() {
	l.index = make(map[string]int, len(l.Items))
	for i, it := range l.Items {
		if _, dup := l.index[it.ID]; !dup {
			l.index[it.ID] = i
		}
	}
}

// Add appends an item.
func (l *Library) Add(it Item) {
	if l.index == nil {
		l.reindex()
	}
	l.Items = append(l.Items, it)
	if _, dup := l.index[it.ID]; !dup {
		l.index[it.ID] = len(l.Items) - 1
	}
}

// Find returns the first item with the given ID.
func (l *Library) Find(id string) (*Item, bool) {
	if l.index == nil {
		l.reindex()
	}
	i, ok := l.index[id]
	if !ok {
		return nil, false
	}
	return &l.Items[i], true
}

// jsonEqual compares two JSON texts by value, so that escaping and spacing
// differences between writers do not count.
func jsonEqual(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	var va, vb any
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}
