package refparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is what the features know about one token.
type word struct {
	raw   string // as written
	lower string // lower case, surrounding punctuation removed
	shape string // "Xx.", "dddd,", ...
	caps  string // "upper", "title", "lower", "mixed", "none"
	lex   string // lexicon class: "month", "ed", "vol", "pp", ...
	num   string // number class: "year", "range", "digits3", ...
	first rune   // first character
	last  rune   // last character
}

// lexicon maps lower-case words (without punctuation) to a class.
var lexicon = map[string]string{}

func addLex(class string, words ...string) {
	for _, w := range words {
		lexicon[w] = class
	}
}

func init() {
	addLex("month", "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
		"aug", "sep", "sept", "oct", "nov", "dec", "janvier", "février", "mars", "avril", "mai",
		"juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "enero",
		"febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
		"noviembre", "diciembre", "januar", "februar", "märz", "juni", "juli", "oktober",
		"dezember", "spring", "summer", "autumn", "fall", "winter")
	addLex("ed", "ed", "eds", "editor", "editors", "edited", "hrsg", "hg", "éd", "dir", "coord", "comp")
	addLex("trans", "trans", "tr", "translated", "translator", "übers", "trad", "traduit", "traducción")
	addLex("edition", "edn", "edition", "éd.", "auflage", "aufl", "edición", "rev", "revised", "reprint", "repr")
	addLex("vol", "vol", "vols", "volume", "volumes", "bd", "tome", "t", "band", "jg", "jahrgang")
	addLex("no", "no", "nos", "issue", "nr", "num", "número", "heft", "n")
	addLex("pp", "pp", "p", "pages", "page", "pg", "pgs", "s", "seiten", "págs", "pág")
	addLex("in", "in", "dans", "en")
	addLex("and", "and", "&", "und", "et", "y", "e")
	addLex("etal", "al", "et al")
	addLex("pub", "press", "publisher", "publishers", "publishing", "publications", "verlag",
		"éditions", "editions", "editorial", "books", "university", "universitaire", "universitaires",
		"inc", "ltd", "co", "company", "group", "house", "academic", "wiley", "springer", "routledge",
		"elsevier", "blackwell", "sage", "macmillan", "palgrave", "penguin", "norton", "harper",
		"verso", "brill", "gallimard", "seuil", "suhrkamp", "cambridge", "oxford", "mit")
	addLex("place", "london", "new", "york", "paris", "oxford", "cambridge", "berlin", "chicago",
		"boston", "princeton", "berkeley", "tehran", "amsterdam", "leiden", "washington", "madrid",
		"barcelona", "münchen", "munich", "frankfurt", "stuttgart", "wien", "vienna", "roma",
		"rome", "milano", "toronto", "sydney", "haven", "heidelberg", "hamburg", "leipzig",
		"dordrecht", "basingstoke", "abingdon", "philadelphia", "baltimore", "austin")
	addLex("journal", "journal", "review", "quarterly", "bulletin", "studies", "proceedings",
		"annals", "transactions", "letters", "magazine", "revue", "revista", "zeitschrift",
		"jahrbuch", "j", "rev", "proc", "phys", "acta", "research", "science", "nature", "times",
		"news", "post", "guardian", "herald", "gazette", "newspaper", "conference", "symposium",
		"workshop", "international", "annual")
	addLex("thesis", "thesis", "dissertation", "phd", "ph.d", "master's", "thèse", "tesis",
		"report", "paper", "working", "technical", "manuscript", "unpublished", "mimeo")
	addLex("access", "retrieved", "accessed", "available", "online", "from", "at", "viewed", "consulté", "abgerufen")
	addLex("nd", "n.d", "s.d", "o.j", "forthcoming", "in press")
}

func isPunct(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func analyse(raw string) word {
	w := word{raw: raw}
	w.first, _ = utf8.DecodeRuneInString(raw)
	w.last, _ = utf8.DecodeLastRuneInString(raw)
	stripped := strings.TrimFunc(raw, isPunct)
	w.lower = strings.ToLower(stripped)
	w.shape = shape(raw)
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

// shape maps letters to X/x, digits to d, keeps punctuation, and squeezes
// runs longer than two: "Smith," -> "Xxx,", "1998)." -> "dddd).".
func shape(s string) string {
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

func capsClass(s string) string {
	if s == "" {
		return "none"
	}
	upper, lower := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	switch {
	case upper == 0 && lower == 0:
		return "none"
	case lower == 0 && upper == 1:
		return "initial"
	case lower == 0:
		return "upper"
	case upper == 0:
		return "lower"
	case unicode.IsUpper(first) && upper == 1:
		return "title"
	}
	return "mixed"
}

func numClass(s string) string {
	if s == "" {
		return ""
	}
	digits, other, dash := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '-' || r == '–' || r == '—':
			dash++
		default:
			other++
		}
	}
	switch {
	case digits == 0:
		if romanRE(s) {
			return "roman"
		}
		return ""
	case digits == 4 && other == 0 && dash == 0 && (s[:2] == "19" || s[:2] == "20" || s[:2] == "18" || s[:2] == "17"):
		return "year"
	case digits == 4 && other == 1 && dash == 0 && unicode.IsLetter(rune(s[len(s)-1])):
		return "yearletter"
	case dash > 0 && other == 0:
		if digits == 8 {
			return "yearrange"
		}
		return "range"
	case other == 0:
		if digits > 4 {
			return "digits5"
		}
		return "digits" + string(rune('0'+digits))
	}
	return "alnum"
}

func romanRE(s string) bool {
	if len(s) > 6 {
		return false
	}
	for _, r := range strings.ToLower(s) {
		if !strings.ContainsRune("ivxlc", r) {
			return false
		}
	}
	return true
}

// hasher builds feature hashes without allocating: FNV-1a over a name and
// a value.
type hasher struct{ out []uint32 }

func (h *hasher) add(name, value string) {
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

func punctClass(r rune) string {
	switch r {
	case '.', ',', ';', ':', '(', ')', '[', ']', '"', '“', '”', '‘', '’', '\'', '/', '-', '–', '?', '!':
		return string(r)
	}
	if isPunct(r) {
		return "p"
	}
	return "w"
}

// Features returns the hashed features of every token of a reference.
func Features(tokens []string) [][]uint32 {
	ws := make([]word, len(tokens))
	for i, t := range tokens {
		ws[i] = analyse(t)
	}
	out := make([][]uint32, len(tokens))
	var h hasher
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
		h.add("f", punctClass(w.first))
		h.add("l", punctClass(w.last))
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
		h.add("caps|l", w.caps+punctClass(w.last))
		h.add("lex|l", w.lex+punctClass(w.last))
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
				h.add("ncaps"+pre, v.caps+punctClass(v.last))
				h.add("nnum"+pre, v.num)
			}
		}
		if i > 0 {
			p := ws[i-1]
			h.add("prevlast|caps", punctClass(p.last)+w.caps)
			h.add("prevlast|lex", punctClass(p.last)+w.lex)
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
