package check

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/works"
)

// BenchmarkLibrary100k checks a library of 100,000 entries: the built-in
// works written as BibTeX, repeated under new keys, with some people
// spelled several ways.
func BenchmarkLibrary100k(b *testing.B) {
	var one bytes.Buffer
	if err := bibtex.Encode(&one, works.Items(), bibtex.EncodeOptions{}); err != nil {
		b.Fatal(err)
	}
	entries := bytes.Count(one.Bytes(), []byte("\n@"))
	var lib bytes.Buffer
	for i := 0; lib.Len() == 0 || i*entries < 100000; i++ {
		chunk := bytes.Clone(one.Bytes())
		chunk = bytes.ReplaceAll(chunk, []byte(",\n  author"), fmt.Appendf(nil, "x%d,\n  author", i))
		if i%3 == 1 {
			chunk = bytes.ReplaceAll(chunk, []byte("Abrahamian, Ervand"), []byte("Abrahamian, Yervand"))
		}
		lib.Write(chunk)
	}
	in := []Input{{Name: "lib.bib", Src: lib.Bytes()}}
	b.ResetTimer()
	for b.Loop() {
		Library(in, Options{})
	}
}
