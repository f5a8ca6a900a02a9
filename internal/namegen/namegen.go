// Package namegen generates realistic names for the clustering benchmarks
// and the stress tests of manba names cluster: Persian and Arabic people
// written the ways sources write them, and names from elsewhere. The names
// are made up from parts; the output is the same for the same n.
package namegen

import (
	"math/rand/v2"
	"strings"
)

var (
	realGiven = []string{"Mohammad", "Ali", "Hossein", "Hassan", "Reza", "Mahmoud", "Mehdi", "Masoud", "Javad", "Kazem",
		"Qasem", "Ebrahim", "Jafar", "Abbas", "Akbar", "Asghar", "Hamid", "Hamed", "Majid", "Saeed", "Karim", "Jamil",
		"Jamal", "Mostafa", "Morteza", "Mojtaba", "Mohsen", "Nasser", "Rasoul", "Yousef", "Maryam", "Fatemeh", "Zahra",
		"Shirin", "Narges", "Nasrin", "Leila", "Ashraf", "Zeinab", "Farideh", "Abdolkarim", "Abolhassan", "Ruhollah",
		"Nematollah", "Khalil", "Khosrow", "Shahram", "Bahram", "Dariush", "Kourosh", "Jalal", "Sadegh", "Bagher"}
	realFamily = []string{"Rajavi", "Khomeini", "Khamenei", "Rafsanjani", "Khatami", "Mousavi", "Hosseini", "Rezaei",
		"Ahmadi", "Mohammadi", "Karimi", "Jafari", "Rahimi", "Moradi", "Hashemi", "Shirazi", "Tehrani", "Esfahani",
		"Larijani", "Montazeri", "Taleghani", "Bazargan", "Banisadr", "Soleimani", "Shariati", "Mossadegh", "Pahlavi"}
	syllables = []string{"ba", "da", "ra", "sa", "ka", "ma", "na", "ta", "sha", "kha", "za", "ja", "fa", "ha", "la", "pa",
		"va", "gha", "be", "de", "re", "se", "me", "ne", "ke", "ro", "so", "mo", "no", "bi", "di", "ri", "si", "mi", "ni",
		"bu", "du", "ru", "su", "mu", "nu", "shi", "khu", "zi", "ji", "far", "dar", "bar", "zad", "man", "van"}
	familySuffix = []string{"", "i", "i", "zadeh", "nejad", "pour", "far", "ian"}
	westGiven    = []string{"John", "Anne", "Peter", "Marie", "Hans", "Laura", "Carlos", "Elena", "Pierre", "Sophie"}
)

// conventionVariant writes a name as another source might: English,
// French, German, Spanish and Turkish habits, a macron.
func conventionVariant(r *rand.Rand, s string) string {
	repl := [][2]string{{"ou", "u"}, {"u", "ou"}, {"kh", "j"}, {"kh", "ch"}, {"sh", "sch"}, {"sh", "ch"}, {"j", "dj"},
		{"j", "dsch"}, {"e", "i"}, {"o", "u"}, {"q", "gh"}, {"gh", "q"}, {"ss", "s"}, {"s", "ss"}, {"ei", "ey"}, {"a", "ā"}, {"i", "ī"}}
	p := repl[r.IntN(len(repl))]
	return strings.Replace(s, p[0], p[1], 1)
}

// Realistic returns n names: Persian and Arabic people (a given name or
// two and a family name; many family names built from syllables as
// Persian ones are, or with -i, -zadeh, -nejad, -pour), each written one
// to five ways by the conventions of English, French, German, Spanish and
// Turkish sources, with titles and inverted order; and one name in five
// from elsewhere.
func Realistic(n int) []string {
	out, _ := Labelled(n)
	return out
}

// Labelled returns the names of Realistic and, for each, the name it was
// spelled from: the gold clusters at any size. Two people given the same
// name by chance cannot be told apart, so they are one gold cluster; the
// generator's conventions can still make two names meet (Jamil, Jamal
// with i for a), so a perfect clusterer need not score 1.
func Labelled(n int) (names []string, person []int32) {
	r := rand.New(rand.NewPCG(5, 6))
	out := make([]string, 0, n)
	person = make([]int32, 0, n)
	ids := map[string]int32{}
	idOf := func(s string) int32 {
		id, ok := ids[s]
		if !ok {
			id = int32(len(ids))
			ids[s] = id
		}
		return id
	}
	for len(out) < n {
		if r.IntN(5) == 0 {
			s := other(r)
			out = append(out, s)
			person = append(person, idOf(s))
			continue
		}
		given := realGiven[r.IntN(len(realGiven))]
		if r.IntN(4) == 0 {
			given += " " + realGiven[r.IntN(len(realGiven))]
		}
		family := familyName(r)
		id := idOf(given + " " + family)
		for v := 1 + r.IntN(5); v > 0 && len(out) < n; v-- {
			g, f := given, family
			if v > 1 {
				g, f = conventionVariant(r, g), conventionVariant(r, f)
			}
			switch r.IntN(5) {
			case 0:
				out = append(out, f+", "+g)
			case 1:
				out = append(out, "Dr. "+g+" "+f)
			default:
				out = append(out, g+" "+f)
			}
			person = append(person, id)
		}
	}
	return out, person
}

// other is a Western given name and a random family name.
func other(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString(westGiven[r.IntN(len(westGiven))])
	b.WriteByte(' ')
	b.WriteByte(byte('A' + r.IntN(26)))
	for k := 0; k < 3+r.IntN(6); k++ {
		b.WriteByte(byte('a' + r.IntN(26)))
	}
	return b.String()
}

// familyName is a known family name one time in four, else one built
// from syllables and a suffix.
func familyName(r *rand.Rand) string {
	if r.IntN(4) == 0 {
		return realFamily[r.IntN(len(realFamily))]
	}
	var b strings.Builder
	for k := 0; k < 2+r.IntN(2); k++ {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return strings.ToUpper(b.String()[:1]) + b.String()[1:] + familySuffix[r.IntN(len(familySuffix))]
}
