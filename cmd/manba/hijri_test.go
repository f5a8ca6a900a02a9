package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHijriBibliographyGolden renders Persian and Arabic items (Solar and
// Lunar Hijri dates, romanized forms, translations, a name the authority
// file romanizes and one it does not know) in an author-date style and APA.
func TestHijriBibliographyGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"apa", []string{"--style", "apa"}},
		{"chicago-author-date", []string{"--style", "chicago-author-date"}},
		{"chicago-both-original-ijmes", []string{"--style", "chicago-author-date", "--scripts", "both", "--calendars", "original", "--romanize", "ijmes"}},
		{"chicago-original-gregorian", []string{"--style", "chicago-author-date", "--scripts", "original", "--calendars", "gregorian"}},
	} {
		args := append([]string{"bibliography"}, tc.args...)
		out, errOut, code := runCLI(t, "", append(args, "../../testdata/persian.ris")...)
		require.Equal(t, 0, code, errOut)
		path := filepath.Join("testdata", "hijri", tc.name+".golden")
		if *update {
			require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test -update")
		assert.Equal(t, string(want), out, tc.name)
	}
}

// TestPersianBookInWorks checks the built-in Persian book: romanized title,
// bracketed translation and romanized publisher, in APA and Chicago; and
// its script forms in CSL-JSON.
func TestPersianBookInWorks(t *testing.T) {
	for _, style := range []string{"apa", "chicago-author-date"} {
		out, errOut, code := runCLI(t, "", "bibliography", "--style", style)
		require.Equal(t, 0, code, errOut)
		assert.Contains(t, out, "Sāzmān-i Mujāhidīn-i Khalq: paydāyī tā farjām (1344–1384) [Mujahedin-e Khalq Organization: Origin to Fate (1965–2005)]", style)
		assert.Contains(t, out, "Muʼassasah-ʼi Muṭālaʻāt va Pizhūhishhā-yi Siyāsī", style)
	}
	out, errOut, code := runCLI(t, "", "works", "--to", "csljson")
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.Contains(out, `"fa-Latn-alalc97": "Sāzmān-i Mujāhidīn-i Khalq: paydāyī tā farjām (1344–1384)"`), "works --to csljson lacks the ALA-LC title")
}

func TestScriptFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"bibliography", "--scripts", "latin"},
		{"bibliography", "--romanize", "din"},
		{"cite", "--calendars", "julian", "x"},
	} {
		_, errOut, code := runCLI(t, "", args...)
		assert.Equal(t, 2, code, args)
		assert.Contains(t, errOut, "unknown --", args)
	}
}

// TestHijriRoundTrip converts the Persian and Arabic items RIS -> BibLaTeX
// -> CSL-JSON -> RIS -> CSL-JSON: the original calendar text, every script
// form and the translations come back, and so do the IDs.
func TestHijriRoundTrip(t *testing.T) {
	want, errOut, code := runCLI(t, "", "convert", "--to", "csljson", "../../testdata/persian.ris")
	require.Equal(t, 0, code, errOut)
	require.Contains(t, want, `"text": "رمضان ١٤٢٢"`)
	require.Contains(t, want, `"fa-Latn-alalc97": "Nimūnah-ʼi duvvum"`)
	for _, ascii := range []bool{false, true} {
		args := []string{"convert", "--to", "biblatex", "../../testdata/persian.ris"}
		if ascii {
			args = append(args, "--ascii")
		}
		bibText, errOut, code := runCLI(t, "", args...)
		require.Equal(t, 0, code, errOut)
		viaBib, errOut, code := runCLI(t, bibText, "convert", "--from", "biblatex", "--to", "csljson", "-")
		require.Equal(t, 0, code, errOut)
		assert.Equal(t, want, viaBib, "through BibLaTeX (ascii=%v)", ascii)
		risText, errOut, code := runCLI(t, viaBib, "convert", "--from", "csljson", "--to", "ris", "-")
		require.Equal(t, 0, code, errOut)
		viaRIS, errOut, code := runCLI(t, risText, "convert", "--from", "ris", "--to", "csljson", "-")
		require.Equal(t, 0, code, errOut)
		assert.Equal(t, want, viaRIS, "through RIS")
	}
}
