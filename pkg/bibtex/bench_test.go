package bibtex

import (
	"bytes"
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
