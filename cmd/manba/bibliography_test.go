package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBibliographyBuiltinWorks(t *testing.T) {
	tests := []struct {
		args []string
		want []string // substrings, in order
	}{
		{[]string{"bibliography", "--style", "apa"}, []string{
			"Abrahamian, E. (1989a). Radical Islam: The Iranian Mojahedin. I.B. Tauris.\n",
			"Abrahamian, E. (1989b). The Iranian Mojahedin. Yale University Press.\n",
			"Goulka, J., Hansell, L., Wilke, E., & Larson, J. (2009).",
		}},
		{[]string{"bibliography", "-s", "chicago", "--to", "html"}, []string{
			`<div class="csl-bib-body">`,
			`<div class="csl-entry">Abrahamian, Ervand. 1989b. <i>The Iranian Mojahedin</i>. Yale University Press.</div>`,
		}},
		{[]string{"bibliography", "--style", "ieee", "--to", "md"}, []string{"[1]", "*The Iranian Mojahedin*"}},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(t, "", tt.args...)
		require.Equal(t, 0, code, "%v: %s", tt.args, errOut)
		rest := out
		for _, w := range tt.want {
			i := strings.Index(rest, w)
			if !assert.GreaterOrEqual(t, i, 0, "%v: output lacks %q (or out of order):\n%s", tt.args, w, out) {
				break
			}
			rest = rest[i+len(w):]
		}
	}
}

func TestBibliographyUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"bibliography", "--style", "nosuch"}, 2, `unknown style "nosuch"`},
		{[]string{"bibliography", "--to", "rtf"}, 2, `unknown --to "rtf"`},
		{[]string{"bibliography", "--format", "rtf"}, 2, `unknown --to "rtf"`},
		{[]string{"bibliography", "--locale", "xx-YY"}, 2, `unknown --locale "xx-YY"`},
		{[]string{"cite"}, 2, "requires at least 1 arg"},
		{[]string{"cite", "nosuchkey"}, 1, "no work with key nosuchkey"},
		{[]string{"bibliography", "nosuchfile.bib"}, 1, "nosuchfile.bib"},
	}
	for _, tt := range tests {
		_, errOut, code := runCLI(t, "", tt.args...)
		assert.Equal(t, tt.code, code, "%v: %s", tt.args, errOut)
		assert.Contains(t, errOut, tt.err, "%v", tt.args)
	}
}

func TestBibliographyStyleFileAndOutput(t *testing.T) {
	dir := t.TempDir()
	style := filepath.Join(dir, "mini.csl")
	require.NoError(t, os.WriteFile(style, []byte(`<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><sort><key variable="title"/></sort><layout><text variable="title" text-case="uppercase"/></layout></bibliography>
</style>`), 0o644))
	out := filepath.Join(dir, "out.txt")
	_, errOut, code := runCLI(t, "", "bibliography", "--style", style, "-o", out)
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "ALL MKO SAY ARE PURE LIES\n[ARTICLE OF 20 JULY 2003"), "output file: %q", b)
	bad := filepath.Join(dir, "bad.csl")
	require.NoError(t, os.WriteFile(bad, []byte("<style>\n  <citation><layout><text macro=\"nope\"/></layout></citation></style>"), 0o644))
	_, errOut, code = runCLI(t, "", "bibliography", "--style", bad)
	assert.Equal(t, 2, code, "bad style")
	assert.Contains(t, errOut, "bad.csl:2:21: error: undefined macro")
}

func TestCite(t *testing.T) {
	out, errOut, code := runCLI(t, "", "cite", "--style", "apa", "rand2009mek,hrw2005noexit@p. 12", "rand2009mek@chap. 3")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "(Goulka et al., 2009; Human Rights Watch, 2005, p. 12)\n(Goulka et al., 2009, Chapter 3)\n", out)
}

// TestCiteAgreesWithBibliography checks that citations carry the year
// suffixes and numbers the bibliography of the same works prints.
func TestCiteAgreesWithBibliography(t *testing.T) {
	tests := []struct{ style, key, cite, entry string }{
		{"apa", "abrahamian1989mojahedin", "(Abrahamian, 1989b)\n", "Abrahamian, E. (1989b). The Iranian Mojahedin."},
		{"apa", "abrahamian1989radical", "(Abrahamian, 1989a)\n", "Abrahamian, E. (1989a). Radical Islam"},
		{"ieee", "abrahamian1989mojahedin", "[3]\n", "[3] E. Abrahamian, The Iranian Mojahedin."},
	}
	for _, tc := range tests {
		out, errOut, code := runCLI(t, "", "cite", "--style", tc.style, tc.key)
		assert.Equal(t, 0, code, errOut)
		assert.Equal(t, tc.cite, out, "cite --style %s %s", tc.style, tc.key)
		bibOut, _, _ := runCLI(t, "", "bibliography", "--style", tc.style)
		assert.Contains(t, bibOut, tc.entry, "bibliography --style %s", tc.style)
	}
}

func TestParseCite(t *testing.T) {
	tests := []struct{ in, id, label, loc string }{
		{"smith2001", "smith2001", "", ""},
		{"smith2001@48", "smith2001", "page", "48"},
		{"smith2001@pp. 48-50", "smith2001", "page", "48-50"},
		{"smith2001@chap. 3", "smith2001", "chapter", "3"},
		{"smith2001@§4", "smith2001", "section", "4"},
		{"smith2001@xii", "smith2001", "page", "xii"},
	}
	for _, tt := range tests {
		c := parseCite(tt.in)
		assert.Equal(t, tt.id, c.ID, tt.in)
		assert.Equal(t, tt.label, c.Label, tt.in)
		assert.Equal(t, tt.loc, c.Locator, tt.in)
	}
}
