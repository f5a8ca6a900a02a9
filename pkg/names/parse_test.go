package names

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestParse(t *testing.T) {
	tests := []struct {
		in         string
		kind       Kind
		name       bib.Name
		honorifics string
		aliases    string
		gender     byte
	}{
		{in: "Mas’oud Rajavi", name: bib.Name{Given: "Mas’oud", Family: "Rajavi"}},
		{in: "Rajavi, Maryam", name: bib.Name{Given: "Maryam", Family: "Rajavi"}, gender: 'f'},
		{in: "Mr. Mas’oud Khodabandeh", name: bib.Name{Given: "Mas’oud", Family: "Khodabandeh"}, honorifics: "Mr.", gender: 'm'},
		{in: "Ayatollah Ali Khamenei", name: bib.Name{Given: "Ali", Family: "Khamenei"}, honorifics: "Ayatollah", gender: 'm'},
		{in: "Maryam Rajavi (nee Qajar Azodanlu)", name: bib.Name{Given: "Maryam", Family: "Rajavi"}, aliases: "Qajar Azodanlu", gender: 'f'},
		{in: "Maj. Gen. Mohammad Ali Jafari", name: bib.Name{Given: "Mohammad Ali", Family: "Jafari"}, honorifics: "Maj. Gen."},
		{in: "Mr.s. Firouzeh Bani Sadr", name: bib.Name{Given: "Firouzeh", Family: "Bani Sadr"}, honorifics: "Mr.s.", gender: 'f'},
		{in: "former President Abolhassan Banisadr", name: bib.Name{Given: "Abolhassan", Family: "Banisadr"}, honorifics: "former President"},
		{in: "Sir David Amess MP", name: bib.Name{Given: "David", Family: "Amess"}, honorifics: "Sir MP", gender: 'm'},
		{in: "Mowaffak al-Rubaie", name: bib.Name{Given: "Mowaffak", NonDroppingParticle: "al-", Family: "Rubaie"}},
		{in: "Ibrahim Al Jaafari", name: bib.Name{Given: "Ibrahim", NonDroppingParticle: "Al", Family: "Jaafari"}},
		{in: "Muwaffaq ar-Rubayʿī", name: bib.Name{Given: "Muwaffaq", NonDroppingParticle: "ar-", Family: "Rubayʿī"}},
		{in: "Rubaie, Mowaffak al-", name: bib.Name{Given: "Mowaffak", NonDroppingParticle: "al-", Family: "Rubaie"}},
		{in: "Osama bin Laden", name: bib.Name{Given: "Osama", Family: "bin Laden"}},
		{in: "Mohammad Hanif Nejad", name: bib.Name{Given: "Mohammad", Family: "Hanif Nejad"}},
		{in: "Badi’ Zadegan", name: bib.Name{Family: "Badi’ Zadegan"}},
		{in: "Abu’l-Ḥasan Banī-Ṣadr", name: bib.Name{Given: "Abu’l-Ḥasan", Family: "Banī-Ṣadr"}},
		{in: "Banī Ṣadr, Abū al-Ḥasan", name: bib.Name{Given: "Abū al-Ḥasan", Family: "Banī Ṣadr"}},
		{in: "Ludwig van Beethoven", name: bib.Name{Given: "Ludwig", NonDroppingParticle: "van", Family: "Beethoven"}},
		{in: "King, Jr., Martin Luther", name: bib.Name{Given: "Martin Luther", Family: "King", Suffix: "Jr.", CommaSuffix: true}},
		{in: "Madam Rajavi", name: bib.Name{Family: "Rajavi"}, honorifics: "Madam", gender: 'f'},
		{in: "مسعود رجوی", name: bib.Name{Given: "مسعود", Family: "رجوی"}},
		{in: "Human Rights Watch", kind: Org, name: bib.Name{Literal: "Human Rights Watch"}},
		{in: "{Iran Press Service}", kind: Org, name: bib.Name{Literal: "Iran Press Service"}},
		{in: "PMOI/MEK", kind: Org, name: bib.Name{Literal: "PMOI/MEK"}},
		{in: "Iran-interlink.org", kind: Org, name: bib.Name{Literal: "Iran-interlink.org"}},
		{in: "National Council of Resistance (NCR)", kind: Org, name: bib.Name{Literal: "National Council of Resistance"}, aliases: "NCR"},
		{in: "Mojahedin", kind: Org, name: bib.Name{Literal: "Mojahedin"}},
		{in: "People’s Combatants", kind: Org, name: bib.Name{Literal: "People’s Combatants"}},
		{in: "Memoirs of an Iranian Rebel", kind: Org, name: bib.Name{Literal: "Memoirs of an Iranian Rebel"}},
		{in: "سازمان مجاهدین خلق ایران", kind: Org, name: bib.Name{Literal: "سازمان مجاهدین خلق ایران"}},
	}
	for _, tt := range tests {
		p := Parse(tt.in)
		n := p.Display
		assert.Equal(t, tt.in, p.Original, "Parse(%q) lost the original", tt.in)
		assert.Equal(t, tt.in, n.Original, "Parse(%q).Display lost the original", tt.in)
		n.Original = ""
		assert.Equal(t, tt.kind, p.Kind, "Parse(%q).Kind", tt.in)
		assert.True(t, n.Equal(tt.name), "Parse(%q) = %+v, want %+v", tt.in, n, tt.name)
		assert.Equal(t, tt.honorifics, strings.Join(p.Honorifics, " "), "Parse(%q).Honorifics", tt.in)
		assert.Equal(t, tt.aliases, strings.Join(p.Aliases, "; "), "Parse(%q).Aliases", tt.in)
		assert.Equal(t, tt.gender, p.Gender, "Parse(%q).Gender = %q, want %q", tt.in, p.Gender, tt.gender)
	}
}

// TestParseGolden parses the names of testdata/parse.txt (the seeds'
// names and a few hard cases) and compares with testdata/parse.golden;
// run with -update after a deliberate change.
func TestParseGolden(t *testing.T) {
	f, err := os.Open("testdata/parse.txt")
	require.NoError(t, err)
	defer f.Close()
	var b strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := Parse(line)
		n := p.Display
		fmt.Fprintf(&b, "%s\n\t%s given=%q particle=%q family=%q suffix=%q literal=%q honorifics=%q aliases=%q gender=%q key=%q\n",
			line, p.Kind, n.Given, n.NonDroppingParticle, n.Family, n.Suffix, n.Literal, p.Honorifics, p.Aliases, string(rune(max(p.Gender, '-'))), p.Key)
	}
	got := b.String()
	if *update {
		require.NoError(t, os.WriteFile("testdata/parse.golden", []byte(got), 0o644))
	}
	want, err := os.ReadFile("testdata/parse.golden")
	require.NoError(t, err, "run go test -update")
	if got != string(want) {
		// Name the first differing line rather than diffing the whole file.
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			require.Equal(t, wl[i], gl[i], "parse.golden differs at line %d", i+1)
		}
		require.Equal(t, len(wl), len(gl), "parse.golden differs in length (lines)")
	}
}

func TestFromName(t *testing.T) {
	p := FromName(bib.Name{Family: "Rajavi", Given: "Mas’oud"})
	q := Parse("Masoud Rajavi")
	assert.Equal(t, q.Key, p.Key, "FromName key vs Parse key")
	o := FromName(bib.Name{Literal: "Human Rights Watch"})
	assert.Equal(t, Org, o.Kind, "FromName literal: %+v", o)
	assert.Equal(t, Parse("Human Rights Watch").Key, o.Key, "FromName literal: %+v", o)
}

func TestListsLoad(t *testing.T) {
	l := DefaultLists().Clone()
	d := l.Load(strings.NewReader("honorific Mullah-ji m\nbogus word\njoinprev -far\nsyn onlyone\n"), "user.txt")
	require.Len(t, d, 2, "diagnostics %v", d)
	require.Contains(t, d[0].Error(), "user.txt:2:1")
	require.Contains(t, d[1].Error(), "user.txt:4:1")
	p := l.Parse("Mullah-ji Omar Rahimi")
	assert.Equal(t, "Omar", p.Display.Given, "user honorific not used: %+v", p)
	assert.Len(t, p.Honorifics, 1, "user honorific not used: %+v", p)
	p = DefaultLists().Parse("Mullah-ji Omar Rahimi")
	assert.Empty(t, p.Honorifics, "Clone shares the default lists: %+v", p)
}

// A huge input is read only as far as a name can go: bounded words, and
// clustering it with itself stays cheap.
func TestParseBounded(t *testing.T) {
	for _, s := range []string{strings.Repeat("Ali Rajavi ", 100_000), strings.Repeat("Party of ", 100_000) + "Iran", strings.Repeat("م", 50_000)} {
		// Sizes only in the messages: the inputs are megabytes long.
		p := Parse(s)
		require.True(t, p.Original == s, "Original not kept")
		assert.LessOrEqual(t, len(p.toks), maxTokens, "tokens")
		as := Cluster([]string{s, s + "x", "Ali Rajavi"})
		require.Equal(t, 3, len(as), "assignments")
	}
}
