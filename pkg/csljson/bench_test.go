package csljson

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
)

// benchItems returns the cited works, without the research provenance they
// carry in "custom" (which no exported library has), repeated to about
// 1 MB of indented CSL-JSON.
func benchItems(b *testing.B) []bib.Item {
	b.Helper()
	data, err := os.ReadFile("../../../shared/works/works.json")
	if err != nil {
		testenv.Missing(b, "shared works not available: %v", err)
	}
	works, _ := Decode("works.json", data)
	for i := range works {
		works[i].Custom = nil
	}
	var items []bib.Item
	for len(items) < 3000 {
		for _, w := range works {
			w.ID = fmt.Sprintf("%s-%d", w.ID, len(items))
			items = append(items, w)
		}
	}
	return items
}

func BenchmarkDecode(b *testing.B) {
	var src bytes.Buffer
	if _, err := Encode(&src, benchItems(b), EncodeOptions{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(src.Len()))
	b.ReportAllocs()
	for b.Loop() {
		d := NewDecoder(bytes.NewReader(src.Bytes()), "bench.json")
		for {
			if _, err := d.Next(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	items := benchItems(b)
	for _, opts := range []struct {
		name string
		EncodeOptions
	}{{"indented", EncodeOptions{}}, {"compact", EncodeOptions{Compact: true}}} {
		b.Run(opts.name, func(b *testing.B) {
			var out bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				out.Reset()
				if _, err := Encode(&out, items, opts.EncodeOptions); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(out.Len()))
		})
	}
}
