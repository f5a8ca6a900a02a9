package stress

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/bibtex"
	"github.com/manba/manba/pkg/csljson"
	"github.com/manba/manba/pkg/diag"
)

// limits runs fn and fails the test if it has not returned within d (a
// hang, not a speed measure: d is generous, also under -race) or if the
// heap in use, sampled while it runs, grows by more than maxHeap bytes
// (twice what a quiet run needs: garbage collection runs later when the
// machine is busy).
func limits(t *testing.T, d time.Duration, maxHeap uint64, fn func()) {
	t.Helper()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapInuse, ms.HeapInuse
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(d)
	for {
		select {
		case <-done:
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			t.Logf("peak heap growth %.1f MiB", float64(peak-base)/(1<<20))
			assert.LessOrEqual(t, peak-base, maxHeap, "heap grew by more than the limit")
			return
		case <-tick.C:
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		case <-deadline:
			require.FailNow(t, "did not finish in time", "limit %v", d)
		}
	}
}

// generate reads head, then body repeated until n bytes of it were given,
// then tail: a large input that is never held whole.
func generate(head, body string, n int64, tail string) io.Reader {
	return io.MultiReader(strings.NewReader(head), io.LimitReader(&repeat{s: body}, n), strings.NewReader(tail))
}

// repeat reads s over and over.
type repeat struct {
	s   string
	off int
}

func (r *repeat) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		k := copy(p[n:], r.s[r.off:])
		n += k
		r.off = (r.off + k) % len(r.s)
	}
	return n, nil
}

func decodeBibTeX(t *testing.T, r io.Reader, opts bibtex.DecodeOptions) ([]string, diag.List) {
	t.Helper()
	d := bibtex.NewDecoder(r, "s.bib", opts)
	var ids []string
	for {
		it, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		ids = append(ids, it.ID)
	}
	return ids, d.Diagnostics()
}

func decodeCSL(t *testing.T, r io.Reader) ([]bib.Item, diag.List) {
	t.Helper()
	d := csljson.NewDecoder(r, "s.json")
	var items []bib.Item
	for {
		it, err := d.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		items = append(items, it)
	}
	return items, d.Diagnostics()
}

func TestStressMacroBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("@string{s1 = \"abcdefghij\"}\n")
	for i := 2; i <= 40; i++ {
		fmt.Fprintf(&b, "@string{s%d = s%d # s%d # s%d}\n", i, i-1, i-1, i-1)
	}
	b.WriteString("@misc{bomb, title = s40}\n@misc{after, title = {fine}}\n")
	limits(t, 5*time.Minute, 64<<20, func() {
		ids, diags := decodeBibTeX(t, strings.NewReader(b.String()), bibtex.DecodeOptions{})
		assert.Equal(t, []string{"bomb", "after"}, ids)
		assert.Contains(t, diags.Error(), `s.bib:12:21: error: @string "s12": expanding macro "s11" makes the value longer than 1048576 bytes (MaxValueBytes)`)
		assert.Contains(t, diags.Error(), `s.bib:41:21: error: entry "bomb", field "title": macro "s40" was left undefined`)
	})
}

func TestStressTextAndNULsBeforeAnEntry(t *testing.T) {
	src := "@article{bad, title={x}, year=20 x}\nxyz @article{good, title={Good}, year=2001}\n" +
		"@misc{a, title={A}}" + strings.Repeat("\x00", 1<<20) + "@misc{b, title={B}}\n"
	limits(t, 5*time.Minute, 64<<20, func() {
		ids, diags := decodeBibTeX(t, strings.NewReader(src), bibtex.DecodeOptions{})
		assert.Equal(t, []string{"bad", "good", "a", "b"}, ids)
		assert.Equal(t, `s.bib:1:34: error: entry "bad": unexpected 'x' after the value of "year", expected ',' or '}'
s.bib:1:34: warning: skipped 7 bytes to the next entry at 2:5`, diags.Error())
	})
}

func TestStressHugeEntryIsSkipped(t *testing.T) {
	// A 40 MB entry between two good ones, over the 16 MiB default.
	r := generate("@misc{before, title={B}}\n@misc{huge, abstract = {", "words {and} braces ", 19<<21, "}}\n@misc{after, title={A}}\n")
	limits(t, 5*time.Minute, 192<<20, func() {
		ids, diags := decodeBibTeX(t, r, bibtex.DecodeOptions{})
		assert.Equal(t, []string{"before", "after"}, ids)
		require.Len(t, diags, 1)
		assert.Regexp(t, `^s.bib:2:1: error: entry "huge" is longer than 16777216 bytes \(MaxEntryBytes\); skipped up to 2:39845915$`, diags[0].Error())
	})
}

func TestStressDeepNesting(t *testing.T) {
	n := 1_000_000
	src := "@misc{deep, title = {" + strings.Repeat("{", n) + "x" + strings.Repeat("}", n) + "}}\n@misc{after, title={ok}}\n"
	limits(t, 5*time.Minute, 128<<20, func() {
		ids, diags := decodeBibTeX(t, strings.NewReader(src), bibtex.DecodeOptions{})
		assert.Equal(t, []string{"deep", "after"}, ids)
		assert.Equal(t, `s.bib:1:13: warning: field "title": braces nested deeper than 1000 (MaxDepth); kept as written`, diags.Error())
	})
}

func TestStressWarningFlood(t *testing.T) {
	// 200,000 entries with an undefined macro each: the list stays short.
	r := generate("", "@misc{k, publisher = nosuchmacro}\n", 200000*34, "")
	limits(t, 5*time.Minute, 128<<20, func() {
		ids, diags := decodeBibTeX(t, r, bibtex.DecodeOptions{})
		assert.Len(t, ids, 200000)
		require.Len(t, diags, 2*bibtex.DefaultMaxDiagnosticsPerKind+2)
		assert.Contains(t, diags.Error(), "s.bib:101:22: warning: 199900 more like this (undefined macro …), not listed (MaxDiagnosticsPerKind)")
		assert.Contains(t, diags.Error(), `s.bib:102:1: warning: 199899 more like this (duplicate key …), not listed (MaxDiagnosticsPerKind)`)
	})
}

func TestStressCSLJSONHugeItems(t *testing.T) {
	// A 20 MB title and a 64 MB number, each in an item of its own between
	// good ones: both reported and skipped, the items after them read.
	r := io.MultiReader(
		strings.NewReader(`[{"id": "a", "type": "book"},`+"\n"+`{"id": "title", "type": "book", "title": "`),
		io.LimitReader(&repeat{s: "x"}, 20<<20),
		strings.NewReader(`"},`+"\n"+`{"id": "b", "type": "book"},`+"\n"+`{"id": "number", "type": "book", "volume": `),
		io.LimitReader(&repeat{s: "1"}, 64<<20),
		strings.NewReader(`},`+"\n"+`{"id": "c", "type": "book"}]`))
	limits(t, 5*time.Minute, 128<<20, func() {
		items, diags := decodeCSL(t, r)
		var ids []string
		for _, it := range items {
			ids = append(ids, it.ID)
		}
		assert.Equal(t, []string{"a", "b", "c"}, ids)
		assert.Equal(t, "s.json:2:1: error: item 2 is larger than 16777216 bytes (MaxItemBytes); skipped up to 2:20971565\n"+
			"s.json:4:1: error: item 4 is larger than 16777216 bytes (MaxItemBytes); skipped up to 4:67108909", diags.Error())
	})
}

func TestStressCSLJSONDuplicateKeys(t *testing.T) {
	var b bytes.Buffer
	for i := range 1000 {
		fmt.Fprintf(&b, `{"id": "k%d", "type": "book", "title": "A", "title": "B"}`+"\n", i)
	}
	limits(t, 5*time.Minute, 64<<20, func() {
		items, diags := decodeCSL(t, &b)
		assert.Len(t, items, 1000)
		require.Len(t, diags, csljson.DefaultMaxDiagnosticsPerKind+1, "capped per kind")
		assert.Equal(t, `s.json:1:44: warning: duplicate key "title" in an object; the last value is used`, diags[0].Error())
		assert.Equal(t, `s.json:101:46: warning: 900 more like this (duplicate key … in an object), not listed (MaxDiagnosticsPerKind)`, diags[100].Error())
	})
}
