package latex

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden decodes each line of testdata/decode.txt with and without
// markup, encodes the result back as ASCII with protected capitals, and
// compares everything with testdata/decode.golden (go test -update
// rewrites it after a deliberate change).
func TestGolden(t *testing.T) {
	in, err := os.Open("testdata/decode.txt")
	require.NoError(t, err)
	defer in.Close()
	var b strings.Builder
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		line := sc.Text()
		plainText, _ := Decode(line, DecodeOptions{})
		rich, probs := Decode(line, DecodeOptions{Markup: true})
		fmt.Fprintf(&b, "tex:   %s\nplain: %s\nrich:  %s\nutf8:  %s\nascii: %s\n", line, plainText, rich,
			Encode(rich, EncodeOptions{Markup: true, ProtectCapitals: true}),
			Encode(rich, EncodeOptions{Markup: true, ProtectCapitals: true, ASCII: true}))
		for _, p := range probs {
			fmt.Fprintf(&b, "problem: %v\n", p)
		}
		b.WriteString("\n")
	}
	require.NoError(t, sc.Err())
	const golden = "testdata/decode.golden"
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update to create it")
	if got := b.String(); got != string(want) {
		// Name the first differing line rather than diffing the whole file.
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			require.Equal(t, wl[i], gl[i], "%s:%d differs", golden, i+1)
		}
		require.Equal(t, len(wl), len(gl), "%s: number of lines", golden)
	}
}
