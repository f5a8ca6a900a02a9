package dedupe

import (
	"regexp"
	"strings"
	"unicode"
)

// isbnCandidate finds ISBN-like runs of digits, hyphens and spaces in free
// text ("ISBN 0-8330-4701-4", "978-1-85043-077-3 978-1-85043-083-4").
var isbnCandidate = regexp.MustCompile(`(?:97[89][- ]?)?\d{1,5}[- ]?\d{1,7}[- ]?\d{1,7}[- ]?[\dXx]\b`)

// ISBNs returns every valid ISBN in s, as ISBN-13 digits without hyphens,
// in order of appearance and without repeats. Invalid check digits are
// ignored, so a page range or a phone number is not taken for an ISBN.
func ISBNs(s string) []string {
	if !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	var out []string
	for _, m := range isbnCandidate.FindAllString(s, -1) {
		d := strings.Map(func(r rune) rune {
			switch {
			case r >= '0' && r <= '9':
				return r
			case r == 'x' || r == 'X':
				return 'X'
			}
			return -1
		}, m)
		if n := NormalizeISBN(d); n != "" && !contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// NormalizeISBN returns the ISBN-13 form (digits only) of an ISBN-10 or
// ISBN-13 written with or without hyphens, or "" when s is not a valid ISBN.
func NormalizeISBN(s string) string {
	var d []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			d = append(d, c)
		case c == 'X' || c == 'x':
			d = append(d, 'X')
		case c == '-' || c == ' ':
		default:
			return ""
		}
	}
	switch len(d) {
	case 10:
		sum := 0
		for i, c := range d {
			v := int(c - '0')
			if c == 'X' {
				if i != 9 {
					return ""
				}
				v = 10
			}
			sum += v * (10 - i)
		}
		if sum%11 != 0 {
			return ""
		}
		return isbn13("978" + string(d[:9]))
	case 13:
		for _, c := range d {
			if c == 'X' {
				return ""
			}
		}
		if isbn13(string(d[:12])) != string(d) {
			return ""
		}
		return string(d)
	}
	return ""
}

// isbn13 appends the ISBN-13 check digit to 12 digits.
func isbn13(d12 string) string {
	sum := 0
	for i := 0; i < 12; i++ {
		v := int(d12[i] - '0')
		if i%2 == 1 {
			v *= 3
		}
		sum += v
	}
	return d12 + string(rune('0'+(10-sum%10)%10))
}

// NormalizeDOI returns a DOI in lower case without a resolver prefix
// ("https://doi.org/", "doi:"), or "" when s holds no DOI.
func NormalizeDOI(s string) string {
	s = strings.TrimSpace(strings.ToLower(s))
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "10.") || !strings.Contains(s, "/") {
		return ""
	}
	return strings.TrimRight(s, ".,;")
}

// markup strips the CSL-JSON rich-text tags values may carry.
var markup = regexp.MustCompile(`</?(?:i|b|sup|sub|span)(?:\s[^>]*)?>`)

// stripMarkup removes the CSL-JSON rich-text tags, so that reasons quote
// titles as people read them.
func stripMarkup(s string) string {
	if strings.IndexByte(s, '<') < 0 {
		return s
	}
	return markup.ReplaceAllString(s, "")
}

// foldText lowers s and reduces it to words of letters and
// digits separated by single spaces. Apostrophes and the ayn/hamza marks
// vanish inside words, so "Mas’oud" and "Masoud" agree; hyphens separate
// words, so "Mujahedin-e Khalq" and "Mujahedin e Khalq" agree.
func foldText(s string) string {
	s = stripMarkup(s)
	var b strings.Builder
	space := true
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == 'ʿ' || r == 'ʾ' || r == 'ʼ' || r == '`' || r == '´':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// Fold returns the comparison form of a text as dedupe uses it for titles
// and names: lower case, no diacritics or punctuation, transliteration
// variants of romanized Persian and Arabic merged. Other packages use it to
// build keys that agree with dedupe's decisions.
func Fold(s string) string {
	return translitFold(foldText(s))
}

// NormalizeURL returns a URL without scheme, "www.", query-less trailing
// slash or fragment, in lower case host, or "" when it has no path beyond
// the site itself (a home page identifies no work).
func NormalizeURL(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"https://", "http://"} {
		if strings.HasPrefix(strings.ToLower(s), p) {
			s = s[len(p):]
			break
		}
	}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, "/")
	host, path, ok := strings.Cut(s, "/")
	if !ok || path == "" || host == "" {
		return ""
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	return host + "/" + path
}
