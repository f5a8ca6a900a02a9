package csljson

import (
	"bytes"
	"encoding/json"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// stringOrNumber are the item properties the schema types as string or
// number; every other non-name, non-date property except categories and
// custom is a string.
var stringOrNumber = map[string]bool{
	"chapter-number": true, "citation-number": true, "collection-number": true, "edition": true,
	"first-reference-note-number": true, "id": true, "issue": true, "locator": true, "number": true,
	"number-of-pages": true, "number-of-volumes": true, "page": true, "page-first": true,
	"part": true, "printing": true, "supplement": true, "volume": true,
}

// nameParts are the properties of a name object and whether they are
// flags (string, number or boolean) rather than strings.
var nameParts = map[string]bool{
	"family": false, "given": false, "dropping-particle": false, "non-dropping-particle": false,
	"suffix": false, "literal": false, "comma-suffix": true, "static-ordering": true, "parse-names": true,
}

// Validate checks src against the CSL 1.0.2 data schema (csl-data.json)
// without a schema library, and reports every violation at the property
// where it is, as file:line:col. Unlike the Decoder, which reads what it
// can, it says what a strict consumer would reject: a top level that is not
// an array, a property the schema lacks, a value of the wrong JSON type.
// Syntax errors are reported as the Decoder reports them.
func Validate(filename string, src []byte) diag.List {
	var out diag.List
	d := NewDecoder(bytes.NewReader(src), filename)
	if c, ok := d.peekNonSpace(); ok && c != '[' {
		out.Errorf(d.here(), "the schema wants an array of items at the top level")
	}
	for d.mode != modeDone {
		start, ok := d.nextValue()
		if !ok {
			continue
		}
		elem := d.elem
		if elem[0] != '{' {
			out.Errorf(start, "item %d is %s, not an object", d.n, describe(elem))
			continue
		}
		if !json.Valid(elem) {
			// The Decoder says where the syntax breaks.
			d.decodeItem(elem, start)
			continue
		}
		validateItem(&out, start, elem)
	}
	// What the Decoder found about the structure (a missing comma, an
	// unclosed array, no data at all) makes the document invalid JSON.
	for _, dg := range d.diags.Kept() {
		out = append(out, diag.Diagnostic{Pos: dg.Pos, Severity: diag.Error, Msg: dg.Msg})
	}
	out.Sort()
	return out
}

// validateItem checks one syntactically valid item object.
func validateItem(out *diag.List, start diag.Pos, elem []byte) {
	props := properties(elem)
	last := map[string]int{} // a repeated key counts only once, as parsers keep the last
	for i, p := range props {
		last[p.key] = i
	}
	for i, p := range props {
		if last[p.key] != i {
			continue
		}
		at := posIn(start, elem, p.offset)
		bad := func(format string, args ...any) {
			out.Errorf(at, "%q: "+format, append([]any{p.key}, args...)...)
		}
		v := bytes.TrimSpace(p.value)
		switch {
		case !schemaProps[p.key]:
			out.Errorf(at, "property %q is not in the CSL-JSON schema", p.key)
		case p.key == "type":
			var t string
			if json.Unmarshal(v, &t) != nil || !bib.IsType(t) {
				bad("%s is not a CSL type", abbreviate(v))
			}
		case p.key == "categories":
			if !isStringArray(v) {
				bad("want an array of strings, got %s", describe(v))
			}
		case p.key == "custom":
			if v[0] != '{' {
				bad("want an object, got %s", describe(v))
			}
		case bib.KindOf(p.key) == bib.KindName:
			validateNames(bad, v)
		case bib.KindOf(p.key) == bib.KindDate:
			validateDate(bad, v)
		case stringOrNumber[p.key]:
			if v[0] != '"' && !isNumber(v) {
				bad("want a string or number, got %s", describe(v))
			}
		default:
			if v[0] != '"' {
				bad("want a string, got %s", describe(v))
			}
		}
	}
	for _, req := range []string{"id", "type"} {
		if _, ok := last[req]; !ok {
			out.Errorf(start, "item has no %q, which the schema requires", req)
		}
	}
}

func validateNames(bad func(string, ...any), v []byte) {
	var names []json.RawMessage
	if v[0] != '[' || json.Unmarshal(v, &names) != nil {
		bad("want an array of name objects, got %s", describe(v))
		return
	}
	for i, raw := range names {
		var n map[string]json.RawMessage
		if raw = bytes.TrimSpace(raw); raw[0] != '{' || json.Unmarshal(raw, &n) != nil {
			bad("name %d is %s, not an object", i+1, describe(raw))
			continue
		}
		for _, k := range bib.SortedKeys(n) {
			flag, known := nameParts[k]
			raw := bytes.TrimSpace(n[k])
			switch {
			case !known:
				bad("name %d: %q is not a name part", i+1, k)
			case flag && !isFlag(raw):
				bad("name %d: %q wants a string, number or boolean, got %s", i+1, k, describe(raw))
			case !flag && raw[0] != '"':
				bad("name %d: %q wants a string, got %s", i+1, k, describe(raw))
			}
		}
	}
}

func validateDate(bad func(string, ...any), v []byte) {
	var date map[string]json.RawMessage
	if v[0] != '{' || json.Unmarshal(v, &date) != nil {
		bad("want a date object, got %s", describe(v))
		return
	}
	for _, k := range bib.SortedKeys(date) {
		raw := bytes.TrimSpace(date[k])
		switch k {
		case "date-parts":
			var parts []json.RawMessage
			if raw[0] != '[' || json.Unmarshal(raw, &parts) != nil || len(parts) < 1 || len(parts) > 2 {
				bad("date-parts wants one or two arrays of parts")
				continue
			}
			for _, pr := range parts {
				var p []json.RawMessage
				if pr = bytes.TrimSpace(pr); pr[0] != '[' || json.Unmarshal(pr, &p) != nil {
					bad("date-parts wants arrays of parts, got %s", describe(pr))
					continue
				}
				if len(p) < 1 || len(p) > 3 {
					bad("date-parts wants one to three parts in each date, got %d", len(p))
				}
				for _, part := range p {
					if part = bytes.TrimSpace(part); part[0] != '"' && !isNumber(part) {
						bad("date-parts wants strings or numbers, got %s", describe(part))
					}
				}
			}
		case "season":
			if raw[0] != '"' && !isNumber(raw) {
				bad("season wants a string or number, got %s", describe(raw))
			}
		case "circa":
			if !isFlag(raw) {
				bad("circa wants a string, number or boolean, got %s", describe(raw))
			}
		case "literal", "raw":
			if raw[0] != '"' {
				bad("%s wants a string, got %s", k, describe(raw))
			}
		default:
			bad("%q is not a date property", k)
		}
	}
}

// isStringArray is strict where json.Unmarshal into []string is not: it
// turns a null element into "".
func isStringArray(v []byte) bool {
	var elems []json.RawMessage
	if v[0] != '[' || json.Unmarshal(v, &elems) != nil {
		return false
	}
	for _, e := range elems {
		if e = bytes.TrimSpace(e); e[0] != '"' {
			return false
		}
	}
	return true
}

func isNumber(v []byte) bool { return describe(v) == "a number" }

func isFlag(v []byte) bool {
	switch describe(v) {
	case "a string", "a number", "a boolean":
		return true
	}
	return false
}
