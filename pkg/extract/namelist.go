package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/names"
)

var (
	// roleRE finds the role words around a list of names: "(eds.)", "ed.
	// by", "trans.", "In", "edited and translated by".
	roleRE     = regexp.MustCompile(`(?i)(?:^|\s|\()(?:\(?(?:eds?|editors?|hrsg|hg|éds?|dir|coord|comps?|trans|tr|transl|übers|trad)\.?\)?(?:\s+by)?|(?:edited|translated|compiled|introduced|selected)(?:\s+and\s+(?:edited|translated|introduced))?(?:\s+(?:with\s+an\s+introduction\s+)?by)?|herausgegeben\s+von|traduit\s+par|sous\s+la\s+direction\s+de)(?:[\s,.:)]|$)`)
	inRE       = regexp.MustCompile(`^(?i:in|dans|en)\s*:?\s+`)
	etAlRE     = regexp.MustCompile(`(?i),?\s*(?:et\s*al\.?|and\s+others|u\.\s*a\.)\s*$`)
	nameSepRE  = regexp.MustCompile(`\s*;\s*|\s+(?:and|&|und|y|et|e|with)\s+|,\s*(?:and|&)\s+`)
	initialsRE = regexp.MustCompile(`^(?:\p{Lu}\.?(?:[-‐]\p{Lu}\.?)?\s*){1,4}$`)
	suffixRE   = regexp.MustCompile(`^(?i:jr|sr|ii|iii|iv)\.?$`)
	// vancouverRE: "Smith JA" - family name then bare initials.
	vancouverRE = regexp.MustCompile(`^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\s+(\p{Lu}{1,3})$`)
)

// splitNameList splits an author, editor or translator field into the
// names it lists, in order: "Lane, Robert K., and J. Smith", "Bergk, V.,
// Haefeli, W. E. & Gasse, C.", "Smith JA, Jones K".
func splitNameList(s string) []string {
	s = roleRE.ReplaceAllString(s, " ")
	s = inRE.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.Trim(strings.TrimSpace(s), " ,.;:")
	s = etAlRE.ReplaceAllString(s, "")
	var out []string
	for _, part := range nameSepRE.Split(s, -1) {
		out = append(out, splitCommaNames(part)...)
	}
	return out
}

// splitCommaNames reads the names in one comma-separated run: a segment
// followed by initials or given names is an inverted name.
func splitCommaNames(s string) []string {
	var segs []string
	for _, seg := range strings.Split(s, ",") {
		if seg = strings.Trim(strings.TrimSpace(seg), " ."); seg != "" {
			segs = append(segs, seg)
		}
	}
	var out []string
	for i := 0; i < len(segs); i++ {
		seg := segs[i]
		if i+1 < len(segs) && suffixRE.MatchString(segs[i+1]) && i+2 >= len(segs) {
			out = append(out, seg+", "+segs[i+1])
			break
		}
		if i+1 < len(segs) && len(strings.Fields(seg)) <= 3 && !initialsRE.MatchString(seg) &&
			(initialsRE.MatchString(segs[i+1]) || len(segs) == 2 && len(strings.Fields(seg)) == 1 || i == 0 && len(strings.Fields(seg)) == 1 && givenWords(segs[i+1])) {
			out = append(out, seg+", "+initialDots(segs[i+1]))
			i++
			continue
		}
		if m := vancouverRE.FindStringSubmatch(seg); m != nil && !allUpper(m[1]) {
			out = append(out, m[1]+", "+strings.Join(strings.Split(m[2], ""), ". ")+".")
			continue
		}
		out = append(out, initialDots(seg))
	}
	return out
}

// givenWords reports whether s can be the given names of an inverted
// name: up to three capitalized words or initials.
func givenWords(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func allUpper(s string) bool { return strings.ToUpper(s) == s }

// initialDots puts the period back on initials the segmenter trimmed:
// "J. A" -> "J. A.".
func initialDots(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
			words[i] = w + "."
		}
	}
	return strings.Join(words, " ")
}

// parseNameList turns a names field into CSL names through package names:
// persons get their parts, organisations stay literal.
func parseNameList(s string) []bib.Name {
	var out []bib.Name
	for _, n := range splitNameList(s) {
		p := names.Parse(n)
		d := p.Display
		d.Original = n
		if p.Kind == names.Org {
			d = bib.Name{Literal: n, Original: n}
		}
		if d.Family == "" && d.Literal == "" {
			continue
		}
		out = append(out, d)
	}
	return out
}
