package ris

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/manba/manba/pkg/bib"
)

// extraPrefix marks the keys of Item.Extra that hold RIS tags: unknown tags,
// the original TY where it differs from the canonical one, and second values
// of tags that map to a single CSL variable.
const extraPrefix = "ris:"

// build turns the lines of one record (TY first) into an item.
//
// Tag to CSL variable, as Zotero reads them where the specification is
// vague (see types.go for TY):
//
//	ID          item id (generated from author and year when absent)
//	TI T1 CT    title               ST        title-short
//	T2          container-title; collection-title (the series) for books,
//	            reports, maps and software
//	JF          container-title     JA J1 J2  container-title-short
//	JO          container-title when neither T2 nor JF gives it, else
//	            container-title-short
//	T3          collection-title    BT        title (books) or container-title
//	AU A1       author              A4        translator
//	A2 ED       editor; A2 is collection-editor for books
//	A3          collection-editor; editor for books
//	PY Y1 DA    issued (DA wins; "YYYY/MM/DD/other", ISO and EDTF forms)
//	Y2          accessed
//	SP EP       page; a lone SP is number-of-pages for books, theses,
//	            manuscripts and reports
//	VL IS NV ET SE   volume, issue, number-of-volumes, edition, section
//	PB CY PP    publisher, publisher-place
//	SN          ISSN or ISBN by form; number for reports and patents
//	M1          number              M3        genre (a DOI there goes to DOI)
//	DO UR       DOI, URL            AB N2     abstract
//	N1          note                KW        keyword (joined with ", ")
//	LA AN CN DB DP  language, archive_location, call-number, archive, source
//
// Any other tag, and every further value of a single-valued tag (even a
// repeat), is kept in Extra["ris:XX"] (several values joined by newlines)
// and written back.
func (d *Decoder) build(rec []tagLine) bib.Item {
	d.n++
	d.itemPos = rec[0].pos
	var it bib.Item
	ty := strings.ToUpper(strings.TrimSpace(rec[0].value))
	csl, ok := risToCSL[ty]
	switch {
	case ty == "":
		d.diags.Warnf(rec[0].pos, "empty TY; read as GEN")
		csl = "document"
	case !ok:
		d.diags.Warnf(rec[0].pos, "unknown RIS type %q; read as a document and kept", ty)
		csl = "document"
		it.SetExtra(extraPrefix+"TY", ty)
	case cslToRIS[csl] != ty:
		it.SetExtra(extraPrefix+"TY", ty)
	}
	it.Type = csl
	book := bookLike(csl)

	var pys, das []tagLine
	var jos []tagLine
	var sp, ep *tagLine
	var keywords []string
	// A variable takes the first value; every further one is kept, even a
	// repeat, so that reading what the Encoder wrote gives the same item.
	set := func(v string, tl tagLine) {
		if it.Get(v) == "" {
			it.Set(v, tl.value)
		} else {
			addExtra(&it, tl.tag, tl.value)
		}
	}
	for i := 1; i < len(rec); i++ {
		tl := rec[i]
		if tl.value == "" {
			continue
		}
		switch tl.tag {
		case "ID":
			if it.ID == "" {
				it.ID = tl.value
			} else {
				addExtra(&it, tl.tag, tl.value)
			}
		case "TI", "T1", "CT":
			set("title", tl)
		case "BT":
			if book {
				set("title", tl)
			} else {
				set("container-title", tl)
			}
		case "T2":
			if seriesInT2(csl) {
				set("collection-title", tl)
			} else {
				set("container-title", tl)
			}
		case "JF":
			set("container-title", tl)
		case "T3":
			set("collection-title", tl)
		case "ST":
			set("title-short", tl)
		case "JO":
			jos = append(jos, tl)
		case "JA", "J1", "J2":
			set("container-title-short", tl)
		case "AU", "A1":
			addName(&it, "author", tl.value)
		case "A2":
			addName(&it, pick(book, "collection-editor", "editor"), tl.value)
		case "ED":
			addName(&it, "editor", tl.value)
		case "A3":
			addName(&it, pick(book, "editor", "collection-editor"), tl.value)
		case "A4":
			addName(&it, "translator", tl.value)
		case "PY", "Y1":
			pys = append(pys, tl)
		case "DA":
			das = append(das, tl)
		case "Y2":
			if _, ok := it.Dates["accessed"]; ok {
				addExtra(&it, tl.tag, tl.value)
			} else {
				it.SetDate("accessed", parseDate(tl.value))
			}
		case "SP":
			if sp == nil {
				sp = &rec[i]
			} else {
				addExtra(&it, tl.tag, tl.value)
			}
		case "EP":
			if ep == nil {
				ep = &rec[i]
			} else {
				addExtra(&it, tl.tag, tl.value)
			}
		case "VL":
			set("volume", tl)
		case "IS":
			set("issue", tl)
		case "NV":
			set("number-of-volumes", tl)
		case "ET":
			set("edition", tl)
		case "SE":
			set("section", tl)
		case "PB":
			set("publisher", tl)
		case "CY", "PP":
			set("publisher-place", tl)
		case "SN":
			kind, sure := snKind(tl.value, csl)
			if !sure {
				d.diags.Warnf(tl.pos, "SN %q is not a valid ISSN or ISBN; read as the %s of a %s", tl.value, kind, csl)
			}
			set(kind, tl)
		case "M1":
			set("number", tl)
		case "M3":
			if doiRE.MatchString(tl.value) && it.Get("DOI") == "" {
				it.Set("DOI", doiRE.FindString(tl.value))
			} else {
				set("genre", tl)
			}
		case "DO":
			set("DOI", tl)
		case "UR":
			set("URL", tl)
		case "AB", "N2":
			set("abstract", tl)
		case "N1":
			if old := it.Get("note"); old != "" {
				it.Set("note", old+"\n\n"+tl.value)
			} else {
				it.Set("note", tl.value)
			}
		case "KW":
			keywords = append(keywords, tl.value)
		case "LA":
			set("language", tl)
		case "AN":
			set("archive_location", tl)
		case "CN":
			set("call-number", tl)
		case "DB":
			set("archive", tl)
		case "DP":
			set("source", tl)
		default:
			addExtra(&it, tl.tag, tl.value)
		}
	}
	if len(keywords) > 0 {
		it.Set("keyword", strings.Join(keywords, ", "))
	}
	for _, jo := range jos {
		// JO names the journal when nothing else does (PubMed and EndNote
		// write it so); next to T2 or JF it is the abbreviation.
		switch {
		case it.Get("container-title") == "":
			it.Set("container-title", jo.value)
		case it.Get("container-title-short") == "":
			it.Set("container-title-short", jo.value)
		default:
			addExtra(&it, "JO", jo.value)
		}
	}
	d.setPages(&it, sp, ep)
	d.setIssued(&it, pys, das)
	d.tagsToForms(&it, rec[0].pos)
	if it.ID == "" {
		it.ID = d.generateID(&it)
	}
	d.used[it.ID] = true
	return it
}

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

var (
	doiRE  = regexp.MustCompile(`10\.\d{4,9}/\S+`)
	timeRE = regexp.MustCompile(`^\d{1,2}:\d{2}(:\d{2})?$`)
)

// addExtra keeps a value of tag for writing back; repeated values are
// joined by newlines and written as one line each.
func addExtra(it *bib.Item, tag, value string) {
	k := extraPrefix + tag
	if old := it.Extra[k]; old != "" {
		value = old + "\n" + value
	}
	it.SetExtra(k, value)
}

// addName parses "Family, Given, Suffix"; a name without a comma is kept
// whole, as RIS writes institutions ("Human Rights Watch").
func addName(it *bib.Item, v, s string) {
	n := bib.Name{Original: s}
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch len(parts) {
	case 1:
		n.Literal = parts[0]
	case 2:
		n.Family, n.Given = parts[0], parts[1]
	default:
		n.Family, n.Given, n.Suffix = parts[0], parts[1], strings.Join(parts[2:], ", ")
	}
	if n.IsZero() {
		return
	}
	it.SetNames(v, append(it.Names[v], n))
}

func (d *Decoder) setPages(it *bib.Item, sp, ep *tagLine) {
	switch {
	case sp != nil && ep != nil:
		if sp.value == ep.value {
			it.Set("page", sp.value)
		} else {
			it.Set("page", sp.value+"-"+ep.value)
		}
	case sp != nil && pagesAreCount(it.Type) && !strings.ContainsAny(sp.value, "-–"):
		it.Set("number-of-pages", sp.value)
	case sp != nil:
		it.Set("page", sp.value)
	case ep != nil:
		d.diags.Warnf(ep.pos, "EP without SP; kept as the page")
		it.Set("page", ep.value)
	}
}

// setIssued takes the date from the first DA that is a date, else the
// first PY that is one, else the text of the first DA or PY. Every other
// value is kept for writing back, except one PY that only repeats the year.
func (d *Decoder) setIssued(it *bib.Item, pys, das []tagLine) {
	if len(pys)+len(das) == 0 {
		return
	}
	all := append(append([]tagLine(nil), das...), pys...)
	dates := make([]bib.Date, len(all))
	chosen := -1
	for i, tl := range all {
		dates[i] = parseDate(tl.value)
		if chosen < 0 && !dates[i].From.IsZero() {
			chosen = i
		}
	}
	if chosen < 0 {
		chosen = 0
	}
	date := dates[chosen]
	// The Encoder writes the year in PY beside the date in DA; one PY
	// that only repeats the year is that, and is not kept.
	yearOnly := bib.Date{From: bib.DateParts{Year: date.From.Year}}
	repeatDropped := chosen >= len(das)
	for i, tl := range all {
		if i == chosen {
			continue
		}
		if !repeatDropped && tl.tag != "DA" && dates[i] == yearOnly {
			repeatDropped = true
			continue
		}
		addExtra(it, tl.tag, tl.value)
	}
	it.SetDate("issued", date)
}

var seasons = map[string]string{"spring": "1", "summer": "2", "autumn": "3", "fall": "3", "winter": "4"}

// parseDate reads the RIS form "YYYY/MM/DD/other" (any part may be empty;
// "other" may name a season), ISO 8601 and EDTF ("2005-05-19", "1989/1991",
// "2003~"); anything else is kept as a literal date.
func parseDate(s string) bib.Date {
	s = strings.TrimSpace(s)
	if d, ok := parseRISDate(s); ok && !d.From.IsZero() {
		return d
	}
	if d, ok := bib.ParseISODate(s); ok && !d.From.IsZero() {
		return d
	}
	// Year 0 does not survive CSL's date-parts, so "0" stays text too.
	return bib.Date{Literal: s}
}

func parseRISDate(s string) (bib.Date, bool) {
	parts := strings.Split(s, "/")
	if len(parts) > 4 {
		return bib.Date{}, false
	}
	for len(parts) < 4 {
		parts = append(parts, "")
	}
	num := func(p string, lo, hi int) (int, bool) {
		if p == "" {
			return 0, true
		}
		if len(p) > 4 {
			return 0, false
		}
		n, err := strconv.Atoi(p)
		return n, err == nil && n >= lo && n <= hi
	}
	if parts[0] == "" || strings.HasPrefix(parts[0], "+") {
		return bib.Date{}, false
	}
	// Month and day have at most two digits, so that an EDTF year range
	// such as "0001/0012" is not taken for a year and a month.
	y, ok1 := num(strings.TrimPrefix(parts[0], "-"), 0, 9999)
	m, ok2 := num(parts[1], 1, 12)
	day, ok3 := num(parts[2], 1, 31)
	ok2 = ok2 && len(parts[1]) <= 2
	ok3 = ok3 && len(parts[2]) <= 2
	if !ok1 || !ok2 || !ok3 || (m == 0 && day != 0) {
		return bib.Date{}, false
	}
	if strings.HasPrefix(parts[0], "-") {
		y = -y
	}
	d := bib.Date{From: bib.DateParts{Year: y, Month: m, Day: day}}
	if other := strings.TrimSpace(parts[3]); other != "" && !timeRE.MatchString(other) {
		// Zotero writes the time of access here; CSL dates have no time.
		season, ok := seasons[strings.ToLower(other)]
		if !ok {
			return bib.Date{}, false
		}
		d.Season = season
	}
	return d, true
}

// generateID makes an id from the first creator's family name and the
// year, folded to ASCII letters ("rajavi1989"), unique in this input.
func (d *Decoder) generateID(it *bib.Item) string {
	var who string
	for _, v := range []string{"author", "editor", "collection-editor", "translator"} {
		if ns := it.Names[v]; len(ns) > 0 {
			who = ns[0].Family
			if who == "" {
				who = strings.Fields(ns[0].Literal + " x")[0]
			}
			break
		}
	}
	if who == "" {
		who = strings.Fields(it.Get("title") + " item")[0]
	}
	who = romanKeyWord(it, who) // رجوی -> Rajavi
	var b strings.Builder
	for _, r := range norm.NFD.String(who) {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	if b.Len() == 0 {
		b.WriteString("item")
	}
	if y := it.Dates["issued"].Year(); y != 0 { // Gregorian, as citekey: 1380 SH -> 2001
		b.WriteString(strconv.Itoa(y))
	}
	base := b.String()
	id := base
	// Start after the suffixes this base already used, so that many
	// anonymous records of one year do not cost quadratic time.
	for d.used[id] {
		id = base + suffix(d.suffixes[base])
		d.suffixes[base]++
	}
	return id
}

// suffix returns a, b, …, z, aa, ab, … for i = 0, 1, ….
func suffix(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i = i/26 - 1
		if i < 0 {
			return s
		}
	}
}
