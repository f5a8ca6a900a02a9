package ris

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// EncodeOptions control the output.
type EncodeOptions struct {
	// CRLF ends lines with CR LF, as the RIS specification and EndNote on
	// Windows expect; the default is LF, which every reader accepts.
	CRLF bool
	// MaxDiagnosticsPerKind bounds the warnings of one kind that
	// Diagnostics lists (default 100, negative for no limit); the rest are
	// counted in one "N more like this" warning, so that memory does not
	// grow with the number of items written.
	MaxDiagnosticsPerKind int
}

// DefaultMaxDiagnosticsPerKind is the default of
// EncodeOptions.MaxDiagnosticsPerKind.
const DefaultMaxDiagnosticsPerKind = 100

// Encoder writes items as RIS records.
type Encoder struct {
	w      io.Writer
	eol    string
	buf    []byte
	err    error
	closed bool
	diags  diag.Capped
}

// NewEncoder returns an encoder writing to w.
func NewEncoder(w io.Writer, opts EncodeOptions) *Encoder {
	e := &Encoder{w: w, eol: "\n", diags: diag.Capped{Max: opts.MaxDiagnosticsPerKind}}
	switch {
	case opts.MaxDiagnosticsPerKind == 0:
		e.diags.Max = DefaultMaxDiagnosticsPerKind
	case opts.MaxDiagnosticsPerKind < 0:
		e.diags.Max = math.MaxInt
	}
	if opts.CRLF {
		e.eol = "\r\n"
	}
	return e
}

var errClosed = errors.New("ris: Encode after Close")

// mappedVars are the variables the Encoder writes under a tag of their own
// (see build for the table); any other variable is reported as dropped.
var mappedVars = map[string]bool{
	"title": true, "title-short": true, "container-title": true, "collection-title": true,
	"container-title-short": true, "journalAbbreviation": true, "volume": true, "issue": true,
	"page": true, "number-of-volumes": true, "edition": true,
	"section": true, "publisher": true, "publisher-place": true, "ISBN": true, "ISSN": true,
	"number": true, "genre": true, "DOI": true, "URL": true, "abstract": true, "note": true,
	"keyword": true, "language": true, "archive_location": true, "call-number": true,
	"archive": true, "source": true,
}

// Encode writes one item as a record. What RIS has no tag for is reported
// in Diagnostics.
func (e *Encoder) Encode(it bib.Item) error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	e.buf = e.buf[:0]
	it = formsToTags(it)
	var dropped []string
	warn := func(format string, args ...any) {
		e.diags.Report(diag.Pos{}, diag.Warning, format, fmt.Sprintf("item %q: %s", it.ID, fmt.Sprintf(format, args...)))
	}

	ty := cslToRIS[it.Type]
	orig := strings.ToUpper(risExtra(it, "TY"))
	if orig != "" && (risToCSL[orig] == it.Type || risToCSL[orig] == "" && it.Type == "document") {
		ty = orig
	}
	switch {
	case ty == "":
		ty = "GEN"
		warn("type %q has no RIS type; written as GEN", it.Type)
	case risToCSL[ty] != it.Type && orig == "":
		warn("RIS has no type for %q; written as %s, which reads back as %q", it.Type, ty, risToCSL[ty])
	}
	e.tag("TY", ty)
	e.tag("ID", it.ID)

	book := bookLike(it.Type)
	v := it.Vars
	e.tag("TI", v["title"])
	if seriesInT2(it.Type) {
		e.tag("T2", v["collection-title"])
		if v["container-title"] != "" {
			dropped = append(dropped, "container-title")
		}
	} else {
		e.tag("T2", v["container-title"])
		e.tag("T3", v["collection-title"])
	}
	e.tag("ST", v["title-short"])
	switch short := v["container-title-short"]; {
	case short != "":
		e.tag("J2", short)
		if j := v["journalAbbreviation"]; j != "" && j != short {
			dropped = append(dropped, "journalAbbreviation")
		}
	default:
		e.tag("J2", v["journalAbbreviation"])
	}

	e.names("AU", it.Names["author"], warn)
	e.names(pick(book, "A3", "A2"), it.Names["editor"], warn)
	e.names(pick(book, "A2", "A3"), it.Names["collection-editor"], warn)
	e.names("A4", it.Names["translator"], warn)
	for _, k := range bib.SortedKeys(it.Names) {
		switch k {
		case "author", "editor", "collection-editor", "translator":
		default:
			dropped = append(dropped, k)
		}
	}

	if d, ok := it.Dates["issued"]; ok {
		if d.From.Year != 0 {
			e.tag("PY", strconv.Itoa(d.From.Year))
		}
		if !(d.From.Month == 0 && d.Season == "" && !d.IsRange() && !d.OpenEnd && !d.Circa && d.Literal == "" && d.Raw == "") {
			e.tag("DA", formatDate(d))
		}
	}
	if d, ok := it.Dates["accessed"]; ok {
		e.tag("Y2", formatDate(d))
	}
	for _, k := range bib.SortedKeys(it.Dates) {
		if k != "issued" && k != "accessed" {
			dropped = append(dropped, k)
		}
	}

	if !e.pages(it) {
		dropped = append(dropped, "number-of-pages")
	}
	e.tag("VL", v["volume"])
	e.tag("IS", v["issue"])
	e.tag("NV", v["number-of-volumes"])
	e.tag("ET", v["edition"])
	e.tag("SE", v["section"])
	e.tag("PB", v["publisher"])
	e.tag("CY", v["publisher-place"])
	e.tag("SN", v["ISBN"])
	e.tag("SN", v["ISSN"])
	if numberInSN(it.Type) {
		e.tag("SN", v["number"])
	} else {
		e.tag("M1", v["number"])
	}
	e.tag("M3", v["genre"])
	e.tag("DO", v["DOI"])
	e.tag("UR", v["URL"])
	e.tag("AN", v["archive_location"])
	e.tag("CN", v["call-number"])
	e.tag("DB", v["archive"])
	e.tag("DP", v["source"])
	e.tag("LA", v["language"])
	for _, k := range splitKeywords(v["keyword"]) {
		e.tag("KW", k)
	}
	e.tag("AB", v["abstract"])
	e.tag("N1", v["note"])
	for _, k := range bib.SortedKeys(v) {
		if !mappedVars[k] && k != "number-of-pages" {
			dropped = append(dropped, k)
		}
	}

	for _, k := range bib.SortedKeys(it.Extra) {
		tag, ok := cutRISPrefix(k)
		switch {
		case ok && tag == "TY":
		case ok && len(tag) == 2 && isUpper(tag[0]) && (isUpper(tag[1]) || isDigit(tag[1])):
			e.repeated(tag, it.Extra[k])
		case strings.HasPrefix(k, "@"):
			// How another format spelled the item; nothing to say in RIS.
		default:
			dropped = append(dropped, k)
		}
	}
	if len(it.Custom) > 0 {
		dropped = append(dropped, bib.SortedKeys(it.Custom)...)
	}
	if len(dropped) > 0 {
		warn("RIS has no tag for %s; not written", strings.Join(dropped, ", "))
	}
	e.buf = append(e.buf, "ER  - "...)
	e.buf = append(e.buf, e.eol...)
	e.buf = append(e.buf, e.eol...)
	_, e.err = e.w.Write(e.buf)
	return e.err
}

// tag appends a tag line unless value is empty. Lines after the first of a
// multi-line value follow without a tag, as RIS readers expect.
func (e *Encoder) tag(tag, value string) {
	if value == "" {
		return
	}
	e.buf = append(e.buf, tag...)
	e.buf = append(e.buf, "  - "...)
	value = stripNocase(value)
	if !strings.Contains(value, "\n") {
		e.buf = append(e.buf, value...)
		e.buf = append(e.buf, e.eol...)
		return
	}
	value = strings.ReplaceAll(value, "\r\n", "\n")
	for i, line := range strings.Split(value, "\n") {
		if i > 0 {
			e.buf = append(e.buf, e.eol...)
			line = continuation(line)
		}
		e.buf = append(e.buf, line...)
	}
	e.buf = append(e.buf, e.eol...)
}

// continuation returns a line that follows a tag line without a tag of its
// own. One that would read as a tag line ("ER  -" inside an abstract) is
// indented: the Decoder drops the indentation of continuation lines, and
// every reader takes an indented line for text.
func continuation(line string) string {
	if _, ok := parseTagLine(line, diag.Pos{}); ok {
		return "  " + line
	}
	return line
}

// cutRISPrefix returns the tag of an Extra key that keeps a RIS tag. The
// prefix and tag may come lower-cased from a trip through BibTeX, whose
// field names are case-insensitive.
func cutRISPrefix(k string) (string, bool) {
	if len(k) != len(extraPrefix)+2 || !strings.EqualFold(k[:len(extraPrefix)], extraPrefix) {
		return "", false
	}
	return strings.ToUpper(k[len(extraPrefix):]), true
}

// risExtra returns the kept value of a RIS tag, however its key is cased.
func risExtra(it bib.Item, tag string) string {
	if v, ok := it.Extra[extraPrefix+tag]; ok {
		return v
	}
	return it.Extra[extraPrefix+strings.ToLower(tag)]
}

// splitKeywords splits the keyword variable at ", ", the separator the
// Decoder joins KW lines with (and BibTeX's keywords use), unless that
// would not read back the same.
func splitKeywords(kw string) []string {
	if kw == "" {
		return nil
	}
	parts := strings.Split(kw, ", ")
	for _, p := range parts {
		if p == "" || p != strings.TrimSpace(p) || strings.Contains(p, "\n") {
			return []string{kw}
		}
	}
	return parts
}

// repeated writes the values of a tag that the Decoder joined with
// newlines, one tag line each. A blank line stood inside one value (a
// paragraph break), so the text after it continues that value.
func (e *Encoder) repeated(tag, joined string) {
	blanks := 0
	for _, line := range strings.Split(joined, "\n") {
		switch {
		case line == "":
			blanks++
			continue
		case blanks > 0:
			for ; blanks > 0; blanks-- {
				e.buf = append(e.buf, e.eol...)
			}
			e.buf = append(e.buf, continuation(line)...)
			e.buf = append(e.buf, e.eol...)
		default:
			e.tag(tag, line)
		}
	}
}

const nocaseOpen = `<span class="nocase">`

// stripNocase removes CSL case-protection spans, which mean nothing in RIS
// and would show as text in EndNote; other markup (<i>, <sup>) stays, as
// Zotero writes it.
func stripNocase(s string) string {
	if !strings.Contains(s, nocaseOpen) {
		return s
	}
	var b strings.Builder
	var stack []bool // for each open span: is it a nocase span?
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, nocaseOpen):
			stack = append(stack, true)
			s = s[len(nocaseOpen):]
		case strings.HasPrefix(s, "<span"):
			stack = append(stack, false)
			b.WriteString("<span")
			s = s[len("<span"):]
		case strings.HasPrefix(s, "</span>"):
			if len(stack) == 0 || !stack[len(stack)-1] {
				b.WriteString("</span>")
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			s = s[len("</span>"):]
		default:
			b.WriteByte(s[0])
			s = s[1:]
		}
	}
	return b.String()
}

func (e *Encoder) names(tag string, names []bib.Name, warn func(string, ...any)) {
	for _, n := range names {
		var s string
		switch {
		case n.IsLiteral():
			s = n.Literal
			if strings.Contains(s, ",") {
				warn("the name %q has a comma; RIS readers will split it into family and given names", s)
			}
		default:
			// "Family," even without a given name, so that the name does
			// not read back as a literal.
			s = n.FamilyFull() + ","
			if n.Given != "" || n.Suffix != "" {
				s += " " + n.Given
			}
			if n.Suffix != "" {
				s += ", " + n.Suffix
			}
		}
		e.tag(tag, s)
	}
}

// pages writes SP and EP. A simple range "12-20" or "12–20" splits; anything else goes
// whole into SP. For books and theses a lone SP means the number of pages,
// so a single page there is written as SP and EP alike. It reports false
// when the number of pages had no place.
func (e *Encoder) pages(it bib.Item) bool {
	page := it.Get("page")
	sp, ep, ok := strings.Cut(page, "-")
	if !ok {
		sp, ep, ok = strings.Cut(page, "–") // an en dash, as BibTeX's -- reads
	}
	if ok && sp != "" && ep != "" && sp != ep && !strings.ContainsAny(sp+ep, "-–,;& ") {
		e.tag("SP", sp)
		e.tag("EP", ep)
	} else if page != "" && pagesAreCount(it.Type) && !strings.ContainsAny(page, "-–") {
		e.tag("SP", page)
		e.tag("EP", page)
	} else {
		e.tag("SP", page)
		if risExtra(it, "EP") != "" {
			// The kept EP lines follow; without an EP of the page's own the
			// first of them would be read back as the end of the range.
			e.tag("EP", page)
		}
	}
	n := it.Get("number-of-pages")
	if n != "" && page == "" && pagesAreCount(it.Type) {
		e.tag("SP", n)
		return true
	}
	return n == ""
}

// formatDate writes the RIS form "YYYY/MM/DD" ("YYYY/MM//Spring" with a
// season) for a plain date, EDTF for ranges and approximate dates, and a
// literal as it is.
func formatDate(d bib.Date) string {
	switch {
	case d.From.IsZero():
		if d.Literal != "" {
			return d.Literal
		}
		return d.Raw
	case d.IsRange() || d.OpenEnd || d.Circa:
		return d.String()
	}
	s := strconv.Itoa(d.From.Year)
	if d.From.Month > 0 {
		s += "/" + twoDigits(d.From.Month)
		if d.From.Day > 0 {
			s += "/" + twoDigits(d.From.Day)
		}
	}
	if d.Season != "" {
		for len(strings.Split(s, "/")) < 3 {
			s += "/"
		}
		s += "/" + seasonName(d.Season)
	}
	return s
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func seasonName(s string) string {
	switch s {
	case "1":
		return "Spring"
	case "2":
		return "Summer"
	case "3":
		return "Autumn"
	case "4":
		return "Winter"
	}
	return s
}

// Close finishes the output; RIS has no closing, so it only reports an
// earlier write error. It does not close the underlying writer.
func (e *Encoder) Close() error {
	e.closed = true
	return e.err
}

// Diagnostics returns the warnings about items written so far: what RIS
// could not hold.
func (e *Encoder) Diagnostics() diag.List { return e.diags.List() }

// Encode writes items as RIS.
func Encode(w io.Writer, items []bib.Item, opts EncodeOptions) (diag.List, error) {
	e := NewEncoder(w, opts)
	for _, it := range items {
		if err := e.Encode(it); err != nil {
			return e.Diagnostics(), err
		}
	}
	return e.Diagnostics(), e.Close()
}
