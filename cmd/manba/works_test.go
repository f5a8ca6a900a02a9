package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/csljson"
	"github.com/manba/manba/pkg/works"
)

// needFormat skips a test until the format it writes has been registered
// (formats land from their own files).
func needFormat(t *testing.T, name string) {
	t.Helper()
	if f, ok := formats[name]; !ok || f.NewWriter == nil {
		t.Skipf("format %s not registered yet", name)
	}
}

func TestWorksUnknownID(t *testing.T) {
	_, errOut, code := runCLI(t, "", "works", "nosuchwork")
	assert.Equal(t, 1, code, "an unknown id is an input problem, as in cite")
	assert.Contains(t, errOut, "no work with key nosuchwork")
	assert.Contains(t, errOut, "rand2009mek", "the known ids are listed")
	_, errOut, code = runCLI(t, "", "works", "--to", "docx")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `unknown format "docx"`)
}

func TestWorksCSLJSON(t *testing.T) {
	needFormat(t, "csljson")
	out, errOut, code := runCLI(t, "", "works")
	require.Equal(t, 0, code, errOut)
	got, diags := csljson.Decode("out.json", []byte(out))
	require.False(t, diags.HasErrors(), "output is not CSL-JSON: %v", diags)
	want := works.Items()
	require.Len(t, got, len(want))
	for i := range want {
		// Properties outside the CSL schema (translated-title) travel in
		// "custom"; Canonical is the item as that round trip gives it back.
		assert.True(t, got[i].Equal(csljson.Canonical(want[i])), "item %d (%s) changed in output", i, want[i].ID)
	}

	path := filepath.Join(t.TempDir(), "two.json")
	_, errOut, code = runCLI(t, "", "works", "singleton2003saddam", "rand2009mek", "-o", path)
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var two []bib.Item
	require.NoError(t, json.Unmarshal(b, &two))
	require.Len(t, two, 2)
	assert.Equal(t, "singleton2003saddam", two[0].ID)
	assert.Equal(t, "rand2009mek", two[1].ID)
}

func TestWorksBibTeX(t *testing.T) {
	needFormat(t, "bibtex")
	out, errOut, code := runCLI(t, "", "works", "--to", "bibtex", "rand2009mek")
	require.Equal(t, 0, code, errOut)
	for _, want := range []string{"{rand2009mek,", "MG-871-OSD", "Goulka"} {
		assert.Contains(t, out, want)
	}
}

func TestWorksBibLaTeX(t *testing.T) {
	needFormat(t, "biblatex")
	path := filepath.Join(t.TempDir(), "works.bib")
	_, errOut, code := runCLI(t, "", "works", "--to", "biblatex", "-o", path)
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	out := string(b)
	assert.Len(t, regexp.MustCompile(`(?m)^@\w+\{`).FindAllString(out, -1), len(works.IDs()), "one entry per work")
	for _, want := range []string{"{hrw2005noexit,", "{Human Rights Watch}", "MG-871-OSD", "date = {2009-07-28}", "Iran-Interlink"} {
		assert.Contains(t, out, want)
	}
}
