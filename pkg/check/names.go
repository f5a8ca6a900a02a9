package check

import (
	"sort"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/latex"
	"github.com/manba/manba/pkg/names"
	"github.com/manba/manba/pkg/translit"
)

// references reports crossref, xref and xdata targets not in the library.
func (c *checker) references() {
	for _, en := range c.list {
		for _, ref := range []string{"crossref", "xref", "xdata"} {
			f, ok := en.e.Field(ref)
			if !ok {
				continue
			}
			for _, k := range splitList(text(f.Value)) {
				if len(c.entries[strings.ToLower(k)]) == 0 {
					c.report(en.file.Pos(f.Offset), "undefined-crossref", en.e.Key, "add the entry "+k+" or give the file that holds it", "%s target %q is not in the library", ref, k)
				}
			}
		}
	}
}

// nameOcc is where a spelling of a name first occurs.
type nameOcc struct {
	pos   diag.Pos
	key   string
	count int
}

// nameVariants reports people the names clustering puts together although
// the library spells them differently, when the spellings are variants of
// one name (see spellingVariant). Only names with a written-out given
// name take part: initials say too little to tell one person from another
// (Goodman, N. D. and Goodman, R. R.), and spellings that differ only by
// initials (E. / Ervand) are abbreviations, not variants.
func (c *checker) nameVariants() {
	occ := map[string]*nameOcc{}
	var order []string
	for _, en := range c.list {
		for _, field := range []string{"author", "editor"} {
			f, ok := en.e.Field(field)
			if !ok || len(f.Value) != 1 || f.Value[0].Kind == bibtex.Macro {
				continue
			}
			for _, n := range personNames(f.Value[0].Text) {
				if !spelledOut(n) {
					continue
				}
				if o := occ[n]; o != nil {
					o.count++
					continue
				}
				occ[n] = &nameOcc{pos: en.file.Pos(f.Offset), key: en.e.Key, count: 1}
				order = append(order, n)
			}
		}
	}
	if len(order) < 2 {
		return
	}
	cl := names.Clusterer{Authority: c.opts.Authority}
	byCluster := map[string][]names.Assignment{}
	var clusters []string
	for _, a := range cl.Cluster(order) {
		if len(byCluster[a.Key]) == 0 {
			clusters = append(clusters, a.Key)
		}
		byCluster[a.Key] = append(byCluster[a.Key], a)
	}
	for _, k := range clusters {
		as := byCluster[k]
		if len(as) < 2 {
			continue
		}
		// The most used spelling is the reference; the others are reported
		// where they first occur.
		sort.SliceStable(as, func(i, j int) bool { return occ[as[i].Input].count > occ[as[j].Input].count })
		ref := as[0]
		for _, a := range as[1:] {
			if abbreviation(a.Input, ref.Input) || !spellingVariant(a, ref) {
				continue
			}
			o := occ[a.Input]
			c.report(o.pos, "name-variant", o.key, "write one spelling everywhere (manba names normalize), or keep both if they are two people",
				"%q looks like %q (used %d times): %s", a.Input, ref.Input, occ[ref.Input].count, why(a))
		}
	}
}

func why(a names.Assignment) string {
	if a.Why == "" {
		return "same person"
	}
	return a.Why
}

// personNames splits a BibTeX name list into names in "Family, Given"
// form; institutions (one brace group) and "others" are left out.
func personNames(tex string) []string {
	var out []string
	for _, n := range splitAnd(tex) {
		n = strings.TrimSpace(n)
		if n == "" || n == "others" || strings.HasPrefix(n, "{") && strings.HasSuffix(n, "}") {
			continue
		}
		u, _ := latex.Decode(n, latex.DecodeOptions{})
		p := names.Parse(u)
		if p.Kind != names.Person || p.Display.Family == "" {
			continue
		}
		out = append(out, bibName(p.Display))
	}
	return out
}

func bibName(n bib.Name) string {
	if n.Given == "" {
		return n.FamilyFull()
	}
	return n.FamilyFull() + ", " + n.Given
}

// splitAnd splits at " and " outside braces.
func splitAnd(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case ' ', '\t', '\n':
			if depth == 0 && i+5 <= len(s) && strings.EqualFold(s[i:i+5], " and ") {
				out = append(out, s[start:i])
				start = i + 5
				i += 4
			}
		}
	}
	return append(out, s[start:])
}

// abbreviation reports whether two spellings differ only in initials,
// case or punctuation: "Abrahamian, E." and "Abrahamian, Ervand".
func abbreviation(a, b string) bool {
	fa, ga, _ := strings.Cut(a, ",")
	fb, gb, _ := strings.Cut(b, ",")
	if squash(fa) != squash(fb) {
		return false
	}
	wa, wb := strings.FieldsFunc(ga, isSep), strings.FieldsFunc(gb, isSep)
	if len(wa) == 0 || len(wb) == 0 {
		return true
	}
	for i := 0; i < len(wa) && i < len(wb); i++ {
		x, y := strings.ToLower(wa[i]), strings.ToLower(wb[i])
		if x != y && !(len(x) == 1 && strings.HasPrefix(y, x)) && !(len(y) == 1 && strings.HasPrefix(x, y)) {
			return false
		}
	}
	return true
}

// spellingVariant reports whether two names of one cluster are the same
// name spelled two ways: the authority file says so, or family and given
// names fold to the same match keys (Masoud/Massoud, Esmaeilpour/
// Esmaeelpour, García/Garcia). Clustering alone also joins names that are
// only alike (Li/Liu, Roth/Ross), which a check must not call one person.
func spellingVariant(a, b names.Assignment) bool {
	if strings.HasPrefix(a.Why, "authority") {
		return true
	}
	fa, ga, _ := strings.Cut(a.Input, ",")
	fb, gb, _ := strings.Cut(b.Input, ",")
	return translit.Fold(fa) == translit.Fold(fb) && translit.Fold(ga) == translit.Fold(gb)
}

// spelledOut reports whether the first given name of "Family, Given" is
// written out: no period, and every hyphenated part two letters or more
// (C-S is initials).
func spelledOut(n string) bool {
	_, given, _ := strings.Cut(n, ",")
	ws := strings.Fields(given)
	if len(ws) == 0 || strings.Contains(ws[0], ".") {
		return false
	}
	for _, part := range strings.Split(ws[0], "-") {
		if len([]rune(part)) < 2 {
			return false
		}
	}
	return true
}

func isSep(r rune) bool { return r == ' ' || r == '.' || r == '-' || r == '~' }

func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if isSep(r) || r == '{' || r == '}' || r == '\\' || r == '\'' || r == '"' || r == '`' {
			return -1
		}
		return r
	}, strings.ToLower(s))
}
