package ris

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
)

// FuzzDecode checks that any input decodes without panicking, with
// positions inside the input, the same whatever the read sizes, and that
// what was read survives writing and reading again.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.ris")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("TY  - BOOK\nAU  - a, b, c, d\nDA  - 2005/13/40/x\nSP  - -\nER  -"))
	f.Fuzz(func(t *testing.T, src []byte) {
		items, diags := Decode("f.ris", src)
		for _, d := range diags {
			if d.Pos.Line < 1 || d.Pos.Offset < 0 || d.Pos.Offset > len(src) {
				t.Fatalf("bad position in %v", d)
			}
		}
		dec := NewDecoder(iotest.OneByteReader(bytes.NewReader(src)), "f.ris")
		n := 0
		for {
			if _, err := dec.Next(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != len(items) || dec.Diagnostics().Error() != diags.Error() {
			t.Fatalf("streaming differs")
		}
		var out bytes.Buffer
		if _, err := Encode(&out, items, EncodeOptions{}); err != nil {
			t.Fatal(err)
		}
		again, diags2 := Decode("out.ris", out.Bytes())
		if diags2.HasErrors() || len(again) != len(items) {
			t.Fatalf("re-reading our output: %d of %d items, %v\n%s", len(again), len(items), diags2, out.Bytes())
		}
		for i := range items {
			if !items[i].Equal(again[i]) {
				a, _ := items[i].AppendJSON(nil)
				b, _ := again[i].AppendJSON(nil)
				t.Fatalf("item changed in a round trip:\n%s\n%s\n%s", a, b, out.Bytes())
			}
		}
		checkBibTeX(t, items)
	})
}

// checkBibTeX writes the items as BibTeX and reads them back: a verbatim
// DOI or URL (which RIS may give with any braces) must not break the
// entry or run into the next field; braces may come back as %7B/%7D.
func checkBibTeX(t *testing.T, items []bib.Item) {
	var buf bytes.Buffer
	if err := bibtex.Encode(&buf, items, bibtex.EncodeOptions{}); err != nil {
		t.Fatal(err)
	}
	again, diags := bibtex.Decode("out.bib", buf.Bytes(), bibtex.DecodeOptions{NoInherit: true})
	if diags.HasErrors() || len(again) != len(items) {
		t.Fatalf("BibTeX of the items: %d of %d items, %v\n%s", len(again), len(items), diags.Errors(), buf.Bytes())
	}
	braces := strings.NewReplacer("{", "%7B", "}", "%7D")
	for i := range items {
		for _, v := range []string{"DOI", "URL"} {
			want := strings.TrimSpace(items[i].Get(v))
			if !utf8.ValidString(want) {
				// The RIS decoder keeps bytes that are not UTF-8 (with a
				// warning); the BibTeX decoder reads such a file as
				// Windows-1252, as documented, so they cannot come back.
				continue
			}
			if got := again[i].Get(v); got != want && got != braces.Replace(want) {
				t.Fatalf("%s %q came back from BibTeX as %q\n%s", v, want, got, buf.Bytes())
			}
		}
	}
}
