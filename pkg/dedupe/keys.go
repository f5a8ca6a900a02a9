package dedupe

import (
	"strconv"
	"strings"

	"github.com/manba/manba/pkg/bib"
)

// keys are the comparison keys of one item, computed once.
type keys struct {
	doi     string
	url     string // normalized, only when it has a path
	isbns   []string
	titles  []string // folded full, main and short titles, most specific first
	texts   []string // the titles as written, parallel to titles
	year    int
	date    bib.DateParts
	people  []bib.Name // authors, else editors
	agents  []string   // org keys of literal authors, publisher, container
	agentTx []string   // the same names as written
	typ     string
	inside  string // org key of the container (periodical, book) the item is part of
	hasName bool
}

// keysOf computes the keys of it; agents (who issued it) only when
// withAgents, as only Link uses them.
func keysOf(it bib.Item, withAgents bool) keys {
	k := keys{typ: it.Type, doi: NormalizeDOI(it.Get("DOI")), url: NormalizeURL(it.Get("URL"))}
	k.isbns = isbnField(it.Get("ISBN") + " " + it.Extra["isbn"])
	for _, n := range isbnsInNote(it.Get("note")) {
		if !contains(k.isbns, n) {
			k.isbns = append(k.isbns, n)
		}
	}
	for _, v := range []string{"title", "title-short", "translated-title", "original-title"} {
		t := it.Get(v)
		if t == "" {
			continue
		}
		k.addTitle(t)
		if main := mainTitle(t); main != t {
			k.addTitle(main)
		}
		if trimmed := strings.Trim(t, "[]"); trimmed != t {
			k.addTitle(trimmed)
		}
	}
	if d, ok := it.Dates["issued"]; ok {
		k.date = d.From
		k.year = d.From.Year
	}
	for _, v := range []string{"author", "editor", "interviewer"} {
		if ns := it.Names[v]; len(ns) > 0 {
			for _, n := range ns {
				if n.IsLiteral() && withAgents {
					k.addAgent(n.Literal)
				}
			}
			if k.people == nil {
				k.people = ns
			}
		}
	}
	k.hasName = len(k.people) > 0
	k.inside = orgKey(it.Get("container-title"))
	if withAgents {
		for _, v := range []string{"publisher", "container-title", "authority"} {
			k.addAgent(it.Get(v))
		}
	}
	return k
}

func (k *keys) addTitle(t string) {
	f := titleKey(t)
	if f != "" && !contains(k.titles, f) {
		k.titles = append(k.titles, f)
		k.texts = append(k.texts, stripMarkup(t))
	}
}

// mainTitle cuts a subtitle: "No Exit: Human Rights Abuses" -> "No Exit".
func mainTitle(t string) string {
	for _, sep := range []string{": ", " – ", " — ", "? ", ". "} {
		if i := strings.Index(t, sep); i > 0 {
			main := t[:i]
			if sep == "? " {
				main += "?"
			}
			return main
		}
	}
	return t
}

// titleKey folds a title (case, punctuation, diacritics, transliteration
// variants) and drops a leading article and the brackets of a supplied
// title.
func titleKey(t string) string {
	f := foldText(t)
	for _, a := range []string{"the ", "a ", "an "} {
		f = strings.TrimPrefix(f, a)
	}
	return translitFold(f)
}

// orgStop are words an organization name may carry or drop.
var orgStop = map[string]bool{
	"the": true, "corporation": true, "corp": true, "inc": true, "ltd": true, "of": true,
	"publication": true, "publications": true, "publishers": true, "publishing": true, "press": true,
}

// orgKey folds an organization name to its telling words, with "U.S." and
// "United States" both "us": "U.S. Department of State" and "US State
// Department" share {us, department, state}.
func orgKey(s string) string {
	words := strings.Fields(foldText(s))
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "u" && i+1 < len(words) && words[i+1] == "s":
			w = "us"
			i++
		case w == "united" && i+1 < len(words) && words[i+1] == "states":
			w = "us"
			i++
		case orgStop[w]:
			continue
		}
		out = append(out, w)
	}
	return translitFold(strings.Join(out, " "))
}

func (k *keys) addAgent(s string) {
	if o := orgKey(s); o != "" && !contains(k.agents, o) {
		k.agents = append(k.agents, o)
		k.agentTx = append(k.agentTx, s)
	}
}

// agentsMatch reports whether an organization named by one side is named by
// the other, allowing extra words on either side ("RAND" ~ "RAND
// Corporation", "US State Department" ~ "U.S. Department of State"). It
// returns the name as b writes it.
func agentsMatch(a, b keys) (string, bool) {
	for _, x := range a.agents {
		for j, y := range b.agents {
			if wordSubset(x, y) || wordSubset(y, x) {
				return b.agentTx[j], true
			}
		}
	}
	return "", false
}

func wordSubset(a, b string) bool {
	bw := strings.Fields(b)
	for _, w := range strings.Fields(a) {
		if !contains(bw, w) {
			return false
		}
	}
	return a != ""
}

// sharedTitle returns the first title both items carry, as a writes it.
func sharedTitle(a, b keys) string {
	for i, x := range a.titles {
		if contains(b.titles, x) {
			return a.texts[i]
		}
	}
	return ""
}

// datesAgree reports whether two dates do not contradict each other: every
// part both give is equal.
func datesAgree(a, b bib.DateParts) bool {
	if a.Year != 0 && b.Year != 0 && a.Year != b.Year {
		return false
	}
	if a.Month != 0 && b.Month != 0 && a.Month != b.Month {
		return false
	}
	return a.Day == 0 || b.Day == 0 || a.Day == b.Day
}

func yearString(y int) string { return strconv.Itoa(y) }

// isbnField reads an ISBN field: usually ISBNs separated by spaces or
// commas, read without a regular expression; anything else is searched.
func isbnField(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		n := NormalizeISBN(f)
		if n == "" {
			return ISBNs(s)
		}
		if !contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// isbnsInNote finds the ISBNs a note names as such ("RAND report, ISBN
// 0-8330-4701-9"), looking only just after each "ISBN".
func isbnsInNote(note string) []string {
	var out []string
	for i := 0; i < len(note); {
		j := indexISBN(note[i:])
		if j < 0 {
			break
		}
		start := i + j
		end := min(len(note), start+50)
		for _, n := range ISBNs(note[start:end]) {
			if !contains(out, n) {
				out = append(out, n)
			}
		}
		i = start + 4
	}
	return out
}

// indexISBN is strings.Index(strings.ToUpper(s), "ISBN") without the copy.
func indexISBN(s string) int {
	for i := 0; i+4 <= len(s); i++ {
		if s[i]|0x20 == 'i' && s[i+1]|0x20 == 's' && s[i+2]|0x20 == 'b' && s[i+3]|0x20 == 'n' {
			return i
		}
	}
	return -1
}
