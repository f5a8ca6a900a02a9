package ris

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// benchInput is the test records repeated to about 1 MB.
func benchInput(b *testing.B) []byte {
	src, err := os.ReadFile("testdata/zotero.ris")
	if err != nil {
		b.Fatal(err)
	}
	return bytes.Repeat(src, 1<<20/len(src))
}

func BenchmarkDecode(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d := NewDecoder(bytes.NewReader(src), "bench.ris")
		for {
			if _, err := d.Next(); err == io.EOF {
				break
			}
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	items, _ := Decode("bench.ris", benchInput(b))
	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		if _, err := Encode(&out, items, EncodeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(out.Len()))
}
