package names

import (
	"strings"
	"testing"
)

func TestDefaultAuthorityLoads(t *testing.T) {
	a := DefaultAuthority()
	if len(a.Entries()) < 80 {
		t.Fatalf("only %d entries", len(a.Entries()))
	}
	ids := map[string]bool{}
	for _, e := range a.Entries() {
		if ids[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		ids[e.ID] = true
		// Every variant must find its own entry, or be shared with another
		// entry on purpose (then Lookup finds none).
		for i, f := range e.forms {
			if got := a.Lookup(f); got != nil && got != e {
				t.Errorf("%s: variant %q finds %s", e.ID, f.Original, got.ID)
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
		if got != tt.id {
			t.Errorf("Lookup(%q) = %q, want %q", tt.in, got, tt.id)
		}
	}
}

func TestLoadAuthority(t *testing.T) {
	src := "# user file\n" +
		"araghchi-abbas\tperson\tʻArāqchī, ʻAbbās\tAbbas Araghchi\tعباس عراقچی\n" +
		"mek\torg\tMEK\tSazman\n" + // adds a variant to an embedded entry
		"bad\tthing\tX\n" +
		"short\n"
	a, d := LoadAuthority(strings.NewReader(src), "user.tsv")
	if len(d) != 2 || !strings.Contains(d[0].Error(), "user.tsv:4:") || !strings.Contains(d[1].Error(), "user.tsv:5:1") {
		t.Fatalf("diagnostics %v", d)
	}
	if e := a.Lookup(Parse("Abbas Araqchi")); e == nil || e.ID != "araghchi-abbas" {
		t.Errorf("user entry not found: %v", e)
	}
	if e := a.Lookup(Parse("Sazman")); e == nil || e.ID != "mek" {
		t.Errorf("added variant not found: %v", e)
	}
	if e := a.Lookup(Parse("MKO")); e == nil || e.ID != "mek" || e.Canonical != "Mojahedin-e Khalq" {
		t.Errorf("merged entry lost its variants or canonical form: %+v", e)
	}
	if DefaultAuthority().Lookup(Parse("Abbas Araghchi")) != nil {
		t.Error("LoadAuthority changed the embedded authority")
	}
}
