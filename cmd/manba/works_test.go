package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

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
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, diags := csljson.Decode("out.json", []byte(out))
	if diags.HasErrors() {
		t.Fatalf("output is not CSL-JSON: %v\n%s", diags, out)
	}
	want := works.Items()
	if len(got) != len(want) {
		t.Fatalf("%d items, want %d", len(got), len(want))
	}
	for i := range want {
		// Properties outside the CSL schema (translated-title) travel in
		// "custom"; Canonical is the item as that round trip gives it back.
		if !got[i].Equal(csljson.Canonical(want[i])) {
			t.Errorf("item %d (%s) changed in output", i, want[i].ID)
		}
	}

	path := filepath.Join(t.TempDir(), "two.json")
	if _, errOut, code := runCLI(t, "", "works", "singleton2003saddam", "rand2009mek", "-o", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var two []bib.Item
	if err := json.Unmarshal(b, &two); err != nil {
		t.Fatal(err)
	}
	got = two
	if len(got) != 2 || got[0].ID != "singleton2003saddam" || got[1].ID != "rand2009mek" {
		t.Fatalf("selected works: %+v", got)
	}
}

func TestWorksBibTeX(t *testing.T) {
	needFormat(t, "bibtex")
	out, errOut, code := runCLI(t, "", "works", "--to", "bibtex", "rand2009mek")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"{rand2009mek,", "MG-871-OSD", "Goulka"} {
		if !strings.Contains(out, want) {
			t.Errorf("bibtex output lacks %q:\n%s", want, out)
		}
	}
}

func TestWorksBibLaTeX(t *testing.T) {
	needFormat(t, "biblatex")
	path := filepath.Join(t.TempDir(), "works.bib")
	if _, errOut, code := runCLI(t, "", "works", "--to", "biblatex", "-o", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := string(b)
	if n := len(regexp.MustCompile(`(?m)^@\w+\{`).FindAllString(out, -1)); n != len(works.IDs()) {
		t.Errorf("%d entries, want %d", n, len(works.IDs()))
	}
	for _, want := range []string{"{hrw2005noexit,", "{Human Rights Watch}", "MG-871-OSD", "date = {2009-07-28}", "Iran-Interlink"} {
		if !strings.Contains(out, want) {
			t.Errorf("biblatex output lacks %q", want)
		}
	}
}
