package main

import (
	"os"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	src, err := os.ReadFile("../../testdata/messy.bib")
	if err != nil {
		t.Fatal(err) // testdata/messy.bib is part of the repository
	}
	var out, diags strings.Builder
	if err := run(&out, &diags, "messy.bib", src); err != nil {
		t.Fatal(err)
	}
	lines := map[string][]string{} // key -> lines
	for _, l := range strings.Split(out.String(), "\n")[1:] {
		if f := strings.Fields(l); len(f) > 0 {
			lines[f[0]] = append(lines[f[0]], l)
		}
	}
	for _, c := range []struct{ key, want string }{
		{"rajavi-speeches", "Mas‘ūd Rajavī"},
		{"rajavi-speeches", "@rajavi-masoud"},
		{"rajavi-speeches", "Rajavī, Masʻūd"},
		{"HRW:2005", "Human Rights Watch"},
		{"singleton", "Singleton, Anne"},
	} {
		if !strings.Contains(strings.Join(lines[c.key], "\n"), c.want) {
			t.Errorf("%s: no %q in\n%s", c.key, c.want, strings.Join(lines[c.key], "\n"))
		}
	}
	// The same person typed two ways gets one match key.
	key := func(l string) string { f := strings.Fields(l); return f[len(f)-2] }
	if len(lines["goulka2009"]) == 0 || len(lines["rand-mek"]) == 0 || key(lines["goulka2009"][0]) != key(lines["rand-mek"][0]) {
		t.Errorf("Goulka keys differ:\n%v\n%v", lines["goulka2009"], lines["rand-mek"])
	}
	if diags.Len() != 0 {
		t.Errorf("diagnostics on a valid file: %s", diags.String())
	}
}
