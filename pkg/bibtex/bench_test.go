package bibtex

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/manba/manba/internal/testenv"
	"github.com/manba/manba/pkg/bib"
)

func benchInput(b *testing.B) []byte {
	src, err := os.ReadFile(filepath.Join(corpusDir, "bench", "common-nocomment.bib"))
	if err != nil {
		testenv.Missing(b, "bench input missing: %v", err)
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

// BenchmarkDecodeJSONInto is BenchmarkDecodeJSON with Decoder.NextInto,
// as a conversion streams items: one item's maps serve them all.
func BenchmarkDecodeJSONInto(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var out []byte
	var it bib.Item
	for b.Loop() {
		d := NewDecoder(bytes.NewReader(src), "bench.bib", DecodeOptions{})
		for d.NextInto(&it) == nil {
			out, _ = it.AppendJSON(out[:0])
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

// repeatReader yields src n times, so that large inputs need no memory.
type repeatReader struct {
	src  []byte
	n    int
	off  int
	done int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.done == r.n {
		return 0, io.EOF
	}
	k := copy(p, r.src[r.off:])
	r.off += k
	if r.off == len(r.src) {
		r.off, r.done = 0, r.done+1
	}
	return k, nil
}

// BenchmarkDecoderMemory streams the bench file six times over (22 MB, as
// in the big-common-x6 input) and reports the peak heap in use, sampled
// every 1000 items: the Decoder's memory must not grow with the input.
func BenchmarkDecoderMemory(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(6 * len(src)))
	var peak uint64
	var ms runtime.MemStats
	for b.Loop() {
		runtime.GC()
		d := NewDecoder(&repeatReader{src: src, n: 6}, "big.bib", DecodeOptions{})
		var out []byte
		for i := 0; ; i++ {
			it, err := d.Next()
			if err != nil {
				break
			}
			out, _ = it.AppendJSON(out[:0])
			if i%1000 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// BenchmarkNickngParse is nickng/bibtex's parse alone on the bench file:
// the yardstick for BenchmarkDecodeJSON (see BenchmarkDecodeVsNickng).
func BenchmarkNickngParse(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseNickngLocked(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeVsNickng times BibTeX -> CSL-JSON (streaming decode into
// one reused item, as manba convert does, and AppendJSON) and
// nickng/bibtex's parse alone, alternately on the same file in the same
// run, and reports how many times faster manba is (x-nickng) and both
// speeds. A collection before each timed part keeps one side's garbage from
// being collected on the other's time. x-nickng-cpu is the same ratio in
// process CPU time, which other programs on a shared machine disturb less
// than wall time.
func BenchmarkDecodeVsNickng(b *testing.B) {
	src := benchInput(b)
	var ours, theirs, oursCPU, theirsCPU time.Duration
	var out []byte
	var it bib.Item
	for b.Loop() {
		runtime.GC()
		t0, c0 := time.Now(), processCPU()
		if _, err := parseNickngLocked(src); err != nil {
			b.Fatal(err)
		}
		theirs += time.Since(t0)
		theirsCPU += processCPU() - c0
		runtime.GC()
		t1, c1 := time.Now(), processCPU()
		d := NewDecoder(bytes.NewReader(src), "bench.bib", DecodeOptions{})
		for d.NextInto(&it) == nil {
			out, _ = it.AppendJSON(out[:0])
		}
		ours += time.Since(t1)
		oursCPU += processCPU() - c1
	}
	mb := float64(len(src)) * float64(b.N) / 1e6
	b.ReportMetric(theirs.Seconds()/ours.Seconds(), "x-nickng")
	if oursCPU > 0 {
		b.ReportMetric(theirsCPU.Seconds()/oursCPU.Seconds(), "x-nickng-cpu")
	}
	b.ReportMetric(mb/ours.Seconds(), "MB/s-manba")
	b.ReportMetric(mb/theirs.Seconds(), "MB/s-nickng")
}

// hugeValue is one entry whose abstract is n bytes of words on one line.
func hugeValue(n int) []byte {
	const words = "the guerrilla {M}ovement in \\emph{Iran} 1963--1977, "
	b := make([]byte, 0, n+64)
	b = append(b, "@misc{huge, abstract = {"...)
	for len(b) < n {
		b = append(b, words...)
	}
	return append(b, "}}\n"...)
}

// BenchmarkHugeValue decodes one entry with a single-line value of 2, 20
// and 200 MB, without the entry size limit, beside Parse of the same
// input: time must grow linearly with the size.
func BenchmarkHugeValue(b *testing.B) {
	for _, mb := range []int{2, 20, 200} {
		src := hugeValue(mb << 20)
		b.Run(fmt.Sprintf("Parse/%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Parse("huge.bib", src)
			}
		})
		b.Run(fmt.Sprintf("Decode/%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				d := NewDecoder(bytes.NewReader(src), "huge.bib", DecodeOptions{MaxEntryBytes: -1})
				for {
					if _, err := d.Next(); err != nil {
						break
					}
				}
			}
		})
	}
}
