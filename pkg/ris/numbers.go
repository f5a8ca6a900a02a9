package ris

import (
	"regexp"
	"strings"
)

// snToken finds the numbers in an SN line: digits with hyphens inside, ending in a digit or X, with the ISSN/ISBN label a source may put
// before them.
var snToken = regexp.MustCompile(`(?i)(?:\b(ISSN|ISBN)(?:-1[03])?[:\s]*)?(\d[\d-]{6,16}[\dXx])\b`)

// snKind says what an SN line holds: "ISSN" or "ISBN" when every number
// in it is one by its label, length and check digit; "number" for a
// report or patent number; else the guess by item type, with sure=false.
// RIS has one tag for both standard numbers, so this is the only way to
// keep an ISSN an ISSN.
func snKind(value, cslType string) (kind string, sure bool) {
	matches := snToken.FindAllStringSubmatch(value, -1)
	issn, isbn, bad := 0, 0, 0
	for _, m := range matches {
		digits := strings.ToUpper(strings.ReplaceAll(m[2], "-", ""))
		label := strings.ToUpper(m[1])
		switch {
		case (label == "ISSN" || label == "") && len(digits) == 8 && validISSN(digits):
			issn++
		case (label == "ISBN" || label == "") && (len(digits) == 10 || len(digits) == 13) && validISBN(digits):
			isbn++
		case label == "ISSN":
			issn++
			bad++
		case label == "ISBN":
			isbn++
			bad++
		default:
			bad++
		}
	}
	switch {
	case numberInSN(cslType) && (len(matches) == 0 || bad == len(matches)):
		return "number", true
	case issn > 0 && isbn == 0:
		return "ISSN", bad == 0
	case isbn > 0 && issn == 0:
		return "ISBN", bad == 0
	case serialTypes[cslType]:
		return "ISSN", false
	}
	return "ISBN", false
}

// serialTypes are the item types whose standard number is an ISSN.
var serialTypes = map[string]bool{
	"article-journal": true, "article-magazine": true, "article-newspaper": true, "periodical": true,
}

// validISSN checks the mod-11 check digit of an 8-character ISSN.
func validISSN(s string) bool {
	sum := 0
	for i := 0; i < 7; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		sum += int(s[i]-'0') * (8 - i)
	}
	check := (11 - sum%11) % 11
	return s[7] == 'X' && check == 10 || check < 10 && int(s[7]-'0') == check
}

// validISBN checks the check digit of an ISBN-10 (mod 11) or ISBN-13
// (mod 10).
func validISBN(s string) bool {
	sum := 0
	if len(s) == 10 {
		for i := 0; i < 10; i++ {
			d := int(s[i] - '0')
			if s[i] == 'X' && i == 9 {
				d = 10
			} else if s[i] < '0' || s[i] > '9' {
				return false
			}
			sum += d * (10 - i)
		}
		return sum%11 == 0
	}
	for i := 0; i < 13; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += int(s[i]-'0') * w
	}
	return sum%10 == 0
}
