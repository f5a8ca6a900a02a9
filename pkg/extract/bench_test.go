package extract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

// BenchmarkExtractLarge extracts 1, 10 and 50 MB made of the layout
// articles repeated: the time grows linearly with the size.
func BenchmarkExtractLarge(b *testing.B) {
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
	for _, mb := range []int{1, 10, 50} {
		src := bytes.Repeat(unit.Bytes(), mb<<20/unit.Len()+1)[:mb<<20]
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Extract("large.txt", src)
			}
		})
	}
}
