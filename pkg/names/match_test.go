package names

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/translit"
)

func TestEquivalent(t *testing.T) {
	tests := []struct {
		a, b bib.Name
		same bool
		why  string // a part of the explanation
	}{
		{bib.Name{Family: "Rajavi", Given: "Masoud"}, bib.Name{Family: "Rajavī", Given: "Masʻūd"}, true, "authority"},
		{bib.Name{Family: "Hanifnejad", Given: "Mohammad"}, bib.Name{Family: "Hanif-Nezhad", Given: "Mohammad"}, true, "zh/j"},
		{bib.Name{Family: "Rajavi", Given: "Masoud"}, bib.Name{Family: "Rajavi", Given: "Maryam"}, false, "different authority entries"},
		{bib.Name{Family: "Banisadr", Given: "Mas’oud"}, bib.Name{Family: "Banisadr", Given: "Abolhassan"}, false, ""},
		{bib.Name{Literal: "Mojahedin-e Khalq"}, bib.Name{Literal: "MEK"}, true, "authority"},
		{bib.Name{Literal: "Mojahedin-e Khalq"}, bib.Name{Literal: "Mojahedin of the Islamic Revolution Organization"}, false, ""},
		// Names the authority does not know: the rules decide.
		{bib.Name{Family: "Araghchi", Given: "Abbas"}, bib.Name{Family: "Araqchi", Given: "Abbās"}, true, "gh/q"},
		{bib.Name{Family: "Koushki", Given: "Mohammad Sadegh"}, bib.Name{Family: "Kooshki", Given: "Mohammad Sadeq"}, true, "ou/u"},
		{bib.Name{Family: "Ebadi", Given: "Shirin"}, bib.Name{Family: "Ebadi", Given: "Narges"}, false, ""},
		{bib.Name{Family: "Mohammadi", Given: "Narges"}, bib.Name{Family: "Mohammadi", Given: "Robabeh"}, false, ""},
		{bib.Name{Family: "Larijani", Given: "Sadegh"}, bib.Name{Family: "Larijani", Given: "Ali"}, false, ""},
		{bib.Name{Family: "Aghajari", Given: "Hashem"}, bib.Name{Family: "Āghājari", Given: "Hāshem"}, true, "diacritics"},
		{bib.Name{Family: "Soroush", Given: "Abdolkarim"}, bib.Name{Family: "Sorush", Given: "Abd al-Karim"}, true, ""},
		{bib.Name{Family: "Sadr", Given: "Moqtada", NonDroppingParticle: "al-"}, bib.Name{Family: "Sadr", Given: "Muqtada"}, true, ""},
	}
	for _, tt := range tests {
		same, why := Equivalent(tt.a, tt.b)
		assert.Equal(t, tt.same, same, "Equivalent(%v, %v) (%q)", tt.a, tt.b, why)
		assert.Contains(t, why, tt.why, "Equivalent(%v, %v): why", tt.a, tt.b)
		same2, _ := Equivalent(tt.b, tt.a)
		assert.Equal(t, same, same2, "Equivalent(%v, %v) is not symmetric", tt.a, tt.b)
	}
}

// TestTokenCompare compares single words with the romanization model and
// the given-name lexicon.
func TestTokenCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Azodanlu", "Azdanlu", true},        // a short vowel written or not
		{"Hanifunejad", "Hanifnejad", true},  // long word
		{"Askarizadeh", "Asgarizadeh", true}, // k/g
		{"Khomeini", "Jomeini", true},        // Spanish j = kh
		{"Shirazi", "Chirazi", true},         // French ch = sh
		{"Jafar", "Dschafar", true},          // German dsch = j
		{"Khatami", "Xatəmi", true},          // Azerbaijani x, ə
		{"Hossein", "Hüseyin", true},         // Turkish
		{"Mohsen", "Muhsin", true},           // short vowels e/i, o/u
		{"Khamenei", "خامنه‌ای", true},       // script against Latin
		{"Khomeini", "Khamenei", false},      // vowels a/o are not exchanged
		{"Khomeini", "Khomein", false},       // the nisba -i counts
		{"Hassan", "Hossein", false},         // ay is written
		{"Jamil", "Jamal", false},            // long vowels are written
		{"Karim", "Karam", false},            // long i against a short a
		{"Hamid", "Hamed", false},            // Ḥamīd, Ḥāmid: the lexicon
		{"Majid", "Majed", false},            // Majīd, Mājid
		{"Jamil", "جمال", false},             // script writes ā
		{"Ali", "Al", false},                 // too short for a slip
		{"Montazeri", "Montazari", true},     // a/e
		{"Abdolkarim", "Abdulkarim", true},   // o/u
		{"Farrokhzad", "Farochsad", true},    // German ch, s
	}
	for _, tt := range tests {
		a, b := newToken(tt.a, true), newToken(tt.b, true)
		got, note := tokEq(a, b)
		assert.Equal(t, tt.want, got, "%s ~ %s (%s / %s): %s", tt.a, tt.b, a.rd.Symbols, b.rd.Symbols, note)
		back, _ := tokEq(b, a)
		assert.Equal(t, got, back, "not symmetric: %s ~ %s", tt.a, tt.b)
	}
}

func TestMatchKey(t *testing.T) {
	tests := []struct {
		n    bib.Name
		want string
	}{
		{bib.Name{Family: "Rajavi", Given: "Mas’oud"}, "@rajavi-masoud"},
		{bib.Name{Family: "Araghchi", Given: "Abbas"}, "arakchi|abas"},
		{bib.Name{Literal: "Human Rights Watch"}, "@hrw"},
		{bib.Name{Literal: "Society of Friends of Persian Gardens"}, "org:frand gardan parsan sukati"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, MatchKey(tt.n), "MatchKey(%+v)", tt.n)
	}
}

// TestClusterPrecision keeps apart the people and places the brief names.
func TestClusterPrecision(t *testing.T) {
	groups := [][]string{
		{"Masoud Rajavi", "Massoud Rajavi", "Rajavī, Masʻūd", "مسعود رجوی"},
		{"Maryam Rajavi", "Mrs Maryam Rajavi", "Maryam Qajar Azodanlu"},
		{"Kazem Rajavi", "Kazem Radjavi", "Dr. Kazem Rajavi"},
		{"Mas’oud Banisadr", "Masoud Banisadr"},
		{"Abolhassan Banisadr", "Abol Hassan Banisadr", "Abu’l-Ḥasan Banī-Ṣadr"},
		{"Khomeini", "Ayatollah Khomeini"},
		{"Khamenei", "Ali Khamenei", "علی خامنه‌ای"},
		{"Ali Khomeini"}, // Khomeini's grandson: shares a consonant skeleton with علی خامنه‌ای
		{"Khomein"},
		{"Rajavi"}, // a surname alone with several Rajavis: its own cluster
	}
	var in []string
	var gold []int
	for g, names := range groups {
		for _, n := range names {
			in = append(in, n)
			gold = append(gold, g)
		}
	}
	check := func(in []string, gold []int) {
		t.Helper()
		as := Cluster(in)
		for i := range in {
			for j := i + 1; j < len(in); j++ {
				assert.Equal(t, gold[i] == gold[j], as[i].Key == as[j].Key,
					"%q (%s) ~ %q (%s): same cluster", in[i], as[i].Key, in[j], as[j].Key)
			}
		}
	}
	check(in, gold)
	// The partition does not depend on the input order.
	r := rand.New(rand.NewPCG(3, 4))
	r.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i]; gold[i], gold[j] = gold[j], gold[i] })
	check(in, gold)
}

func TestClusterWithoutAuthority(t *testing.T) {
	c := &Clusterer{Authority: NewAuthority(nil)}
	in := []string{"Abbas Araghchi", "Abbas Araqchi", "Araghchi", "Ali Larijani", "Sadegh Larijani", "Larijani", "Mrs Larijani"}
	as := c.Cluster(in)
	key := func(i int) string { return as[i].Key }
	assert.True(t, key(0) == key(1) && key(0) == key(2), "Araghchi variants apart: %v", as[:3])
	assert.True(t, key(3) != key(4) && key(5) != key(3) && key(5) != key(4), "Larijanis merged: %v", as[3:6])
	assert.Contains(t, as[1].Why, "gh/q", "no explanation for Araqchi")
	assert.True(t, key(6) != key(3) && key(6) != key(4), "Mrs Larijani joined a man without a known female given name: %v", as[6])
}

func TestTransposed(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"muhsan", "mushan", true},
		{"xalk", "kahlk", false},    // lengths differ
		{"rajavi", "rajavi", false}, // equal
		{"rajavi", "rajiva", false}, // two swaps
		{"hasan", "hasna", false},   // too short
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, transposed(tt.a, tt.b), "transposed(%q, %q)", tt.a, tt.b)
	}
}

// TestClusterLarge clusters enough names to parse in parallel (run with
// -race) and checks that the result does not vary between runs.
func TestClusterLarge(t *testing.T) {
	names := syntheticNames(3000)
	a, b := Cluster(names), Cluster(names)
	for i := range a {
		require.Equal(t, a[i], b[i], "run 1 vs run 2")
	}
	n := map[string]bool{}
	for _, x := range a {
		n[x.Key] = true
	}
	// 600 people written 5 ways each; random suffixes can make two people
	// share a name, but variants must not be left apart much.
	assert.True(t, len(n) >= 550 && len(n) <= 660, "%d clusters for 600 synthetic people", len(n))
}

func TestClusterAliases(t *testing.T) {
	c := &Clusterer{Authority: NewAuthority(nil)}
	as := c.Cluster([]string{"Shahla Sherkat (née Zand)", "Shahla Zand", "Shahla Sherkat", "Shahla Ahmadi"})
	assert.True(t, as[0].Key == as[1].Key && as[0].Key == as[2].Key, "maiden name not used: %+v", as)
	assert.NotEqual(t, as[0].Key, as[3].Key, "another Shahla merged: %+v", as[3])
}

func TestInitials(t *testing.T) {
	tests := []struct {
		a, b bib.Name
		same bool
	}{
		{bib.Name{Family: "Araghchi", Given: "A."}, bib.Name{Family: "Araqchi", Given: "Abbas"}, true},
		{bib.Name{Family: "Araghchi", Given: "M."}, bib.Name{Family: "Araqchi", Given: "Abbas"}, false},
		{bib.Name{Family: "Araghchi", Given: "B."}, bib.Name{Family: "Araqchi", Given: "Abbas"}, false},
	}
	for _, tt := range tests {
		same, why := Equivalent(tt.a, tt.b)
		assert.Equal(t, tt.same, same, "Equivalent(%v, %v) (%s)", tt.a, tt.b, why)
	}
	// An initial is weak: with two Rajavis it joins neither.
	c := &Clusterer{Authority: NewAuthority(nil)}
	as := c.Cluster([]string{"Masoud Rajavi", "Maryam Rajavi", "M. Rajavi", "Abbas Araghchi", "Araghchi, A."})
	assert.True(t, as[2].Key != as[0].Key && as[2].Key != as[1].Key, "M. Rajavi joined one Rajavi: %+v", as[2])
	assert.Equal(t, as[3].Key, as[4].Key, "Araghchi, A. apart from Abbas Araghchi: %+v", as[3:])
	p := Parse("MASOUD RAJAVI")
	assert.Equal(t, Person, p.Kind, "a name in capitals: %+v", p)
	assert.Equal(t, Parse("Masoud Rajavi").Key, p.Key, "a name in capitals: %+v", p)
}

func TestNicknames(t *testing.T) {
	same, why := Equivalent(bib.Name{Family: "Giuliani", Given: "Rudy"}, bib.Name{Family: "Giuliani", Given: "Rudolph"})
	assert.True(t, same, "Rudy/Rudolph Giuliani: %s", why)
	same, _ = Equivalent(bib.Name{Family: "Giuliani", Given: "Rudy"}, bib.Name{Family: "Giuliani", Given: "Edward"})
	assert.False(t, same, "Rudy and Edward Giuliani merged")
}

// TestShortFormsWithoutAuthority: a short or European form of a given name
// (nicknames.txt) is compared as the full one by the romanization model,
// with no authority file.
func TestShortFormsWithoutAuthority(t *testing.T) {
	c := &Clusterer{Authority: NewAuthority(nil)}
	for _, p := range [][2]string{{"Rudy Giuliani", "Rudolph Giuliani"}, {"Miriam Rajavi", "Maryam Rajavi"}} {
		got := c.Compare(p[0], p[1])
		assert.True(t, got.Same, "%s / %s: %s", p[0], p[1], got.Why)
		assert.Contains(t, got.Why, "short form", "%s / %s", p[0], p[1])
	}
	assert.False(t, c.Compare("Rudy Giuliani", "Edward Giuliani").Same)
}

// TestLexiconsLikeWithLike: a Latin spelling is read as a given name of
// the lexicon by its Latin spellings only (against the script, which
// writes no short vowels, Hosni would be Ḥasanī), and a script word is a
// translation of the place lexicon only if the model reads it as that word
// (غرب is west; غريب of Abu Ghraib is not).
func TestLexiconsLikeWithLike(t *testing.T) {
	m := translit.DefaultModel
	assert.Nil(t, lookupGiven(m.Read("Hosni")))
	assert.Nil(t, lookupGiven(m.Read("Hüsnü")))
	if e := lookupGiven(m.Read("Hameed")); assert.NotNil(t, e) {
		assert.Equal(t, "Ḥamīd", e.form)
	}
	to, ok := defaultLists.scriptSynonym(foldWord("غرب"))
	assert.True(t, ok)
	assert.Equal(t, translit.Fold("west"), to)
	_, ok = defaultLists.scriptSynonym(foldWord("غريب"))
	assert.False(t, ok)
}

// TestGivenLexicon checks data/given.tsv: three columns, and no spelling
// listed under two names (it would name neither).
func TestGivenLexicon(t *testing.T) {
	owner := map[string]string{}
	for i, line := range strings.Split(givenTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		require.Len(t, f, 3, "given.tsv:%d", i+1)
		for _, s := range strings.Split(f[2], ",") {
			s = strings.TrimSpace(s)
			if o, ok := owner[s]; ok && o != f[0] {
				t.Errorf("given.tsv:%d: %s is a spelling of %s and of %s", i+1, s, o, f[0])
			}
			owner[s] = f[0]
		}
	}
	for _, p := range [][2]string{{"Asem", "Esam"}, {"Hesham", "Hashem"}, {"Rashad", "Rashed"}, {"Feras", "Fares"}, {"Mir", "Amir"}} {
		a, b := lookupGiven(translit.DefaultModel.Read(p[0])), lookupGiven(translit.DefaultModel.Read(p[1]))
		if assert.NotNil(t, a, p[0]) && assert.NotNil(t, b, p[1]) {
			assert.NotEqual(t, a.form, b.form)
		}
	}
}

// TestOrganizationsAcrossLanguages: German compounds written solid are
// split at a word of the lexicon, French plurals are read without their s,
// and German place names lose their von.
func TestOrganizationsAcrossLanguages(t *testing.T) {
	assert.Equal(t, []string{"Revolution", "garde"}, defaultLists.splitCompound("Revolutionsgarde"))
	assert.Equal(t, []string{"Volk", "mudschahedin"}, defaultLists.splitCompound("Volksmudschahedin"))
	assert.Equal(t, []string{"Khorramshahr"}, defaultLists.splitCompound("Khorramshahr"))
	assert.Equal(t, []string{"Barghouti"}, defaultLists.splitCompound("Barghouti")) // Barg is not Berg
	assert.Equal(t, Org, Parse("Volksmudschahedin").Kind)
	assert.Equal(t, Person, Parse("Eslamizadeh").Kind)
	c := &Clusterer{Authority: NewAuthority(nil)}
	for _, p := range [][2]string{
		{"Islamische Revolutionsgarde", "Islamic Revolutionary Guard"},
		{"Volksmudschahedin", "Mojahedin-e Khalq"},
		{"Organisation des moudjahidines du peuple iranien", "People's Mojahedin Organization of Iran"},
		{"Straße von Hormus", "Strait of Hormuz"},
		{"place Azadi", "Azadi Square"},
	} {
		got := c.Compare(p[0], p[1])
		assert.True(t, got.Same, "%s / %s: %s", p[0], p[1], got.Why)
	}
}

// TestScriptTitles: titles written in Persian or Arabic script are split
// off as their Latin forms are.
func TestScriptTitles(t *testing.T) {
	for _, tt := range []struct{ in, title, given string }{
		{"آیت‌الله خمینی", "آیت‌الله", ""},
		{"آیت الله سید علی خامنه‌ای", "آیت الله سید", "علی"},
		{"حجت‌الاسلام حسن روحانی", "حجت‌الاسلام", "حسن"},
		{"السيد حسن نصر الله", "السيد", "حسن"},
	} {
		p := Parse(tt.in)
		assert.Equal(t, tt.title, strings.Join(p.Honorifics, " "), tt.in)
		assert.Equal(t, tt.given, p.Display.Given, tt.in)
	}
	assert.Equal(t, byte('f'), Parse("خانم مریم رجوی").Gender)
	c := &Clusterer{Authority: NewAuthority(nil)}
	got := c.Compare("آیت‌الله روح‌الله خمینی", "Ayatollah Ruhollah Khomeini")
	assert.True(t, got.Same, got.Why)
}
