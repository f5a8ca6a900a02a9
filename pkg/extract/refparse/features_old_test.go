package refparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The feature code as it was before it hashed into reused buffers, kept as
// the oracle of TestFeaturesUnchanged: the trained model's weights are
// keyed by these hashes, so the new code must give the same ones.

type oldWord struct {
	raw   string
	lower string
	shape string
	caps  string
	lex   string
	num   string
	first rune
	last  rune
}

func oldAnalyse(raw string) oldWord {
	w := oldWord{raw: raw}
	w.first, _ = utf8.DecodeRuneInString(raw)
	w.last, _ = utf8.DecodeLastRuneInString(raw)
	stripped := strings.TrimFunc(raw, isPunct)
	w.lower = strings.ToLower(stripped)
	w.shape = oldShape(raw)
	w.caps = capsClass(stripped)
	w.lex = lexicon[w.lower]
	switch {
	case w.lex != "":
	case strings.HasPrefix(w.lower, "http") || strings.HasPrefix(w.lower, "www."):
		w.lex = "url"
	case strings.HasPrefix(w.lower, "10.") && strings.Contains(w.lower, "/") || strings.HasPrefix(w.lower, "doi"):
		w.lex = "doi"
	case strings.HasPrefix(w.lower, "isbn"):
		w.lex = "isbn"
	}
	w.num = numClass(stripped)
	return w
}

// oldShape maps letters to X/x, digits to d, keeps punctuation, and squeezes
// runs longer than two: "Smith," -> "Xxx,", "1998)." -> "dddd).".
func oldShape(s string) string {
	var b strings.Builder
	var prev rune
	run := 0
	for _, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == prev {
			run++
			if run > 2 && c != 'd' {
				continue
			}
		} else {
			run = 1
		}
		prev = c
		b.WriteRune(c)
		if b.Len() > 16 {
			break
		}
	}
	return b.String()
}

// oldHasher builds feature hashes: FNV-1a over a name and
// a value.
type oldHasher struct{ out []uint32 }

func (h *oldHasher) add(name, value string) {
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
	h.out = append(h.out, x)
}

func oldPunctClass(r rune) string {
	switch r {
	case '.', ',', ';', ':', '(', ')', '[', ']', '"', '“', '”', '‘', '’', '\'', '/', '-', '–', '?', '!':
		return string(r)
	}
	if isPunct(r) {
		return "p"
	}
	return "w"
}

// oldFeatures returns the hashed features of every token of a reference.
func oldFeatures(tokens []string) [][]uint32 {
	ws := make([]oldWord, len(tokens))
	for i, t := range tokens {
		ws[i] = oldAnalyse(t)
	}
	out := make([][]uint32, len(tokens))
	var h oldHasher
	quote, paren := false, false
	n := len(tokens)
	for i, w := range ws {
		h.out = make([]uint32, 0, 48)
		// Quote and bracket state before this token.
		open := strings.ContainsAny(string(w.first), "“\"‘«")
		if open {
			quote = true
		}
		if w.first == '(' || w.first == '[' {
			paren = true
		}
		h.add("bias", "")
		h.add("w", w.lower)
		h.add("sh", w.shape)
		h.add("caps", w.caps)
		h.add("lex", w.lex)
		h.add("num", w.num)
		h.add("f", oldPunctClass(w.first))
		h.add("l", oldPunctClass(w.last))
		if r := []rune(w.lower); len(r) > 0 {
			h.add("p1", string(r[:1]))
			h.add("s1", string(r[len(r)-1:]))
			if len(r) > 2 {
				h.add("p3", string(r[:3]))
				h.add("s3", string(r[len(r)-3:]))
			}
		}
		h.add("pos", string(rune('0'+i*10/n)))
		if i < 3 {
			h.add("abs", string(rune('0'+i)))
		}
		if n-i <= 2 {
			h.add("end", string(rune('0'+n-i)))
		}
		if quote {
			h.add("inquote", "")
		}
		if paren {
			h.add("inparen", "")
		}
		h.add("caps|l", w.caps+oldPunctClass(w.last))
		h.add("lex|l", w.lex+oldPunctClass(w.last))
		for _, d := range []int{-2, -1, 1, 2} {
			j := i + d
			pre := string(rune('0' + d + 2))
			if j < 0 || j >= n {
				h.add("n"+pre, "edge")
				continue
			}
			v := ws[j]
			h.add("nw"+pre, v.lower)
			h.add("nsh"+pre, v.shape)
			h.add("nlex"+pre, v.lex)
			if d == -1 || d == 1 {
				h.add("ncaps"+pre, v.caps+oldPunctClass(v.last))
				h.add("nnum"+pre, v.num)
			}
		}
		if i > 0 {
			p := ws[i-1]
			h.add("prevlast|caps", oldPunctClass(p.last)+w.caps)
			h.add("prevlast|lex", oldPunctClass(p.last)+w.lex)
		}
		out[i] = h.out
		if strings.ContainsAny(string(w.last), "”\"’»") && (!open || len(w.raw) > 1) {
			quote = false
		}
		if strings.ContainsAny(w.raw, ")]") {
			paren = false
		}
	}
	return out
}
