package csl

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numToken is a piece of a number variable: a number with optional
// letter affixes, or a separator between numbers.
type numToken struct {
	num    int
	pre    string
	post   string
	sep    string
	isNum  bool
	rawNum string
}

// splitNumber splits "12-15", "2, 4 & 6", "ii-iv" into numbers and
// separators. ok is false when the value holds text that is not a number.
func splitNumber(s string) (toks []numToken, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false
	}
	ok = true
	i := 0
	rs := []rune(s)
	expectNum := true
	for i < len(rs) {
		if expectNum {
			j := i
			for j < len(rs) && unicode.IsLetter(rs[j]) && !unicode.IsDigit(rs[j]) {
				j++
			}
			k := j
			for k < len(rs) && unicode.IsDigit(rs[k]) {
				k++
			}
			if k == j {
				return toks, false
			}
			l := k
			for l < len(rs) && unicode.IsLetter(rs[l]) {
				l++
			}
			n, err := strconv.Atoi(string(rs[j:k]))
			if err != nil {
				return toks, false
			}
			if j-i > 2 {
				ok = false
			}
			toks = append(toks, numToken{num: n, pre: string(rs[i:j]), post: string(rs[k:l]), isNum: true, rawNum: string(rs[j:k])})
			i = l
			expectNum = false
			continue
		}
		j := i
		for j < len(rs) && (unicode.IsSpace(rs[j]) || strings.ContainsRune("-–—,&", rs[j])) {
			j++
		}
		sep := string(rs[i:j])
		if j == i {
			if strings.HasPrefix(string(rs[i:]), "and ") {
				j = i + 4
				sep = " and "
			} else {
				return toks, false
			}
		}
		if strings.TrimSpace(sep) == "" {
			return toks, false
		}
		toks = append(toks, numToken{sep: sep})
		i = j
		expectNum = true
	}
	if expectNum {
		return toks, false
	}
	return toks, ok
}

// isNumeric follows citeproc-js: numbers, optionally with a one-letter
// prefix or suffix, separated by hyphens, commas or ampersands.
func isNumeric(s string) bool {
	_, ok := splitNumber(s)
	return ok
}

// multiple reports whether a number value names more than one number
// (for plural labels).
func multiple(s string) bool {
	toks, ok := splitNumber(s)
	if !ok {
		return false
	}
	n := 0
	for _, t := range toks {
		if t.isNum {
			n++
		}
	}
	return n > 1
}

func (c *rctx) renderNumber(e *element) *node {
	v := e.attrs["variable"]
	c.calls++
	val := c.rawVar(v)
	if val == "" {
		return nil
	}
	c.hits++
	c.used = append(c.used, v)
	toks, ok := splitNumber(val)
	form := e.attrs["form"]
	if !ok {
		return c.decorate(textNode(val), e)
	}
	var b strings.Builder
	for _, t := range toks {
		if !t.isNum {
			sep := strings.TrimSpace(t.sep)
			switch {
			case sep == "-" || sep == "–":
				b.WriteString(c.rangeDelimiter())
			case sep == ",":
				b.WriteString(", ")
			case sep == "&":
				b.WriteString(" & ")
			case sep == "and":
				b.WriteString(" and ")
			default:
				b.WriteString(t.sep)
			}
			continue
		}
		b.WriteString(t.pre)
		switch {
		case t.pre != "" || t.post != "":
			// a number written with letters ("3rd", "3a") stays as
			// written in every form, as in citeproc-js
			b.WriteString(t.rawNum)
		case form == "ordinal":
			b.WriteString(c.ordinal(t.num, c.termGender(v)))
		case form == "long-ordinal":
			b.WriteString(c.longOrdinal(t.num, c.termGender(v)))
		case form == "roman":
			b.WriteString(roman(t.num))
		default:
			b.WriteString(t.rawNum)
		}
		b.WriteString(t.post)
	}
	return c.decorate(textNode(b.String()), e)
}

func (c *rctx) termGender(v string) string {
	if t, ok := c.p.loc.lookup(v, "long", ""); ok {
		return t.gender
	}
	return ""
}

// ordinal renders 1st, 2nd, ... with the CSL 1.0.1 ordinal term rules.
func (c *rctx) ordinal(n int, gender string) string {
	return strconv.Itoa(n) + c.ordinalSuffix(n, gender)
}

func (c *rctx) ordinalSuffix(n int, gender string) string {
	loc := c.p.loc
	try := func(name string, fit func(m string) bool) (string, bool) {
		for _, g := range []string{gender, ""} {
			if t, ok := loc.terms[termKey{name, "long", g}]; ok && fit(t.match) {
				return t.single, true
			}
		}
		return "", false
	}
	if n >= 0 {
		two := n % 100
		if s, ok := try(ordName(two), func(m string) bool { return m != "whole-number" || n == two }); ok && two >= 10 {
			return s
		}
		if s, ok := try(ordName(n%10), func(m string) bool {
			switch m {
			case "last-two-digits":
				return n%100 < 10
			case "whole-number":
				return n < 10
			}
			return true
		}); ok {
			return s
		}
	}
	s, _ := try("ordinal", func(string) bool { return true })
	return s
}

func ordName(n int) string {
	if n < 10 {
		return "ordinal-0" + strconv.Itoa(n)
	}
	return "ordinal-" + strconv.Itoa(n)
}

func (c *rctx) longOrdinal(n int, gender string) string {
	if n >= 1 && n <= 10 {
		name := "long-ordinal-" + strconv.Itoa(n)
		if n < 10 {
			name = "long-ordinal-0" + strconv.Itoa(n)
		}
		if t, ok := c.p.loc.lookup(name, "long", gender); ok {
			return t.single
		}
	}
	return c.ordinal(n, gender)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// locatorAbbrevs are the label abbreviations citeproc-js recognizes at
// the start of a locator ("vol. 1, fol. 186").
var locatorAbbrevs = map[string]bool{
	"art": true, "bk": true, "ch": true, "subch": true, "col": true, "fig": true, "fol": true,
	"l": true, "n": true, "no": true, "op": true, "p": true, "pp": true, "para": true,
	"subpara": true, "pt": true, "r": true, "sec": true, "subsec": true, "sv": true,
	"sch": true, "tit": true, "vrs": true, "vol": true,
}

// labelledLocator reports whether a locator brings its own label, so the
// style's label is left out.
func labelledLocator(loc string) bool {
	abbr, rest, ok := strings.Cut(loc, ". ")
	return ok && locatorAbbrevs[abbr] && strings.TrimSpace(rest) != ""
}

func (c *rctx) renderLabel(e *element) *node {
	v := e.attrs["variable"]
	var termName, val string
	if v == "locator" {
		if c.cite == nil || c.cite.Locator == "" || labelledLocator(c.cite.Locator) {
			return nil
		}
		termName = locatorTerm(c.cite.Label)
		val = c.cite.Locator
	} else {
		// an empty variable still shows its singular term, as in
		// citeproc-js ("(2 vol)" from number-of-volumes and the volume
		// label); a group that holds nothing else is suppressed as usual
		val = c.rawVar(v)
		termName = v
	}
	plural := false
	switch e.attrs["plural"] {
	case "always":
		plural = true
	case "never":
	default:
		if v == "number-of-pages" || v == "number-of-volumes" {
			n, err := strconv.Atoi(strings.TrimSpace(val))
			plural = err == nil && n > 1
		} else {
			plural = c.pluralValue(val)
		}
	}
	form := e.attrs["form"]
	if form == "" {
		form = "long"
	}
	t := c.p.loc.term(termName, form, plural)
	return c.decorate(textNode(t), e)
}

// pluralValue reports whether a number value holds several numbers: a
// range or a list joined by commas, ampersands or the locale's "and".
func (c *rctx) pluralValue(val string) bool {
	if strings.Contains(val, `\-`) {
		return false // "3\-B" is one page whose name has a hyphen
	}
	if a, b, ok := cutRange(strings.TrimSpace(val)); ok && isRoman(a) && isRoman(b) {
		return true // "i-ix"
	}
	if multiple(val) {
		return true
	}
	if !numericElements(val) {
		return false // "9:1-9:47", "1.2-1.5", "doi.org/10.1038/…": one locator
	}
	if t := strings.TrimSpace(val); t != "" && isRangeDash(lastRune(t)) && hasDigit(t) {
		return true // "123-": a range whose end is not known
	}
	if !hasMultipleNumbers(val) {
		return false
	}
	if strings.ContainsAny(val, "-–,&") {
		return true
	}
	and := c.p.loc.term("and", "long", false)
	return strings.Contains(val, " and ") || (and != "" && strings.Contains(val, " "+and+" "))
}

// hasMultipleNumbers is the loose plural test for values such as
// "A1-A5": two separate digit runs joined by a range or list mark.
// numericElements reports whether no element of a value split at range
// and list joiners is a compound locator such as "9:1", "1.2" or
// "doi.org/10.1038/…": citeproc-js does not count those as numbers, so
// such a value takes a singular label.
func numericElements(s string) bool {
	for _, el := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '–' || r == ',' || r == '&' }) {
		f := strings.Fields(el)
		if len(f) == 0 || !hasDigit(f[0]) {
			continue
		}
		if strings.ContainsAny(f[0], ":/") {
			return false
		}
		if i := strings.IndexByte(f[0], '.'); i > 0 && i < len(f[0])-1 && unicode.IsDigit(rune(f[0][i-1])) && unicode.IsDigit(rune(f[0][i+1])) {
			return false
		}
	}
	return true
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

func hasMultipleNumbers(s string) bool {
	runs := 0
	in := false
	for _, r := range s {
		if unicode.IsDigit(r) {
			if !in {
				runs++
			}
			in = true
		} else {
			in = false
		}
	}
	return runs > 1
}

// pageRange formats page ranges with the style's page-range-format and
// the locale's page-range-delimiter. Ranges whose ends carry different
// letter prefixes ("N110-5", "110-N6") are left as written.
func (p *Processor) pageRange(s string, collapse bool) string {
	format := ""
	if collapse {
		format = p.style.root.attrs["page-range-format"]
	}
	delim := p.loc.term("page-range-delimiter", "long", false)
	if delim == "" {
		delim = "–"
	}
	parts := strings.Split(s, ",")
	for i, part := range parts {
		if strings.Contains(part, `\-`) {
			// an escaped hyphen is part of the page name ("3\-B"), not a range
			parts[i] = strings.ReplaceAll(part, `\-`, "-")
			continue
		}
		lead := part[:len(part)-len(strings.TrimLeft(part, " "))]
		trail := part[len(strings.TrimRight(part, " ")):]
		core := strings.TrimSpace(part)
		if ends := strings.FieldsFunc(core, isRangeDash); len(ends) > 2 || (len(ends) > 0 && strings.LastIndexFunc(core, isRangeDash) == len(core)-utf8.RuneLen(lastRune(core))) {
			parts[i] = lead + chainedRange(ends, delim, isRangeDash(lastRune(core))) + trail
			continue
		}
		a, b, ok := cutRange(core)
		if !ok {
			continue
		}
		if isRoman(a) && isRoman(b) {
			// roman page numbers take the delimiter, never a collapse
			parts[i] = lead + a + delim + b + trail
			continue
		}
		pa, sa := splitAlphaNum(a)
		pb, sb := splitAlphaNum(b)
		if !isDigits(sa) || !isDigits(sb) || pa != pb {
			parts[i] = lead + a + "-" + b + trail
			continue
		}
		if format != "" {
			sb = collapseRange(sa, sb, format)
		}
		if pb != "" && format != "expanded" && format != "" && sb != strings.TrimLeft(sa, "0") {
			pb = ""
		}
		parts[i] = lead + pa + sa + delim + pb + sb + trail
	}
	return strings.Join(parts, ",")
}

func isRangeDash(r rune) bool { return r == '-' || r == '–' }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// chainedRange writes page numbers joined by more than one dash, or ending
// in one, as citeproc-js does: with hyphens ("C6-381-C6-384", "123-"),
// except that the last two numbers form a range when both are plain
// numbers ("12-15–18").
func chainedRange(ends []string, delim string, open bool) string {
	for i := range ends {
		ends[i] = strings.TrimSpace(ends[i])
	}
	if open {
		return strings.Join(ends, "-") + "-"
	}
	n := len(ends)
	if isDigits(ends[n-2]) && isDigits(ends[n-1]) {
		return strings.Join(ends[:n-1], "-") + delim + ends[n-1]
	}
	return strings.Join(ends, "-")
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func splitAlphaNum(s string) (string, string) {
	i := strings.IndexFunc(s, unicode.IsDigit)
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

// cutRange splits "12-15" / "12–15" / "12 - 15" into its ends.
// isRoman reports whether s is a roman numeral in one case ("xxv", "CIX").
func isRoman(s string) bool {
	if s == "" {
		return false
	}
	lower := strings.Trim(s, "ivxlcdm") == ""
	return lower || strings.Trim(s, "IVXLCDM") == ""
}

func cutRange(s string) (string, string, bool) {
	for _, d := range []string{"--", "-", "–"} { // an em dash is no range (citeproc-js)
		if a, b, ok := strings.Cut(s, d); ok {
			a, b = strings.TrimSpace(a), strings.TrimSpace(b)
			if a != "" && b != "" && !strings.ContainsAny(b, "-–—") {
				return a, b, true
			}
		}
	}
	return "", "", false
}

// collapseRange shortens the second number of a range by a
// page-range-format: expanded, minimal, minimal-two, chicago, chicago-16.
func collapseRange(a, b, format string) string {
	if len(b) < len(a) {
		b = a[:len(a)-len(b)] + b // expand "321-28" first
	}
	if format == "expanded" || len(a) != len(b) || b <= a {
		return b // a range that does not go up is left whole ("325–325")
	}
	minimal := func(minDigits int) string {
		i := 0
		for i < len(a)-1 && a[i] == b[i] {
			i++
		}
		if len(b)-i < minDigits {
			i = max(len(b)-minDigits, 0)
		}
		return b[i:]
	}
	switch format {
	case "minimal":
		return minimal(1)
	case "minimal-two":
		return minimal(2)
	case "chicago", "chicago-15", "chicago-16":
		na, _ := strconv.Atoi(a)
		switch {
		case na < 100 || na%100 == 0:
			return b
		case na%100 < 10:
			return minimal(1)
		case format != "chicago-16" && len(a) == 4:
			m := minimal(1)
			if len(m) >= 3 {
				return b
			}
			return minimal(2)
		}
		return minimal(2)
	}
	return b
}

// locatorTerm maps a cite's locator label to its term ("sub verbo" is
// spelled "sub-verbo" in locales).
func locatorTerm(label string) string {
	switch label {
	case "":
		return "page"
	case "sub verbo":
		return "sub-verbo"
	}
	return label
}
