package csljson

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"
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
			require.GreaterOrEqual(t, d.Pos.Line, 1, "bad position in %v", d)
			require.GreaterOrEqual(t, d.Pos.Col, 1, "bad position in %v", d)
			require.GreaterOrEqual(t, d.Pos.Offset, 0, "bad position in %v", d)
			require.False(t, d.Pos.Offset > len(src), "bad position in %v", d)
		}
		dec := NewDecoder(iotest.HalfReader(bytes.NewReader(src)), "f.json")
		n := 0
		for {
			_, err := dec.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			n++
		}
		require.Equal(t, len(items), n, "streaming differs: %d vs %d items\n%v\n---\n%v", n, len(items), dec.Diagnostics(), diags)
		require.Equal(t, diags.Error(), dec.Diagnostics().Error(), "streaming differs: %d vs %d items\n%v\n---\n%v", n, len(items), dec.Diagnostics(), diags)
		var buf bytes.Buffer
		// Only raw JSON kept from the input can fail, and it was checked.
		_, err := Encode(&buf, items, EncodeOptions{Compact: true})
		require.NoError(t, err, "encode")
		again, diags2 := Decode("out.json", buf.Bytes())
		require.False(t, diags2.HasErrors(), "re-reading our output: %d of %d items, %v\n%s", len(again), len(items), diags2, buf.Bytes())
		require.Len(t, again, len(items), "re-reading our output: %d of %d items, %v\n%s", len(again), len(items), diags2, buf.Bytes())
		for i := range items {
			want := Canonical(items[i])
			require.True(t, again[i].Equal(want), "round trip:\n got  %s\n want %s", jsonOf(again[i]), jsonOf(want))
		}
	})
}
