package csl

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/manba/manba/pkg/bib"
)

// nestedStyle returns a style whose bibliography nests depth groups around
// the title, and macros nesting macroDepth calls.
func nestedStyle(depth, macroDepth int) string {
	var b strings.Builder
	b.WriteString(`<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">`)
	for i := 0; i < macroDepth; i++ {
		fmt.Fprintf(&b, `<macro name="m%d"><text macro="m%d"/></macro>`, i, i+1)
	}
	fmt.Fprintf(&b, `<macro name="m%d"><text variable="title"/></macro>`, macroDepth)
	b.WriteString(`<citation><layout><text macro="m0"/></layout></citation><bibliography><layout>`)
	b.WriteString(strings.Repeat(`<group delimiter=", ">`, depth))
	b.WriteString(`<text variable="title"/><text variable="volume"/>`)
	b.WriteString(strings.Repeat(`</group>`, depth))
	b.WriteString(`</layout></bibliography></style>`)
	return b.String()
}

// TestStyleLimits: hostile style files get a clear error at once instead of
// the memory or time they ask for.
func TestStyleLimits(t *testing.T) {
	big := nestedStyle(1, 0)
	big = strings.Replace(big, "<citation>", "<!--"+strings.Repeat("x", DefaultMaxStyleBytes)+"--><citation>", 1)
	tests := []struct {
		name, src string
		opts      StyleOptions
		want      string
	}{
		{"larger than 4 MiB", big, StyleOptions{}, "larger than 4194304 bytes"},
		{"within a raised size limit", big, StyleOptions{MaxBytes: 8 << 20}, ""},
		{"10,000 nested groups", nestedStyle(10000, 0), StyleOptions{}, "1:4523: error: elements nest more than 200 levels deep"},
		{"10,000 nested macro calls", nestedStyle(1, 10000), StyleOptions{}, "<citation> nests 20005 levels deep with its macros expanded (limit 200"},
		{"nesting within a raised depth limit", nestedStyle(1000, 0), StyleOptions{MaxDepth: 2000}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseStyleWith(strings.NewReader(tt.src), tt.opts)
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestLoadStyleDevZero: an endless file is read only up to the limit.
func TestLoadStyleDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	_, err := LoadStyleWith("/dev/zero", StyleOptions{MaxBytes: 1 << 20})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "zero: error: larger than 1048576 bytes")
	_, err = LoadStyle("/dev/zero")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "larger than 4194304 bytes")
}

// BenchmarkDeepStyle parses and renders styles nesting 20, 200 and 2,000
// groups: time per level must stay flat (linear in the depth).
func BenchmarkDeepStyle(b *testing.B) {
	it := bib.Item{ID: "a", Type: "book"}
	it.Set("title", "Iran Between Two Revolutions")
	it.Set("volume", "2")
	for _, depth := range []int{20, 200, 2000} {
		src := nestedStyle(depth, 0)
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				st, err := ParseStyleWith(bytes.NewReader([]byte(src)), StyleOptions{MaxDepth: 10 * depth})
				if err != nil {
					b.Fatal(err)
				}
				if got := NewProcessor(st, "en-US", []bib.Item{it}).Bibliography(Text); len(got) != 1 {
					b.Fatalf("%d entries", len(got))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*depth), "ns/level")
		})
	}
}
