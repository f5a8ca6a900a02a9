package bib

import (
	"fmt"
	"strconv"
	"strings"
)

// DateParts is one point of a date. A zero Month or Day means the part is
// absent (a year-only or year-month date). Year may be negative (BC).
type DateParts struct {
	Year, Month, Day int
}

// IsZero reports whether no part is set.
func (p DateParts) IsZero() bool { return p == DateParts{} }

// String returns the ISO 8601 form: "2005", "2005-05" or "2005-05-19".
func (p DateParts) String() string {
	var b strings.Builder
	if p.Year < 0 {
		fmt.Fprintf(&b, "-%04d", -p.Year)
	} else {
		fmt.Fprintf(&b, "%04d", p.Year)
	}
	if p.Month > 0 {
		fmt.Fprintf(&b, "-%02d", p.Month)
		if p.Day > 0 {
			fmt.Fprintf(&b, "-%02d", p.Day)
		}
	}
	return b.String()
}

// Date is a CSL date: a point or a range of DateParts, or a literal text
// that could not be parsed ("Spring 2003", "n.d.").
type Date struct {
	From DateParts
	To   DateParts // zero unless the date is a range
	// OpenEnd marks a range whose end is open ("1987–"): CSL-JSON
	// date-parts [[1987],[0]], EDTF "1987/..".
	OpenEnd bool
	Season  string // "1"–"4" (spring to winter) or a season name
	Circa   bool
	Literal string
	// Raw is an unparsed date string given by the source (CSL-JSON "raw").
	Raw string
	// Calendar names the calendar the source wrote the date in when it is
	// not the Gregorian one ("solar-hijri", "lunar-hijri", see package
	// calendar); From and To then hold the Gregorian equivalent, and
	// Original the text as written ("۱۳۸۰", "15 Khordad 1380").
	Calendar string
	Original string
}

// IsZero reports whether the date carries nothing.
func (d Date) IsZero() bool {
	return d.From.IsZero() && d.To.IsZero() && !d.OpenEnd && d.Season == "" && !d.Circa && d.Literal == "" && d.Raw == "" &&
		d.Calendar == "" && d.Original == ""
}

// IsRange reports whether the date has an end point.
func (d Date) IsRange() bool { return !d.To.IsZero() }

// Year returns the (first) year, or 0.
func (d Date) Year() int { return d.From.Year }

// String returns the date in EDTF-like ISO form ("2005-05", "1989/1991",
// "2003~" for circa) or the literal.
func (d Date) String() string {
	if d.From.IsZero() {
		if d.Literal != "" {
			return d.Literal
		}
		return d.Raw
	}
	s := d.From.String()
	if d.IsRange() {
		s += "/" + d.To.String()
	} else if d.OpenEnd {
		s += "/.."
	}
	if d.Circa {
		s += "~"
	}
	return s
}

// ParseISODate parses the date forms BibLaTeX and EDTF use in a date field:
// "2005", "2005-05", "2005-05-19", ranges "1989/1991" and "2005-05/2005-06",
// an open end "2005/" or "2005/.." (OpenEnd), and a trailing "~" or "?" for circa. It
// returns ok=false when s is not such a date.
func ParseISODate(s string) (d Date, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return d, false
	}
	if strings.HasSuffix(s, "~") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "%") {
		d.Circa = true
		s = strings.TrimRight(s, "~?%")
	}
	from, to, isRange := strings.Cut(s, "/")
	var okFrom bool
	d.From, okFrom = parseISOPoint(from)
	if !okFrom {
		return Date{}, false
	}
	if isRange {
		to = strings.TrimSpace(to)
		if to == "" || to == ".." {
			d.OpenEnd = true
		} else {
			var okTo bool
			d.To, okTo = parseISOPoint(to)
			if !okTo {
				return Date{}, false
			}
		}
	}
	return d, true
}

func parseISOPoint(s string) (DateParts, bool) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) < 1 {
		return DateParts{}, false
	}
	var nums [3]int
	for i, p := range parts {
		if p == "" || len(p) > 4 {
			return DateParts{}, false
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return DateParts{}, false
		}
		nums[i] = n
	}
	// Months 21–24 are EDTF seasons; keep only real months here.
	if nums[1] > 12 || nums[2] > 31 || (len(parts) == 3 && nums[1] == 0) {
		return DateParts{}, false
	}
	p := DateParts{Year: nums[0], Month: nums[1], Day: nums[2]}
	if neg {
		p.Year = -p.Year
	}
	return p, true
}
