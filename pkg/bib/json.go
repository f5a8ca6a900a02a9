package bib

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/manba/manba/internal/word"
)

// extraKey is the key inside the CSL-JSON "custom" object that carries
// Item.Extra, so that fields CSL cannot express survive a trip through CSL-JSON.
const extraKey = "extra"

// numericProps are the CSL-JSON properties the schema types as string|number;
// a plain integer in one of them is written as a JSON number.
var numericProps = map[string]bool{
	"chapter-number": true, "citation-number": true, "collection-number": true, "edition": true,
	"first-reference-note-number": true, "issue": true, "locator": true, "number": true,
	"number-of-pages": true, "number-of-volumes": true, "page": true, "page-first": true,
	"part": true, "printing": true, "supplement": true, "volume": true,
}

// varOrder puts the most telling variables first in CSL-JSON output; the
// rest follow alphabetically.
var varOrder = map[string]int{"citation-key": 1, "title": 2, "title-short": 3, "container-title": 4, "container-title-short": 5}

// MarshalJSON encodes the item as a CSL-JSON object with a stable key order:
// id, type, names, titles, the other variables alphabetically, dates, then
// the properties kept in Custom.
func (it Item) MarshalJSON() ([]byte, error) {
	return it.AppendJSON(nil)
}

// AppendJSON appends the compact CSL-JSON encoding of the item to dst.
// It is on the hot path of every conversion to CSL-JSON, so it reads each
// map once into a stack buffer, orders the keys there by rank and name, and
// writes custom data without re-parsing it when it can.
func (it Item) AppendJSON(dst []byte) ([]byte, error) {
	var keyBuf [64]string
	dst = append(dst, `{"id":`...)
	dst = AppendJSONString(dst, it.ID)
	dst = append(dst, `,"type":`...)
	dst = AppendJSONString(dst, it.Type)
	if len(it.Names) > 0 {
		// The CSL name variables in NameVariables order, then the others
		// alphabetically.
		var buf [16]rankedEntry[[]Name]
		for _, e := range rankEntries(buf[:0], it.Names, nameRank, KindName) {
			dst = appendKey(dst, e.k)
			dst = appendNames(dst, e.v)
		}
	}
	var varBuf [64]rankedEntry[string]
	for _, e := range rankEntries(varBuf[:0], it.Vars, varRank, KindUnknown) {
		dst = appendKey(dst, e.k)
		if isCanonicalInt(e.v) && numericProps[e.k] {
			dst = append(dst, e.v...)
		} else {
			dst = AppendJSONString(dst, e.v)
		}
	}
	if len(it.Dates) > 0 {
		var buf [8]rankedEntry[Date]
		for _, e := range rankEntries(buf[:0], it.Dates, dateRank, KindDate) {
			dst = appendKey(dst, e.k)
			dst = appendDate(dst, e.v)
		}
	}
	var err error
	wroteCustom := false
	mergeCustom := len(it.Extra) > 0 || it.hasCustomForms()
	for _, k := range sortedKeysInto(keyBuf[:0], it.Custom) {
		if k == "custom" && mergeCustom {
			continue // merged with Extra below
		}
		if mergeCustom && !wroteCustom && k > "custom" {
			if dst, err = it.appendCustomWithExtra(dst); err != nil {
				return nil, err
			}
			wroteCustom = true
		}
		dst = appendKey(dst, k)
		if dst, err = appendCompact(dst, it.Custom[k]); err != nil {
			return nil, fmt.Errorf("item %q: property %q: %w", it.ID, k, err)
		}
	}
	if mergeCustom && !wroteCustom {
		if dst, err = it.appendCustomWithExtra(dst); err != nil {
			return nil, err
		}
	}
	return append(dst, '}'), nil
}

// rankedEntry is a map entry with its place in the output order.
type rankedEntry[V any] struct {
	rank int
	k    string
	v    V
}

// unranked is the rank of keys written alphabetically after the ranked ones.
const unranked = 1 << 30

// rankEntries appends the entries of m to buf, ordered by rank (a key's
// place in the ranks table, unranked for the others) and then by key. Keys
// of kind skip that the table lacks are left out: AppendJSON writes the
// variables of a kind in its table's order and has no place for others.
func rankEntries[V any](buf []rankedEntry[V], m map[string]V, ranks map[string]int, skip Kind) []rankedEntry[V] {
	for k, v := range m {
		r, ok := ranks[k]
		if !ok {
			if skip != KindUnknown && KindOf(k) == skip {
				continue
			}
			r = unranked
		}
		buf = append(buf, rankedEntry[V]{r, k, v})
	}
	slices.SortFunc(buf, func(a, b rankedEntry[V]) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return strings.Compare(a.k, b.k)
	})
	return buf
}

// The output ranks: names and dates in the order of NameVariables and
// DateVariables, the most telling variables first (varOrder).
var (
	nameRank = rankOf(NameVariables)
	dateRank = rankOf(DateVariables)
	varRank  = varOrder
)

func rankOf(list []string) map[string]int {
	m := make(map[string]int, len(list))
	for i, v := range list {
		m[v] = i
	}
	return m
}

func appendKey(dst []byte, k string) []byte {
	dst = append(dst, ',')
	dst = AppendJSONString(dst, k)
	return append(dst, ':')
}

// sortedKeysInto is SortedKeys into a caller's buffer.
func sortedKeysInto[V any](buf []string, m map[string]V) []string {
	for k := range m {
		buf = append(buf, k)
	}
	sort.Strings(buf)
	return buf
}

// appendCompact appends raw JSON without insignificant white space; JSON
// that has none (what the decoder stores) is copied as it is.
func appendCompact(dst, raw []byte) ([]byte, error) {
	if !bytes.ContainsAny(raw, " \t\r\n") && json.Valid(raw) {
		return append(dst, raw...), nil
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return nil, err
	}
	return append(dst, buf.Bytes()...), nil
}

// appendCustomWithExtra writes the "custom" property: the item's custom
// object with Extra under the key "extra" and Forms and calendar dates under
// "multi" and "original-dates" (see forms_json.go).
func (it Item) appendCustomWithExtra(dst []byte) ([]byte, error) {
	dst = appendKey(dst, "custom")
	raw, ok := it.Custom["custom"]
	if !ok && !it.hasCustomForms() {
		// The common case (items read from BibTeX): no object to merge with.
		dst = append(dst, '{')
		dst = AppendJSONString(dst, extraKey)
		dst = append(dst, ':')
		dst = appendExtra(dst, it.Extra)
		return append(dst, '}'), nil
	}
	obj := map[string]json.RawMessage{}
	if ok {
		if err := json.Unmarshal(raw, &obj); err != nil {
			return nil, fmt.Errorf("item %q: custom is not an object: %w", it.ID, err)
		}
	}
	if len(it.Extra) > 0 {
		obj[extraKey] = appendExtra(nil, it.Extra)
	}
	if err := it.addCustomForms(obj); err != nil {
		return nil, err
	}
	merged, err := marshalSortedObject(obj)
	if err != nil {
		return nil, err
	}
	return append(dst, merged...), nil
}

func appendExtra(dst []byte, extra map[string]string) []byte {
	var keyBuf [32]string
	dst = append(dst, '{')
	for i, k := range sortedKeysInto(keyBuf[:0], extra) {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendJSONString(dst, k)
		dst = append(dst, ':')
		dst = AppendJSONString(dst, extra[k])
	}
	return append(dst, '}')
}

func marshalSortedObject(obj map[string]json.RawMessage) ([]byte, error) {
	b := []byte{'{'}
	for i, k := range SortedKeys(obj) {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendJSONString(b, k)
		b = append(b, ':')
		var buf bytes.Buffer
		if err := json.Compact(&buf, obj[k]); err != nil {
			return nil, err
		}
		b = append(b, buf.Bytes()...)
	}
	return append(b, '}'), nil
}

func isCanonicalInt(s string) bool {
	if s == "" || len(s) > 15 || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func appendNames(dst []byte, names []Name) []byte {
	dst = append(dst, '[')
	for i, n := range names {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '{')
		first := true
		dst, first = appendNamePart(dst, first, "family", n.Family)
		dst, first = appendNamePart(dst, first, "given", n.Given)
		dst, first = appendNamePart(dst, first, "dropping-particle", n.DroppingParticle)
		dst, first = appendNamePart(dst, first, "non-dropping-particle", n.NonDroppingParticle)
		dst, first = appendNamePart(dst, first, "suffix", n.Suffix)
		dst, first = appendNameFlag(dst, first, "comma-suffix", n.CommaSuffix)
		dst, first = appendNameFlag(dst, first, "static-ordering", n.StaticOrdering)
		dst, first = appendNamePart(dst, first, "literal", n.Literal)
		dst, _ = appendNameFlag(dst, first, "parse-names", n.ParseNames)
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

func appendNamePart(dst []byte, first bool, k, v string) ([]byte, bool) {
	if v == "" {
		return dst, first
	}
	if !first {
		dst = append(dst, ',')
	}
	dst = AppendJSONString(dst, k)
	dst = append(dst, ':')
	return AppendJSONString(dst, v), false
}

func appendNameFlag(dst []byte, first bool, k string, v bool) ([]byte, bool) {
	if !v {
		return dst, first
	}
	if !first {
		dst = append(dst, ',')
	}
	dst = AppendJSONString(dst, k)
	return append(dst, ":true"...), false
}

func appendDate(dst []byte, d Date) []byte {
	dst = append(dst, '{')
	first := true
	sep := func() {
		if !first {
			dst = append(dst, ',')
		}
		first = false
	}
	if !d.From.IsZero() {
		sep()
		dst = append(dst, `"date-parts":[`...)
		dst = appendParts(dst, d.From)
		if d.IsRange() {
			dst = append(dst, ',')
			dst = appendParts(dst, d.To)
		} else if d.OpenEnd {
			dst = append(dst, ",[0]"...)
		}
		dst = append(dst, ']')
	}
	if d.Season != "" {
		sep()
		dst = append(dst, `"season":`...)
		if n, err := strconv.Atoi(d.Season); err == nil && n >= 1 && n <= 4 {
			dst = strconv.AppendInt(dst, int64(n), 10)
		} else {
			dst = AppendJSONString(dst, d.Season)
		}
	}
	if d.Circa {
		sep()
		dst = append(dst, `"circa":true`...)
	}
	if d.Literal != "" {
		sep()
		dst = append(dst, `"literal":`...)
		dst = AppendJSONString(dst, d.Literal)
	}
	if d.Raw != "" {
		sep()
		dst = append(dst, `"raw":`...)
		dst = AppendJSONString(dst, d.Raw)
	}
	return append(dst, '}')
}

func appendParts(dst []byte, p DateParts) []byte {
	dst = append(dst, '[')
	dst = strconv.AppendInt(dst, int64(p.Year), 10)
	if p.Month > 0 {
		dst = append(dst, ',')
		dst = strconv.AppendInt(dst, int64(p.Month), 10)
		if p.Day > 0 {
			dst = append(dst, ',')
			dst = strconv.AppendInt(dst, int64(p.Day), 10)
		}
	}
	return append(dst, ']')
}

// jsonSafe marks the ASCII bytes a JSON string holds as they are: printable
// ASCII but for the quote and the backslash.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// AppendJSONString appends s as a JSON string. Unlike encoding/json it keeps
// <, > and & as they are, since CSL-JSON values carry HTML-like markup.
// Invalid UTF-8 becomes U+FFFD. It validates and escapes in one pass, eight
// bytes at a time through runs of plain ASCII, since most values are.
func AppendJSONString(dst []byte, s string) []byte {
	mark := len(dst)
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		w := s[i:]
		for len(w) >= 8 && plainASCII8(word.Load64(w)) {
			w = w[8:]
		}
		if i = len(s) - len(w); i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if !jsonSafe[c] {
				dst = append(dst, s[start:i-1]...)
				dst = appendJSONEscape(dst, c)
				start = i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return appendJSONStringInvalid(dst[:mark], s)
		}
		// U+2028 and U+2029 are valid JSON but break JavaScript consumers.
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', "89"[r-'\u2028'])
			start = i + size
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// plainASCII8 reports whether the eight bytes of x are all printable ASCII
// other than the quote and the backslash: a byte is flagged when it is 0x80
// or above, below 0x20, or equal to '"' or '\\'.
func plainASCII8(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// With no high bit set, b-n borrows into a byte's high bit exactly when
	// some byte is below n (the classic "has less" and "has zero" tests).
	q, bs := x^('"'*ones), x^('\\'*ones)
	return ((x-0x20*ones)&^x|(q-ones)&^q|(bs-ones)&^bs|x)&highs == 0
}

// appendJSONEscape escapes an ASCII byte that JSON does not take as it is.
func appendJSONEscape(dst []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
}

// appendJSONStringInvalid is AppendJSONString for text that is not valid
// UTF-8: rune by rune, with U+FFFD for bad bytes.
func appendJSONStringInvalid(dst []byte, s string) []byte {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return AppendJSONString(dst, b.String())
}

// UnmarshalJSON decodes a CSL-JSON item. Numbers become strings; dates
// accept numeric or string date-parts, seasons and circa in any JSON type;
// properties manba does not interpret are kept in Custom, and the "extra"
// object inside "custom" is restored into Extra.
func (it *Item) UnmarshalJSON(data []byte) error {
	// One validating pass, then a scanner that may trust the syntax: much
	// cheaper than decoding into a map and every value on its own again.
	if !json.Valid(data) {
		var v any
		return json.Unmarshal(data, &v) // the standard, positioned error
	}
	i := skipSpace(data, 0)
	if data[i] != '{' {
		return fmt.Errorf("want a JSON object, got %s", abbreviate(data[i:]))
	}
	*it = Item{}
	err := eachMember(data[i:], func(k string, v []byte) error {
		if err := it.setJSONProperty(k, v); err != nil {
			return fmt.Errorf("property %q: %w", k, plainJSONError(err))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return it.liftCustomForms()
}

// plainJSONError says what encoding/json's type errors mean in CSL-JSON's
// words: they name Go types ("cannot unmarshal string into Go value of type
// []bib.Name"), which a user never sees in the file.
func plainJSONError(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	got := te.Value
	if kind, _, _ := strings.Cut(got, " "); kind == "number" {
		got = "number"
	}
	article := "a "
	if strings.IndexByte("aeiou", got[0]) >= 0 {
		article = "an "
	}
	msg := "want " + jsonWant(te.Type) + ", got " + article + got
	if te.Field != "" {
		field := te.Field[strings.LastIndexByte(te.Field, '.')+1:]
		msg = fmt.Sprintf("%q: %s", field, msg)
	}
	return errors.New(msg)
}

// jsonWant describes the JSON value a Go type decodes from.
func jsonWant(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[[]Name]():
		return `a list of names (objects with "family" and "given", or "literal")`
	case reflect.TypeFor[Name]():
		return `a name (an object with "family" and "given", or "literal")`
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

// errOtherShape stops a fast scan that met a shape it leaves to
// encoding/json.
var errOtherShape = errors.New("left to encoding/json")

// eachMember calls fn with each member of obj, a valid JSON object.
func eachMember(obj []byte, fn func(k string, v []byte) error) error {
	i := skipSpace(obj, 1)
	for obj[i] != '}' {
		end := skipValue(obj, i)
		k, err := jsonString(obj[i:end])
		if err != nil {
			return err
		}
		i = skipSpace(obj, skipSpace(obj, end)+1) // past the colon
		end = skipValue(obj, i)
		if err := fn(k, obj[i:end]); err != nil {
			return err
		}
		if i = skipSpace(obj, end); obj[i] == ',' {
			i = skipSpace(obj, i+1)
		}
	}
	return nil
}

// eachElement calls fn with each element of arr, a valid JSON array.
func eachElement(arr []byte, fn func(v []byte) error) error {
	i := skipSpace(arr, 1)
	for arr[i] != ']' {
		end := skipValue(arr, i)
		if err := fn(arr[i:end]); err != nil {
			return err
		}
		if i = skipSpace(arr, end); arr[i] == ',' {
			i = skipSpace(arr, i+1)
		}
	}
	return nil
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the end of the JSON value at b[i:], which must be
// valid JSON.
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		for i++; b[i] != '"'; i++ {
			if b[i] == '\\' {
				i++
			}
		}
		return i + 1
	case '{', '[':
		depth := 0
		for ; ; i++ {
			switch b[i] {
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			case '"':
				i = skipValue(b, i) - 1
			}
		}
	}
	for i < len(b) && !strings.ContainsRune(",}] \t\n\r", rune(b[i])) {
		i++
	}
	return i
}

// decodeNames decodes a valid JSON array of CSL name objects. Parts that
// are not strings or booleans as expected go through encoding/json, which
// says what is wrong.
func decodeNames(raw []byte) ([]Name, error) {
	raw = raw[skipSpace(raw, 0):]
	var names []Name
	err := errOtherShape
	if raw[0] == '[' {
		err = eachElement(raw, func(v []byte) error {
			if v[0] != '{' {
				return errOtherShape
			}
			n, err := decodeName(v)
			names = append(names, n)
			return err
		})
	}
	if err == errOtherShape {
		names = nil
		err = json.Unmarshal(raw, &names)
	}
	return names, err
}

// decodeName decodes one valid JSON name object.
func decodeName(obj []byte) (Name, error) {
	var n Name
	err := eachMember(obj, func(k string, v []byte) error {
		var str *string
		var flag *bool
		switch k {
		case "family":
			str = &n.Family
		case "given":
			str = &n.Given
		case "dropping-particle":
			str = &n.DroppingParticle
		case "non-dropping-particle":
			str = &n.NonDroppingParticle
		case "suffix":
			str = &n.Suffix
		case "literal":
			str = &n.Literal
		case "comma-suffix":
			flag = &n.CommaSuffix
		case "static-ordering":
			flag = &n.StaticOrdering
		case "parse-names":
			flag = &n.ParseNames
		}
		var err error
		switch {
		case str != nil && v[0] == '"':
			*str, err = jsonString(v)
		case flag != nil && (v[0] == 't' || v[0] == 'f'):
			*flag = v[0] == 't'
		case (str != nil || flag != nil) && string(v) != "null":
			err = errOtherShape
		}
		return err
	})
	return n, err
}

// jsonString decodes a valid JSON string token; one without escapes needs
// no decoder.
func jsonString(raw []byte) (string, error) {
	body := raw[1 : len(raw)-1]
	if bytes.IndexByte(body, '\\') < 0 && utf8.Valid(body) {
		return string(body), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}

func (it *Item) setJSONProperty(k string, raw json.RawMessage) error {
	if string(raw) == "null" {
		return nil
	}
	switch k {
	case "id":
		s, err := scalarString(raw)
		it.ID = s
		return err
	case "type":
		return json.Unmarshal(raw, &it.Type)
	case "custom":
		return it.setCustom(raw)
	}
	switch KindOf(k) {
	case KindName:
		names, err := decodeNames(raw)
		if err != nil {
			return err
		}
		it.SetNames(k, names)
		return nil
	case KindDate:
		d, err := decodeDate(raw)
		if err != nil {
			return err
		}
		it.SetDate(k, d)
		return nil
	case KindString, KindTitle, KindNumber:
		s, err := scalarString(raw)
		if err != nil {
			// Keep values of an unexpected JSON type rather than drop them.
			it.setRaw(k, raw)
			return nil
		}
		it.Set(k, s)
		return nil
	}
	it.setRaw(k, raw)
	return nil
}

func (it *Item) setRaw(k string, raw json.RawMessage) {
	if it.Custom == nil {
		it.Custom = map[string][]byte{}
	}
	var buf bytes.Buffer
	if json.Compact(&buf, raw) == nil {
		raw = buf.Bytes()
	}
	it.Custom[k] = append([]byte(nil), raw...)
}

func (it *Item) setCustom(raw json.RawMessage) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		it.setRaw("custom", raw)
		return nil
	}
	if ex, ok := obj[extraKey]; ok {
		var extra map[string]string
		if err := json.Unmarshal(ex, &extra); err == nil {
			for k, v := range extra {
				it.SetExtra(k, v)
			}
			delete(obj, extraKey)
		}
	}
	if len(obj) == 0 {
		return nil
	}
	b, err := marshalSortedObject(obj)
	if err != nil {
		return err
	}
	it.setRaw("custom", b)
	return nil
}

// scalarString returns a JSON string or number as a string.
func scalarString(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 1 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		return jsonString(raw)
	}
	if len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') && json.Valid(raw) {
		return string(raw), nil // a number: its literal text, as json.Number keeps it
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", fmt.Errorf("want a string or number, got %s", abbreviate(raw))
	}
	return n.String(), nil
}

func abbreviate(raw []byte) string {
	s := string(raw)
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return s
}

type jsonDate struct {
	DateParts [][]json.RawMessage `json:"date-parts"`
	Season    json.RawMessage     `json:"season"`
	Circa     json.RawMessage     `json:"circa"`
	Literal   string              `json:"literal"`
	Raw       string              `json:"raw"`
}

// scanDate splits a valid JSON date object into its members without
// encoding/json; ok is false for shapes it leaves to encoding/json.
func scanDate(raw []byte) (jd jsonDate, ok bool) {
	if raw[0] != '{' {
		return jd, false
	}
	err := eachMember(raw, func(k string, v []byte) error {
		switch k {
		case "date-parts":
			if v[0] != '[' {
				return errOtherShape
			}
			return eachElement(v, func(point []byte) error {
				if point[0] != '[' {
					return errOtherShape
				}
				var parts []json.RawMessage
				eachElement(point, func(part []byte) error {
					parts = append(parts, part)
					return nil
				})
				jd.DateParts = append(jd.DateParts, parts)
				return nil
			})
		case "season":
			jd.Season = v
		case "circa":
			jd.Circa = v
		case "literal", "raw":
			if v[0] != '"' {
				return errOtherShape
			}
			str, err := jsonString(v)
			if k == "literal" {
				jd.Literal = str
			} else {
				jd.Raw = str
			}
			return err
		}
		return nil
	})
	return jd, err == nil
}

func decodeDate(raw json.RawMessage) (Date, error) {
	var d Date
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		// Some producers write a date as a bare string.
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return d, err
		}
		if iso, ok := ParseISODate(s); ok {
			return iso, nil
		}
		d.Raw = s
		return d, nil
	}
	jd, ok := scanDate(raw)
	if !ok {
		jd = jsonDate{}
		if err := json.Unmarshal(raw, &jd); err != nil {
			return d, err
		}
	}
	for i, parts := range jd.DateParts {
		if i > 1 {
			break
		}
		var p DateParts
		for j, part := range parts {
			if j > 2 {
				break
			}
			s, err := scalarString(part)
			if err != nil {
				return d, fmt.Errorf("date-parts: %w", err)
			}
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return d, fmt.Errorf("date-parts: %q is not a number", s)
			}
			switch j {
			case 0:
				p.Year = int(f)
			case 1:
				p.Month = int(f)
			case 2:
				p.Day = int(f)
			}
		}
		switch {
		case i == 0:
			d.From = p
		case p.IsZero():
			// [[1987],[0]] is open-ended; an end without a start is nothing.
			d.OpenEnd = len(parts) > 0 && !d.From.IsZero()
		case d.From.IsZero():
			d.From = p // [[],[2005]]: the only point given
		case p != d.From:
			d.To = p
		}
	}
	if len(jd.Season) > 0 && string(jd.Season) != "null" {
		s, err := scalarString(jd.Season)
		if err != nil {
			return d, fmt.Errorf("season: %w", err)
		}
		d.Season = s
	}
	if len(jd.Circa) > 0 {
		var b bool
		if json.Unmarshal(jd.Circa, &b) == nil {
			d.Circa = b
		} else if s, err := scalarString(jd.Circa); err == nil {
			d.Circa = s != "" && s != "0" && s != "false"
		}
	}
	d.Literal = jd.Literal
	d.Raw = jd.Raw
	return d, nil
}
