package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

const monthRE = `(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?`

// datePatterns are the date expressions of free-text references, most
// specific first; each names its groups y, m (number or name) and d.
var datePatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)`),
	regexp.MustCompile(`(?P<m>` + monthRE + `)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>1[5-9]\d\d|20\d\d)`),
	regexp.MustCompile(`(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m>` + monthRE + `),?\s+(?P<y>1[5-9]\d\d|20\d\d)`),
	regexp.MustCompile(`(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>1[5-9]\d\d|20\d\d)`),
	regexp.MustCompile(`(?P<m>` + monthRE + `),?\s+(?P<y>1[5-9]\d\d|20\d\d)`),
	regexp.MustCompile(`(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])`),
	regexp.MustCompile(`(?P<y>1[5-9]\d\d|20\d\d)[a-z]?`),
}

// dateMatch is a date found in a reference: its byte span and value.
type dateMatch struct {
	start, end int
	date       bib.Date
}

// findDate returns the last date expression of s that stands on its own:
// between segment boundaries (start, end, ",", ".", ";", ":", parentheses),
// so that the year in a title ("Patterns of Global Terrorism 2002") or in a
// parenthesized range inside a title is not taken for the date.
func findDate(s string) (dateMatch, bool) { return searchDate(s, true) }

// findDateAnywhere is findDate for text known to describe a document
// ("English language paper April 1980"), where the date need not stand
// alone.
func findDateAnywhere(s string) (dateMatch, bool) { return searchDate(s, false) }

func searchDate(s string, alone bool) (dateMatch, bool) {
	var best dateMatch
	found := false
	for _, re := range datePatterns {
		for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
			if alone && !standsAlone(s, loc[0], loc[1]) {
				continue
			}
			d, ok := dateFrom(re, s, loc)
			if !ok {
				continue
			}
			if !found || loc[0] > best.start {
				start, end := loc[0], loc[1]
				if start > 0 && end < len(s) && s[start-1] == '(' && s[end] == ')' {
					start, end = start-1, end+1 // APA "(2003)"
				}
				best, found = dateMatch{start, end, d}, true
			}
		}
		if found {
			// A more specific pattern matched; do not let a bare year
			// inside it win.
			break
		}
	}
	return best, found
}

func standsAlone(s string, start, end int) bool {
	before := strings.TrimRight(s[:start], " ")
	after := strings.TrimLeft(s[end:], " ")
	okBefore := before == "" || strings.ContainsAny(before[len(before)-1:], ",.;:(/")
	okAfter := after == "" || strings.ContainsAny(after[:1], ",.;:)")
	return okBefore && okAfter
}

func dateFrom(re *regexp.Regexp, s string, loc []int) (bib.Date, bool) {
	var p bib.DateParts
	var a, b int
	for i, name := range re.SubexpNames() {
		if name == "" || loc[2*i] < 0 {
			continue
		}
		v := s[loc[2*i]:loc[2*i+1]]
		n, err := strconv.Atoi(v)
		switch name {
		case "y":
			p.Year = n
		case "d":
			p.Day = n
		case "m":
			if err != nil {
				n = months[strings.ToLower(strings.TrimSuffix(v, "."))]
			}
			p.Month = n
		case "a":
			a = n
		case "b":
			b = n
		}
	}
	if a != 0 {
		// Numeric dates: US order unless the first number cannot be a month.
		p.Month, p.Day = a, b
		if a > 12 {
			p.Month, p.Day = b, a
		}
	}
	if p.Month > 12 || p.Day > 31 || p.Year == 0 {
		return bib.Date{}, false
	}
	return bib.Date{From: p}, true
}
