package latex

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden decodes each line of testdata/decode.txt with and without
// markup, encodes the result back as ASCII with protected capitals, and
// compares everything with testdata/decode.golden (go test -update
// rewrites it after a deliberate change).
func TestGolden(t *testing.T) {
	in, err := os.Open("testdata/decode.txt")
	if err != nil {
		t.Fatal(err)
	}
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
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/decode.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s:%d differs:\n got  %s\n want %s", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: got %d lines, want %d", golden, len(gl), len(wl))
	}
}
