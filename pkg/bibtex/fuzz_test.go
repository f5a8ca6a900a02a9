package bibtex

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzSeeds are inputs near the edges of the grammar.
var fuzzSeeds = []string{
	"@article{k, title = {A {B} C}, year = 1999, month = jan # {~5}}",
	"@book(k, author = \"M{\\\"u}ller, J. and others\")",
	"@string{a = {x}}@preamble{a # \"y\"}@comment{z}@misc{k,note=a}",
	"% c\n@misc{k, title = {unterminated\n@misc{j, title={ok}}",
	"@misc{k, title = \"a\" # }",
	"@misc{title = {no key}}",
	"@misc{k, crossref = {p}}\n@proceedings{p, title = {P}, year = {2001/2002}}",
	"@xdata{x, xdata = {x}}\n@book{b, xdata = {x, y}}",
	"@misc{k, author = {{Human Rights Watch} and van der Berg, Jr, H. and \\'{A}ngel Faraldo}}",
	"@misc{k, title = {\xe9t\xe9}}",
	"@misc{k, date = {2005-05-19/2006~}, urldate = {n.d.}}",
	"@@@{{{,,,}}}",
}

func addSeeds(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	if src, err := os.ReadFile("testdata/decode/iran.bib"); err == nil {
		f.Add(src)
	}
}

// FuzzParse checks that parsing never panics, that the tree writes the
// input back byte for byte, and that the problems come sorted.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		file, diags := Parse("f.bib", src)
		var buf bytes.Buffer
		_, err := file.WriteTo(&buf)
		require.NoError(t, err)
		// bytes.Equal, not require.Equal: an empty input may be nil or not.
		require.True(t, bytes.Equal(buf.Bytes(), src), "WriteTo = %q, want %q", buf.Bytes(), src)
		for i := 1; i < len(diags); i++ {
			require.False(t, diags[i].Pos.Offset < diags[i-1].Pos.Offset && diags[i].Pos.Line <= diags[i-1].Pos.Line,
				"diagnostics not sorted: %v", diags)
		}
	})
}

// FuzzDecode checks that decoding never panics, that streaming in small
// reads gives as many items as Decode, and that whatever the encoder
// writes from them parses without errors into the same number of items.
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		items, _ := Decode("f.bib", src, DecodeOptions{})
		d := NewDecoder(iotest.HalfReader(bytes.NewReader(src)), "f.bib", DecodeOptions{})
		n := 0
		for {
			if _, err := d.Next(); err != nil {
				break
			}
			n++
		}
		require.Equal(t, len(items), n, "items streamed vs Decode")
		for _, opts := range []EncodeOptions{{}, {Dialect: BibLaTeX, ASCII: true, ProtectCapitals: true}} {
			var buf bytes.Buffer
			require.NoError(t, Encode(&buf, items, opts))
			again, diags := Decode("out.bib", buf.Bytes(), DecodeOptions{NoInherit: true})
			require.False(t, diags.HasErrors(), "encoder output does not parse: %v\n%s", diags.Errors(), buf.Bytes())
			require.Equal(t, len(items), len(again), "encoder output items:\n%s", buf.Bytes())
			// Verbatim fields come back whole (braces BibTeX cannot hold
			// unbalanced as %7B/%7D), not cut short or run into the next.
			for i := range items {
				for _, v := range []string{"DOI", "URL"} {
					want := items[i].Get(v)
					got := again[i].Get(v)
					require.True(t, got == want || got == percentBraces.Replace(want),
						"%s %q reads back as %q:\n%s", v, want, got, buf.Bytes())
				}
			}
		}
	})
}

// TestPathological decodes inputs that once took quadratic time or could
// exhaust a naive parser; each must finish with the right number of items.
func TestPathological(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		items int
	}{
		{"20000 children of a missing crossref target", strings.Repeat("@misc{k, crossref = {p}}\n", 20000), 20000},
		{"an entry with 20000 xdata references", "@misc{k, xdata = {" + strings.Repeat("p,", 20000) + "}}", 1},
		{"100000 open braces", "@misc{k, t = " + strings.Repeat("{", 100000), 1},
		{"20000 missing commas", "@misc{k," + strings.Repeat(" a=b c", 20000) + "}", 1},
		{"20000 unterminated entries", strings.Repeat("@a{\n", 20000), 20000},
		{"a 50000-word name", "@misc{k, author = {" + strings.Repeat("a ", 50000) + "}}", 1},
	}
	for _, tt := range tests {
		items, _ := Decode("p.bib", []byte(tt.src), DecodeOptions{})
		assert.Equal(t, tt.items, len(items), "%s: items", tt.name)
	}
}
