package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		if code != 2 || !strings.Contains(errOut, tt.err) {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, errOut)
		}
	}
}

func TestDedupeMarkOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "decisions.tsv")
	for _, m := range []string{"radical,abrahamian89", "b,a"} {
		if _, errOut, code := runCLI(t, "", "dedupe", "--distinct", path, "--mark", m); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != "a\tb\nabrahamian89\tradical\n" {
		t.Errorf("decisions file = %q", b)
	}
}

func TestDedupeReportAndMerge(t *testing.T) {
	needFormat(t, "csljson")
	dir := t.TempDir()
	in := filepath.Join(dir, "lib.json")
	if err := os.WriteFile(in, []byte(dupJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "dedupe", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "goulka2009\trand-mek\tsame ISBN 9780833047014\n" +
		"abrahamian89\tabr-copy\tsame title \"The Iranian Mojahedin\", same year 1989, author Abrahamiyan\n"
	if out != want {
		t.Errorf("report:\n%s\nwant:\n%s", out, want)
	}

	decisions := filepath.Join(dir, "distinct.tsv")
	out, errOut, code = runCLI(t, "", "dedupe", "--distinct", decisions, "--mark", "abr-copy,abrahamian89", in)
	if code != 0 || strings.Contains(out, "abr-copy") || !strings.Contains(out, "rand-mek") {
		t.Errorf("decision not respected (exit %d, %s):\n%s", code, errOut, out)
	}

	keymap := filepath.Join(dir, "keys.tsv")
	merged := filepath.Join(dir, "merged.json")
	_, errOut, code = runCLI(t, "", "dedupe", "--merge", "--keymap", keymap, "-o", merged, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	km, _ := os.ReadFile(keymap)
	if string(km) != "rand-mek\tgoulka2009\nabr-copy\tabrahamian89\n" {
		t.Errorf("keymap = %q", km)
	}
	mb, _ := os.ReadFile(merged)
	for _, s := range []string{`"id":"goulka2009"`, `"ids":"rand-mek"`, `"publisher-place":"New Haven"`} {
		if !strings.Contains(strings.ReplaceAll(string(mb), ": ", ":"), s) {
			t.Errorf("merged output lacks %s:\n%s", s, mb)
		}
	}
	if strings.Contains(string(mb), `"id":"abr-copy"`) {
		t.Errorf("merged output still has abr-copy")
	}
}

func TestDedupeAcrossFiles(t *testing.T) {
	needFormat(t, "csljson")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	write := func(path, data string) {
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(a, `[{"id":"x","type":"book","title":"Saddam's Private Army","author":[{"family":"Singleton","given":"Anne"}],"issued":{"date-parts":[[2003]]}}]`)
	write(b, `[{"id":"x","type":"book","title":"Saddam’s private army: How Rajavi changed Iran's Mojahedin","author":[{"family":"Singleton","given":"A."}],"issued":{"date-parts":[[2003]]}},
{"id":"y","type":"book","title":"Assassins","issued":{"date-parts":[[2008]]}}]`)
	out, errOut, code := runCLI(t, "", "dedupe", a, b)
	want := a + ":x\t" + b + ":x\tsame title \"Saddam's Private Army\", same year 2003, author Singleton\n"
	if code != 0 || out != want {
		t.Errorf("exit %d (%s):\n%q\nwant\n%q", code, errOut, out, want)
	}
}
