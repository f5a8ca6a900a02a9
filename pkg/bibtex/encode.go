package bibtex

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/latex"
	"golang.org/x/text/unicode/norm"
)

// Dialect selects the field names the Encoder writes.
type Dialect uint8

// The dialects.
const (
	// BibTeX writes journal, address, year/month, school, institution.
	BibTeX Dialect = iota
	// BibLaTeX writes journaltitle, location, date.
	BibLaTeX
)

// EncodeOptions control writing.
type EncodeOptions struct {
	Dialect Dialect
	// ASCII writes non-ASCII characters as TeX macros ({\'e}); otherwise
	// the output is UTF-8 with only TeX specials escaped.
	ASCII bool
	// ProtectCapitals wraps words with capitals after their first letter
	// (MKO, PMOI, iPhone) in title fields in braces, so that styles that
	// change case leave them alone, and likewise the capitalized words
	// after the first of a title or subtitle, as Better BibTeX does (the
	// proper nouns of a sentence-case title; every word but the function
	// words of a title-case one, whose capitals do not say which are
	// proper nouns).
	ProtectCapitals bool
	// MaxDiagnosticsPerKind bounds the warnings of one kind that
	// Diagnostics lists (default 100, negative for no limit); the rest are
	// counted in one "N more like this" warning, so that memory does not
	// grow with the number of items written.
	MaxDiagnosticsPerKind int
}

// Encoder writes bib.Items as BibTeX/BibLaTeX entries. What an item holds
// that BibTeX cannot is reported by Diagnostics.
type Encoder struct {
	w     *bufio.Writer
	opts  EncodeOptions
	n     int
	keys  map[string]bool // generated keys, to keep them unique
	diags diag.Capped
}

// Diagnostics returns a warning for everything written so far that BibTeX
// could not hold (CSL-JSON custom properties, seasons, line breaks, ...).
func (e *Encoder) Diagnostics() diag.List { return e.diags.List() }

// warnf reports what item could not hold; format is the kind of warning.
func (e *Encoder) warnf(it bib.Item, format string, args ...any) {
	e.diags.Report(diag.Pos{}, diag.Warning, format, fmt.Sprintf("item %q: %s", it.ID, fmt.Sprintf(format, args...)))
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer, opts EncodeOptions) *Encoder {
	return &Encoder{w: bufio.NewWriter(w), opts: opts, keys: map[string]bool{},
		diags: diag.Capped{Max: int(limit(int64(opts.MaxDiagnosticsPerKind), DefaultMaxDiagnosticsPerKind))}}
}

// Encode writes items to w.
func Encode(w io.Writer, items []bib.Item, opts EncodeOptions) error {
	e := NewEncoder(w, opts)
	for i := range items {
		if err := e.Encode(items[i]); err != nil {
			return err
		}
	}
	return nil
}

type outField struct {
	name, value string
	bare        bool // a macro such as a month name, written without braces
}

// Encode writes one item. Fields are written in a fixed order: the CSL
// variables first (common fields in fieldOrder, then the rest
// alphabetically), then the fields kept in Extra (same order), so that a
// field kept in Extra never takes the place of the variable on reading.
func (e *Encoder) Encode(it bib.Item) error {
	it = e.formsToFields(it)
	typ, key, fields := e.entry(it)
	w := e.w
	if e.n > 0 {
		w.WriteByte('\n')
	}
	e.n++
	fmt.Fprintf(w, "@%s{%s", typ, key)
	for _, f := range fields {
		w.WriteString(",\n  ")
		w.WriteString(f.name)
		w.WriteString(" = ")
		if f.bare {
			w.WriteString(f.value)
		} else {
			w.WriteByte('{')
			w.WriteString(f.value)
			w.WriteByte('}')
		}
	}
	w.WriteString("\n}\n")
	return w.Flush()
}

// Preamble writes an @preamble block holding tex, TeX as Decoder.Preambles
// returns it; it must come before the entries that need it.
func (e *Encoder) Preamble(tex string) error {
	if !balanced(tex) {
		return fmt.Errorf("bibtex: preamble has unbalanced braces: %q", tex)
	}
	if e.n > 0 {
		e.w.WriteByte('\n')
	}
	e.n++
	fmt.Fprintf(e.w, "@preamble{{%s}}\n", tex)
	return e.w.Flush()
}

// entry returns the entry type, key and fields (TeX values) of an item.
func (e *Encoder) entry(it bib.Item) (typ, key string, fields []outField) {
	typ = it.Extra["@type"]
	if typ != "" && !entryType(typ) {
		e.warnf(it, "kept entry type %q would not read back as an entry; not used", typ)
		typ = ""
	}
	var subtype string
	if typ == "" && e.opts.Dialect == BibLaTeX {
		typ = biblatexEntry[it.Type]
	}
	if typ == "" {
		typ = cslToEntry[it.Type]
	}
	if typ == "" {
		if st, ok := subtypeEntries[it.Type]; ok {
			typ, subtype = st[0], st[1]
		} else if bib.IsType(it.Type) {
			typ, subtype = fallbackEntry, it.Type
		} else {
			typ = fallbackEntry
			e.warnf(it, "type %q is not a CSL type; written as @%s", it.Type, typ)
		}
	}
	key = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune(",{}=", r) {
			return '_' // a key cannot hold these
		}
		return r
	}, it.ID)
	if key == "" {
		key = e.genKey(it)
	}
	used := map[string]bool{}
	for k := range it.Extra {
		if !strings.HasPrefix(k, "@") {
			used[k] = true
		}
	}
	var vars []outField
	add := func(name, value string) {
		if name == "" || value == "" {
			return
		}
		used[name] = true
		vars = append(vars, outField{name: name, value: value})
	}
	if subtype != "" {
		if used["entrysubtype"] {
			e.warnf(it, "type %s needs entrysubtype, which Extra holds; it reads back as the type of @%s", it.Type, typ)
		} else {
			add("entrysubtype", subtype)
		}
	}
	title, dropExtra := e.splitTitle(it)
	var leftover []string
	toLeftover := func(v, value string) {
		if strings.ContainsAny(value, "\n\r") {
			value = strings.Join(strings.Fields(value), " ")
		}
		leftover = append(leftover, leftoverLine(v, value))
	}
	for _, v := range bib.SortedKeys(it.Vars) {
		val := it.Vars[v]
		if v == "title" {
			val = title
		}
		if v == "genre" && val == defaultGenre[typ] {
			continue
		}
		if nums := standardNumbers(v, val); len(nums) > 1 {
			// One number in the field, as biblatex checks it; the whole
			// list goes to the leftover field and wins on reading.
			toLeftover(v, texEncode(val, latex.EncodeOptions{}))
			val = nums[0]
		}
		if k, ok := typeKeys[val]; v == "genre" && ok && e.opts.Dialect == BibLaTeX {
			val = k // biblatex prints its localised string
		}
		if v == "language" {
			babel := BabelName(val)
			if LanguageTag(babel) != val {
				toLeftover(v, texEncode(val, latex.EncodeOptions{ASCII: e.opts.ASCII}))
			}
			val = babel
		}
		name := e.varField(v, it.Type, typ, used)
		if strings.ContainsAny(val, "\n\r") && kindOfField(name) != kindVerbatim {
			e.warnf(it, "line breaks in %s become spaces", v)
		}
		if name == "" {
			toLeftover(v, e.encodeValue(v, v, val))
			continue
		}
		out := e.encodeValue(name, v, val)
		if kindOfField(name) == kindVerbatim && !balanced(out) {
			// BibTeX counts every brace, escaped or not, so a lone one
			// would end the value or run into the next field. In a URL
			// or DOI, %7B and %7D mean the same braces.
			e.warnf(it, "%s has unbalanced braces; written as %%7B and %%7D", v)
			out = e.encodeValue(name, v, percentBraces.Replace(val))
		}
		add(name, out)
	}
	for _, v := range bib.SortedKeys(it.Names) {
		var parts []string
		others := it.Extra["@"+v+"-and-others"] == "true"
		for i, n := range it.Names[v] {
			if i == len(it.Names[v])-1 && n == (bib.Name{Literal: "others"}) {
				// pandoc's CSL-JSON for BibTeX's `and others`
				others = true
				continue
			}
			if n.DroppingParticle != "" {
				e.warnf(it, "dropping particle %q (%s) is written as a von part and reads back as non-dropping", n.DroppingParticle, v)
			}
			parts = append(parts, e.encodeName(n))
		}
		if others {
			parts = append(parts, "others")
		}
		list := strings.Join(parts, " and ")
		if fields, ok := nameFields[v]; ok {
			if name := pick(used, fields, ""); name != "" {
				add(name, list)
				continue
			}
		} else if name, typeField := roleField(v, typ, used); name != "" {
			add(name, list)
			add(typeField, v)
			continue
		}
		toLeftover(v, list)
	}
	for _, v := range bib.SortedKeys(it.Dates) {
		d := it.Dates[v]
		if d.Season != "" {
			e.warnf(it, "season %q of %s left out", d.Season, v)
		}
		n := len(vars)
		if vars = e.appendDate(vars, used, v, d); len(vars) == n {
			toLeftover(v, e.dateText(d))
		}
	}
	if len(leftover) > 0 {
		if used[LeftoverField] {
			e.warnf(it, "%s is taken by the input's own field; left out: %s", LeftoverField, strings.Join(leftover, "; "))
		} else {
			for _, l := range leftover {
				v, _, _ := strings.Cut(l, ":")
				if v == "ISBN" || v == "ISSN" {
					e.warnf(it, "%s holds several numbers: the first is written to %s, all of them to %s", v, strings.ToLower(v), LeftoverField)
				} else {
					e.warnf(it, "%s has no BibTeX field; written to %s", v, LeftoverField)
				}
			}
			add(LeftoverField, strings.Join(leftover, "\n"))
		}
	}
	if len(it.Custom) > 0 {
		e.warnf(it, "CSL-JSON properties %s have no BibTeX field; left out", strings.Join(bib.SortedKeys(it.Custom), ", "))
	}
	slices.SortStableFunc(vars, compareFields)
	var extra []outField
	for k, val := range it.Extra {
		if strings.HasPrefix(k, "@") || dropExtra[k] {
			continue
		}
		if !balanced(val) {
			e.warnf(it, "field %s has unbalanced braces; they are written as \\textbraceleft{} and \\textbraceright{}", k)
			val = braceMacros.Replace(val)
		}
		extra = append(extra, outField{name: k, value: val})
	}
	slices.SortStableFunc(extra, compareFields)

	return typ, key, append(vars, extra...)
}

// fieldOrder is the order of the common fields; others follow
// alphabetically.
var fieldOrder = func() map[string]int {
	names := []string{"author", "editor", "translator", "bookauthor", "title", "subtitle", "titleaddon",
		"shorttitle", "booktitle", "journal", "journaltitle", "shortjournal", "series", "edition",
		"volume", "volumes", "number", "issue", "pages", "pagetotal", "chapter", "publisher",
		"institution", "school", "organization", "howpublished", "address", "location", "year",
		"month", "day", "date", "eventtitle", "eventdate", "venue", "type", "doi", "isbn", "issn",
		"url", "urldate", "note", "abstract", "keywords", "language", "langid", "crossref"}
	m := make(map[string]int, len(names))
	for i, n := range names {
		m[n] = i
	}
	return m
}()

func compareFields(a, b outField) int {
	ra, oka := fieldOrder[a.name]
	rb, okb := fieldOrder[b.name]
	switch {
	case oka && okb:
		return ra - rb
	case oka:
		return -1
	case okb:
		return 1
	}
	return strings.Compare(a.name, b.name)
}

// nameFields are the fields of the name variables; the others are written
// under their CSL name, which decoding maps back.
var nameFields = map[string][]string{
	"author": {"author"}, "editor": {"editor"}, "translator": {"translator"},
	"container-author": {"bookauthor"},
}

// pick returns the first candidate field name not in use, or the fallback.
func pick(used map[string]bool, candidates []string, fallback string) string {
	for _, c := range candidates {
		if !used[c] {
			return c
		}
	}
	if !used[fallback] {
		return fallback
	}
	return ""
}

// varField chooses the field that carries a CSL variable, or "" when no
// BibTeX/BibLaTeX field can (the variable then goes to LeftoverField).
func (e *Encoder) varField(v, cslType, entry string, used map[string]bool) string {
	latexDialect := e.opts.Dialect == BibLaTeX
	var c []string
	switch v {
	case "title", "volume", "edition", "version", "note", "abstract", "issue":
		c = []string{v}
	case "annote":
		if latexDialect {
			c = []string{"annotation", "annote"}
		} else {
			c = []string{"annote", "annotation"}
		}
	case "title-short":
		c = []string{"shorttitle"}
	case "container-title":
		switch {
		case cslType == "webpage" && latexDialect:
			// biblatex's @online has no title field for the site; it
			// prints the organization that published it there.
			c = []string{"organization"}
		case cslType == "webpage":
			// BibTeX has no @online; pandoc and manba read its journal.
			c = []string{"journal", "booktitle"}
		case articleTypes[cslType] && latexDialect:
			c = []string{"journaltitle", "journal", "booktitle"}
		case articleTypes[cslType]:
			c = []string{"journal", "journaltitle", "booktitle"}
		default:
			c = []string{"booktitle", "journal", "journaltitle"}
		}
	case "container-title-short":
		c = []string{"shortjournal"}
	case "collection-title":
		c = []string{"series"}
	case "collection-number":
		if seriesNumberEntries[entry] {
			c = []string{"number"}
		}
	case "event-title":
		c = []string{"eventtitle"}
	case "original-title":
		c = []string{"origtitle"}
	case "original-publisher":
		c = []string{"origpublisher"}
	case "original-publisher-place":
		c = []string{"origlocation"}
	case "status":
		c = []string{"pubstate"}
	case "number-of-volumes":
		c = []string{"volumes"}
	case "number":
		if !seriesNumberEntries[entry] {
			c = []string{"number"}
		}
	case "page":
		c = []string{"pages"}
	case "number-of-pages":
		c = []string{"pagetotal"}
	case "chapter-number":
		c = []string{"chapter"}
	case "publisher":
		switch {
		case entry == "manual":
			c = []string{"publisher", "organization"}
		case cslType == "report":
			c = []string{"institution"}
		case cslType == "thesis" && !latexDialect:
			c = []string{"school"}
		case cslType == "thesis":
			c = []string{"institution"}
		case entry == "misc" && !latexDialect:
			c = []string{"howpublished"}
		case entry == "misc":
			c = []string{"organization", "howpublished"}
		}
		c = append(c, "publisher", "organization", "institution", "school", "howpublished")
	case "publisher-place":
		if latexDialect {
			c = []string{"location", "address"}
		} else {
			c = []string{"address", "location"}
		}
	case "event-place":
		c = []string{"venue"}
	case "keyword":
		c = []string{"keywords"}
	case "language":
		c = []string{"langid", "language"}
	case "genre":
		c = []string{"type"}
	case "DOI", "URL", "ISBN", "ISSN", "PMID", "PMCID":
		c = []string{strings.ToLower(v)}
	}
	if v == "issue" && articleTypes[cslType] {
		c = []string{"number", "issue"}
	}
	return pick(used, c, "")
}

// kindOfField returns how the decoder reads a field, so that the encoder
// writes it the same way.
func kindOfField(name string) fieldKind {
	if r := fieldRules[name]; r != nil {
		switch name {
		case "title":
			return kindRich
		case "number":
			return kindText
		}
		return r.kind
	}
	switch bib.KindOf(name) {
	case bib.KindTitle:
		return kindRich
	case bib.KindName:
		return kindNames
	case bib.KindDate:
		return kindDate
	}
	return kindText
}

func (e *Encoder) encodeValue(field, v, val string) string {
	opts := latex.EncodeOptions{ASCII: e.opts.ASCII}
	switch kindOfField(field) {
	case kindVerbatim:
		opts = latex.EncodeOptions{Verbatim: true}
	case kindRich:
		opts.Markup = true
		opts.ProtectCapitals = e.opts.ProtectCapitals && bib.KindOf(v) == bib.KindTitle
		if opts.ProtectCapitals {
			val = protectProperNouns(val)
		}
	}
	out := texEncode(val, opts)
	if field == "pages" && strings.Contains(out, "–") {
		// BibTeX styles expect "--" in page ranges; it reads back as "–"
		// unless other dashes touch it.
		dashes := strings.ReplaceAll(out, "–", "--")
		if back, _ := latex.Decode(dashes, latex.DecodeOptions{}); back == val {
			out = dashes
		}
	}
	if listFields[field] {
		if parts, _ := splitNames(out); len(parts) > 1 {
			// biblatex reads these fields as "and"-separated lists: one
			// publisher called "Henry Holt and Company" needs braces.
			out = "{" + out + "}"
		}
	}
	return out
}

// listFields are biblatex's literal lists among the fields manba writes.
var listFields = map[string]bool{
	"publisher": true, "location": true, "address": true, "institution": true, "organization": true,
	"school": true, "origpublisher": true, "origlocation": true,
}

// splitTitle returns the title to write: when the item came with a
// subtitle or titleaddon (kept in Extra and joined into the title on
// reading), they are taken off again. If the title no longer ends with
// them, it is written whole and they are dropped.
func (e *Encoder) splitTitle(it bib.Item) (string, map[string]bool) {
	title := it.Vars["title"]
	var drop map[string]bool
	for _, p := range [...]struct{ field, sep string }{{"titleaddon", ". "}, {"subtitle", ": "}} {
		raw, ok := it.Extra[p.field]
		if !ok {
			continue
		}
		d := decodeRich(raw)
		if t, ok := strings.CutSuffix(title, p.sep+d); ok && title != "" {
			title = t
			continue
		}
		if drop == nil {
			drop = map[string]bool{}
		}
		drop[p.field] = true
	}
	if drop != nil {
		return it.Vars["title"], drop
	}
	return title, nil
}

func decodeRich(tex string) string {
	s, _ := latex.Decode(collapseSpace(tex), latex.DecodeOptions{Markup: true})
	return s
}

var monthMacroNames = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// appendDate writes a date variable.
func (e *Encoder) appendDate(out []outField, used map[string]bool, v string, d bib.Date) []outField {
	text := func(name, s string) []outField {
		used[name] = true
		return append(out, outField{name: name, value: literalDateTeX(s, e.opts.ASCII)})
	}
	// ISO dates are read without TeX decoding, so they are written as is.
	iso := func(name, s string) []outField {
		used[name] = true
		return append(out, outField{name: name, value: s})
	}
	literal := d.Literal
	if literal == "" && d.From.IsZero() {
		literal = d.Raw
	}
	if v != "issued" {
		name := pick(used, map[string][]string{"accessed": {"urldate"}, "event-date": {"eventdate"},
			"original-date": {"origdate"}}[v], "")
		if name == "" {
			return out
		}
		if literal != "" {
			return text(name, literal)
		}
		return iso(name, biblatexDate(d))
	}
	// issued: year/month/day for BibTeX when they can hold it, else date.
	simple := !d.Circa && !d.OpenEnd && d.Season == "" && literal == "" &&
		(!d.IsRange() || d.From.Month == 0 && d.To.Month == 0)
	useYear := !used["year"] && !used["month"] && !used["day"] &&
		(e.opts.Dialect == BibTeX && (simple || literal != "") || used["date"])
	if !useYear {
		if used["date"] {
			return out
		}
		if literal != "" {
			return text("date", literal)
		}
		return iso("date", biblatexDate(d))
	}
	if literal != "" {
		return text("year", literal)
	}
	y := d.From
	y.Month, y.Day = 0, 0
	ys := y.String()
	if d.IsRange() {
		ys += "/" + d.To.String()
	}
	out = iso("year", ys)
	if d.From.Month > 0 {
		used["month"] = true
		out = append(out, outField{name: "month", value: monthMacroNames[d.From.Month-1], bare: true})
		if d.From.Day > 0 {
			out = iso("day", strconv.Itoa(d.From.Day))
		}
	}
	return out
}

// standardNumbers splits an ISBN or ISSN variable holding several numbers
// ("978-1-85043-077-3 978-1-85043-083-4"); anything else is one value.
func standardNumbers(v, val string) []string {
	if v != "ISBN" && v != "ISSN" {
		return nil
	}
	nums := strings.FieldsFunc(val, func(r rune) bool { return r == ' ' || r == ',' || r == ';' })
	for _, n := range nums {
		digits := 0
		for _, r := range n {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case r == '-' || r == 'X' || r == 'x':
			default:
				return nil
			}
		}
		if digits < 7 {
			return nil
		}
	}
	return nums
}

// literalDateTeX writes a literal date. One that still holds TeX the
// decoder kept as written (xampl's year = {\switchargs{--90}{1968}}, for a
// macro its @preamble defines) is written as that TeX again, not escaped
// into text that would print the macro's name.
func literalDateTeX(s string, ascii bool) string {
	if strings.Contains(s, `\`) && balanced(s) {
		if back, _ := latex.Decode(s, latex.DecodeOptions{}); back == s {
			return s
		}
	}
	return texEncode(s, latex.EncodeOptions{ASCII: ascii})
}

// dateText is a date as the leftover field holds it.
func (e *Encoder) dateText(d bib.Date) string {
	if d.Literal != "" || d.From.IsZero() {
		lit := d.Literal
		if lit == "" {
			lit = d.Raw
		}
		return literalDateTeX(lit, e.opts.ASCII)
	}
	return biblatexDate(d)
}

// biblatexDate writes a date as BibLaTeX's date fields take it: ISO 8601
// with EDTF ranges and circa, an open end as "1987/".
func biblatexDate(d bib.Date) string {
	return strings.TrimSuffix(d.String(), "..")
}

// encodeName writes a name as "von Last, Jr, First" (or "{Literal}"),
// bracing parts whose words would otherwise be split differently on
// reading.
func (e *Encoder) encodeName(n bib.Name) string {
	opts := latex.EncodeOptions{ASCII: e.opts.ASCII}
	enc := func(s string) string { return collapseSpace(texEncode(s, opts)) }
	if n.Literal != "" {
		return "{" + enc(n.Literal) + "}"
	}
	fam, giv, jr := enc(n.Family), enc(n.Given), enc(n.Suffix)
	von := enc(strings.TrimSpace(n.DroppingParticle + " " + n.NonDroppingParticle))
	if n.DroppingParticle == "" && isElided(n.NonDroppingParticle) {
		if p, _ := splitElided(n.NonDroppingParticle + n.Family); p == n.NonDroppingParticle {
			// "al-Khalil" as one word, which readers split again; with a
			// space, "al- Khalil" reads as a particle of its own.
			fam, von = von+fam, ""
		}
	}
	build := func() string {
		s := strings.TrimSpace(von + " " + fam)
		switch {
		case jr != "":
			s += ", " + jr + ", " + giv
		case giv != "":
			s += ", " + giv
		case isOneGroup(s):
			s += "," // a braced family name alone would read as a literal
		}
		return s
	}
	ok := func(s string) bool {
		names, others := splitNames(s)
		if len(names) != 1 || others || isOneGroup(s) {
			return false
		}
		t := splitName(s)
		if t.Von == "" && von == "" && fam != t.Last {
			return false
		}
		return t.Last == fam && t.Von == von && t.First == giv && t.Jr == jr
	}
	s := build()
	if ok(s) {
		return s
	}
	brace := func(p string) string {
		if p == "" || isOneGroup(p) {
			return p
		}
		return "{" + p + "}"
	}
	fam, jr = brace(fam), brace(jr)
	if strings.Contains(giv, ",") || strings.Contains(strings.ToLower(giv), "and") || giv == "others" {
		giv = brace(giv)
	}
	return build()
}

// genKey makes a Better BibTeX style key, authorYEARtitleword, for an item
// without an ID: the first author's family name, the year and the first
// title word that is not a function word, in lower-case ASCII letters, with
// a letter appended when the key was already generated.
func (e *Encoder) genKey(it bib.Item) string {
	var b strings.Builder
	for _, v := range []string{"author", "editor"} {
		if ns := it.Names[v]; len(ns) > 0 {
			n := ns[0].Family
			if n == "" {
				n = ns[0].Literal
			}
			b.WriteString(keyWord(strings.Fields(n)))
			break
		}
	}
	if d, ok := it.Dates["issued"]; ok && d.From.Year != 0 {
		b.WriteString(strconv.Itoa(d.From.Year))
	}
	var words []string
	for _, w := range strings.Fields(it.Vars["title"]) {
		if !skipWords[strings.ToLower(w)] {
			words = append(words, w)
		}
	}
	b.WriteString(keyWord(words))
	key := b.String()
	if key == "" {
		key = "item"
	}
	base := key
	for i := 0; e.keys[key]; i++ {
		key = base + string(rune('a'+i%26)) + strings.Repeat("a", i/26)
	}
	e.keys[key] = true
	return key
}

var skipWords = map[string]bool{"a": true, "an": true, "the": true, "on": true, "of": true, "in": true, "and": true, "for": true, "to": true}

// keyWord returns the first word that has ASCII letters or digits, lower
// case and without anything else (accents, markup tags).
func keyWord(words []string) string {
	for _, w := range words {
		var b strings.Builder
		inTag := false
		for _, r := range norm.NFD.String(strings.ToLower(w)) {
			switch {
			case r == '<':
				inTag = true
			case r == '>':
				inTag = false
			case !inTag && r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				b.WriteRune(r)
			}
		}
		if b.Len() > 0 {
			return b.String()
		}
	}
	return ""
}

// balanced reports whether braces in s nest properly.
func balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// entryType reports whether "@typ{" starts an entry: a BibTeX name, and
// none of the blocks that are not entries.
func entryType(typ string) bool {
	for i := 0; i < len(typ); i++ {
		if !idChar[typ[i]] {
			return false
		}
	}
	switch strings.ToLower(typ) {
	case "", "comment", "string", "preamble":
		return false
	}
	return true
}

// texEncode is latex.Encode with braces kept balanced: BibTeX counts \{
// and \} as braces too, so a lone escaped brace would end or break the
// value. Such braces are written as \textbraceleft{} and \textbraceright{}.
func texEncode(s string, opts latex.EncodeOptions) string {
	out := latex.Encode(s, opts)
	if opts.Verbatim || balanced(out) {
		return out
	}
	return escapedBraceMacros.Replace(out)
}

var (
	percentBraces      = strings.NewReplacer("{", "%7B", "}", "%7D")
	escapedBraceMacros = strings.NewReplacer(`\{`, `\textbraceleft{}`, `\}`, `\textbraceright{}`)
	braceMacros        = strings.NewReplacer(`{`, `\textbraceleft{}`, `}`, `\textbraceright{}`)
)
