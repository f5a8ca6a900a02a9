package citekey

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/manba/manba/pkg/bib"
)

// functionNames are the functions a formula may call, for error messages.
var functionNames = []string{"auth", "authN_M", "authEtAl", "authors", "authorsN", "year", "shorttitle", "veryshorttitle", "title", "journal"}

// defaults are the argument defaults of each function, as in Better BibTeX.
var defaults = map[string][]int{
	"auth":           {0, 1}, // n characters (0: all), m-th creator
	"authEtAl":       nil,
	"authors":        {0}, // n creators (0: all)
	"year":           nil,
	"shorttitle":     {3, 0}, // n words, the first m capitalised
	"veryshorttitle": {1, 0},
	"title":          nil,
	"journal":        nil,
}

var (
	authNM   = regexp.MustCompile(`^auth(\d+)(?:_(\d+))?$`)
	authorsN = regexp.MustCompile(`^authors(\d+)$`)
)

// resolveFunction maps a name as written (including the authN_M and
// authorsN shorthands) to a function and numeric arguments with defaults
// filled in.
func resolveFunction(name string, given []arg) (string, []arg, bool) {
	if m := authNM.FindStringSubmatch(name); m != nil && len(given) == 0 {
		n, _ := strconv.Atoi(m[1])
		pos := 1
		if m[2] != "" {
			pos, _ = strconv.Atoi(m[2])
		}
		return "auth", []arg{{num: n, isNum: true}, {num: pos, isNum: true}}, true
	}
	if m := authorsN.FindStringSubmatch(name); m != nil && len(given) == 0 {
		n, _ := strconv.Atoi(m[1])
		return "authors", []arg{{num: n, isNum: true}}, true
	}
	def, ok := defaults[name]
	if !ok || len(given) > len(def) {
		return "", nil, false
	}
	args := make([]arg, len(def))
	for i, d := range def {
		args[i] = arg{num: d, isNum: true}
		if i < len(given) && given[i].isNum {
			args[i] = given[i]
		}
	}
	return name, args, true
}

// eval computes a function on an item; the result is ASCII.
func (g *Generator) eval(fn string, args []arg, it *bib.Item) string {
	switch fn {
	case "auth":
		cs := g.creators(it)
		m := args[1].num
		if m < 1 || m > len(cs) {
			return ""
		}
		return firstChars(cs[m-1], args[0].num)
	case "authEtAl":
		cs := g.creators(it)
		switch len(cs) {
		case 0:
			return ""
		case 1:
			return cs[0]
		case 2:
			return cs[0] + cs[1]
		}
		return cs[0] + "EtAl"
	case "authors":
		cs := g.creators(it)
		n := args[0].num
		if n <= 0 || n >= len(cs) {
			return strings.Join(cs, "")
		}
		return strings.Join(cs[:n], "") + "EtAl"
	case "year":
		// Gregorian, also for a date the source wrote in a Hijri calendar
		// (1380 SH -> 2001), so that keys sort and compare across calendars.
		if y := it.Dates["issued"].Year(); y != 0 {
			return strconv.Itoa(y)
		}
		return ""
	case "shorttitle", "veryshorttitle":
		ws := significantWords(g.title(it))
		if n := args[0].num; n >= 0 && n < len(ws) {
			ws = ws[:n]
		}
		for i := 0; i < len(ws) && i < args[1].num; i++ {
			ws[i] = capitalize(ws[i])
		}
		return strings.Join(ws, "")
	case "title":
		ws := significantWords(g.title(it))
		for i := range ws {
			ws[i] = capitalize(ws[i])
		}
		return strings.Join(ws, "")
	case "journal":
		for _, v := range []string{"container-title-short", "journalAbbreviation", "container-title"} {
			if s := it.Get(v); s != "" {
				return ASCII(stripMarkup(s))
			}
		}
	}
	return ""
}

func firstChars(s string, n int) string {
	if n <= 0 || n >= len(s) {
		return s
	}
	return s[:n]
}

func capitalize(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// title is the item's title in ASCII without markup.
func (g *Generator) title(it *bib.Item) string {
	return ASCII(stripMarkup(it.Get("title")))
}

var markup = regexp.MustCompile(`</?(?:i|b|sup|sub|span)(?:\s[^>]*)?>`)

// stripMarkup removes the CSL-JSON rich-text tags.
func stripMarkup(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	return markup.ReplaceAllString(s, "")
}

// words splits ASCII text into words of letters and digits; apostrophes
// inside words vanish (Saddam's -> Saddams), other marks separate.
func words(s string) []string {
	s = strings.ReplaceAll(s, "'", "")
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// significantWords are the words of s without function words.
func significantWords(s string) []string {
	ws := words(s)
	out := ws[:0]
	for _, w := range ws {
		if !skipWords[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

// skipWords are the function words Better BibTeX skips in titles
// (its skipWords list, English, with the common French, German, Spanish
// and Italian articles and the Persian/Arabic "va", "al" and ezafe "e", "ye").
var skipWords = toSet(`a ab aboard about above across after against al along amid among an and anti around as at
before behind below beneath beside besides between beyond but by d das de del dem den der des despite die
down du during e ein eine einem einen einer eines el en et except for from gli i il in inside into is l la las
le les like lo los near nor of off on onto or over past per plus round save since so some sur than the through
to toward towards un una unas under underneath une unlike uno unos until up upon va versus via vom von vor
with within without ye yet zu zum zur`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
