package check

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/diag"
)

// required lists, per entry type, the fields it needs; "a|b" means either.
// BibTeX's standard styles and the BibLaTeX data model agree on these
// (year|date, journal|journaltitle, address|location are the two dialects).
var required = map[string][]string{
	"article":       {"author", "title", "journal|journaltitle", "year|date"},
	"book":          {"author|editor", "title", "year|date"},
	"mvbook":        {"author|editor", "title", "year|date"},
	"booklet":       {"title"},
	"inbook":        {"author|editor", "title", "year|date"},
	"incollection":  {"author", "title", "booktitle", "year|date"},
	"inproceedings": {"author", "title", "booktitle", "year|date"},
	"conference":    {"author", "title", "booktitle", "year|date"},
	"manual":        {"title"},
	"mastersthesis": {"author", "title", "school|institution", "year|date"},
	"phdthesis":     {"author", "title", "school|institution", "year|date"},
	"thesis":        {"author", "title", "type", "school|institution", "year|date"},
	"proceedings":   {"title", "year|date"},
	"techreport":    {"author", "title", "institution", "year|date"},
	"report":        {"author", "title", "type", "institution", "year|date"},
	"unpublished":   {"author", "title", "note"},
	"online":        {"title", "url|doi|eprint"},
	"periodical":    {"title", "year|date"},
	"collection":    {"editor", "title", "year|date"},
}

var knownTypes = func() map[string]bool {
	m := map[string]bool{"xdata": true, "set": true, "comment": true}
	for _, r := range bibtex.EntryTypes {
		m[r.Entry] = true
	}
	for t := range required {
		m[t] = true
	}
	return m
}()

var monthMacros = map[string]bool{"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "oct": true, "nov": true, "dec": true}

func (c *checker) fields() {
	for _, en := range c.list {
		e := en.e
		typ := strings.ToLower(e.Type)
		if !knownTypes[typ] {
			c.report(en.pos, "unknown-type", e.Key, "use a BibTeX or BibLaTeX entry type such as misc", "entry type @%s is not known", e.Type)
		}
		seen := map[string]bool{}
		for _, f := range e.Fields {
			name := strings.ToLower(f.Name)
			pos := en.file.Pos(f.Offset)
			if seen[name] {
				c.report(pos, "duplicate-field", e.Key, "keep one of them (manba tidy removes the later ones)", "field %q appears again; only the first is read", f.Name)
				continue
			}
			seen[name] = true
			if isEmpty(f.Value) {
				c.report(pos, "empty-field", e.Key, "fill it in or remove it (manba tidy removes empty fields)", "field %q is empty", f.Name)
				continue
			}
			for _, p := range f.Value {
				if p.Kind == bibtex.Macro && !c.macros[strings.ToLower(p.Text)] && !monthMacros[strings.ToLower(p.Text)] {
					c.report(en.file.Pos(p.Offset), "undefined-macro", e.Key, "define it with @string or put the value in braces", "macro %q is not defined", p.Text)
				}
			}
			if len(f.Value) == 1 && f.Value[0].Kind != bibtex.Macro {
				c.value(en, name, f.Value[0].Text, en.file.Pos(f.Value[0].Offset))
			}
		}
		c.dates(en)
		for _, need := range required[typ] {
			if !c.has(en, strings.Split(need, "|"), 0) {
				c.report(en.pos, "missing-field", e.Key, fmt.Sprintf("add %s", strings.ReplaceAll(need, "|", " or ")),
					"@%s entry lacks %s", typ, strings.ReplaceAll(need, "|", " or "))
			}
		}
	}
}

func isEmpty(v bibtex.Value) bool {
	for _, p := range v {
		if p.Kind == bibtex.Macro || p.Kind == bibtex.Number || strings.TrimSpace(p.Text) != "" {
			return false
		}
	}
	return true
}

// has reports whether the entry or, through crossref and xdata, its
// targets have one of the fields.
func (c *checker) has(en *entry, fields []string, depth int) bool {
	for _, f := range fields {
		if fl, ok := en.e.Field(f); ok && !isEmpty(fl.Value) {
			return true
		}
	}
	if depth > 8 {
		return false
	}
	for _, ref := range []string{"crossref", "xdata"} {
		fl, ok := en.e.Field(ref)
		if !ok {
			continue
		}
		for _, k := range splitList(text(fl.Value)) {
			if ts := c.entries[strings.ToLower(k)]; len(ts) > 0 && c.has(ts[0], fields, depth+1) {
				return true
			}
		}
	}
	return false
}

var (
	doiRe      = regexp.MustCompile(`^10\.\d{4,9}/\S+$`)
	doiInside  = regexp.MustCompile(`10\.\d{4,9}/\S+$`)
	issnRe     = regexp.MustCompile(`^(\d{4})-?(\d{3}[\dXx])$`)
	pageRange  = regexp.MustCompile(`^\s*(\d+)\s*(?:-+|–|—)\s*(\d+)\s*$`)
	listSep    = regexp.MustCompile(`[,;]\s*|\s+and\s+`)
	latexBrace = strings.NewReplacer("{", "", "}", "", `\_`, "_", `\%`, "%", `\&`, "&", `\#`, "#", `\~{}`, "~", `\~`, "~")
)

// value checks one field's text by what the field holds.
func (c *checker) value(en *entry, name, v string, pos diag.Pos) {
	key := en.e.Key
	v = strings.TrimSpace(v)
	switch name {
	case "isbn":
		for _, isbn := range listSep.Split(latexBrace.Replace(v), -1) {
			if msg := badISBN(isbn); msg != "" {
				c.report(pos, "isbn", key, "copy the ISBN again from the book or a catalogue", "ISBN %q %s", isbn, msg)
			}
		}
	case "issn":
		for _, issn := range listSep.Split(latexBrace.Replace(v), -1) {
			if msg := badISSN(issn); msg != "" {
				c.report(pos, "issn", key, "copy the ISSN again from the journal or the ISSN portal", "ISSN %q %s", issn, msg)
			}
		}
	case "doi":
		d := latexBrace.Replace(v)
		switch {
		case doiRe.MatchString(d):
		case doiInside.MatchString(d):
			c.report(pos, "doi", key, "keep only the "+doiInside.FindString(d)+" part", "DOI %q is written as a URL or with a prefix", d)
		default:
			c.report(pos, "doi", key, "a DOI starts with 10. and a registrant code, then /", "%q is not a DOI", d)
		}
	case "url":
		u := latexBrace.Replace(v)
		if p, err := url.Parse(u); err != nil || p.Scheme == "" || p.Host == "" && p.Scheme != "mailto" && p.Scheme != "file" {
			c.report(pos, "url", key, "write the full address with http:// or https://", "%q is not a complete URL", u)
		}
	case "pages":
		if m := pageRange.FindStringSubmatch(latexBrace.Replace(v)); m != nil {
			from, to := m[1], m[2]
			if len(to) < len(from) {
				// 1234-56 means 1234-1256.
				to = from[:len(from)-len(to)] + to
			}
			a, _ := strconv.Atoi(from)
			b, _ := strconv.Atoi(to)
			if b < a {
				c.report(pos, "pages", key, "swap or correct the page numbers", "page range %q ends before it starts", v)
			}
		}
	}
}

// badISBN says what is wrong with an ISBN, or "".
func badISBN(s string) string {
	var d []int
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			d = append(d, int(r-'0'))
		case (r == 'X' || r == 'x') && len(d) == 9:
			d = append(d, 10)
		case r == '-' || r == ' ':
		default:
			return fmt.Sprintf("holds %q, which is not a digit", r)
		}
	}
	sum := 0
	switch len(d) {
	case 10:
		for i, v := range d {
			sum += v * (10 - i)
		}
		if sum%11 != 0 {
			want := (11 - (sum-d[9])%11) % 11
			return "has a wrong check digit (want " + strings.Replace(strconv.Itoa(want), "10", "X", 1) + ")"
		}
	case 13:
		for i, v := range d {
			sum += v * (1 + 2*(i%2))
		}
		if sum%10 != 0 {
			want := (10 - (sum-d[12])%10) % 10
			return fmt.Sprintf("has a wrong check digit (want %d)", want)
		}
	default:
		return fmt.Sprintf("has %d digits, not 10 or 13", len(d))
	}
	return ""
}

// badISSN says what is wrong with an ISSN, or "".
func badISSN(s string) string {
	m := issnRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "is not of the form NNNN-NNNC"
	}
	digits := m[1] + m[2]
	sum := 0
	for i := 0; i < 7; i++ {
		sum += int(digits[i]-'0') * (8 - i)
	}
	want := (11 - sum%11) % 11
	wantC := strconv.Itoa(want)
	if want == 10 {
		wantC = "X"
	}
	if !strings.EqualFold(digits[7:], wantC) {
		return "has a wrong check digit (want " + wantC + ")"
	}
	return ""
}

// dates checks year, month, day and date together.
func (c *checker) dates(en *entry) {
	e, key := en.e, en.e.Key
	field := func(name string) (string, diag.Pos, bool) {
		f, ok := e.Field(name)
		if !ok || len(f.Value) != 1 || isEmpty(f.Value) {
			return "", diag.Pos{}, false
		}
		p := f.Value[0]
		if p.Kind == bibtex.Macro {
			return strings.ToLower(p.Text), en.file.Pos(p.Offset), true
		}
		return strings.TrimSpace(latexBrace.Replace(p.Text)), en.file.Pos(p.Offset), true
	}
	year, ypos, hasYear := field("year")
	y := 0
	if hasYear {
		var err error
		if y, err = strconv.Atoi(year); err != nil && !undated[strings.ToLower(year)] {
			c.report(ypos, "date", key, "write the year in digits; put a literal date in date or note", "year %q is not a number", year)
		}
	}
	month, mpos, hasMonth := field("month")
	m := 0
	if hasMonth {
		if m = monthNumber(month); m == 0 {
			c.report(mpos, "date", key, "use jan..dec or 1-12", "month %q is not a month", month)
		}
	}
	if day, dpos, ok := field("day"); ok {
		d, err := strconv.Atoi(day)
		if err != nil || d < 1 || d > daysIn(m, y) {
			c.report(dpos, "date", key, "correct the day", "day %q cannot be in %s", day, monthName(m))
		}
	}
	if date, dpos, ok := field("date"); ok {
		dt, valid := bib.ParseISODate(date)
		switch {
		case !valid:
			c.report(dpos, "date", key, "write YYYY, YYYY-MM, YYYY-MM-DD or a range A/B", "date %q is not an ISO 8601 date", date)
		case !possible(dt.From) || !dt.To.IsZero() && !possible(dt.To):
			c.report(dpos, "date", key, "correct the month or day", "date %q cannot be", date)
		case !dt.To.IsZero() && less(dt.To, dt.From):
			c.report(dpos, "date", key, "swap the two ends of the range", "date range %q ends before it starts", date)
		}
	}
}

// undated are year values that say there is no year yet.
var undated = map[string]bool{"n.d.": true, "nd": true, "forthcoming": true, "in press": true, "inpress": true, "submitted": true}

// monthNumber reads jan..dec, English month names and abbreviations, and
// 1-12; 0 for anything else.
func monthNumber(s string) int {
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	for i, full := range fullMonths {
		if full = strings.ToLower(full); s == full || s == full[:3] || s == "sept" && i == 8 {
			return i + 1
		}
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 12 {
		return n
	}
	return 0
}

var fullMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func monthName(m int) string {
	if m < 1 || m > 12 {
		return "any month"
	}
	return fullMonths[m-1]
}

// daysIn is the number of days of month m (1-12; 0: any month) of year y
// (Gregorian leap years; a year of 0 or one that may be Solar Hijri is
// given the benefit of the doubt for 29 February).
func daysIn(m, y int) int {
	switch m {
	case 0:
		return 31
	case 2:
		if y == 0 || y%4 == 0 && (y%100 != 0 || y%400 == 0) || y < 1600 {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func possible(p bib.DateParts) bool {
	if p.Month < 0 || p.Month > 12 || p.Day < 0 {
		return false
	}
	return p.Day == 0 || p.Day <= daysIn(p.Month, p.Year)
}

func less(a, b bib.DateParts) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}
