package names

import (
	"bufio"
	"embed"
	"io"
	"strings"

	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/translit"
)

//go:embed data/*.txt
var dataFS embed.FS

// Lists are the word lists the parser and the organization matcher use:
// honorifics, particles, surname affixes, female given names, organization
// words, synonyms and stop words. DefaultLists is built from the files
// under data/; Load adds a user's lines in the same format.
type Lists struct {
	honor, suffix              map[string]byte // wordKey -> gender ('f', 'm' or 0)
	article, particle, keep    map[string]bool // wordKey
	joinNext, joinPrev, female map[string]bool // wordKey
	orgWord, stop, generic     map[string]bool // folded key
	lexWords                   map[string]bool // the org, generic and syn words as written (wordKey), for compounds
	syn                        map[string]string
	synSkel                    map[string][]scriptSyn // by skeleton, for Perso-Arabic script words
	nick                       map[string]string      // folded short given name -> the full one as written
}

// NewLists returns empty lists.
func NewLists() *Lists {
	return &Lists{
		honor: map[string]byte{}, suffix: map[string]byte{},
		article: map[string]bool{}, particle: map[string]bool{}, keep: map[string]bool{},
		joinNext: map[string]bool{}, joinPrev: map[string]bool{}, female: map[string]bool{},
		orgWord: map[string]bool{}, stop: map[string]bool{}, generic: map[string]bool{},
		syn: map[string]string{}, synSkel: map[string][]scriptSyn{}, lexWords: map[string]bool{}, nick: map[string]string{},
	}
}

var defaultLists = func() *Lists {
	l := NewLists()
	for _, f := range []string{"data/honorifics.txt", "data/particles.txt", "data/orgwords.txt", "data/places.txt", "data/nicknames.txt"} {
		src, err := dataFS.ReadFile(f)
		if err != nil {
			panic(err) // embedded at build time
		}
		if d := l.Load(strings.NewReader(string(src)), f); d.HasErrors() {
			panic(d.Error())
		}
	}
	return l
}()

// DefaultLists returns the embedded lists. They are shared: Clone them
// before loading more lines.
func DefaultLists() *Lists { return defaultLists }

// Clone returns a copy that can be extended without changing l.
func (l *Lists) Clone() *Lists {
	c := NewLists()
	for _, p := range [][2]map[string]byte{{l.honor, c.honor}, {l.suffix, c.suffix}} {
		for k, v := range p[0] {
			p[1][k] = v
		}
	}
	for _, p := range [][2]map[string]bool{{l.article, c.article}, {l.particle, c.particle},
		{l.keep, c.keep}, {l.joinNext, c.joinNext}, {l.joinPrev, c.joinPrev}, {l.female, c.female},
		{l.orgWord, c.orgWord}, {l.stop, c.stop}, {l.generic, c.generic}} {
		for k, v := range p[0] {
			p[1][k] = v
		}
	}
	for k, v := range l.syn {
		c.syn[k] = v
	}
	for k, v := range l.lexWords {
		c.lexWords[k] = v
	}
	for k, v := range l.synSkel {
		c.synSkel[k] = append([]scriptSyn(nil), v...)
	}
	for k, v := range l.nick {
		c.nick[k] = v
	}
	return c
}

// wordKey is how list words are looked up: the Latin profile without
// spaces, so that "Mr.", "MR" and "Mr.." meet, and so do "Hojjat-ol-eslam"
// and "Hojjatoleslam".
// keyOf is wordKey into a caller's buffer, for map lookups that do not
// allocate (m[string(keyOf(w, &buf))]).
func keyOf(s string, buf *[32]byte) []byte {
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return append(b[:0], foldWord(s).latin...)
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return b
}

func wordKey(s string) string {
	// Most words are plain ASCII: lower-case their letters and digits
	// without the full Latin profile.
	var buf [32]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return strings.ReplaceAll(translit.Latin.String(s), " ", "")
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return string(b)
}

// Load adds the lines of a list file: "KIND WORD [ARG]" with KIND one of
// honorific, suffix, article, particle, keep, joinnext, joinprev, female,
// nick (a short given name and the full one: nick Rudy Rudolph), org, syn,
// stop, generic; blank lines and lines starting with # are
// skipped. Unknown kinds are reported with their position.
func (l *Lists) Load(r io.Reader, file string) diag.List {
	var diags diag.List
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		f := strings.Fields(text)
		pos := diag.Pos{File: file, Line: line, Col: 1}
		if len(f) < 2 {
			diags.Errorf(pos, "want KIND WORD, got %q", text)
			continue
		}
		kind, word := strings.ToLower(f[0]), f[1]
		arg := ""
		if len(f) > 2 {
			arg = f[2]
		}
		k := wordKey(word)
		switch kind {
		case "honorific", "suffix":
			var g byte
			if arg == "f" || arg == "m" {
				g = arg[0]
			}
			if kind == "honorific" {
				l.honor[k] = g
			} else {
				l.suffix[k] = g
			}
		case "article":
			l.article[k] = true
		case "particle":
			l.particle[k] = true
		case "keep":
			l.keep[k] = true
		case "joinnext":
			l.joinNext[k] = true
		case "joinprev":
			l.joinPrev[k] = true
		case "female":
			l.female[translit.Fold(word)] = true
		case "org":
			l.orgWord[translit.Fold(word)] = true
			l.lexWords[wordKey(word)] = true
		case "stop":
			l.stop[translit.Fold(word)] = true
			l.stop[k] = true
		case "generic":
			l.generic[translit.Fold(word)] = true
			l.lexWords[wordKey(word)] = true
		case "nick":
			if arg == "" {
				diags.Errorf(pos, "nick needs two words")
				continue
			}
			l.nick[translit.Fold(word)] = arg
		case "syn":
			if arg == "" {
				diags.Errorf(pos, "syn needs two words")
				continue
			}
			to := translit.Fold(arg)
			l.syn[translit.Fold(word)] = to
			l.lexWords[wordKey(word)] = true
			if s := translit.Skeleton.String(word); len(s) >= 3 {
				l.synSkel[s] = append(l.synSkel[s], scriptSyn{rd: translit.DefaultModel.Read(word), to: to})
			}
		default:
			diags.Errorf(pos, "unknown list kind %q", f[0])
		}
	}
	if err := sc.Err(); err != nil {
		diags.Errorf(diag.Pos{File: file, Line: line}, "%v", err)
	}
	return diags
}

// scriptSyn is a word of the synonym lexicon as the romanization model
// reads it, for words in Perso-Arabic script, which meet it by skeleton.
type scriptSyn struct {
	rd translit.Reading
	to string
}

// scriptSynonym returns what a word in the script translates to: a
// lexicon word with its skeleton that the model also reads as the same
// word (غرب is gharb, west; غريب of Abu Ghraib, with its written ī, is not).
func (l *Lists) scriptSynonym(f folded) (string, bool) {
	for _, e := range l.synSkel[f.skel] {
		if translit.DefaultModel.Compare(f.rd, e.rd).Same() {
			return e.to, true
		}
	}
	return "", false
}
