package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/manba/manba/pkg/bib"
	"github.com/manba/manba/pkg/diag"
	"github.com/manba/manba/pkg/extract"
	"github.com/manba/manba/pkg/extract/refparse"
	"github.com/manba/manba/pkg/works"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newExtractCmd) }

type extractOptions struct {
	to      string
	output  string
	bibs    []string
	noWorks bool
	resolve bool
	list    bool
	lines   bool
	model   string
}

func newExtractCmd() *cobra.Command {
	var o extractOptions
	c := &cobra.Command{
		Use:   "extract [FILE...]",
		Short: "Extract the references of plain-text articles",
		Long: `extract finds the references in plain-text articles (files, or standard
input): the entries of lists under headings such as "References", "Sources",
"Resources", "Notes", "Bibliography" or "Appendix: For further study"
(numbered "1." / "[1]" or not), mentions in the running text such as
"a 2009 Rand report" or a quoted report title, and author-date citations
such as "(Goulka et al. 2009, p. 12)". Free-text references are
parsed into fields, each with a confidence level and the file:line:col it
was read from (in the CSL-JSON "custom" object); "ibid", "op. cit." and
"previous" resolve to the reference they repeat, keeping the page cited.

References are linked to known works - manba's built-in cited works (see
'manba works') and any bibliography given with --bib - and duplicates are
merged, so the output has one item per work, listing every citation of it.
A linked item takes the known work's key; --resolve also replaces its
fields with the known work's. Input is read and written as a stream, in
parts of about 512 KB, so memory stays small however large the input:
duplicates are merged within a part (an article is read whole), and a
reference list cut by a part's end goes on in the next.

--list prints what was found, one citation per line, instead of items.

--lines reads every non-empty input line as one reference string and
writes one item per line, in input order (an item with only a note where
nothing could be read), without finding lists or linking.

References are parsed by a trained model embedded in manba (see 'manba
extract train'); --model uses a model trained on your own labelled data.`,
		Example: `  manba extract article.txt
  manba extract --list article.txt
  manba extract --bib library.bib --to bibtex -o refs.bib a.txt b.txt
  manba extract --lines --to bibtex references.txt`,
		RunE: func(c *cobra.Command, args []string) error {
			return runExtract(o, args, c.InOrStdin(), c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	c.Flags().StringVar(&o.to, "to", "csljson", "output format (csljson|bibtex|biblatex|...)")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	c.Flags().StringArrayVar(&o.bibs, "bib", nil, "a bibliography of known works to link to (repeatable; any format manba reads)")
	c.Flags().BoolVar(&o.noWorks, "no-works", false, "do not link to manba's built-in cited works")
	c.Flags().BoolVar(&o.resolve, "resolve", false, "output a linked work's known fields instead of the extracted ones")
	c.Flags().BoolVar(&o.list, "list", false, "list the citations found instead of writing items")
	c.Flags().BoolVar(&o.lines, "lines", false, "read each non-empty input line as one reference; one item per line")
	c.Flags().StringVar(&o.model, "model", "", "parse references with the model in FILE (from 'manba extract train')")
	c.AddCommand(newExtractTrainCmd())
	return c
}

func runExtract(o extractOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if !o.list {
		// Fail on a bad --to before reading anything.
		if _, err := lookupFormat(o.to, true); err != nil {
			return err
		}
	}
	var model *refparse.Model
	if o.model != "" {
		m, err := loadModel(o.model)
		if err != nil {
			return err
		}
		model = m
	}
	if o.lines {
		return runExtractLines(o, model, args, stdin, stdout, stderr)
	}
	var known []bib.Item
	if !o.noWorks {
		known = works.Items()
	}
	if len(o.bibs) > 0 {
		items, diags, err := loadItems(o.bibs, "", stdin)
		if err := reportDiagnostics(stderr, diags); err != nil {
			return err
		}
		if err != nil {
			return err
		}
		known = append(known, items...)
	}
	names, err := openableInputs(args, stdin)
	if err != nil {
		return err
	}
	w, err := newRefWriter(o, known, stdout)
	if err != nil {
		return err
	}
	for _, name := range names {
		if err := extractInput(name, stdin, model, w, stderr); err != nil {
			w.abort()
			return err
		}
	}
	return w.close()
}

// extractInput streams the references of one input into w, part by
// part, reporting the problems of each part as it goes.
func extractInput(name string, stdin io.Reader, model *refparse.Model, w *refWriter, stderr io.Writer) error {
	r, shown, closeInput, err := openTextInput(name, stdin)
	if err != nil {
		return err
	}
	defer closeInput()
	found := 0
	err = extract.ExtractStream(shown, r, extract.StreamOptions{Model: model}, func(p extract.Part) error {
		if err := reportDiagnostics(stderr, p.Diags); err != nil {
			return err
		}
		found += len(p.Refs)
		return w.add(p.Refs, p.Size)
	})
	if err != nil {
		return err
	}
	if found == 0 {
		fmt.Fprintf(stderr, "%s: no references found\n", shown)
	}
	return nil
}

// refWriter links the references found and writes them - as items, one
// per work, or as a list of citations - a batch at a time: the references
// of about extract.DefaultPartSize bytes of input, so that memory stays
// bounded. Duplicates are merged within a batch; inputs no larger than a
// batch together are one batch, merged as a whole.
type refWriter struct {
	o      extractOptions
	known  []bib.Item
	linker *extract.Linker
	used   map[string]int // item keys given so far, kept unique across batches
	batch  []extract.Reference
	size   int // input bytes behind batch
	sink   *itemSink
	list   *output
}

func newRefWriter(o extractOptions, known []bib.Item, stdout io.Writer) (*refWriter, error) {
	w := &refWriter{o: o, known: known, linker: extract.NewLinker(known), used: map[string]int{}}
	var err error
	if o.list {
		w.list, err = openOutput(o.output, stdout)
	} else {
		w.sink, err = openItemSink(o.to, o.output, "", writeOptions{}, stdout)
	}
	return w, err
}

// add takes the references of a part of size input bytes; their Targets
// index refs. A batch holds the parts of at most extract.DefaultPartSize
// bytes, or one larger part.
func (w *refWriter) add(refs []extract.Reference, size int) error {
	if w.size > 0 && w.size+size > extract.DefaultPartSize {
		if err := w.flush(); err != nil {
			return err
		}
	}
	// Targets index the part's references; shift them past the batch's.
	for i := range refs {
		if refs[i].Target >= 0 {
			refs[i].Target += len(w.batch)
		}
	}
	w.batch = append(w.batch, refs...)
	w.size += size
	return nil
}

// flush links and writes the batch.
func (w *refWriter) flush() error {
	refs := w.batch
	w.batch, w.size = nil, 0
	w.linker.Link(refs)
	if w.o.list {
		return writeCitationList(w.list, refs)
	}
	opt := extract.Options{Known: w.known, Resolve: w.o.resolve, Used: w.used}
	return extract.EmitBibliography(refs, opt, func(it bib.Item) error { return w.sink.Write(it, diag.Pos{}) })
}

func (w *refWriter) close() error {
	if err := w.flush(); err != nil {
		w.abort()
		return err
	}
	if w.o.list {
		return w.list.Close()
	}
	return w.sink.Close(io.Discard)
}

func (w *refWriter) abort() {
	if w.o.list {
		w.list.Abort()
	} else {
		w.sink.Abort()
	}
}

// runExtractLines writes one item per non-empty line of the inputs.
func runExtractLines(o extractOptions, model *refparse.Model, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if o.list {
		return usagef("--lines writes items; it cannot be combined with --list")
	}
	names, err := openableInputs(args, stdin)
	if err != nil {
		return err
	}
	sink, err := openItemSink(o.to, o.output, "", writeOptions{}, stdout)
	if err != nil {
		return err
	}
	for _, name := range names {
		if err := parseInputLines(name, stdin, model, sink, stderr); err != nil {
			sink.Abort()
			return err
		}
	}
	return sink.Close(io.Discard)
}

// parseInputLines streams the items of one input's lines into sink.
func parseInputLines(name string, stdin io.Reader, model *refparse.Model, sink *itemSink, stderr io.Writer) error {
	r, shown, closeInput, err := openTextInput(name, stdin)
	if err != nil {
		return err
	}
	defer closeInput()
	return extract.ParseLinesStream(model, shown, r, func(items []bib.Item, diags diag.List) error {
		if err := reportDiagnostics(stderr, diags); err != nil {
			return err
		}
		for _, it := range items {
			if err := sink.Write(it, diag.Pos{}); err != nil {
				return err
			}
		}
		return nil
	})
}

type extractTrainOptions struct {
	parser  string
	output  string
	epochs  int
	measure bool
}

func newExtractTrainCmd() *cobra.Command {
	var o extractTrainOptions
	c := &cobra.Command{
		Use:   "train --parser FILE.xml -o MODEL",
		Short: "Train the reference parser on labelled references",
		Long: `train fits a reference-parser model to labelled references in AnyStyle's
XML format (<dataset><sequence><author>...</author><title>...</title>...
</sequence>...</dataset>) and writes it to -o, for 'manba extract --model'.
Training is reproducible: the same file and options give the same bytes.

--measure keeps one reference in five (chosen by a hash of its text) out
of training and prints the field F1 of each label on both parts.`,
		Example: `  manba extract train --parser my-refs.xml -o my.model
  manba extract --model my.model article.txt`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return runExtractTrain(o, c.OutOrStdout(), c.ErrOrStderr())
		},
	}
	c.Flags().StringVar(&o.parser, "parser", "", "labelled references in AnyStyle's XML format (required)")
	c.Flags().StringVarP(&o.output, "output", "o", "", "the model file to write, atomically (required)")
	c.Flags().IntVar(&o.epochs, "epochs", 0, "passes over the data (0: the default, 12)")
	c.Flags().BoolVar(&o.measure, "measure", false, "hold one in five references out and print field F1 on both parts")
	return c
}

func runExtractTrain(o extractTrainOptions, stdout, stderr io.Writer) error {
	if o.parser == "" || o.output == "" {
		return usagef("train needs --parser FILE.xml and -o MODEL")
	}
	out, err := openOutput(o.output, stdout)
	if err != nil {
		return err
	}
	f, err := os.Open(o.parser)
	if err != nil {
		out.Abort()
		return err
	}
	defer f.Close()
	seqs, err := refparse.ReadXML(bufio.NewReader(f))
	if err != nil {
		out.Abort()
		return fmt.Errorf("%s:%w", o.parser, err)
	}
	if len(seqs) == 0 {
		out.Abort()
		return fmt.Errorf("%s: no labelled references", o.parser)
	}
	train, measure := seqs, []refparse.Sequence(nil)
	if o.measure {
		train, measure = refparse.Split(seqs)
	}
	m, err := refparse.Train(train, refparse.TrainOptions{Epochs: o.epochs})
	if err != nil {
		out.Abort()
		return fmt.Errorf("%s: %w", o.parser, err)
	}
	if err := m.Write(out); err != nil {
		out.Abort()
		return err
	}
	fmt.Fprintf(stderr, "trained on %d references\n", len(train))
	if o.measure {
		for _, part := range []struct {
			name string
			seqs []refparse.Sequence
		}{{"train", train}, {"measure-only", measure}} {
			scores, acc := refparse.Evaluate(m, part.seqs)
			fmt.Fprintf(stderr, "%s (%d references): token accuracy %.3f\n", part.name, len(part.seqs), acc)
			for _, sc := range scores {
				fmt.Fprintf(stderr, "  %-16s F1 %.3f\n", sc.Label, sc.F1())
			}
		}
	}
	return out.Close()
}

func loadModel(path string) (*refparse.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := refparse.Read(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// writeCitationList prints one line per citation: position, kind, label,
// the fields read, the locators and the known work it was linked to.
func writeCitationList(out io.Writer, refs []extract.Reference) error {
	var b strings.Builder
	for _, r := range refs {
		b.Reset()
		fmt.Fprintf(&b, "%s\t%s", r.Pos, r.Kind)
		if r.Label != "" {
			fmt.Fprintf(&b, " %s", r.Label)
		}
		b.WriteString("\t")
		if r.Kind != extract.Comment {
			b.WriteString(summary(r.Item))
		}
		for _, l := range r.Locators {
			fmt.Fprintf(&b, " [%s %s]", l.Label, l.Value)
		}
		if r.Target >= 0 {
			verb := "repeats"
			if r.Kind == extract.InText {
				verb = "cites"
			}
			fmt.Fprintf(&b, " (%s %s)", verb, refs[r.Target].Pos)
		}
		if r.Work != "" {
			fmt.Fprintf(&b, "\t-> %s (%s)", r.Work, r.Reason)
		}
		b.WriteString("\n")
		if _, err := io.WriteString(out, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// summary is a one-line description of an item: type, authors, year,
// title, container or publisher.
func summary(it bib.Item) string {
	parts := []string{it.Type}
	var who []string
	for _, n := range it.Names["author"] {
		who = append(who, n.String())
	}
	if len(who) > 0 {
		parts = append(parts, strings.Join(who, "; "))
	}
	if d, ok := it.Dates["issued"]; ok {
		parts = append(parts, d.String())
	}
	for _, v := range []string{"title", "container-title", "publisher"} {
		if s := it.Get(v); s != "" {
			parts = append(parts, fmt.Sprintf("%s: %q", v, s))
		}
	}
	return strings.Join(parts, ", ")
}
