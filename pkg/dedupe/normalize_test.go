package dedupe

import (
	"slices"
	"testing"
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
		if got := NormalizeISBN(tt.in); got != tt.want {
			t.Errorf("NormalizeISBN(%q) = %q, want %q", tt.in, got, tt.want)
		}
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
		if got := ISBNs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("ISBNs(%q) = %v, want %v", tt.in, got, tt.want)
		}
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
		if got := NormalizeDOI(tt.in); got != tt.want {
			t.Errorf("NormalizeDOI(%q) = %q, want %q", tt.in, got, tt.want)
		}
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
		if a, b := titleKey(p[0]), titleKey(p[1]); a != b {
			t.Errorf("titleKey(%q) = %q, titleKey(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	if a, b := titleKey("Radical Islam"), titleKey("The Iranian Mojahedin"); a == b {
		t.Errorf("different titles share key %q", a)
	}
}

func TestOrgKey(t *testing.T) {
	if !wordSubset(orgKey("US State Department"), orgKey("U.S. Department of State")) {
		t.Errorf("US State Department (%q) not within U.S. Department of State (%q)",
			orgKey("US State Department"), orgKey("U.S. Department of State"))
	}
	if got := orgKey("The RAND Corporation"); got != translitFold("rand") {
		t.Errorf("orgKey(The RAND Corporation) = %q", got)
	}
	if got := orgKey("Negah-e Emrooz publication"); got != translitFold("negah e emrooz") {
		t.Errorf("orgKey(Negah-e Emrooz publication) = %q", got)
	}
}

func FuzzISBNs(f *testing.F) {
	for _, s := range []string{"ISBN 0-8330-4701-4", "978-1-85043-077-3 978-1-85043-083-4", "0-8044-2957-X", "1-2-3-4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range ISBNs(s) {
			if len(n) != 13 || NormalizeISBN(n) != n {
				t.Fatalf("ISBNs(%q) returned invalid %q", s, n)
			}
		}
		if n := NormalizeISBN(s); n != "" && NormalizeISBN(n) != n {
			t.Fatalf("NormalizeISBN(%q) = %q is not a fixed point", s, n)
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
		if got := NormalizeURL(tt.in); got != tt.want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
