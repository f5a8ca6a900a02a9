package citekey

import (
	"sort"
	"strings"
	"unicode"
)

// filters transform the text of a term. Arguments are numbers or strings
// as written; missing ones take the defaults of Better BibTeX.
var filters = map[string]func(s string, args []arg) string{
	"lower": func(s string, _ []arg) string { return strings.ToLower(s) },
	"upper": func(s string, _ []arg) string { return strings.ToUpper(s) },
	// nopunct removes everything but letters, digits and white space.
	"nopunct": func(s string, _ []arg) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) {
				return r
			}
			return -1
		}, s)
	},
	// skipwords removes function words (the skipWords list).
	"skipwords": func(s string, _ []arg) string {
		var out []string
		for _, w := range strings.Fields(s) {
			if !skipWords[strings.ToLower(w)] {
				out = append(out, w)
			}
		}
		return strings.Join(out, " ")
	},
	// select(start=1, n=all) keeps n words from the start-th (1-based).
	"select": func(s string, args []arg) string {
		ws := strings.Fields(s)
		from, n := numArg(args, 0, 1)-1, numArg(args, 1, len(ws))
		return strings.Join(window(ws, from, n), " ")
	},
	// substring(start=1, n=all) keeps n characters from the start-th.
	"substring": func(s string, args []arg) string {
		rs := []rune(s)
		from, n := numArg(args, 0, 1)-1, numArg(args, 1, len(rs))
		return string(window(rs, from, n))
	},
	// clean makes the text a safe key: ASCII letters, digits and -_:./+.
	"clean": func(s string, _ []arg) string { return clean(s) },
	// fold replaces letters of any script manba romanizes with ASCII.
	"fold": func(s string, _ []arg) string { return ASCII(s) },
	// condense(sep="") joins the words with sep.
	"condense": func(s string, args []arg) string { return strings.Join(strings.Fields(s), strArg(args, 0)) },
	// prefix(text) and postfix(text) add text to a non-empty value.
	"prefix": func(s string, args []arg) string {
		if s == "" {
			return s
		}
		return strArg(args, 0) + s
	},
	"postfix": func(s string, args []arg) string {
		if s == "" {
			return s
		}
		return s + strArg(args, 0)
	},
}

func filterNames() []string {
	out := make([]string, 0, len(filters))
	for n := range filters {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func numArg(args []arg, i, def int) int {
	if i < len(args) && args[i].isNum {
		return args[i].num
	}
	return def
}

func strArg(args []arg, i int) string {
	if i < len(args) && !args[i].isNum {
		return args[i].str
	}
	return ""
}

// window returns n elements of s from index from, clamped to s.
func window[T any](s []T, from, n int) []T {
	from = max(from, 0)
	if from >= len(s) || n <= 0 {
		return nil
	}
	return s[from:min(from+n, len(s))]
}

// clean keeps the characters that are safe in a BibTeX key and in
// pandoc's @key syntax.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_:./+", r)) {
			return r
		}
		return -1
	}, ASCII(s))
}
