package bibtex

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSplitNames(t *testing.T) {
	tests := []struct {
		in     string
		want   []string
		others bool
	}{
		{"Masoud Rajavi and Maryam Rajavi", []string{"Masoud Rajavi", "Maryam Rajavi"}, false},
		{"{Barnes and Noble} AND Smith, J.", []string{"{Barnes and Noble}", "Smith, J."}, false},
		{"Alexander Sandler and others", []string{"Alexander Sandler"}, true},
		{"Andrew Anderson and\n  Brandt", []string{"Andrew Anderson", "Brandt"}, false},
		{"Sand and", []string{"Sand and"}, false}, // "and" needs white space on both sides
		{"", nil, false},
	}
	for _, tt := range tests {
		got, others := splitNames(tt.in)
		assert.Equal(t, tt.want, got, "splitNames(%q)", tt.in)
		assert.Equal(t, tt.others, others, "splitNames(%q) others", tt.in)
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct {
		in   string
		want texName
	}{
		{"Masoud Rajavi", texName{First: "Masoud", Last: "Rajavi"}},
		{"Rajavi, Mas'oud", texName{First: "Mas'oud", Last: "Rajavi"}},
		{"Ludwig van Beethoven", texName{First: "Ludwig", Von: "van", Last: "Beethoven"}},
		{"van Beethoven, Ludwig", texName{First: "Ludwig", Von: "van", Last: "Beethoven"}},
		{"Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin",
			texName{First: "Charles Louis Xavier Joseph", Von: "de la", Last: "Vall{\\'e}e Poussin"}},
		{"de la Fontaine, Jr., Jean", texName{First: "Jean", Von: "de la", Last: "Fontaine", Jr: "Jr."}},
		{"{\\'E}mile Zola", texName{First: "{\\'E}mile", Last: "Zola"}},
		{"{\\'e}mile Zola", texName{Von: "{\\'e}mile", Last: "Zola"}},
		{"Jean {de la} Fontaine", texName{First: "Jean {de la}", Last: "Fontaine"}},
		{"{Human Rights Watch}", texName{Literal: "Human Rights Watch", IsLiteral: true}},
		{"{{RAND Corporation}}", texName{Literal: "{RAND Corporation}", IsLiteral: true}},
		{"{Human} {Rights}", texName{First: "{Human}", Last: "{Rights}"}},
		{"al-Rubaie, Ahmad", texName{First: "Ahmad", Last: "al-Rubaie"}},
		{"Plato", texName{Last: "Plato"}},
		{"Ab{\\\"u} Bakr al-Baghd{\\=a}d{\\=\\i}", texName{First: "Ab{\\\"u} Bakr", Last: "al-Baghd{\\=a}d{\\=\\i}"}},
		{"Smith, Jr, John, Extra", texName{First: "John, Extra", Last: "Smith", Jr: "Jr"}},
		{"{\\o}rsted, H. C.", texName{First: "H. C.", Last: "{\\o}rsted"}},
		{"Milo\\ifmmode \\check{s}\\else \\v{s}\\fi{}evi\\'c, M.", texName{First: "M.", Last: "Milo\\ifmmode \\check{s}\\else \\v{s}\\fi{}evi\\'c"}},
		{"\\'{A}ngel Faraldo", texName{First: "\\'{A}ngel", Last: "Faraldo"}},
		{"Gal\\\\ de", texName{First: "Gal\\\\", Last: "de"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, splitName(tt.in), "splitName(%q)", tt.in)
	}
}
