package bibtex

import (
	"strconv"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// validate warns about what an entry holds that cannot be right, with the
// position of the field that holds it: an empty key, a date that does not
// exist (2005-02-30), a month or day field that is not one (month = 13).
// The values are kept as they were read.
func (d *Decoder) validate(it *bib.Item, e *rawEntry) {
	if strings.TrimSpace(e.key) == "" {
		d.warnf(e.pos, "entry @%s has an empty key", e.typ)
	}
	if len(it.Dates) == 1 {
		for v, dt := range it.Dates { // the usual one date: no sorting
			d.validateDate(e, v, dt)
		}
	} else {
		for _, v := range bib.SortedKeys(it.Dates) {
			d.validateDate(e, v, it.Dates[v])
		}
	}
	// A month written as text (Spring) is kept without a word; a number
	// that is no month is a mistake.
	if raw, ok := it.Extra["month"]; ok && outOfRange(raw, 12) {
		if f := fieldNamed(e, "month"); f != nil {
			d.warnf(f.pos, "entry %q: month = %q is not a month (kept as written)", e.key, raw)
		}
	}
	if raw, ok := it.Extra["day"]; ok && outOfRange(raw, 31) {
		if f := fieldNamed(e, "day"); f != nil {
			d.warnf(f.pos, "entry %q: day = %q is not a day (kept as written)", e.key, raw)
		}
	}
}

// validateDate warns about a date that does not exist or a literal that
// looks like a date but is not one.
func (d *Decoder) validateDate(e *rawEntry, v string, dt bib.Date) {
	// The field is looked up only for a warning: this runs per item.
	for _, p := range [2]bib.DateParts{dt.From, dt.To} {
		if msg := impossible(p); msg != "" {
			f := dateField(e, v)
			d.warnf(f.pos, "entry %q: %s %s in %s", e.key, msg, p, f.name)
		}
	}
	if dt.Literal != "" && isoLike(dt.Literal) {
		f := dateField(e, v)
		d.warnf(f.pos, "entry %q: %s = %q is not a date (kept as text)", e.key, f.name, dt.Literal)
	}
}

// outOfRange reports whether s is a number outside 1..max.
func outOfRange(s string, max int) bool {
	n, err := strconv.Atoi(strings.Trim(s, "{} "))
	return err == nil && (n < 1 || n > max)
}

// impossible says what is wrong with date parts, or "".
func impossible(p bib.DateParts) string {
	switch {
	case p.Month < 0 || p.Month > 12:
		return "month out of range:"
	case p.Day < 0 || p.Day > daysIn(p.Year, p.Month):
		return "no such day:"
	}
	return ""
}

func daysIn(year, month int) int {
	switch month {
	case 0:
		return 31
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// isoLike reports whether a literal date looks like an ISO date that did
// not parse (2005-13-01), rather than text such as "Spring 2005".
func isoLike(s string) bool {
	if len(s) < 7 || len(s) > 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return s[4] == '-'
}

// dateField returns the field a date variable came from, for positions.
func dateField(e *rawEntry, v string) rawField {
	for _, n := range append(dateSources[v], v) {
		if f := fieldNamed(e, n); f != nil {
			return *f
		}
	}
	return rawField{name: v, pos: e.pos}
}

// dateSources are the BibTeX fields a date variable is read from.
var dateSources = map[string][]string{"issued": {"date", "year"}, "accessed": {"urldate"}, "event-date": {"eventdate"},
	"original-date": {"origdate"}}

func fieldNamed(e *rawEntry, name string) *rawField {
	for i := range e.fields {
		if e.fields[i].name == name {
			return &e.fields[i]
		}
	}
	return nil
}
