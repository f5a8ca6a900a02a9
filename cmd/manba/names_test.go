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
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows [][]string
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		rows = append(rows, strings.Split(l, "\t"))
	}
	return rows
}

func TestNamesCluster(t *testing.T) {
	in := "Masoud Rajavi\nRajavi, Mas’oud\n\nMaryam Rajavi\nKazem Radjavi\nKhomeini\nKhamenei\nKhomein\nMojahedin-e Khalq\nMKO\n"
	rows := clusterRows(t, in)
	if len(rows) != 9 {
		t.Fatalf("got %d rows, want 9 (blank line skipped): %q", len(rows), rows)
	}
	key := map[string]string{}
	for _, r := range rows {
		if len(r) != 3 {
			t.Fatalf("row %q has %d fields, want 3", r, len(r))
		}
		key[r[0]] = r[1]
	}
	if rows[0][0] != "Masoud Rajavi" || rows[8][0] != "MKO" {
		t.Errorf("rows not in input order: %q", rows)
	}
	same := [][2]string{{"Masoud Rajavi", "Rajavi, Mas’oud"}, {"Mojahedin-e Khalq", "MKO"}}
	for _, p := range same {
		if key[p[0]] != key[p[1]] {
			t.Errorf("%q and %q in different clusters %q, %q", p[0], p[1], key[p[0]], key[p[1]])
		}
	}
	apart := []string{"Masoud Rajavi", "Maryam Rajavi", "Kazem Radjavi", "Khomeini", "Khamenei", "Khomein"}
	for i := range apart {
		for j := i + 1; j < len(apart); j++ {
			if key[apart[i]] == key[apart[j]] {
				t.Errorf("%q and %q share cluster %q", apart[i], apart[j], key[apart[i]])
			}
		}
	}
	if rows[0][2] != "Rajavī, Masʻūd" {
		t.Errorf("canonical of Masoud Rajavi = %q, want the LC heading", rows[0][2])
	}
}

func TestNamesClusterExplainAndFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "names.txt")
	if err := os.WriteFile(in, []byte("Parviz Yaqoubi\tP_1\r\nYaqoubi\tP_1\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rows := clusterRows(t, "", "--explain", in)
	if len(rows) != 2 || len(rows[1]) != 5 || rows[1][0] != "Yaqoubi" {
		t.Fatalf("rows %q", rows)
	}
	if rows[0][1] != rows[1][1] || !strings.Contains(rows[1][3], "surname only") {
		t.Errorf("Yaqoubi alone should join Parviz Yaqoubi as a surname: %q", rows)
	}
}

func TestNamesClusterUserAuthority(t *testing.T) {
	dir := t.TempDir()
	au := filepath.Join(dir, "au.tsv")
	data := "# mine\nx-hashemi\tperson\tHashemi, Faezeh\tFaezeh Hashemi Rafsanjani\nbad line\n"
	if err := os.WriteFile(au, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "Faezeh Hashemi\nFaezeh Hashemi Rafsanjani\n", "names", "cluster", "--authority", au)
	if code != 1 {
		t.Errorf("exit %d, want 1 for the bad authority line", code)
	}
	if !strings.Contains(errOut, "au.tsv:3:1") {
		t.Errorf("stderr %q lacks the position of the bad line", errOut)
	}
	if strings.Count(out, "@x-hashemi") != 2 {
		t.Errorf("user entry not used: %q", out)
	}
}

func TestNamesParse(t *testing.T) {
	out, errOut, code := runCLI(t, "Mr. Mas’oud Khodabandeh\nMowaffak al-Rubaie\nHuman Rights Watch\n", "names", "parse")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := []string{
		"original\tkind\tgiven\tparticle\tfamily\tsuffix\tliteral\thonorifics\taliases\tgender\tkey",
		"Mr. Mas’oud Khodabandeh\tperson\tMas’oud\t\tKhodabandeh\t\t\tMr.\t\tm\txudabanda|masud",
		"Mowaffak al-Rubaie\tperson\tMowaffak\tal-\tRubaie\t\t\t\t\t\trubai|muvafak",
		"Human Rights Watch\torg\t\t\t\t\tHuman Rights Watch\t\t\t\torg:human rakt vach",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines:\n%s", len(lines), out)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %q\nwant %q", i, lines[i], want[i])
		}
	}
}

func TestNamesFold(t *testing.T) {
	out, _, code := runCLI(t, "Mas'oud Rajavī\nمسعود رجوی\n", "names", "fold", "--profile", "skeleton")
	if code != 0 || out != "msd rj\nmsd rj\n" {
		t.Errorf("exit %d, output %q", code, out)
	}
	_, errOut, code := runCLI(t, "x\n", "names", "fold", "--profile", "nope")
	if code != 2 || !strings.Contains(errOut, `unknown profile "nope"`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestNamesNormalizeCSLJSON(t *testing.T) {
	needFormat(t, "csljson")
	in := `[{"id":"a","type":"book","title":"T","author":[{"family":"Rajavi","given":"Mas’oud"},{"family":"Singleton","given":"Anne"}]},
{"id":"b","type":"report","title":"No Exit","author":[{"literal":"HRW"}]}]`
	dir := t.TempDir()
	outPath := filepath.Join(dir, "out.json")
	_, errOut, code := runCLI(t, in, "names", "normalize", "--from", "csljson", "--to", "csljson", "-o", outPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if len(items) != 2 {
		t.Fatalf("got %d items", len(items))
	}
	a := items[0]["author"].([]any)[0].(map[string]any)
	if a["family"] != "Rajavī" || a["given"] != "Masʻūd" {
		t.Errorf("first author %v, want the canonical Rajavī, Masʻūd", a)
	}
	if !strings.Contains(string(data), "original-author") || !strings.Contains(string(data), "Rajavi, Mas’oud") {
		t.Errorf("original names not kept:\n%s", data)
	}
	hrw := items[1]["author"].([]any)[0].(map[string]any)
	if hrw["literal"] != "Human Rights Watch" {
		t.Errorf("HRW not expanded: %v", hrw)
	}
}

// BibTeX names are clustered by their decoded parts, not by the TeX the
// source wrote, which is only kept as the original.
func TestNamesNormalizeBibTeX(t *testing.T) {
	needFormat(t, "bibtex")
	needFormat(t, "csljson")
	in := "@book{r, author = {Rajav{\\=\\i}, Mas{\\textquoteleft}{\\=u}d and Mas{\\textquoteright}oud Khodabandeh}, title = {Speeches}}\n"
	out, errOut, code := runCLI(t, in, "names", "normalize", "--from", "bibtex", "--to", "csljson")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) != 1 {
		t.Fatalf("%v: %s", err, out)
	}
	authors := items[0]["author"].([]any)
	if a := authors[0].(map[string]any); a["family"] != "Rajavī" || a["given"] != "Masʻūd" {
		t.Errorf("first author %v, want the canonical Rajavī, Masʻūd", a)
	}
	if a := authors[1].(map[string]any); strings.ContainsAny(fmt.Sprint(a), `\{}`) {
		t.Errorf("second author %v carries TeX", a)
	}
	if !strings.Contains(out, `Rajav{\\=\\i}, Mas{\\textquoteleft}{\\=u}d`) {
		t.Errorf("the original TeX is not kept:\n%s", out)
	}
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
