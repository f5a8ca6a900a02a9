package translit

import "strings"

// Rule is a set of folding equivalences; FoldExplain reports the ones that
// changed a string, so that a merge of two spellings can be explained.
type Rule uint32

// The equivalences, in the order String lists them.
const (
	RuleUnicode    Rule = 1 << iota // NFKC, ي/ی, ك/ک, ZWNJ, tatweel, harakat
	RuleApostrophe                  // ʿ ʾ ʻ ‘ ’ ' ` ´ dropped
	RuleDiacritics                  // ā→a, ṣ→s, ḵ→kh ...
	RuleCase                        // upper/lower case
	RuleScript                      // Perso-Arabic letters to Latin
	RuleOU                          // ou, oo, ū → u
	RuleEE                          // ee, ie, ī → i
	RuleVowel                       // short vowels a/e/i and o/u
	RuleGlide                       // y, w, hamza and ayn between vowels
	RuleKH                          // kh → x
	RuleGH                          // gh → k
	RuleQ                           // q → k
	RuleZH                          // zh, dj → j
	RuleW                           // w → v
	RuleDigraph                     // ph→f, th→t, dh→z, c/ck→k, tch→ch
	RuleDouble                      // doubled letters
	RuleFinalH                      // silent final h (-eh, -ah)
	RuleEzafe                       // ezafe -e, -i, -ye
	RuleSeparator                   // hyphens, spaces and punctuation
)

var ruleNames = [...]string{
	"unicode", "apostrophe", "diacritics", "case", "script", "ou/u", "ee/i",
	"a/e/i o/u", "glide", "kh/x", "gh/k", "q/k", "zh/j", "w/v", "ph/th/dh",
	"doubled letters", "final h", "ezafe", "separators",
}

// String lists the rules joined by " + ", as in "ezafe + ou/u".
func (r Rule) String() string {
	var parts []string
	for i, n := range ruleNames {
		bit := Rule(1 << i)
		switch {
		case r&bit == 0:
			continue
		case bit == RuleGH && r&RuleQ != 0:
			n = "gh/q" // Qajar, Ghajar
		case bit == RuleQ && r&RuleGH != 0:
			continue
		}
		parts = append(parts, n)
	}
	return strings.Join(parts, " + ")
}
