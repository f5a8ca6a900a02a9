package finder

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	yearRE      = regexp.MustCompile(`\b(?:1[5-9]|20)\d\d[a-z]?\b`)
	parenYearRE = regexp.MustCompile(`\((?:1[5-9]|20)\d\d[a-z]?\)`)
	rangeRE     = regexp.MustCompile(`\d+\s?[-–]\s?\d+`)
	surnameRE   = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?,\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+)`)
	initialRE   = regexp.MustCompile(`\b\p{Lu}\.`)
	labelRE     = regexp.MustCompile(`^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]|\(\d{1,3}\)|[•*▪◦·–-]|\^|↑)\s`)
	bareNumRE   = regexp.MustCompile(`^\s*\d{1,4}\s*$`)
	refWordRE   = regexp.MustCompile(`(?i)\b(?:pp?\.|vol\.|no\.|eds?\.|journal|review|press|university|proceedings|doi|https?://|et al|in:)`)
)

func bucket(n int, bounds ...int) string {
	for i, b := range bounds {
		if n <= b {
			return string(rune('a' + i))
		}
	}
	return string(rune('a' + len(bounds)))
}

// lineInfo is what the features know about one line.
type lineInfo struct {
	blank          bool
	indent, length int
	first, last    string
	facts          []string
}

func describe(l string) lineInfo {
	t := strings.TrimSpace(l)
	li := lineInfo{blank: t == ""}
	if li.blank {
		return li
	}
	li.indent = len(l) - len(strings.TrimLeft(l, " \t"))
	li.length = utf8.RuneCountInString(t)
	r, _ := utf8.DecodeRuneInString(t)
	switch {
	case unicode.IsUpper(r):
		li.first = "U"
	case unicode.IsLower(r):
		li.first = "l"
	case unicode.IsDigit(r):
		li.first = "d"
	case unicode.IsLetter(r):
		li.first = "L"
	default:
		li.first = string(r)
	}
	e, _ := utf8.DecodeLastRuneInString(t)
	switch {
	case unicode.IsLetter(e):
		li.last = "w"
	case unicode.IsDigit(e):
		li.last = "d"
	default:
		li.last = string(e)
	}
	add := func(ok bool, f string) {
		if ok {
			li.facts = append(li.facts, f)
		}
	}
	add(yearRE.MatchString(t), "year")
	add(parenYearRE.MatchString(t), "pyear")
	add(rangeRE.MatchString(t), "range")
	add(surnameRE.MatchString(t), "surname")
	add(labelRE.MatchString(t), "label")
	add(bareNumRE.MatchString(t), "barenum")
	add(refWordRE.MatchString(t), "refword")
	add(strings.ToUpper(t) == t && strings.ToLower(t) != t, "caps")
	add(strings.ContainsAny(t, "“”\""), "quote")
	li.facts = append(li.facts, "init"+bucket(len(initialRE.FindAllStringIndex(t, 8)), 0, 1, 3))
	words := strings.Fields(t)
	li.facts = append(li.facts, "words"+bucket(len(words), 1, 3, 6, 10, 16))
	punct := 0
	for _, c := range t {
		if unicode.IsPunct(c) {
			punct++
		}
	}
	li.facts = append(li.facts, "punct"+bucket(punct*20/max(li.length, 1), 0, 1, 2, 4))
	return li
}

// Features returns the hashed features of every line of a document.
func Features(lines []string) [][]uint32 {
	infos := make([]lineInfo, len(lines))
	for i, l := range lines {
		infos[i] = describe(l)
	}
	// The prevailing line length tells wrapped lines from short ones.
	out := make([][]uint32, len(lines))
	n := len(lines)
	for i, li := range infos {
		var fs []uint32
		add := func(name, v string) { fs = append(fs, hash(name, v)) }
		add("bias", "")
		add("pos", bucket(i*20/max(n, 1), 0, 1, 3, 9, 15, 17, 18))
		if li.blank {
			add("blank", "")
		} else {
			add("indent", bucket(li.indent, 0, 2, 6, 15))
			add("len", bucket(li.length, 10, 30, 60, 90))
			add("first", li.first)
			add("last", li.last)
			add("fl", li.first+li.last)
			for _, f := range li.facts {
				add("f", f)
			}
		}
		for _, d := range []int{-2, -1, 1, 2} {
			j := i + d
			p := string(rune('0' + d + 2))
			if j < 0 || j >= n {
				add("edge"+p, "")
				continue
			}
			nb := infos[j]
			if nb.blank {
				add("nblank"+p, "")
				continue
			}
			if d == -1 || d == 1 {
				for _, f := range nb.facts {
					add("nf"+p, f)
				}
				add("nlast"+p, nb.last)
				add("nfirst"+p, nb.first)
				if !li.blank {
					add("dindent"+p, bucket(nb.indent-li.indent+20, 17, 19, 20, 22))
				}
			}
		}
		out[i] = fs
	}
	return out
}

func hash(name, value string) uint32 {
	x := uint32(2166136261)
	for i := 0; i < len(name); i++ {
		x ^= uint32(name[i])
		x *= 16777619
	}
	x ^= 0xff
	x *= 16777619
	for i := 0; i < len(value); i++ {
		x ^= uint32(value[i])
		x *= 16777619
	}
	return x
}
