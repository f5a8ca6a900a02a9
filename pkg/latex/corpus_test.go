package latex

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/manba/manba/internal/testenv"
)

// corpusDir holds the shared BibTeX corpus (read-only, outside the repo).
const corpusDir = "../../../shared/corpus/bib"

// fieldValues extracts the braced and quoted field values of a .bib file
// without a BibTeX parser (that is package bibtex's job): every value that
// follows "=" and starts with { or ", with its outer delimiters removed.
func fieldValues(src string) []string {
	var vals []string
	for i := 0; i < len(src); i++ {
		if src[i] != '=' {
			continue
		}
		j := skipSpace(src, i+1)
		if j >= len(src) {
			break
		}
		switch src[j] {
		case '{':
			end := skipGroup(src, j)
			if end <= len(src) && end > j+1 && src[end-1] == '}' {
				vals = append(vals, src[j+1:end-1])
				i = end - 1
			}
		case '"':
			depth := 0
			for k := j + 1; k < len(src); k++ {
				switch src[k] {
				case '\\':
					k++
				case '{':
					depth++
				case '}':
					depth--
				case '"':
					if depth == 0 {
						vals = append(vals, src[j+1:k])
						i = k
						k = len(src)
					}
				}
			}
		}
	}
	return vals
}

func corpusValues(t testing.TB) []string {
	if _, err := os.Stat(corpusDir); err != nil {
		testenv.Missing(t, "shared corpus not available: %v", err)
	}
	var vals []string
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".bib") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		vals = append(vals, fieldValues(string(b))...)
		return nil
	})
	require.NoError(t, err)
	return vals
}

// TestCorpusRoundTrip decodes every field value of the shared corpus and
// checks that Encode inverts Decode on it in every mode, that the output is
// valid UTF-8, and that encoded text decodes without problems.
func TestCorpusRoundTrip(t *testing.T) {
	vals := corpusValues(t)
	if testing.Short() && len(vals) > 20000 {
		vals = vals[:20000]
	}
	var changed, withProblems, failures, notASCII int
	left := map[rune]int{} // characters ASCII encoding had to keep as UTF-8
	for _, v := range vals {
		for _, markup := range []bool{false, true} {
			x, probs := Decode(v, DecodeOptions{Markup: markup})
			require.True(t, utf8.ValidString(x) && norm.NFC.IsNormalString(x),
				"Decode(%q) = %q: invalid UTF-8 or not NFC", v, x)
			if markup {
				if x != v {
					changed++
				}
				if probs != nil {
					withProblems++
				}
				once := Encode(x, EncodeOptions{Markup: true, ProtectCapitals: true, ASCII: true})
				for _, r := range once {
					if r >= utf8.RuneSelf {
						left[r]++
					}
				}
				if strings.IndexFunc(once, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
					notASCII++
				}
				y, _ := Decode(once, DecodeOptions{Markup: true})
				twice := Encode(y, EncodeOptions{Markup: true, ProtectCapitals: true, ASCII: true})
				if !assert.Equal(t, once, twice, "ProtectCapitals not a fixed point for %q", v) {
					failures++
				}
			}
			for _, ascii := range []bool{false, true} {
				enc := Encode(x, EncodeOptions{Markup: markup, ASCII: ascii})
				back, probs := Decode(enc, DecodeOptions{Markup: markup})
				if back != x || probs != nil {
					failures++
					if failures <= 20 { // the first 20 say enough
						assert.Failf(t, "round trip failed", "(markup %v, ascii %v) of %q:\n decoded %q\n encoded %q\n back    %q %v", markup, ascii, v, x, enc, back, probs)
					}
				}
			}
		}
	}
	t.Logf("%d values, %d changed by Decode, %d with problems, %d round-trip failures", len(vals), changed, withProblems, failures)
	t.Logf("%d values keep non-ASCII characters in ASCII encoding (%d distinct characters)", notASCII, len(left))
}
