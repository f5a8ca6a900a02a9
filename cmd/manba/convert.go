package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/manba/manba/pkg/bib"
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
		Use:   "convert [--to FORMAT] [--from FORMAT] [-o FILE] [FILE...|-]",
		Short: "Convert bibliographies between BibTeX, BibLaTeX, CSL-JSON and RIS",
		Long: `convert reads bibliographies and writes them in another format, one item
at a time, so that memory stays small however large the input is.

Each input's format comes from its extension (.bib, .json, .ris, …) or, for
standard input and unknown extensions, from its content; --from sets it for
all inputs. With no FILE, or with "-", convert reads standard input. The
output format is --to, or else the one -o's extension names.

Problems in the input are reported on standard error as file:line:col and
the rest is still converted; convert then exits with status 1. Fields the
output format cannot hold are reported as warnings at the item's position.
With -o the output file is replaced only when everything was written, never
left half-written, and never when nothing could be read.

Formats: bibtex, biblatex (.bib; capitals inside words such as MKO are
braced on output), csljson (.json; written valid against the CSL 1.0.2
schema), ris (.ris; the RIS of EndNote and Zotero).`,
		Example: `  manba convert --to csljson refs.bib > refs.json
  manba convert -o refs.ris refs.bib more.json
  zotero-export | manba convert --from ris --to biblatex --ascii -`,
		RunE: func(c *cobra.Command, args []string) error {
			return runConvert(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	f := c.Flags()
	f.StringVar(&o.from, "from", "", "input format (default: detect per input)")
	f.StringVar(&o.to, "to", "", "output format (default: from -o's extension: .bib bibtex, .json csljson, .ris ris)")
	f.StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	f.BoolVar(&o.ascii, "ascii", false, "write non-ASCII characters as LaTeX escapes (BibTeX/BibLaTeX)")
	return c
}

func runConvert(o convertOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if o.from != "" {
		if _, err := lookupFormat(o.from, false); err != nil {
			return err
		}
	}
	args, err := needInputs(args, stdin)
	if err != nil {
		return err
	}
	sink, err := openItemSink(o.to, o.output, "", writeOptions{ASCII: o.ascii}, stdout)
	if err != nil {
		return err
	}
	p := newProgress(stderr)
	inputErrors, written := 0, 0
	var inputs []openedInput
	defer func() {
		for _, in := range inputs {
			in.close()
		}
	}()
	for _, arg := range args {
		in, err := openInput(arg, o.from, stdin)
		if err != nil {
			// The input could not be opened or recognized: say so and go on
			// with the others.
			fmt.Fprintln(stderr, "manba:", err)
			inputErrors++
			continue
		}
		inputs = append(inputs, in)
	}
	for _, run := range runs(inputs) {
		n, diags, err := convertRun(run, sink, p)
		written += n
		p.clear()
		for _, d := range diags {
			fmt.Fprintln(stderr, d.Error())
		}
		inputErrors += len(diags.Errors())
		if err != nil {
			p.done()
			sink.Abort()
			return err
		}
	}
	p.done()
	if written == 0 && inputErrors > 0 {
		// Nothing could be read: an existing -o FILE keeps what it holds
		// rather than become an empty list.
		sink.Abort()
		return fmt.Errorf("%d input error(s); nothing was converted", inputErrors)
	}
	if err := sink.Close(stderr); err != nil {
		return err
	}
	if inputErrors > 0 {
		return fmt.Errorf("%d input error(s); everything readable was converted", inputErrors)
	}
	return nil
}

// inputError is an input that could not be read at all (missing file,
// unknown format); the other inputs are still read.
type inputError struct{ error }

func (e inputError) Unwrap() error { return e.error }

// convertRun streams a run of inputs (readerOf) into the sink and returns
// the number of items written and the inputs' diagnostics. An error (a read
// or write failure half-way) is fatal.
func convertRun(run []openedInput, sink *itemSink, p *progress) (int, diag.List, error) {
	ir := readerOf(run)
	name := run[0].name
	pre, keepPreambles := preamblesOf(ir, sink)
	next := nextFunc(ir)
	for n := 0; ; n++ {
		it, err := next()
		if err == io.EOF {
			var ferr error
			if keepPreambles {
				// A file of preambles and no entries keeps them too.
				ferr = pre.flush()
			}
			return n, ir.Diagnostics(), ferr
		}
		if err != nil {
			return n, ir.Diagnostics(), fmt.Errorf("%s: %w", name, err)
		}
		if keepPreambles {
			if err := pre.flush(); err != nil {
				return n, ir.Diagnostics(), err
			}
		}
		if err := sink.Write(it, itemPos(ir)); err != nil {
			return n, ir.Diagnostics(), err
		}
		p.add()
	}
}

// nextFunc returns the reader's Next, or for a reader that can decode into
// an item it has handed out (bibtex.Decoder.NextInto), a Next that does so:
// the sink is done with an item when Write returns, so its maps can hold
// the next one instead of being made anew for each item.
func nextFunc(r itemReader) func() (bib.Item, error) {
	into, ok := r.(interface{ NextInto(*bib.Item) error })
	if !ok {
		return r.Next
	}
	var it bib.Item
	return func() (bib.Item, error) {
		err := into.NextInto(&it)
		return it, err
	}
}

// preambleCopier carries BibTeX @preamble blocks from a reader to a writer
// that both know them, each block before the first entry read after it.
type preambleCopier struct {
	from    interface{ Preambles() []string }
	to      interface{ Preamble(string) error }
	written int
}

func preamblesOf(r itemReader, sink *itemSink) (*preambleCopier, bool) {
	from, ok1 := r.(interface{ Preambles() []string })
	to, ok2 := sink.preambleWriter()
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
