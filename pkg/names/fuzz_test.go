package names

import (
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bib"
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
		if p.Original != s {
			t.Fatalf("Original %q, want %q", p.Original, s)
		}
		if q := Parse(s); q.Key != p.Key || !q.Display.Equal(p.Display) {
			t.Fatalf("Parse(%q) not deterministic: %q vs %q", s, p.Key, q.Key)
		}
		if p.Kind == Person && strings.Contains(p.Key, "||") {
			t.Fatalf("malformed key %q", p.Key)
		}
		compare(&p, &p)
		Equivalent(p.Display, bib.Name{Family: "Rajavi", Given: "Masoud"})
		as := Cluster([]string{s, s, "Masoud Rajavi"})
		if as[0].Key != as[1].Key {
			t.Fatalf("the same name in two clusters: %+v", as)
		}
	})
}
