package csljson

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/manba/manba/pkg/bib"
)

// schemaProps are the item properties of the CSL 1.0.2 data schema
// (csl-data.json), which allows no others.
var schemaProps = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range []string{
		"DOI", "ISBN", "ISSN", "PMCID", "PMID", "URL", "abstract", "accessed", "annote", "archive",
		"archive-place", "archive_collection", "archive_location", "author", "authority",
		"available-date", "call-number", "categories", "chair", "chapter-number", "citation-key",
		"citation-label", "citation-number", "collection-editor", "collection-number",
		"collection-title", "compiler", "composer", "container-author", "container-title",
		"container-title-short", "contributor", "curator", "custom", "dimensions", "director",
		"division", "edition", "editor", "editorial-director", "event", "event-date", "event-place",
		"event-title", "executive-producer", "first-reference-note-number", "genre", "guest", "host",
		"id", "illustrator", "interviewer", "issue", "issued", "journalAbbreviation", "jurisdiction",
		"keyword", "language", "locator", "medium", "narrator", "note", "number", "number-of-pages",
		"number-of-volumes", "organizer", "original-author", "original-date", "original-publisher",
		"original-publisher-place", "original-title", "page", "page-first", "part", "part-title",
		"performer", "printing", "producer", "publisher", "publisher-place", "recipient",
		"references", "reviewed-author", "reviewed-genre", "reviewed-title", "scale",
		"script-writer", "section", "series-creator", "shortTitle", "source", "status", "submitted",
		"supplement", "title", "title-short", "translator", "type", "version", "volume",
		"volume-title", "volume-title-short", "year-suffix",
	} {
		m[p] = true
	}
	return m
}()

// originalTypeKey is the key inside "custom" that keeps an item type the
// CSL list lacks, while the item itself is written as a "document".
const originalTypeKey = "original-type"

// fallbackType is the CSL type written for an item whose type is empty or
// not a CSL type.
const fallbackType = "document"

// movedVariable reports whether the Encoder moves variable k into "custom":
// manba knows it as a CSL variable, but the data schema has no property for it.
func movedVariable(k string) bool {
	return bib.KindOf(k) != bib.KindUnknown && !schemaProps[k]
}

// schemaShape reports whether raw, the value of a property manba keeps
// uninterpreted in Item.Custom, has the JSON type the schema wants.
func schemaShape(k string, raw []byte) bool {
	raw = bytes.TrimSpace(raw)
	switch {
	case k == "custom":
		return len(raw) > 0 && raw[0] == '{'
	case k == "categories":
		var s []string
		return json.Unmarshal(raw, &s) == nil
	case schemaProps[k] && bib.KindOf(k) == bib.KindUnknown:
		// journalAbbreviation-like string properties bib does not model.
		var s string
		return json.Unmarshal(raw, &s) == nil
	}
	return false
}

// warning is a change forSchema made: its kind (a message format, by which
// the Encoder caps them) and its message.
type warning struct{ kind, msg string }

// forSchema returns the item as the Encoder writes it: valid against the CSL
// data schema, with whatever did not fit moved into "custom". It returns the
// item unchanged (not copied) when nothing needs to move, and a warning for
// each change that a CSL processor will notice.
func forSchema(it bib.Item) (bib.Item, []warning, error) {
	if !needsFix(it) {
		return it, nil, nil
	}
	var warns []warning
	warn := func(format string, args ...any) {
		warns = append(warns, warning{format, fmt.Sprintf(format, args...)})
	}
	it = it.Clone()
	custom := map[string]json.RawMessage{}
	if raw, ok := it.Custom["custom"]; ok {
		if err := json.Unmarshal(raw, &custom); err != nil {
			// A non-object "custom" is kept, one level down.
			custom = map[string]json.RawMessage{"custom": raw}
			warn(`"custom" is not an object; kept as custom.custom`)
		}
	}
	move := func(k string, v []byte, why string) {
		// "extra" inside custom is bib's own (Item.Extra), and a key may
		// already be taken; such a property is parked under another name.
		name := k
		if _, taken := custom[name]; taken || name == "extra" {
			name = "property:" + k
		}
		custom[name] = v
		warn("%q "+why+"; kept as custom[%q]", k, name)
	}
	if !bib.IsType(it.Type) {
		if it.Type == "" {
			warn("no type; written as %q", fallbackType)
		} else {
			custom[originalTypeKey] = bib.AppendJSONString(nil, it.Type)
			warn("type %q is not a CSL type; written as %q, kept as custom[%q]", it.Type, fallbackType, originalTypeKey)
		}
		it.Type = fallbackType
	}
	for _, k := range bib.SortedKeys(it.Vars) {
		if !schemaProps[k] {
			move(k, bib.AppendJSONString(nil, it.Vars[k]), "has no CSL-JSON property")
			delete(it.Vars, k)
		}
	}
	for _, k := range bib.SortedKeys(it.Names) {
		if !schemaProps[k] || bib.KindOf(k) != bib.KindName {
			b, err := propertyJSON(bib.Item{Names: map[string][]bib.Name{k: it.Names[k]}}, k)
			if err != nil {
				return it, warns, err
			}
			move(k, b, "has no CSL-JSON property")
			delete(it.Names, k)
		}
	}
	for _, k := range bib.SortedKeys(it.Dates) {
		if !schemaProps[k] || bib.KindOf(k) != bib.KindDate {
			b, err := propertyJSON(bib.Item{Dates: map[string]bib.Date{k: it.Dates[k]}}, k)
			if err != nil {
				return it, warns, err
			}
			move(k, b, "has no CSL-JSON property")
			delete(it.Dates, k)
		}
	}
	for _, k := range bib.SortedKeys(it.Custom) {
		if k == "custom" {
			continue
		}
		if !schemaProps[k] {
			move(k, it.Custom[k], "is not a CSL-JSON property")
			delete(it.Custom, k)
		} else if !schemaShape(k, it.Custom[k]) {
			move(k, it.Custom[k], "has a value of the wrong JSON type")
			delete(it.Custom, k)
		}
	}
	if len(custom) > 0 {
		b, err := marshalObject(custom)
		if err != nil {
			return it, warns, err
		}
		if it.Custom == nil {
			it.Custom = map[string][]byte{}
		}
		it.Custom["custom"] = b
	}
	return it, warns, nil
}

// needsFix is the allocation-free test for the common case where an item
// already fits the schema.
func needsFix(it bib.Item) bool {
	if !bib.IsType(it.Type) {
		return true
	}
	for k := range it.Vars {
		if !schemaProps[k] {
			return true
		}
	}
	for k := range it.Names {
		if !schemaProps[k] || bib.KindOf(k) != bib.KindName {
			return true
		}
	}
	for k := range it.Dates {
		if !schemaProps[k] || bib.KindOf(k) != bib.KindDate {
			return true
		}
	}
	for k, v := range it.Custom {
		if !schemaShape(k, v) {
			return true
		}
	}
	return false
}

// fromSchema undoes forSchema on a decoded item: CSL variables and the
// original type that the Encoder parked in "custom" come back to their
// places. Other custom keys stay where they are.
func fromSchema(it *bib.Item) {
	raw, ok := it.Custom["custom"]
	if !ok {
		return
	}
	var custom map[string]json.RawMessage
	if json.Unmarshal(raw, &custom) != nil {
		return
	}
	changed := false
	if t, ok := custom[originalTypeKey]; ok && it.Type == fallbackType {
		var s string
		if json.Unmarshal(t, &s) == nil && s != "" {
			it.Type = s
			delete(custom, originalTypeKey)
			changed = true
		}
	}
	for _, k := range bib.SortedKeys(custom) {
		if !movedVariable(k) {
			continue
		}
		var one bib.Item
		obj := append(append(bib.AppendJSONString([]byte{'{'}, k), ':'), custom[k]...)
		if one.UnmarshalJSON(append(obj, '}')) != nil {
			continue
		}
		for v, s := range one.Vars {
			it.Set(v, s)
		}
		for v, n := range one.Names {
			it.SetNames(v, n)
		}
		for v, d := range one.Dates {
			it.SetDate(v, d)
		}
		if len(one.Vars)+len(one.Names)+len(one.Dates) > 0 {
			delete(custom, k)
			changed = true
		}
	}
	if !changed {
		return
	}
	if len(custom) == 0 {
		delete(it.Custom, "custom")
		if len(it.Custom) == 0 {
			it.Custom = nil
		}
		return
	}
	if b, err := marshalObject(custom); err == nil {
		it.Custom["custom"] = b
	}
}

// propertyJSON returns the JSON value bib writes for property k of one, so
// that names and dates moved into "custom" keep bib's encoding.
func propertyJSON(one bib.Item, k string) ([]byte, error) {
	b, err := one.AppendJSON(nil)
	if err != nil {
		return nil, err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return nil, err
	}
	return obj[k], nil
}

// marshalObject writes a JSON object with sorted keys. Unlike json.Marshal
// it leaves <, > and & alone, as CSL-JSON rich text needs.
func marshalObject(obj map[string]json.RawMessage) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range bib.SortedKeys(obj) {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(bib.AppendJSONString(nil, k))
		buf.WriteByte(':')
		if err := json.Compact(&buf, obj[k]); err != nil {
			return nil, fmt.Errorf("custom[%q]: %w", k, err)
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
