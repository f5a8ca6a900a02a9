package names

import (
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/require"
)

// FuzzParse checks that parsing never panics, keeps the original, is
// deterministic, and that comparing and clustering what it returns never
// panics either and puts a name in its own cluster.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Mas’oud Rajavi", "Rajavi, Maryam", "Mr. Mas’oud Khodabandeh", "Ayatollah Ali Khamenei",
		"Maryam Rajavi (nee Qajar Azodanlu)", "Human Rights Watch", "{Iran Press Service}", "PMOI/MEK",
		"King, Jr., Martin Luther", "Banī Ṣadr, Abū al-Ḥasan", "مسعود رجوی", "al-", "(", ")(", ",,,", "Mr.",
		"Abu al", "bin", "A B C D E F G H I J", "Rubaie, Mowaffak al-", "-e-", "x (née)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := Parse(s)
		require.Equal(t, s, p.Original, "Original")
		q := Parse(s)
		require.True(t, q.Key == p.Key && q.Display.Equal(p.Display), "Parse(%q) not deterministic: %q vs %q", s, p.Key, q.Key)
		if p.Kind == Person {
			require.NotContains(t, p.Key, "||", "malformed key")
		}
		compare(&p, &p)
		Equivalent(p.Display, bib.Name{Family: "Rajavi", Given: "Masoud"})
		as := Cluster([]string{s, s, "Masoud Rajavi"})
		require.Equal(t, as[0].Key, as[1].Key, "the same name in two clusters: %+v", as)
	})
}
