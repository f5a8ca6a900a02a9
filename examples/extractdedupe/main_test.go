package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/output.txt")

func TestRun(t *testing.T) {
	src, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := run(&b, "article.txt", src); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "output.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if b.String() != string(want) {
		t.Errorf("output differs from %s:\n%s", golden, b.String())
	}
	// The points of the example, independently of the layout: ibid and a
	// transliterated spelling join the first note, the inline mention joins
	// the RAND report, and the unknown book stays new.
	for _, line := range []string{
		"abrahamian1989mojahedin  book              cited as 1,2,4     known work abrahamian1989mojahedin",
		"rand2009mek              book              cited as 5,inline  known work rand2009mek",
		"mohammadi2014notes       book              cited as 7         new",
	} {
		if !strings.Contains(b.String(), line) {
			t.Errorf("output lacks %q", line)
		}
	}
}
