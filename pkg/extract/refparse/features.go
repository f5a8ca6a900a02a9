package refparse

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is what the features know about one token. Its lower and shape
// point into the featureBuf that analysed it.
type word struct {
	raw   string // as written
	lower []byte // lower case, surrounding punctuation removed
	shape []byte // "Xx.", "dddd,", ...
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

// analyse describes one token, writing its lower-case form and shape
// into b.text.
func (b *featureBuf) analyse(raw string) word {
	w := word{raw: raw}
	w.first, _ = utf8.DecodeRuneInString(raw)
	w.last, _ = utf8.DecodeLastRuneInString(raw)
	stripped := strings.TrimFunc(raw, isPunct)
	w.lower = b.lower(stripped)
	w.shape = b.shape(raw)
	w.caps = capsClass(stripped)
	w.lex = lexicon[string(w.lower)]
	switch {
	case w.lex != "":
	case bytes.HasPrefix(w.lower, []byte("http")) || bytes.HasPrefix(w.lower, []byte("www.")):
		w.lex = "url"
	case bytes.HasPrefix(w.lower, []byte("10.")) && bytes.IndexByte(w.lower, '/') >= 0 || bytes.HasPrefix(w.lower, []byte("doi")):
		w.lex = "doi"
	case bytes.HasPrefix(w.lower, []byte("isbn")):
		w.lex = "isbn"
	}
	w.num = numClass(stripped)
	return w
}

// lower appends s in lower case to b.text, as strings.ToLower writes it
// (an invalid byte becomes U+FFFD), and returns it.
func (b *featureBuf) lower(s string) []byte {
	start := len(b.text)
	for _, r := range s {
		b.text = utf8.AppendRune(b.text, unicode.ToLower(r))
	}
	return b.text[start:len(b.text):len(b.text)]
}

// shape appends the shape of s to b.text and returns it: letters become
// X/x, digits d, punctuation stays, and runs longer than two are
// squeezed: "Smith," -> "Xxx,", "1998)." -> "dddd).".
func (b *featureBuf) shape(s string) []byte {
	start := len(b.text)
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
		b.text = utf8.AppendRune(b.text, c)
		if len(b.text)-start > 16 {
			break
		}
	}
	return b.text[start:len(b.text):len(b.text)]
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

// fhash is an FNV-1a hash being built. A feature's hash is that of its
// name, a 0xff byte and its value; names and values are fed in pieces,
// without building the strings.
type fhash uint32

const (
	fnvOffset fhash = 2166136261
	fnvPrime  fhash = 16777619
)

func (x fhash) str(s string) fhash {
	for i := 0; i < len(s); i++ {
		x ^= fhash(s[i])
		x *= fnvPrime
	}
	return x
}

func (x fhash) bytes(s []byte) fhash {
	for _, c := range s {
		x ^= fhash(c)
		x *= fnvPrime
	}
	return x
}

// rune feeds the UTF-8 encoding of r, as string(r) has it.
func (x fhash) rune(r rune) fhash {
	var b [utf8.UTFMax]byte
	return x.bytes(b[:utf8.EncodeRune(b[:], r)])
}

// value ends the name.
func (x fhash) value() fhash {
	x ^= 0xff
	return x * fnvPrime
}

// name starts a feature hash with its name.
func name(s string) fhash { return fnvOffset.str(s) }

// punctClass is the class of a token's first or last character: the
// character itself for common punctuation, 'p' for other punctuation,
// 'w' for a letter or digit.
func punctClass(r rune) rune {
	switch r {
	case '.', ',', ';', ':', '(', ')', '[', ']', '"', '“', '”', '‘', '’', '\'', '/', '-', '–', '?', '!':
		return r
	}
	if isPunct(r) {
		return 'p'
	}
	return 'w'
}

// featureBuf holds the storage Features fills, reused from one reference
// to the next, so that computing features allocates nothing per token.
type featureBuf struct {
	text  []byte // the lower-case forms and shapes of the words
	words []word
	flat  []uint32 // the features of all tokens, one after the other
	ends  []int    // where each token's features end in flat
	rows  [][]uint32
}

// Features returns the hashed features of every token of a reference.
func Features(tokens []string) [][]uint32 {
	var b featureBuf
	return b.features(tokens)
}

// features returns the hashed features of every token, in b's storage:
// they stay valid until b is used again.
func (b *featureBuf) features(tokens []string) [][]uint32 {
	b.text, b.words, b.flat, b.ends = b.text[:0], b.words[:0], b.flat[:0], b.ends[:0]
	for _, t := range tokens {
		b.words = append(b.words, b.analyse(t))
	}
	ws := b.words
	quote, paren := false, false
	n := len(tokens)
	add := func(x fhash) { b.flat = append(b.flat, uint32(x)) }
	for i, w := range ws {
		// Quote and bracket state before this token.
		open := strings.ContainsRune("“\"‘«", w.first)
		if open {
			quote = true
		}
		if w.first == '(' || w.first == '[' {
			paren = true
		}
		add(name("bias").value())
		add(name("w").value().bytes(w.lower))
		add(name("sh").value().bytes(w.shape))
		add(name("caps").value().str(w.caps))
		add(name("lex").value().str(w.lex))
		add(name("num").value().str(w.num))
		add(name("f").value().rune(punctClass(w.first)))
		add(name("l").value().rune(punctClass(w.last)))
		if len(w.lower) > 0 {
			add(name("p1").value().bytes(w.lower[:runesPrefix(w.lower, 1)]))
			add(name("s1").value().bytes(w.lower[runesSuffix(w.lower, 1):]))
			if utf8.RuneCount(w.lower) > 2 {
				add(name("p3").value().bytes(w.lower[:runesPrefix(w.lower, 3)]))
				add(name("s3").value().bytes(w.lower[runesSuffix(w.lower, 3):]))
			}
		}
		add(name("pos").value().rune('0' + rune(i*10/n)))
		if i < 3 {
			add(name("abs").value().rune('0' + rune(i)))
		}
		if n-i <= 2 {
			add(name("end").value().rune('0' + rune(n-i)))
		}
		if quote {
			add(name("inquote").value())
		}
		if paren {
			add(name("inparen").value())
		}
		add(name("caps|l").value().str(w.caps).rune(punctClass(w.last)))
		add(name("lex|l").value().str(w.lex).rune(punctClass(w.last)))
		for _, d := range []int{-2, -1, 1, 2} {
			j := i + d
			pre := '0' + rune(d+2)
			if j < 0 || j >= n {
				add(name("n").rune(pre).value().str("edge"))
				continue
			}
			v := ws[j]
			add(name("nw").rune(pre).value().bytes(v.lower))
			add(name("nsh").rune(pre).value().bytes(v.shape))
			add(name("nlex").rune(pre).value().str(v.lex))
			if d == -1 || d == 1 {
				add(name("ncaps").rune(pre).value().str(v.caps).rune(punctClass(v.last)))
				add(name("nnum").rune(pre).value().str(v.num))
			}
		}
		if i > 0 {
			p := ws[i-1]
			add(name("prevlast|caps").value().rune(punctClass(p.last)).str(w.caps))
			add(name("prevlast|lex").value().rune(punctClass(p.last)).str(w.lex))
		}
		b.ends = append(b.ends, len(b.flat))
		if strings.ContainsRune("”\"’»", w.last) && (!open || len(w.raw) > 1) {
			quote = false
		}
		if strings.ContainsAny(w.raw, ")]") {
			paren = false
		}
	}
	b.rows = b.rows[:0]
	start := 0
	for _, end := range b.ends {
		b.rows = append(b.rows, b.flat[start:end:end])
		start = end
	}
	return b.rows
}

// runesPrefix returns the length in bytes of the first n runes of s.
func runesPrefix(s []byte, n int) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRune(s[i:])
		i += size
	}
	return i
}

// runesSuffix returns where the last n runes of s start.
func runesSuffix(s []byte, n int) int {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRune(s[:i])
		i -= size
	}
	return i
}
