package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clusterRows runs names cluster and returns its rows split into fields.
func clusterRows(t *testing.T, stdin string, args ...string) [][]string {
	t.Helper()
	out, errOut, code := runCLI(t, stdin, append([]string{"names", "cluster"}, args...)...)
	require.Equal(t, 0, code, errOut)
	var rows [][]string
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		rows = append(rows, strings.Split(l, "\t"))
	}
	return rows
}

func TestNamesCluster(t *testing.T) {
	in := "Masoud Rajavi\nRajavi, Mas’oud\n\nMaryam Rajavi\nKazem Radjavi\nKhomeini\nKhamenei\nKhomein\nMojahedin-e Khalq\nMKO\n"
	rows := clusterRows(t, in)
	require.Len(t, rows, 9, "rows (blank line skipped)")
	key := map[string]string{}
	for _, r := range rows {
		require.Len(t, r, 3, "row fields")
		key[r[0]] = r[1]
	}
	assert.Equal(t, "Masoud Rajavi", rows[0][0], "rows not in input order: %q", rows)
	assert.Equal(t, "MKO", rows[8][0], "rows not in input order: %q", rows)
	same := [][2]string{{"Masoud Rajavi", "Rajavi, Mas’oud"}, {"Mojahedin-e Khalq", "MKO"}}
	for _, p := range same {
		assert.Equal(t, key[p[0]], key[p[1]], "%q and %q in different clusters", p[0], p[1])
	}
	apart := []string{"Masoud Rajavi", "Maryam Rajavi", "Kazem Radjavi", "Khomeini", "Khamenei", "Khomein"}
	for i := range apart {
		for j := i + 1; j < len(apart); j++ {
			assert.NotEqual(t, key[apart[i]], key[apart[j]], "%q and %q share a cluster", apart[i], apart[j])
		}
	}
	assert.Equal(t, "Rajavī, Masʻūd", rows[0][2], "canonical of Masoud Rajavi, want the LC heading")
}

func TestNamesClusterExplainAndFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "names.txt")
	require.NoError(t, os.WriteFile(in, []byte("Parviz Yaqoubi\tP_1\r\nYaqoubi\tP_1\r\n"), 0o644))
	rows := clusterRows(t, "", "--explain", in)
	require.Len(t, rows, 2, "rows %q", rows)
	require.Len(t, rows[1], 5, "rows %q", rows)
	require.Equal(t, "Yaqoubi", rows[1][0], "rows %q", rows)
	assert.Equal(t, rows[0][1], rows[1][1], "Yaqoubi alone should join Parviz Yaqoubi: %q", rows)
	assert.Contains(t, rows[1][3], "surname only", "Yaqoubi alone should join Parviz Yaqoubi as a surname: %q", rows)
}

func TestNamesClusterUserAuthority(t *testing.T) {
	dir := t.TempDir()
	au := filepath.Join(dir, "au.tsv")
	data := "# mine\nx-hashemi\tperson\tHashemi, Faezeh\tFaezeh Hashemi Rafsanjani\nbad line\n"
	require.NoError(t, os.WriteFile(au, []byte(data), 0o644))
	out, errOut, code := runCLI(t, "Faezeh Hashemi\nFaezeh Hashemi Rafsanjani\n", "names", "cluster", "--authority", au)
	assert.Equal(t, 1, code, "exit status for the bad authority line")
	assert.Contains(t, errOut, "au.tsv:3:1", "stderr lacks the position of the bad line")
	assert.Equal(t, 2, strings.Count(out, "@x-hashemi"), "user entry not used: %q", out)
}

func TestNamesParse(t *testing.T) {
	out, errOut, code := runCLI(t, "Mr. Mas’oud Khodabandeh\nMowaffak al-Rubaie\nHuman Rights Watch\n", "names", "parse")
	require.Equal(t, 0, code, errOut)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := []string{
		"original\tkind\tgiven\tparticle\tfamily\tsuffix\tliteral\thonorifics\taliases\tgender\tkey",
		"Mr. Mas’oud Khodabandeh\tperson\tMas’oud\t\tKhodabandeh\t\t\tMr.\t\tm\txudabanda|masud",
		"Mowaffak al-Rubaie\tperson\tMowaffak\tal-\tRubaie\t\t\t\t\t\trubai|muvafak",
		"Human Rights Watch\torg\t\t\t\t\tHuman Rights Watch\t\t\t\torg:human rakt vach",
	}
	require.Len(t, lines, len(want), "lines:\n%s", out)
	for i := range want {
		assert.Equal(t, want[i], lines[i], "line %d", i)
	}
}

func TestNamesFold(t *testing.T) {
	out, _, code := runCLI(t, "Mas'oud Rajavī\nمسعود رجوی\n", "names", "fold", "--profile", "skeleton")
	assert.Equal(t, 0, code, "exit status")
	assert.Equal(t, "msd rj\nmsd rj\n", out)
	_, errOut, code := runCLI(t, "x\n", "names", "fold", "--profile", "nope")
	assert.Equal(t, 2, code, "exit status, stderr %q", errOut)
	assert.Contains(t, errOut, `unknown profile "nope"`)
}

func TestNamesNormalizeCSLJSON(t *testing.T) {
	needFormat(t, "csljson")
	in := `[{"id":"a","type":"book","title":"T","author":[{"family":"Rajavi","given":"Mas’oud"},{"family":"Singleton","given":"Anne"}]},
{"id":"b","type":"report","title":"No Exit","author":[{"literal":"HRW"}]}]`
	dir := t.TempDir()
	outPath := filepath.Join(dir, "out.json")
	_, errOut, code := runCLI(t, in, "names", "normalize", "--from", "csljson", "--to", "csljson", "-o", outPath)
	require.Equal(t, 0, code, errOut)
	data, err := os.ReadFile(outPath)
	require.NoError(t, err)
	var items []map[string]any
	require.NoError(t, json.Unmarshal(data, &items), "%s", data)
	require.Len(t, items, 2)
	a := items[0]["author"].([]any)[0].(map[string]any)
	assert.Equal(t, "Rajavī", a["family"], "first author %v, want the canonical Rajavī, Masʻūd", a)
	assert.Equal(t, "Masʻūd", a["given"], "first author %v, want the canonical Rajavī, Masʻūd", a)
	assert.Contains(t, string(data), "original-author", "original names not kept")
	assert.Contains(t, string(data), "Rajavi, Mas’oud", "original names not kept")
	hrw := items[1]["author"].([]any)[0].(map[string]any)
	assert.Equal(t, "Human Rights Watch", hrw["literal"], "HRW not expanded: %v", hrw)
}

// BibTeX names are clustered by their decoded parts, not by the TeX the
// source wrote, which is only kept as the original.
func TestNamesNormalizeBibTeX(t *testing.T) {
	needFormat(t, "bibtex")
	needFormat(t, "csljson")
	in := "@book{r, author = {Rajav{\\=\\i}, Mas{\\textquoteleft}{\\=u}d and Mas{\\textquoteright}oud Khodabandeh}, title = {Speeches}}\n"
	out, errOut, code := runCLI(t, in, "names", "normalize", "--from", "bibtex", "--to", "csljson")
	require.Equal(t, 0, code, errOut)
	var items []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &items), out)
	require.Len(t, items, 1, out)
	authors := items[0]["author"].([]any)
	a := authors[0].(map[string]any)
	assert.Equal(t, "Rajavī", a["family"], "first author %v, want the canonical Rajavī, Masʻūd", a)
	assert.Equal(t, "Masʻūd", a["given"], "first author %v, want the canonical Rajavī, Masʻūd", a)
	a = authors[1].(map[string]any)
	assert.False(t, strings.ContainsAny(fmt.Sprint(a), `\{}`), "second author %v carries TeX", a)
	assert.Contains(t, out, `Rajav{\\=\\i}, Mas{\\textquoteleft}{\\=u}d`, "the original TeX is not kept")
}

// --authority none leaves the embedded authority out: an acronym it knows
// no longer joins the spelled-out name, spelling variants still meet.
func TestNamesClusterAuthorityNone(t *testing.T) {
	in := "Masoud Rajavi\nRajavi, Mas’oud\nMojahedin-e Khalq\nPMOI\n"
	with := clusterRows(t, in)
	require.Equal(t, with[2][1], with[3][1], "the authority joins PMOI and Mojahedin-e Khalq")
	rows := clusterRows(t, in, "--authority", "none")
	require.Len(t, rows, 4)
	assert.Equal(t, rows[0][1], rows[1][1], "spelling variants meet by rule")
	assert.NotEqual(t, rows[2][1], rows[3][1], "without the authority PMOI is only an acronym")
	for _, r := range rows {
		assert.False(t, strings.HasPrefix(r[1], "@"), "no authority key in %q", r)
	}
}

func TestNamesCompare(t *testing.T) {
	tests := []struct {
		args    []string
		verdict string
		why     string
	}{
		{[]string{"Ruhollah Khomeini", "Ruhola Jomeini"}, "same", "Spanish j = kh"},
		{[]string{"--authority", "none", "Shirin Ebadi", "Chirine Ebadi"}, "same", "French ch = sh"},
		{[]string{"--authority", "none", "Hamid Rezaei", "Hamed Rezaei"}, "different", "different names Ḥamīd / Ḥāmid"},
		{[]string{"Masoud Rajavi", "Maryam Rajavi"}, "different", "different authority entries"},
	}
	for _, tt := range tests {
		out, errOut, code := runCLI(t, "", append([]string{"names", "compare"}, tt.args...)...)
		require.Equal(t, 0, code, errOut)
		f := strings.Split(strings.TrimRight(out, "\n"), "\t")
		require.Len(t, f, 3, out)
		assert.Equal(t, tt.verdict, f[0], out)
		assert.Contains(t, f[2], tt.why, out)
		if tt.verdict == "same" {
			assert.GreaterOrEqual(t, f[1], "0.50", out)
		}
	}
	_, errOut, code := runCLI(t, "", "names", "compare", "only one")
	assert.Equal(t, 2, code, errOut)
}

// Bad lines get a diagnostic with their position; the rest is clustered.
func TestNamesClusterBadInput(t *testing.T) {
	long := strings.Repeat("Rajavi ", 1500)
	in := "Masoud Rajavi\n\n" + long + "\nMas\xffoud Rajavi\nMasoud\x07Rajavi\nMasoudمسعود Rajavi\nRajavi, Mas’oud\n"
	out, errOut, code := runCLI(t, in, "names", "cluster", "--authority", "none")
	assert.Equal(t, 1, code, "skipped and changed lines are input problems")
	for _, want := range []string{
		"<stdin>:2:1: warning: blank line skipped",
		"<stdin>:3:1: error: line of 10500 bytes is longer than a name can be (1024): skipped",
		"<stdin>:4:4: error: invalid UTF-8 (byte 0xff) replaced by U+FFFD",
		"<stdin>:5:7: error: control character U+0007 replaced by a space",
		`<stdin>:6:1: warning: "Masoudمسعود" mixes Latin and Perso-Arabic letters in one word`,
	} {
		assert.Contains(t, errOut, want)
	}
	rows := strings.Split(strings.TrimRight(out, "\n"), "\n")
	require.Len(t, rows, 5, "every line but the blank and the over-long one: %q", out)
	key := func(i int) string { return strings.Split(rows[i], "\t")[1] }
	assert.Equal(t, key(0), key(2), "the control character is a space: %q", rows)
	assert.Equal(t, key(0), key(4), "%q", rows)
}

// Past ten problems of one kind the rest are counted, not listed.
func TestNamesClusterManyBlankLines(t *testing.T) {
	_, errOut, code := runCLI(t, "Masoud Rajavi"+strings.Repeat("\n", 30)+"Maryam Rajavi\n", "names", "cluster")
	assert.Equal(t, 0, code, errOut)
	assert.Equal(t, 10, strings.Count(errOut, "blank line skipped"), errOut)
	assert.Contains(t, errOut, "19 more lines with blank lines (only the first 10 are listed)")
}
