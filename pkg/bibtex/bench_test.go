package bibtex

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func benchInput(b *testing.B) []byte {
	src, err := os.ReadFile(filepath.Join(corpusDir, "bench", "common-nocomment.bib"))
	if err != nil {
		b.Skipf("bench input missing: %v", err)
	}
	return src
}

func BenchmarkParse(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse("bench.bib", src)
	}
}

// BenchmarkDecodeJSON measures BibTeX -> CSL-JSON: streaming decode and
// bib.Item.AppendJSON.
func BenchmarkDecodeJSON(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var out []byte
	for b.Loop() {
		d := NewDecoder(bytes.NewReader(src), "bench.bib", DecodeOptions{})
		out = out[:0]
		for {
			it, err := d.Next()
			if err != nil {
				break
			}
			out, _ = it.AppendJSON(out)
		}
	}
}

// BenchmarkDecode is BenchmarkDecodeJSON without the JSON: the share of
// this package.
func BenchmarkDecode(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d := NewDecoder(bytes.NewReader(src), "bench.bib", DecodeOptions{})
		for {
			if _, err := d.Next(); err != nil {
				break
			}
		}
	}
}

// BenchmarkEncode writes the bench file's items as BibTeX.
func BenchmarkEncode(b *testing.B) {
	src := benchInput(b)
	items, _ := Decode("bench.bib", src, DecodeOptions{})
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Encode(io.Discard, items, EncodeOptions{ProtectCapitals: true}); err != nil {
			b.Fatal(err)
		}
	}
}
