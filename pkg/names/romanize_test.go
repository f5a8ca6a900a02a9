package names

import (
	"testing"

	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
)

func TestRomanize(t *testing.T) {
	a := DefaultAuthority()
	tests := []struct {
		in     bib.Name
		scheme Scheme
		want   string
		ok     bool
	}{
		{bib.Name{Family: "رجوی", Given: "مسعود"}, ALALC, "Masʻūd Rajavī", true},
		{bib.Name{Family: "رجوی", Given: "مسعود"}, IJMES, "Masʿud Rajavi", true},
		{bib.Name{Family: "رجوی", Given: "مسعود"}, Common, "Masoud Rajavi", true},
		{bib.Name{Family: "Rajavi", Given: "Massoud"}, ALALC, "Masʻūd Rajavī", true},
		{bib.Name{Literal: "سازمان مجاهدین خلق ایران"}, ALALC, "Sāzmān-i Mujāhidīn-i Khalq-i Īrān", true},
		{bib.Name{Literal: "سازمان مجاهدین خلق ایران"}, Common, "Mojahedin-e Khalq", true},
		{bib.Name{Family: "احمدی", Given: "علیرضا"}, ALALC, "علیرضا احمدی", false},
	}
	for _, tc := range tests {
		got, ok := a.Romanize(tc.in, tc.scheme)
		assert.Equal(t, tc.ok, ok, tc.in.String())
		assert.Equal(t, tc.want, got.String(), tc.in.String())
	}
}

func TestSchemeByName(t *testing.T) {
	for _, s := range []Scheme{ALALC, IJMES, Common} {
		got, ok := SchemeByName(s.String())
		assert.True(t, ok)
		assert.Equal(t, s, got)
	}
	assert.Equal(t, "fa-Latn-alalc97", ALALC.Tag(""))
}
