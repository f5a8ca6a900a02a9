package csljson

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"
)

// FuzzDecode checks that any input decodes without panicking, with
// positions inside the input, the same way whatever the read sizes, and
// that whatever was decoded can be written and read back as Canonical says.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("testdata/decode/*.json")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte(`[{"id":"a","type":"book","issued":{"date-parts":[[2005,5],[2006]],"circa":"1"}}]`))
	f.Fuzz(func(t *testing.T, src []byte) {
		items, diags := Decode("f.json", src)
		for _, d := range diags {
			if d.Pos.Line < 1 || d.Pos.Col < 1 || d.Pos.Offset < 0 || d.Pos.Offset > len(src) {
				t.Fatalf("bad position in %v", d)
			}
		}
		dec := NewDecoder(iotest.HalfReader(bytes.NewReader(src)), "f.json")
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
			t.Fatalf("streaming differs: %d vs %d items\n%v\n---\n%v", n, len(items), dec.Diagnostics(), diags)
		}
		var buf bytes.Buffer
		if _, err := Encode(&buf, items, EncodeOptions{Compact: true}); err != nil {
			// Only raw JSON kept from the input can fail, and it was checked.
			t.Fatalf("encode: %v", err)
		}
		again, diags2 := Decode("out.json", buf.Bytes())
		if diags2.HasErrors() || len(again) != len(items) {
			t.Fatalf("re-reading our output: %d of %d items, %v\n%s", len(again), len(items), diags2, buf.Bytes())
		}
		for i := range items {
			if want := Canonical(items[i]); !again[i].Equal(want) {
				t.Fatalf("round trip:\n got  %s\n want %s", jsonOf(again[i]), jsonOf(want))
			}
		}
	})
}
