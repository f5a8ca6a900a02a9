package dedupe

import (
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/names"
	"github.com/manba/manba/pkg/translit"
)

// translitFold merges the romanization variants of Persian and Arabic in
// folded text (Mojahedin/Mujahideen, Massoud/Mas'oud).
func translitFold(s string) string { return translit.Fold(s) }

// sameName compares two names through pkg/names (transliteration variants
// and the authority file), then accepts an initial for a given name
// ("Singleton, A." ~ "Singleton, Anne") and a corporate name within
// another ("RAND" ~ "RAND Corporation").
func sameName(a, b bib.Name) (bool, string) {
	if ok, _ := names.Equivalent(a, b); ok {
		return true, "author " + display(b)
	}
	if a.IsLiteral() || b.IsLiteral() {
		x, y := orgKey(a.Literal), orgKey(b.Literal)
		if x == "" || y == "" || !wordSubset(x, y) && !wordSubset(y, x) {
			return false, ""
		}
		return true, "author " + b.Literal
	}
	if a.Family == "" || translitFold(foldText(a.FamilyFull())) != translitFold(foldText(b.FamilyFull())) {
		return false, ""
	}
	ga, gb := translitFold(foldText(a.Given)), translitFold(foldText(b.Given))
	if ga != "" && gb != "" && !initialsAgree(ga, gb) {
		return false, ""
	}
	return true, "author " + display(b)
}

func display(n bib.Name) string {
	if n.IsLiteral() {
		return n.Literal
	}
	return n.FamilyFull()
}

// initialsAgree reports whether two folded given names agree when one of
// them is abbreviated: of each pair of corresponding words, one starts the
// other.
func initialsAgree(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for i, w := range wa {
		if !strings.HasPrefix(wb[i], w) && !strings.HasPrefix(w, wb[i]) {
			return false
		}
	}
	return true
}
