package csl

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// dateValue returns a date variable, parsing "raw" dates.
func (c *rctx) dateValue(v string) (bib.Date, bool) {
	if c.suppressed[v] || (c.disamb && v == "accessed") {
		return bib.Date{}, false
	}
	d, ok := c.r.item.Dates[v]
	if !ok || d.IsZero() {
		return d, false
	}
	if d.From.IsZero() && d.Raw != "" {
		if p, ok := parseRawDate(d.Raw); ok {
			p.Circa = p.Circa || d.Circa
			return p, true
		}
		d.Literal = d.Raw
	}
	return d, true
}

var monthNames = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

var rawDateRe = regexp.MustCompile(`[A-Za-z]+|\d+`)

// parseRawDate reads the free-form dates of CSL-JSON "raw": ISO forms,
// "May 2005", "5 May 2005", "2005-05-10".
func parseRawDate(s string) (bib.Date, bool) {
	if d, ok := bib.ParseISODate(s); ok {
		return d, true
	}
	var p bib.DateParts
	for _, tok := range rawDateRe.FindAllString(s, -1) {
		if n, err := strconv.Atoi(tok); err == nil {
			switch {
			case len(tok) >= 3 || n > 31:
				p.Year = n
			case p.Day == 0 && n <= 31:
				p.Day = n
			}
			continue
		}
		lt := strings.ToLower(tok)
		for i, m := range monthNames {
			if strings.HasPrefix(lt, m) {
				p.Month = i + 1
			}
		}
	}
	if p.Year == 0 {
		return bib.Date{}, false
	}
	if p.Month == 0 {
		p.Day = 0
	}
	return bib.Date{From: p}, true
}

func (c *rctx) renderDate(e *element) *node {
	v := e.attrs["variable"]
	c.calls++
	d, ok := c.dateValue(v)
	if !ok {
		return nil
	}
	var n *node
	if d.From.IsZero() && d.To.IsZero() && d.Season == "" {
		n = c.literalDate(d.Literal, e)
	} else {
		parts := c.dateParts(e)
		n = c.formatDate(d, parts, e, v)
	}
	if n == nil || n.empty() {
		return nil
	}
	c.hits++
	c.used = append(c.used, v)
	n.tag = "date"
	// the delimiter went between the parts; affixes and formatting wrap
	// the whole date, localized or not
	return c.decorate(n, e)
}

// literalDate renders a date given as text in place of the year part, with
// that part's affixes and formatting, as citeproc-js does; a date without
// a year part shows no literal date.
func (c *rctx) literalDate(lit string, e *element) *node {
	if lit == "" {
		return nil
	}
	for _, p := range c.dateParts(e) {
		if p.attrs["name"] == "year" {
			return c.decorate(parseRich(lit), p)
		}
	}
	return nil
}

// dateParts returns the date-part elements to render: the style's own, or
// the locale's for a localized date, filtered by date-parts and overridden
// by the style's date-part attributes.
func (c *rctx) dateParts(e *element) []*element {
	form := e.attrs["form"]
	if form == "" {
		return e.children
	}
	if parts, ok := c.p.datePartsCache[e]; ok {
		return parts
	}
	parts := c.localizedParts(e, form)
	if c.p.datePartsCache == nil {
		c.p.datePartsCache = map[*element][]*element{}
	}
	c.p.datePartsCache[e] = parts
	return parts
}

// localizedParts merges the locale's date format with the style's
// date-part overrides.
func (c *rctx) localizedParts(e *element, form string) []*element {
	ld := c.p.loc.dates[form]
	if ld == nil {
		return nil
	}
	want := e.attrs["date-parts"]
	if want == "" {
		want = "year-month-day"
	}
	var out []*element
	for _, lp := range ld.children {
		name := lp.attrs["name"]
		if name == "day" && want != "year-month-day" || name == "month" && want == "year" {
			continue
		}
		p := &element{name: lp.name, attrs: map[string]string{}}
		for k, v := range lp.attrs {
			p.attrs[k] = v
		}
		for _, sp := range e.children {
			if sp.attrs["name"] == name {
				for k, v := range sp.attrs {
					if k == "prefix" || k == "suffix" {
						continue // affixes come from the locale
					}
					p.attrs[k] = v
				}
			}
		}
		p.prepare()
		out = append(out, p)
	}
	if len(out) > 0 {
		// the delimiter of the locale's date applies between parts
		out[0].cached = ld
	}
	return out
}

func partValue(p bib.DateParts, name string) int {
	switch name {
	case "year":
		return p.Year
	case "month":
		return p.Month
	case "day":
		return p.Day
	}
	return 0
}

// formatDate renders a date or a date range with the given parts.
func (c *rctx) formatDate(d bib.Date, parts []*element, e *element, v string) *node {
	delim := e.attrs["delimiter"]
	if len(parts) > 0 {
		if ld, ok := parts[0].cached.(*element); ok {
			delim = ld.attrs["delimiter"]
		}
	}
	from := d.From
	// a season stands in for the month
	season := d.Season
	if ss := seasonMonth(from.Month); ss != "" {
		season = ss
		from.Month = 0
	}
	if d.OpenEnd && !d.IsRange() {
		return c.openRange(from, season, parts, delim, d, v)
	}
	if !d.IsRange() || d.To == d.From {
		return c.datePoint(from, season, parts, delim, d, v)
	}
	to := d.To
	toSeason := ""
	if ss := seasonMonth(to.Month); ss != "" {
		toSeason = ss
		to.Month = 0
	}
	// largest part that differs
	diff := "day"
	switch {
	case from.Year != to.Year:
		diff = "year"
	case from.Month != to.Month || season != toSeason:
		diff = "month"
	}
	var kept []*element
	for _, p := range parts {
		if partValue(from, p.attrs["name"]) != 0 || p.attrs["name"] == "year" || (p.attrs["name"] == "month" && season != "") {
			kept = append(kept, p)
		}
	}
	parts = kept
	rangeDelim := "–"
	for _, p := range parts {
		if p.attrs["name"] == diff {
			if rd, ok := p.attrs["range-delimiter"]; ok {
				rangeDelim = rd
			}
		}
	}
	// parts that differ are rendered for both ends; the others once
	var diffIdx []int
	for i, p := range parts {
		name := p.attrs["name"]
		if diff == "year" || (diff == "month" && name != "year") || (diff == "day" && name == "day") {
			diffIdx = append(diffIdx, i)
		}
	}
	if len(diffIdx) == 0 {
		return c.datePoint(from, season, parts, delim, d, v)
	}
	lo, hi := diffIdx[0], diffIdx[len(diffIdx)-1]
	out := &node{}
	add := func(n *node) {
		if n != nil {
			out.kids = append(out.kids, n)
		}
	}
	for i := 0; i < lo; i++ {
		add(c.datePart(from, season, parts[i], d, v, false, i == len(parts)-1))
		if i < len(parts)-1 && delim != "" {
			add(textNode(delim))
		}
	}
	rng := parts[lo : hi+1]
	first := &node{}
	second := &node{}
	for i, p := range rng {
		last := i == len(rng)-1
		isLast := lo+i == len(parts)-1
		a := c.datePart(from, season, p, d, v, last, isLast)
		b := c.datePart(to, toSeason, p, d, v, false, isLast)
		if a != nil {
			first.kids = append(first.kids, a)
		}
		if b != nil {
			second.kids = append(second.kids, b)
		}
		if !last && delim != "" {
			first.kids = append(first.kids, textNode(delim))
			second.kids = append(second.kids, textNode(delim))
		}
	}
	add(first)
	add(textNode(rangeDelim))
	add(second)
	for i := hi + 1; i < len(parts); i++ {
		if delim != "" {
			add(textNode(delim))
		}
		add(c.datePart(from, season, parts[i], d, v, false, i == len(parts)-1))
	}
	return out
}

// openRange renders a range without an end ("1987–"): every part is
// the start's, the last one without its suffix, then the range delimiter
// of the year (the largest part that differs from an open end).
func (c *rctx) openRange(from bib.DateParts, season string, parts []*element, delim string, d bib.Date, v string) *node {
	rangeDelim := "–"
	var kept []*element
	for _, p := range parts {
		name := p.attrs["name"]
		if name == "year" {
			if rd, ok := p.attrs["range-delimiter"]; ok {
				rangeDelim = rd
			}
		}
		if partValue(from, name) != 0 || name == "year" || (name == "month" && season != "") {
			kept = append(kept, p)
		}
	}
	out := &node{}
	for i, p := range kept {
		last := i == len(kept)-1
		if n := c.datePart(from, season, p, d, v, last, last); n != nil {
			out.kids = append(out.kids, n)
		}
		if !last && delim != "" {
			out.kids = append(out.kids, textNode(delim))
		}
	}
	out.kids = append(out.kids, textNode(rangeDelim))
	return out
}

func (c *rctx) datePoint(p bib.DateParts, season string, parts []*element, delim string, d bib.Date, v string) *node {
	out := &node{delim: delim}
	for i, dp := range parts {
		if n := c.datePart(p, season, dp, d, v, false, i == len(parts)-1); n != nil {
			out.kids = append(out.kids, n)
		}
	}
	return out
}

// datePart renders one date-part. noSuffix drops the suffix of the last
// part before a range delimiter.
func (c *rctx) datePart(p bib.DateParts, season string, e *element, d bib.Date, v string, noSuffix, isLast bool) *node {
	name := e.attrs["name"]
	form := e.attrs["form"]
	var s string
	switch name {
	case "year":
		if p.Year == 0 {
			return nil
		}
		y := p.Year
		if y < 0 {
			s = strconv.Itoa(-y) + c.p.loc.term("bc", "long", false)
		} else {
			s = strconv.Itoa(y)
			if form == "short" {
				s = strconv.Itoa(y % 100)
				if len(s) == 1 {
					s = "0" + s
				}
			}
			if y < 1000 {
				s += c.p.loc.term("ad", "long", false)
			}
			if c.sortKey == nil { // sort by the Gregorian year
				s = c.p.calendarYear(d, p, s)
			}
		}
	case "month":
		if p.Month == 0 {
			if season == "" {
				return nil
			}
			if n, err := strconv.Atoi(season); err == nil && n >= 1 && n <= 4 {
				s = c.p.loc.term("season-0"+season, "long", false)
			} else {
				s = season
			}
			break
		}
		m := p.Month
		if m < 1 || m > 12 {
			return nil
		}
		switch form {
		case "numeric":
			s = strconv.Itoa(m)
		case "numeric-leading-zeros":
			s = twoDigits(m)
		case "short":
			s = c.p.loc.term(monthTerm(m), "short", false)
		default:
			s = c.p.loc.term(monthTerm(m), "long", false)
		}
		if e.attrs["strip-periods"] == "true" {
			s = strings.ReplaceAll(s, ".", "")
		}
	case "day":
		if p.Day == 0 {
			return nil
		}
		switch form {
		case "numeric-leading-zeros":
			s = twoDigits(p.Day)
		case "ordinal":
			limit := c.p.loc.limitDayOrdinals != nil && *c.p.loc.limitDayOrdinals
			if limit && p.Day != 1 {
				s = strconv.Itoa(p.Day)
			} else {
				s = c.ordinal(p.Day, c.termGender(monthTerm(max(p.Month, 1))))
			}
		default:
			s = strconv.Itoa(p.Day)
		}
	}
	if s == "" {
		return nil
	}
	n := textNode(s)
	if name == "year" && v == "issued" && !c.yearSuffixDone && c.r.yearSuffix > 0 && !c.p.explicitYearSuffix {
		c.yearSuffixDone = true
		n = &node{kids: []*node{n, {kids: []*node{textNode(yearSuffixString(c.r.yearSuffix))}, tag: "year-suffix"}}}
	}
	out := c.decorate(n, e)
	if noSuffix && out != nil {
		out.d = out.d.withSuffix("")
	}
	return out
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func monthTerm(m int) string { return "month-" + twoDigits(m) }

// seasonMonth maps the pseudo-months of CSL-JSON (13-16 and 21-24) to a
// season number.
func seasonMonth(m int) string {
	// 13-16 and EDTF's 21-24 are spring to winter; citeproc-js reads
	// the months between them (17-20) the same way round
	if m >= 13 && m <= 24 {
		return strconv.Itoa((m-13)%4 + 1)
	}
	return ""
}
