package bibtex

import (
	"strconv"
	"strings"
	"unsafe"

	"github.com/manba/manba/internal/word"
	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/latex"
)

// item converts a resolved entry to a bib.Item by the mapping tables.
func (d *Decoder) item(e *rawEntry) bib.Item {
	var it bib.Item
	d.itemInto(&it, e)
	return it
}

// reuseMax is the most entries a map of an item may hold for NextInto to
// clear and reuse it: a map keeps the room it grew to, and every later item
// would pay to iterate over it.
const reuseMax = 32

// reuse clears m for reuse, or drops it when it grew large.
func reuse[V any](m map[string]V) map[string]V {
	if len(m) > reuseMax {
		return nil
	}
	clear(m)
	return m
}

// itemInto converts a resolved entry into *it, reusing the maps it holds.
func (d *Decoder) itemInto(it *bib.Item, e *rawEntry) {
	*it = bib.Item{ID: e.key, Vars: reuse(it.Vars), Names: reuse(it.Names), Dates: reuse(it.Dates), Extra: reuse(it.Extra)}
	if it.Vars == nil {
		// Sized for every field, so that the map is not rebuilt as it grows.
		it.Vars = make(map[string]string, len(e.fields))
	}
	d.fillItem(it, e)
}

// fillItem converts e into the empty item it.
func (d *Decoder) fillItem(it *bib.Item, e *rawEntry) {
	typ, record := cslType(e.typ)
	it.Type = typ
	if record {
		it.SetExtra("@type", e.typ)
	}
	subtype := false
	if sub, ok := e.get("entrysubtype"); ok {
		if t, ok := subtypeCSL(e.typ, sub); ok {
			it.Type, subtype = t, true
		}
	}
	hasDate := e.has("date")
	var year, month, day *rawField
	for i := range e.fields {
		f := &e.fields[i]
		switch f.name {
		case "year":
			year = f
			continue
		case "month":
			month = f
			continue
		case "day":
			day = f
			continue
		case "entrysubtype":
			if subtype {
				continue // it made the type
			}
		}
		d.field(it, e.typ, f)
	}
	d.issued(it, year, month, day, hasDate)
	d.moveRoles(it, e)
	d.validate(it, e)
	if _, ok := it.Extra[LeftoverField]; ok {
		for _, f := range e.fields {
			if f.name == LeftoverField {
				d.readLeftovers(it, f)
				break
			}
		}
	}
	if t, ok := it.Vars["title"]; ok {
		if sub, ok := it.Extra["subtitle"]; ok {
			t += ": " + d.text(rawField{name: "subtitle", tex: sub}, kindRich)
		}
		if add, ok := it.Extra["titleaddon"]; ok {
			t += ". " + d.text(rawField{name: "titleaddon", tex: add}, kindRich)
		}
		it.Vars["title"] = t
	}
	if g, ok := defaultGenre[e.typ]; ok && it.Vars["genre"] == "" {
		it.Set("genre", g)
	}
	d.fieldsToForms(it, e)
}

// field converts one field into a variable of it, or keeps it in Extra.
func (d *Decoder) field(it *bib.Item, entry string, f *rawField) {
	rule := fieldRules[f.name]
	var v string
	var kind fieldKind
	if rule != nil {
		v, kind = rule.Var, rule.kind
		switch f.name {
		case "title":
			kind = kindRich
		case "number":
			kind = kindText
			switch {
			case seriesNumberEntries[entry]:
				v = "collection-number"
			case !articleTypes[it.Type]:
				v = "number"
			}
		case "organization":
			if entry == "online" {
				v = "container-title"
			}
		case "langid", "language", "type":
			if _, dup := it.Vars[v]; !dup {
				s := d.text(*f, kindText)
				if f.name == "type" {
					if t, ok := typeStrings[strings.ToLower(s)]; ok {
						s = t
					}
				} else {
					s = LanguageTag(s)
				}
				it.Set(v, s)
				return
			}
		}
	} else {
		switch bib.KindOf(f.name) {
		case bib.KindString, bib.KindNumber:
			v, kind = f.name, kindText
		case bib.KindTitle:
			v, kind = f.name, kindRich
		case bib.KindName:
			v, kind = f.name, kindNames
		case bib.KindDate:
			v, kind = f.name, kindDate
		default:
			it.SetExtra(f.name, f.tex)
			return
		}
	}
	switch kind {
	case kindNames:
		if _, dup := it.Names[v]; dup {
			break
		}
		names, others := d.names(f)
		if len(names) == 0 {
			break
		}
		it.SetNames(v, names)
		if others {
			it.SetExtra("@"+v+"-and-others", "true")
		}
		return
	case kindDate:
		if _, dup := it.Dates[v]; dup {
			break
		}
		date, ok := bib.ParseISODate(f.tex)
		if !ok {
			date = bib.Date{Literal: d.text(*f, kindText)}
		}
		if date.IsZero() {
			break
		}
		it.SetDate(v, date)
		return
	default:
		if _, dup := it.Vars[v]; dup {
			break
		}
		s := d.text(*f, kind)
		if s == "" {
			break
		}
		it.Vars[v] = s
		return
	}
	it.SetExtra(f.name, f.tex)
}

// text decodes a TeX value. Runs of white space become one space, as in
// BibTeX, except in verbatim fields, which are only trimmed.
func (d *Decoder) text(f rawField, kind fieldKind) string {
	opts := latex.DecodeOptions{MaxDepth: d.opts.MaxDepth}
	s := f.tex
	switch kind {
	case kindVerbatim:
		opts.Verbatim = true
		s = strings.TrimSpace(s)
	case kindRich:
		opts.Markup = true
		s = collapseSpace(s)
	default:
		s = collapseSpace(s)
	}
	out, probs := latex.Decode(s, opts)
	for _, p := range probs {
		d.warnf(f.pos, "field %q: %s", f.name, p.Msg)
	}
	if kind != kindVerbatim && out != s {
		// Macros that expand to spaces (\, {}) can leave runs of them.
		out = collapseSpace(out)
	}
	return out
}

// collapseSpace trims s and turns each run of ASCII white space into one
// space; other spaces, such as the no-break space ~ stands for, are kept.
func collapseSpace(s string) string {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	n := len(s)
	if !needsCollapse(s) {
		return s
	}
	b := make([]byte, 0, n)
	for i := 0; i < n; {
		for i < n && isSpace(s[i]) {
			i++
		}
		j := i
		for j < n && !isSpace(s[j]) {
			j++
		}
		if j > i {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, s[i:j]...)
		}
		i = j
	}
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is not written again
}

// needsCollapse reports whether s has white space other than single
// spaces between words: a white space byte other than a space, or two
// spaces in a row. It looks at eight bytes at a time, in one pass, since it
// reads most values whole (a huge one from memory once).
func needsCollapse(s string) bool {
	const ones, highs, low7 = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	prevSpace := false
	i := 0
	for ; len(s)-i >= 8; i += 8 {
		x := word.Load64(s[i:])
		// A high bit for each byte that is a space, exactly.
		z := x ^ ' '*ones
		spaces := ^((z&low7 + low7) | z) & highs
		if spaces&(spaces<<8) != 0 || prevSpace && spaces&0x80 != 0 {
			return true
		}
		prevSpace = spaces>>63 != 0
		// Some byte below 0x20: a control character, maybe white space.
		if (x-0x20*ones)&^x&highs != 0 {
			for _, c := range []byte(s[i : i+8]) {
				if c != ' ' && isSpace(c) {
					return true
				}
			}
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c == ' ' && prevSpace || c != ' ' && isSpace(c) {
			return true
		}
		prevSpace = c == ' '
	}
	return false
}

// names splits and decodes a name list.
func (d *Decoder) names(f *rawField) ([]bib.Name, bool) {
	list, others := splitNamesInto(d.nameBuf[:0], f.tex)
	d.nameBuf = list[:0] // strings of f.tex: nothing to keep alive
	names := d.nameSpace(len(list))
	for _, raw := range list {
		raw = collapseSpace(raw)
		tn, ok := extendedName(raw)
		if !ok {
			tn = splitName(raw)
		}
		dec := func(s string) string {
			if s == "" {
				return ""
			}
			return d.text(rawField{name: f.name, tex: s, pos: f.pos}, kindText)
		}
		n := bib.Name{Original: raw}
		if tn.IsLiteral {
			n.Literal = dec(tn.Literal)
		} else {
			n.Family, n.Given = dec(tn.Last), dec(tn.First)
			n.NonDroppingParticle, n.Suffix = dec(tn.Von), dec(tn.Jr)
			if n.NonDroppingParticle == "" {
				n.NonDroppingParticle, n.Family = splitElided(n.Family)
			}
		}
		if !n.IsZero() {
			names = append(names, n)
		}
	}
	return names, others
}

// nameSpace returns an empty slice with room for n names: a new one, or
// while NextInto decodes into a reused item, the next n slots of a slab
// that serves every item (the previous item's lists are given up with it).
func (d *Decoder) nameSpace(n int) []bib.Name {
	if !d.slabNames {
		return make([]bib.Name, 0, n)
	}
	if cap(d.nameSlab)-len(d.nameSlab) < n {
		d.nameSlab = make([]bib.Name, 0, max(64, 2*cap(d.nameSlab), n))
	}
	k := len(d.nameSlab)
	d.nameSlab = d.nameSlab[:k+n]
	return d.nameSlab[k : k : k+n]
}

// issued builds the issued date from year, month and day. Parts that do
// not fit a date are kept in Extra.
func (d *Decoder) issued(it *bib.Item, year, month, day *rawField, hasDate bool) {
	keep := func(f *rawField) {
		if f != nil {
			it.SetExtra(f.name, f.tex)
		}
	}
	if year == nil || hasDate {
		keep(year)
		keep(month)
		keep(day)
		return
	}
	if _, dup := it.Dates["issued"]; dup {
		keep(year)
		keep(month)
		keep(day)
		return
	}
	y := d.text(*year, kindText)
	date, ok := parseYear(y)
	if !ok {
		if y == "" {
			keep(year)
		} else {
			it.SetDate("issued", bib.Date{Literal: y})
		}
		keep(month)
		keep(day)
		return
	}
	if month != nil {
		if m := parseMonth(d.text(*month, kindText)); m > 0 && !date.IsRange() {
			date.From.Month = m
		} else {
			keep(month)
		}
	}
	if day != nil {
		if n, err := strconv.Atoi(strings.TrimSpace(day.tex)); err == nil && n >= 1 && n <= 31 && date.From.Month > 0 {
			date.From.Day = n
		} else {
			keep(day)
		}
	}
	it.SetDate("issued", date)
}

// parseYear reads a year field: "1989", "1989/1991", "1989–1991" (from
// 1989--1991), and the ISO forms the date field takes.
func parseYear(s string) (bib.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 4 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]) {
		y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
		return bib.Date{From: bib.DateParts{Year: y}}, true
	}
	if a, b, ok := strings.Cut(s, "–"); ok {
		s = strings.TrimSpace(a) + "/" + strings.TrimSpace(b)
	}
	digits := strings.TrimPrefix(s, "-")
	if digits == "" || digits[0] < '0' || digits[0] > '9' {
		return bib.Date{}, false
	}
	date, ok := bib.ParseISODate(s)
	if !ok || date.From.Month != 0 || date.To.Month != 0 {
		// A year field holds years only; "2005-05" goes to the literal so
		// that the month field stays the one source of months.
		return bib.Date{}, false
	}
	return date, true
}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// parseMonth reads a month: an English name or abbreviation (with or
// without a period) or a number 1–12; 0 if it is none of these.
func parseMonth(s string) int {
	s = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), ".")
	if m, ok := monthNames[s]; ok {
		return m
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 12 && !strings.HasPrefix(s, "+") {
		return n
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
