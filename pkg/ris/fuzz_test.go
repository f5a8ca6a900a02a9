package ris

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"
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
	})
}
