package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seed001 = "../../../shared/seeds/001_5a60d35f54bdcc58.txt"

func needSeed(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		testenv.Missing(t, "shared seed %s not present", path)
	}
}

func TestExtractList(t *testing.T) {
	needSeed(t, seed001)
	out, errOut, code := runCLI(t, "", "extract", "--list", seed001)
	require.Equal(t, 0, code, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 8, "citations listed:\n%s", out)
	for i, want := range []string{
		"001_5a60d35f54bdcc58.txt:71:4\tlist 1\tinterview, Mohammad Mehdi Jafari, 2002, title: \"MKO from inside\", publisher: \"Negah-e Emrooz\" [page 48]\t-> jafari2002mkofrominside",
		"001_5a60d35f54bdcc58.txt:73:4\tlist 2\tinterview, Mohammad Mehdi Jafari, 2002, title: \"MKO from inside\", publisher: \"Negah-e Emrooz\" [page 78] (repeats ../../../shared/seeds/001_5a60d35f54bdcc58.txt:71:4)\t-> jafari2002mkofrominside",
		"001_5a60d35f54bdcc58.txt:75:4\tlist 3\tbook, Anne Singleton, 2003, title: \"Saddam’s private army\", publisher: \"Iran-Interlink\"\t-> singleton2003saddam",
	} {
		assert.Contains(t, lines[i], want, "line %d", i)
	}
	// Without the built-in works nothing is linked.
	out, _, code = runCLI(t, "", "extract", "--list", "--no-works", seed001)
	assert.Equal(t, 0, code, "--no-works: exit status")
	assert.NotContains(t, out, "->", "--no-works still linked")
}

func TestExtractStdinAndErrors(t *testing.T) {
	article := "Text.\n\nReferences\n\n1. Singleton, Anne, Saddam’s private army, Iran-Interlink, 2003.\n2. Ibid., p. 12.\n"
	out, errOut, code := runCLI(t, article, "extract", "--list")
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "<stdin>:5:4\tlist 1\tbook, Anne Singleton, 2003")
	assert.Contains(t, out, "[page 12] (repeats <stdin>:5:4)\t-> singleton2003saddam")
	_, errOut, code = runCLI(t, "just prose, no references\n", "extract", "--list")
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "<stdin>: no references found")
	_, errOut, code = runCLI(t, "", "extract", "--list", "no/such/file.txt")
	assert.Equal(t, 1, code, "missing file: stderr %q", errOut)
	assert.Contains(t, errOut, "no/such/file.txt", "missing file")
	_, errOut, code = runCLI(t, "", "extract", "--to", "docx")
	assert.Equal(t, 2, code, "bad --to: stderr %q", errOut)
	assert.Contains(t, errOut, `unknown format "docx"`, "bad --to")
}

func TestExtractCSLJSON(t *testing.T) {
	needSeed(t, seed001)
	needFormat(t, "csljson")
	path := filepath.Join(t.TempDir(), "refs.json")
	_, errOut, code := runCLI(t, "", "extract", "-o", path, seed001)
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var items []bib.Item
	require.NoError(t, json.Unmarshal(b, &items), "not CSL-JSON:\n%s", b)
	require.GreaterOrEqual(t, len(items), 2, "items: %s", b)
	require.Equal(t, "jafari2002mkofrominside", items[0].ID, "items: %s", b)
	require.Equal(t, "singleton2003saddam", items[1].ID, "items: %s", b)
	assert.Equal(t, "Saddam’s private army", items[1].Get("title"), "extracted title")
	_, errOut, code = runCLI(t, "", "extract", "--resolve", "-o", path, seed001)
	require.Equal(t, 0, code, errOut)
	b, _ = os.ReadFile(path)
	items = nil
	require.NoError(t, json.Unmarshal(b, &items))
	assert.True(t, strings.HasPrefix(items[1].Get("title"), "Saddam's Private Army: How Rajavi"),
		"--resolve kept the extracted title %q", items[1].Get("title"))
}

func TestExtractBibTeX(t *testing.T) {
	const seed003 = "../../../shared/seeds/003_cac9b96cea816975.txt"
	needSeed(t, seed003)
	needFormat(t, "bibtex")
	out, errOut, code := runCLI(t, "", "extract", "--to", "bibtex", seed003)
	require.Equal(t, 0, code, errOut)
	for _, want := range []string{
		"{koushki2008assassins,", "Koushki, Mohammad Sadegh", "Islamic Revolutionary Guards Documentation Center",
		"{mahdavi1991qavamin,", "{irgc_start_to_end,", "{mujahedinadvent,",
	} {
		assert.Contains(t, out, want, "output")
	}
}

func TestExtractUserBibliography(t *testing.T) {
	needFormat(t, "csljson")
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.json")
	require.NoError(t, os.WriteFile(lib, []byte(`[{"id":"cohen2009","type":"book","title":"The Rise and Fall of the Mojahedin Khalq, 1987-1997","author":[{"family":"Cohen","given":"Ronen A."}],"issued":{"date-parts":[[2009]]}}]`), 0o644))
	article := "Text (Cohen 2009, p. 4).\n\nReferences\n\n1. Cohen, Ronen A. The Rise and Fall of the Mojahedin Khalq, 1987–1997. Brighton: Sussex Academic Press, 2009.\n"
	out, errOut, code := runCLI(t, article, "extract", "--list", "--no-works", "--bib", lib)
	require.Equal(t, 0, code, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if assert.Len(t, lines, 2, "listing:\n%s", out) {
		assert.Contains(t, lines[0], "-> cohen2009", "listing")
		assert.Contains(t, lines[1], "cite\t", "listing")
		assert.Contains(t, lines[1], "[page 4] (cites <stdin>:5:4)\t-> cohen2009", "listing")
	}
}

// TestExtractLines: one item per non-empty line, in order, in every
// output format; a line nothing is read from keeps its text as the note.
func TestExtractLines(t *testing.T) {
	input := "Piazza, J. A. (1994). The Democratic Islamic Republic of Iran in Exile. Journal of Third World Studies, 11(1), 9–43.\n\n" +
		"Lane, Robert K. Essays on Folklore. New York: Norton, 1998.\n" +
		"Ibid.\n"
	out, errOut, code := runCLI(t, input, "extract", "--lines", "--to", "csljson")
	require.Equal(t, 0, code, errOut)
	var items []bib.Item
	require.NoError(t, json.Unmarshal([]byte(out), &items))
	require.Len(t, items, 3)
	assert.Equal(t, "Journal of Third World Studies", items[0].Get("container-title"))
	assert.Equal(t, "Lane", items[1].Names["author"][0].Family)
	assert.Equal(t, "Essays on Folklore", items[1].Get("title"))
	assert.Equal(t, "Ibid.", items[2].Get("note"))
	assert.Contains(t, errOut, "<stdin>:4:1: warning: nothing read from")

	for to, title := range map[string]string{"bibtex": "Essays on {Folklore}", "biblatex": "Essays on {Folklore}", "ris": "Essays on Folklore"} {
		out, errOut, code := runCLI(t, input, "extract", "--lines", "--to", to)
		require.Equal(t, 0, code, errOut)
		assert.Contains(t, out, title, to) // BibTeX braces capitalized title words
	}
	_, errOut, code = runCLI(t, input, "extract", "--lines", "--list")
	assert.Equal(t, 2, code, errOut)
}

// TestExtractTrainAndModel trains a model on a small labelled file, uses
// it with --model, and rejects a file that is not a model.
func TestExtractTrainAndModel(t *testing.T) {
	dir := t.TempDir()
	xml := filepath.Join(dir, "refs.xml")
	require.NoError(t, os.WriteFile(xml, []byte(`<?xml version="1.0"?><dataset>
<sequence><author>Lane, Robert K.</author><title>Essays on Folklore.</title><location>New York:</location><publisher>Norton,</publisher><date>1998.</date></sequence>
<sequence><author>Smith, Anne.</author><title>Rivers of Iran.</title><location>London:</location><publisher>Verso,</publisher><date>2001.</date></sequence>
</dataset>`), 0o644))
	model := filepath.Join(dir, "my.model")
	_, errOut, code := runCLI(t, "", "extract", "train", "--parser", xml, "-o", model)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "trained on 2 references")

	out, errOut, code := runCLI(t, "Jones, Mary. Tales of Shiraz. Paris: Seuil, 2003.\n", "extract", "--lines", "--model", model, "--to", "csljson")
	require.Equal(t, 0, code, errOut)
	var items []bib.Item
	require.NoError(t, json.Unmarshal([]byte(out), &items))
	require.Len(t, items, 1)
	assert.Equal(t, "Tales of Shiraz", items[0].Get("title"))

	_, errOut, code = runCLI(t, "x\n", "extract", "--lines", "--model", xml)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "not a manba-refparse-1 model")
	_, _, code = runCLI(t, "", "extract", "train", "--parser", xml)
	assert.Equal(t, 2, code)
}
