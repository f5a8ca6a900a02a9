package csl_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/manba/manba/pkg/csl"
	"github.com/manba/manba/pkg/works"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGoldenWorks renders the built-in cited works in apa and
// chicago-author-date; differences from pandoc --citeproc are listed in
// testdata/golden/README.md.
func TestGoldenWorks(t *testing.T) {
	for _, name := range []string{"apa", "chicago-author-date"} {
		for _, f := range []struct {
			ext    string
			format csl.Format
		}{{"txt", csl.Text}, {"html", csl.HTML}} {
			st, err := csl.LoadStyle(name)
			if err != nil {
				t.Fatal(err)
			}
			got := csl.NewProcessor(st, "en-US", works.Items()).BibliographyString(f.format) + "\n"
			path := filepath.Join("testdata", "golden", "works-"+name+"."+f.ext)
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file; run go test -update and review the diff", path)
			}
		}
	}
}
