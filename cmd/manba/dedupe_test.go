package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const dupJSON = `[
{"id":"goulka2009","type":"report","author":[{"family":"Goulka","given":"Jeremiah"},{"family":"Hansell","given":"Lydia"}],"title":"The Mujahedin-e Khalq in Iraq: A Policy Conundrum","ISBN":"978-0-8330-4701-4","issued":{"date-parts":[[2009]]}},
{"id":"abrahamian89","type":"book","author":[{"family":"Abrahamian","given":"Ervand"}],"title":"The Iranian Mojahedin","publisher":"Yale University Press","issued":{"date-parts":[[1989]]}},
{"id":"rand-mek","type":"report","title":"MEK report","note":"ISBN 0-8330-4701-9"},
{"id":"abr-copy","type":"book","author":[{"family":"Abrahamiyan","given":"E."}],"title":"Iranian Mujahideen","publisher-place":"New Haven","issued":{"date-parts":[[1989]]}}
]`

func TestDedupeUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{[]string{"dedupe", "--keymap", "k.tsv"}, "--keymap needs --merge"},
		{[]string{"dedupe", "--mark", "a,b"}, "--mark needs --distinct"},
		{[]string{"dedupe", "--distinct", "d.tsv", "--mark", "ab"}, `want KEY1,KEY2`},
		{[]string{"dedupe", "--merge", "--to", "docx"}, `unknown format "docx"`},
	} {
		_, errOut, code := runCLI(t, "", tt.args...)
		assert.Equal(t, 2, code, "%v", tt.args)
		assert.Contains(t, errOut, tt.err, "%v", tt.args)
	}
}

func TestDedupeMarkOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "decisions.tsv")
	for _, m := range []string{"radical,abrahamian89", "b,a"} {
		_, errOut, code := runCLI(t, "", "dedupe", "--distinct", path, "--mark", m)
		require.Equal(t, 0, code, errOut)
	}
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "a\tb\nabrahamian89\tradical\n", string(b))
}

func TestDedupeReportAndMerge(t *testing.T) {
	needFormat(t, "csljson")
	dir := t.TempDir()
	in := filepath.Join(dir, "lib.json")
	require.NoError(t, os.WriteFile(in, []byte(dupJSON), 0o644))
	out, errOut, code := runCLI(t, "", "dedupe", in)
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "goulka2009\trand-mek\tsame ISBN 9780833047014\n"+
		"abrahamian89\tabr-copy\tsame title \"The Iranian Mojahedin\", same year 1989, author Abrahamiyan\n", out)

	decisions := filepath.Join(dir, "distinct.tsv")
	out, errOut, code = runCLI(t, "", "dedupe", "--distinct", decisions, "--mark", "abr-copy,abrahamian89", in)
	assert.Equal(t, 0, code, errOut)
	assert.NotContains(t, out, "abr-copy", "decision not respected")
	assert.Contains(t, out, "rand-mek")

	keymap := filepath.Join(dir, "keys.tsv")
	merged := filepath.Join(dir, "merged.json")
	_, errOut, code = runCLI(t, "", "dedupe", "--merge", "--keymap", keymap, "-o", merged, in)
	require.Equal(t, 0, code, errOut)
	km, _ := os.ReadFile(keymap)
	assert.Equal(t, "rand-mek\tgoulka2009\nabr-copy\tabrahamian89\n", string(km))
	mb, _ := os.ReadFile(merged)
	compact := strings.ReplaceAll(string(mb), ": ", ":")
	for _, s := range []string{`"id":"goulka2009"`, `"ids":"rand-mek"`, `"publisher-place":"New Haven"`} {
		assert.Contains(t, compact, s)
	}
	assert.NotContains(t, compact, `"id":"abr-copy"`)
}

func TestDedupeAcrossFiles(t *testing.T) {
	needFormat(t, "csljson")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	require.NoError(t, os.WriteFile(a, []byte(`[{"id":"x","type":"book","title":"Saddam's Private Army","author":[{"family":"Singleton","given":"Anne"}],"issued":{"date-parts":[[2003]]}}]`), 0o644))
	require.NoError(t, os.WriteFile(b, []byte(`[{"id":"x","type":"book","title":"Saddam’s private army: How Rajavi changed Iran's Mojahedin","author":[{"family":"Singleton","given":"A."}],"issued":{"date-parts":[[2003]]}},
{"id":"y","type":"book","title":"Assassins","issued":{"date-parts":[[2008]]}}]`), 0o644))
	out, errOut, code := runCLI(t, "", "dedupe", a, b)
	assert.Equal(t, 0, code, errOut)
	assert.Equal(t, a+":x\t"+b+":x\tsame title \"Saddam's Private Army\", same year 2003, author Singleton\n", out)
}
