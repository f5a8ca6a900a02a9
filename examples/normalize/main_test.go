package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	src, err := os.ReadFile("../../testdata/messy.bib")
	require.NoError(t, err) // testdata/messy.bib is part of the repository
	var out, diags strings.Builder
	require.NoError(t, run(&out, &diags, "messy.bib", src))
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
		assert.Contains(t, strings.Join(lines[c.key], "\n"), c.want, c.key)
	}
	// The same person typed two ways gets one match key.
	key := func(l string) string { f := strings.Fields(l); return f[len(f)-2] }
	if assert.NotEmpty(t, lines["goulka2009"]) && assert.NotEmpty(t, lines["rand-mek"]) {
		assert.Equal(t, key(lines["goulka2009"][0]), key(lines["rand-mek"][0]),
			"Goulka keys differ:\n%v\n%v", lines["goulka2009"], lines["rand-mek"])
	}
	assert.Empty(t, diags.String(), "diagnostics on a valid file")
}
