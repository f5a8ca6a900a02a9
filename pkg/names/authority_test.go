package names

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultAuthorityLoads(t *testing.T) {
	a := DefaultAuthority()
	require.GreaterOrEqual(t, len(a.Entries()), 80, "entries")
	ids := map[string]bool{}
	for _, e := range a.Entries() {
		assert.False(t, ids[e.ID], "duplicate id %s", e.ID)
		ids[e.ID] = true
		// Every variant must find its own entry, or be shared with another
		// entry on purpose (then Lookup finds none).
		for i, f := range e.forms {
			if got := a.Lookup(f); got != nil {
				assert.Same(t, e, got, "%s: variant %q finds %s", e.ID, f.Original, got.ID)
			}
			_ = i
		}
	}
}

func TestAuthorityLookup(t *testing.T) {
	tests := []struct{ in, id string }{
		{"Mas’oud Rajavi", "rajavi-masoud"},
		{"Rajavī, Masʻūd", "rajavi-masoud"},
		{"مسعود رجوی", "rajavi-masoud"},
		{"Maryam Abrishamchi", "rajavi-maryam"},
		{"Ashraf Rajavi", "rabiei-ashraf"},
		{"PMOI", "mek"},
		{"Mek", "mek"},
		{"People’s Mojahedin Organisation of Iran", "mek"},
		{"MIRO", "miro"},
		{"Kayhan", "kayhan"},
		{"Khomein", "khomein"},
		{"Khomeini", "khomeini-ruhollah"},
		{"Khamenei", "khamenei-ali"},
		{"Rajavi", ""},
		{"Abbas Araghchi", ""},
	}
	a := DefaultAuthority()
	for _, tt := range tests {
		e := a.Lookup(Parse(tt.in))
		got := ""
		if e != nil {
			got = e.ID
		}
		assert.Equal(t, tt.id, got, "Lookup(%q)", tt.in)
	}
}

func TestLoadAuthority(t *testing.T) {
	src := "# user file\n" +
		"araghchi-abbas\tperson\tʻArāqchī, ʻAbbās\tAbbas Araghchi\tعباس عراقچی\n" +
		"mek\torg\tMEK\tSazman\n" + // adds a variant to an embedded entry
		"bad\tthing\tX\n" +
		"short\n"
	a, d := LoadAuthority(strings.NewReader(src), "user.tsv")
	require.Len(t, d, 2, "diagnostics %v", d)
	require.Contains(t, d[0].Error(), "user.tsv:4:")
	require.Contains(t, d[1].Error(), "user.tsv:5:1")
	if e := a.Lookup(Parse("Abbas Araqchi")); assert.NotNil(t, e, "user entry not found") {
		assert.Equal(t, "araghchi-abbas", e.ID, "user entry")
	}
	if e := a.Lookup(Parse("Sazman")); assert.NotNil(t, e, "added variant not found") {
		assert.Equal(t, "mek", e.ID, "added variant")
	}
	if e := a.Lookup(Parse("MKO")); assert.NotNil(t, e, "merged entry lost its variants") {
		assert.Equal(t, "mek", e.ID, "merged entry lost its variants: %+v", e)
		assert.Equal(t, "Mojahedin-e Khalq", e.Canonical, "merged entry lost its canonical form")
	}
	assert.Nil(t, DefaultAuthority().Lookup(Parse("Abbas Araghchi")), "LoadAuthority changed the embedded authority")
}
