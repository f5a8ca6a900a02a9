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
	"github.com/stretchr/testify/require"
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
			require.True(t, d.Pos.Line >= 1 && d.Pos.Offset >= 0 && d.Pos.Offset <= len(src), "bad position in %v", d)
		}
		dec := NewDecoder(iotest.OneByteReader(bytes.NewReader(src)), "f.ris")
		n := 0
		for {
			_, err := dec.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			n++
		}
		require.Equal(t, len(items), n, "streaming differs: items")
		require.Equal(t, diags.Error(), dec.Diagnostics().Error(), "streaming differs: diagnostics")
		var out bytes.Buffer
		_, err := Encode(&out, items, EncodeOptions{})
		require.NoError(t, err)
		again, diags2 := Decode("out.ris", out.Bytes())
		require.False(t, diags2.HasErrors(), "re-reading our output: %v\n%s", diags2, out.Bytes())
		require.Equal(t, len(items), len(again), "re-reading our output: items\n%s", out.Bytes())
		for i := range items {
			if !items[i].Equal(again[i]) { // JSON only for the message
				a, _ := items[i].AppendJSON(nil)
				b, _ := again[i].AppendJSON(nil)
				require.Failf(t, "item changed in a round trip", "%s\n%s\n%s", a, b, out.Bytes())
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
	require.NoError(t, bibtex.Encode(&buf, items, bibtex.EncodeOptions{}))
	again, diags := bibtex.Decode("out.bib", buf.Bytes(), bibtex.DecodeOptions{NoInherit: true})
	require.False(t, diags.HasErrors(), "BibTeX of the items: %v\n%s", diags.Errors(), buf.Bytes())
	require.Equal(t, len(items), len(again), "BibTeX of the items: items\n%s", buf.Bytes())
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
			got := again[i].Get(v)
			require.True(t, got == want || got == braces.Replace(want), "%s %q came back from BibTeX as %q\n%s", v, want, got, buf.Bytes())
		}
	}
}
