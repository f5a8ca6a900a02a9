package bibtex

import (
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
