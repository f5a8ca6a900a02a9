package main

import (
	"bufio"
	"bytes"
	"io"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/ris"
)

func init() {
	registerFormat(&format{
		Name:  "ris",
		Exts:  []string{".ris"},
		Sniff: sniffRIS,
		NewReader: func(r io.Reader, name string) itemReader {
			return ris.NewDecoder(r, name)
		},
		NewWriter: func(w io.Writer, _ writeOptions) itemWriter {
			return risWriter{ris.NewEncoder(w, ris.EncodeOptions{})}
		},
	})
}

// sniffRIS recognizes RIS by its first tag line, "TY  - ", after any blank
// lines (a few exporters put a header line first, so the first five
// non-blank lines are tried).
func sniffRIS(head []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))))
	for tries := 0; sc.Scan() && tries < 5; {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		tries++
		if rest, ok := bytes.CutPrefix(line, []byte("TY ")); ok && bytes.HasPrefix(bytes.TrimLeft(rest, " "), []byte("-")) {
			return true
		}
	}
	return false
}

// risWriter adapts ris.Encoder to itemWriter; its Diagnostics tell what RIS
// has no tag or type for.
type risWriter struct{ e *ris.Encoder }

func (w risWriter) Write(it bib.Item) error { return w.e.Encode(it) }
func (w risWriter) Close() error            { return w.e.Close() }
func (w risWriter) Diagnostics() diag.List  { return w.e.Diagnostics() }
