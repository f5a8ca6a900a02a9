package translit

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Profile is a named folding profile; see the package documentation.
type Profile struct {
	name  string
	level int
}

// The profiles, from the lightest to the most aggressive; each includes the
// previous one.
var (
	Cleanup  = &Profile{"Cleanup", 0}
	Latin    = &Profile{"Latin", 1}
	Default  = &Profile{"Default", 2}
	Skeleton = &Profile{"Skeleton", 3}
)

// Profiles lists the profiles by name, for command-line flags.
var Profiles = map[string]*Profile{
	"cleanup": Cleanup, "latin": Latin, "default": Default, "skeleton": Skeleton,
}

// Name returns the profile's name.
func (p *Profile) Name() string { return p.name }

// String folds s.
func (p *Profile) String(s string) string {
	out, _ := p.Explain(s)
	return out
}

// Explain folds s and reports the equivalences that changed it.
func (p *Profile) Explain(s string) (string, Rule) {
	if p.level == 0 {
		return cleanup(s)
	}
	var arr [128]byte
	b, r := appendLevel(arr[:0], s, p.level)
	return string(b), r
}

// Append appends the folded form of s to dst.
func (p *Profile) Append(dst []byte, s string) []byte {
	if p.level == 0 {
		c, _ := cleanup(s)
		return append(dst, c...)
	}
	dst, _ = appendLevel(dst, s, p.level)
	return dst
}

// NewTransformer returns a transformer applying the profile. It is not
// safe for concurrent use; make one per goroutine.
func (p *Profile) NewTransformer() transform.Transformer {
	if p.level == 0 {
		return transform.Chain(norm.NFKC, runes.Remove(runes.Predicate(isIgnorable)), runes.Map(cleanRune))
	}
	return &wordTransformer{level: p.level, first: true}
}

// Fold applies the Default profile: the match key in which transliteration
// variants of a Persian or Arabic name meet.
func Fold(s string) string { return Default.String(s) }

// FoldExplain is Fold that also reports the equivalences that changed s.
func FoldExplain(s string) (string, Rule) { return Default.Explain(s) }

// cleanRune unifies Arabic letter forms and apostrophes.
func cleanRune(r rune) rune {
	if isApostrophe(r) {
		return '’'
	}
	return unifyArabic(r)
}

func cleanup(s string) (string, Rule) {
	var rules Rule
	n := norm.NFKC.String(s)
	if n != s {
		rules |= RuleUnicode
	}
	b := make([]byte, 0, len(n))
	for _, r := range n {
		switch c := cleanRune(r); {
		case isIgnorable(r):
			rules |= RuleUnicode
		case c != r:
			if isApostrophe(r) {
				rules |= RuleApostrophe
			} else {
				rules |= RuleUnicode
			}
			b = utf8.AppendRune(b, c)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	if string(b) == n {
		return n, rules
	}
	return string(b), rules
}

// wordTransformer applies a word-level profile to a stream. It consumes
// input up to the last plain ASCII separator, so that words are never cut,
// except inside a word longer than maxWord bytes.
type wordTransformer struct {
	level int
	first bool // nothing written yet
	buf   []byte
}

const maxWord = 512

func (t *wordTransformer) Reset() { t.first = true }

func isASCIISep(c byte) bool {
	return c < utf8.RuneSelf && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c == '`')
}

func (t *wordTransformer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	cut := len(src)
	if !atEOF {
		cut = -1
		for i := len(src) - 1; i >= 0; i-- {
			if isASCIISep(src[i]) {
				cut = i + 1
				break
			}
		}
		if cut < 0 {
			if len(src) < maxWord {
				return 0, 0, transform.ErrShortSrc
			}
			cut = len(src)
			for cut > 0 && !utf8.RuneStart(src[cut-1]) {
				cut--
			}
			if cut > 0 {
				cut--
			}
		}
	}
	t.buf, _ = appendLevel(t.buf[:0], string(src[:cut]), t.level)
	need := len(t.buf)
	if need > 0 && !t.first {
		need++
	}
	if need > len(dst) {
		return 0, 0, transform.ErrShortDst
	}
	if len(t.buf) > 0 {
		if !t.first {
			dst[nDst] = ' '
			nDst++
		}
		nDst += copy(dst[nDst:], t.buf)
		t.first = false
	}
	return nDst, cut, nil
}

// SkeletonOfFolded returns the Skeleton form of a string that is already
// folded by Default, without folding it again: Skeleton.String(s) equals
// SkeletonOfFolded(Fold(s)).
func SkeletonOfFolded(folded string) string {
	var arr [64]byte
	dst := arr[:0]
	for len(folded) > 0 {
		i := strings.IndexByte(folded, ' ')
		w := folded
		if i >= 0 {
			w, folded = folded[:i], folded[i+1:]
		} else {
			folded = ""
		}
		mark := len(dst)
		if mark > 0 {
			dst = append(dst, ' ')
		}
		start := len(dst)
		dst = skeletonize(dst, []byte(w))
		if len(dst) == start {
			dst = dst[:mark]
		}
	}
	return string(dst)
}
