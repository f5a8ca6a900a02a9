package extract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/manba/manba/pkg/bib"
)

// layoutRefs are the reference strings of the test articles in
// testdata/layouts.
func layoutRefs(b *testing.B) []string {
	files, _ := filepath.Glob("testdata/layouts/*.gold")
	var refs []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		refs = append(refs, strings.FieldsFunc(string(data), func(r rune) bool { return r == '\n' })...)
	}
	if len(refs) == 0 {
		b.Fatal("no reference strings in testdata/layouts")
	}
	return refs
}

// BenchmarkParseReference parses reference strings one after the other
// and reports how many a second.
func BenchmarkParseReference(b *testing.B) {
	refs := layoutRefs(b)
	n := 0
	for b.Loop() {
		ParseReference(refs[n%len(refs)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "refs/s")
}

// article100 is an article with a paragraph of text and a numbered list
// of 100 references.
func article100(b *testing.B) []byte {
	refs := layoutRefs(b)
	var buf bytes.Buffer
	buf.WriteString("A study of sources\n\nThe running text cites a 2009 Rand report and others.\n\nNotes\n\n")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&buf, "%d. %s\n", i+1, refs[i%len(refs)])
	}
	return buf.Bytes()
}

// BenchmarkExtractArticle100 extracts an article of 100 references.
func BenchmarkExtractArticle100(b *testing.B) {
	src := article100(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Extract("a.txt", src)
	}
}

// layoutText returns mb MB made of the layout articles repeated.
func layoutText(b *testing.B, mb int) []byte {
	files, _ := filepath.Glob("testdata/layouts/*.txt")
	var unit bytes.Buffer
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		unit.Write(data)
		unit.WriteString("\n")
	}
	return bytes.Repeat(unit.Bytes(), mb<<20/unit.Len()+1)[:mb<<20]
}

// BenchmarkExtractStream streams 1 and 10 MB of the layout articles
// through ExtractStream, each part's items merged and made as manba
// extract does: the time and the allocations per byte stay the same,
// and the heap is that of one part (peak-MB, sampled after each part).
func BenchmarkExtractStream(b *testing.B) {
	for _, mb := range []int{1, 10} {
		src := layoutText(b, mb)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				used := map[string]int{}
				err := ExtractStream("large.txt", bytes.NewReader(src), StreamOptions{}, func(p Part) error {
					var ms runtime.MemStats
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapInuse)
					return EmitBibliography(p.Refs, Options{Used: used}, func(bib.Item) error { return nil })
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}

// BenchmarkExtractLarge extracts 1, 10 and 50 MB made of the layout
// articles repeated, whole (Extract): the time grows linearly with the
// size, the memory too (ExtractStream keeps it bounded).
func BenchmarkExtractLarge(b *testing.B) {
	for _, mb := range []int{1, 10, 50} {
		src := layoutText(b, mb)
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Extract("large.txt", src)
			}
		})
	}
}
