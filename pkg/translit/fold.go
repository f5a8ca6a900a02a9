package translit

import (
	"bytes"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// isEzafe reports the words that are only an ezafe (Mojahedin-e Khalq,
// Sazman-i, Negah-ye) once hyphens are separators.
func isEzafe(w []byte) bool {
	switch string(w) {
	case "e", "i", "ye", "yi", "y", "ee", "ei", "ey":
		return true
	}
	return false
}

// romanize appends the Default-profile form of one Latin-profile word.
func romanize(dst, w []byte, rules *Rule) []byte {
	var arr [64]byte
	seq := arr[:0]
	last := func() byte {
		if len(seq) == 0 {
			return 0
		}
		return seq[len(seq)-1]
	}
	// merge replaces the last letter by the digraph it forms with the
	// next, keeping doubled letters single.
	merge := func(c byte) {
		seq[len(seq)-1] = c
		if n := len(seq); n >= 2 && c == 'j' && seq[n-2] == 'd' {
			seq[n-2] = 'j' // d + zh
			*rules |= RuleZH
		}
		if n := len(seq); n >= 2 && seq[n-2] == c {
			seq = seq[:n-1]
			*rules |= RuleDouble
		}
	}
	// First the consonants: digraphs are merged against what was already
	// emitted, so that a folded word folds to itself.
	for i := 0; i < len(w); i++ {
		c := w[i]
		var next byte
		if i+1 < len(w) {
			next = w[i+1]
		}
		if c >= utf8.RuneSelf {
			_, n := utf8.DecodeRune(w[i:])
			seq = append(seq, w[i:i+n]...)
			i += n - 1
			continue
		}
		switch c {
		case 'h':
			switch last() {
			case 'k':
				merge('x')
				*rules |= RuleKH
				continue
			case 'g':
				merge('k')
				*rules |= RuleGH
				continue
			case 'z':
				merge('j')
				*rules |= RuleZH
				continue
			case 's':
				merge('S')
				continue
			case 'd':
				merge('z')
				*rules |= RuleDigraph
				continue
			case 't':
				*rules |= RuleDigraph
				continue
			case 'p':
				merge('f')
				*rules |= RuleDigraph
				continue
			}
		case 'j':
			if last() == 'd' {
				merge('j')
				*rules |= RuleZH
				continue
			}
		case 'c':
			if next == 'h' {
				i++
				switch last() {
				case 't':
					merge('C')
					*rules |= RuleDigraph
				case 'C':
					*rules |= RuleDouble
				default:
					seq = append(seq, 'C')
				}
				continue
			}
			*rules |= RuleDigraph
			c = 'k'
		case 'q':
			*rules |= RuleQ
			c = 'k'
		case 'w':
			*rules |= RuleW
			if isVowel(last()) && !isVowel(next) {
				*rules |= RuleGlide
				c = 'u'
			} else {
				c = 'v'
			}
		case 'y':
			if len(seq) > 0 {
				*rules |= RuleGlide
				c = 'i'
			}
		}
		if !isVowel(c) && c == last() && (c < '0' || c > '9') {
			*rules |= RuleDouble
			continue
		}
		seq = append(seq, c)
	}
	// The silent final h of -eh/-ah.
	if n := len(seq); n >= 2 && seq[n-1] == 'h' && isVowel(seq[n-2]) {
		seq = seq[:n-1]
		*rules |= RuleFinalH
	}
	for i := 0; i < len(seq); {
		c := seq[i]
		if isVowel(c) {
			j := i
			for j < len(seq) && isVowel(seq[j]) {
				j++
			}
			dst = appendVowels(dst, seq[i:j], j == len(seq), rules)
			i = j
			continue
		}
		switch c {
		case 'S':
			dst = append(dst, 's', 'h')
		case 'C':
			dst = append(dst, 'c', 'h')
		default:
			dst = append(dst, c)
		}
		i++
	}
	return dst
}

// appendVowels folds one run of vowel letters. Digraphs come first (ou, oo
// → u; ee, ie → i), then an e next to another vowel is a glide and goes,
// then the short vowels fold to two classes: a/e/i → a and o/u → u. A
// word-final -i stays i: it is the nisba suffix that tells Khomeini from
// Khomein.
func appendVowels(dst, run []byte, final bool, rules *Rule) []byte {
	var arr [16]byte
	v := arr[:0]
	for k := 0; k < len(run); k++ {
		a := run[k]
		var b byte
		if k+1 < len(run) {
			b = run[k+1]
		}
		switch {
		case a == 'o' && (b == 'u' || b == 'o'):
			*rules |= RuleOU
			v = append(v, 'u')
			k++
		case a == 'e' && b == 'e' || a == 'i' && b == 'e':
			*rules |= RuleEE
			v = append(v, 'i')
			k++
		default:
			v = append(v, a)
		}
	}
	if len(v) > 1 {
		w := v[:0]
		for _, c := range v {
			if c == 'e' {
				*rules |= RuleGlide
				continue
			}
			w = append(w, c)
		}
		if len(w) == 0 {
			w = append(w, 'a')
		}
		v = w
	}
	tailI := false
	if final && v[len(v)-1] == 'i' {
		tailI = true
		for len(v) > 0 && v[len(v)-1] == 'i' {
			v = v[:len(v)-1]
		}
	}
	var prev byte
	for _, c := range v {
		cl := byte('a')
		if c == 'o' || c == 'u' {
			cl = 'u'
		}
		if c == 'e' || c == 'i' || c == 'o' {
			*rules |= RuleVowel
		}
		if cl == prev {
			*rules |= RuleGlide
			continue
		}
		dst = append(dst, cl)
		prev = cl
	}
	if tailI {
		dst = append(dst, 'i')
	}
	return dst
}

// skeletonize appends the consonant skeleton of a Default-profile word:
// no vowels, y or v, g as k, and no pair that Default would merge again.
func skeletonize(dst, w []byte) []byte {
	start := len(dst)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			_, n := utf8.DecodeRune(w[i:])
			dst = append(dst, w[i:i+n]...)
			i += n - 1
			continue
		}
		if c == 's' || c == 'c' {
			if i+1 < len(w) && w[i+1] == 'h' {
				i++
				out := dst[start:]
				switch {
				case len(out) >= 2 && out[len(out)-2] == c && out[len(out)-1] == 'h':
					continue // sh sh
				case len(out) >= 1 && (out[len(out)-1] == c || c == 'c' && out[len(out)-1] == 't'):
					dst = dst[:len(dst)-1] // s sh, t ch
				}
				dst = append(dst, c, 'h')
				continue
			}
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'v':
			continue
		case 'g':
			c = 'k'
		}
		var last byte
		if len(dst) > start {
			last = dst[len(dst)-1]
		}
		switch {
		case c == last && (c < '0' || c > '9'):
			continue
		case c == 'h' && (last == 'k' || last == 'z' || last == 's' || last == 'd' || last == 't' || last == 'p' || last == 'c'):
			continue
		case c == 'j' && last == 'd':
			dst[len(dst)-1] = 'j'
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// writerPool recycles the Latin-stage buffers: a writer escapes to the
// heap, and folding millions of names should not allocate one each.
var writerPool = sync.Pool{New: func() any { return &latinWriter{buf: make([]byte, 0, 128)} }}

// appendLevel appends the folded form of s for a Latin (1), Default (2) or
// Skeleton (3) profile.
func appendLevel(dst []byte, s string, level int) ([]byte, Rule) {
	lw := writerPool.Get().(*latinWriter)
	defer writerPool.Put(lw)
	lw.buf, lw.rules, lw.space = lw.buf[:0], 0, false
	if !isASCII(s) && !norm.NFKC.IsNormalString(s) {
		// Presentation forms and the like must be letters before
		// Perso-Arabic words are read in context.
		s = norm.NFKC.String(s)
		lw.rules |= RuleUnicode
	}
	lw.write(s)
	if level == 1 {
		return append(dst, lw.buf...), lw.rules
	}
	rules := lw.rules
	start := len(dst)
	words := lw.buf
	for len(words) > 0 {
		i := bytes.IndexByte(words, ' ')
		var w []byte
		if i < 0 {
			w, words = words, nil
		} else {
			w, words = words[:i], words[i+1:]
		}
		if isEzafe(w) {
			rules |= RuleEzafe
			continue
		}
		mark := len(dst)
		if mark > start {
			dst = append(dst, ' ')
		}
		wordStart := len(dst)
		if level == 2 {
			dst = romanize(dst, w, &rules)
			if isEzafe(dst[wordStart:]) { // "yy" folds to "yi"
				rules |= RuleEzafe
				dst = dst[:mark]
			}
			continue
		}
		var tmp [64]byte
		r := romanize(tmp[:0], w, &rules)
		if isEzafe(r) {
			rules |= RuleEzafe
			dst = dst[:mark]
			continue
		}
		dst = skeletonize(dst, r)
		if len(dst) == wordStart {
			dst = dst[:mark]
		}
	}
	return dst, rules
}
