package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/manba/manba/pkg/diag"
)

func init() { commands = append(commands, newConvertCmd) }

type convertOptions struct {
	from   string
	to     string
	output string
	ascii  bool
}

func newConvertCmd() *cobra.Command {
	var o convertOptions
	c := &cobra.Command{
		Use:   "convert --to FORMAT [--from FORMAT] [-o FILE] [FILE...|-]",
		Short: "Convert bibliographies between BibTeX, BibLaTeX, CSL-JSON and RIS",
		Long: `convert reads bibliographies and writes them in another format, one item
at a time, so that memory stays small however large the input is.

Each input's format comes from its extension (.bib, .json, .ris, …) or, for
standard input and unknown extensions, from its content; --from sets it for
all inputs. With no FILE, or with "-", convert reads standard input.

Problems in the input are reported on standard error as file:line:col and
the rest is still converted; convert then exits with status 1. Fields the
output format cannot hold are reported as warnings. With -o the output file
is replaced only when everything was written, never left half-written.

Formats: bibtex, biblatex (.bib; capitals inside words such as MKO are
braced on output), csljson (.json; written valid against the CSL 1.0.2
schema), ris (.ris; the RIS of EndNote and Zotero).`,
		Example: `  manba convert --to csljson refs.bib > refs.json
  manba convert --to ris -o refs.ris refs.bib more.json
  zotero-export | manba convert --from ris --to biblatex --ascii -`,
		RunE: func(c *cobra.Command, args []string) error {
			return runConvert(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	f := c.Flags()
	f.StringVar(&o.from, "from", "", "input format (default: detect per input)")
	f.StringVar(&o.to, "to", "", "output format (required)")
	f.StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	f.BoolVar(&o.ascii, "ascii", false, "write non-ASCII characters as LaTeX escapes (BibTeX/BibLaTeX)")
	return c
}

// maxWriterWarnings bounds the warnings about what the output format cannot
// hold: they repeat for every item of a large library.
const maxWriterWarnings = 50

func runConvert(o convertOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if o.to == "" {
		return usagef("missing --to (want %s)", formatNames(true))
	}
	to, err := lookupFormat(o.to, true)
	if err != nil {
		return err
	}
	if o.from != "" {
		if _, err := lookupFormat(o.from, false); err != nil {
			return err
		}
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	out, err := openOutput(o.output, stdout)
	if err != nil {
		return err
	}
	outName := o.output
	if outName == "" || outName == "-" {
		outName = "<stdout>"
	}
	w := to.NewWriter(out, writeOptions{ASCII: o.ascii})
	p := newProgress(stderr)
	inputErrors := 0
	for _, arg := range args {
		diags, err := convertInput(arg, o.from, stdin, w, p)
		p.clear()
		for _, d := range diags {
			fmt.Fprintln(stderr, d.Error())
		}
		inputErrors += len(diags.Errors())
		var ie inputError
		switch {
		case errors.As(err, &ie):
			// The input could not be opened or recognized: say so and go on
			// with the others.
			fmt.Fprintln(stderr, "manba:", err)
			inputErrors++
		case err != nil:
			p.done()
			out.Abort()
			return err
		}
	}
	p.done()
	if err := w.Close(); err != nil {
		out.Abort()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	reportWriterWarnings(stderr, w, outName)
	if inputErrors > 0 {
		return fmt.Errorf("%d input error(s); everything readable was converted", inputErrors)
	}
	return nil
}

// inputError is an input that could not be read at all (missing file,
// unknown format); the other inputs are still converted.
type inputError struct{ error }

func (e inputError) Unwrap() error { return e.error }

// convertInput streams one input into w and returns its diagnostics. An inputError means nothing of it was read;
// any other error (a read or write failure half-way) is fatal.
func convertInput(arg, from string, stdin io.Reader, w itemWriter, p *progress) (diag.List, error) {
	var r io.Reader = stdin
	name := "<stdin>"
	if arg != "-" {
		f, err := os.Open(arg)
		if err != nil {
			return nil, inputError{err}
		}
		defer f.Close()
		r, name = f, arg
	}
	ir, err := openItems(r, name, from)
	if err != nil {
		return nil, inputError{err}
	}
	pre, keepPreambles := preamblesOf(ir, w)
	for {
		it, err := ir.Next()
		if err == io.EOF {
			if keepPreambles {
				// A file of preambles and no entries keeps them too.
				if err := pre.flush(); err != nil {
					return ir.Diagnostics(), err
				}
			}
			return ir.Diagnostics(), nil
		}
		if err != nil {
			return ir.Diagnostics(), fmt.Errorf("%s: %w", name, err)
		}
		if keepPreambles {
			if err := pre.flush(); err != nil {
				return ir.Diagnostics(), err
			}
		}
		if err := w.Write(it); err != nil {
			return ir.Diagnostics(), fmt.Errorf("writing item %q: %w", it.ID, err)
		}
		p.add()
	}
}

// preambleCopier carries BibTeX @preamble blocks from a reader to a writer
// that both know them, each block before the first entry read after it.
type preambleCopier struct {
	from    interface{ Preambles() []string }
	to      interface{ Preamble(string) error }
	written int
}

func preamblesOf(r itemReader, w itemWriter) (*preambleCopier, bool) {
	from, ok1 := r.(interface{ Preambles() []string })
	to, ok2 := w.(interface{ Preamble(string) error })
	if !ok1 || !ok2 {
		return nil, false
	}
	return &preambleCopier{from: from, to: to}, true
}

func (c *preambleCopier) flush() error {
	all := c.from.Preambles()
	for ; c.written < len(all); c.written++ {
		if err := c.to.Preamble(all[c.written]); err != nil {
			return err
		}
	}
	return nil
}

// reportWriterWarnings prints what the output format could not hold, if the
// writer tells.
func reportWriterWarnings(stderr io.Writer, w itemWriter, outName string) {
	dw, ok := w.(interface{ Diagnostics() diag.List })
	if !ok {
		return
	}
	warns := dw.Diagnostics()
	for i, d := range warns {
		if i == maxWriterWarnings {
			fmt.Fprintf(stderr, "%s: warning: %d more warnings like these\n", outName, len(warns)-i)
			break
		}
		if d.Pos.File == "" {
			d.Pos.File = outName
		}
		fmt.Fprintln(stderr, d.Error())
	}
}

// progress shows the number of items converted on a terminal, a few times
// a second; on anything else it stays silent.
type progress struct {
	w     io.Writer
	n     int
	last  time.Time
	shown bool // a count is on the screen
}

func newProgress(stderr io.Writer) *progress {
	if !isTerminal(stderr) {
		return nil
	}
	return &progress{w: stderr, last: time.Now()}
}

func (p *progress) add() {
	if p == nil {
		return
	}
	p.n++
	if p.n%256 == 0 && time.Since(p.last) > 200*time.Millisecond {
		p.last = time.Now()
		p.shown = true
		fmt.Fprintf(p.w, "\r%d items converted", p.n)
	}
}

// clear erases the count, so that diagnostics start on a clean line.
func (p *progress) clear() {
	if p == nil || !p.shown {
		return
	}
	p.shown = false
	fmt.Fprint(p.w, "\r\033[K")
}

func (p *progress) done() {
	if p == nil || p.n < 256 {
		return
	}
	fmt.Fprintf(p.w, "\r%d items converted\n", p.n)
}
