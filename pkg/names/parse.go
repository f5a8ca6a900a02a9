package names

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/translit"
)

// Kind tells a person from an organization (or a place or work, which
// are kept whole like organizations).
type Kind int

// The kinds of names.
const (
	Person Kind = iota
	Org
)

func (k Kind) String() string {
	if k == Org {
		return "org"
	}
	return "person"
}

// Parsed is one name in its three forms: the Original as written, the
// Display parts, and the match Key; plus what parsing split off.
type Parsed struct {
	Original   string
	Display    bib.Name // Unicode parts; Display.Original is the source's spelling
	Honorifics []string // titles as written: "Mr.", "Ayatollah", "MP"
	Aliases    []string // parenthesised forms: a maiden name, an acronym
	Kind       Kind
	Gender     byte // 'f' or 'm' when a title or the given name tells, else 0
	Script     bool // written in Perso-Arabic script
	Key        string

	fine string  // the readings of the tokens: names with one fine key are one name
	toks []token // person: given then family tokens; org: content words
	acrs []string
	alts []Parsed // other names of the same person, from Aliases (née ...)
}

// token is one word of a name in matching form.
type token struct {
	raw       string // as written
	key, skel string
	fam       bool // part of the family name (persons)
	initial   bool // a given name written as an initial (M., A.-A.)
	script    bool
	rules     translit.Rule
	rd        translit.Reading // read by the romanization model
	given     *givenEntry      // the lexicon's given name it spells, if any
	org       bool             // a word of an organization name
	lex       bool             // a generic word or a translation of the lexicon: compared by key only
	nick      bool             // a short form read as its full form (nicknames.txt)
}

// Parse parses free text or a BibTeX name ("Rajavi, Mas’oud",
// "Mr. Mas’oud Khodabandeh", "Human Rights Watch") with the default lists.
func Parse(s string) Parsed { return defaultLists.Parse(s) }

// MaxNameBytes bounds what Parse reads of a name: a longer string (a
// paragraph pasted by mistake) is matched on its first MaxNameBytes bytes
// only, and a name has at most maxTokens words for matching, so that time
// and memory stay bounded whatever the input.
const MaxNameBytes = 1024

const maxTokens = 16

// Parse parses s with the lists l.
func (l *Lists) Parse(s string) Parsed {
	p := Parsed{Original: s}
	t := s
	if len(t) > MaxNameBytes {
		cut := MaxNameBytes
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
		t = t[:cut]
	}
	if needsSpaceCleanup(t) {
		t = strings.Join(strings.Fields(t), " ")
	}
	if strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") && len(t) > 2 {
		// BibTeX protects a corporate name with braces.
		p.setOrg(l, strings.Trim(t, "{}"))
		return p
	}
	t, p.Aliases = cutParens(t)
	p.Script = hasArabic(t)
	if l.isOrg(t) {
		p.setOrg(l, t)
		return p
	}
	p.setPerson(l, t)
	for _, a := range p.Aliases {
		// "Maryam Rajavi (née Qajar Azodanlu)": also Maryam Qajar
		// Azodanlu; an alias of several words with the given name is a
		// full name of its own.
		full := a
		if g := p.Display.Given; g != "" && len(strings.Fields(a)) <= 2 {
			full = g + " " + a
		}
		if q := l.Parse(full); q.Kind == Person && len(q.toks) > 1 {
			q.Original = s
			p.alts = append(p.alts, q)
		}
	}
	return p
}

// needsSpaceCleanup reports leading, trailing or repeated white space, or
// white space other than a plain space.
func needsSpaceCleanup(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s != ""
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' && s[i+1] == ' ', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f', c >= 0x80:
			return true
		}
	}
	return false
}

func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF || r >= 0xFB50 && r <= 0xFEFF {
			return true
		}
	}
	return false
}

// cutParens removes parenthesised parts, returning them as aliases
// without a leading "née"/"born".
func cutParens(t string) (string, []string) {
	var aliases []string
	for {
		i := strings.IndexByte(t, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(t[i:], ')')
		if j < 0 {
			t = t[:i] + t[i+1:]
			continue
		}
		inner := strings.TrimSpace(t[i+1 : i+j])
		t = strings.TrimSpace(t[:i] + " " + t[i+j+1:])
		for _, pre := range []string{"née ", "nee ", "born ", "b. ", "aka ", "a.k.a. ", "formerly "} {
			if len(inner) > len(pre) && strings.EqualFold(inner[:len(pre)], pre) {
				inner = strings.TrimSpace(inner[len(pre):])
			}
		}
		if inner != "" {
			aliases = append(aliases, inner)
		}
	}
	return strings.Join(strings.Fields(t), " "), aliases
}

// isAcronym reports an all-capitals word of 2 to 8 letters (MEK, PMOI).
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return n >= 2 && n <= 8
}

// splitWords splits on spaces, hyphens, slashes and the like.
func splitWords(t string) []string {
	words := make([]string, 0, 4)
	start := -1
	for i := 0; i < len(t); {
		c := t[i]
		sep, n := false, 1
		if c < utf8.RuneSelf {
			switch c {
			case ' ', '\t', '\n', '\r', '\v', '\f', '-', '/', ',', ';', ':', '|', '"':
				sep = true
			}
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(t[i:])
			sep = unicode.IsSpace(r) || r == '–' || r == '“' || r == '”'
		}
		switch {
		case sep && start >= 0:
			words = append(words, t[start:i])
			start = -1
		case !sep && start < 0:
			start = i
		}
		i += n
	}
	if start >= 0 {
		words = append(words, t[start:])
	}
	return words
}

// isOrg decides whether a name is an organization (or a place or work):
// an acronym, an organization word, a web domain, or several words joined
// by lower-case function words ("Memoirs of an Iranian Rebel").
func (l *Lists) isOrg(t string) bool {
	words := splitWords(t)
	if len(words) == 0 {
		return false
	}
	acr, lowerFn := 0, 0
	for _, w := range words {
		if isAcronym(w) {
			acr++
		}
		switch w {
		case "of", "and", "for", "in", "an", "the", "on", "&":
			lowerFn++
		}
		if strings.IndexByte(w, '.') > 0 && domainRE(w) {
			return true
		}
	}
	// All capitals: an acronym (MEK, PMOI/MEK), not a personal name set in
	// capitals (MASOUD RAJAVI).
	if acr == len(words) && (len(words) == 1 || strings.ContainsAny(t, "/&")) || lowerFn > 0 && len(words) >= 3 {
		return true
	}
	// A Persian ezafe between words (Mo’talefeh-e Islami, Negah-e Emrooz)
	// joins the words of titles and groups, hardly ever of a personal name.
	if strings.IndexByte(t, '-') >= 0 {
		lt := strings.ToLower(t)
		for _, ez := range []string{"-e ", "-e-", "-i ", "-i-", "-ye ", "-ye-", "-yi "} {
			if strings.Contains(lt, ez) {
				return true
			}
		}
	}
	if len(words) == 1 {
		// A compound written solid whose first part is a word of the
		// lexicon (Volksmudschahedin, Revolutionsgarde), unless the rest
		// is a surname affix (Eslamizadeh).
		if parts := l.splitCompound(words[0]); len(parts) == 2 {
			var kb [32]byte
			if !l.joinPrev[string(keyOf(parts[1], &kb))] {
				return true
			}
		}
	}
	for _, w := range words {
		f := foldWord(w)
		k := f.key
		if to, ok := l.scriptSynonym(f); ok && hasArabic(w) && l.orgWord[to] {
			return true // استان, زندان: a generic word in the script
		}
		if l.orgWord[k] || l.orgWord[l.syn[k]] || len(k) > 3 && strings.HasSuffix(k, "s") && (l.orgWord[k[:len(k)-1]] || l.orgWord[l.syn[k[:len(k)-1]]]) {
			return true
		}
	}
	return false
}

func domainRE(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, "./"))
	for _, tld := range []string{".org", ".com", ".net", ".ir", ".info", ".uk", ".eu", ".fr"} {
		if strings.HasSuffix(w, tld) && len(w) > len(tld) {
			return true
		}
	}
	return false
}

// setOrg fills an organization: the literal kept whole, content tokens
// for matching and the acronyms it could go by.
func (p *Parsed) setOrg(l *Lists, t string) {
	p.Kind = Org
	p.Display = bib.Name{Literal: t, Original: p.Original}
	words := splitWords(t)
	allAcr := len(words) > 0
	for _, w := range words {
		if !isAcronym(w) {
			allAcr = false
		}
	}
	if allAcr {
		for _, w := range words {
			p.acrs = append(p.acrs, strings.ToLower(strings.ReplaceAll(w, ".", "")))
		}
	} else {
		p.acrs = l.acronyms(words)
	}
	for _, a := range p.Aliases {
		if isAcronym(a) {
			p.acrs = append(p.acrs, strings.ToLower(strings.ReplaceAll(a, ".", "")))
		}
	}
	if !allAcr {
		for _, w := range words {
			if dom := strings.ToLower(w); domainRE(dom) {
				w = dom[:strings.LastIndexByte(dom, '.')]
			}
			for _, part := range strings.Split(w, ".") {
				if len(p.toks) >= maxTokens {
					break
				}
				for _, sub := range l.splitCompound(part) {
					if tok, ok := l.orgToken(sub); ok && len(p.toks) < maxTokens {
						p.toks = appendUnique(p.toks, tok)
					}
				}
			}
		}
	}
	p.Key = orgKey(p)
	p.fine = p.Key
}

func appendUnique(toks []token, t token) []token {
	for _, u := range toks {
		if u.key == t.key {
			return toks
		}
	}
	return append(toks, t)
}

// splitCompound splits a compound written solid whose first part is a word
// of the lexicon, with or without the joining s of German or the ezafe of
// Persian (Volksmudschahedin: Volk-s-mudschahedin; Revolutionsgarde:
// Revolution-s-garde), so that its parts meet the words of the name in
// other languages; other words are returned whole.
func (l *Lists) splitCompound(w string) []string {
	if len(w) < 8 || hasArabic(w) || strings.ContainsAny(w, "-’'") {
		return []string{w}
	}
	lw := strings.ToLower(w)
	if l.known(lw) {
		return []string{w}
	}
	for i := len(lw) - 4; i >= 4; i-- {
		if !utf8.RuneStart(lw[i]) || len(lw) != len(w) {
			continue
		}
		head, rest := lw[:i], w[i:]
		if strings.ContainsRune("aeiouAEIOU", rune(rest[0])) {
			if rest[0] != 'e' || len(rest) < 5 || strings.ContainsRune("aeiou", rune(rest[1])) {
				continue
			}
			rest = rest[1:] // the Persian ezafe written solid: Shahrekord
		}
		if l.known(head) {
			return []string{w[:i], rest}
		}
		if strings.HasSuffix(head, "s") && len(head) > 4 && l.known(head[:len(head)-1]) {
			return []string{w[:i-1], rest} // the joining s
		}
	}
	return []string{w}
}

// known reports a word of the organization and place lexicon as it is
// written there (not by its folded key, which would take Barg for Berg).
func (l *Lists) known(w string) bool {
	return l.lexWords[wordKey(w)]
}

// orgToken folds one word of an organization name, mapping synonyms and
// translations and dropping stop words and the plural s.
func (l *Lists) orgToken(w string) (token, bool) {
	for _, el := range []string{"d'", "d’", "l'", "l’", "D'", "D’", "L'", "L’"} {
		if len(w) > len(el)+1 && strings.HasPrefix(w, el) {
			w = w[len(el):] // French elision: d'Iran, l'Organisation
			break
		}
	}
	f := foldWord(w)
	k, rules := strings.ReplaceAll(f.key, " ", ""), f.rules
	if k == "" || l.stop[k] {
		return token{}, false
	}
	script := hasArabic(w)
	skel := translit.SkeletonOfFolded(k)
	mapped := true // a translation of the lexicon
	if to, ok := l.syn[k]; ok {
		k = to
	} else if to, ok := l.syn[strings.TrimSuffix(k, "s")]; ok && len(k) > 3 {
		k = to
	} else if to, ok := l.scriptSynonym(f); ok && script {
		k, script = to, false
	} else if mapped = false; len(k) > 4 && strings.HasSuffix(k, "s") && !script {
		k = k[:len(k)-1]
		if n := len(w); n > 6 && (w[n-1] == 's' || w[n-1] == 'S') && strings.ContainsRune("enEN", rune(w[n-2])) {
			// The plural -es, -ns of French, Spanish and English
			// (moudjahidines, Mojahedeens), not the s of Hormus.
			f.rd = foldWord(w[:n-1]).rd
		}
	}
	if k != "" {
		skel = translit.SkeletonOfFolded(k)
	}
	lex := mapped || l.generic[k]
	return token{raw: w, key: k, skel: skel, script: script, rules: rules, rd: f.rd, org: true, lex: lex}, true
}

// acronyms returns the initials an organization may go by: of every word,
// without "and"/"the", and without any stop word.
func (l *Lists) acronyms(words []string) []string {
	var all, noAnd, noStop []byte
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(translit.Latin.String(w))
		if r == utf8.RuneError || r == 0 {
			continue
		}
		c := byte(r)
		if r >= utf8.RuneSelf {
			continue
		}
		lw := strings.ToLower(w)
		all = append(all, c)
		if lw != "and" && lw != "the" && lw != "&" {
			noAnd = append(noAnd, c)
		}
		var kb [32]byte
		if !l.stop[string(keyOf(w, &kb))] {
			noStop = append(noStop, c)
		}
	}
	var out []string
	for _, a := range [][]byte{all, noAnd, noStop} {
		if len(a) >= 2 {
			out = append(out, string(a))
		}
	}
	return out
}

func orgKey(p *Parsed) string {
	if len(p.toks) == 0 {
		if len(p.acrs) > 0 {
			return "acr:" + p.acrs[0]
		}
		return "org:"
	}
	keys := make([]string, len(p.toks))
	for i, t := range p.toks {
		keys[i] = t.key
	}
	sort.Strings(keys)
	return "org:" + strings.Join(keys, " ")
}

// cleanWord strips the punctuation a word may carry in running text.
func cleanWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool {
		return r == ',' || r == ';' || r == ':' || r == '"' || r == '“' || r == '”' || r == '!' || r == '?'
	})
}

// setPerson fills a personal name.
func (p *Parsed) setPerson(l *Lists, t string) {
	p.Kind = Person
	var n bib.Name
	if strings.Contains(t, ",") {
		parts := strings.Split(t, ",")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		fam := strings.Fields(parts[0])
		var given []string
		if len(parts) >= 2 {
			given = strings.Fields(parts[len(parts)-1])
		}
		if len(parts) >= 3 {
			n.Suffix = parts[1]
			n.CommaSuffix = true
		}
		given = p.stripHonorifics(l, given)
		fam = p.stripHonorifics(l, fam)
		n.NonDroppingParticle, fam = l.splitParticle(fam)
		// "Rubaie, Mowaffak al-": the library form puts the particle last.
		for len(given) > 1 && n.NonDroppingParticle == "" {
			last := given[len(given)-1]
			var kb [32]byte
			if k := keyOf(last, &kb); !l.article[string(k)] && !l.particle[string(k)] {
				break
			}
			n.NonDroppingParticle = last
			given = given[:len(given)-1]
		}
		n.Given = strings.Join(given, " ")
		n.Family = strings.Join(fam, " ")
	} else {
		words := strings.Fields(t)
		for i := range words {
			words[i] = cleanWord(words[i])
		}
		words = p.stripHonorifics(l, words)
		words = p.stripSuffixes(l, words, &n)
		if k := len(words) - 1; k >= 0 {
			// "Saddam Hussein’s" in running text
			for _, poss := range []string{"’s", "'s"} {
				if w := words[k]; len(w) > len(poss)+2 && strings.HasSuffix(w, poss) {
					words[k] = w[:len(w)-len(poss)]
				}
			}
		}
		if len(words) == 0 {
			words = strings.Fields(t)
		}
		famStart := l.familyStart(words)
		given := words[:famStart]
		fam := words[famStart:]
		n.NonDroppingParticle, fam = l.splitParticle(fam)
		n.Family = strings.Join(fam, " ")
		n.Given = strings.Join(given, " ")
	}
	if n.Family == "" && n.Given != "" {
		n.Family, n.Given = n.Given, ""
	}
	n.Original = p.Original
	p.Display = n
	p.toks = l.personTokens(n)
	if p.Gender == 0 && n.Given != "" {
		g := splitWords(n.Given)
		if len(g) > 0 && l.female[foldWord(g[0]).key] {
			p.Gender = 'f'
		}
	}
	p.Key = personKey(p.toks)
	p.fine = fineKey(p.toks)
}

// stripHonorifics removes leading titles ("Maj. Gen.", "Mr.s.",
// "former President") and records them.
func (p *Parsed) stripHonorifics(l *Lists, words []string) []string {
	for len(words) > 1 {
		var kb [32]byte
		g, ok := l.honor[string(keyOf(words[0], &kb))]
		if !ok {
			break
		}
		p.Honorifics = append(p.Honorifics, words[0])
		if g != 0 && p.Gender == 0 {
			p.Gender = g
		}
		words = words[1:]
	}
	return words
}

// stripSuffixes removes trailing titles (MP, PhD) and generational
// suffixes (Jr., III), which go to the Suffix part.
func (p *Parsed) stripSuffixes(l *Lists, words []string, n *bib.Name) []string {
	for len(words) > 1 {
		last := words[len(words)-1]
		var kb [32]byte
		k := string(keyOf(last, &kb))
		if g, ok := l.suffix[k]; ok {
			p.Honorifics = append(p.Honorifics, last)
			if g != 0 && p.Gender == 0 {
				p.Gender = g
			}
		} else if k == "jr" || k == "sr" || k == "ii" || k == "iii" || k == "iv" {
			n.Suffix = last
		} else {
			break
		}
		words = words[:len(words)-1]
	}
	return words
}

// familyStart returns where the family name starts in a name in natural
// order: the last word, with a surname suffix written apart (Hanif Nejad),
// a joining prefix (Bani Sadr), bin/ibn/Abu and particles (al-, van).
func (l *Lists) familyStart(words []string) int {
	i := len(words) - 1
	if i <= 0 {
		return 0
	}
	var kb [32]byte
	if l.joinPrev[string(keyOf(words[i], &kb))] {
		i--
	}
	for i > 0 {
		k := keyOf(words[i-1], &kb)
		if l.joinNext[string(k)] || l.keep[string(k)] || l.article[string(k)] || l.particle[string(k)] {
			i--
			continue
		}
		break
	}
	return i
}

// particle splits a leading particle off the family words: "al-" of
// "al-Rubaie", or the separate words "Al", "van der".
func (l *Lists) splitParticle(fam []string) (string, []string) {
	if len(fam) == 0 {
		return "", fam
	}
	var parts []string
	for len(fam) > 1 {
		var kb [32]byte
		k := keyOf(fam[0], &kb)
		if !l.article[string(k)] && !l.particle[string(k)] {
			break
		}
		parts = append(parts, fam[0])
		fam = fam[1:]
	}
	if len(parts) > 0 {
		return strings.Join(parts, " "), fam
	}
	first := fam[0]
	for _, sep := range []string{"-", "’", "'", "‘"} {
		i := strings.Index(first, sep)
		if i <= 0 || i+len(sep) >= len(first) {
			continue
		}
		var kb [32]byte
		if l.article[string(keyOf(first[:i], &kb))] {
			rest := append([]string{first[i+len(sep):]}, fam[1:]...)
			return first[:i+len(sep)], rest
		}
	}
	return "", fam
}

// personTokens builds the matching tokens of a personal name: each given
// word (a joining prefix such as Abol or Abu al- merged with the next),
// then the family name, whose hyphenated parts are separate tokens unless a
// surname affix joins them.
func (l *Lists) personTokens(n bib.Name) []token {
	var toks []token
	add := func(words []string, fam bool) {
		for i := 0; i < len(words); i++ {
			w := words[i]
			var kb, nb [32]byte
			k := keyOf(w, &kb)
			if fam && l.article[string(k)] {
				continue
			}
			joining := l.joinNext[string(k)] || l.keep[string(k)] || l.article[string(k)]
			for i+1 < len(words) {
				nk := keyOf(words[i+1], &nb)
				if !joining && !l.joinPrev[string(nk)] {
					break
				}
				i++
				w += words[i]
				joining = l.joinNext[string(nk)] || l.keep[string(nk)] || l.article[string(nk)]
			}
			if len(toks) >= maxTokens {
				return
			}
			t := newToken(w, fam)
			if full, ok := l.nick[t.key]; ok && !fam {
				// Rudy Giuliani, Rudolph Giuliani: the short form is
				// matched as the full one.
				f := foldWord(full)
				t.key, t.skel, t.rd, t.given = f.key, f.skel, f.rd, f.given
				t.nick = !strings.EqualFold(w, full) // Maryam folds as Miriam does
			}
			if t.key != "" {
				toks = append(toks, t)
			}
		}
	}
	add(splitWords(n.Given), false)
	add(splitWords(n.Family), true)
	return toks
}

func newToken(w string, fam bool) token {
	if !fam {
		if l := strings.Trim(w, "."); len(l) == 1 && (l[0]|0x20) >= 'a' && (l[0]|0x20) <= 'z' {
			c := string(rune(l[0] | 0x20))
			return token{raw: w, key: c, skel: c, initial: true}
		}
	}
	script := hasArabic(w)
	if script && strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) > 3 {
		// the Arabic article written together with the name
		w = strings.TrimPrefix(w, "ال")
	}
	f := foldWord(w)
	k, skel, rd := f.key, f.skel, f.rd
	if strings.IndexByte(k, ' ') >= 0 {
		k = strings.ReplaceAll(k, " ", "")
		skel = translit.SkeletonOfFolded(k)
	}
	if n := normalizeCompound(k); n != k {
		k, skel = n, translit.SkeletonOfFolded(n)
	}
	return token{raw: w, key: k, skel: skel, fam: fam, script: script, rules: f.rules, rd: rd, given: f.given}
}

// normalizeCompound evens out the article inside Arabic compound names,
// romanized al, ol, ul or el: Abd-al-Karim, Abdolkarim, Abdulkarim;
// Asad-Allah, Asadollah (folded "asadala", "asadula").
func normalizeCompound(k string) string {
	if strings.HasPrefix(k, "abdal") && len(k) > 6 {
		k = "abdul" + k[5:]
	}
	if strings.HasPrefix(k, "abual") && len(k) > 6 {
		k = "abul" + k[5:]
	}
	if strings.HasSuffix(k, "ala") && len(k) > 6 {
		k = k[:len(k)-3] + "ula" // -allah, -ollah (the final h is silent)
	}
	return k
}

// fineKey joins the readings of the tokens: two names with one fine key
// are spelled alike up to what the model reads alike (doubled letters,
// apostrophes, kh/ḵ/x).
func fineKey(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		if t.fam {
			b.WriteByte('|')
		}
		if t.initial {
			b.WriteString(t.key + ".")
		} else {
			b.WriteString(t.rd.Symbols)
		}
		b.WriteByte(' ')
	}
	return b.String()
}

func personKey(toks []token) string {
	var fam, given []string
	for _, t := range toks {
		if t.fam {
			fam = append(fam, t.key)
		} else {
			given = append(given, t.key)
		}
	}
	return strings.Join(fam, "") + "|" + strings.Join(given, " ")
}

// FromName builds the parsed form of a name already split into parts, such
// as a bib.Name read from BibTeX or CSL-JSON.
func FromName(n bib.Name) Parsed { return defaultLists.FromName(n) }

// FromName builds the parsed form of n with the lists l. Its Original is
// the name's text (n.String()): n.Original is in the source's syntax (TeX
// for BibTeX), which matching must not read; it stays in Display.Original.
func (l *Lists) FromName(n bib.Name) Parsed {
	orig := n.String()
	if n.IsLiteral() {
		p := Parsed{Original: orig, Script: hasArabic(n.Literal)}
		if l.isOrg(n.Literal) || !strings.Contains(n.Literal, " ") {
			p.setOrg(l, n.Literal)
			p.Display.Original = n.Original
			return p
		}
		return l.Parse(n.Literal)
	}
	p := Parsed{Original: orig, Kind: Person, Display: n, Script: hasArabic(n.Family + n.Given)}
	words := strings.Fields(n.Given)
	words = p.stripHonorifics(l, append(words, ""))
	p.toks = l.personTokens(n)
	if len(words) > 0 && words[0] != "" && l.female[foldWord(words[0]).key] {
		p.Gender = 'f'
	}
	p.Key = personKey(p.toks)
	p.fine = fineKey(p.toks)
	return p
}

// MatchKey returns a blocking and match key for a name: for a person the
// folded family name and given names ("rajavi|masud"), for an organization
// its folded content words ("org:human rights watch") or "acr:" and its
// acronym, or "@" and the authority id when the embedded authority file
// knows the name.
func MatchKey(n bib.Name) string {
	p := FromName(n)
	if e := DefaultAuthority().Lookup(p); e != nil {
		return "@" + e.ID
	}
	return p.Key
}
