package main

import (
	"bytes"
	"io"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/csljson"
	"github.com/manba/manba/pkg/diag"
)

func init() {
	registerFormat(&format{
		Name:  "csljson",
		Exts:  []string{".json", ".csljson"},
		Sniff: sniffJSON,
		NewReader: func(r io.Reader, name string) itemReader {
			return csljson.NewDecoder(r, name)
		},
		NewWriter: func(w io.Writer, _ writeOptions) itemWriter {
			return cslWriter{csljson.NewEncoder(w, csljson.EncodeOptions{})}
		},
	})
	// CSL-JSON Lines: one item per line, for pipelines and data too large
	// to hold; the CSL-JSON reader reads it too.
	registerFormat(&format{
		Name: "ndjson",
		Exts: []string{".ndjson", ".jsonl"},
		NewReader: func(r io.Reader, name string) itemReader {
			return csljson.NewDecoder(r, name)
		},
		NewWriter: func(w io.Writer, _ writeOptions) itemWriter {
			return cslWriter{csljson.NewEncoder(w, csljson.EncodeOptions{Lines: true})}
		},
	})
}

// sniffJSON recognizes an array or object of items: the first byte after a
// byte order mark and white space is "[" or "{".
func sniffJSON(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(head) > 0 && (head[0] == '[' || head[0] == '{')
}

// cslWriter adapts csljson.Encoder to itemWriter; its Diagnostics tell what
// the CSL-JSON schema could not hold where a processor looks for it.
type cslWriter struct{ e *csljson.Encoder }

func (w cslWriter) Write(it bib.Item) error { return w.e.Encode(it) }
func (w cslWriter) Close() error            { return w.e.Close() }
func (w cslWriter) Diagnostics() diag.List  { return w.e.Diagnostics() }
