package translit

import (
	"bufio"
	_ "embed"
	"fmt"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The romanization model: a word is read into symbols (consonants, short
// vowels a e i o u, long vowels A I U, diphthongs Y and W), and two
// readings are compared by a weighted edit distance whose costs say which
// differences romanizations of one Persian or Arabic name actually
// produce. Short vowels are not written in the script, so they differ
// freely (cheaply) between conventions: e/i, o/u, a/e; long vowels are
// written, so Jamil (ī) and Jamal (ā) differ by a vowel no convention
// exchanges. The readings, costs and blocking variants are data
// (data/conventions.tsv), each row citing where the convention is
// documented.

//go:embed data/conventions.tsv
var conventionsTSV string

// maxSymbols bounds the words the model compares: longer ones (no name is
// that long) compare by equality, so that time stays bounded.
const maxSymbols = 48

// step is one edit the model knows: its cost and the label explaining it.
type step struct {
	cost  float32
	label uint16 // index into Model.labels; 0: no label
	ok    bool
}

// Model is a romanization model: how spellings are read and what each
// difference between two readings costs. The zero value is not usable; see
// DefaultModel.
type Model struct {
	labels   []string
	read     map[string]readRule
	final    map[string]readRule // read rules for the end of a word (LETTERS$)
	maxRead  int                 // longest LETTERS of a read rule, in runes
	sub      [128][128]step
	indel    [6][128]step     // by context: any, vowel, sun, script, final
	article  step             // a short vowel for another before l: al, ol, ul, el
	initial  step             // a short vowel for another at the start of a word
	solid    step             // the article written solid with the name on one side only
	swap     step             // two short vowels read each as the other in one word
	pairs    map[[3]byte]step // one symbol against two: Y against a I (ay, aʿī)
	hasPair  [128]bool        // the symbol has pair rules
	variants []variant
}

type readRule struct {
	sym   string
	label uint16
}

// variant is a convention's reading of some symbols, for blocking.
type variant struct {
	name    string
	from    [128]byte // symbol -> symbol; 0: unchanged
	article bool      // a leading article and an l before a sun letter are left out
}

const (
	ctxAny = iota
	ctxVowel
	ctxSun
	ctxScript
	ctxFinal
	ctxIya // before a final a: the -iya of a feminine nisba (Nadia, Nada)
)

// DefaultModel is the embedded model.
var DefaultModel = func() *Model {
	m, err := ParseModel(conventionsTSV, "conventions.tsv")
	if err != nil {
		panic(err) // embedded at build time and checked by the tests
	}
	return m
}()

// ParseModel reads a model in the format of data/conventions.tsv.
func ParseModel(src, file string) (*Model, error) {
	m := &Model{labels: []string{""}, read: map[string]readRule{}, final: map[string]readRule{}, pairs: map[[3]byte]step{}}
	labelIndex := map[string]uint16{}
	label := func(s string) uint16 {
		if s == "-" {
			return 0
		}
		if i, ok := labelIndex[s]; ok {
			return i
		}
		i := uint16(len(m.labels))
		if i >= maxLabels {
			i = 0 // reported below
		}
		m.labels = append(m.labels, s)
		labelIndex[s] = i
		return i
	}
	label("typo") // an edit no convention explains
	byName := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(src))
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...))
		}
		symbol := func(s string) (byte, error) {
			if len(s) != 1 || s[0] >= 128 {
				return 0, bad("want one ASCII symbol, got %q", s)
			}
			return s[0], nil
		}
		switch f[0] {
		case "read":
			if len(f) < 5 {
				return nil, bad("read needs LETTERS SYMBOLS LABEL SOURCE")
			}
			if letters, ok := strings.CutSuffix(f[1], "$"); ok && letters != "" {
				m.final[letters] = readRule{sym: f[2], label: label(f[3])}
				break
			}
			m.read[f[1]] = readRule{sym: f[2], label: label(f[3])}
			m.maxRead = max(m.maxRead, utf8.RuneCountInString(f[1]))
		case "sub":
			if len(f) < 6 {
				return nil, bad("sub needs X Y COST LABEL SOURCE")
			}
			x, err := symbol(f[1])
			if err != nil {
				return nil, err
			}
			y, err := symbol(f[2])
			if err != nil {
				return nil, err
			}
			c, err := strconv.ParseFloat(f[3], 32)
			if err != nil {
				return nil, bad("%v", err)
			}
			s := step{cost: float32(c), label: label(f[4]), ok: true}
			m.sub[x][y], m.sub[y][x] = s, s
		case "indel":
			if len(f) < 6 {
				return nil, bad("indel needs X CONTEXT COST LABEL SOURCE")
			}
			x, err := symbol(f[1])
			if err != nil {
				return nil, err
			}
			ctx := map[string]int{"any": ctxAny, "vowel": ctxVowel, "sun": ctxSun, "script": ctxScript, "final": ctxFinal, "iya": ctxIya}
			ci, ok := ctx[f[2]]
			if !ok {
				return nil, bad("unknown context %q", f[2])
			}
			c, err := strconv.ParseFloat(f[3], 32)
			if err != nil {
				return nil, bad("%v", err)
			}
			m.indel[ci][x] = step{cost: float32(c), label: label(f[4]), ok: true}
		case "pair":
			if len(f) < 6 || len(f[2]) != 2 {
				return nil, bad("pair needs X YZ COST LABEL SOURCE (YZ two symbols)")
			}
			x, err := symbol(f[1])
			if err != nil {
				return nil, err
			}
			if f[2][0] >= 128 || f[2][1] >= 128 {
				return nil, bad("want two ASCII symbols, got %q", f[2])
			}
			c, err := strconv.ParseFloat(f[3], 32)
			if err != nil {
				return nil, bad("%v", err)
			}
			m.pairs[[3]byte{x, f[2][0], f[2][1]}] = step{cost: float32(c), label: label(f[4]), ok: true}
			m.hasPair[x] = true
		case "article", "initial", "solid", "swap":
			if len(f) < 4 {
				return nil, bad("%s needs COST LABEL SOURCE", f[0])
			}
			c, err := strconv.ParseFloat(f[1], 32)
			if err != nil {
				return nil, bad("%v", err)
			}
			st := step{cost: float32(c), label: label(f[2]), ok: true}
			switch f[0] {
			case "article":
				m.article = st
			case "initial":
				m.initial = st
			case "solid":
				m.solid = st
			default:
				m.swap = st
			}
		case "assimilate":
			if len(f) < 3 {
				return nil, bad("assimilate needs CONVENTION SOURCE")
			}
			m.variants = append(m.variants, variant{name: f[1], article: true})
			byName[f[1]] = len(m.variants) - 1
		case "variant":
			if len(f) < 5 {
				return nil, bad("variant needs CONVENTION X Y SOURCE")
			}
			x, err := symbol(f[2])
			if err != nil {
				return nil, err
			}
			y, err := symbol(f[3])
			if err != nil {
				return nil, err
			}
			i, ok := byName[f[1]]
			if !ok {
				i = len(m.variants)
				byName[f[1]] = i
				m.variants = append(m.variants, variant{name: f[1]})
			}
			m.variants[i].from[x] = y
		default:
			return nil, bad("unknown kind %q", f[0])
		}
	}
	if len(m.labels) > maxLabels {
		return nil, fmt.Errorf("%s: %d labels, at most %d", file, len(m.labels), maxLabels)
	}
	return m, sc.Err()
}

// Reading is a word read into the model's symbols.
type Reading struct {
	Symbols string
	Script  bool     // read from Perso-Arabic script: short vowels are not written
	rules   labelSet // labels of the read rules that fired
}

func isVowelSym(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'A', 'I', 'U', 'Y', 'W', 'E':
		return true
	}
	return false
}

func isShortVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// isSun reports the consonants the Arabic article assimilates to.
func isSun(c byte) bool {
	switch c {
	case 't', 'T', 'd', 'D', 'r', 'z', 's', 'S', 'l', 'n':
		return true
	}
	return false
}

// Read reads one word (letters only; other characters are skipped).
func (m *Model) Read(word string) Reading {
	var r Reading
	if hasArabicLetter(word) {
		r.Script = true
		r.Symbols = readScript(word)
		return r
	}
	w := strings.ToLower(norm.NFC.String(word))
	var b []byte
	for i := 0; i < len(w); {
		if rule, ok := m.final[w[i:]]; ok && i > 0 {
			b = append(b, rule.sym...)
			r.addRule(rule.label)
			break
		}
		if rule, n := m.longestRead(w[i:]); n > 0 {
			b = append(b, rule.sym...)
			r.addRule(rule.label)
			i += n
			continue
		}
		c, n := utf8.DecodeRuneInString(w[i:])
		i += n
		switch {
		case c >= 'a' && c <= 'z':
			b = append(b, byte(c))
		case c < utf8.RuneSelf || isApostrophe(c) || !unicode.IsLetter(c):
			// apostrophes (ayn, hamza) and punctuation carry no letter
		default:
			if s, ok := latinLookup(c); ok {
				for _, x := range []byte(s) {
					if x >= 'a' && x <= 'z' {
						b = append(b, x)
					}
				}
			}
		}
	}
	r.Symbols = string(shape(b, &r))
	return r
}

func (r *Reading) addRule(l uint16) { r.rules.add(l) }

// labelSet is a set of label indices, small enough to keep in every
// reading without an allocation.
type labelSet [maxLabels / 64]uint64

// maxLabels bounds the labels of a model.
const maxLabels = 256

func (s *labelSet) add(l uint16) { s[l/64] |= 1 << (l % 64) }

func (s labelSet) has(l uint16) bool { return s[l/64]&(1<<(l%64)) != 0 }

func (m *Model) longestRead(s string) (readRule, int) {
	// Cut up to maxRead runes and try the longest prefix first.
	end, n := 0, 0
	var ends [8]int
	for end < len(s) && n < m.maxRead && n < len(ends) {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		ends[n] = end
		n++
	}
	for k := n - 1; k >= 0; k-- {
		if rule, ok := m.read[s[:ends[k]]]; ok {
			return rule, ends[k]
		}
	}
	return readRule{}, 0
}

// shape applies what the model reads from letters in context: doubled
// consonants are single, a final i or y is the long ī of a nisba
// (Khomeini, Khomeiny), e/a before i or y closes into the diphthong Y
// (Hossein, Husayn), a/o before w or u and e before w into W (Rowhani,
// Firdausi, Turkish Firdevsi), a final h
// after a vowel is silent (Fatemeh, Allah).
func shape(b []byte, r *Reading) []byte {
	// silent final h
	if n := len(b); n >= 2 && b[n-1] == 'h' && isVowelSym(b[n-2]) {
		b = b[:n-1]
	}
	out := b[:0:0]
	for i := 0; i < len(b); i++ {
		c := b[i]
		var next, after byte
		if i+1 < len(b) {
			next = b[i+1]
		}
		if i+2 < len(b) {
			after = b[i+2]
		}
		last := byte(0)
		if len(out) > 0 {
			last = out[len(out)-1]
		}
		switch {
		case !isVowelSym(c) && c == last, c == 'A' && last == 'A':
			continue // doubled consonant; ā twice, as Latin writes Qāʾānī
		case (c == 'i' || c == 'y') && i == len(b)-1 && len(out) > 0:
			out = append(out, 'I')
			continue
		case (c == 'e' || c == 'a') && (next == 'i' || next == 'y') && !isVowelSym(after) && i+2 < len(b) && after != next:
			// (not before a doubled y, which is a consonant: Sayyid)
			out = append(out, 'Y')
			i++
			continue
		case (c == 'e' || c == 'a') && next == 'y' && after == 'i' && i+3 < len(b) && !isVowelSym(b[i+3]):
			out = append(out, 'Y') // Turkish Hüseyin: ey before a written i
			i++
			continue
		case (c == 'a' || c == 'o' || c == 'e' && next == 'w') && (next == 'w' || next == 'u') && !isVowelSym(after) && i > 0:
			out = append(out, 'W')
			i++
			continue
		}
		out = append(out, c)
	}
	return out
}

func hasArabicLetter(s string) bool {
	for _, r := range s {
		if isArabicLetter(unifyArabic(r)) {
			return true
		}
	}
	return false
}

// scriptSymbols are the consonant symbols of the Perso-Arabic letters;
// the vowel letters ا و ی ه are read in context by readScript.
var scriptSymbols = map[rune]byte{
	'ب': 'b', 'پ': 'p', 'ت': 't', 'ث': 'T', 'ج': 'j', 'چ': 'C', 'ح': 'h', 'خ': 'x',
	'د': 'd', 'ذ': 'D', 'ر': 'r', 'ز': 'z', 'ژ': 'Z', 'س': 's', 'ش': 'S', 'ص': 's',
	'ض': 'z', 'ط': 't', 'ظ': 'z', 'غ': 'G', 'ف': 'f', 'ق': 'q', 'ک': 'k', 'گ': 'g',
	'ل': 'l', 'م': 'm', 'ن': 'n', 'ڤ': 'w',
}

// readScript reads a word of Perso-Arabic script: alef is a long ā except
// as the carrier of a word's first vowel; و and ی are consonants at the
// start of a word or before alef and long vowels elsewhere; final ه after
// a consonant is the silent -e of Persian; ة is -a; a final ی or ى is E,
// ī or ā (Persian writes the alef maqsura of Mūsá, Muṣṭafá, Laylá with ی,
// and Arabic text often types the ي of ʿAlī as ى), while a final Arabic ي
// is ī; ʿayn, and the alef that carries a word's first vowel, are the
// symbol ', which Latin spellings may leave out (Saʿīd سعید, Said) or
// write as a vowel (ʿUmar, Umar), but another script spelling may not (سید
// is Sayyid); so is a hamza on و or ی or alone (مؤمن, قائم); a hamza on
// alef inside a word is read as the alef.
func readScript(s string) string {
	var rs []rune
	var ends []bool     // a sub-word ends after the letter (ZWNJ, or the word's end)
	var arabicYa []bool // the letter is the Arabic ي, never ā
	for _, r := range s {
		if r == 0x200C && len(ends) > 0 {
			ends[len(ends)-1] = true
		}
		if isIgnorable(r) {
			continue
		}
		u := unifyArabic(r)
		if isArabicLetter(u) {
			rs = append(rs, u)
			arabicYa = append(arabicYa, r == 'ي')
			ends = append(ends, false)
		}
	}
	if len(ends) > 0 {
		ends[len(ends)-1] = true
	}
	b := make([]byte, 0, len(rs)+2)
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return 0
		}
		return rs[i]
	}
	for i, r := range rs {
		next := at(i + 1)
		if ends[i] {
			next = 0 // the next letter belongs to another sub-word
		}
		start := i == 0 || ends[i-1]
		switch r {
		case 'آ':
			if len(b) == 0 || b[len(b)-1] != 'A' {
				b = append(b, 'A') // (Qāʾānī قاآنی: Latin writes one ā)
			}
		case 'ا', 'أ', 'إ':
			switch {
			case start && i == 0 && next != 'ی' && next != 'و':
				// The alef that carries a word's first vowel; before ی
				// or و it only seats the long vowel they write (ایران).
				b = append(b, '\'')
			case !start && (len(b) == 0 || b[len(b)-1] != 'A'):
				b = append(b, 'A')
			}
		case 'و':
			if start || next == 'ا' || next == 'آ' || next == 'ی' && !ends[i] {
				b = append(b, 'w')
			} else {
				b = append(b, 'U')
			}
		case 'ی':
			switch {
			case start && !ends[i] || next == 'ا' || next == 'آ' || next == 'و' || next == 'ی':
				b = append(b, 'y')
			case i == len(rs)-1 && !start && !arabicYa[i]:
				b = append(b, 'E')
			default:
				b = append(b, 'I')
			}
		case 'ه':
			if ends[i] && !start {
				b = append(b, 'e')
			} else {
				b = append(b, 'h')
			}
		case 'ة':
			b = append(b, 'a')
		case 'ؤ', 'ئ', 'ء':
			// hamza on a seat, or alone (Muʾmin مؤمن, Qāʾim قائم):
			// read as ʿayn is, so that the letters around it stay apart
			if len(b) == 0 || b[len(b)-1] != '\'' {
				b = append(b, '\'')
			}
		case 'ع':
			if len(b) == 0 || b[len(b)-1] != 'A' && b[len(b)-1] != 'I' && b[len(b)-1] != 'U' {
				// (after a long vowel it only marks two vowels apart,
				// which Latin spellings read as a diphthong: Ismāʿīl, Ismail)
				b = append(b, '\'')
			}
		default:
			if c, ok := scriptSymbols[r]; ok && (len(b) == 0 || b[len(b)-1] != c) {
				b = append(b, c)
			}
		}
	}
	return string(b)
}

// Comparison is the outcome of comparing two words.
type Comparison struct {
	Cost   float64 // the cheapest edit explaining one spelling by the other; 2 Budget + 1 when over 2 Budget
	Budget float64 // the cost allowed for words of this length
	Score  float64 // 1 - Cost/(2 Budget), at least 0: 0.5 and more is the same name
	Rules  []string
}

// Same reports whether the comparison is within the budget.
func (c Comparison) Same() bool { return c.Cost <= c.Budget }

// Budget is the cost allowed between two spellings of one name whose
// longer reading has n symbols: short names allow a few convention
// differences, long ones also one slip (a letter off in a 12-letter name
// is still the name; in a 4-letter name it is not).
func Budget(n int) float64 { return 0.25 + 0.07*float64(n) }

// typo is the cost of an edit no convention explains.
const typo = 0.8

// Compare compares two readings. The article written solid with a name
// (Alqahira, Elbaradei) may be left out of one side.
func (m *Model) Compare(a, b Reading) Comparison {
	c := m.compare(a, b)
	if c.Same() || !m.solid.ok || a.Script || b.Script || hasArticle(a.Symbols) == hasArticle(b.Symbols) {
		return c
	}
	x, y := a, b
	if hasArticle(y.Symbols) {
		x, y = y, x
	}
	x.Symbols = x.Symbols[2:]
	d := m.compare(x, y)
	d.Cost += float64(m.solid.cost)
	if !d.Same() {
		return c
	}
	d.Rules = appendLabel(d.Rules, m.labels[m.solid.label])
	sort.Strings(d.Rules)
	d.Score = max(0, 1-d.Cost/(2*d.Budget))
	return d
}

func (m *Model) compare(a, b Reading) Comparison {
	n := max(len(a.Symbols), len(b.Symbols))
	c := Comparison{Budget: Budget(n)}
	switch {
	case a.Symbols == b.Symbols:
	case len(a.Symbols) > maxSymbols || len(b.Symbols) > maxSymbols || a.Symbols == "" || b.Symbols == "":
		c.Cost = typo * float64(n)
	default:
		var labels []uint16
		c.Cost, labels = m.distance(a, b, 2*c.Budget) // beyond, the score is 0 anyway
		for _, l := range labels {
			c.Rules = appendLabel(c.Rules, m.labels[l])
		}
	}
	for _, l := range symmetricRules(a.rules, b.rules) {
		c.Rules = appendLabel(c.Rules, m.labels[l])
	}
	if a.Script != b.Script {
		c.Rules = appendLabel(c.Rules, "script")
	}
	sort.Strings(c.Rules)
	c.Score = max(0, 1-c.Cost/(2*c.Budget))
	return c
}

func appendLabel(ls []string, l string) []string {
	if l == "" {
		return ls
	}
	for _, x := range ls {
		if x == l {
			return ls
		}
	}
	return append(ls, l)
}

// symmetricRules returns the read rules that fired on one side only: the
// conventions that tell the spellings apart.
func symmetricRules(a, b labelSet) []uint16 {
	var out []uint16
	for w := range a {
		for x := a[w] ^ b[w]; x != 0; x &= x - 1 {
			out = append(out, uint16(w*64+bits.TrailingZeros64(x)))
		}
	}
	return out
}

// indelCost is the cost of writing symbol x at position i of s (the other
// side omits it) and its label.
func (m *Model) indelCost(s string, i int, otherScript bool) (float32, uint16) {
	x := s[i]
	if x >= 128 {
		return typo, 0
	}
	if x == '\'' {
		if otherScript || i == 0 && (len(s) < 2 || !isVowelSym(s[1])) {
			// (a Latin word starts with the vowel an initial alef or
			// ʿayn carries: Salami is not اسلامی; before a long vowel,
			// عارف, it is that vowel: Aref)
			return typo, 0
		}
		return 0, 0 // Latin spellings often leave ʿayn out
	}
	if otherScript && i == 0 && isShortVowel(x) {
		// A word's first vowel is carried by alef or ʿayn, which the
		// script writes (Islami اسلامی, not Salami سلامی).
		return typo, 0
	}
	if st := m.indel[ctxIya][x]; st.ok && isIya(s, i) {
		return st.cost, st.label // Nadia is not Nada, nor Rania Rana
	}
	if st := m.indel[ctxFinal][x]; st.ok && i == len(s)-1 {
		// The last letter decides more than a slip, and the script
		// writes a final vowel (ة, ه, ی).
		return st.cost, st.label
	}
	if otherScript {
		if st := m.indel[ctxScript][x]; st.ok {
			return st.cost, st.label
		}
	}
	best := step{cost: typo}
	try := func(st step) {
		if st.ok && st.cost < best.cost {
			best = st
		}
	}
	if i > 0 && isVowelSym(s[i-1]) || i+1 < len(s) && isVowelSym(s[i+1]) {
		try(m.indel[ctxVowel][x])
	}
	if i+1 < len(s) && isSun(s[i+1]) && i > 0 {
		try(m.indel[ctxSun][x])
	}
	try(m.indel[ctxAny][x])
	return best.cost, best.label
}

func (m *Model) subCost(x, y byte) (float32, uint16) {
	if x == y {
		return 0, 0
	}
	if x == '\'' && isVowelSym(y) || y == '\'' && isVowelSym(x) {
		return 0, 0 // the vowel that alef or ʿayn carries (ʿUmar عمر, Aḥmad احمد)
	}
	if x < 128 && y < 128 {
		if st := m.sub[x][y]; st.ok {
			return st.cost, st.label
		}
	}
	return typo, 0
}

// subAt is subCost in context: the vowel of the Arabic article before l
// (Abdallah, Abdollah, Abdullah; al-Din, ol-Din) is any short vowel, and
// so, at a higher cost, is the first vowel of a word.
func (m *Model) subAt(s string, i int, t string, j int) (float32, uint16) {
	x, y := s[i], t[j]
	if x != y && m.article.ok && isShortVowel(x) && isShortVowel(y) && i > 1 && j > 1 &&
		afterArticle(s, i+1) && afterArticle(t, j+1) {
		if c, l := m.subCost(x, y); c < m.article.cost {
			return c, l
		}
		return m.article.cost, m.article.label
	}
	c, l := m.subCost(x, y)
	if i == 0 && j == 0 && x != y && m.initial.ok && c > m.initial.cost && isShortVowel(x) && isShortVowel(y) {
		// The first vowel of a word is carried by alef or ʿayn and not
		// written (ʿIrāqchī, Araghchi).
		return m.initial.cost, m.initial.label
	}
	return c, l
}

// afterArticle reports an l at i that can be the article's: followed by a
// consonant (al-Din, ol-Karim) or by the a of a final -allah (Abdollah,
// Abdollahi), not by another vowel (Jalali, Jalili) or nothing (Jamil).
func afterArticle(s string, i int) bool {
	if i+1 >= len(s) || s[i] != 'l' {
		return false
	}
	next := s[i+1]
	if !isVowelSym(next) {
		return true
	}
	return (next == 'a' || next == 'A') && (i+2 == len(s) || s[i+2] == 'I' || s[i+2] == 'h')
}

// distance is the weighted edit distance of two readings and the labels
// of the edits on the cheapest path.
func (m *Model) distance(a, b Reading, limit float64) (float64, []uint16) {
	s, t := a.Symbols, b.Symbols
	w := len(t) + 1
	var arr [(maxSymbols + 1) * (maxSymbols + 1)]float32
	var delArr, insArr [maxSymbols]float32
	d := arr[:(len(s)+1)*w]
	del, ins := delArr[:len(s)], insArr[:len(t)]
	for i := range del {
		del[i], _ = m.indelCost(s, i, b.Script)
	}
	for j := range ins {
		ins[j], _ = m.indelCost(t, j, a.Script)
	}
	for j := 1; j <= len(t); j++ {
		d[j] = d[j-1] + ins[j-1]
	}
	prevRowMin := float32(0)
	for i := 1; i <= len(s); i++ {
		d[i*w] = d[(i-1)*w] + del[i-1]
		rowMin := d[i*w]
		for j := 1; j <= len(t); j++ {
			sc, _ := m.subAt(s, i-1, t, j-1)
			best := d[(i-1)*w+j-1] + sc
			if c := del[i-1]; d[(i-1)*w+j]+c < best {
				best = d[(i-1)*w+j] + c
			}
			if c := ins[j-1]; d[i*w+j-1]+c < best {
				best = d[i*w+j-1] + c
			}
			if c, ok := m.pairAt(s, i, t, j); ok && d[(i-1)*w+j-2]+c < best {
				best = d[(i-1)*w+j-2] + c
			}
			if c, ok := m.pairAt(t, j, s, i); ok && d[(i-2)*w+j-1]+c < best {
				best = d[(i-2)*w+j-1] + c
			}
			d[i*w+j] = best
			rowMin = min(rowMin, best)
		}
		if float64(rowMin) > limit && float64(prevRowMin) > limit {
			// Every path already costs more than the caller cares to
			// know (a pair edit can skip one row, not two): no need
			// for the rest, nor for the labels. The result does not
			// depend on the order of the words.
			return limit + 1, nil
		}
		prevRowMin = rowMin
	}
	if total := float64(d[len(s)*w+len(t)]); total > limit {
		return limit + 1, nil // as when stopped early, whichever word came first
	}
	// Walk back along the cheapest path for the labels.
	var labels []uint16
	add := func(l uint16, cost float32) {
		switch {
		case cost >= typo:
			l = m.label("typo")
		case l == 0:
			return
		}
		for _, x := range labels {
			if x == l {
				return
			}
		}
		labels = append(labels, l)
	}
	const eps = 1e-4
	var swaps uint32 // short vowel x of s read as y of t: bit x*5+y
	i, j := len(s), len(t)
	for i > 0 || j > 0 {
		cur := d[i*w+j]
		if i > 0 && j > 0 {
			sc, sl := m.subAt(s, i-1, t, j-1)
			if abs32(d[(i-1)*w+j-1]+sc-cur) < eps {
				if sc > 0 {
					add(sl, sc)
					if x, y := vowelIndex(s[i-1]), vowelIndex(t[j-1]); x >= 0 && y >= 0 && sl != m.article.label {
						swaps |= 1 << (x*5 + y)
					}
				}
				i, j = i-1, j-1
				continue
			}
		}
		if c, l, ok := m.pairLabel(s, i, t, j); ok && abs32(d[(i-1)*w+j-2]+c-cur) < eps {
			add(l, c)
			i, j = i-1, j-2
			continue
		}
		if c, l, ok := m.pairLabel(t, j, s, i); ok && abs32(d[(i-2)*w+j-1]+c-cur) < eps {
			add(l, c)
			i, j = i-2, j-1
			continue
		}
		if i > 0 {
			c, l := m.indelCost(s, i-1, b.Script)
			if abs32(d[(i-1)*w+j]+c-cur) < eps {
				if c > 0 || l != 0 && !b.Script {
					add(l, c)
				}
				i--
				continue
			}
		}
		c, l := m.indelCost(t, j-1, a.Script)
		if c > 0 || l != 0 && !a.Script {
			add(l, c)
		}
		j--
	}
	total := float64(d[len(s)*w+len(t)])
	if m.swap.ok && swapped(swaps) {
		// One convention writes a short vowel one way throughout (e for a,
		// e for i): a for e in one place and e for a in another is two
		// names (ʿĀṣim Asem, ʿIṣām Esam), not two conventions.
		total += float64(m.swap.cost)
		add(m.swap.label, m.swap.cost)
		if total > limit {
			return limit + 1, nil
		}
	}
	return total, labels
}

// isIya reports a symbol of the -iya ending of a feminine nisba: i, ī or y
// before a final a, or i before y and a final a (Nadiya); a y after i is
// only a glide (Ismailia, Ismailiya).
func isIya(s string, i int) bool {
	n := len(s)
	if n < 3 || s[n-1] != 'a' && s[n-1] != 'A' {
		return false
	}
	switch i {
	case n - 2:
		return s[i] != 'y' || !strings.ContainsRune("ieIEY", rune(s[i-1]))
	case n - 3:
		return s[i+1] == 'y' && (s[i] == 'i' || s[i] == 'I')
	}
	return false
}

// vowelIndex numbers the short vowels a e i o u, or returns -1.
func vowelIndex(c byte) int {
	return strings.IndexByte("aeiou", c)
}

// swapped reports a short vowel a read as another in one place and the
// other way round in another (a for e and e for a). Swapped e/i or o/u
// (Dohuk, Duhok) are one vowel, kasra or ḍamma, and not counted.
func swapped(swaps uint32) bool {
	const x = 0 // a
	{
		for y := 1; y < 5; y++ {
			if swaps&(1<<(x*5+y)) != 0 && swaps&(1<<(y*5+x)) != 0 {
				return true
			}
		}
	}
	return false
}

// pairAt is the cost of reading the symbol before position i of s as the
// two symbols before position j of t (Y as a I: Ismail, Ismāʿīl), if the
// model has such a pair.
func (m *Model) pairAt(s string, i int, t string, j int) (float32, bool) {
	c, _, ok := m.pairLabel(s, i, t, j)
	return c, ok
}

func (m *Model) pairLabel(s string, i int, t string, j int) (float32, uint16, bool) {
	if i < 1 || j < 2 || s[i-1] >= 128 || !m.hasPair[s[i-1]] || s[i-1] == 'I' && i == len(s) {
		return 0, 0, false // (a final ī is a nisba: Rabiei is not Rabiya)
	}
	st, ok := m.pairs[[3]byte{s[i-1], t[j-2], t[j-1]}]
	return st.cost, st.label, ok
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// label returns the index of a label, adding it if new; only for labels
// the code itself names ("typo"), which are added at load time.
func (m *Model) label(s string) uint16 {
	for i, l := range m.labels {
		if l == s {
			return uint16(i)
		}
	}
	return 0
}

// CompareWords reads and compares two words with the default model.
func CompareWords(a, b string) Comparison {
	return DefaultModel.Compare(DefaultModel.Read(a), DefaultModel.Read(b))
}

// Skeletons appends the consonant skeleton of a reading as written, then
// under each convention's reading of its letters (Spanish j as kh, German
// ch as kh, Turkish c as j, ...), one per convention in a fixed order
// (NumSkeletons in all), so that spellings that only a convention makes
// meet share a blocking key.
func (m *Model) Skeletons(dst []string, r Reading) []string {
	base := skeletonOf(r.Symbols, nil)
	dst = append(dst, base)
	for i := range m.variants {
		dst = append(dst, skeletonOf(r.Symbols, &m.variants[i]))
	}
	return dst
}

// AppendSkeleton appends the skeleton of a reading under convention v
// (0: as written; 1 to NumSkeletons-1: the conventions of Skeletons)
// without building a string.
func (m *Model) AppendSkeleton(dst []byte, r Reading, v int) []byte {
	var conv *variant
	if v > 0 {
		conv = &m.variants[v-1]
	}
	n := len(dst)
	return append(dst, skeletonInto(dst[n:n], r.Symbols, conv)...)
}

// NumSkeletons is the number of skeletons Skeletons appends.
func (m *Model) NumSkeletons() int { return len(m.variants) + 1 }

// skeletonOf returns the consonants of a reading with the cheap
// equivalences merged (q gh g k c; th s; dh z; t d finally), after a
// convention's mapping. h stays: without it Mohammad, Mahmoud and Ahmad
// would share one skeleton and one block.
func skeletonOf(sym string, conv *variant) string {
	var arr [maxSymbols]byte
	return string(skeletonInto(arr[:0], sym, conv))
}

// hasArticle reports a reading that starts with the article written solid
// (Alqahira, Elbaradei): al or el before a consonant and at least two
// more symbols.
func hasArticle(sym string) bool {
	return len(sym) >= 5 && (sym[0] == 'a' || sym[0] == 'e') && sym[1] == 'l' && !isVowelSym(sym[2]) && sym[2] != 'l'
}

// skeletonInto is skeletonOf into a caller's buffer.
func skeletonInto(b []byte, sym string, conv *variant) []byte {
	b = b[:0]
	start := 0
	if conv != nil && conv.article && hasArticle(sym) {
		start = 2
	}
	for i := start; i < len(sym) && len(b) < maxSymbols; i++ {
		c := sym[i]
		if conv != nil && c < 128 && conv.from[c] != 0 {
			c = conv.from[c]
		}
		if c == 'l' && conv != nil && conv.article && i > 0 && isVowelSym(sym[i-1]) &&
			i+1 < len(sym) && sym[i+1] != 'l' && isSun(sym[i+1]) {
			continue // the article before a sun letter, often assimilated: Abdelrahman, Abderrahmane
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'A', 'I', 'U', 'Y', 'W', 'E', 'y', 'w', '\'':
			continue
		case 'q', 'G', 'g', 'c':
			c = 'k'
		case 'T':
			c = 's'
		case 'D':
			c = 'z'
		case 'p':
			c = 'b'
		case 'Z':
			c = 'j'
		case 't':
			if i == len(sym)-1 {
				c = 'd' // Turkish final devoicing: Ahmet, Ahmad
			}
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return b
}
