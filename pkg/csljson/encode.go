package csljson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
)

// EncodeOptions control the layout of the output.
type EncodeOptions struct {
	// Indent is one level of indentation; "" means two spaces.
	Indent string
	// Compact writes each item on one line, without indentation: the form
	// that diffs and greps well for large libraries.
	Compact bool
	// Lines writes CSL-JSON Lines (NDJSON): one item per line and no
	// enclosing array, for pipelines and data too large to hold. The
	// Decoder reads it back.
	Lines bool
	// MaxDiagnosticsPerKind bounds the warnings of one kind that
	// Diagnostics lists (default 100, negative for no limit); the rest are
	// counted in one "N more like this" warning, so that memory does not
	// grow with the number of items written.
	MaxDiagnosticsPerKind int
}

// Encoder writes items as a CSL-JSON array, one at a time.
type Encoder struct {
	w      io.Writer
	indent string
	opts   EncodeOptions
	n      int
	buf    []byte
	ind    bytes.Buffer
	err    error
	closed bool
	diags  diag.Capped
}

// NewEncoder returns an encoder writing to w. Call Close to finish the array.
func NewEncoder(w io.Writer, opts EncodeOptions) *Encoder {
	e := &Encoder{w: w, opts: opts, indent: opts.Indent}
	if e.indent == "" {
		e.indent = "  "
	}
	e.diags.Max = perKind(opts.MaxDiagnosticsPerKind)
	return e
}

// errClosed is returned by Encode after Close.
var errClosed = errors.New("csljson: Encode after Close")

// Encode writes one item. Whatever the CSL data schema cannot hold is moved
// into the item's "custom" object and reported in Diagnostics.
func (e *Encoder) Encode(it bib.Item) error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	fixed, warns, err := forSchema(it)
	if err != nil {
		e.err = fmt.Errorf("csljson: item %q: %w", it.ID, err)
		return e.err
	}
	for _, w := range warns {
		e.diags.Report(diag.Pos{}, diag.Warning, w.kind, fmt.Sprintf("item %q: %s", it.ID, w.msg))
	}
	e.buf = e.buf[:0]
	switch {
	case e.opts.Lines:
	case e.n == 0:
		e.buf = append(e.buf, "[\n"...)
	default:
		e.buf = append(e.buf, ",\n"...)
	}
	if e.opts.Lines {
		e.buf, err = fixed.AppendJSON(e.buf)
		e.buf = append(e.buf, '\n')
	} else if e.opts.Compact {
		e.buf, err = fixed.AppendJSON(e.buf)
	} else {
		err = e.appendIndented(fixed)
	}
	if err != nil {
		e.err = fmt.Errorf("csljson: item %q: %w", it.ID, err)
		return e.err
	}
	e.n++
	_, e.err = e.w.Write(e.buf)
	return e.err
}

func (e *Encoder) appendIndented(it bib.Item) error {
	compact, err := it.AppendJSON(nil)
	if err != nil {
		return err
	}
	e.ind.Reset()
	if err := json.Indent(&e.ind, compact, e.indent, e.indent); err != nil {
		return err
	}
	e.buf = append(e.buf, e.indent...)
	e.buf = append(e.buf, e.ind.Bytes()...)
	return nil
}

// Close ends the array ("[]" when no item was written; nothing for
// Lines). It does not close the underlying writer.
func (e *Encoder) Close() error {
	if e.err != nil || e.closed {
		return e.err
	}
	e.closed = true
	if e.opts.Lines {
		return nil
	}
	end := "\n]\n"
	if e.n == 0 {
		end = "[]\n"
	}
	_, e.err = io.WriteString(e.w, end)
	return e.err
}

// Diagnostics returns the warnings about items written so far: what the
// CSL-JSON schema could not hold where a CSL processor looks for it.
func (e *Encoder) Diagnostics() diag.List { return e.diags.List() }

// Encode writes items as one CSL-JSON array.
func Encode(w io.Writer, items []bib.Item, opts EncodeOptions) (diag.List, error) {
	e := NewEncoder(w, opts)
	for _, it := range items {
		if err := e.Encode(it); err != nil {
			return e.Diagnostics(), err
		}
	}
	return e.Diagnostics(), e.Close()
}

// Canonical returns the item as a round trip through the Encoder and the
// Decoder gives it back: properties outside the CSL schema now in "custom",
// manba's own variables restored from there. Tests that compare items read
// back from CSL-JSON with the originals compare them with Canonical(orig).
// An item the Encoder cannot write comes back unchanged.
func Canonical(it bib.Item) bib.Item {
	if !needsFix(it) {
		c := it.Clone()
		fromSchema(&c)
		return c
	}
	fixed, _, err := forSchema(it) // a copy, since it needed fixing
	if err != nil {
		return it
	}
	fromSchema(&fixed)
	return fixed
}
