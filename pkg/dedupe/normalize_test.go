package dedupe

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalizeISBN(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0-9545009-0-3", "9780954500900"},
		{"978-0-9545009-0-0", "9780954500900"},
		{"0833047019", "9780833047014"},
		{"978-0-8330-4701-4", "9780833047014"},
		{"0-8044-2957-X", "9780804429573"},
		{"0-8044-2957-x", "9780804429573"},
		{"0-9545009-0-4", ""},     // bad check digit
		{"978-0-8330-4701-5", ""}, // bad check digit
		{"97X0833047014", ""},
		{"12345", ""},
		{"ISBN 0833047014", ""}, // NormalizeISBN takes a bare number; ISBNs searches text
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, NormalizeISBN(tt.in), "NormalizeISBN(%q)", tt.in)
	}
}

func TestISBNs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"RAND report, ISBN 0-8330-4701-9", []string{"9780833047014"}},
		{"ISBN 0-8330-4701-4 (check digit wrong)", nil},
		{"978-1-85043-077-3 978-1-85043-083-4", []string{"9781850430773", "9781850430834"}},
		{"0-9545009-0-3 978-0-9545009-0-0", []string{"9780954500900"}},
		{"pp. 115-130, tel. 555-1234", nil},
		{"", nil},
	}
	for _, tt := range tests {
		assert.True(t, slices.Equal(ISBNs(tt.in), tt.want), "ISBNs(%q)", tt.in)
	}
}

func TestNormalizeDOI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"10.1017/S0020743800000000", "10.1017/s0020743800000000"},
		{"https://doi.org/10.1017/S0020743800000000", "10.1017/s0020743800000000"},
		{"doi:10.7249/MG871.", "10.7249/mg871"},
		{"http://dx.doi.org/10.7249/mg871", "10.7249/mg871"},
		{"not a doi", ""},
		{"10.1234", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, NormalizeDOI(tt.in), "NormalizeDOI(%q)", tt.in)
	}
}

func TestTitleKey(t *testing.T) {
	same := [][2]string{
		{"Saddam’s private army", "Saddam's Private Army"},
		{"The <i>Iranian</i> Mojahedin", "Iranian Mojahedin"},
		{"The Mujahedin-e Khalq in Iraq", "the mujahedin e khalq in iraq"},
		{"Mojahedin-e Khalq", "Mujahedin-e-Khalq"},
		{"Masʿūd Rajavī", "Massoud Rajavi"},
		{"[Interview with Ayatollah Mahdavi]", "Interview with Ayatollah Mahdavi"},
	}
	for _, p := range same {
		a, b := titleKey(p[0]), titleKey(p[1])
		assert.Equal(t, b, a, "titleKey(%q) = %q, titleKey(%q) = %q; want equal", p[0], a, p[1], b)
	}
	a, b := titleKey("Radical Islam"), titleKey("The Iranian Mojahedin")
	assert.NotEqual(t, b, a, "different titles share key %q", a)
}

func TestOrgKey(t *testing.T) {
	assert.True(t, wordSubset(orgKey("US State Department"), orgKey("U.S. Department of State")),
		"US State Department (%q) not within U.S. Department of State (%q)", orgKey("US State Department"), orgKey("U.S. Department of State"))
	assert.Equal(t, translitFold("rand"), orgKey("The RAND Corporation"), "orgKey(The RAND Corporation)")
	assert.Equal(t, translitFold("negah e emrooz"), orgKey("Negah-e Emrooz publication"), "orgKey(Negah-e Emrooz publication)")
}

func FuzzISBNs(f *testing.F) {
	for _, s := range []string{"ISBN 0-8330-4701-4", "978-1-85043-077-3 978-1-85043-083-4", "0-8044-2957-X", "1-2-3-4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range ISBNs(s) {
			require.Len(t, n, 13, "ISBNs(%q) returned invalid %q", s, n)
			require.Equal(t, n, NormalizeISBN(n), "ISBNs(%q) returned invalid %q", s, n)
		}
		if n := NormalizeISBN(s); n != "" {
			require.Equal(t, n, NormalizeISBN(n), "NormalizeISBN(%q) is not a fixed point", s)
		}
	})
}

func TestNormalizeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.rand.org/pubs/monographs/MG871.html", "rand.org/pubs/monographs/MG871.html"},
		{"http://rand.org/pubs/monographs/MG871.html#summary", "rand.org/pubs/monographs/MG871.html"},
		{"https://WWW.HRW.org/legacy/backgrounder/mena/iran0505/", "hrw.org/legacy/backgrounder/mena/iran0505"},
		{"https://www.iran-interlink.org/", ""},
		{"http://www.iran-interlink.org", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, NormalizeURL(tt.in), "NormalizeURL(%q)", tt.in)
	}
}
